"""The public contract (ids, parameter names, enum orders, help) and the algorithms not covered by the golden
files: classifyscale, aggregatezones, cancel, presets on incomplete data."""
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

DATA = Path(__file__).resolve().parents[1] / "data"

CONTRACT = {
    "computeindicators": ["PARCELS", "PARCEL_ID", "ENTERPRISES", "ENTERPRISE_PARCEL_ID", "FIELD_MAP", "AREA_UNIT",
                          "ECO_REDLINE", "DEV_BOUNDARY", "POIS", "POI_RADIUS", "OUTPUT"],
    "checkvetoes": ["INPUT", "PRESET", "RULE_SET", "OUTPUT"],
    "scoreparcels": ["INPUT", "PRESET", "WEIGHT_SET", "NORMALIZATION", "GROUP_FIELD", "OUTPUT"],
    "classifyparcels": ["INPUT", "PRESET", "RULE_SET", "THRESHOLD", "TIER_METHOD", "TIER_BREAKS", "OUTPUT"],
    "classifyscale": ["PARCELS", "PARKS", "ZONE_TYPE_FIELD", "ZONE_LEVEL_FIELD", "SHARE_FIELD", "DEV_BOUNDARY",
                      "BASE_KM2", "COMMUNITY_KM2", "OUTPUT", "OUTPUT_PARKS"],
    "aggregatezones": ["INPUT", "ZONES", "ZONE_FIELD", "ZONE_LEVEL_FIELD", "SYSTEM", "WEIGHT_SET", "WEIGHTING",
                       "REFERENCES", "OUTPUT", "OUTPUT_LEVELS"],
    "potentialclasses": ["INPUT", "LANGUAGE", "OUTPUT"],
    "checkcontracts": ["INPUT", "EVAL_DATE", "EXPIRY_WINDOW", "SET_VETO_FIELD", "LANGUAGE", "OUTPUT"],
    "persistence": ["ROUNDS", "ID_FIELD", "N", "CRITERION", "NAMES", "OUTPUT"],
    "ahpweights": ["CRITERIA", "MATRIX", "METHOD", "OUTPUT_WEIGHT_SET"],
    "entropyweights": ["INPUT", "FIELDS", "COST_FIELDS", "METHOD", "OUTPUT_WEIGHT_SET"],
    "applystyle": ["INPUT", "STYLE"],
    "evaluate": ["PARCELS", "PARCEL_ID", "ENTERPRISES", "PRESET", "WEIGHT_SET", "RULE_SET", "THRESHOLD",
                 "TIER_METHOD", "TIER_BREAKS", "PARKS", "OUTPUT", "REPORT"],
}
ENUMS = {("computeindicators", "AREA_UNIT"): ["mu", "ha", "km"], ("classifyparcels", "TIER_METHOD"):
         ["quantile", "threshold", "jenks"], ("ahpweights", "METHOD"): ["eigenvector", "geometric", "column"],
         ("entropyweights", "METHOD"): ["entropy", "CRITIC"],
         ("applystyle", "STYLE"): ["Tier", "category", "type", "level", "score"],
         ("aggregatezones", "WEIGHTING"): ["weights", "entropy"], ("persistence", "CRITERION"):
         ["inefficient", "B or worse", "C or worse", "D", "efficiency", "equity"]}


def _alg(alg_id):
    return QgsApplication.processingRegistry().algorithmById(f"landeval:{alg_id}")


@pytest.mark.parametrize("alg_id", sorted(CONTRACT))
def test_ids_parameters_and_help(landeval_provider, alg_id):
    alg = _alg(alg_id)
    assert alg is not None, alg_id
    names = [p.name() for p in alg.parameterDefinitions()]
    assert [n for n in CONTRACT[alg_id] if n not in names] == []
    assert all(p.help() for p in alg.parameterDefinitions()), "every parameter has help"
    text = alg.shortHelpString()
    assert "Output" in text and "Method" in text and all(n in text for n in CONTRACT[alg_id])


@pytest.mark.parametrize("alg_id,param", sorted(ENUMS))
def test_enum_orders(landeval_provider, alg_id, param):
    options = _alg(alg_id).parameterDefinition(param).options()
    assert [o for o, word in zip(options, ENUMS[(alg_id, param)]) if word.lower() not in o.lower()] == []


def test_classifyscale_parks(run, data_hashes):
    res = run("classifyscale", {"PARCELS": str(DATA / "parcels_4490.gpkg"), "PARKS": str(DATA / "parks.gpkg"),
                                "DEV_BOUNDARY": str(DATA / "dev_boundary.gpkg"), "OUTPUT": "TEMPORARY_OUTPUT",
                                "OUTPUT_PARKS": "TEMPORARY_OUTPUT"})
    parks = {f["park_id"]: f for f in res["OUTPUT_PARKS"].getFeatures()}
    # PA 2.5 km × 2.3 km = 5.75 km², PB 0.55 km × 2.2 km = 1.21 km² (planar in EPSG:4547).
    assert parks["PA"]["area_km2"] == pytest.approx(5.75) and parks["PB"]["area_km2"] == pytest.approx(1.21)
    assert (parks["PA"]["n_parcels"], parks["PB"]["n_parcels"]) == (3, 2)
    assert (parks["PA"]["level"], parks["PB"]["level"]) == ("base", "community")
    parcels = {f["宗地编号"]: (f["level"], f["inside_dev_boundary"]) for f in res["OUTPUT"].getFeatures()}
    assert parcels == {"P01": ("base", 1), "P02": ("base", 1), "P03": ("base", 0), "P04": ("community", 0),
                       "P05": ("community", 0), "P06": ("block", 0)}


