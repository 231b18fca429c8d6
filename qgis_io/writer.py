"""The one writer of the bridge: a new layer made of the source geometry, the source attributes and the
result columns (write_output), or of a DataFrame (write_frame), into the destination an algorithm's sink
parameter names (a SinkTarget, see staging.open_sink), so every Processing destination works.

A file destination is staged (staging.Stage) so a failed run never spoils last year's result. The one fast
path — a whole GeoPackage source copied into a GeoPackage output in SQL (bulk_io.fill_geopackage) — is chosen
in `_sql_copy` only; it changes speed, never the written layer.
"""
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from . import bulk_io, postgis
from .layer_io import iter_features
from .sources import GeoPackageTable, SourceInput, unwrap
from .staging import open_sink
from .values import check_canceled, python_values

# Progress and cancel are checked every this many features (as when reading).
_CHUNK = 2000
_INT32 = np.iinfo(np.int32)


def qvariant_type(dtype):
    """QVariant type for a pandas/numpy column type."""
    if pd.api.types.is_bool_dtype(dtype):
        return QVariant.Int
    if pd.api.types.is_integer_dtype(dtype):
        return QVariant.LongLong
    if pd.api.types.is_float_dtype(dtype):
        return QVariant.Double
    return QVariant.String


def _int_fits_int32(series):
    values = series.dropna()
    return values.empty or (values.min() >= _INT32.min and values.max() <= _INT32.max)


def result_field(name, series, alias=None):
    """The QgsField for one result column (32-bit ints where the values fit, for Shapefile/Excel readers)."""
    qtype = qvariant_type(series.dtype)
    if qtype == QVariant.LongLong and _int_fits_int32(series):
        qtype = QVariant.Int
    if qtype == QVariant.Int:
        field = QgsField(name, qtype, "integer", 10)
    elif qtype == QVariant.LongLong:
        field = QgsField(name, qtype, "int8", 20)
    elif qtype == QVariant.Double:
        # No precision: OGR would round the stored values to it (a score of 0.4145833 written as 0.41458333).
        field = QgsField(name, qtype, "double")
    else:
        field = QgsField(name, qtype, "string", 0)
    if alias:
        field.setAlias(alias)
    return field


def output_fields(source_fields, results, aliases=None):
    """Source fields followed by the result columns.

    A result column whose name a source field already has (case-insensitively, as GeoPackage and Shapefile
    compare) replaces that field in place: re-running a step updates its columns instead of adding
    `score_2`. Returns (fields, plan) where plan lists, per output field, ('src', index) or ('res', column).
    """
    aliases = aliases or {}
    by_lower = {str(c).lower(): c for c in results.columns}
    fields, plan, used = QgsFields(), [], set()
    for i in range(source_fields.count()):
        f = source_fields.at(i)
        col = by_lower.get(f.name().lower())
        if col is None:
            fields.append(QgsField(f))
            plan.append(("src", i))
        else:
            fields.append(result_field(str(col), results[col], aliases.get(col)))
            plan.append(("res", col))
            used.add(col)
    for col in results.columns:
        if col not in used:
            fields.append(result_field(str(col), results[col], aliases.get(col)))
            plan.append(("res", col))
    return fields, plan


@dataclass
class SqlCopy:
    """What bulk_io.fill_geopackage needs to write a layer in SQL: the source table, the output plan
    (output_fields) and the results aligned with `fids`."""

    geopackage: Optional[GeoPackageTable]
    plan: list
    results: pd.DataFrame
    fids: np.ndarray
    # The source as a PostGIS layer (sources.SourceInput.postgis): a PostGIS destination in its database is
    # filled on the server (postgis.write).
    postgis: Optional[object] = None


def _sql_copy(copy, dest_id):
    """The one choice of the fast path: `copy` when the layer may be written in SQL into `dest_id` (a whole
    GeoPackage source of the output's geometry type, a GeoPackage destination in another file), else None."""
    return copy if copy is not None and bulk_io.may_fill(copy.geopackage, dest_id) else None


def _output_wkb(wkb):
    """The output geometry type for a source's: multi, since a Shapefile "Polygon" layer may hold multipart
    parcels and a GeoPackage/memory layer declared Polygon would refuse them; a table stays a table."""
    if QgsWkbTypes.geometryType(wkb) in (QgsWkbTypes.GeometryType.NullGeometry,
                                         QgsWkbTypes.GeometryType.UnknownGeometry):
        return wkb
    return QgsWkbTypes.multiType(wkb)


