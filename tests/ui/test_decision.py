"""The dock's Decision support box on the hand-made district of tests/data (make_test_data.py), evaluated with
its golden weight set (tests/data/expected/golden_evaluate.csv gives every parcel's score, tier, category,
level and boundary flag). Each algorithm runs in the background through the dock's one runner, goes to the
Processing history, loads its styled outputs and shows a summary whose numbers are worked out below.

The evaluated district:  P01 C eco_exit base inside (half in the red line: exits whatever its score 1, its A
capped at C) · P02 C identified base inside (veto: no land certificate)
· P03 C retained base outside · P04 T eco_exit community outside (5/6 in the red line, green-deficient)
· P05 C in_progress community outside · P06 D identified block outside (efficiency-deficient; 7.5 亩, 2000 m²
of floors, centroid (550, 350) from the origin of make_test_data).
"""
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
X0, Y0 = 560000.0, 3320000.0  # make_test_data's origin (EPSG:4547)


def evaluate(folder, with_parks):
    import processing

    out = folder / ("evaluated.gpkg" if with_parks else "evaluated_without_levels.gpkg")
    config = str(DATA / "golden_config.yaml")
    parks = {"PARKS": str(DATA / "parks.gpkg")} if with_parks else {}
    processing.run("landeval:evaluate", {
        "PARCELS": str(DATA / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号",
        "ENTERPRISES": str(DATA / "enterprises_utf8.csv"), "ECO_REDLINE": str(DATA / "redline_4490.gpkg"),
        "DEV_BOUNDARY": str(DATA / "dev_boundary.gpkg"), "POIS": str(DATA / "pois_4490.gpkg"), "POI_RADIUS": 200,
        "WEIGHT_SET": config, "RULE_SET": config, "OUTPUT": str(out), **parks})
    return str(out)


@pytest.fixture(scope="module")
def evaluated_path(tmp_path_factory, landeval_provider):
    return evaluate(tmp_path_factory.mktemp("decision"), with_parks=True)


@pytest.fixture
def dock(qgis_iface, qgis_new_project, landeval_provider, evaluated_path):
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from landeval.ui.dock import WeightSetDock

    project = QgsProject.instance()
    project.clear()
    evaluated = QgsVectorLayer(evaluated_path, "evaluated", "ogr")
    parks = QgsVectorLayer(str(DATA / "parks.gpkg"), "parks", "ogr")
    assert evaluated.isValid() and parks.isValid() and evaluated.featureCount() == 6
    project.addMapLayers([evaluated, parks])
    dock = WeightSetDock(qgis_iface, qgis_iface.mainWindow())
    # The summaries below were worked out with Chinese labels; the combo starts at QGIS's language (English here).
    dock.language_combo.setCurrentIndex(dock.language_combo.findData("zh"))
    dock.apply_panel.evaluated_combo.setLayer(evaluated)
    dock.apply_panel.overlays["PARKS"].setLayer(parks)
    yield dock
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def run_decision(dock, wait_for):
    """run_decision(algorithm id) → (ok, RunResult, message) of the last run the click started."""
    def _run(algorithm_id):
        done = []
        dock.runner.finished.connect(lambda ok, result, message: done.append((ok, result, message)))
        assert dock.decision_panel.run(algorithm_id)
        # The scenarios may start with classifyscale: wait for the run of the algorithm asked for.
        wait_for(lambda: done and (done[-1][1].algorithm_id == algorithm_id or not done[-1][0]))
        return done[-1], done

    return _run


def by_id(layer, field="宗地编号"):
    return {f[field]: f for f in layer.getFeatures()}


def test_one_runner_serves_apply_and_decision_support_and_blocks_both_while_running(dock, wait_for):
    from landeval.ui.algorithm_runner import AlgorithmRunner
    from landeval.ui.decision_panel import PATHS

    panel = dock.decision_panel
    assert isinstance(dock.runner, AlgorithmRunner)
    assert dock.apply_panel.runner is dock.runner and panel.runner is dock.runner
    assert all(button.isEnabled() for button in panel.run_buttons.values())
    done = []
    dock.runner.finished.connect(lambda *args: done.append(args))
    assert panel.run(PATHS)
    assert dock.runner.algorithm_id == PATHS
    assert not any(button.isEnabled() for button in panel.run_buttons.values())
    assert not dock.apply_panel.apply_button.isEnabled() and panel.cancel_button.isEnabled()
    assert not dock.apply_panel.cancel_button.isEnabled()     # Apply's cancel is for evaluations only
    wait_for(lambda: done)
    assert all(button.isEnabled() for button in panel.run_buttons.values())
    assert dock.apply_panel.apply_button.isEnabled() == (dock.apply_panel.parcels_combo.currentLayer() is not None)


def test_paths_run_in_the_background_and_summarize_paths_and_clearance_zones(dock, run_decision, history):
    from qgis.core import QgsProject

    from landeval.ui.decision_panel import PATHS

    (ok, result, message), _ = run_decision(PATHS)
    assert ok, message
    layer = result.layer
    assert list(result.layers) == ["OUTPUT"] and layer.id() in QgsProject.instance().mapLayers()
    assert layer.name().startswith("evaluated — ")
    rows = by_id(layer)
    # Paths for the inefficient parcels not under way (paths.yaml, first rule that holds): P01 has exactly half
    # in the red line, which the preset counts as inside (生态清退), and red-line land comes first →
    # eco_restoration; P02 fails a veto inside the boundary → reclaim; P04 has 5/6 in the red line →
    # eco_restoration; P06 is outside → exit.
    assert {k: f["path"] for k, f in rows.items() if f["path"]} == {
        "P01": "eco_restoration", "P02": "reclaim", "P04": "eco_restoration", "P06": "exit"}
    # Clearance zones outside the boundary: P04 in the red line must go, P05 and P06 are inefficient
    # (encouraged), P03 is efficient (may).
    assert {k: f["clearance_zone"] for k, f in rows.items() if f["clearance_zone"]} == {
        "P03": "may_exit", "P04": "must_exit", "P05": "encouraged_exit", "P06": "encouraged_exit"}
    path_field = layer.fields().indexOf("path")
    assert layer.editorWidgetSetup(path_field).type() == "ValueMap"   # 工改工 … shown in the attribute table
    assert layer.fields().field("clearance_zone").alias() != ""
    assert dock.decision_panel.summaries[PATHS].text() == (
        "Paths: 工业生态修复 2 · 收回收储 1 · 清退 1 | Clearance zones: 必须清退区 1 · 鼓励清退区 2 · 可考虑清退区 1")
    assert 'processing.run("landeval:suggestpaths"' in history()[-1]


def test_paths_summary_follows_the_dock_language(dock, run_decision, history):
    from landeval.ui.decision_panel import PATHS

    dock.language_combo.setCurrentIndex(dock.language_combo.findData("en"))
    (ok, result, message), _ = run_decision(PATHS)
    assert ok, message
    assert "'LANGUAGE':1" in history()[-1]
    summary = dock.decision_panel.summaries[PATHS].text()
    assert summary.startswith("Paths: Ecological restoration 2 · Reclaim into the land reserve 1 · Clear out 1 |")
    assert by_id(result.layer)["P06"]["path_reason"].startswith("Inefficient industrial land outside")


def test_two_evaluations_take_the_extra_layers_and_count_parcels_per_quadrant(dock, run_decision, history):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

    from landeval.ui.decision_panel import TWO_EVALUATIONS

    centres = QgsVectorLayer("Point?crs=EPSG:4547", "centres", "memory")
    centre = QgsFeature()
    centre.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + 50, Y0 + 50)))   # P01's centroid
    centres.dataProvider().addFeatures([centre])
    QgsProject.instance().addMapLayer(centres)
    panel = dock.decision_panel
    assert set(panel.value_layers) == {"CENTRES", "TRANSIT", "ROADS", "POIS", "LANDUSE"}
    assert panel.radius.value() == 1000.0                     # the algorithm's default
    panel.value_layers["CENTRES"].setLayer(centres)
    (ok, result, message), _ = run_decision(TWO_EVALUATIONS)
    assert ok, message
    assert set(result.layers) == {"OUTPUT", "OUTPUT_LIST"}
    assert result.layer.renderer().type() == "categorizedSymbol"   # the bivariate style
    # Value = 2/3 · distance score (cost, min-max over 0 … 583.1 m from the centre) + 1/3 · POI score (the
    # layer's poi_count: 1 for P01–P03 and P06, 0 for P04, P05): P01 1.0, P02 0.714, P03 0.400, P04 0.323,
    # P05 0.238, P06 0.333; the median 0.367 splits high (P01–P03) from low. Performance ≥ 0.6: P01 only; P04
    # has no score, so no quadrant.
    quadrant = {k: f["quadrant"] for k, f in by_id(result.layer).items()}
    assert quadrant == {"P01": "hv_hp", "P02": "hv_lp", "P03": "hv_lp", "P04": None, "P05": "lv_lp",
                        "P06": "lv_lp"}
    assert panel.summaries[TWO_EVALUATIONS].text() == (
        "A 高价值·高绩效 1 · B 低价值·高绩效 0 · C 高价值·低绩效 2 · D 低价值·低绩效 2 · no quadrant 1")
    assert "'CENTRES':" in history()[-1]


