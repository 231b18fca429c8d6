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
from ..core.scale import PARK_FIELD_LABELS, classify_parks
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
from .styling import ALIAS_LANG, finish_output

ZONE_TYPE = "zone_type"
ZONE_LEVEL = "zone_level"
SHARE = "industrial_share"
# Field names looked for when the parameter is left empty: the English name first, then what Chinese park
# tables commonly call it (the bundled sample county uses the latter).
DEFAULT_FIELDS = {
    "ZONE_TYPE_FIELD": (ZONE_TYPE, "园区类型"),
    "ZONE_LEVEL_FIELD": (ZONE_LEVEL, "园区级别"),
    "SHARE_FIELD": (SHARE, "工业用地占比"),
}
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


def add_scale_parameters(alg, optional):
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("PARKS", "Parks / 园区", [QgsProcessing.SourceType.TypeVectorPolygon],
                                            optional=optional),
        "Park polygons (development zones, high-tech zones, municipal parks, town industrial points). The level "
        "comes from the park's standing, read from its zone type (国家级经济技术开发区, 省级高新区, 市级工业园区, "
        "镇级工业集中点, …) and/or its level (国家级/省级/市级/县级/镇级); a park whose standing cannot be read is "
        "levelled by area and named in a warning. The industrial share (0–1) is reported against Jiangning's "
        "targets; without a share field it is the area of the parcels inside the park divided by its area.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("ZONE_TYPE_FIELD", "Zone type field / 园区类型字段", parentLayerParameterName="PARKS",
                                    optional=True),
        "Field of PARKS holding the zone type (经济技术开发区, 高新区, 市级工业园区, …); empty: a field called "
        "zone_type or 园区类型, if there is one.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("ZONE_LEVEL_FIELD", "Zone level field / 园区级别字段", parentLayerParameterName="PARKS",
                                    optional=True),
        "Field of PARKS holding the park's administrative level (国家级, 省级, 市级, 县级, 镇级, or 国家/省/市/县/镇); "
        "it takes precedence over a level written in the zone type. Empty: a field called zone_level or 园区级别, "
        "if there is one.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("SHARE_FIELD", "Industrial share field / 工业用地占比字段",
                                    parentLayerParameterName="PARKS", optional=True),
        "Field of PARKS holding the industrial land share (0–1); empty: a field called industrial_share or "
        "工业用地占比, if there is one.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterNumber("BASE_KM2", "Base minimum area (km²) / 产业基地面积下限", QgsProcessingParameterNumber.Type.Double,
                                     defaultValue=4.0, minValue=0.0),
        "County paper: a base (a park in a development or high-tech zone) is 'generally' over 4 km². Standing "
        "decides the level; a base of this size or less is named in a warning. A park whose standing cannot be "
        "read is a base when larger than this.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterNumber("COMMUNITY_KM2", "Community minimum area (km²) / 产业社区面积下限",
                                     QgsProcessingParameterNumber.Type.Double, defaultValue=1.0, minValue=0.0),
        "County paper: a community (a park at municipal level or above, not a base) is 'typically' over 1 km². "
        "Standing decides the level; a community of this size or less, and a park below municipal level larger "
        "than this, are named in a warning. A park whose standing cannot be read is a community when larger than "
        "this (and not a base). Parcels in no park are industrial blocks.",
    ))


def _park_field(alg, parameters, context, name, parks):
    """The field named by parameter `name`, else the first of its DEFAULT_FIELDS the park layer has, else ""."""
    chosen = alg.parameterAsString(parameters, name, context)
    if chosen:
        return chosen
    return next((f for f in DEFAULT_FIELDS[name] if parks.fields().lookupField(f) >= 0), "")


def scale_levels(alg, parameters, context, feedback, parcel_geoms, parcel_area_m2, crs):
    """Levels of the parcels (given as repaired geometries in `crs` with their areas) from the PARKS parameter."""
    parks = source_parameter(alg, parameters, "PARKS", context, feedback)
    require_polygons(parks, "park layer")
    park_crs = require_crs(parks, "park layer")
    suspicious = check_coordinates(parks, park_crs, "park layer")
    zone_field = _park_field(alg, parameters, context, "ZONE_TYPE_FIELD", parks)
    level_field = _park_field(alg, parameters, context, "ZONE_LEVEL_FIELD", parks)
    share_field = _park_field(alg, parameters, context, "SHARE_FIELD", parks)
    name_field = next((f for f in NAME_FIELDS if parks.fields().lookupField(f) >= 0), "")
    fields = list(dict.fromkeys(f for f in (zone_field, level_field, share_field, name_field) if f))
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
    levels = classify_parks(frame, alg.parameterAsDouble(parameters, "BASE_KM2", context),
                            alg.parameterAsDouble(parameters, "COMMUNITY_KM2", context),
                            type_column=ZONE_TYPE, level_column=ZONE_LEVEL, level_label=level_field or None)
    warnings += levels.warnings
    for column in levels.table.columns:
        frame[column] = levels.table[column].to_numpy()
    parcel_level = np.full(len(where), "block", dtype=object)
    parcel_level[inside] = frame["level"].to_numpy(dtype=object)[where[inside]]
    return ScaleResult(parcel_level, where, frame, table.fids, warnings), parks


