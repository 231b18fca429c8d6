"""Golden-file tests in the style of QGIS core: small inputs, parameters, and an expected output layer
(tests/data/expected/golden_evaluate.csv, worked out by hand — see tests/data/expected/README.md) compared
field by field with a tolerance."""
import math
from pathlib import Path

import pandas as pd
import pytest
from qgis.core import QgsVectorLayer

DATA = Path(__file__).resolve().parents[1] / "data"
EXPECTED = DATA / "expected" / "golden_evaluate.csv"
CONFIG = str(DATA / "golden_config.yaml")
KEY = "宗地编号"


def _is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull()) or (
        isinstance(value, float) and math.isnan(value))


def compare_to_golden(layer, expected_path=EXPECTED, rel=1e-7, abs_tol=1e-9):
    """Every expected field of every expected row equals the layer's value (numbers within tolerance; an
    empty cell means NULL); the layer has the same parcels. Returns the number of values compared."""
    expected = pd.read_csv(expected_path, dtype=str, keep_default_na=False)
    got = {f[KEY]: f for f in layer.getFeatures()}
    assert sorted(got) == sorted(expected[KEY]), "the output must keep every parcel, no more, no fewer"
    names = layer.fields().names()
    missing = [c for c in expected.columns if c not in names]
    assert not missing, f"output lacks fields {missing}"
    compared, problems = 0, []
    for _, row in expected.iterrows():
        feat = got[row[KEY]]
        for column in expected.columns:
            want, value = row[column], feat[column]
            compared += 1
            if want == "":
                if not (_is_null(value) or value == ""):
                    problems.append(f"{row[KEY]}.{column}: expected NULL/empty, got {value!r}")
                continue
            try:
                number = float(want)
            except ValueError:
                if value != want:
                    problems.append(f"{row[KEY]}.{column}: expected {want!r}, got {value!r}")
                continue
            if _is_null(value) or value != pytest.approx(number, rel=rel, abs=abs_tol):
                problems.append(f"{row[KEY]}.{column}: expected {number}, got {value!r}")
    assert not problems, "\n".join(problems)
    return compared


def test_evaluate_matches_golden_file(run, base_params, tmp_path, data_hashes):
    out = str(tmp_path / "evaluated.gpkg")
    # KEEP_FIELDS 2 (everything): the golden file also holds raw inputs (floor_area, tax) that the default leaves out.
    res = run("evaluate", {**base_params, "WEIGHT_SET": CONFIG, "RULE_SET": CONFIG, "PARKS": str(DATA / "parks.gpkg"),
                           "KEEP_FIELDS": 2, "OUTPUT": out})
    layer = QgsVectorLayer(res["OUTPUT"], "evaluated", "ogr")
    assert compare_to_golden(layer) == 6 * 32
    assert res["UNMATCHED_ENTERPRISES"] == 1 and res["PARCELS_WITHOUT_ENTERPRISE"] == 1
    assert res["REPAIRED_GEOMETRIES"] == 1 and res["EMPTY_GEOMETRIES"] == 0


def test_step_by_step_chain_matches_the_same_golden_file(run, base_params, data_hashes):
    # computeindicators → checkvetoes → scoreparcels → classifyparcels (→ classifyscale for the level) must give
    # what the one-pass evaluate gives.
    layer = run("computeindicators", {**base_params, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    layer = run("checkvetoes", {"INPUT": layer, "RULE_SET": CONFIG, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    layer = run("scoreparcels", {"INPUT": layer, "WEIGHT_SET": CONFIG, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    layer = run("classifyparcels", {"INPUT": layer, "RULE_SET": CONFIG, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    levels = run("classifyscale", {"PARCELS": layer, "PARKS": str(DATA / "parks.gpkg"), "OUTPUT": "TEMPORARY_OUTPUT",
                                   "OUTPUT_PARKS": "TEMPORARY_OUTPUT"})["OUTPUT"]
    assert compare_to_golden(levels) == 6 * 32


def test_threshold_and_tier_parameters_override_the_rule_set(run, base_params):
    # THRESHOLD 0.5: P02 (0.415, veto anyway) and P03 (0.158) fall below; review band [0.5, 0.6) is empty.
    # TIER_METHOD quantile with 20,40,40: 5 rated parcels ranked P01 > P02 > P03 > P05 > P06; position
    # (rank − 1)/5 = 0, 0.2, 0.4, 0.6, 0.8 against cumulative shares 0.2, 0.6, 1.0 → A, B, B, C, C; P02's veto
    # caps it at C. P01 lies half inside the red line: 生态清退 whatever its score, so inefficient, and the
    # rule set's cap_when (category eco_exit) caps its A at C.
    res = run("evaluate", {**base_params, "WEIGHT_SET": CONFIG, "RULE_SET": CONFIG, "THRESHOLD": 0.5,
                           "TIER_METHOD": 0, "TIER_BREAKS": "20,40,40", "OUTPUT": "TEMPORARY_OUTPUT"})
    got = {f[KEY]: f for f in res["OUTPUT"].getFeatures()}
    assert {k: got[k]["inefficient"] for k in got} == {"P01": 1, "P02": 1, "P03": 1, "P04": 1, "P05": 1, "P06": 1}
    assert {k: got[k]["tier"] for k in got} == {"P01": "C", "P02": "C", "P03": "B", "P04": "T", "P05": "C",
                                                "P06": "C"}
    assert sum(got[k]["review"] for k in got) == 0
