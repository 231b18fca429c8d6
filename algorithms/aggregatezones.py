"""landeval:aggregatezones — macro evaluation per park, level or district (county paper Table 2)."""
import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..core.errors import LandEvalError
from ..core.keys import describe_positions
from ..core.pipeline import RULE_FIELDS
from ..core.zones import summarize, zone_aliases
from .assemble import canonical_with_originals, recognised_columns
from .base import LandEvalAlgorithm
from .layer_io import measure_areas, read_features, require_crs, source_parameter, write_frame, write_output
from .params import with_help
from .spatial import inner_points, locate, source_geometries
from .styling import area_unit_of_fields, finish_output


class AggregateZones(LandEvalAlgorithm):
    NAME = "aggregatezones"
    DISPLAY = "Aggregate by zone / 分区汇总评价"
    HELP = ("Macro evaluation: sums the evaluated parcels per zone — the polygons of ZONES (parks, towns; a parcel "
            "belongs to the zone containing a point inside it) or the values of ZONE_FIELD (level, town, park "
            "id) — and compares each zone with the whole district. Counts and areas by tier and category, "
            "inefficient area and its share, area-weighted mean score, the sums of output, tax, employees, floor "
            "area, … and the indicators recomputed from those sums (Σ output / Σ area, not a mean of ratios).")
    OUTPUT_HELP = ("One feature per zone (with its geometry when ZONES is given, else a table with the ZONE_FIELD "
                   "value): n_parcels, area_m2, area_<unit>, n_tier_A…D/T and area_tier_* (area unit of the input), "
                   "n_cat_<category> and area_cat_<category>, n_inefficient, area_inefficient, ineff_area_share "
                   "(0–1), mean_score, sums of the extensive inputs (万元, 人, m²), indicators from the sums, and "
                   "<indicator>_vs_all = zone value ÷ all-zone value (1 = district average).")
    METHOD_HELP = "County paper, Table 2 and §3.2 (evaluation by park and level, comparison with the district); SPEC §3.9."

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("INPUT", "Evaluated parcels / 评价结果", [QgsProcessing.TypeVectorPolygon]),
            "Parcels with LandEval results (evaluate or classifyparcels output); area_m2 is used when present, "
            "otherwise the area is measured.",
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("ZONES", "Zones / 分区", [QgsProcessing.TypeVectorPolygon], optional=True),
            "Zone polygons (parks, towns, districts; any CRS). Takes precedence over ZONE_FIELD.",
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("ZONE_FIELD", "Zone field / 分区字段", parentLayerParameterName="INPUT",
                                        optional=True),
            "A field of INPUT to group by when no ZONES layer is given (e.g. level, town).",
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT", "Zone summary / 分区汇总", QgsProcessing.TypeVectorAnyGeometry),
            "The zone summary.",
        ))

    def execute(self, parameters, context, feedback):
        source = source_parameter(self, parameters, "INPUT", context, feedback)
        zones = source_parameter(self, parameters, "ZONES", context, feedback) if parameters.get("ZONES") else None
        zone_field = self.parameterAsString(parameters, "ZONE_FIELD", context)
        if zones is None and not zone_field:
            raise LandEvalError("Give ZONES (zone polygons) or ZONE_FIELD (a field of INPUT to group by).")
        names = source.fields().names()
        unit = area_unit_of_fields(names)
        has_area = "area_m2" in names
        wanted = ["area_m2", "score"] + list(RULE_FIELDS) + ([zone_field] if zone_field and zones is None else [])
        fields = recognised_columns(source, {}, [n for n in wanted if n in names])
        need_geometry = zones is not None or not has_area
        table = read_features(source, fields, geometry=need_geometry, feedback=feedback, what="input layer")
        frame, warnings = canonical_with_originals(table.frame, {})
        for warning in warnings:
            feedback.pushWarning(warning)
        crs = require_crs(source) if need_geometry else None
        geoms = measure_areas(table.geometries, crs, context, feedback) if need_geometry else None
        if not has_area:
            frame["area_m2"] = geoms.area_m2
        if zones is not None:
            zone_fids, zone_geoms = source_geometries(zones, crs, context, feedback)
            where, _ = locate(inner_points(geoms.geometries), zone_geoms, feedback)
            outside = np.flatnonzero(where < 0)
            if len(outside):
                feedback.pushWarning(f"{describe_positions(outside, table.fids)} parcel(s) (by feature id) lie in "
                                     "no zone; they count only in the all-zone values.")
            per_zone, total = summarize(frame, pd.Series(where, dtype=object).where(where >= 0, None), unit)
            per_zone = per_zone.reindex(np.arange(len(zone_fids)))
            per_zone["n_parcels"] = per_zone["n_parcels"].fillna(0).astype(np.int64)
            dest = write_output(self, parameters, "OUTPUT", context, zones, per_zone, zone_fids, feedback,
                                zone_aliases(per_zone.columns, unit))
        else:
            per_zone, total = summarize(frame, frame[zone_field].where(frame[zone_field].notna(), None), unit)
            per_zone = per_zone.rename_axis(zone_field).reset_index()
            per_zone[zone_field] = per_zone[zone_field].astype(str)
            dest = write_frame(self, parameters, "OUTPUT", context, per_zone, feedback,
                               zone_aliases(per_zone.columns, unit))
        for column in ("n_parcels", "area_m2", "mean_score", "output_per_area", "tax_per_area"):
            if column in total.index:
                feedback.pushInfo(f"All zones: {column} = {total[column]:.6g}")
        finish_output(dest, context, feedback, names={"zh": "分区汇总", "en": "Zone summary"})
        return {"OUTPUT": dest}
