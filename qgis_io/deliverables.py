"""What the two deliverables (landeval:dossier and landeval:exportlist) share: the FILTER parameter, reading an
evaluated layer with every field a dossier or list row shows, the parcels the filter keeps, park names from a
park layer, writing a file beside its destination and moving it over only when complete."""
import os

import numpy as np
from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsWkbTypes,
)

from ..core.catalogue import load_catalogue
from ..core.errors import LandEvalError
from .layer_io import read_frame
from .report_io import DECISION_FIELDS, REPORT_FIELDS, value_maps
from .spatial import inner_points, locate, source_geometries
from .values import check_canceled

# Fields other engineers' algorithms add (robustness, verification); read when present, never required.
OPTIONAL_FIELDS = ("enterprise_name", "robust_class", "p_inefficient", "needs_verification", "veto_unknown",
                   "path_reason")
PARK_NAME_FIELDS = ("园区名称", "park_name", "name", "名称", "NAME", "Name")


def read_parcels(layer, cfg, feedback=None):
    """(every parcel of an evaluated layer as a DataFrame, feature ids): the report's fields, the decision
    fields, the optional fields above, element sub-scores and the fields of `cfg`'s indicators; the parcel id
    and town columns (found by their catalogue aliases, e.g. 宗地编号 / 街镇) renamed parcel_id / town."""
    catalogue = load_catalogue()
    names = layer.fields().names()
    specs = {spec.field for _, spec in cfg.indicators()} if cfg is not None else set()
    wanted = [n for n in names if n in REPORT_FIELDS or n in DECISION_FIELDS or n in OPTIONAL_FIELDS
              or n.startswith("area_") or n.startswith("s_") or n in specs or n in catalogue.indicators]
    keys = {}
    for name in names:
        fid = catalogue.canonical_id(name)
        if fid in ("parcel_id", "town") and fid not in keys:
            keys[fid] = name
    if "parcel_id" not in keys:
        raise LandEvalError("Layer {layer!r} has no parcel id field (宗地编号 / parcel_id): dossiers and lists "
                            "are filed by parcel id; give the output of landeval:evaluate.", layer=layer.name())
    frame, fids = read_frame(layer, wanted + [n for n in keys.values() if n not in wanted], feedback,
                             "evaluated layer")
    frame = frame.rename(columns={name: fid for fid, name in keys.items() if name != fid})
    frame["parcel_id"] = frame["parcel_id"].fillna("").astype(str)
    return frame, fids


def selected_mask(layer, expression, fids, feedback=None):
    """Boolean array over `fids`: the parcels matching the FILTER expression (all when it is empty)."""
    expression = (expression or "").strip()
    if not expression:
        return np.ones(len(fids), dtype=bool)
    parsed = QgsExpression(expression)
    if parsed.hasParserError():
        raise LandEvalError("FILTER {expression!r} is not a valid expression: {error}",
                            expression=expression, error=parsed.parserErrorString())
    missing = [c for c in parsed.referencedColumns() if c != QgsFeatureRequest.ALL_ATTRIBUTES
               and layer.fields().lookupField(c) < 0]
    if missing:
        raise LandEvalError("FILTER {expression!r} uses field(s) {missing} that layer {layer!r} "
                            "does not have; run landeval:evaluate first or change the filter.",
                            expression=expression, missing=', '.join(missing), layer=layer.name())
    request = QgsFeatureRequest(parsed)
    request.setSubsetOfAttributes(list(parsed.referencedColumns()), layer.fields())
    if not parsed.needsGeometry():
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    chosen = []
    for n, feat in enumerate(layer.getFeatures(request)):
        if n % 2000 == 0:
            check_canceled(feedback)
        chosen.append(feat.id())
    return np.isin(fids, np.asarray(chosen, dtype=np.int64))


def park_name_field(parks):
    names = parks.fields().names()
    for name in PARK_NAME_FIELDS:
        if name in names:
            return name
    text = [f.name() for f in parks.fields() if f.type() == 10]  # QVariant.String
    return text[0] if text else None


def park_names(parks, parcel_geometries, crs, context, feedback=None):
    """Name of the park holding each parcel's inner point ("" when none), parks reprojected to `crs`."""
    if parks is None:
        return None
    if QgsWkbTypes.geometryType(parks.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise LandEvalError("PARKS layer {parks!r} is not a polygon layer.", parks=parks.name())
    field = park_name_field(parks)
    park_fids, polygons = source_geometries(parks, crs, context, feedback)
    if field is None:
        labels = np.array([f"园区 {fid}" for fid in park_fids], dtype=object)
    else:
        frame, fids = read_frame(parks, [field], feedback, "park layer")
        by_fid = dict(zip(fids, frame[field].fillna("").astype(str)))
        labels = np.array([by_fid.get(fid, "") for fid in park_fids], dtype=object)
    where, _ = locate(inner_points(parcel_geometries), polygons, feedback)
    return np.where(where >= 0, labels[np.maximum(where, 0)] if len(labels) else "", "")


def decision_labels(layer):
    """{field: {code: label}} of the coded decision fields stored with the layer (path, clearance_zone, …)."""
    return value_maps([layer], ("path", "clearance_zone", "robust_class"))


def staged_path(path):
    """A hidden path beside `path` to write to first (same folder, so the final move is a rename)."""
    folder, name = os.path.split(os.path.abspath(path))
    os.makedirs(folder or ".", exist_ok=True)
    return os.path.join(folder, f".{name}.partial{os.path.splitext(name)[1]}")


def commit(staged, path):
    """Move a completed staged file over `path`."""
    try:
        os.replace(staged, path)
    except OSError as err:
        raise LandEvalError("Cannot write {path}: {reason}. Close the file if it is open in another program "
                            "and run again.", path=path, reason=err.strerror) from None
    return path
