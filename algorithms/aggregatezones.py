"""landeval:aggregatezones — macro evaluation per park, level or district (county paper Table 2)."""
import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.config import list_presets, load_config
from ..core.errors import LandEvalError
from ..core.inputs import canonical_with_originals
from ..core.keys import describe_positions
from ..core.labels import entries as label_entries, label
from ..core.pipeline import RULE_FIELDS
from ..core.tables import canonical_table
from ..core.zones import WEIGHTINGS, dominant_levels, evaluate_zones, table2_aliases, zone_aliases
from ..qgis_io.assemble import recognised_columns
from ..qgis_io.decision_output import finish_decision_output
from ..qgis_io.layer_io import measure_areas, read_features, read_frame, require_crs
from ..qgis_io.spatial import inner_points, locate, source_geometries
from ..qgis_io.styling import area_unit_of_fields
from ..qgis_io.writer import write_frame, write_output
from ..translation import message_of, output_language
from .base import LandEvalAlgorithm
from .params import OutputSink, config_file_param, source_input, source_parameter, tr, translated_options, with_help

TABLE2_PRESET = "county_table2"
WEIGHTING_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "weights of the weight set (\"+\" marks, AHP)"),
                     QT_TRANSLATE_NOOP("LandEval", "entropy over the zones")]
REFERENCE_NAME_COLUMNS = ("name", "名称", "参照", "参照名称", "参照对象")
NAMES = {"OUTPUT": label_entries("output_name")["zones"], "OUTPUT_LEVELS": label_entries("output_name")["zone_levels"]}


