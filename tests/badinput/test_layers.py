"""Parcel and overlay layers as they come out of surveys: wrong id field, repeated ids, enterprises on parcels
that do not exist, bad and odd geometries, empty layers, missing or wrong CRSs. Through
landeval:computeindicators, which every chain starts with (evaluate assembles its data the same way)."""
import math
import os

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from qgis.PyQt.QtCore import QVariant

from .conftest import memory_layer, refused, square, succeeded

X0, Y0 = 500000.0, 3500000.0  # EPSG:4547 (CGCS2000 / 3° GK CM 114E): near 114°E, 31.6°N
FIELDS = ["宗地编号:string", "总建筑面积:double"]


def parcels(rows, geometry="Polygon", crs="EPSG:4547", fields=FIELDS):
    return memory_layer(geometry, crs, fields, rows, name="parcels")


def three_parcels():
    return parcels([(square(X0, Y0), ["P1", 20000.0]), (square(X0 + 200, Y0), ["P2", 5000.0]),
                    (square(X0 + 400, Y0), ["P3", 10000.0])])


def value(v):
    """A field value with every kind of NULL (None, a null QVariant, empty text) as None."""
    return None if v is None or isinstance(v, QVariant) or v == "" else v


def by_id(layer, *names):
    return {f["宗地编号"]: tuple(value(f[n]) for n in names) for f in layer.getFeatures()}


def run_indicators(layer, **extra):
    return {"PARCELS": layer, "PARCEL_ID": "宗地编号", "AREA_UNIT": 0, "OUTPUT": "memory:", **extra}


def write_csv(tmp_path, text, name="enterprises.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def shapefile_without_crs(layer, path):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsProject.instance().transformContext(),
                                                    options)
    assert err[0] == QgsVectorFileWriter.NoError, err
    for ext in (".prj", ".qpj"):
        if os.path.exists(str(path)[:-4] + ext):
            os.remove(str(path)[:-4] + ext)
    assert not QgsVectorLayer(str(path), "x", "ogr").crs().isValid()
    return str(path)


# ---------------------------------------------------------------------------------------------------- ids
def test_missing_parcel_id_field_is_named_with_the_fields_there_are(provider):
    refused("computeindicators", {**run_indicators(three_parcels()), "PARCEL_ID": "ZDBH"},
            "Field 'ZDBH' is not in the parcel layer", "Its fields are: 宗地编号, 总建筑面积")


def test_duplicate_parcel_ids_are_warned_and_each_row_kept(provider):
    layer = parcels([(square(X0, Y0), ["P1", 20000.0]), (square(X0 + 200, Y0, 50), ["P1", 5000.0]),
                     (square(X0 + 400, Y0), ["P2", 10000.0])])
    result = succeeded("computeindicators", run_indicators(layer),
                       "1 宗地编号 value(s) occur more than once (P1)", "Make the ids unique", "Dissolve")
    areas = sorted(f["area_m2"] for f in result.results["OUTPUT"].getFeatures())
    assert areas == pytest.approx([2500.0, 10000.0, 10000.0])


def test_duplicate_parcel_ids_named_by_enterprises_are_refused(provider, tmp_path):
    layer = parcels([(square(X0, Y0), ["P1", 1.0]), (square(X0 + 200, Y0), ["P1", 1.0])])
    table = write_csv(tmp_path, "宗地编号,企业名称,总税收\nP1,甲,3\n")
    refused("computeindicators", run_indicators(layer, ENTERPRISES=table),
            "Parcel id(s) P1 occur more than once", "Make PARCEL_ID unique")


def test_parcels_without_id_are_warned(provider):
    layer = parcels([(square(X0, Y0), ["P1", 1.0]), (square(X0 + 200, Y0), [None, 1.0])])
    succeeded("computeindicators", run_indicators(layer), "1 parcel(s) have no 宗地编号", "Fill in the ids")


