"""landeval:classifyscale — industrial base / community / block levels from park polygons (SPEC §3.8)."""
import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.inputs import inside_boundary
from ..core.keys import describe_positions
from ..core.labels import entries as label_entries
from ..core.scale import PARK_FIELD_LABELS
from ..qgis_io.layer_io import measure_areas, read_features, require_crs, require_polygons
from ..qgis_io.parks import PARK_COLUMNS
from ..qgis_io.results import aliases_for
from ..qgis_io.spatial import overlay_share
from ..qgis_io.styling import finish_output
from ..translation import output_language
from ..qgis_io.writer import write_output
from ..translation import message_of
from .base import LandEvalAlgorithm
from .params import OutputSink, add_scale_parameters, scale_levels, source_input, source_parameter, tr, with_help


class ClassifyScale(LandEvalAlgorithm):
    NAME = "classifyscale"
    DISPLAY = "Classify scale levels"
    HELP = ("Gives every park a scale level — industrial base (产业基地), industrial community (产业社区) or "
            "industrial block (产业街坊, 零星工业地块) — from its standing: a development or high-tech zone is a "
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
            QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("Industrial parcels (any CRS; parks and boundary are reprojected to it)."),
        ))
        add_scale_parameters(self, optional=False)
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("DEV_BOUNDARY", tr("Urban development boundary"),
                                                [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            tr("Optional polygons: parcels get inside_dev_boundary (1 when at least half of the parcel is inside)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Parcel levels"), QgsProcessing.SourceType.TypeVectorPolygon),
            tr("The parcels with their level."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT_PARKS", tr("Park levels"), QgsProcessing.SourceType.TypeVectorPolygon,
                                              optional=True, createByDefault=True),
            tr("Optional: the parks with area, industrial share, standing read, level and share target."),
        ))

    def execute(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        given = source_input(self, parameters, "PARCELS", context, feedback)  # a SourceInput: fast paths
        parcels = given.source
        require_polygons(parcels)
        crs = require_crs(parcels)
        table = read_features(parcels, [], geometry=True, feedback=steps,
                              what=QT_TRANSLATE_NOOP("LandEvalError", "parcel layer"))
        areas = measure_areas(table.geometries, crs, context, steps)
        steps.setCurrentStep(1)
        scale, parks = scale_levels(self, parameters, context, steps, areas.geometries, areas.area_m2, crs)
        for warning in scale.warnings:
            feedback.pushWarning(message_of(warning))
        in_park = scale.parcel_park >= 0
        park_fid = pd.Series(pd.NA, index=range(len(in_park)), dtype="Int64")
        park_fid[in_park] = scale.park_fids[scale.parcel_park[in_park]]
        result = pd.DataFrame({"level": scale.parcel_level, "park_fid": park_fid})
        if parameters.get("DEV_BOUNDARY"):
            boundary = source_parameter(self, parameters, "DEV_BOUNDARY", context, feedback)
            share = overlay_share(areas.geometries, boundary, crs, context, steps)
            result["inside_dev_boundary"] = inside_boundary(share)
        outside = np.flatnonzero(scale.parcel_park < 0)
        feedback.pushInfo(tr("Parcels in no park (industrial blocks): {parcels}").format(
            parcels=describe_positions(outside, table.fids)))
        feedback.pushInfo(tr("Park levels: {levels}").format(
            levels=", ".join(f"{k} {v}" for k, v in scale.parks["level"].value_counts().items())))
        steps.setCurrentStep(2)
        dest = write_output(OutputSink(self, parameters, "OUTPUT", context), context, given, result, table.fids,
                            steps,
                            aliases_for(result.columns, "mu"))
        finish_output(dest, context, feedback, kind="level", names=label_entries("output_name")["parcel_levels"])
        outputs = {"OUTPUT": dest}
        if parameters.get("OUTPUT_PARKS"):  # optional: a run that wants parcel levels only need not name it
            steps.setCurrentStep(3)
            park_cols = [c for c in PARK_COLUMNS if c in scale.parks.columns]
            park_aliases = {**aliases_for(park_cols, "km2"), **{c: PARK_FIELD_LABELS[c][output_language()] for c in park_cols
                                                                 if c in PARK_FIELD_LABELS}}
            dest_parks = write_output(OutputSink(self, parameters, "OUTPUT_PARKS", context), context, parks,
                                      scale.parks[park_cols],
                                      scale.park_fids, steps, park_aliases)
            finish_output(dest_parks, context, feedback, kind="level", names=label_entries("output_name")["park_levels"])
            outputs["OUTPUT_PARKS"] = dest_parks
        met = scale.parks.get("meets_share_target")
        if met is not None and met.notna().any():
            feedback.pushInfo(tr("Parks meeting Jiangning's industrial share target: {met} of {total} bases and "
                                 "communities with a share.").format(met=int((met == 1).sum()),
                                                                      total=int(met.notna().sum())))
        return outputs
