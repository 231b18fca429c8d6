"""Reading layers and measuring areas: the reading half of the bridge (writer.py writes).

Reading: one pass over a feature source into a pandas DataFrame, asking the provider only for the attributes
needed and for geometry only when a spatial step needs it. Tables (CSV in UTF-8 or GBK/GB18030, XLSX) are
opened through OGR with the right encoding; a Shapefile without .cpg in GBK is re-read as GB18030.
"""
import codecs
import math
import operator
import os
import re
from typing import List, NamedTuple, Optional

import numpy as np
import pandas as pd
from qgis.core import (
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingFeatureSource,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QVariant, Qt

from ..core.errors import LandEvalError, Problem, Term
from ..translation import tr
from . import bulk_io, postgis
from .sources import SourceInput, unwrap
from .values import check_canceled

# File types opened as attribute tables (no geometry) through OGR.
CSV_EXTENSIONS = (".csv", ".txt", ".tsv")
SHEET_EXTENSIONS = (".xlsx", ".xls", ".ods")
TABLE_EXTENSIONS = CSV_EXTENSIONS + SHEET_EXTENSIONS

# Progress and cancel are checked every this many features: often enough for a responsive Cancel button,
# rarely enough not to cost time on a million parcels.
_CHUNK = 2000

# How much of a CSV is inspected to decide its encoding; a table header plus thousands of rows.
_SNIFF_BYTES = 4 * 1024 * 1024

_INT_TYPES = (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong)
_TEMPORAL_TYPES = (QVariant.Date, QVariant.Time, QVariant.DateTime)


class FeatureTable(NamedTuple):
    """What `read_features` returns: attributes by field name, feature ids, geometries when asked for."""

    frame: pd.DataFrame
    fids: np.ndarray
    geometries: Optional[List[QgsGeometry]]


class AreaResult(NamedTuple):
    """Areas in m² (NaN for a feature without geometry) and what was done to measure them."""

    area_m2: np.ndarray
    geometries: List[Optional[QgsGeometry]]  # repaired where needed; use these for overlays too
    repaired: np.ndarray  # positions of invalid geometries that were repaired with makeValid
    empty: np.ndarray  # positions of features with no or empty geometry (area NaN)


# --------------------------------------------------------------------------------------------------- reading
def iter_features(source, request):
    # Invalid geometries are LandEval's to repair and count; Processing's own validity filter would drop or
    # abort on them before we see them (the user's "invalid features filtering" setting).
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
    return source.getFeatures(request)


def field_indices(source, names, what=QT_TRANSLATE_NOOP("LandEvalError", "layer")):
    """Indices of `names` in the source's fields; a missing one is an error listing what the layer has."""
    fields = source.fields()
    out = []
    for name in names:
        idx = fields.lookupField(name)
        if idx < 0:
            have = ", ".join(fields.names()) or "(no fields)"
            diagnosis = _header_diagnosis(fields.names())
            if diagnosis:
                raise LandEvalError("Field {name!r} is not in the {what}. Its fields are: {have}. Choose an existing "
                                    "field or rename the column. {diagnosis}", name=name, what=Term(what), have=have,
                                    diagnosis=diagnosis)
            raise LandEvalError("Field {name!r} is not in the {what}. Its fields are: {have}. Choose an existing "
                                "field or rename the column.", name=name, what=Term(what), have=have)
        out.append(idx)
    return out


def _mojibake_of_utf8(name):
    # UTF-8 bytes shown as GBK become other, valid Chinese characters; encoding them back reveals the text.
    try:
        return any(ord(c) > 127 for c in name) and name.encode("gb18030").decode("utf-8") != name
    except UnicodeError:
        return False


def _header_diagnosis(names):
    """Why the expected headers may be missing, for the cases people meet: wrong encoding, title rows (a Problem, so
    that it is translated with the message it ends; "" when none applies)."""
    if any("\ufffd" in n for n in names):
        return Problem("The headers are garbled (�): the table is GBK/GB18030 text opened as UTF-8. Give the file "
                       "path instead of the loaded layer, or set the layer's Data source encoding to GB18030 (for a "
                       "Shapefile: put a .cpg file containing GB18030 beside it).")
    if any(_mojibake_of_utf8(n) for n in names):
        return Problem("The headers look garbled: the table is UTF-8 text opened as GBK/GB18030. Give the file path "
                       "instead of the loaded layer, or set the layer's Data source encoding to UTF-8.")
    # GDAL names the columns of a header-less first row Field1, Field2, …; GDAL ≥ 3.8 names the first one after
    # a merged title cell spanning the row instead, so allow one column that is not FieldN.
    generic = sum(bool(re.fullmatch(r"Field\d+", n)) for n in names)
    if generic and generic >= len(names) - 1:
        return Problem("The first row of the sheet holds no column headers (e.g. a title row or merged cells "
                       "above them): delete the rows above the header row so that row 1 holds 宗地编号, 企业名称, … "
                       "and save again.")
    return ""


def _column(values, qtype):
    """One attribute column as a numpy/pandas-friendly array; QGIS NULLs become NaN or None."""
    if qtype == QVariant.Double or qtype in _INT_TYPES or qtype == QVariant.Bool:
        has_null = any(v.__class__ is QVariant for v in values)
        if qtype in _INT_TYPES and not has_null:
            # Integer ids stay integers (101, not 101.0) so they print and join as the user typed them.
            return np.array(values, dtype=np.int64)
        return np.array([math.nan if v.__class__ is QVariant else float(v) for v in values], dtype=float)
    if qtype in _TEMPORAL_TYPES:
        return np.array([None if v.__class__ is QVariant else v.toString(Qt.DateFormat.ISODate) for v in values], dtype=object)
    return np.array([None if v.__class__ is QVariant else v for v in values], dtype=object)


def _arrow_kind(qtype):
    """How bulk_io.read_geopackage reads a field of this type ("text", "int", "float"), None = it cannot."""
    if qtype == QVariant.String:
        return "text"
    if qtype in _INT_TYPES:
        return "int"
    return "float" if qtype == QVariant.Double else None


def read_features(source, fields=None, geometry=False, feedback=None,
                  what=QT_TRANSLATE_NOOP("LandEvalError", "layer"), numeric=()):
    """Read `source` (a QgsFeatureSource or vector layer, or a sources.SourceInput) in one pass.

    `fields`: names of the attributes wanted (None = all). Only those are requested from the provider, and
    geometry is skipped unless `geometry` is true. Returns a FeatureTable whose frame has one column per
    requested field (numeric fields as float64, or int64 when an integer field has no NULL; others as
    objects with None for NULL), the feature ids in reading order, and the geometries when asked for.
    `numeric`: names the caller parses as numbers; a CSV read by pandas gives them as floats, with their other
    cells as text in `frame.attrs` (core.tables.TEXT_CELLS, read by canonical_table).
    """
    source, geopackage = unwrap(source)
    all_fields = source.fields()
    names = list(all_fields.names()) if fields is None else list(dict.fromkeys(fields))
    idx = field_indices(source, names, what)
    fast = None if geometry else bulk_io.read_delimited(source, names, numeric)
    if fast is None and not geometry:
        fast = bulk_io.read_geopackage(geopackage, names, [_arrow_kind(all_fields.at(i).type()) for i in idx])
    if fast is not None:
        return FeatureTable(fast[0], fast[1], None)
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes(idx)
    if not geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    total = max(source.featureCount(), 1)
    if len(idx) > 1:
        pick = operator.itemgetter(*idx)
    elif idx:
        pick = operator.itemgetter(slice(idx[0], idx[0] + 1))
    else:
        def pick(_attrs):
            return ()
    fids, rows, geoms = [], [], [] if geometry else None
    for n, feat in enumerate(iter_features(source, request)):
        if n % _CHUNK == 0:
            check_canceled(feedback)
            if feedback is not None:
                feedback.setProgress(100.0 * n / total)
        fids.append(feat.id())
        rows.append(pick(feat.attributes()))
        if geometry:
            geoms.append(feat.geometry())
    columns = list(zip(*rows)) if rows else [() for _ in names]
    data = {name: _column(list(col), all_fields.at(i).type()) for name, col, i in zip(names, columns, idx)}
    frame = pd.DataFrame(data, columns=names)
    return FeatureTable(frame, np.asarray(fids, dtype=np.int64), geoms)


def read_frame(source, fields=None, feedback=None, what=QT_TRANSLATE_NOOP("LandEvalError", "layer")):
    """Attributes only: (DataFrame, feature ids)."""
    table = read_features(source, fields, geometry=False, feedback=feedback, what=what)
    return table.frame, table.fids


# ---------------------------------------------------------------------------------------------- tables
def detect_encoding(path):
    """'UTF-8' or 'GB18030' for a text table; anything else is an error naming the file.

    UTF-8 is tried first because valid GBK text almost never decodes as UTF-8, while most UTF-8 bytes
    are also (wrong) GBK. GB18030 is a superset of GBK and GB2312, so it reads all three.
    """
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        return "UTF-8"
    for name, label in (("utf-8", "UTF-8"), ("gb18030", "GB18030")):
        try:
            # final=False: the sniffed block may end in the middle of a multi-byte character.
            codecs.getincrementaldecoder(name)().decode(head, final=False)
            return label
        except UnicodeDecodeError:
            continue
    raise LandEvalError(
        "{path}: the file is neither UTF-8 nor GBK/GB18030 text. Save it from Excel as "
        "'CSV UTF-8 (逗号分隔)' and run again.", path=path
    )


def open_table(path, feedback=None):
    """Open a CSV (encoding detected) or a spreadsheet (first row = headers) as a geometry-less layer."""
    if not os.path.isfile(path):
        raise LandEvalError("Table file not found: {path}", path=path)
    ext = os.path.splitext(path)[1].lower()
    uri = path
    if ext in SHEET_EXTENSIONS:
        # Without HEADERS=FORCE, OGR guesses whether row 1 holds headers and guesses "no" when every
        # column is text, turning 宗地编号 into a data value and the headers into Field1, Field2, ...
        uri = f"{path}|option:HEADERS=FORCE"
    layer = QgsVectorLayer(uri, os.path.splitext(os.path.basename(path))[0], "ogr")
    if ext in CSV_EXTENSIONS:
        encoding = detect_encoding(path)
        layer.setProviderEncoding(encoding)
        if feedback is not None:
            feedback.pushInfo(tr("{file}: read as {encoding} text.").format(file=os.path.basename(path), encoding=encoding))
    if not layer.isValid():
        raise LandEvalError("{path}: OGR cannot read this file as a table. Check it opens in Excel or QGIS.", path=path)
    return layer


def _shapefile_dbf(path):
    """The .dbf of a Shapefile without a .cpg (None when it has one, or no .dbf): the case GDAL cannot decode."""
    base, ext = os.path.splitext(path)
    if ext.lower() != ".shp" or any(os.path.isfile(base + cpg) for cpg in (".cpg", ".CPG")):
        return None
    return next((base + dbf for dbf in (".dbf", ".DBF") if os.path.isfile(base + dbf)), None)


def shapefile_is_gbk(path):
    """Whether a Shapefile without a .cpg holds GBK/GB18030 text: its .dbf declares no code page (language
    driver byte 0, which GDAL would otherwise follow), and its field names and first records are not ASCII,
    not UTF-8, but valid GB18030. Older Chinese systems export exactly this; QGIS then reads it as UTF-8."""
    dbf = _shapefile_dbf(path)
    if dbf is None:
        return False
    with open(dbf, "rb") as fh:
        head = fh.read(32)
        if len(head) < 32 or head[29] != 0:
            return False
        header_len = int.from_bytes(head[8:10], "little")
        record_len = max(int.from_bytes(head[10:12], "little"), 1)
        names = fh.read(max(header_len - 32, 0))
        # Whole records only, so no character is cut in two.
        records = fh.read(max(_SNIFF_BYTES // record_len, 1) * record_len)
    names = b"".join(names[i:i + 11].split(b"\0")[0] for i in range(0, len(names) - 31, 32))
    sample = names + b" " + records
    if sample.isascii():
        return False
    try:
        sample.decode("utf-8")
        return False
    except UnicodeDecodeError:
        pass
    try:
        sample.decode("gb18030")
        return True
    except UnicodeDecodeError:
        return False


def gbk_shapefile(value, layer, parameter, feedback):
    """`value` (a path, or a loaded layer) opened again as GB18030, as a SourceInput, when it is a GBK Shapefile
    without .cpg that is not read as such already; else None. The field names the loaded layer showed (garbled)
    are mapped, by position, to the recoded ones in its `field_names`, so field parameters chosen in the
    dialog still find their field (field_name)."""
    uri = layer.source() if layer is not None else value
    path = uri.split("|")[0]
    if (layer is not None and layer.providerType() != "ogr") or not shapefile_is_gbk(path):
        return None
    recoded = QgsVectorLayer(uri, os.path.splitext(os.path.basename(path))[0], "ogr")
    recoded.setProviderEncoding("GB18030")
    if layer is not None and layer.fields().names() == recoded.fields().names():
        return None  # the user set the layer's encoding already
    renamed = {}
    if layer is not None:
        if layer.subsetString():
            recoded.setSubsetString(layer.subsetString())
        renamed = dict(zip(layer.fields().names(), recoded.fields().names()))
    if feedback is not None:
        cpg = os.path.splitext(path)[0] + ".cpg"
        feedback.pushWarning(tr(
            "{parameter}: {file} has no .cpg file and its text is not UTF-8, so it was read as GB18030 (GBK), which "
            "gives Chinese field names such as {fields}. To make this permanent, put a text file {cpg} beside it "
            "containing GB18030.").format(parameter=parameter, file=os.path.basename(path),
                                          fields=", ".join(recoded.fields().names()[:3]), cpg=os.path.basename(cpg)))
    return SourceInput(recoded, field_names=renamed)


def field_name(source, name):
    """The field `name` of a parameter, as `source` (a SourceInput or None) calls it: a Shapefile re-read as
    GB18030 (gbk_shapefile) knows the garbled names the loaded layer showed in the dialog."""
    return source.field_names.get(name, name) if isinstance(source, SourceInput) else name


# ----------------------------------------------------------------------------------------------- areas
def require_polygons(source, what=QT_TRANSLATE_NOOP("LandEvalError", "parcel layer")):
    if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise LandEvalError(
            "The {what} must be a polygon layer (it is {geometry}).",
            what=Term(what), geometry=QgsWkbTypes.displayString(source.wkbType())
        )


def require_crs(source, what=QT_TRANSLATE_NOOP("LandEvalError", "parcel layer")):
    crs = source.sourceCrs()
    if not crs.isValid():
        raise LandEvalError(
            "The {what} has no coordinate reference system, so areas cannot be measured. Set it in "
            "Layer Properties → Source → Assigned Coordinate Reference System (or run 'Assign projection') "
            "and run again, e.g. EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E) or EPSG:4490.", what=Term(what)
        )
    return crs


def check_coordinates(source, crs, what=QT_TRANSLATE_NOOP("LandEvalError", "parcel layer")):
    """Refuse a geographic CRS whose coordinates cannot be degrees; return a warning (or "") for a projected CRS
    whose coordinates all look like degrees. Either way the CRS assigned to the layer is not the one the
    coordinates were made in, and every area would be wrong."""
    extent = source.sourceExtent()
    if extent.isNull() or not all(map(math.isfinite, (extent.xMinimum(), extent.xMaximum(),
                                                       extent.yMinimum(), extent.yMaximum()))):
        return ""
    degrees = (-180.5 <= extent.xMinimum() and extent.xMaximum() <= 180.5
               and -90.5 <= extent.yMinimum() and extent.yMaximum() <= 90.5)
    if crs.isGeographic() and not degrees:
        raise LandEvalError(
            "The {what} is in {crs_authid} ({crs_name}), measured in degrees, but its coordinates reach "
            "x = {x:.0f}, y = {y:.0f}, which are not longitude/latitude: the CRS "
            "assigned to the layer is wrong. Assign the projected CRS the data were made in (e.g. EPSG:4547, "
            "CGCS2000 / 3-degree Gauss-Kruger CM 114E) with 'Assign projection' and run again.",
            what=Term(what), crs_authid=crs.authid(), crs_name=crs.description(), x=extent.xMaximum(),
            y=extent.yMaximum()
        )
    if not crs.isGeographic() and degrees:
        return Problem("The {what} is in {crs_authid} ({crs_name}), measured in metres, but all its "
                       "coordinates lie within ±180/±90 as longitude/latitude would: if they are degrees, every "
                       "area is wrong — assign the geographic CRS (e.g. EPSG:4490, CGCS2000) and run again.",
                       what=Term(what),
                       crs_authid=crs.authid(), crs_name=crs.description())
    return ""


def distance_area(crs, context):
    """Ellipsoidal measurement for a geographic CRS, planar for a projected one (then converted to m²)."""
    da = QgsDistanceArea()
    da.setSourceCrs(crs, context.transformContext())
    if crs.isGeographic():
        # The CRS's own datum ellipsoid (CGCS2000 for EPSG:4490), not the project's, which a headless
        # run does not have.
        da.setEllipsoid(crs.ellipsoidAcronym() or context.ellipsoid() or "EPSG:7019")
    else:
        da.setEllipsoid("NONE")
    return da


def repair(geometries):
    """Geometries made valid where GEOS finds them invalid; returns (geometries, repaired, empty positions)."""
    out, repaired, empty = [], [], []
    for i, g in enumerate(geometries):
        if g is None or g.isNull() or g.isEmpty():
            out.append(None)
            empty.append(i)
        elif not g.isGeosValid():
            fixed = g.makeValid()
            out.append(fixed)
            repaired.append(i)
        else:
            out.append(g)
    return out, np.asarray(repaired, dtype=np.int64), np.asarray(empty, dtype=np.int64)


def measure_areas(geometries, crs, context, feedback=None):
    """Areas in m² of `geometries` (in `crs`); invalid ones are repaired first (a self-intersecting
    polygon's shoelace area is wrong), empty ones give NaN. Every repair and empty geometry is returned
    by position so the caller can report it."""
    if not crs.isValid():
        raise LandEvalError("The parcel layer has no coordinate reference system: set one and run again.")
    fixed, repaired, empty = repair(geometries)
    da = distance_area(crs, context)
    to_m2 = da.convertAreaMeasurement(1.0, QgsUnitTypes.AreaUnit.AreaSquareMeters)
    # In the plane, the geometry's own shoelace area: QgsDistanceArea.measureArea loses about 1e-8 of it on
    # projected coordinates of millions of metres, and SQLite's area (measure_source_areas) is this one.
    measure = da.measureArea if crs.isGeographic() else QgsGeometry.area
    area = np.full(len(fixed), np.nan)
    for i, g in enumerate(fixed):
        if i % _CHUNK == 0:
            check_canceled(feedback)
        if g is not None:
            area[i] = measure(g)
    return AreaResult(area * to_m2, fixed, repaired, empty)


def measure_source_areas(source, fids, crs, context, feedback=None):
    """measure_areas for the features `fids` of `source` (a feature source or a sources.SourceInput) without reading every geometry into Python: for a
    whole GeoPackage layer in a projected CRS, SQLite measures the valid geometries (bulk_io.geopackage_areas)
    and only the rest — invalid, empty, unreadable — are read and measured one by one, with the same repairs
    and counts. Returns an AreaResult without geometries (None), or None when the fast path does not apply
    (geographic CRS: ellipsoidal areas; another source; a feature the SQL did not see). A PostGIS layer's areas
    are measured the same way by its server (postgis.server_areas)."""
    on_server = source.postgis if isinstance(source, SourceInput) else None
    source, geopackage = unwrap(source)
    if crs.isGeographic():
        return None
    bulk = bulk_io.geopackage_areas(geopackage) if on_server is None else postgis.server_areas(on_server)
    if bulk is None:
        return None
    sql_fids, sql_area, ok = bulk
    fids = np.asarray(fids, dtype=np.int64)
    where = pd.Index(sql_fids).get_indexer(fids)
    if (where < 0).any():
        return None
    check_canceled(feedback)
    da = distance_area(crs, context)
    area = sql_area[where] * da.convertAreaMeasurement(1.0, QgsUnitTypes.AreaUnit.AreaSquareMeters)
    rest = np.flatnonzero(~ok[where])
    if not len(rest):
        return AreaResult(area, None, np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    request = QgsFeatureRequest().setFilterFids(fids[rest].tolist())
    geometry_of = {feat.id(): feat.geometry() for feat in iter_features(source, request)}
    measured = measure_areas([geometry_of.get(int(f)) for f in fids[rest]], crs, context, feedback)
    area[rest] = measured.area_m2
    return AreaResult(area, None, rest[measured.repaired], rest[measured.empty])
