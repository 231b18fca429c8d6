"""Data assembly (SPEC §3.1–3.2) on the QGIS side: parcels + enterprises + spatial inputs → one parcel table.

Used by computeindicators and evaluate. The parcel layer is read once (its recognised attributes, and its
geometry for the area and the spatial inputs); the enterprise table once; each overlay once. Enterprises are
matched to parcel positions — by parcel id, or by location when the enterprise layer has points — and then
aggregated and counted by the engine's one join (core.enterprises).
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from qgis.core import QgsCoordinateTransform, QgsCsException, QgsProcessingMultiStepFeedback, QgsWkbTypes
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.catalogue import load_catalogue
from ..core.enterprises import attach_firms, join_enterprises, match_by_id
from ..core.errors import LandEvalError, Problem
from ..core.inputs import area_problems, canonical_with_originals, id_problems, inside_boundary, map_for
from ..core.keys import key_strings
from ..core.tables import canonical_table, numeric_columns
from . import spatial
from .memory import release_free_memory
from .layer_io import (
    check_coordinates,
    field_indices,
    measure_areas,
    measure_source_areas,
    read_features,
    require_crs,
    require_polygons,
)


@dataclass
class Inputs:
    """What the algorithm passes in: sources (None when not given) and options. The parcels and the enterprises
    are sources.SourceInput (the fast paths of bulk_io may read them); the overlays plain feature sources."""

    parcels: object
    parcel_id: str
    enterprises: object = None
    enterprise_parcel_id: str = ""
    field_map: dict = field(default_factory=dict)
    redline: object = None
    dev_boundary: object = None
    pois: object = None
    poi_radius: float = 1000.0
    keep_geometries: bool = False  # the caller needs Assembled.geometries (scale levels from PARKS)
    only: set = None  # canonical ids to read from the tables (core.pipeline.needed_inputs); None = all recognised


@dataclass
class Assembled:
    """The parcel table for the engine, aligned with the parcel feature ids, and what happened on the way."""

    table: pd.DataFrame  # canonical columns + area_m2 + n_enterprises + spatial inputs, one row per parcel
    fids: np.ndarray
    parcel_keys: np.ndarray  # the PARCEL_ID values as join strings (for messages)
    source_columns: list  # columns that came unchanged from the parcel layer (read or renamed): not re-written
    geometries: list = None  # repaired parcel geometries (None when not read)
    counts: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)

# How enterprise points were matched to parcels, as a value of the join's messages (translated with them).
BY_LOCATION = Problem("location")


def recognised_columns(source, field_map, extra=(), only=None):
    """Names of the source's fields LandEval recognises (catalogue ids and header aliases) — of those ids in
    `only` when given —, plus `extra`."""
    names = list(source.fields().names())
    resolved = load_catalogue().resolve_columns(names, map_for(field_map, names))
    wanted = {c for fid, c in resolved.items() if only is None or fid in only} | {e for e in extra if e}
    return [n for n in names if n in wanted]


def _enterprise_positions(inputs, ent_frame, ent_fids, parcel_ids, parcel_keys, geoms, crs, context, feedback,
                          warnings):
    """Parcel position (−1 = none) of every enterprise row, by id or by location."""
    ent = inputs.enterprises.source
    key_col = inputs.enterprise_parcel_id
    if not key_col:
        resolved = load_catalogue().resolve_columns(ent_frame.columns, map_for(inputs.field_map, ent_frame.columns))
        key_col = resolved.get("parcel_id", "")
    is_points = QgsWkbTypes.geometryType(ent.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry
    if not key_col:
        if not is_points:
            raise LandEvalError(
                "The enterprise table has no parcel id column (宗地编号) and no point geometry: set "
                "ENTERPRISE_PARCEL_ID, or give the enterprises as a point layer to join them by location."
            )
        fids, where, ambiguous = spatial.points_in_parcels(geoms, ent, crs, context, feedback)
        if ambiguous:
            warnings.append(Problem("{count} enterprise point(s) lie in more than one parcel (overlapping "
                                    "parcels); each was given to the first of them.", count=ambiguous))
        by_fid = dict(zip(fids.tolist(), where.tolist()))
        # Points with no or empty geometry are not in `fids`: they match no parcel.
        return np.array([by_fid.get(f, -1) for f in ent_fids.tolist()], dtype=np.int64), BY_LOCATION
    positions, messages = match_by_id(parcel_ids, ent_frame[key_col], inputs.parcel_id, parcel_keys)
    warnings += messages
    return positions, Problem("id ({field})", field=key_col)


def _join_enterprises(inputs, parcel_keys, parcel_ids, geoms, crs, context, feedback, counts, warnings):
    ent = inputs.enterprises
    extra = [inputs.enterprise_parcel_id]
    names = recognised_columns(ent.source, inputs.field_map, extra, inputs.only)
    ent_table = read_features(ent, names, geometry=False, feedback=feedback,
                              what=QT_TRANSLATE_NOOP("LandEvalError", "enterprise table"),
                              numeric=numeric_columns(names, map_for(inputs.field_map, names)))
    frame, fids = ent_table.frame, ent_table.fids
    del ent_table
    pos, how = _enterprise_positions(inputs, frame, fids, parcel_ids, parcel_keys, geoms, crs, context, feedback,
                                     warnings)
    canon, found = canonical_table(frame, map_for(inputs.field_map, frame.columns))
    # The cells as read are not needed any more: freed before aggregating (a third of a GB per 10⁶ firms).
    del frame
    warnings += found
    # Handed over rather than kept here: join_enterprises lets the firm table go once it is aggregated (about
    # half a GB per 10⁶ firms), before it lays the result out by parcel.
    handed = [canon]
    del canon
    joined = join_enterprises(handed.pop(), pos, parcel_keys, how, fids)
    counts.update(joined.counts)
    warnings += joined.warnings
    return joined.firms


def _check_overlays(inputs, parcels, crs, context):
    """Each overlay layer has a CRS, plausible coordinates, and lies where the parcels are once reprojected;
    returns warnings. A layer that misses every parcel nearly always carries the wrong CRS, and would
    otherwise give 0 for every parcel without a word."""
    warnings = []
    target = parcels.sourceExtent()
    for source, name, result in ((inputs.redline, "ECO_REDLINE", "redline_share"),
                                 (inputs.dev_boundary, "DEV_BOUNDARY", "inside_dev_boundary"),
                                 (inputs.pois, "POIS", "poi_count")):
        if source is None:
            continue
        own = source.sourceCrs()
        if not own.isValid():
            raise LandEvalError("The {name} layer has no coordinate reference system, so it cannot be matched with "
                                "the parcels. Set its CRS (Layer Properties → Source) and run again.", name=name)
        suspicious = check_coordinates(source, own, Problem("{name} layer", name=name))
        if suspicious:
            warnings.append(suspicious)
        extent = source.sourceExtent()
        if own != crs:
            try:
                extent = QgsCoordinateTransform(own, crs, context.transformContext()).transformBoundingBox(extent)
            except QgsCsException:
                raise LandEvalError("The {name} layer ({own_authid}) cannot be reprojected to the parcels' CRS "
                                    "({crs_authid}): check the CRS of both layers.",
                                    name=name, own_authid=own.authid(), crs_authid=crs.authid()) from None
        margin = inputs.poi_radius if name == "POIS" and not crs.isGeographic() else 0.0
        if not extent.buffered(margin).intersects(target):
            warnings.append(Problem("The {name} layer ({own_authid}) lies nowhere near the parcels ({crs_authid}), "
                                    "so {result} is 0 for every parcel. If they should overlap, one of the two "
                                    "layers has the wrong CRS: check it in Layer Properties → Source.", name=name,
                                    own_authid=own.authid(), crs_authid=crs.authid(), result=result))
    return warnings


def _spatial(inputs, geoms, crs, context, feedback):
    out = {}
    if inputs.redline is not None:
        out["redline_share"] = spatial.overlay_share(geoms, inputs.redline, crs, context, feedback)
    if inputs.dev_boundary is not None:
        share = spatial.overlay_share(geoms, inputs.dev_boundary, crs, context, feedback)
        out["inside_dev_boundary"] = inside_boundary(share)
    if inputs.pois is not None:
        counts = spatial.poi_counts(geoms, inputs.pois, crs, inputs.poi_radius, context, feedback)
        out["poi_count"] = counts
        out["poi_density"] = spatial.poi_density(counts, inputs.poi_radius)
    return out


def _needs_geometries(inputs):
    """Whether an overlay or a location join of enterprise points will need the parcel geometries."""
    if inputs.redline is not None or inputs.dev_boundary is not None or inputs.pois is not None:
        return True
    ent = inputs.enterprises
    return ent is not None and QgsWkbTypes.geometryType(ent.source.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry


def assemble(inputs, context, feedback):
    """Read and join everything; return Assembled (areas in m², spatial inputs, aggregated enterprises)."""
    parcels = inputs.parcels.source
    require_polygons(parcels)
    crs = require_crs(parcels)
    steps = QgsProcessingMultiStepFeedback(4, feedback)
    warnings, counts = [], {}
    suspicious = check_coordinates(parcels, crs)
    if suspicious:
        warnings.append(suspicious)
    field_indices(parcels, [inputs.parcel_id], what=QT_TRANSLATE_NOOP("LandEvalError", "parcel layer"))
    names = recognised_columns(parcels, inputs.field_map, [inputs.parcel_id], inputs.only)
    # Geometries are read into Python only when something needs them: the caller, an overlay, or enterprise
    # points joined by location. Otherwise a GeoPackage's (or a PostGIS layer's) areas are measured in SQL
    # (measure_source_areas): a million QgsGeometry objects cost about 1.4 GB and 14 s.
    geometry = (inputs.keep_geometries or _needs_geometries(inputs) or crs.isGeographic()
                or (inputs.parcels.geopackage is None and inputs.parcels.postgis is None))
    table = read_features(inputs.parcels, names, geometry=geometry, feedback=steps,
                          what=QT_TRANSLATE_NOOP("LandEvalError", "parcel layer"))
    keys = key_strings(table.frame[inputs.parcel_id])
    n = len(table.fids)
    if n == 0:
        raise LandEvalError("The parcel layer has no features: there is nothing to evaluate. Check that the right "
                            "layer was given, that its filter does not hide every parcel, and — with 'Selected "
                            "features only' — that parcels are selected.")
    counts["parcels"] = n
    warnings += id_problems(keys, inputs.parcel_id)
    steps.setCurrentStep(1)
    areas = None if geometry else measure_source_areas(inputs.parcels, table.fids, crs, context, steps)
    if areas is None:
        geometries = table.geometries
        if geometries is None:  # the SQL could not measure them (e.g. no SpatiaLite): read them after all
            again = read_features(parcels, [], geometry=True, feedback=steps,
                                  what=QT_TRANSLATE_NOOP("LandEvalError", "parcel layer"))
            by_fid = dict(zip(again.fids.tolist(), again.geometries))
            geometries = [by_fid.get(f) for f in table.fids.tolist()]
        areas = measure_areas(geometries, crs, context, steps)
    counts["repaired_geometries"] = int(len(areas.repaired))
    counts["empty_geometries"] = int(len(areas.empty))
    warnings += area_problems(areas.repaired, areas.area_m2, areas.empty, keys)
    frame, found = canonical_with_originals(table.frame, inputs.field_map)
    warnings += found
    # Columns as read, and their canonical copies: already in the parcel layer, so not written again.
    source_columns = list(frame.columns)
    if "area_m2" not in frame.columns:
        frame["area_m2"] = areas.area_m2
    steps.setCurrentStep(2)
    if inputs.enterprises is not None:
        firms = _join_enterprises(inputs, keys, table.frame[inputs.parcel_id], areas.geometries, crs, context, steps,
                                  counts, warnings)
        frame, filled = attach_firms(frame, firms)
        source_columns = [c for c in source_columns if c not in filled]  # the firms filled gaps: written again
        # The firms' cells, one Python object each, are gone: their pages go back before the engine runs.
        del firms
        release_free_memory()
    steps.setCurrentStep(3)
    warnings += _check_overlays(inputs, parcels, crs, context)
    for name, values in _spatial(inputs, areas.geometries, crs, context, steps).items():
        frame[name] = values
    return Assembled(frame, table.fids, keys, source_columns, areas.geometries, counts, warnings)
