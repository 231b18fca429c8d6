"""Inputs the technicians really have: GeoPackage and Shapefile parcels, UTF-8 / GBK CSV and XLSX enterprise
tables with Chinese headers, enterprise points, geographic and projected CRSs, multipart and invalid parcels,
unmatched enterprises. Every run leaves tests/data byte-identical (data_hashes)."""
import shutil
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

DATA = Path(__file__).resolve().parents[1] / "data"
INDICATORS = ("area_m2", "n_enterprises", "floor_area", "output_value", "tax", "employees", "legal_certificate",
              "plot_ratio", "building_density", "output_per_area", "tax_per_area", "employees_per_area")


def _values(layer, key="宗地编号", fields=INDICATORS):
    out = {}
    for f in layer.getFeatures():
        out[f[key]] = tuple(None if f[n] is None or (hasattr(f[n], "isNull") and f[n].isNull()) else
                            round(float(f[n]), 9) for n in fields)
    return out


def _indicators(run, **params):
    base = {"PARCELS": str(DATA / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号", "OUTPUT": "TEMPORARY_OUTPUT"}
    return run("computeindicators", {**base, **params})


@pytest.mark.parametrize("table", ["enterprises_utf8.csv", "enterprises_gbk.csv", "enterprises.xlsx"])
def test_enterprise_tables_in_every_format_give_the_same_indicators(run, table, data_hashes):
    res = _indicators(run, ENTERPRISES=str(DATA / table))
    got = _values(res["OUTPUT"])
    # P02 by hand: two tenants, floor 10 000 + 6 000, output 2 000 + "1,000", tax 60 + 30, employees 50 + 25;
    # E03 has no certificate → 0; area 20 000 m² = 30 亩.
    assert got["P02"] == (20000.0, 2.0, 16000.0, 3000.0, 90.0, 75.0, 0.0, 0.8, 0.4, 100.0, 3.0, 2.5)
    assert got["P04"][1:] == (0.0,) + (None,) * 10  # no enterprise: n_enterprises 0, indicators NULL
    assert res["UNMATCHED_ENTERPRISES"] == 1  # E07 names parcel P99
    assert res["PARCELS_WITHOUT_ENTERPRISE"] == 1
    assert got == _values(_indicators(run, ENTERPRISES=str(DATA / "enterprises_utf8.csv"))["OUTPUT"])


def test_gbk_csv_headers_are_decoded(run):
    # Read as UTF-8 the GBK headers would be garbage and no column would be recognised.
    layer = _indicators(run, ENTERPRISES=str(DATA / "enterprises_gbk.csv"))["OUTPUT"]
    assert layer.fields().lookupField("tax_per_area") >= 0
    assert {f["宗地编号"]: f["enterprise_name"] for f in layer.getFeatures()}["P01"] == "甲机械有限公司"


def test_enterprise_points_join_by_location(run):
    by_id = _values(_indicators(run, ENTERPRISES=str(DATA / "enterprises_utf8.csv"))["OUTPUT"])
    res = _indicators(run, ENTERPRISES=str(DATA / "enterprise_points.gpkg"))
    assert _values(res["OUTPUT"]) == by_id
    assert res["UNMATCHED_ENTERPRISES"] == 1  # E07's point lies outside every parcel


def test_shapefile_parcels(run, data_hashes):
    gpkg = _values(_indicators(run, ENTERPRISES=str(DATA / "enterprises_gbk.csv"))["OUTPUT"])
    shp = _indicators(run, PARCELS=str(DATA / "parcels_4547.shp"), PARCEL_ID="parcel_id",
                      ENTERPRISES=str(DATA / "enterprises_gbk.csv"))
    assert _values(shp["OUTPUT"], key="parcel_id") == gpkg


def test_geographic_and_projected_areas_agree(run):
    # The same parcels stored in EPSG:4490 (ellipsoidal areas) and EPSG:4547 (plane, 60 km off the central
    # meridian, scale error ~4.4e-5): within 0.5 % as the issue asks, in fact within 0.05 %.
    projected = _values(_indicators(run)["OUTPUT"], fields=("area_m2", "area_mu"))
    geographic = _values(_indicators(run, PARCELS=str(DATA / "parcels_4490.gpkg"))["OUTPUT"],
                         fields=("area_m2", "area_mu"))
    for pid, (m2, mu) in projected.items():
        assert geographic[pid][0] == pytest.approx(m2, rel=5e-4), pid
        assert geographic[pid][1] == pytest.approx(mu, rel=5e-4), pid
    assert projected["P01"] == (10000.0, 15.0)


def test_multipart_and_invalid_geometries_are_kept_and_reported(run, tmp_path):
    out = str(tmp_path / "ind.gpkg")
    res = _indicators(run, OUTPUT=out)
    assert res["REPAIRED_GEOMETRIES"] == 1
    layer = QgsVectorLayer(out, "ind", "ogr")
    assert layer.featureCount() == 6  # nothing dropped
    feats = {f["宗地编号"]: f for f in layer.getFeatures()}
    assert feats["P05"].geometry().isMultipart() and feats["P05"]["area_m2"] == pytest.approx(10000)
    assert feats["P06"]["area_m2"] == pytest.approx(5000)  # the bow-tie, measured after makeValid
    assert not feats["P06"].geometry().isGeosValid()  # the output keeps the geometry as it was


def test_overlays_in_another_crs(run):
    # Red line and POIs are stored in EPSG:4490, the parcels in EPSG:4547.
    layer = _indicators(run, ECO_REDLINE=str(DATA / "redline_4490.gpkg"), POIS=str(DATA / "pois_4490.gpkg"),
                        DEV_BOUNDARY=str(DATA / "dev_boundary.gpkg"), POI_RADIUS=200)["OUTPUT"]
    got = _values(layer, fields=("redline_share", "inside_dev_boundary", "poi_count"))
    assert got["P01"] == pytest.approx((0.5, 1.0, 1.0), abs=1e-6)
    assert got["P04"] == pytest.approx((5 / 6, 0.0, 0.0), abs=1e-6)
    assert got["P03"] == pytest.approx((0.0, 0.0, 1.0))
    assert got["P05"] == pytest.approx((0.0, 0.0, 0.0))


def test_parcel_layer_without_crs_is_a_clear_error(run, tmp_path):
    # A Shapefile whose .prj was lost: QGIS opens it with no CRS, and no area can be measured.
    for ext in (".shp", ".shx", ".dbf", ".cpg"):
        shutil.copy(DATA / f"parcels_4547{ext}", tmp_path / f"noprj{ext}")
    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        run("computeindicators", {"PARCELS": str(tmp_path / "noprj.shp"), "PARCEL_ID": "parcel_id",
                                  "OUTPUT": "TEMPORARY_OUTPUT"})


@pytest.mark.parametrize("unit,factor", [(1, 1e-4), (2, 1e-6)])
def test_area_unit(run, unit, factor):
    # AREA_UNIT 1 = ha, 2 = km²: P01 is 1 ha = 0.01 km²; tax_per_area is 150 万元 per that area.
    name = ("area_mu", "area_ha", "area_km2")[unit]
    layer = _indicators(run, ENTERPRISES=str(DATA / "enterprises_utf8.csv"), AREA_UNIT=unit)["OUTPUT"]
    p01 = _values(layer, fields=(name, "tax_per_area"))["P01"]
    assert p01 == pytest.approx((10000 * factor, 150 / (10000 * factor)))


def test_poi_counts_in_a_geographic_crs(run):
    # Parcels in EPSG:4490 (degrees): distances are measured in the UTM zone of the layer, so the 200 m circle
    # finds the same POIs as in EPSG:4547 (nearest margins: P03 150.7 m in, P05 221.4 m out).
    params = dict(POIS=str(DATA / "pois_4490.gpkg"), POI_RADIUS=200, ECO_REDLINE=str(DATA / "redline_4490.gpkg"))
    projected = _values(_indicators(run, **params)["OUTPUT"], fields=("poi_count", "redline_share"))
    geographic = _values(_indicators(run, PARCELS=str(DATA / "parcels_4490.gpkg"), **params)["OUTPUT"],
                         fields=("poi_count", "redline_share"))
    assert {k: v[0] for k, v in geographic.items()} == {k: v[0] for k, v in projected.items()}
    for pid, (_, share) in projected.items():
        assert geographic[pid][1] == pytest.approx(share, abs=1e-3), pid
