"""The bulk fast paths (algorithms/bulk_io.py) change speed only: same cells read, same layer written."""
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

    from landeval.algorithms.layer_io import open_table, read_features
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

    from landeval.algorithms import bulk_io

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
