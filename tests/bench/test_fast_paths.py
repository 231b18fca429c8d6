"""The bulk fast paths (qgis_io/bulk_io.py) change speed only: same cells read, same layer written."""
import sqlite3
from pathlib import Path

import numpy as np
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
PARAMS = {
    "PARCELS": str(DATA / "parcels_4547.gpkg"),
    "PARCEL_ID": "宗地编号",
    "ENTERPRISES": str(DATA / "enterprises_gbk.csv"),
    "PRESET": "jiangning",
}


def _rows(path):
    """{fid: (geometry blob, every attribute)} and the column declarations of the one layer of a GeoPackage."""
    con = sqlite3.connect(path)
    table = con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
    columns = [(c[1], c[2]) for c in con.execute(f'PRAGMA table_info("{table}")')]
    rows = {r[0]: r[1:] for r in con.execute(f'SELECT * FROM "{table}" ORDER BY fid')}
    extent = con.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?", (table,)).fetchone()
    con.close()
    return columns, rows, extent


def test_csv_cells_are_the_ones_ogr_gives(landeval_provider):
    from qgis.core import QgsProcessingContext, QgsProcessingFeatureSource

    from landeval.qgis_io.layer_io import open_table, read_features
    from landeval.core.tables import canonical_table, numeric_columns

    layer = open_table(str(DATA / "enterprises_gbk.csv"))
    names = layer.fields().names()
    numeric = numeric_columns(names)
    assert "总产值" in numeric and "宗地编号" not in numeric
    fast = read_features(layer, names, numeric=numeric)
    # Wrapped as a Processing source, the layer is read feature by feature through QGIS.
    slow = read_features(QgsProcessingFeatureSource(layer, QgsProcessingContext()), names)
    assert fast.frame.columns.tolist() == slow.frame.columns.tolist() == names
    assert fast.fids.tolist() == slow.fids.tolist()
    for name in names:
        if name not in numeric:
            assert fast.frame[name].tolist() == slow.frame[name].tolist(), name
    fast_table, fast_warnings = canonical_table(fast.frame)
    slow_table, slow_warnings = canonical_table(slow.frame)
    assert fast_warnings == slow_warnings
    for column in slow_table.columns:
        left, right = fast_table[column].to_numpy(), slow_table[column].to_numpy()
        if left.dtype.kind == "f":
            np.testing.assert_array_equal(left, right, err_msg=column)
        else:
            assert left.tolist() == right.tolist(), column


def test_geopackage_written_in_sql_equals_the_feature_by_feature_write(landeval_provider, tmp_path, monkeypatch):
    import processing
    from qgis.core import QgsProcessingFeatureSourceDefinition

    from landeval.qgis_io import bulk_io

    filled = []
    original = bulk_io.fill_geopackage
    monkeypatch.setattr(bulk_io, "fill_geopackage", lambda *a, **k: filled.append(original(*a, **k)) or filled[-1])
    fast = processing.run("landeval:evaluate", {**PARAMS, "OUTPUT": str(tmp_path / "fast.gpkg")})["OUTPUT"]
    assert filled == [6]  # the six test parcels went through SQL
    # A feature limit makes the source a filtered one: the general, feature-by-feature path.
    limited = QgsProcessingFeatureSourceDefinition(PARAMS["PARCELS"], False, 1000)
    slow = processing.run("landeval:evaluate", {**PARAMS, "PARCELS": limited,
                                                "OUTPUT": str(tmp_path / "slow.gpkg")})["OUTPUT"]
    assert filled == [6]
    fast_columns, fast_rows, fast_extent = _rows(fast.split("|")[0])
    slow_columns, slow_rows, slow_extent = _rows(slow.split("|")[0])
    assert fast_columns == slow_columns
    assert fast_rows == slow_rows
    assert fast_extent == pytest.approx(slow_extent)


