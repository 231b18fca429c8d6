"""Reading only the catalogue fields an algorithm needs from a parcel layer, recognised by id or Chinese header
(宗地编号, 供地状态, 合同亩均产值, …) and parsed as core.tables does, for the capability algorithms (potential
classes, contract compliance, persistence)."""
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.catalogue import load_catalogue
from ..core.inputs import canonical_with_originals
from ..translation import message_of
from .layer_io import measure_areas, read_features, read_frame, require_crs
from .sources import unwrap


def read_canonical(source, ids, feedback=None, what=QT_TRANSLATE_NOOP("LandEvalError", "layer")):
    """(DataFrame with canonical columns for the `ids` the layer has, feature ids). Fields named after an id
    win over header aliases; ids the layer lacks are simply absent (the caller says what is missing). `source`:
    a feature source or a SourceInput."""
    names = unwrap(source)[0].fields().names()
    resolved = load_catalogue().resolve_columns(names)
    columns = {fid: column for fid, column in resolved.items() if fid in ids}
    for fid in ids:  # output fields that are not catalogue entries (inefficient, tier, area_m2, …)
        if fid not in columns and fid in names:
            columns[fid] = fid
    frame, fids = read_frame(source, list(dict.fromkeys(columns.values())), feedback, what)
    frame = frame.rename(columns={column: fid for fid, column in columns.items()})
    canon, warnings = canonical_with_originals(frame, {})
    if feedback is not None:
        for warning in warnings:
            feedback.pushWarning(message_of(warning))
    return canon, fids


def parcel_areas(source, frame, context, feedback=None, what=QT_TRANSLATE_NOOP("LandEvalError", "layer")):
    """Parcel areas in m²: the layer's area_m2 field when it has one, else measured from the geometry (in the
    layer's CRS, ellipsoidal when it is geographic) in reading order."""
    if "area_m2" in frame:
        return frame["area_m2"].to_numpy(dtype=float)
    read = read_features(source, [], geometry=True, feedback=feedback, what=what)
    return measure_areas(read.geometries, require_crs(source, what), context, feedback).area_m2