def test_enterprises_matching_no_parcel_are_counted_and_left_out(provider, tmp_path):
    table = write_csv(tmp_path, "宗地编号,企业编号,总税收,总产值\nP1,E1,3,100\nP9,E2,4,200\nP1,E3,12万,\"1,234\"\n",
                      encoding="gbk")
    result = succeeded("computeindicators", run_indicators(three_parcels(), ENTERPRISES=table),
                       "1 (E2) enterprise(s) match no parcel", "left out of every indicator",
                       "2 (P2, P3) parcel(s) have no enterprise")
    assert result.results["UNMATCHED_ENTERPRISES"] == 1
    assert result.results["PARCELS_WITHOUT_ENTERPRISE"] == 2
    got = by_id(result.results["OUTPUT"], "tax", "output_value", "n_enterprises", "tax_per_area")
    # 12万 in a 万元 column is 12; "1,234" is 1234; P1 is 100 m × 100 m = 15 亩.
    assert got["P1"] == pytest.approx((15.0, 1334.0, 2, 15.0 / 15.0))
    assert got["P2"][:3] == (None, None, 0)


def test_text_cells_in_enterprise_numbers(provider, tmp_path):
    table = write_csv(tmp_path, "宗地编号,总税收,总产值,从业人员\nP1,暂无,—,12\nP2,\"1,234\",12万,约30\nP3,5,8,-\n")
    result = succeeded("computeindicators", run_indicators(three_parcels(), ENTERPRISES=table),
                       "总税收: 1 cell(s) marked as having no data ('暂无')",
                       "总产值: 1 cell(s) marked as having no data ('—')",
                       "从业人员: 1 cell(s) are not numbers and were read as missing: '约30'")
    got = by_id(result.results["OUTPUT"], "tax", "output_value", "employees")
    assert got == {"P1": (None, None, 12.0), "P2": (1234.0, 12.0, None), "P3": (5.0, 8.0, None)}


# ------------------------------------------------------------------------------------------- geometries
def test_invalid_empty_null_and_zero_area_geometries_are_reported_never_dropped(provider):
    layer = parcels([
        (square(X0, Y0), ["OK", 20000.0]),
        # A bow tie: its shoelace area is 0; repaired it is two triangles of 25 m² each.
        (f"POLYGON(({X0} {Y0},{X0 + 10} {Y0 + 10},{X0 + 10} {Y0},{X0} {Y0 + 10},{X0} {Y0}))", ["BOW", 100.0]),
        ("POLYGON EMPTY", ["EMPTY", 100.0]),
        (None, ["NULL", 100.0]),
        (f"POLYGON(({X0} {Y0},{X0 + 10} {Y0},{X0 + 20} {Y0},{X0} {Y0}))", ["FLAT", 100.0]),
    ])
    result = succeeded("computeindicators", run_indicators(layer),
                       "2 (BOW, FLAT) invalid parcel geometries were repaired",
                       "1 (FLAT) parcel(s) have zero area", "2 (EMPTY, NULL) parcel(s) have no geometry")
    assert result.results["REPAIRED_GEOMETRIES"] == 2 and result.results["EMPTY_GEOMETRIES"] == 2
    got = by_id(result.results["OUTPUT"], "area_m2", "plot_ratio")
    assert set(got) == {"OK", "BOW", "EMPTY", "NULL", "FLAT"}
    assert got["OK"] == pytest.approx((10000.0, 2.0))
    assert got["BOW"] == pytest.approx((50.0, 2.0))
    assert got["EMPTY"] == (None, None) and got["NULL"] == (None, None)
    assert got["FLAT"][0] == 0.0 and got["FLAT"][1] is None


def test_multipart_parcel_area_is_the_sum_of_its_parts(provider):
    two_parts = (f"MULTIPOLYGON((({X0} {Y0},{X0 + 100} {Y0},{X0 + 100} {Y0 + 100},{X0} {Y0 + 100},{X0} {Y0})),"
                 f"(({X0 + 300} {Y0},{X0 + 350} {Y0},{X0 + 350} {Y0 + 50},{X0 + 300} {Y0 + 50},{X0 + 300} {Y0})))")
    layer = parcels([(two_parts, ["M1", 12500.0]), (square(X0 + 600, Y0), ["P2", 10000.0])],
                    geometry="MultiPolygon")
    result = succeeded("computeindicators", run_indicators(layer))
    got = by_id(result.results["OUTPUT"], "area_m2", "plot_ratio")
    assert got["M1"] == pytest.approx((12500.0, 1.0)) and got["P2"] == pytest.approx((10000.0, 1.0))
    out = {f["宗地编号"]: f.geometry() for f in result.results["OUTPUT"].getFeatures()}
    assert out["M1"].constGet().numGeometries() == 2


