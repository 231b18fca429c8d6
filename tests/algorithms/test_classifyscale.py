"""landeval:classifyscale through processing.run: levels by standing (county paper §3.1, line 84), the industrial
share reported against Jiangning's targets (lines 174–179), unknown zone types warned about, OUTPUT_PARKS
optional. Layers are built here in EPSG:4547 (metres), so areas are exact by hand."""
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingFeedback, QgsVectorLayer


class Collect(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802 - QGIS API name
        self.warnings.append(text)
        super().pushWarning(text)


def rect(x0, y0, x1, y1):
    return QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def layer(fields, rows, name):
    """A memory polygon layer in EPSG:4547: fields "name:string&…", rows [(geometry, [attributes])]."""
    lyr = QgsVectorLayer(f"Polygon?crs=EPSG:4547&{fields}", name, "memory")
    feats = []
    for geom, attrs in rows:
        feat = QgsFeature(lyr.fields())
        feat.setGeometry(geom)
        feat.setAttributes(attrs)
        feats.append(feat)
    lyr.dataProvider().addFeatures(feats)
    return lyr


@pytest.fixture
def parks():
    # 开发区: 5 km × 2 km = 10 km², national economic-technological development zone, 45 % industrial land.
    # 南桥: 1.5 km × 1 km = 1.5 km², municipal industrial park, 52 %. 物流园: 1 km × 1 km, a type naming no
    # standing and no level.
    return layer("field=园区名称:string&field=园区类型:string&field=园区级别:string&field=工业用地占比:double", [
        (rect(0, 0, 5000, 2000), ["开发区", "国家级经济技术开发区", "国家级", 0.45]),
        (rect(10000, 0, 11500, 1000), ["南桥", "工业园区", "市级", 0.52]),
        (rect(20000, 0, 21000, 1000), ["物流园", "物流园区", None, 0.3]),
    ], "parks")


@pytest.fixture
def parcels():
    return layer("field=pid:string", [
        (rect(100, 100, 300, 300), ["in_base"]),
        (rect(10100, 100, 10300, 300), ["in_community"]),
        (rect(30000, 0, 30100, 100), ["scattered"]),
        (rect(20100, 100, 20200, 200), ["in_unknown"]),
    ], "parcels")


def test_levels_by_standing_targets_reported(run, parks, parcels):
    log = Collect()
    res = run("classifyscale", {"PARCELS": parcels, "PARKS": parks, "OUTPUT": "TEMPORARY_OUTPUT",
                                "OUTPUT_PARKS": "TEMPORARY_OUTPUT"}, feedback=log)
    # The Chinese field names are found without naming them (园区类型 / 园区级别 / 工业用地占比).
    got = {f["pid"]: f["level"] for f in res["OUTPUT"].getFeatures()}
    # County line 84: a park in a development zone is a base; a municipal-level park a community; scattered
    # land a block. The 1 km² park of unknown standing is levelled by its area: not above 1 km², a block.
    assert got == {"in_base": "base", "in_community": "community", "scattered": "block", "in_unknown": "block"}
    p = {f["园区名称"]: f for f in res["OUTPUT_PARKS"].getFeatures()}
    assert p["开发区"]["area_km2"] == pytest.approx(10.0) and p["南桥"]["area_km2"] == pytest.approx(1.5)
    assert (p["开发区"]["level"], p["开发区"]["level_basis"], p["开发区"]["standing_rank"]) == ("base", "standing",
                                                                                          "national")
    # Jiangning: 工业园区 "工业用地的占比应超过60%" — 45 % misses the target; 工业社区 "50%左右" — 52 % meets it.
    assert (p["开发区"]["share_target"], p["开发区"]["meets_share_target"]) == (0.6, 0)
    assert (p["南桥"]["share_target"], p["南桥"]["meets_share_target"]) == (0.5, 1)
    assert p["物流园"]["level_basis"] == "area"
    unknown = [w for w in log.warnings if "name no standing" in w]
    assert len(unknown) == 1 and "'物流园区' (1 park(s): 物流园; by area block 1)" in unknown[0]


def test_output_parks_is_optional(run, parks, parcels):
    res = run("classifyscale", {"PARCELS": parcels, "PARKS": parks, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "OUTPUT_PARKS" not in res or res["OUTPUT_PARKS"] is None
    assert {f["pid"]: f["level"] for f in res["OUTPUT"].getFeatures()}["in_base"] == "base"


def test_a_named_level_field_wins(run, parks, parcels):
    # ZONE_LEVEL_FIELD given explicitly (here the type field itself holds no rank): 国家级 on a park that is not
    # a development zone makes a community, as "at the municipal level or above" says.
    res = run("classifyscale", {"PARCELS": parcels, "PARKS": parks, "ZONE_TYPE_FIELD": "园区名称",
                                "ZONE_LEVEL_FIELD": "园区级别", "OUTPUT": "TEMPORARY_OUTPUT",
                                "OUTPUT_PARKS": "TEMPORARY_OUTPUT"})
    p = {f["园区名称"]: f["level"] for f in res["OUTPUT_PARKS"].getFeatures()}
    assert p == {"开发区": "base", "南桥": "community", "物流园": "block"}
