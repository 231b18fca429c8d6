"""Column-at-a-time fast paths for the two costly ends of a million-parcel run (used by layer_io).

Reading a CSV through QGIS features and writing a GeoPackage feature by feature both cross the Python/C++
boundary once per cell: 50 columns × 10⁶ rows took minutes. Here pandas' C parser reads a delimited text file
into the same cells OGR would give, and SQLite copies a GeoPackage layer into the new one at C speed while
joining the result columns, which are loaded in bulk. Each function returns None when its input is not one
it can handle exactly (a filtered layer, a virtual field, a separator it cannot be sure of), and the caller
then takes the general path — so the fast paths change speed, never results.
"""
import codecs
import os
import re
import shutil
import sqlite3
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ..core.errors import LandEvalError
from ..core.tables import TEXT_CELLS
from .destinations import same_file
from .values import check_canceled, python_values

# Rows per block when loading results: bounds the Python objects alive at once (~75 result columns: one
# Python float or string per cell, ~40 MB per block of 10 000 rows).
_BLOCK = 10000
# Rows per chunk of the SQL fill: one chunk's results are loaded (in Python) while the one before is copied
# into the output (in GDAL, which releases the GIL), so the two take one's time on two cores.
_CHUNK = 100000
# Rows per block when reading text: the parser makes a Python string per cell of a block (~80 bytes each, 50
# columns), and the few that stay (names, ids) pin the memory of the rest, so blocks are kept small.
_READ_BLOCK = 10000


# ------------------------------------------------------------------------------------------- reading text
def _delimited_file(source):
    """(path, Python codec, separator) when `source` is a whole CSV/TSV layer read by OGR, else None.

    OGR detects the separator on the header line; only a header with exactly one candidate outside quotes
    is taken here, so the cells are split where OGR splits them.
    """
    if not isinstance(source, QgsVectorLayer) or source.providerType() != "ogr" or source.subsetString():
        return None
    path = source.source().split("|")[0]
    if os.path.splitext(path)[1].lower() not in (".csv", ".tsv") or not os.path.isfile(path):
        return None
    try:
        codec = codecs.lookup(source.dataProvider().encoding()).name
    except LookupError:
        return None
    codec = "utf-8-sig" if codec == "utf-8" else codec  # OGR drops a byte-order mark
    with open(path, "rb") as handle:
        header = re.sub(r'"[^"]*"', "", handle.readline().decode(codec, errors="replace"))
    separators = [s for s in (",", ";", "\t") if s in header]
    return (path, codec, separators[0]) if len(separators) == 1 else None


def _numbers_where_plain(cells):
    """(floats, positions, texts) of a block of a numeric column: plain numbers as floats (NaN elsewhere), and
    every other cell (empty, 暂无, 12万, 1,234) kept as the text OGR gives, by position, for the table parser
    to read and report exactly as before. A million Python floats in an object column cost 32 bytes each."""
    values = pd.to_numeric(pd.Series(cells, dtype=object), errors="coerce").to_numpy(dtype=float)
    other = np.flatnonzero(~np.isfinite(values))
    values[other] = np.nan
    return values, other, _shared_strings(cells[other])


def _shared_strings(cells):
    """Text cells with one Python string per distinct value (a flag column holds two, not a million)."""
    codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    uniques = np.asarray(uniques, dtype=object)
    out = uniques[np.maximum(codes, 0)] if len(uniques) else np.full(len(codes), None, dtype=object)
    out[codes < 0] = None  # a row shorter than the header: OGR gives NULL there
    return out


class _NotPlain(Exception):
    """A block of a numeric column the C parser turned into something else than plain numbers (inf, booleans):
    the file is read again with every cell as text, the reading that reports such cells exactly."""


def _numeric_block(column):
    """(floats, positions, texts) of a block of a numeric column as the C parser typed it. A block of plain
    numbers comes as int or float (the parser's float reading is pandas' precise one, the one pd.to_numeric
    uses: same bits), with no Python string made per cell; any other block comes as its text cells."""
    kind = column.dtype.kind
    if kind == "O":
        return _numbers_where_plain(column.to_numpy(dtype=object))
    if kind not in "iuf":
        raise _NotPlain
    values = column.to_numpy(dtype=float)
    if kind == "f" and not np.isfinite(values).all():
        raise _NotPlain  # 'inf' is a number to the parser but text to the table parser
    return values, np.array([], dtype=np.int64), np.array([], dtype=object)