class ClassifyScale(LandEvalAlgorithm):
    NAME = "classifyscale"
    DISPLAY = "Classify scale levels"
    HELP = ("Gives every park a scale level — industrial base (产业基地), industrial community (产业社区) or "
            "industrial block (产业街坊 / 零星工业地块) — from its standing: a development or high-tech zone is a "
            "base, another park at municipal level or above a community, a park below municipal level a block. "
            "Standing is read from the zone type (国家级经济技术开发区, 省级高新区, 市级工业园区, 镇级工业集中点 …) "
            "and/or a level field (国家级/省级/市级/县级/镇级); a park whose standing cannot be read is levelled by "
            "area and every such value is listed in a warning. Every parcel gets the level of the park containing "
            "it (a parcel in no park is a block). The industrial land share is reported against Jiangning's "
            "targets (park > 60 %, community about 50 %), never used to demote a park. With a development "
            "boundary, parcels also get inside_dev_boundary: those outside are candidates for clearance.")
    OUTPUT_HELP = ("OUTPUT: the parcels with level (base/community/block), park_fid (feature id of the park "
                   "holding the parcel, empty if none) and, with DEV_BOUNDARY, inside_dev_boundary (1 = at least "
                   "half inside). OUTPUT_PARKS (optional): the parks with area_km2, n_parcels, industrial_share "
                   "(0–1), standing_rank (national/provincial/municipal/county/town as read), dev_zone (1 = a "
                   "development or high-tech zone), level, level_basis (standing, or area when standing could not "
                   "be read), share_target (0.6 base, 0.5 community, empty for blocks) and meets_share_target "
                   "(base: share > 60 %; community: 40–60 %).")
    METHOD_HELP = ("County paper §3.1 (a base is a development/high-tech zone, generally > 4 km²; a community a park "
                   "at municipal level or above, generally > 1 km²; blocks the rest); Jiangning (industrial share "
                   "> 60 % park, about 50 % community: planning targets, reported); SPEC §3.8; docs/methods.md "
                   "\"Scale levels\" for what we chose where the papers say \"generally\".")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("PARCELS", "Parcels / 宗地", [QgsProcessing.SourceType.TypeVectorPolygon]),
            "Industrial parcels (any CRS; parks and boundary are reprojected to it).",
        ))
        add_scale_parameters(self, optional=False)
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("DEV_BOUNDARY", "Urban development boundary / 城镇开发边界",
                                                [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            "Optional polygons: parcels get inside_dev_boundary (1 when at least half of the parcel is inside).",
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT", "Parcel levels / 宗地层级", QgsProcessing.SourceType.TypeVectorPolygon),
            "The parcels with their level.",
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT_PARKS", "Park levels / 园区层级", QgsProcessing.SourceType.TypeVectorPolygon,
                                              optional=True, createByDefault=True),
            "Optional: the parks with area, industrial share, standing read, level and share target.",
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
        outputs = {"OUTPUT": dest}
        if parameters.get("OUTPUT_PARKS"):  # optional: a run that wants parcel levels only need not name it
            steps.setCurrentStep(3)
            park_cols = [c for c in PARK_COLUMNS if c in scale.parks.columns]
            park_aliases = {**aliases_for(park_cols, "km2"), **{c: PARK_FIELD_LABELS[c][ALIAS_LANG] for c in park_cols
                                                                 if c in PARK_FIELD_LABELS}}
            dest_parks = write_output(self, parameters, "OUTPUT_PARKS", context, parks, scale.parks[park_cols],
                                      scale.park_fids, steps, park_aliases)
            finish_output(dest_parks, context, feedback, kind="level", names={"zh": "园区层级", "en": "Park levels"})
            outputs["OUTPUT_PARKS"] = dest_parks
        met = scale.parks.get("meets_share_target")
        if met is not None and met.notna().any():
            feedback.pushInfo(f"Parks meeting Jiangning's industrial share target: {int((met == 1).sum())} of "
                              f"{int(met.notna().sum())} bases and communities with a share.")
        return outputs
