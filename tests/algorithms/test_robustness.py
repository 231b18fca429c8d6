"""landeval:robustness through processing.run and the graphical modeler, on the golden evaluation (tests/data,
worked by hand in tests/data/expected/README.md): golden_config.yaml, threshold 0.15, land 0.4 (plot_ratio) and
economy 0.6 (tax_per_area, output_per_area at 0.5 each).

Issue 14: "a parcel far above the threshold has p = 0, far below p = 1, a vetoed parcel p = 1"; "Parcels whose
status does not depend on the score — failed vetoes, 正在推进, 生态清退, 地方上报 — have p = 1 and say why."
"""
import re
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

DATA = Path(__file__).resolve().parents[1] / "data"
CONFIG = str(DATA / "golden_config.yaml")
FIELDS = ("p_inefficient", "tier_modal", "tier_stability", "rank_p05", "rank_p50", "rank_p95", "score_p05",
          "score_p95", "robust_class", "robust_reason")


@pytest.fixture
def robust(run, evaluated, tmp_path):
    out = str(tmp_path / "robust.gpkg")
    report = str(tmp_path / "robust.html")
    result = run("robustness", {"INPUT": evaluated, "WEIGHT_SET": CONFIG, "DRAWS": 400, "SEED": 3, "OUTPUT": out,
                                "REPORT": report})
    return result, out, report


def test_golden_parcels(robust, by_key):
    result, out, _ = robust
    got = by_key(out, "宗地编号")
    p = {pid: f["p_inefficient"] for pid, f in got.items()}
    # P01 scores 1.0 (every indicator at its maximum): no weighting brings it below 0.15.
    assert p["P01"] == 0.0 and got["P01"]["robust_class"] == "robust_retained"
    # P06 scores 0 (every indicator at its minimum): inefficient under every weighting.
    assert p["P06"] == 1.0 and got["P06"]["robust_class"] == "robust_inefficient"
    # P02 fails legal_certificate: inefficient whatever the score.
    assert p["P02"] == 1.0 and got["P02"]["robust_reason"] == "veto"
    # P04 is 地方上报 (reported; it has no score at all), P05 is 正在推进 (in_progress).
    assert p["P04"] == 1.0 and got["P04"]["robust_reason"] == "reported"
    assert p["P05"] == 1.0 and got["P05"]["robust_reason"] == "in_progress"
    # P03: 0.4 · 0.25 + 0.6 · (0.5 · 0.0625 + 0.5 · 0.1319) = 0.1583, 0.0083 above 0.15 with unequal element
    # scores (land 0.25, economy 0.097): land's weight below about 0.345 puts it under — contested.
    assert 0.1 < p["P03"] < 0.9 and got["P03"]["robust_class"] == "contested"
    assert got["P03"]["score_p05"] < 0.15 < got["P03"]["score_p95"]
    counts = {k: result[k] for k in ("ROBUST_INEFFICIENT", "CONTESTED", "ROBUST_RETAINED")}
    assert counts == {"ROBUST_INEFFICIENT": 4, "CONTESTED": 1, "ROBUST_RETAINED": 1}


def test_output_keeps_the_input_and_is_styled_in_the_runs_language(robust, evaluated):
    _, out, _ = robust
    layer = QgsVectorLayer(out, "robust", "ogr")
    source = QgsVectorLayer(evaluated, "evaluated", "ogr")
    assert set(source.fields().names()) <= set(layer.fields().names())
    assert all(layer.fields().lookupField(f) >= 0 for f in FIELDS)
    assert layer.renderer().type() == "categorizedSymbol" and layer.renderer().classAttribute() == "robust_class"
    idx = layer.fields().lookupField("robust_class")
    # The suite runs in English: aliases and value maps in English (resources/labels.yaml).
    assert layer.attributeAlias(idx) == "Robustness class"  # labels.yaml field.robust_class en
    value_map = layer.editorWidgetSetup(idx).config()["map"]
    assert {"Contested": "contested"} in value_map  # labels.yaml robust_class.contested en
    assert layer.attributeAlias(layer.fields().lookupField("p_inefficient")) == "Probability inefficient"


def test_report_has_the_robustness_section(robust):
    _, _, report = robust
    page = Path(report).read_text(encoding="utf-8")
    for anchor in ('id="robustness"', 'id="chart-p"', 'id="contested-table"', 'id="chart-tornado"',
                   'id="tornado-table"', 'id="sweep-table"'):
        assert anchor in page, anchor
    assert re.search(r'id="n-contested">1<', page)
    # Sweep from the layer's own scores: at 0.40 P03 (0.158) joins the four fixed/low parcels; only P01
    # (1.0) stays retained up to 0.80.
    row = re.search(r'data-threshold="0.40"><td>0.40</td><td class="count">(\d+)<', page)
    assert row and row.group(1) == "5"