def _read_blocks(path, codec, separator, names, numeric, typed):
    """({column: blocks}, {column: (positions, texts)}, rows) of a delimited file read block by block.
    `typed`: numeric columns are typed by the C parser (plain numbers never become strings); otherwise
    every cell is read as text first."""
    blocks = {name: [] for name in names}
    texts = {name: ([], []) for name in names if name in numeric}
    dtype = {name: str for name in names if name not in numeric} if typed else str
    start = 0
    # low_memory=False: the parser types each block as a whole, never as a mix of its own smaller pieces.
    with pd.read_csv(path, sep=separator, encoding=codec, dtype=dtype, keep_default_na=False,
                     na_filter=False, usecols=list(names), chunksize=_READ_BLOCK, engine="c",
                     low_memory=False) as reader:
        for block in reader:
            for name in names:
                if name in numeric:
                    values, where, text = (_numeric_block(block[name]) if typed
                                           else _numbers_where_plain(block[name].to_numpy(dtype=object)))
                    blocks[name].append(values)
                    texts[name][0].append(where + start)
                    texts[name][1].append(text)
                else:
                    blocks[name].append(_shared_strings(block[name].to_numpy(dtype=object)))
            start += len(block)
    return blocks, texts, start


def read_delimited(source, names, numeric=()):
    """(frame, fids) of the columns `names` of a CSV/TSV layer, or None when `source` is not one.

    Cells are OGR's: text as written ('' for an empty cell). Columns in `numeric` — those the caller parses
    as numbers anyway — are float columns holding the plain numbers, which is what the parser would make of
    them; their other cells are NaN there and kept as text in `frame.attrs[TEXT_CELLS]` (see
    core.tables.canonical_table, which reads them as it would have read them in the column). Feature ids are
    OGR's for CSV: 1, 2, 3, …
    """
    spec = _delimited_file(source)
    if spec is None:
        return None
    path, codec, separator = spec
    numeric = set(numeric)
    try:
        try:
            blocks, texts, rows = _read_blocks(path, codec, separator, names, numeric, typed=True)
        except _NotPlain:
            blocks, texts, rows = _read_blocks(path, codec, separator, names, numeric, typed=False)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError):
        return None  # a header OGR renamed, a ragged row, bad bytes: OGR's own reading decides
    data = {}
    for name in names:
        # Each column's blocks are let go as soon as they are joined: never two copies of the table at once.
        parts = blocks.pop(name)
        data[name] = np.concatenate(parts) if parts else np.array([], dtype=float if name in numeric else object)
        del parts
    frame = pd.DataFrame(data, columns=list(names), copy=False)
    del data
    text_cells = {}
    for name, (where, text) in texts.items():
        if where and sum(len(w) for w in where):
            text_cells[name] = pd.Series(np.concatenate(text), index=np.concatenate(where), dtype=object)
    if text_cells:
        frame.attrs[TEXT_CELLS] = text_cells
    return frame, np.arange(1, len(frame) + 1, dtype=np.int64)


# ------------------------------------------------------------------------------------- writing GeoPackage
def _arrow_query(path, sql, names, dialect=None, options=()):
    """{name: [one array per Arrow batch]} of the columns `names` of the result of `sql` on the GeoPackage at
    `path`, read through GDAL without a Python call per row; None when GDAL cannot open the file, run the query
    (quietly: the caller then takes the general path) or stream Arrow (GDAL older than 3.6)."""
    from osgeo import gdal

    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None:
        return None
    parts = {n: [] for n in names}
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        result = dataset.ExecuteSQL(sql, dialect=dialect) if dialect else dataset.ExecuteSQL(sql)
        if result is None or not hasattr(result, "GetArrowStreamAsNumPy"):
            return None
        try:
            for batch in result.GetArrowStreamAsNumPy(options=list(options)):
                for name, found in parts.items():
                    found.append(batch[name])
        finally:
            dataset.ReleaseResultSet(result)
    except (RuntimeError, KeyError):
        return None
    finally:
        gdal.PopErrorHandler()
        dataset = None
    return parts