def test_scenarios_classify_the_parks_first_then_compare_the_patterns_with_edited_costs(dock, run_decision, history):
    from landeval.ui.decision_panel import SCENARIOS

    panel = dock.decision_panel
    assert panel.costs["RELOCATION_COST"].value() == 300.0    # the algorithm's defaults, editable
    assert [panel.costs[k].value() for k in ("DEMOLITION_COST", "CONSTRUCTION_COST", "COMPENSATION")] == [
        100.0, 2500.0, 30.0]
    assert "classifyscale" in panel.parks_note.text()          # parks.gpkg has no level yet
    panel.costs["RELOCATION_COST"].setValue(500.0)
    panel.park_name_field.setField("park_id")
    (ok, result, message), runs = run_decision(SCENARIOS)
    assert ok, message
    assert [r[1].algorithm_id for r in runs] == ["landeval:classifyscale", SCENARIOS]
    assert runs[0][1].layers == {}                              # the park levels stay a file, not a layer
    assert set(result.layers) == {"OUTPUT", "OUTPUT_LINES", "OUTPUT_TABLE"}
    lines = history()
    assert 'processing.run("landeval:classifyscale"' in lines[-2]
    assert 'processing.run("landeval:renewalscenarios"' in lines[-1] and "'RELOCATION_COST':500" in lines[-1]
    # Only P06 is a block. Concentration: into the nearest base, PA (150 m below it). Clustering: P06 is
    # outside the boundary, nearest base or community is PB (100 m to its east edge). Integration: P06 lies
    # within 2 km of the base PA, so it merges into PA.
    p06 = by_id(result.layer)["P06"]
    assert (p06["dest_concentration"], p06["dest_clustering"], p06["dest_integration"]) == ("PA", "PB", "PA")
    # Cost per move: (500 + 100 + 2500) 元/m² × 2000 m² = 620 万元 plus 30 万元/亩 × 7.5 亩 = 225 → 845 万元.
    # Freed quota: 7.5 亩 less the land rebuilt at plot ratio 2.0 in a base (1000 m² = 1.5 亩) or 1.5 in a
    # community (1333 m² = 2 亩).
    assert panel.summaries[SCENARIOS].text() == (
        "大集中: 1 moved, 6.0 亩 freed, 845 (10k CNY) · 小集聚: 1 moved, 5.5 亩 freed, 845 (10k CNY) · "
        "小集聚+适度并园: 1 moved, 6.0 亩 freed, 845 (10k CNY)")
    assert result.layers["OUTPUT_LINES"].featureCount() == 3