def test_same_seed_same_layer(run, evaluated, tmp_path, by_key):
    outs = []
    for name in ("a", "b"):
        out = str(tmp_path / f"{name}.gpkg")
        run("robustness", {"INPUT": evaluated, "WEIGHT_SET": CONFIG, "DRAWS": 50, "SEED": 9, "METHOD": 1,
                           "THRESHOLD_RANGE": "0.1,0.2", "OUTPUT": out})
        outs.append({k: tuple(f[n] for n in FIELDS) for k, f in by_key(out, "宗地编号").items()})
    assert outs[0] == outs[1]


def test_ahp_method_without_matrices_is_a_clear_message(run, evaluated, tmp_path):
    with pytest.raises(QgsProcessingException, match="records no pairwise comparison matrix"):
        run("robustness", {"INPUT": evaluated, "WEIGHT_SET": CONFIG, "METHOD": 2, "DRAWS": 10,
                           "OUTPUT": str(tmp_path / "x.gpkg")})


def test_bad_threshold_range_names_the_parameter(run, evaluated, tmp_path):
    with pytest.raises(QgsProcessingException, match="THRESHOLD_RANGE"):
        run("robustness", {"INPUT": evaluated, "WEIGHT_SET": CONFIG, "THRESHOLD_RANGE": "0.7,0.2", "DRAWS": 10,
                           "OUTPUT": str(tmp_path / "x.gpkg")})


def test_report_algorithm_adds_the_section_with_the_tornado(run, robust, tmp_path):
    _, out, _ = robust
    html = str(tmp_path / "r.html")
    run("report", {"INPUT": out, "WEIGHT_SET": CONFIG, "OUTPUT": html})
    page = Path(html).read_text(encoding="utf-8")
    assert 'id="robustness"' in page and 'id="tornado-table"' in page


def test_runs_as_a_step_of_a_model(landeval_provider, evaluated, tmp_path, by_key):
    import processing
    from qgis.core import (QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingParameterVectorLayer)

    model = QgsProcessingModelAlgorithm("robust", "tests")
    model.addModelParameter(QgsProcessingParameterVectorLayer("evaluated", "evaluated"),
                            QgsProcessingModelParameter("evaluated"))
    child = QgsProcessingModelChildAlgorithm("landeval:robustness")
    child.setChildId("robustness")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("evaluated")])
    child.addParameterSources("WEIGHT_SET", [QgsProcessingModelChildParameterSource.fromStaticValue(CONFIG)])
    child.addParameterSources("DRAWS", [QgsProcessingModelChildParameterSource.fromStaticValue(100)])
    child.setModelOutputs({"robust": QgsProcessingModelOutput("robust")})
    child.modelOutput("robust").setChildOutputName("OUTPUT")
    model.addChildAlgorithm(child)
    model.updateDestinationParameters()
    out = str(tmp_path / "model.gpkg")
    result = processing.run(model, {"evaluated": evaluated, "robustness:robust": out})
    got = by_key(result["robustness:robust"], "宗地编号")
    assert got["P06"]["p_inefficient"] == 1.0 and got["P01"]["p_inefficient"] == 0.0


def test_ahp_method_on_a_weight_set_written_by_ahpweights(run, evaluated, tmp_path, by_key):
    import yaml

    weights = tmp_path / "ahp.yaml"
    # Three equal judgements: every drawn matrix moves each of them to 1/2, 1 or 2 (core tests check that).
    run("ahpweights", {"CRITERIA": "plot_ratio;tax_per_area;output_per_area", "MATRIX": "1,1,1",
                       "OUTPUT_WEIGHT_SET": str(weights)})
    written = yaml.safe_load(weights.read_text(encoding="utf-8"))
    assert written["elements"][0]["meta"]["ahp_matrix"] == [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
    out = str(tmp_path / "ahp_robust.gpkg")
    run("robustness", {"INPUT": evaluated, "WEIGHT_SET": str(weights), "METHOD": 2, "DRAWS": 100, "OUTPUT": out})
    got = by_key(out, "宗地编号")
    # The file has no threshold: the default preset's (jiangning, 0.6) applies. P01 has every indicator at
    # its maximum (1.0 whatever the weights), P06 every one at its minimum (0).
    assert got["P01"]["p_inefficient"] == 0.0 and got["P06"]["p_inefficient"] == 1.0


def test_a_preset_identifying_by_screening_is_refused(run, evaluated, tmp_path):
    # county_table2 identifies by the five screens (identification: screening, issue 12): no weight or
    # threshold decides a label there, so there is nothing to perturb.
    with pytest.raises(QgsProcessingException, match="by screening, not by a score below a threshold"):
        run("robustness", {"INPUT": evaluated, "PRESET": "county_table2", "DRAWS": 10,
                           "OUTPUT": str(tmp_path / "x.gpkg")})