def read_geopackage(geopackage, names, kinds):
    """(frame, fids) of the columns `names` of a GeoPackageTable (sources.py), read as Arrow arrays through GDAL
    (no Python call per feature), or None when `geopackage` is None or a column is not plain text or number.

    `kinds`: per name "text", "int" or "float" (the field's QGIS type). The cells are those read_features
    makes of QGIS's: text with None for NULL, integers as int64 (float with NaN when a NULL occurs), floats
    with NaN; rows in feature id order, as QGIS gives a GeoPackage's features.
    """
    info = _layer_info(geopackage.path, geopackage.table) if geopackage is not None else None
    if info is None or info[1] is None or None in kinds:
        return None
    table, fid, columns = info[0], info[1], info[6]
    if any(n not in columns or n == fid for n in names):
        return None
    select = ", ".join([_quote(fid) + " AS le_fid"] + [_quote(n) for n in names])
    # GDAL takes le_fid as the result's FID column and gives it under that name.
    parts = _arrow_query(geopackage.path, f"SELECT {select} FROM {_quote(table)} ORDER BY {_quote(fid)}",
                         ["le_fid"] + list(names))
    if parts is None:
        return None
    fid_parts = parts.pop("le_fid")
    fids = np.concatenate(fid_parts).astype(np.int64) if fid_parts else np.array([], dtype=np.int64)
    data = {name: _arrow_column(parts[name], kind) for name, kind in zip(names, kinds)}
    return pd.DataFrame(data, columns=list(names)), fids


def _arrow_column(batches, kind):
    """One column from GDAL's Arrow batches (masked where NULL) as read_features gives it."""
    if not batches:
        return np.array([], dtype=object if kind == "text" else float)
    values = np.ma.concatenate([np.ma.asarray(b) for b in batches])
    null = np.ma.getmaskarray(values)
    data = np.ma.getdata(values)
    if kind == "text":
        # Fixed-width UTF-8 bytes: each distinct value is decoded once and shared by its cells. GDAL 3.10 (QGIS
        # 3.40's) gives an all-NULL text column as Python str instead, which needs no decoding.
        codes, uniques = pd.factorize(data)
        text = np.array([u.decode("utf-8") if isinstance(u, bytes) else u for u in uniques] + [None],
                        dtype=object)
        return text[np.where(null, len(uniques), codes)]
    if kind == "int" and not null.any():
        return data.astype(np.int64)
    out = data.astype(float)
    out[null] = np.nan
    return out


def _quote(name):
    return '"' + str(name).replace('"', '""') + '"'


def _text(value):
    """`value` as an SQL string literal (a file path, a table name compared as a value)."""
    return "'" + str(value).replace("'", "''") + "'"


