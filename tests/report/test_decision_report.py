"""Decision support in the HTML report: paths and clearance zones, renewal scenarios, the two evaluations and
the round comparison — numbers worked out by hand on tiny frames, then recounted from the layers the four
decision algorithms write."""
import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from landeval.core import report_decision, report_html

MU = 10000.0 / 15.0


def rows_of(page, table_id):
    """{data-value: (count, area)} of a counts table (the total row left out)."""
    table = re.search(rf'<table class="classes" id="{table_id}">(.*?)</table>', page, re.S).group(1)
    found = re.findall(r'<tr data-value="([^"]*)">.*?<td class="count">([\d,]+)</td>.*?<td class="area">([\d,.—]+)'
                       r'</td>', table, re.S)
    return {v: (int(n.replace(",", "")), float(a.replace(",", ""))) for v, n, a in found}


def counts_of(page, table_id):
    return {v: n for v, (n, _) in rows_of(page, table_id).items() if n}


def page_of(frame, **kwargs):
    sections = report_decision.decision_sections(frame, "mu", **kwargs)
    return report_html.build_report(frame, {"area_unit": "mu"}, None, None, sections), sections


# --- hand-worked, no QGIS ---------------------------------------------------------------------------------------
def test_path_and_clearance_tables_by_hand():
    frame = pd.DataFrame({
        "parcel_id": ["P1", "P2", "P3", "P4", "P5", "P6"],
        "area_m2": np.array([10.0, 20.0, 30.0, 40.0, 50.0, 60.0]) * MU,
        "score": [0.30, 0.20, 0.50, 0.90, 0.40, 0.35],
        "path": ["highstd_factory", "highstd_factory", "exit", None, "eco_restoration", "my_path"],
        "path_reason": ["r1", "r2", "r3", None, "r5", "r6"],
        "clearance_zone": [None, None, "must_exit", "may_exit", "must_exit", None],
    })
    page, sections = page_of(frame, labels={"path": {"my_path": "自定路径"}})
    assert [key for key, _, _ in sections] == ["paths", "clearance", "path_list"]
    paths = rows_of(page, "by-path")
    # P1 + P2 = 30 亩; P3 30; P5 50; P6 (a custom rule file's id) 60; P4 has no path: 40.
    assert paths["highstd_factory"] == (2, 30.0) and paths["exit"] == (1, 30.0)
    assert paths["eco_restoration"] == (1, 50.0) and paths["my_path"] == (1, 60.0) and paths[""] == (1, 40.0)
    assert paths["capacity_upgrade"] == (0, 0.0)  # every path of the rule file is listed, used or not
    assert "工改工（高标准厂房/工业上楼）" in page and "自定路径" in page
    assert re.search(r'id="by-path">.*?class="total">.*?class="count">6<.*?class="area">210\.0<', page, re.S)
    assert rows_of(page, "by-clearance") == {"must_exit": (2, 80.0), "encouraged_exit": (0, 0.0),
                                             "may_exit": (1, 40.0), "": (3, 90.0)}
    listed = re.search(r'id="path-table">(.*?)</table>', page, re.S).group(1)
    # Five parcels with a path, in the rule file's path order, then by score.
    assert re.findall(r"<tr><td>(P\d)</td>", listed) == ["P2", "P1", "P5", "P3", "P6"]
    assert "<td>r5</td>" in listed and "必须清退区" in listed
    assert 'href="#paths"' in page and 'href="#path_list"' in page  # in the navigation
    zh, en = report_decision.TITLES["clearance"]
    assert zh in page and en in page


def test_no_decision_sections_without_their_outputs():
    frame = pd.DataFrame({"area_m2": [MU], "score": [0.5], "tier": ["B"]})
    page, sections = page_of(frame)
    assert sections == [] and 'id="paths"' not in page and 'id="scenarios"' not in page