def test_classifyscale_computes_the_industrial_share_without_a_share_field(run, tmp_path):
    # Without industrial_share the share is parcel area / park area: PA holds 45 000 m² of 5.75 km² (0.0078).
    # The share is a target reported against the park, not a test: without a zone type the area levels the
    # parks (PA 5.75 km² > 4 base, PB 1.21 km² > 1 community) and a warning says standing was unknown.
    parks = QgsVectorLayer(str(DATA / "parks.gpkg"), "parks", "ogr")
    res = run("classifyscale", {"PARCELS": str(DATA / "parcels_4547.gpkg"), "PARKS": parks, "SHARE_FIELD": "",
                                "ZONE_TYPE_FIELD": "zone_type", "OUTPUT": "TEMPORARY_OUTPUT",
                                "OUTPUT_PARKS": "TEMPORARY_OUTPUT"})
    shares = {f["park_id"]: f["industrial_share"] for f in res["OUTPUT_PARKS"].getFeatures()}
    assert shares["PA"] == pytest.approx(0.7)  # the park layer's own industrial_share field is used by name
    only_geometry = QgsVectorLayer("Polygon?crs=EPSG:4547&field=park_id:string", "p", "memory")
    copies = []
    for park in parks.getFeatures():
        feat = QgsFeature(only_geometry.fields())
        feat.setGeometry(park.geometry())
        feat.setAttributes([park["park_id"]])
        copies.append(feat)
    only_geometry.dataProvider().addFeatures(copies)
    res = run("classifyscale", {"PARCELS": str(DATA / "parcels_4547.gpkg"), "PARKS": only_geometry,
                                "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_PARKS": "TEMPORARY_OUTPUT"})
    shares = {f["park_id"]: f["industrial_share"] for f in res["OUTPUT_PARKS"].getFeatures()}
    assert shares["PA"] == pytest.approx(45000 / 5.75e6)
    levels = {f["park_id"]: (f["level"], f["level_basis"], f["meets_share_target"])
              for f in res["OUTPUT_PARKS"].getFeatures()}
    assert levels == {"PA": ("base", "area", 0), "PB": ("community", "area", 0)}


def test_aggregatezones_by_level(run, evaluated):
    res = run("aggregatezones", {"INPUT": evaluated, "ZONE_FIELD": "level", "OUTPUT": "TEMPORARY_OUTPUT"})
    zones = {f["level"]: f for f in res["OUTPUT"].getFeatures()}
    base = zones["base"]
    # P01 + P02 + P03: 45 000 m² = 67.5 亩; tiers A (P01, 15 亩) and C (P02 30 + P03 22.5 = 52.5 亩);
    # inefficient P02 only: 30 / 67.5 = 0.4444; area-weighted score (1·10 000 + 0.414583·20 000 +
    # 0.158333·15 000) / 45 000 = 0.459259; output (3 000 + 3 000 + 900) / 67.5 = 102.2222 万元/亩; the
    # district: 7 650 万元 over 99 亩 = 77.2727, so the ratio is 1.32288.
    assert (base["n_parcels"], base["area_m2"], base["area_mu"]) == (3, 45000, pytest.approx(67.5))
    assert (base["n_tier_A"], base["area_tier_A"], base["n_tier_C"], base["area_tier_C"]) == (1, 15, 2, 52.5)
    assert base["ineff_area_share"] == pytest.approx(30 / 67.5)
    assert base["mean_score"] == pytest.approx((10000 + 0.4145833333 * 20000 + 0.1583333333 * 15000) / 45000)
    assert base["output_per_area"] == pytest.approx(6900 / 67.5)
    assert base["output_per_area_vs_all"] == pytest.approx((6900 / 67.5) / (7650 / 99))
    block = zones["block"]
    assert (block["n_parcels"], block["n_tier_D"], block["ineff_area_share"], block["mean_score"]) == (1, 1, 1.0, 0.0)


def test_aggregatezones_by_polygons(run, evaluated):
    res = run("aggregatezones", {"INPUT": evaluated, "ZONES": str(DATA / "parks.gpkg"), "OUTPUT": "TEMPORARY_OUTPUT"})
    zones = {f["park_id"]: f for f in res["OUTPUT"].getFeatures()}
    assert zones["PA"]["n_parcels"] == 3 and zones["PB"]["n_parcels"] == 2
    assert zones["PB"]["n_cat_in_progress"] == 1 and zones["PB"]["n_cat_reported"] == 1  # P05, P04 (no red line here)
    assert res["OUTPUT"].geometryType() == 2  # polygons: the zones keep their geometry


def test_cancel_stops_the_run(run):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="[Cc]ancel"):
        run("computeindicators", {"PARCELS": str(DATA / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号",
                                  "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)


def test_jiangning_preset_on_incomplete_data_warns_instead_of_failing(run):
    # The test layers have none of Jiangning's other veto fields: those vetoes never fire and the log says so.
    messages = []

    class Log(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802 - QGIS API name
            messages.append(text)

    layer = run("computeindicators", {"PARCELS": str(DATA / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号",
                                      "ENTERPRISES": str(DATA / "enterprises_utf8.csv"),
                                      "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    out = run("checkvetoes", {"INPUT": layer, "PRESET": "jiangning", "OUTPUT": "TEMPORARY_OUTPUT"},
              feedback=Log())["OUTPUT"]
    assert {f["宗地编号"]: f["veto_reasons"] for f in out.getFeatures()}["P02"] == "legal_certificate"
    assert any("safety_ok" in m for m in messages)