def _layer_info(path, table):
    """(table, fid column, geometry column, srs_id, z, m, column names) of a GeoPackage layer, or None."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if table is None:
            tables = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")]
            if len(tables) != 1:
                return None
            table = tables[0]
        row = con.execute("SELECT table_name, column_name, srs_id, z, m FROM gpkg_geometry_columns "
                          "WHERE lower(table_name) = lower(?)", (table,)).fetchone()
        if row is None:
            return None
        columns = con.execute(f"PRAGMA table_info({_quote(row[0])})").fetchall()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    fid = [c[1] for c in columns if c[5] == 1]
    return (row[0], fid[0] if len(fid) == 1 else None, row[1], row[2], row[3], row[4], [c[1] for c in columns])


def geopackage_areas(geopackage):
    """(fids, planar areas in the layer's units², ok) of every feature of a GeoPackageTable (sources.py),
    measured in SQLite by SpatiaLite through GDAL, or None when `geopackage` is None or this GDAL has no
    SpatiaLite.

    `ok` is False where the SQL area is not the one LandEval would take: no or empty geometry, GEOS finds the
    geometry invalid (it must be repaired first), or SpatiaLite cannot read it (curves). The caller measures
    those few features one by one, as before. One Python call per parcel was the cost at 10⁶ parcels.
    """
    info = _layer_info(geopackage.path, geopackage.table) if geopackage is not None else None
    if info is None or info[1] is None:
        return None
    table, fid, geom = _quote(info[0]), _quote(info[1]), _quote(info[2])
    sql = (f"SELECT {fid} AS fid, COALESCE(ST_Area({geom}), -1.0) AS area, "
           f"CASE WHEN {geom} IS NOT NULL AND ST_IsEmpty({geom}) = 0 AND ST_IsValid({geom}) = 1 "
           f"AND ST_Area({geom}) IS NOT NULL THEN 1 ELSE 0 END AS ok FROM {table}")
    # None: no SpatiaLite (no such function ST_Area), or a GDAL older than 3.6.
    columns = _arrow_query(geopackage.path, sql, ["fid", "area", "ok"], dialect="SQLITE",
                           options=["USE_MASKED_ARRAYS=NO"])
    if columns is None:
        return None
    if not columns["fid"]:
        return np.array([], dtype=np.int64), np.array([], dtype=float), np.array([], dtype=bool)
    area = np.concatenate(columns["area"]).astype(float)
    ok = np.concatenate(columns["ok"]).astype(bool) & (area >= 0)
    return np.concatenate(columns["fid"]).astype(np.int64), area, ok


def _sql_values(series):
    """A column as Python values for SQLite: floats straight from numpy (SQLite stores NaN as NULL, which is
    what the general path writes for a missing number), anything else as the general path converts it."""
    if series.dtype.kind == "f":
        return series.to_numpy().tolist()
    return python_values(series)


def _load_results(path, results, fids, res_cols):
    """The result columns in a SQLite table `r` (fid, c0, c1, …) of a new file, a block of rows at a time."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        names = [f"c{k}" for k in range(len(res_cols))]
        con.execute(f"CREATE TABLE r (fid INTEGER PRIMARY KEY{''.join(', ' + n for n in names)})")
        insert = f"INSERT INTO r VALUES ({', '.join('?' * (len(names) + 1))})"
        with con:
            for start in range(0, len(results), _BLOCK):
                block = results.iloc[start:start + _BLOCK]
                columns = [fids[start:start + _BLOCK].tolist()] + [_sql_values(block[c]) for c in res_cols]
                con.executemany(insert, zip(*columns))
    finally:
        con.close()


def _chunks(fids):
    """(start, stop, after, upto) per chunk of _CHUNK rows of the results: rows start…stop−1 hold the results of
    the source features with after < fid ≤ upto (None: unbounded), so that the chunks together cover every
    source feature, including those without results. One chunk when the fids are not ascending."""
    n = len(fids)
    if n <= _CHUNK or not (np.diff(fids) > 0).all():
        return [(0, n, None, None)]
    bounds = list(range(0, n, _CHUNK)) + [n]
    return [(start, stop, int(fids[start - 1]) if start else None, int(fids[stop - 1]) if stop < n else None)
            for start, stop in zip(bounds[:-1], bounds[1:])]


def _execute(dataset, sql):
    """Run one statement on a GDAL dataset (its SQLite connection knows the GeoPackage ST_ functions the
    spatial index triggers call); a failure is an error."""
    from osgeo import gdal

    gdal.ErrorReset()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    failure = None
    try:
        result = dataset.ExecuteSQL(sql)
    except RuntimeError as err:  # raised instead of returned when some code called gdal.UseExceptions()
        result, failure = None, str(err)
    finally:
        gdal.PopErrorHandler()
    if result is not None:
        dataset.ReleaseResultSet(result)
    if failure is None and gdal.GetLastErrorType() >= gdal.CE_Failure:
        failure = gdal.GetLastErrorMsg()
    if failure is not None:
        # The cause is the last line; the SQL statement before it means nothing to the technician.
        cause = (failure.strip().splitlines() or ["unknown error"])[-1].strip()
        raise LandEvalError("Writing {file} failed: {cause}. Check the free "
                            "disk space and that the output folder is writable, and run again.",
                            file=os.path.basename(dataset.GetDescription()), cause=cause)


def may_fill(geopackage, dest_id):
    """Whether fill_geopackage may apply: a GeoPackageTable source and a GeoPackage destination in another file
    (a new table beside the source's would ATTACH the file to itself, which SQLite refuses as locked; QGIS's
    own writer handles that case)."""
    dest_path = dest_id.split("|")[0]
    return (geopackage is not None and dest_path.lower().endswith(".gpkg")
            and not same_file(geopackage.path, dest_path))


def fill_geopackage(geopackage, dest_id, fields, plan, results, fids, feedback):
    """Fill the empty GeoPackage layer `dest_id` (just created with `fields`) with every feature of the
    GeoPackageTable `geopackage` and the result columns of `plan`, in SQL. Returns the number of features
    written, or None (nothing written) when the fill may not apply (may_fill) or the two layers do not match
    column for column, CRS and geometry type."""
    if not may_fill(geopackage, dest_id):
        return None
    src = (geopackage.path, geopackage.table)
    dest_path, _, options = dest_id.partition("|")
    match = re.search(r"layername=([^|]+)", options)
    src_info = _layer_info(*src)
    dest_info = _layer_info(dest_path, match.group(1) if match else None)
    if src_info is None or dest_info is None or src_info[1] is None or dest_info[1] is None:
        return None
    src_table, src_fid, src_geom, src_srs, src_z, src_m, src_columns = src_info
    dest_table, dest_fid, dest_geom, dest_srs, dest_z, dest_m, dest_columns = dest_info
    if (src_srs, src_z, src_m) != (dest_srs, dest_z, dest_m):
        return None
    # Output column k of the plan is QGIS field k; the fid column shows in QGIS as a field of that name.
    by_lower = {c.lower(): c for c in src_columns}
    res_slot = {c: k for k, c in enumerate(c for kind, c in plan if kind == "res")}
    targets, values = [dest_fid, dest_geom], [f"s.{_quote(src_fid)}", f"s.{_quote(src_geom)}"]
    dest_lower = {c.lower(): c for c in dest_columns}
    for k, (kind, item) in enumerate(plan):
        column = dest_lower.get(fields.at(k).name().lower())
        if column is None:
            return None
        if kind == "src":
            origin = by_lower.get(fields.at(k).name().lower())
            if origin is None:
                return None  # a virtual or joined field: only QGIS knows its values
            if column == dest_fid:
                continue
            values.append(f"s.{_quote(origin)}")
        else:
            if column == dest_fid:
                return None
            values.append(f"r.c{res_slot[item]}")
        targets.append(column)
    if set(c.lower() for c in targets) != set(dest_lower):
        return None
    res_cols = [c for kind, c in plan if kind == "res"]
    return _copy_joined((geopackage.path, src_info), (dest_path, dest_info), targets, values,
                        (results, np.asarray(fids, dtype=np.int64), res_cols), feedback)


def _copy_joined(src, dest, targets, values, loaded, feedback):
    """Copy every source feature into the empty destination table with its results (`loaded`: the results
    frame, its fids and the columns to write), chunk by chunk; returns the number of features written.
    `src`, `dest`: (path, _layer_info) of the two layers."""
    from osgeo import gdal

    (src_path, src_info), (dest_path, dest_info) = src, dest
    src_table, src_fid, dest_table = src_info[0], src_info[1], dest_info[0]
    per_row = _per_row_triggers(dest_path, dest_table, dest_info[2])
    dataset = gdal.OpenEx(dest_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    if dataset is None:
        raise LandEvalError("Cannot reopen {dest_path} to write the results; check the output folder.",
                            dest_path=dest_path)
    folder = tempfile.mkdtemp(prefix="landeval-results-", dir=QgsProcessingUtils.tempFolder())
    try:
        _execute(dataset, f"ATTACH DATABASE {_text(src_path)} AS le_src")
        # The feature-count and R*Tree triggers would run once per row: they are set aside for the bulk copy
        # (as GDAL's own bulk writing does), their work is done in bulk after it, and they are put back.
        for name, _ in per_row:
            _execute(dataset, f"DROP TRIGGER main.{_quote(name)}")
        insert = (f"INSERT INTO main.{_quote(dest_table)} ({', '.join(map(_quote, targets))}) "
                  f"SELECT {', '.join(values)} FROM le_src.{_quote(src_table)} AS s "
                  f"LEFT JOIN le_res.r AS r ON r.fid = s.{_quote(src_fid)}")
        _copy_chunks(dataset, insert, f"s.{_quote(src_fid)}", loaded, folder, feedback)
        for name, sql in per_row:
            if name.lower().startswith("rtree_"):
                _fill_rtree(dataset, src_info, dest_info, name[: -len("_insert")])
            else:
                _execute(dataset, f"UPDATE main.gpkg_ogr_contents SET feature_count = (SELECT COUNT(*) FROM "
                                  f"main.{_quote(dest_table)}) WHERE lower(table_name) = lower({_text(dest_table)})")
            _execute(dataset, sql)
        # The layer extent is the source's (same geometries); readers take it from gpkg_contents.
        _execute(dataset, "UPDATE main.gpkg_contents SET (min_x, min_y, max_x, max_y) = (SELECT min_x, min_y, "
                          "max_x, max_y FROM le_src.gpkg_contents WHERE lower(table_name) = "
                          f"lower({_text(src_table)})) WHERE lower(table_name) = lower({_text(dest_table)})")
        _execute(dataset, "DETACH DATABASE le_src")
    finally:
        dataset = None
        shutil.rmtree(folder, ignore_errors=True)
    con = sqlite3.connect(f"file:{dest_path}?mode=ro", uri=True)
    try:
        return con.execute(f"SELECT COUNT(*) FROM {_quote(dest_table)}").fetchone()[0]
    finally:
        con.close()


def _copy_chunks(dataset, insert, fid, loaded, folder, feedback):
    """Run `insert` (which reads the results as le_res.r) once per chunk of the results (_chunks), in fid order.
    Each chunk's results are loaded into a file of `folder` here while a worker thread copies the chunk before
    it: at most two chunks exist at once, and an error or Cancel stops both after the copy under way."""
    results, fids, res_cols = loaded
    chunks = _chunks(fids)
    with ThreadPoolExecutor(max_workers=1) as worker:
        copying = None
        for k, (start, stop, after, upto) in enumerate(chunks):
            check_canceled(feedback)
            if feedback is not None:
                feedback.setProgress(100.0 * k / len(chunks))
            path = os.path.join(folder, f"chunk{k}.sqlite")
            _load_results(path, results.iloc[start:stop], fids[start:stop], res_cols)
            where = [f"{fid} > {after}"] * (after is not None) + [f"{fid} <= {upto}"] * (upto is not None)
            sql = insert + (f" WHERE {' AND '.join(where)}" if where else "") + f" ORDER BY {fid}"
            if copying is not None:
                copying.result()  # the chunk before is in: its error, if any, is raised here
            copying = worker.submit(_copy_chunk, dataset, sql, path)
        if copying is not None:
            copying.result()


def _copy_chunk(dataset, sql, path):
    """Attach the results file `path` as le_res, run `sql`, detach and delete the file (in the worker thread)."""
    _execute(dataset, f"ATTACH DATABASE {_text(path)} AS le_res")
    try:
        _execute(dataset, sql)
    finally:
        _execute(dataset, "DETACH DATABASE le_res")
        os.remove(path)


def _per_row_triggers(path, table, geom):
    """(name, sql) of the triggers a GeoPackage runs per inserted row of `table`: the feature count
    (trigger_insert_feature_count_<table>) and the spatial index (rtree_<table>_<geom>_insert). Others, if
    any, are left to run."""
    known = {f"trigger_insert_feature_count_{table}".lower(), f"rtree_{table}_{geom}_insert".lower()}
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND lower(tbl_name) = "
                           "lower(?)", (table,)).fetchall()
    finally:
        con.close()
    return [(name, sql) for name, sql in rows if name.lower() in known]


def _fill_rtree(dataset, src_info, dest_info, rtree):
    """Fill the empty spatial index `rtree` of the just-copied layer in bulk: a copy of the source layer's own
    index when it provably indexes exactly these geometries (same fids, every box holding its geometry's, same
    node size), else built from the geometries' envelopes — what the per-row trigger would have inserted."""
    table, fid, geom = (_quote(v) for v in dest_info[:3])
    src_rtree = _source_rtree(dataset, src_info, rtree)
    if src_rtree is not None:
        for part in ("node", "parent", "rowid"):
            _execute(dataset, f"DELETE FROM main.{_quote(rtree + '_' + part)}")
            _execute(dataset, f"INSERT INTO main.{_quote(rtree + '_' + part)} "
                              f"SELECT * FROM le_src.{_quote(src_rtree + '_' + part)}")
        return
    _execute(dataset, f"INSERT INTO main.{_quote(rtree)} SELECT {fid}, ST_MinX({geom}), ST_MaxX({geom}), "
                      f"ST_MinY({geom}), ST_MaxY({geom}) FROM main.{table} "
                      f"WHERE {geom} NOT NULL AND NOT ST_IsEmpty({geom})")


def _source_rtree(dataset, src_info, rtree):
    """The name of the source layer's (attached as le_src) R*Tree when its node tables may be copied as they are
    into `rtree` (the destination's, empty): it indexes exactly the copied rows — every fid with a geometry
    once, no other — with boxes that hold each geometry's envelope, in nodes of the destination's size. Else
    None."""
    src_table, src_fid, src_geom = src_info[:3]
    name = f"rtree_{src_table}_{src_geom}"
    indexed = _scalar(dataset, f"SELECT COUNT(*) FROM le_src.gpkg_extensions WHERE lower(table_name) = lower("
                               f"{_text(src_table)}) AND lower(column_name) = lower({_text(src_geom)}) AND "
                               "extension_name = 'gpkg_rtree_index'")
    size = _scalar(dataset, f"SELECT length(data) FROM le_src.{_quote(name + '_node')} WHERE nodeno = 1")
    own = _scalar(dataset, f"SELECT length(data) FROM main.{_quote(rtree + '_node')} WHERE nodeno = 1")
    if not indexed or size is None or size != own:
        return None
    table, fid, geom, index = _quote(src_table), _quote(src_fid), _quote(src_geom), _quote(name)
    shaped = f"s.{geom} NOT NULL AND NOT ST_IsEmpty(s.{geom})"
    missing = _scalar(dataset, f"SELECT COUNT(*) FROM le_src.{table} AS s LEFT JOIN le_src.{_quote(name + '_rowid')} "
                               f"AS i ON i.rowid = s.{fid} WHERE i.rowid IS NULL AND {shaped}")
    shapes = _scalar(dataset, f"SELECT COUNT(*) FROM le_src.{table} AS s WHERE {shaped}")
    entries = _scalar(dataset, f"SELECT COUNT(*) FROM le_src.{_quote(name + '_rowid')}")
    outside = _scalar(dataset, f"SELECT COUNT(*) FROM le_src.{table} AS s JOIN le_src.{index} AS i ON i.id = "
                               f"s.{fid} WHERE i.minx > ST_MinX(s.{geom}) OR i.maxx < ST_MaxX(s.{geom}) OR "
                               f"i.miny > ST_MinY(s.{geom}) OR i.maxy < ST_MaxY(s.{geom})")
    return name if (missing, outside) == (0, 0) and shapes == entries else None


def _scalar(dataset, sql):
    """The first value of a query on a GDAL dataset, or None when it fails or returns nothing."""
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        result = dataset.ExecuteSQL(sql)
    except RuntimeError:
        result = None
    finally:
        gdal.PopErrorHandler()
    if result is None:
        return None
    try:
        feature = result.GetNextFeature()
        return feature.GetField(0) if feature is not None else None
    finally:
        dataset.ReleaseResultSet(result)
