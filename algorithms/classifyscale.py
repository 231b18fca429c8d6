"""landeval:classifyscale — industrial base / community / block levels from park polygons (SPEC §3.8)."""
from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.keys import describe_positions
from ..core.scale import park_levels
from ..core.tables import to_numeric
from .base import LandEvalAlgorithm
from .layer_io import (
    check_coordinates,
    field_indices,
    measure_areas,
    read_features,
    require_crs,
    require_polygons,
    source_parameter,
    write_output,
)
from .params import with_help
from .results import aliases_for
from .spatial import inner_points, locate, overlay_share
from .styling import finish_output

ZONE_TYPE = "zone_type"
SHARE = "industrial_share"


@dataclass
class ScaleResult:
    parcel_level: np.ndarray  # base / community / block per parcel
    parcel_park: np.ndarray  # position of the park holding the parcel, −1 for none
    parks: pd.DataFrame  # per park: area_km2, industrial_share, n_parcels, level (+ zone_type when known)
    park_fids: np.ndarray
    warnings: list


def add_scale_parameters(alg, optional):
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("PARKS", "Parks / 园区", [QgsProcessing.TypeVectorPolygon],
                                            optional=optional),
        "Park polygons (development zones, high-tech zones, municipal parks). A field zone_type (开发区, 高新区, "
        "市级园区, …) and a field industrial_share (0–1) are used when present; otherwise the industrial share "
        "is the area of the parcels inside the park divided by its area.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("ZONE_TYPE_FIELD", "Zone type field / 园区类型字段", parentLayerParameterName="PARKS",
                                    optional=True),
        "Field of PARKS holding the zone type, if it is not called zone_type.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("SHARE_FIELD", "Industrial share field / 工业用地占比字段",
                                    parentLayerParameterName="PARKS", optional=True),
        "Field of PARKS holding the industrial land share (0–1), if it is not called industrial_share.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterNumber("BASE_KM2", "Base minimum area (km²) / 产业基地面积下限", QgsProcessingParameterNumber.Double,
                                     defaultValue=4.0, minValue=0.0),
        "A park larger than this, in a development or high-tech zone, with industrial share > 60 % is an "
        "industrial base (county paper: generally > 4 km²).",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterNumber("COMMUNITY_KM2", "Community minimum area (km²) / 产业社区面积下限",
                                     QgsProcessingParameterNumber.Double, defaultValue=1.0, minValue=0.0),
        "A park larger than this (municipal level or above, industrial share ≥ 50 %) that is not a base is an "
        "industrial community (county paper: generally > 1 km²). Every other parcel is an industrial block.",
    ))


def _park_field(alg, parameters, context, name, default, parks):
    chosen = alg.parameterAsString(parameters, name, context)
    if chosen:
        return chosen
    return default if parks.fields().lookupField(default) >= 0 else ""


def scale_levels(alg, parameters, context, feedback, parcel_geoms, parcel_area_m2, crs):
    """Levels of the parcels (given as repaired geometries in `crs` with their areas) from the PARKS parameter."""
    parks = source_parameter(alg, parameters, "PARKS", context, feedback)
    require_polygons(parks, "park layer")
    park_crs = require_crs(parks, "park layer")
    suspicious = check_coordinates(parks, park_crs, "park layer")
    zone_field = _park_field(alg, parameters, context, "ZONE_TYPE_FIELD", ZONE_TYPE, parks)
    share_field = _park_field(alg, parameters, context, "SHARE_FIELD", SHARE, parks)
    fields = [f for f in (zone_field, share_field) if f]
    field_indices(parks, fields, "park layer")
    table = read_features(parks, fields, geometry=True, feedback=feedback, what="park layer")
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
        warnings.append(f"No parcel lies in any of the {len(polygons)} park(s) (parks in {park_crs.authid()}, parcels "
                        f"in {crs.authid()}), so every parcel is an industrial block. If the parks should cover "
                        "parcels, one of the two layers has the wrong CRS: check it in Layer Properties → Source.")
    if ambiguous:
        warnings.append(f"{ambiguous} parcel(s) lie in overlapping parks; each was given to the first park.")
    frame = pd.DataFrame({"area_km2": areas.area_m2 / 1.0e6})
    inside = where >= 0
    frame["n_parcels"] = np.bincount(where[inside], minlength=len(polygons)).astype(np.int64)
    if zone_field:
        frame[ZONE_TYPE] = table.frame[zone_field].to_numpy()
    if share_field:
        frame[SHARE], found = to_numeric(table.frame[share_field], share_field, unit="fraction")
        warnings += found
    else:
        # Industrial share from the parcels given: their area inside each park over the park's area.
        industrial = np.bincount(where[inside], weights=np.nan_to_num(parcel_area_m2[inside]),
                                 minlength=len(polygons))
        with np.errstate(invalid="ignore", divide="ignore"):
            frame[SHARE] = np.where(areas.area_m2 > 0, industrial / areas.area_m2, np.nan)
    frame["level"] = park_levels(frame, alg.parameterAsDouble(parameters, "BASE_KM2", context),
                                 alg.parameterAsDouble(parameters, "COMMUNITY_KM2", context)).to_numpy()
    parcel_level = np.full(len(where), "block", dtype=object)
    parcel_level[inside] = frame["level"].to_numpy(dtype=object)[where[inside]]
    return ScaleResult(parcel_level, where, frame, table.fids, warnings), parks