def test_scenario_table_by_hand():
    table = pd.DataFrame({
        "pattern": ["current", "concentration"], "label_zh": ["现状", "大集中"], "label_en": ["Current", "x"],
        "moved": [0, 12], "unplaced": [0, 1], "relocated_area": [0.0, 123.456], "relocated_floor_m2": [0.0, 45678.4],
        "cost_relocation": [0.0, 1370.35], "cost_demolition": [0.0, 456.78], "cost_construction": [0.0, 11419.6],
        "cost_compensation": [0.0, 3703.68], "cost_total": [0.0, 16950.41], "land_needed": [0.0, 34.26],
        "freed_quota": [0.0, 89.196], "industrial_land": [1000.0, 910.804], "output_per_area": [12.3456, 13.5],
        "tax_per_area": [1.234, np.nan]})
    page, _ = page_of(pd.DataFrame({"area_m2": [MU]}), scenarios=table,
                      scenario_aliases={"freed_quota": "释放建设用地指标(亩)"})
    grid = re.search(r'id="scenario-table">(.*?)</table>', page, re.S).group(1)

    def cells(figure):
        row = re.search(rf'data-figure="{figure}">(.*?)</tr>', grid, re.S).group(1)
        return re.findall(r'<td class="count">([^<]*)</td>', row)

    assert cells("moved") == ["0", "12"] and cells("cost_total") == ["0", "16,950"]
    assert cells("relocated_area") == ["0.0", "123.5"] and cells("freed_quota") == ["0.0", "89.2"]
    assert cells("output_per_area") == ["12.35", "13.50"] and cells("tax_per_area") == ["1.23", "—"]
    assert "释放建设用地指标(亩)" in grid and "大集中" in grid and "Large concentration" in grid


def test_round_comparison_by_hand():
    # P1 B→A improved, P2 A→C worsened, P3 C→C, P4 new (appeared, B), P5 gone (was D), P6 unrated → C.
    rounds = pd.DataFrame({
        "parcel_id": ["P1", "P2", "P3", "P4", "P5", "P6"],
        "change": ["improved", "worsened", "unchanged", "appeared", "disappeared", "unchanged"],
        "tier_old": ["B", "A", "C", None, "D", "T"], "tier_new": ["A", "C", "C", "B", None, "C"],
        "category_old": ["retained"] * 6, "category_new": ["retained"] * 6,
        "tier_steps": [-1.0, 2.0, 0.0, np.nan, np.nan, np.nan], "score_change": [0.1, -0.2, 0, np.nan, np.nan, 0],
        "area_m2": np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]) * MU})
    page, _ = page_of(pd.DataFrame({"area_m2": [MU]}), rounds=rounds)
    assert rows_of(page, "by-change") == {"improved": (1, 1.0), "worsened": (1, 2.0), "unchanged": (2, 9.0),
                                          "appeared": (1, 4.0), "disappeared": (1, 5.0)}
    matrix = re.search(r'id="tier-matrix">(.*?)</table>', page, re.S).group(1)
    cols = re.findall(r'data-to="([^"]*)"', matrix)
    assert cols == ["A", "B", "C", "D", "T", "gone", "total"]
    grid = {r: [int(n) for n in re.findall(r'class="count">(\d+)<', row)]
            for r, row in re.findall(r'<tr data-from="([^"]*)">(.*?)</tr>', matrix, re.S)}
    assert grid == {"A": [0, 0, 1, 0, 0, 0, 1], "B": [1, 0, 0, 0, 0, 0, 1], "C": [0, 0, 1, 0, 0, 0, 1],
                    "D": [0, 0, 0, 0, 0, 1, 1], "T": [0, 0, 1, 0, 0, 0, 1], "new": [0, 1, 0, 0, 0, 0, 1],
                    "total": [1, 1, 3, 0, 0, 1, 6]}
    worse = re.search(r'id="worsened-table">(.*?)</table>', page, re.S).group(1)
    assert re.findall(r"<tr><td>(P\d)</td>", worse) == ["P2"] and "C类（观察提升）" in worse
    calm, _ = page_of(pd.DataFrame({"area_m2": [MU]}), rounds=rounds[rounds["change"] != "worsened"])
    assert 'id="worsened-none"' in calm and 'id="worsened-table"' not in calm


# --- the decision algorithms' own outputs, recounted from the layers ---------------------------------------------
def layer_of(uri):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(uri, "layer", "ogr")
    assert layer.isValid(), uri
    return layer


def values(layer, field):
    from qgis.core import NULL

    return ["" if f[field] is None or f[field] == NULL else str(f[field]) for f in layer.getFeatures()]


