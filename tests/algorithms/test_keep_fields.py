"""KEEP_FIELDS of landeval:evaluate (issue 17): "Offer `KEEP_FIELDS` (0 the parcel's own fields + results and the
indicators the weight set uses — default; 1 also every computed indicator; 2 everything as today) and document
it; the report, the dossier and robustness must work from the default." Worked from tests/data/golden_config.yaml:
its weight set scores plot_ratio (floor_area / area), tax_per_area (tax / area) and output_per_area
(output_value / area); the enterprise table (tests/data/enterprises_utf8.csv) also carries 建筑基底面积
(footprint_area) and 从业人员 (employees), which no indicator of that weight set reads."""
import pytest
from qgis.core import QgsVectorLayer

from .conftest import DATA

CONFIG = str(DATA / "golden_config.yaml")
KEY = "宗地编号"


@pytest.fixture
def outputs(run, base_params, tmp_path):
    """{level: GeoPackage path} of the golden evaluation with KEEP_FIELDS 0 (not given: the default), 1 and 2."""
    layers = {}
    for level in (None, 1, 2):
        extra = {} if level is None else {"KEEP_FIELDS": level}
        out = str(tmp_path / f"keep{level}.gpkg")
        run("evaluate", {**base_params, "WEIGHT_SET": CONFIG, "RULE_SET": CONFIG, **extra, "OUTPUT": out})
        layers[level or 0] = out
    return layers


def names(path):
    """The field names of a GeoPackage layer, in order."""
    return [f.name() for f in QgsVectorLayer(path, "out", "ogr").fields()]


def rows(path):
    """{parcel id: {field: value}} of a GeoPackage layer."""
    layer = QgsVectorLayer(path, "out", "ogr")
    fields = [f.name() for f in layer.fields()]
    return {f[KEY]: dict(zip(fields, f.attributes())) for f in layer.getFeatures()}


def test_default_writes_the_results_and_what_the_weight_set_scores(outputs):
    default, everything = set(names(outputs[0])), set(names(outputs[2]))
    # "0 the parcel's own fields + results and the indicators the weight set uses": the golden weight set
    # scores plot_ratio, tax_per_area and output_per_area; their inputs floor_area, tax and output_value stay
    # (a zone's output per mu is its parcels' summed output over their summed area: aggregatezones needs them).
    assert {"宗地编号", "是否地方上报", "是否正在推进改造", "area_m2", "area_mu", "n_enterprises",
            "plot_ratio", "tax_per_area", "output_per_area", "floor_area", "tax", "output_value",
            "veto_failed", "veto_reasons", "score", "score_rank", "s_land", "s_economy", "ineff_type",
            "inefficient", "category", "tier"} <= default
    # The rules read legal_certificate (veto) and redline_share (types, categories); the firm's name, the
    # flags and the spatial inputs are one narrow column each and stay too.
    assert {"legal_certificate", "redline_share", "inside_dev_boundary", "enterprise_name"} <= default
    # Left out: the firms' sums no scored indicator reads (建筑基底面积, 从业人员) and the indicators made from
    # them, which the weight set does not score.
    assert everything - default == {"footprint_area", "employees", "building_density", "employees_per_area"}


def test_level_one_adds_every_computed_indicator(outputs):
    # "1 also every computed indicator": building_density (footprint / area) and employees_per_area come back,
    # the raw sums footprint_area and employees do not.
    assert set(names(outputs[1])) - set(names(outputs[0])) == {"building_density", "employees_per_area"}
    assert set(names(outputs[2])) - set(names(outputs[1])) == {"footprint_area", "employees"}


def test_level_two_is_everything_as_before_and_values_are_identical(outputs):
    # "2 everything as today": the golden test (test_golden.py) runs with KEEP_FIELDS 2 against the unchanged
    # golden file. A field written at every level holds the same value at every level, in the same order.
    full = rows(outputs[2])
    for level in (0, 1):
        written = names(outputs[level])
        assert written == [n for n in names(outputs[2]) if n in written]
        for pid, row in rows(outputs[level]).items():
            assert row == {k: full[pid][k] for k in written}, (level, pid)


def test_robustness_and_the_report_read_the_default_output(run, outputs, tmp_path):
    # "the report, the dossier and robustness must work from the default": the same draws on the default
    # output and on everything give the same per-parcel results (the other downstream tests — report, dossier,
    # exportlist, aggregatezones — run on tests/algorithms/conftest.py's `evaluated`, the default output).
    results = {}
    for level in (0, 2):
        out = run("robustness", {"INPUT": outputs[level], "WEIGHT_SET": CONFIG, "DRAWS": 100, "SEED": 5,
                                 "OUTPUT": str(tmp_path / f"rob{level}.gpkg")})["OUTPUT"]
        layer = QgsVectorLayer(out, "rob", "ogr") if isinstance(out, str) else out
        results[level] = {f[KEY]: (f["p_inefficient"], f["robust_class"]) for f in layer.getFeatures()}
    assert results[0] == results[2] and len(results[0]) == 6
    html = tmp_path / "report.html"
    run("report", {"INPUT": outputs[0], "WEIGHT_SET": CONFIG, "RULE_SET": CONFIG, "OUTPUT": str(html)})
    assert "P01" in html.read_text(encoding="utf-8")
