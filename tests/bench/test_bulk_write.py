"""The SQL fill of a GeoPackage output (qgis_io/bulk_io.fill_geopackage).

It sets the per-row triggers aside and does their work in bulk: the written layer must still have a complete,
valid spatial index, the right feature count, and working triggers for later edits — whether the source's own
index was copied or the index was built from the geometries because the source's could not be trusted. And it
copies the rows chunk by chunk, loading one chunk's results while the one before is copied: the layer must be
the one a single chunk writes, and Cancel between chunks must leave nothing behind."""
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


def _fresh_layer_triggers(path, table):
    """The triggers this GDAL gives a new GeoPackage polygon layer named `table` (their names differ between
    GeoPackage versions: GDAL 3.12 writes update5–7 where 3.6 writes update1–4)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer(table, srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("x", ogr.OFTReal))
    dataset = None
    con = sqlite3.connect(path)
    try:
        return _triggers(con, table)
    finally:
        con.close()
        path.unlink()


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
    assert _triggers(con, table) == _fresh_layer_triggers(path.parent / "fresh.gpkg", table)
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


def _all_rows(path):
    con = sqlite3.connect(path)
    table = con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
    rows = con.execute(f'SELECT * FROM "{table}" ORDER BY fid').fetchall()
    con.close()
    return rows


def test_rows_copied_in_chunks_are_the_rows_of_one_chunk(landeval_provider, tmp_path, recorded, monkeypatch):
    from landeval.qgis_io import bulk_io

    whole = tmp_path / "whole.gpkg"
    _evaluate(DATA / "parcels_4547.gpkg", whole)
    chunks = []
    original = bulk_io._chunks
    monkeypatch.setattr(bulk_io, "_CHUNK", 2)
    monkeypatch.setattr(bulk_io, "_chunks", lambda fids: chunks.append(original(fids)) or chunks[-1])
    chunked = tmp_path / "chunked.gpkg"
    _evaluate(DATA / "parcels_4547.gpkg", chunked)
    # Six parcels, two rows a chunk: the first chunk open below, the last open above.
    assert [(c[0], c[1], c[2] is None, c[3] is None) for c in chunks[0]] == [
        (0, 2, True, False), (2, 4, False, False), (4, 6, False, True)]
    assert recorded["filled"] == [6, 6]
    assert _all_rows(chunked) == _all_rows(whole)
    _check_index(chunked)


def test_chunks_of_features_without_results_are_still_copied():
    """Features of the source missing from the results' fids (NULL results) fall inside a chunk's fid range."""
    import numpy as np

    from landeval.qgis_io import bulk_io

    fids = np.array([3, 7, 8, 20, 21], dtype=np.int64)
    original = bulk_io._CHUNK
    try:
        bulk_io._CHUNK = 2
        assert bulk_io._chunks(fids) == [(0, 2, None, 7), (2, 4, 7, 20), (4, 5, 20, None)]
        assert bulk_io._chunks(np.array([5, 2, 9], dtype=np.int64)) == [(0, 3, None, None)]  # not ascending
    finally:
        bulk_io._CHUNK = original


def test_cancel_between_chunks_leaves_no_output_and_no_chunk_files(landeval_provider, tmp_path, monkeypatch):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProcessingUtils

    from landeval.qgis_io import bulk_io

    feedback = QgsProcessingFeedback()
    loaded = []
    original = bulk_io._load_results

    def load_then_cancel(*args):
        """Cancel is pressed while the second chunk's results are loaded (the first is being copied)."""
        original(*args)
        loaded.append(args[0])
        if len(loaded) == 2:
            feedback.cancel()

    monkeypatch.setattr(bulk_io, "_load_results", load_then_cancel)
    monkeypatch.setattr(bulk_io, "_CHUNK", 2)
    out = tmp_path / "evaluation.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("landeval:evaluate", {**PARAMS, "PARCELS": str(DATA / "parcels_4547.gpkg"),
                                             "OUTPUT": str(out)}, feedback=feedback)
    assert len(loaded) == 2 and not out.exists() and not list(tmp_path.iterdir())
    assert not any(Path(p).exists() for p in loaded)
    assert not list(Path(QgsProcessingUtils.tempFolder()).glob("landeval-results-*"))