def test_layer_without_features_is_refused(provider):
    refused("computeindicators", run_indicators(parcels([])), "The parcel layer has no features",
            "nothing to evaluate")


# ---------------------------------------------------------------------------------------------------- CRS
def test_geographic_crs_gives_the_projected_area_within_half_a_percent(provider):
    square_4547 = QgsGeometry.fromWkt(square(X0, Y0, 300.0))
    square_4490 = QgsGeometry(square_4547)
    square_4490.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4547"),
                                                 QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance()))
    layer = parcels([(square_4490.asWkt(12), ["G1", 90000.0])], crs="EPSG:4490")
    result = succeeded("computeindicators", run_indicators(layer))
    area = by_id(result.results["OUTPUT"], "area_m2")["G1"][0]
    # Gauss-Kruger keeps areas near the central meridian: the ellipsoidal area is the 90 000 m² drawn.
    assert area == pytest.approx(90000.0, rel=0.005)


def test_geographic_crs_with_projected_coordinates_is_refused(provider):
    layer = parcels([(square(X0, Y0), ["P1", 1.0])], crs="EPSG:4490")
    refused("computeindicators", run_indicators(layer), "EPSG:4490", "which are not longitude/latitude",
            "Assign the projected CRS", "EPSG:4547")


def test_projected_crs_with_degree_coordinates_is_warned(provider):
    layer = parcels([(square(114.0, 31.6, 0.001), ["P1", 1.0])], crs="EPSG:4547")
    succeeded("computeindicators", run_indicators(layer), "EPSG:4547", "lie within ±180/±90",
              "assign the geographic CRS")


def test_parcel_layer_without_crs_is_refused(provider, tmp_path):
    path = shapefile_without_crs(three_parcels(), tmp_path / "parcels.shp")
    refused("computeindicators", {**run_indicators(None), "PARCELS": path},
            "The parcel layer has no coordinate reference system", "Assign projection")


def test_overlay_in_another_crs_is_reprojected(provider):
    # A red line over the western half of P1, stored in EPSG:4490.
    half = QgsGeometry.fromWkt(f"POLYGON(({X0 - 50} {Y0 - 50},{X0 + 50} {Y0 - 50},{X0 + 50} {Y0 + 150},"
                               f"{X0 - 50} {Y0 + 150},{X0 - 50} {Y0 - 50}))")
    half.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4547"),
                                          QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance()))
    red = memory_layer("Polygon", "EPSG:4490", ["id:integer"], [(half.asWkt(12), [1])], name="red")
    result = succeeded("computeindicators", run_indicators(three_parcels(), ECO_REDLINE=red))
    got = by_id(result.results["OUTPUT"], "redline_share")
    assert got["P1"][0] == pytest.approx(0.5, abs=1e-3)
    assert got["P2"][0] == 0.0 and got["P3"][0] == 0.0


def test_overlay_with_a_wrong_crs_is_warned(provider):
    # Drawn over P1 in the CM 114°E zone but labelled with the CM 120°E zone (EPSG:4549): 570 km away.
    red = memory_layer("Polygon", "EPSG:4549", ["id:integer"], [(square(X0, Y0), [1])], name="red")
    succeeded("computeindicators", run_indicators(three_parcels(), ECO_REDLINE=red),
              "The ECO_REDLINE layer (EPSG:4549) lies nowhere near the parcels", "redline_share is 0 for every "
              "parcel", "wrong CRS")


def test_overlay_without_crs_is_refused(provider, tmp_path):
    red = memory_layer("Polygon", "EPSG:4547", ["id:integer"], [(square(X0, Y0), [1])], name="red")
    path = shapefile_without_crs(red, tmp_path / "redline.shp")
    refused("computeindicators", run_indicators(three_parcels(), ECO_REDLINE=path),
            "ECO_REDLINE layer has no coordinate reference system")


def test_mixed_crs_red_line_and_parks_in_degrees_and_parcels_in_metres(provider):
    red = memory_layer("Polygon", "EPSG:4490", ["id:integer"], [(square(113.0, 31.0, 2.0), [1])], name="red")
    result = succeeded("computeindicators", run_indicators(three_parcels(), ECO_REDLINE=red))
    assert all(math.isclose(v[0], 1.0) for v in by_id(result.results["OUTPUT"], "redline_share").values())