class AggregateZones(LandEvalAlgorithm):
    NAME = "aggregatezones"
    DISPLAY = "Aggregate by zone"
    HELP = ("Macro evaluation: sums the evaluated parcels per zone — the polygons of ZONES (parks, towns; a parcel "
            "belongs to the zone containing a point inside it) or the values of ZONE_FIELD (level, town, park "
            "id) — and compares each zone with the whole district. Counts and areas by tier and category, "
            "inefficient area and its share, area-weighted mean score, the sums of output, tax, employees, floor "
            "area, … and the indicators recomputed from those sums (Σ output / Σ area, not a mean of ratios). "
            "Then the county paper's Table 2 evaluation: each indicator of the system (SYSTEM, default "
            "county_table2) against the district and against the zones of the same level, and a Table 2 index: "
            "the weighted mean of zone ÷ district (district ÷ zone for a cost indicator), each capped at 2, so "
            "1 = the district; weights from the '+' marks, a WEIGHT_SET (AHP) or entropy over the zones. The raw "
            "values stay beside the index because a composite can hide what the indicators show; t2_weak lists "
            "the indicators below the district. Optional REFERENCES compare each zone with outside figures.")
    OUTPUT_HELP = ("One feature per zone (with its geometry when ZONES is given, else a table with the ZONE_FIELD "
                   "value): n_parcels, area_m2, area_<unit>, n_tier_A…D/T and area_tier_* (area unit of the input), "
                   "n_cat_<category> and area_cat_<category>, n_inefficient, area_inefficient, ineff_area_share "
                   "(0–1), mean_score, sums of the extensive inputs (万元, 人, m²), indicators from the sums, and "
                   "<indicator>_vs_all = zone value ÷ all-zone value (1 = district average); with Table 2 inputs "
                   "also zone_level, t2_score (index, district = 1), t2_indicators, t2_weak, t2_rank_level, "
                   "t2_vs_level and <indicator>_vs_level (÷ the zones of its level together), and per reference "
                   "<indicator>_vs_refK and t2_vs_refK; coloured by t2_score. OUTPUT_LEVELS: the district and "
                   "each level.")
    METHOD_HELP = ("County paper, Table 2 and §3.2 (line 90: '+' marks as weights; Delphi, AHP or entropy for a "
                   "composite score; normalisation may obscure original attributes) and §3.4 (line 143: benchmarking "
                   "against other districts or the national level, classified evaluation by scale); SPEC §3.9.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("INPUT", tr("Evaluated parcels"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("Parcels with LandEval results (evaluate or classifyparcels output); area_m2 is used when present, "
               "otherwise the area is measured."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("ZONES", tr("Zones"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            tr("Zone polygons (parks, towns, districts; any CRS). Takes precedence over ZONE_FIELD."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("ZONE_FIELD", tr("Zone field"), parentLayerParameterName="INPUT",
                                        optional=True),
            tr("A field of INPUT to group by when no ZONES layer is given (e.g. level, town)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("ZONE_LEVEL_FIELD", tr("Level field of the zones"),
                                        parentLayerParameterName="ZONES", optional=True),
            tr("Field of ZONES with each zone's scale level (e.g. `level` of classifyscale's OUTPUT_PARKS); empty: the "
               "level covering most of the zone's parcel area (INPUT's `level`). Each zone is compared with all "
               "zones of its level together."),
        ))
        presets = list_presets()
        self.addParameter(with_help(
            QgsProcessingParameterEnum("SYSTEM", tr("Indicator system"), options=presets,
                                       defaultValue=TABLE2_PRESET if TABLE2_PRESET in presets else None,
                                       optional=True, usesStaticStrings=True),
            tr("The indicators and weights of the zone evaluation: county_table2 (default; the county paper's Table "
               "2, weights from its '+' marks) or another preset. A WEIGHT_SET file takes precedence."),
        ))
        self.addParameter(config_file_param("WEIGHT_SET", "Weight set"))
        self.addParameter(with_help(
            QgsProcessingParameterEnum("WEIGHTING", tr("Weighting"), options=translated_options(WEIGHTING_OPTIONS), defaultValue=0),
            tr("How the Table 2 indicators are weighted: the weight set's weights (the '+' marks of county_table2, or "
               "the AHP weights of a WEIGHT_SET file), or the entropy weight method over the zones."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("REFERENCES", tr("Reference values"), [QgsProcessing.SourceType.TypeVector],
                                                optional=True),
            tr("Optional small table (CSV, XLSX or layer): one row per reference — another district, a provincial or "
               "national figure — with a name column (name, 名称 or 参照) and indicator columns by id or Chinese "
               "header (地均产值, 地均税收, …) in the units of this output (INPUT's area unit, e.g. 万元/亩). Adds "
               "<indicator>_vs_refK and t2_vs_refK."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Zone summary"), QgsProcessing.SourceType.TypeVectorAnyGeometry),
            tr("The zone summary."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT_LEVELS", tr("District and levels"),
                                              QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=False),
            tr("Optional table: one row for the whole district and one per level (base, community, block) with the "
               "same counts, sums, Table 2 indicators and index (district = 1)."),
        ))

    def execute(self, parameters, context, feedback):
        given = source_input(self, parameters, "INPUT", context, feedback)  # a SourceInput: fast paths
        source = given.source
        zones = source_parameter(self, parameters, "ZONES", context, feedback) if parameters.get("ZONES") else None
        zone_field = self.parameterAsString(parameters, "ZONE_FIELD", context)
        if zones is None and not zone_field:
            raise LandEvalError("Give ZONES (zone polygons) or ZONE_FIELD (a field of INPUT to group by).")
        cfg = self._indicator_system(parameters, context)
        weighting = WEIGHTINGS[self.parameterAsEnum(parameters, "WEIGHTING", context)]
        references = self._references(parameters, context, feedback)
        names = source.fields().names()
        unit = area_unit_of_fields(names)
        has_area = "area_m2" in names
        wanted = ["area_m2", "score", "n_enterprises"] + list(RULE_FIELDS) + (
            [zone_field] if zone_field and zones is None else [])
        fields = recognised_columns(source, {}, [n for n in wanted if n in names])
        need_geometry = zones is not None or not has_area
        table = read_features(given, fields, geometry=need_geometry, feedback=feedback, what=QT_TRANSLATE_NOOP("LandEvalError", "input layer"))
        frame, warnings = canonical_with_originals(table.frame, {})
        for warning in warnings:
            feedback.pushWarning(message_of(warning))
        crs = require_crs(source) if need_geometry else None
        geoms = measure_areas(table.geometries, crs, context, feedback) if need_geometry else None
        if not has_area:
            frame["area_m2"] = geoms.area_m2
        keys, zone_levels, level_field, zone_fids = self._zones_of_parcels(parameters, context, feedback, zones,
                                                                           zone_field, frame, geoms, table.fids, crs)
        # Levels taken from the parcels are summarised over all their parcels (scattered blocks included).
        parcel_levels = frame["level"] if zone_levels and not level_field and "level" in frame else None
        result = evaluate_zones(frame, keys, cfg, unit, zone_levels, references, weighting, require=False,
                                parcel_levels=parcel_levels)
        for warning in result.warnings:
            feedback.pushWarning(message_of(warning))
        per_zone, total = result.zones, result.district
        # The aliases follow QGIS's language at the time of the run, like every output's (issue 13).
        lang = output_language()
        field_aliases = zone_aliases(per_zone.columns, unit, lang=lang)
        field_aliases.update(table2_aliases(per_zone.columns, unit, result.references, lang=lang))
        if zones is not None:
            per_zone = per_zone.reindex(np.arange(len(zone_fids)))
            per_zone["n_parcels"] = per_zone["n_parcels"].fillna(0).astype(np.int64)
            dest = write_output(OutputSink(self, parameters, "OUTPUT", context), context, zones, per_zone, zone_fids,
                                feedback,
                                field_aliases)
        else:
            per_zone = per_zone.rename_axis(zone_field).reset_index()
            per_zone[zone_field] = per_zone[zone_field].astype(str)
            dest = write_frame(OutputSink(self, parameters, "OUTPUT", context), context, per_zone, feedback,
                               field_aliases)
        self._log_totals(feedback, total, per_zone, result.weights)
        # Only zone polygons can carry the map style (a ZONE_FIELD summary is a table).
        qml = "zone_index" if zones is not None and "t2_score" in per_zone else None
        finish_decision_output(dest, context, feedback, NAMES["OUTPUT"], field_aliases, {}, qml=qml)
        out = {"OUTPUT": dest}
        if parameters.get("OUTPUT_LEVELS"):
            out["OUTPUT_LEVELS"] = self._write_levels(parameters, context, feedback, result, unit, lang)
        return out

    def _write_levels(self, parameters, context, feedback, result, unit, lang):
        """Write the district-and-levels table (OUTPUT_LEVELS) with its aliases in `lang`; its destination."""
        summary = self._level_table(result)
        level_aliases = {**zone_aliases(summary.columns, unit, lang=lang),
                         **table2_aliases(summary.columns, unit, lang=lang), "row": label("zones.field.row", lang)}
        dest = write_frame(OutputSink(self, parameters, "OUTPUT_LEVELS", context), context, summary, feedback,
                           level_aliases)
        # finish_output alone would store only the catalogue's aliases; the zone columns' are set here first.
        finish_decision_output(dest, context, feedback, NAMES["OUTPUT_LEVELS"], level_aliases, {}, lang=lang)
        return dest

    def _zones_of_parcels(self, parameters, context, feedback, zones, zone_field, frame, geoms, fids, crs):
        """(zone key per parcel, {zone key: level} or None, ZONE_LEVEL_FIELD, zone feature ids or None): from the
        zone polygons each parcel's inner point lies in, else from the parcels' ZONE_FIELD."""
        zone_fids = None
        if zones is not None:
            zone_fids, zone_geoms = source_geometries(zones, crs, context, feedback)
            where, _ = locate(inner_points(geoms.geometries), zone_geoms, feedback)
            outside = np.flatnonzero(where < 0)
            if len(outside):
                feedback.pushWarning(tr("{parcels} parcel(s) (by feature id) lie in no zone; they count only in the "
                                        "all-zone values.").format(parcels=describe_positions(outside, fids)))
            keys = pd.Series(where, dtype=object).where(where >= 0, None)
            level_field = self.parameterAsString(parameters, "ZONE_LEVEL_FIELD", context)
            if level_field:
                zone_table, _ = read_frame(zones, [level_field], feedback, "zone layer")
                zone_levels = {i: v for i, v in enumerate(zone_table[level_field]) if v is not None and v == v}
            else:
                zone_levels = self._parcel_levels(frame, keys)
        else:
            level_field = ""
            keys = frame[zone_field].where(frame[zone_field].notna(), None)
            zone_levels = None if zone_field == "level" else self._parcel_levels(frame, keys)
        return keys, zone_levels, level_field, zone_fids

    @staticmethod
    def _log_totals(feedback, total, per_zone, weights):
        """The all-zone values and, for a Table 2 evaluation, the weights used, to the log."""
        for column in ("n_parcels", "area_m2", "mean_score", "output_per_area", "tax_per_area"):
            if column in total.index:
                feedback.pushInfo(tr("All zones: {field} = {value}").format(field=column, value=f"{total[column]:.6g}"))
        if "t2_score" in per_zone:
            feedback.pushInfo(tr("Table 2 weights used: {weights}").format(
                weights=", ".join(f"{k} {w:.3f}" for k, w in weights.items())))

    def _indicator_system(self, parameters, context):
        """The weight set of the Table 2 evaluation: WEIGHT_SET (e.g. AHP weights) or the SYSTEM preset."""
        path = self.parameterAsFile(parameters, "WEIGHT_SET", context) if parameters.get("WEIGHT_SET") else ""
        preset = self.parameterAsEnumString(parameters, "SYSTEM", context) or TABLE2_PRESET
        cfg = load_config(path or preset)
        if not cfg.has_weights:
            raise LandEvalError("{source} has no 'elements' (indicators and weights); give a weight set.",
                                source=cfg.source)
        return cfg

    def _references(self, parameters, context, feedback):
        """The outside reference values (one row per reference: name + indicator columns), or None."""
        table = source_parameter(self, parameters, "REFERENCES", context, feedback) \
            if parameters.get("REFERENCES") else None
        if table is None:
            return None
        frame, _ = read_frame(table, None, feedback, "reference table")
        canon, warnings = canonical_table(frame)
        for warning in warnings:
            feedback.pushWarning(message_of(warning))
        name = next((c for c in frame.columns if str(c).strip().lower() in REFERENCE_NAME_COLUMNS), None)
        if name is None:
            raise LandEvalError("The reference table needs a name column (name / 名称 / 参照 / 参照名称) saying what "
                                "each row is (邻区, 全省, 全国 …).")
        canon["name"] = frame[name].astype(str).to_numpy()
        return canon

    @staticmethod
    def _parcel_levels(frame, keys):
        """Each zone's level from its parcels' `level` (classifyscale / evaluate with parks), or None."""
        if "level" not in frame:
            return None
        return dominant_levels(keys, frame["level"], frame["area_m2"]) or None

    @staticmethod
    def _level_table(result):
        """The district and each level: counts, areas, Table 2 indicators and index (one row each)."""
        district = result.district.to_frame().T
        district.index = ["district"]
        table = pd.concat([district, result.levels]) if len(result.levels) else district
        table = table.rename_axis("row").reset_index()
        table["row"] = table["row"].astype(str)
        return table