@pytest.fixture(scope="module")
def full_report(decision_outputs):
    import processing

    out = decision_outputs
    path = str(out["dir"] / "report.html")
    processing.run("landeval:report", {"INPUT": out["paths"], "LANGUAGE": 3, "SCENARIOS": out["scenarios"],
                                       "TWO_EVALUATIONS": out["two"], "ROUNDS": out["rounds"], "OUTPUT": path})
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def test_report_counts_paths_as_the_layer_holds_them(full_report, decision_outputs):
    paths = layer_of(decision_outputs["paths"])
    for field, table_id in (("path", "by-path"), ("clearance_zone", "by-clearance")):
        counted = Counter(values(paths, field))
        assert counts_of(full_report, table_id) == dict(counted), field
        # Every parcel of the district is 60 亩.
        assert all(area == pytest.approx(60.0 * n) for n, area in rows_of(full_report, table_id).values())
    with_path = [f for f in paths.getFeatures() if values_of(f, "path")]
    assert with_path and re.search(rf'id="n-paths">{len(with_path)}<', full_report)
    listed = re.search(r'id="path-table">(.*?)</table>', full_report, re.S).group(1)
    rows = dict(re.findall(r"<tr><td>(T\d{3})</td>.*?<td>([^<]*)</td></tr>", listed, re.S))
    assert rows == {f["宗地编号"]: f["path_reason"] for f in with_path}  # each parcel with its own reason


def values_of(feature, field):
    from qgis.core import NULL

    value = feature[field]
    return "" if value is None or value == NULL else str(value)


def test_report_shows_the_scenario_table(full_report, decision_outputs):
    table = layer_of(decision_outputs["scenarios"])
    grid = re.search(r'id="scenario-table">(.*?)</table>', full_report, re.S).group(1)
    patterns = re.findall(r'data-pattern="([^"]*)"', grid)
    assert patterns == values(table, "pattern") == ["current", "concentration", "clustering", "integration"]
    for figure in ("moved", "cost_total", "freed_quota", "industrial_land"):
        row = re.search(rf'data-figure="{figure}">(.*?)</tr>', grid, re.S).group(1)
        shown = [float(v.replace(",", "")) for v in re.findall(r'<td class="count">([^<]*)</td>', row)]
        digits = {"moved": 0, "cost_total": 0, "freed_quota": 1, "industrial_land": 1}[figure]
        assert shown == pytest.approx([round(f[figure], digits) for f in table.getFeatures()]), figure
    assert "腾退用地面积(亩)" in grid  # the table's own alias carries the unit


def test_report_counts_quadrants_and_the_abcd_list(full_report, decision_outputs):
    two = layer_of(decision_outputs["two"])
    assert counts_of(full_report, "by-quadrant") == dict(Counter(values(two, "quadrant")))
    abcd = {f["abcd_list"]: f["parcels"] for f in layer_of(decision_outputs["abcd"]).getFeatures() if f["parcels"]}
    shown = counts_of(full_report, "by-abcd")
    assert shown.pop("") == values(two, "quadrant").count("") == 1  # T006 has no score: no quadrant, no list
    assert shown == abcd  # the report agrees with the algorithm's own ABCD list
    assert "重点盘活：优先更新改造、转型升级" in full_report


def test_report_counts_changes_and_transitions_as_comparerounds(full_report, decision_outputs):
    rounds = layer_of(decision_outputs["rounds"])
    changes = Counter(values(rounds, "change"))
    assert counts_of(full_report, "by-change") == dict(changes)
    assert changes["appeared"] == 2 and changes["disappeared"] == 2 and changes["improved"] and changes["worsened"]
    # Areas measured from the comparison's geometry (it has no area field): 60 亩 a parcel.
    assert all(area == pytest.approx(60.0 * n) for n, area in rows_of(full_report, "by-change").values())
    matrix = re.search(r'id="tier-matrix">(.*?)</table>', full_report, re.S).group(1)
    cols = re.findall(r'data-to="([^"]*)"', matrix)
    shown = {r: dict(zip(cols, (int(n) for n in re.findall(r'class="count">(\d+)<', row))))
             for r, row in re.findall(r'<tr data-from="([^"]*)">(.*?)</tr>', matrix, re.S)}
    algorithm = {f["from"]: f for f in layer_of(decision_outputs["tier_matrix"]).getFeatures()}
    for r, row in shown.items():
        assert row == {c: algorithm[r][c] for c in cols}, r  # the matrix landeval:comparerounds wrote
    worse = re.search(r'id="worsened-table">(.*?)</table>', full_report, re.S).group(1)
    assert len(re.findall(r"<tr><td>T\d{3}</td>", worse)) == changes["worsened"]


def test_report_refuses_a_wrong_decision_layer(decision_outputs, tmp_path):
    from landeval.qgis_io.report_io import write_report
    from landeval.core.errors import LandEvalError

    with pytest.raises(LandEvalError, match="no field 'change'.*comparerounds"):
        write_report(layer_of(decision_outputs["paths"]), str(tmp_path / "r.html"), {},
                     rounds=layer_of(decision_outputs["two"]))