def test_negative_quantities_are_missing_and_negative_tax_is_flagged(provider, tmp_path):
    table = write_csv(tmp_path, "宗地编号,企业编号,总税收,总产值,总建筑面积,净利润\n"
                                "P1,E1,-3,100,20000,-50\nP2,E2,4,-200,-500,10\nP3,E3,5,300,10000,20\n")
    result = succeeded("computeindicators", run_indicators(three_parcels(), ENTERPRISES=table),
                       "总税收: 1 negative value(s) ('E1: -3') kept as reported",
                       "总产值: 1 negative value(s) ('E2: -200') read as missing: Total output value cannot be "
                       "negative", "总建筑面积: 1 negative value(s) ('E2: -500') read as missing")
    # The parcel layer's own 总建筑面积 wins over the firms' sum; the firms' negative output is missing.
    got = by_id(result.results["OUTPUT"], "tax", "output_value", "net_profit", "tax_per_area")
    assert got["P1"] == pytest.approx((-3.0, 100.0, -50.0, -0.2))
    assert got["P2"][1] is None and got["P2"][0] == 4.0
    assert not any("净利润" in w for w in result.feedback.warnings)  # a loss is an ordinary value


def test_negative_floor_area_in_the_parcel_layer_is_missing(provider):
    layer = parcels([(square(X0, Y0), ["P1", -20000.0]), (square(X0 + 200, Y0), ["P2", 5000.0])])
    result = succeeded("computeindicators", run_indicators(layer),
                       "总建筑面积: 1 negative value(s) ('P1: -20000') read as missing")
    got = by_id(result.results["OUTPUT"], "plot_ratio")
    assert got["P1"] == (None,) and got["P2"] == pytest.approx((0.5,))


def park_layer(wkt, crs):
    return memory_layer("Polygon", crs, ["zone_type:string", "industrial_share:double"], [(wkt, ["开发区", 0.8])],
                        name="parks")


def test_parks_in_another_crs_are_reprojected(provider):
    park = QgsGeometry.fromWkt(f"POLYGON(({X0 - 10} {Y0 - 10},{X0 + 310} {Y0 - 10},{X0 + 310} {Y0 + 110},"
                               f"{X0 - 10} {Y0 + 110},{X0 - 10} {Y0 - 10}))")
    park.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4547"),
                                          QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance()))
    params = {"PARCELS": three_parcels(), "PARKS": park_layer(park.asWkt(12), "EPSG:4490"), "BASE_KM2": 0.01,
              "COMMUNITY_KM2": 0.001, "OUTPUT": "memory:", "OUTPUT_PARKS": "memory:"}
    result = succeeded("classifyscale", params)
    # The park (0.0384 km², share 0.8, a development zone) holds P1 and P2; P3 lies outside it.
    assert by_id(result.results["OUTPUT"], "level") == {"P1": ("base",), "P2": ("base",), "P3": ("block",)}


def test_parks_with_a_wrong_crs_are_warned(provider):
    params = {"PARCELS": three_parcels(), "PARKS": park_layer(square(X0, Y0, 500), "EPSG:4549"),
              "OUTPUT": "memory:", "OUTPUT_PARKS": "memory:"}
    succeeded("classifyscale", params, "No parcel lies in any of the 1 park(s)", "parks in EPSG:4549",
              "parcels in EPSG:4547", "wrong CRS")


def test_parks_without_crs_are_refused(provider, tmp_path):
    path = shapefile_without_crs(park_layer(square(X0, Y0, 500), "EPSG:4547"), tmp_path / "parks.shp")
    refused("classifyscale", {"PARCELS": three_parcels(), "PARKS": path, "OUTPUT": "memory:",
                              "OUTPUT_PARKS": "memory:"}, "The park layer has no coordinate reference system")


def test_unreadable_yes_no_answer_is_refused_naming_field_and_value(provider, tmp_path):
    table = write_csv(tmp_path, "宗地编号,是否符合安全要求\nP1,是\nP2,maybe\nP3,待定\n")
    refused("computeindicators", run_indicators(three_parcels(), ENTERPRISES=table),
            "Field '是否符合安全要求': 'maybe', '待定' is not a yes/no answer", "Use 是/否, 1/0")