def test_scenarios_take_the_parcel_levels_from_classifyscale_when_the_layer_has_none(dock, run_decision, history,
                                                                                     tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    from landeval.ui.decision_panel import SCENARIOS

    unlevelled = QgsVectorLayer(evaluate(tmp_path, with_parks=False), "evaluated without levels", "ogr")
    assert unlevelled.fields().lookupField("level") < 0
    QgsProject.instance().addMapLayer(unlevelled)
    dock.apply_panel.evaluated_combo.setLayer(unlevelled)
    dock.decision_panel.park_name_field.setField("park_id")
    (ok, result, message), runs = run_decision(SCENARIOS)
    assert ok, message
    scale_run = runs[0][1]
    assert history()[-1].count(scale_run.outputs["OUTPUT"]) == 1      # the scenarios read its parcel levels
    assert "'DEV_BOUNDARY'" not in history()[-2]                        # the layer already has the flag
    # The same parks give the same levels as the evaluation with parks: the same moves and figures.
    assert dock.decision_panel.summaries[SCENARIOS].text() == (
        "大集中: 1 moved, 6.0 亩 freed, 805 (10k CNY) · 小集聚: 1 moved, 5.5 亩 freed, 805 (10k CNY) · "
        "小集聚+适度并园: 1 moved, 6.0 亩 freed, 805 (10k CNY)")
    assert result.layer.name().startswith("evaluated without levels — ")


def test_scenarios_need_the_parks_and_both_town_fields(dock):
    from landeval.ui.decision_panel import SCENARIOS

    panel = dock.decision_panel
    panel.town_field.setField("宗地编号")
    assert not panel.run(SCENARIOS)
    assert "both town fields" in dock.message_bar.currentItem().text()
    dock.apply_panel.overlays["PARKS"].setLayer(None)
    assert not panel.run(SCENARIOS)
    assert "need the parks" in dock.message_bar.currentItem().text()
    assert not dock.runner.running


def test_rounds_compare_with_the_earlier_layer_and_count_the_directions(dock, run_decision):
    from qgis.core import QgsFeature, QgsProject, QgsVectorLayer

    from landeval.ui.decision_panel import ROUNDS

    later = dock.apply_panel.evaluated_layer()
    earlier = QgsVectorLayer("MultiPolygon?crs=EPSG:4547&field=宗地编号:string&field=tier:string"
                             "&field=category:string&field=score:double&field=inefficient:integer", "round 1", "memory")
    # Last year: P02 was D (now C: improved), P06 was C (now D: worsened), P05 was not there (appeared), and a
    # P07 existed that is gone (disappeared); P01, P03, P04 kept their tier (unchanged).
    old_tier = {"P02": "D", "P06": "C"}
    features = []
    for f in later.getFeatures():
        if f["宗地编号"] == "P05":
            continue
        for key in (f["宗地编号"],) + (("P07",) if f["宗地编号"] == "P01" else ()):
            g = QgsFeature(earlier.fields())
            g.setGeometry(f.geometry())
            g.setAttributes([key, old_tier.get(key, f["tier"]), f["category"], f["score"], f["inefficient"]])
            features.append(g)
    earlier.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(earlier)
    panel = dock.decision_panel
    panel.earlier_combo.setLayer(earlier)
    assert (panel.earlier_id.currentField(), panel.later_id.currentField()) == ("宗地编号", "宗地编号")
    (ok, result, message), _ = run_decision(ROUNDS)
    assert ok, message
    assert set(result.layers) == {"OUTPUT", "OUTPUT_TIER_MATRIX", "OUTPUT_CATEGORY_MATRIX"}
    assert result.layer.renderer().type() == "categorizedSymbol"     # styled by direction of change
    change = {f["parcel_id"]: f["change"] for f in result.layer.getFeatures()}
    assert change == {"P01": "unchanged", "P02": "improved", "P03": "unchanged", "P04": "unchanged",
                      "P05": "appeared", "P06": "worsened", "P07": "disappeared"}
    assert panel.summaries[ROUNDS].text() == "改善 1 · 恶化 1 · 不变 3 · 新增 1 · 消失 1"


def test_a_refused_run_shows_the_algorithm_s_own_reason(dock, run_decision):
    from qgis.core import QgsFeature, QgsProject, QgsVectorLayer

    from landeval.ui.decision_panel import ROUNDS

    panel = dock.decision_panel
    assert not panel.run(ROUNDS)                              # no earlier round chosen yet
    assert "earlier round" in dock.message_bar.currentItem().text()
    earlier = QgsVectorLayer("Polygon?crs=EPSG:4547&field=宗地编号:string&field=tier:string", "dup", "memory")
    twins = []
    for tier in ("A", "B"):
        f = QgsFeature(earlier.fields())
        f.setAttributes(["P01", tier])
        twins.append(f)
    earlier.dataProvider().addFeatures(twins)
    QgsProject.instance().addMapLayer(earlier)
    panel.earlier_combo.setLayer(earlier)
    (ok, result, message), _ = run_decision(ROUNDS)
    assert not ok and result.layers == {}
    assert "Parcel ids repeat in the earlier round (P01)" in message
    assert "Parcel ids repeat" in panel.summaries[ROUNDS].text()
    assert all(button.isEnabled() for button in panel.run_buttons.values())


def test_decision_buttons_wait_for_an_evaluated_layer(dock):
    panel = dock.decision_panel
    dock.apply_panel.evaluated_combo.setLayer(None)
    assert not any(button.isEnabled() for button in panel.run_buttons.values())
    assert "evaluated layer" in panel.layer_label.text()


INEFFICIENT = ["P01", "P02", "P04", "P05", "P06"]   # 生态清退 P01 P04, 低效认定 P02 P06, 正在推进 P05 (module doc)


@pytest.mark.skipif(__import__("shutil").which("pdfinfo") is None, reason="poppler-utils (scripts/setup.sh) missing")
def test_dossiers_print_from_the_dock_one_page_per_inefficient_parcel(dock, run_decision, history, tmp_path,
                                                                      evaluated_path):
    import re
    import subprocess

    from landeval.ui.documents import DOSSIER

    panel = dock.decision_panel
    options = panel.documents[DOSSIER]
    # The default file sits beside the evaluated layer, named after it.
    assert options.output.filePath() == str(Path(evaluated_path).parent / "evaluated_parcel_dossiers.pdf")
    assert options.filter.expression() == '"inefficient" = 1'
    out = tmp_path / "dossiers.pdf"
    options.output.setFilePath(str(out))
    (ok, result, message), _ = run_decision(DOSSIER)
    assert ok, message
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
    assert result.outputs["PAGES"] == len(INEFFICIENT) == int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert panel.summaries[DOSSIER].text() == f"5 dossier page(s) → <a href='file://{out}'>{out}</a>"
    command = history()[-1]
    assert 'processing.run("landeval:dossier"' in command and "'PARKS':" in command
    assert all(button.isEnabled() for button in panel.run_buttons.values())


def test_the_list_exports_from_the_dock_with_one_row_per_inefficient_parcel(dock, run_decision, tmp_path):
    import openpyxl

    from landeval.ui.documents import EXPORT_LIST

    panel = dock.decision_panel
    out = tmp_path / "清单.xlsx"
    panel.documents[EXPORT_LIST].output.setFilePath(str(out))
    (ok, result, message), _ = run_decision(EXPORT_LIST)
    assert ok, message
    assert result.outputs["ROWS"] == len(INEFFICIENT)
    book = openpyxl.load_workbook(out)
    listed = [row[0] for name in book.sheetnames[1:] for row in book[name].iter_rows(min_row=2, values_only=True)
              if row[0] in INEFFICIENT]
    assert sorted(listed) == INEFFICIENT
    assert panel.summaries[EXPORT_LIST].text().startswith("List of 5 parcel(s) → <a href='file://")


def test_a_document_without_a_file_to_write_is_refused_with_a_message(dock):
    from landeval.ui.documents import EXPORT_LIST

    told = []
    dock.decision_panel.message.connect(lambda text, level: told.append(text))
    dock.decision_panel.documents[EXPORT_LIST].output.setFilePath("")
    assert not dock.decision_panel.run(EXPORT_LIST)
    assert "Choose the file to write" in told[-1] and not dock.runner.running
