"""Scale levels of parcels from park polygons (SPEC §3.8): the park layer read, measured and located, the
levels decided by core.scale."""
from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis.core import QgsCoordinateTransform, QgsGeometry
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.errors import Problem
from ..core.scale import classify_parks
from ..core.tables import to_numeric
from .layer_io import check_coordinates, field_indices, measure_areas, read_features, require_crs, require_polygons
from .spatial import inner_points, locate

ZONE_TYPE = "zone_type"


ZONE_LEVEL = "zone_level"


SHARE = "industrial_share"


NAME_FIELDS = ("name", "park_name", "园区名称", "名称", "park_id")


PARK_COLUMNS = ("area_km2", "n_parcels", SHARE, "standing_rank", "dev_zone", "level", "level_basis", "share_target",
                "meets_share_target")


@dataclass
class ScaleResult:
    parcel_level: np.ndarray  # base / community / block per parcel
    parcel_park: np.ndarray  # position of the park holding the parcel, −1 for none
    parks: pd.DataFrame  # per park: PARK_COLUMNS (+ zone_type, zone_level, name when known)
    park_fids: np.ndarray
    warnings: list


@dataclass
class ParkFields:
    """The fields of a park layer scale_levels reads; "" for one the layer does not have."""
    zone_type: str = ""
    zone_level: str = ""
    share: str = ""


def scale_levels(parks, park_fields, base_km2, community_km2, context, feedback, parcel_geoms, parcel_area_m2, crs):
    """Levels of the parcels (given as repaired geometries in `crs` with their areas) from the park layer
    `parks`: its `park_fields` (ParkFields), a base above `base_km2` and a community above `community_km2`."""
    require_polygons(parks, "park layer")
    park_crs = require_crs(parks, "park layer")
    suspicious = check_coordinates(parks, park_crs, QT_TRANSLATE_NOOP("LandEvalError", "park layer"))
    zone_field, level_field, share_field = park_fields.zone_type, park_fields.zone_level, park_fields.share
    name_field = next((f for f in NAME_FIELDS if parks.fields().lookupField(f) >= 0), "")
    fields = list(dict.fromkeys(f for f in (zone_field, level_field, share_field, name_field) if f))
    field_indices(parks, fields, "park layer")
    table = read_features(parks, fields, geometry=True, feedback=feedback,
                          what=QT_TRANSLATE_NOOP("LandEvalError", "park layer"))
    areas = measure_areas(table.geometries, park_crs, context, feedback)
    xform = None if park_crs == crs else QgsCoordinateTransform(park_crs, crs, context.transformContext())
    polygons = []
    for g in areas.geometries:
        if g is not None and xform is not None:
            g = QgsGeometry(g)
            g.transform(xform)
        polygons.append(g)
    where, ambiguous = locate(inner_points(parcel_geoms), polygons, feedback)
    warnings = [suspicious] if suspicious else []
    if len(where) and not (where >= 0).any():
        # Usually a park layer in the wrong CRS (or the wrong layer): say so rather than grade all as blocks.
        warnings.append(Problem("No parcel lies in any of the {count} park(s) (parks in {park_crs}, parcels in "
                                "{crs}), so every parcel is an industrial block. If the parks should cover parcels, "
                                "one of the two layers has the wrong CRS: check it in Layer Properties → Source.",
                                count=len(polygons), park_crs=park_crs.authid(), crs=crs.authid()))
    if ambiguous:
        warnings.append(Problem("{count} parcel(s) lie in overlapping parks; each was given to the first park.",
                                count=ambiguous))
    frame = pd.DataFrame({"area_km2": areas.area_m2 / 1.0e6})
    inside = where >= 0
    frame["n_parcels"] = np.bincount(where[inside], minlength=len(polygons)).astype(np.int64)
    if zone_field:
        frame[ZONE_TYPE] = table.frame[zone_field].to_numpy()
    if level_field:
        frame[ZONE_LEVEL] = table.frame[level_field].to_numpy()
    if name_field:
        frame["name"] = table.frame[name_field].to_numpy()
    if share_field:
        frame[SHARE], found = to_numeric(table.frame[share_field], share_field, unit="fraction")
        warnings += found
    else:
        # Industrial share from the parcels given: their area inside each park over the park's area.
        industrial = np.bincount(where[inside], weights=np.nan_to_num(parcel_area_m2[inside]),
                                 minlength=len(polygons))
        with np.errstate(invalid="ignore", divide="ignore"):
            frame[SHARE] = np.where(areas.area_m2 > 0, industrial / areas.area_m2, np.nan)
    levels = classify_parks(frame, base_km2, community_km2,
                            type_column=ZONE_TYPE, level_column=ZONE_LEVEL, level_label=level_field or None)
    warnings += levels.warnings
    for column in levels.table.columns:
        frame[column] = levels.table[column].to_numpy()
    parcel_level = np.full(len(where), "block", dtype=object)
    parcel_level[inside] = frame["level"].to_numpy(dtype=object)[where[inside]]
    return ScaleResult(parcel_level, where, frame, table.fids, warnings)
