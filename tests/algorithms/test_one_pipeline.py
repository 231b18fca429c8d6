"""Issue 19: the single-step algorithms and landeval:evaluate run the engine's one rule chain (core.pipeline's
stages), write their fields in the one output order, and parse each input table once."""
from pathlib import Path

from qgis.core import QgsVectorLayer

from landeval.core import tables
from landeval.core.pipeline import output_columns

DATA = Path(__file__).resolve().parents[1] / "data"
CONFIG = str(DATA / "golden_config.yaml")


def _values(path, key, names):
    layer = QgsVectorLayer(path, "out", "ogr")
    return {f[key]: tuple(f[n] for n in names) for f in layer.getFeatures()}


def test_enterprise_table_is_parsed_once_per_evaluation(run, base_params, tmp_path, monkeypatch):
    # Issue 19: "enterprise tables are parsed twice per run". The enterprise columns (总产值 → output_value) go
    # through canonical_table's unit plan once: when assemble reads the enterprise table, not again when the
    # engine gets the joined parcel table. The parcel layer has no output_value of its own.
    seen = []
    real = tables.read_units

    def counting(resolved, catalogue, field_map=None):
        seen.append(set(resolved))
        return real(resolved, catalogue, field_map)

    monkeypatch.setattr(tables, "read_units", counting)
    run("evaluate", {**base_params, "WEIGHT_SET": CONFIG, "RULE_SET": CONFIG, "OUTPUT": str(tmp_path / "e.gpkg")})
    assert sum("output_value" in ids for ids in seen) == 1
    assert sum("parcel_id" in ids and "reported" in ids for ids in seen) == 1  # the parcel layer: once too


def test_evaluate_writes_the_one_output_order(run, base_params, tmp_path):
    # docs/design.md "Output fields": areas, indicators, vetoes and score, sub-scores, then the rule results —
    # core.pipeline.output_columns is that order, and the written layer follows it after the parcel's own fields.
    out = run("evaluate", {**base_params, "WEIGHT_SET": CONFIG, "RULE_SET": CONFIG,
                           "OUTPUT": str(tmp_path / "e.gpkg")})["OUTPUT"]
    names = QgsVectorLayer(out, "out", "ogr").fields().names()
    written = names[names.index("area_m2"):]
    assert written == output_columns(written, "mu")
    # By hand from design.md's list: `area_m2`, `area_<unit>`, …, `n_enterprises`, …, `veto_failed`, …, `score`,
    # `score_rank`, `s_<element id>`, `missing_count`, `weakest`, `ineff_type`, `ineff_flags`, `inefficient`,
    # `review`, `category`, `tier` (the golden set's elements: land, economy; no PARKS, so no level).
    assert written[:3] == ["area_m2", "area_mu", "n_enterprises"]
    assert written[-16:] == ["veto_failed", "veto_reasons", "veto_unknown", "needs_verification", "score",
                             "score_rank", "s_economy", "s_land", "missing_count", "weakest", "ineff_type",
                             "ineff_flags", "inefficient", "review", "category", "tier"]


def test_single_steps_give_what_evaluate_gives(run, evaluated, tmp_path):
    # Issue 19: "evaluate composes the same engine stages the single-step algorithms use". Re-running the
    # vetoes, then the classification, on evaluate's own output reproduces its columns parcel by parcel.
    vetoed = run("checkvetoes", {"INPUT": evaluated, "RULE_SET": CONFIG,
                                 "OUTPUT": str(tmp_path / "v.gpkg")})["OUTPUT"]
    classified = run("classifyparcels", {"INPUT": vetoed, "RULE_SET": CONFIG,
                                         "OUTPUT": str(tmp_path / "c.gpkg")})["OUTPUT"]
    names = ["veto_failed", "veto_reasons", "ineff_type", "ineff_flags", "inefficient", "review", "category", "tier"]
    assert _values(classified, "宗地编号", names) == _values(evaluated, "宗地编号", names)