def test_areas_measured_in_sql_equal_the_per_feature_areas(landeval_provider, tmp_path):
    """measure_source_areas (SQLite for the valid geometries, per feature for the rest) gives the areas, repairs
    and empty positions of measure_areas over every geometry read into Python."""
    from osgeo import ogr, osr
    from qgis.core import QgsProcessingContext, QgsVectorLayer

    from landeval.qgis_io.layer_io import measure_areas, measure_source_areas, read_features
    from landeval.qgis_io.sources import GeoPackageTable, SourceInput

    path = str(tmp_path / "areas.gpkg")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = dataset.CreateLayer("parcels", srs, ogr.wkbMultiPolygon)
    x, y = 500000.0, 3500000.0  # Gauss-Kruger metres: large coordinates, where planar precision matters
    shapes = [
        f"MULTIPOLYGON((({x} {y},{x + 100} {y},{x + 100} {y + 50},{x} {y + 50},{x} {y})))",  # 5000 m²
        # a bow tie (invalid): repaired into two triangles of 25 m² each
        f"MULTIPOLYGON((({x} {y},{x + 10} {y + 10},{x + 10} {y},{x} {y + 10},{x} {y})))",
        None,  # no geometry
        "MULTIPOLYGON EMPTY",
        # 100 × 100 with a 20 × 20 hole, plus a 10 × 10 part
        f"MULTIPOLYGON((({x} {y},{x + 100} {y},{x + 100} {y + 100},{x} {y + 100},{x} {y}),"
        f"({x + 10} {y + 10},{x + 30} {y + 10},{x + 30} {y + 30},{x + 10} {y + 30},{x + 10} {y + 10})),"
        f"(({x + 200} {y},{x + 210} {y},{x + 210} {y + 10},{x + 200} {y + 10},{x + 200} {y})))",
        f"MULTIPOLYGON((({x + 0.123} {y + 0.456},{x + 37.7} {y + 3.3},{x + 20.01} {y + 41.9},{x + 0.123} {y + 0.456})))",
    ]
    for wkt in shapes:
        feature = ogr.Feature(layer.GetLayerDefn())
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    dataset = None

    source = QgsVectorLayer(f"{path}|layername=parcels", "parcels", "ogr")
    context = QgsProcessingContext()
    table = read_features(source, [], geometry=True)
    slow = measure_areas(table.geometries, source.sourceCrs(), context)
    assert measure_source_areas(source, table.fids, source.sourceCrs(), context) is None  # no GeoPackageTable
    given = SourceInput(source, GeoPackageTable(path, "parcels"))
    fast = measure_source_areas(given, table.fids, source.sourceCrs(), context)
    assert fast is not None and fast.geometries is None
    # Both are the shoelace area; only the order of the sums differs (about 1e-12 at these coordinates).
    np.testing.assert_allclose(fast.area_m2, slow.area_m2, rtol=1e-10)
    np.testing.assert_allclose(fast.area_m2, [5000, 50, np.nan, np.nan, 9700, slow.area_m2[5]], rtol=1e-10)
    assert fast.repaired.tolist() == slow.repaired.tolist() == [1]
    assert fast.empty.tolist() == slow.empty.tolist() == [2, 3]


def test_geopackage_attributes_read_in_bulk_equal_the_feature_by_feature_read(landeval_provider, tmp_path):
    """read_features of a remembered GeoPackage layer (Arrow arrays through GDAL) gives the frame and fids of
    QGIS's feature-by-feature read: text with None for NULL and '' kept, int64 without NULL, floats with NaN."""
    from osgeo import ogr, osr
    from qgis.core import QgsVectorLayer

    from landeval.qgis_io import bulk_io
    from landeval.qgis_io.layer_io import read_features
    from landeval.qgis_io.sources import GeoPackageTable, SourceInput

    path = str(tmp_path / "attributes.gpkg")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = dataset.CreateLayer("parcels", srs, ogr.wkbMultiPolygon)
    for name, kind in (("宗地编号", ogr.OFTString), ("n", ogr.OFTInteger), ("big", ogr.OFTInteger64),
                       ("x", ogr.OFTReal), ("full", ogr.OFTInteger)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    rows = [("P01", 1, 2 ** 40, 1.5, 7), (None, None, None, None, 8), ("", 0, 0, 0.0, 9), ("街镇 A", -3, -1, -2.25, 10)]
    for values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(("宗地编号", "n", "big", "x", "full"), values):
            if value is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, value)
        layer.CreateFeature(feature)
    dataset = None

    names = ["宗地编号", "n", "big", "x", "full"]
    source = QgsVectorLayer(f"{path}|layername=parcels", "parcels", "ogr")
    slow = read_features(source, names)
    table = GeoPackageTable(path, "parcels")
    assert bulk_io.read_geopackage(table, names, ["text", "int", "int", "float", "int"]) is not None
    fast = read_features(SourceInput(source, table), names)
    assert fast.fids.tolist() == slow.fids.tolist() == [1, 2, 3, 4]
    assert fast.frame["宗地编号"].tolist() == slow.frame["宗地编号"].tolist() == ["P01", None, "", "街镇 A"]
    for name in names[1:]:
        assert fast.frame[name].dtype == slow.frame[name].dtype, name
        np.testing.assert_array_equal(fast.frame[name].to_numpy(), slow.frame[name].to_numpy(), err_msg=name)
    assert fast.frame["full"].dtype == np.int64 and fast.frame["n"].dtype == float
