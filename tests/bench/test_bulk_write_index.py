"""The SQL fill of a GeoPackage output (qgis_io/bulk_io.fill_geopackage) sets the per-row triggers aside and does
their work in bulk: the written layer must still have a complete, valid spatial index, the right feature count,
and working triggers for later edits — whether the source's own index was copied or the index was built from the
geometries because the source's could not be trusted."""
import shutil
import sqlite3
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
PARAMS = {
    "PARCEL_ID": "宗地编号",
    "ENTERPRISES": str(DATA / "enterprises_gbk.csv"),
    "PRESET": "jiangning",
}


@pytest.fixture
def recorded(monkeypatch):
    """Record what fill_geopackage returned and which source index _source_rtree allowed to copy."""
    from landeval.qgis_io import bulk_io

    seen = {"filled": [], "copied": []}
    fill, source = bulk_io.fill_geopackage, bulk_io._source_rtree
    monkeypatch.setattr(bulk_io, "fill_geopackage",
                        lambda *a, **k: seen["filled"].append(fill(*a, **k)) or seen["filled"][-1])
    monkeypatch.setattr(bulk_io, "_source_rtree",
                        lambda *a, **k: seen["copied"].append(source(*a, **k)) or seen["copied"][-1])
    return seen


def _evaluate(parcels, out):
    import processing

    return processing.run("landeval:evaluate", {**PARAMS, "PARCELS": str(parcels), "OUTPUT": str(out)})["OUTPUT"]


def _triggers(con, table):
    return sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                            "tbl_name = ?", (table,)))


def _check_index(path):
    """The layer's table name after asserting that its R*Tree is valid (SQLite's rtreecheck), holds one entry
    per geometry and a box around each geometry's envelope (read with OGR), and that the feature count and the
    triggers a GeoPackage needs are all there."""
    from osgeo import ogr

    con = sqlite3.connect(path)
    table, geom = con.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchone()
    rtree = f"rtree_{table}_{geom}"
    assert con.execute(f"SELECT rtreecheck('{rtree}')").fetchone()[0] == "ok"
    boxes = {r[0]: r[1:] for r in con.execute(f'SELECT id, minx, maxx, miny, maxy FROM "{rtree}"')}
    count = con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    assert con.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?",
                       (table,)).fetchone()[0] == count
    assert _triggers(con, table) == sorted(
        [f"{rtree}_insert", f"{rtree}_delete"] + [f"{rtree}_update{k}" for k in range(1, 5)]
        + [f"trigger_insert_feature_count_{table}", f"trigger_delete_feature_count_{table}"])
    con.close()
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayer(0)
    envelopes = {f.GetFID(): f.GetGeometryRef().GetEnvelope() for f in layer
                 if f.GetGeometryRef() is not None and not f.GetGeometryRef().IsEmpty()}
    dataset = None
    assert set(boxes) == set(envelopes)
    for fid, (minx, maxx, miny, maxy) in envelopes.items():
        box = boxes[fid]  # float32, rounded outwards
        assert box[0] <= minx and box[1] >= maxx and box[2] <= miny and box[3] >= maxy, fid
    return table


def test_the_source_index_is_copied_when_it_indexes_exactly_the_copied_geometries(landeval_provider, tmp_path,
                                                                                  recorded):
    out = tmp_path / "evaluation.gpkg"
    _evaluate(DATA / "parcels_4547.gpkg", out)
    assert recorded["filled"] == [6] and recorded["copied"] == ["rtree_parcels_geom"]
    table = _check_index(out)
    # The triggers work again afterwards: an edit in QGIS or OGR keeps the index and the count up to date.
    from osgeo import ogr

    dataset = ogr.Open(str(out), 1)
    layer = dataset.GetLayerByName(table)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        "MULTIPOLYGON(((500000 3500000,500010 3500000,500010 3500010,500000 3500000)))"))
    assert layer.CreateFeature(feature) == 0
    dataset = None
    _check_index(out)


@pytest.mark.parametrize("spoil", [
    'DELETE FROM "rtree_parcels_geom" WHERE id = (SELECT MIN(id) FROM "rtree_parcels_geom")',  # an entry missing
    'UPDATE "rtree_parcels_geom" SET maxx = minx WHERE id = (SELECT MAX(id) FROM "rtree_parcels_geom")',  # stale box
    'DELETE FROM gpkg_extensions WHERE table_name = \'parcels\'',  # no index declared
])
def test_an_untrustworthy_source_index_is_not_copied_the_index_is_built(landeval_provider, tmp_path, recorded,
                                                                         spoil):
    from osgeo import gdal

    parcels = tmp_path / "parcels.gpkg"
    shutil.copy(DATA / "parcels_4547.gpkg", parcels)
    dataset = gdal.OpenEx(str(parcels), gdal.OF_VECTOR | gdal.OF_UPDATE)
    dataset.ExecuteSQL(spoil)
    dataset = None
    out = tmp_path / "evaluation.gpkg"
    _evaluate(parcels, out)
    assert recorded["filled"] == [6] and recorded["copied"] == [None]
    _check_index(out)