class ClassifyScale(LandEvalAlgorithm):
    NAME = "classifyscale"
    DISPLAY = "Classify scale levels / 空间层级划分"
    HELP = ("Gives every park a scale level — industrial base (产业基地), industrial community (产业社区) or "
            "industrial block (产业街坊 / 零星工业地块) — from its area, zone type and industrial land share, and "
            "every parcel the level of the park containing it (a parcel in no park is a block). With a "
            "development boundary, parcels also get inside_dev_boundary: those outside are candidates for "
            "clearance.")
    OUTPUT_HELP = ("OUTPUT: the parcels with level (base/community/block), park_fid (feature id of the park "
                   "holding the parcel, empty if none) and, with DEV_BOUNDARY, inside_dev_boundary (1 = at least "
                   "half inside). OUTPUT_PARKS: the parks with area_km2, n_parcels, industrial_share (0–1) and "
                   "level.")
    METHOD_HELP = ("County paper (bases > 4 km² in development/high-tech zones, communities > 1 km²), Jiangning "
                   "(industrial share > 60 % park, ≈ 50 % community); SPEC §3.8.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("PARCELS", "Parcels / 宗地", [QgsProcessing.TypeVectorPolygon]),
            "Industrial parcels (any CRS; parks and boundary are reprojected to it).",
        ))
        add_scale_parameters(self, optional=False)
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("DEV_BOUNDARY", "Urban development boundary / 城镇开发边界",
                                                [QgsProcessing.TypeVectorPolygon], optional=True),
            "Optional polygons: parcels get inside_dev_boundary (1 when at least half of the parcel is inside).",
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT", "Parcel levels / 宗地层级", QgsProcessing.TypeVectorPolygon),
            "The parcels with their level.",
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT_PARKS", "Park levels / 园区层级", QgsProcessing.TypeVectorPolygon),
            "The parks with area, industrial share and level.",
        ))

    def execute(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        parcels = source_parameter(self, parameters, "PARCELS", context, feedback)
        require_polygons(parcels)
        crs = require_crs(parcels)
        table = read_features(parcels, [], geometry=True, feedback=steps, what="parcel layer")
        areas = measure_areas(table.geometries, crs, context, steps)
        steps.setCurrentStep(1)
        scale, parks = scale_levels(self, parameters, context, steps, areas.geometries, areas.area_m2, crs)
        for warning in scale.warnings:
            feedback.pushWarning(warning)
        in_park = scale.parcel_park >= 0
        park_fid = pd.Series(pd.NA, index=range(len(in_park)), dtype="Int64")
        park_fid[in_park] = scale.park_fids[scale.parcel_park[in_park]]
        result = pd.DataFrame({"level": scale.parcel_level, "park_fid": park_fid})
        if parameters.get("DEV_BOUNDARY"):
            boundary = source_parameter(self, parameters, "DEV_BOUNDARY", context, feedback)
            share = overlay_share(areas.geometries, boundary, crs, context, steps)
            result["inside_dev_boundary"] = np.where(np.isnan(share), np.nan, (share >= 0.5).astype(float))
        outside = np.flatnonzero(scale.parcel_park < 0)
        feedback.pushInfo(f"Parcels in no park (industrial blocks): {describe_positions(outside, table.fids)}")
        feedback.pushInfo("Park levels: " + ", ".join(f"{k} {v}" for k, v in scale.parks["level"].value_counts().items()))
        steps.setCurrentStep(2)
        dest = write_output(self, parameters, "OUTPUT", context, parcels, result, table.fids, steps,
                            aliases_for(result.columns, "mu"))
        finish_output(dest, context, feedback, kind="level", names={"zh": "宗地层级", "en": "Parcel levels"})
        steps.setCurrentStep(3)
        park_cols = [c for c in ("area_km2", "n_parcels", SHARE, "level") if c in scale.parks.columns]
        dest_parks = write_output(self, parameters, "OUTPUT_PARKS", context, parks, scale.parks[park_cols],
                                  scale.park_fids, steps, aliases_for(park_cols, "km2"))
        finish_output(dest_parks, context, feedback, kind="level", names={"zh": "园区层级", "en": "Park levels"})
        return {"OUTPUT": dest, "OUTPUT_PARKS": dest_parks}