def _joined_features(source, fields, plan, results, fids, wkb, feedback):
    """Every feature of `source` with its geometry (made multi for a multi `wkb`) and attributes plus its row of
    `results` (row k belongs to feature fids[k]; a feature missing from `fids` gets NULL results)."""
    cols = [c for kind, c in plan if kind == "res"]
    rows = list(zip(*(python_values(results[c]) for c in cols))) if cols else [()] * len(results)
    empty_row = (None,) * len(cols)
    row_of = dict(zip(np.asarray(fids).tolist(), range(len(rows))))
    # The common case: no source field is replaced, so the output row is the source row plus the results.
    replaces = any(kind == "res" for kind, _ in plan[: source.fields().count()])
    slot = {c: k for k, c in enumerate(cols)}
    order = [(kind, c if kind == "src" else slot[c]) for kind, c in plan]
    total = max(source.featureCount(), 1)
    multi = QgsWkbTypes.isMultiType(wkb)
    for n, feat in enumerate(iter_features(source, QgsFeatureRequest())):
        if n % _CHUNK == 0:
            check_canceled(feedback)
            if feedback is not None:
                feedback.setProgress(100.0 * n / total)
        res = rows[row_of[feat.id()]] if feat.id() in row_of else empty_row
        attrs = feat.attributes()
        out = QgsFeature(fields)
        geom = feat.geometry()
        if multi and not geom.isNull() and not geom.isMultipart():
            geom = QgsGeometry(geom)
            geom.convertToMultiType()
        out.setGeometry(geom)
        out.setAttributes(attrs + list(res) if not replaces else [attrs[c] if k == "src" else res[c] for k, c in order])
        yield out


def _frame_features(frame, fields, geometries, feedback):
    """One feature per row of `frame`, with geometries[k] on row k when `geometries` is given."""
    rows = list(zip(*(python_values(frame[c]) for c in frame.columns))) if len(frame.columns) else []
    for n, row in enumerate(rows):
        if n % _CHUNK == 0:
            check_canceled(feedback)
        out = QgsFeature(fields)
        out.setAttributes(list(row))
        if geometries is not None:
            out.setGeometry(geometries[n])
        yield out


def _add_features(sink, features, target):
    """Add every feature to `sink` and finalize it; returns how many were written."""
    count = 0
    for out in features:
        if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(target.write_error(sink))
        count += 1
    # Finalize the file now (the sink is ours: Processing hands it over with ownership), so the caller can open
    # the result to style it before the algorithm returns.
    sink.flushBuffer()
    return count


def _write(target, context, fields, wkb, crs, features, feedback, copy=None):
    """Create the output of `target` with `fields` and write `features` into it (or copy them in SQL when
    _sql_copy allows); returns the destination id. Cancel, a full disk or a failed feature leaves an existing
    output as it was. A PostGIS destination is written by qgis_io.postgis in one transaction."""
    table = postgis.destination(target)
    if table is not None:
        dest_id = postgis.write(table, target, context, fields, wkb, crs, features, feedback, copy)
        postgis.load_on_completion(target, dest_id, context)
        return dest_id
    sink, dest_id, stage = open_sink(target, fields, wkb, crs, feedback)
    try:
        count = None
        if _sql_copy(copy, dest_id) is not None:
            del sink  # the empty layer with its fields, filled in SQL from the source GeoPackage
            sink = None
            count = bulk_io.fill_geopackage(copy.geopackage, dest_id, fields, copy.plan, copy.results, copy.fids,
                                            feedback)
            if count is None:  # the two tables do not match column for column: the general path
                sink, dest_id, stage = open_sink(target, fields, wkb, crs)
        if count is None:
            count = _add_features(sink, features, target)
            del sink
    except BaseException:
        sink = None
        if stage:
            stage.discard()
        raise
    return stage.commit(dest_id, count, context) if stage else dest_id


def write_output(target, context, source, results, fids, feedback=None, aliases=None):
    """Write a new layer: every feature of `source` (a feature source or a sources.SourceInput) with its
    geometry and attributes plus `results`, to the destination `target` (a SinkTarget, see staging.open_sink).

    `results` is a DataFrame aligned with `fids` (row k belongs to feature fids[k]); a source feature
    missing from `fids` gets NULL results. `source` may have no geometry (a table). Returns the
    destination id. Progress 0–100 on `feedback`; Cancel stops the write.
    """
    on_server = source.postgis if isinstance(source, SourceInput) else None
    source, geopackage = unwrap(source)
    if not results.index.equals(pd.RangeIndex(len(results))):
        results = results.reset_index(drop=True)  # a copy: only when the rows are not labelled 0 … n−1 already
    fields, plan = output_fields(source.fields(), results, aliases)
    wkb = _output_wkb(source.wkbType())
    copy = SqlCopy(geopackage if source.wkbType() == wkb else None, plan, results, fids, on_server)
    features = _joined_features(source, fields, plan, results, fids, wkb, feedback)
    dest_id = _write(target, context, fields, wkb, source.sourceCrs(), features, feedback, copy)
    if feedback is not None:
        feedback.setProgress(100)
    return dest_id


def write_frame(target, context, frame, feedback=None, aliases=None, crs=None, geometries=None,
                wkb_type=QgsWkbTypes.Type.NoGeometry):
    """Write a DataFrame as a new table without geometry (e.g. zone summaries keyed by a field), or, given
    `geometries` (one QgsGeometry per row) and their `wkb_type`, as a new layer with those geometries."""
    frame = frame.reset_index(drop=True)
    fields, _ = output_fields(QgsFields(), frame, aliases)
    features = _frame_features(frame, fields, geometries, feedback)
    return _write(target, context, fields, wkb_type, crs or QgsCoordinateReferenceSystem(), features, feedback)
