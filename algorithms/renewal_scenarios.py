"""landeval:renewalscenarios — the county paper's three renewal patterns: who moves where, at what cost, how
much construction-land quota is freed and what the district's output and tax per unit of land become."""
import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.decision import scenarios as core
from ..core.errors import LandEvalError
from ..core.labels import entries as label_entries
from ..core.units import unit_label
from ..qgis_io.decision_output import MetricFrame, aliases, finish_decision_output, geometry_segments
from ..qgis_io.layer_io import measure_areas, read_features, require_crs, require_polygons
from ..qgis_io.writer import write_frame, write_output
from ..translation import message_of
from .base import LandEvalAlgorithm
from .params import OutputSink, area_unit, area_unit_param, source_input, source_parameter, tr, with_help

# Parcel fields the scenarios use when the layer has them (level is required, area measured if absent).
PARCEL_FIELDS = ("parcel_id", "area_m2", "level", "inside_dev_boundary", "inefficient", "floor_area", "plot_ratio",
                 "output_value", "tax")
NAMES = {
    "OUTPUT": label_entries("output_name")["scenario_parcels"],
    "OUTPUT_LINES": label_entries("output_name")["scenario_moves"],
    "OUTPUT_TABLE": label_entries("output_name")["scenario_comparison"],
}
LINE_LABELS = label_entries("moves_field")


def _number(name, label, default, help_text, minimum=0.0):
    param = QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Type.Double, defaultValue=default,
                                         minValue=minimum)
    return with_help(param, help_text)


class RenewalScenarios(LandEvalAlgorithm):
    NAME = "renewalscenarios"
    DISPLAY = "Renewal scenarios"
    GROUP = "Decision support"
    GROUP_ID = "decision"
    HELP = ("Compares the county paper's three renewal patterns on an evaluated parcel layer with scale levels. "
            "Large concentration (大集中): every industrial block moves into the nearest industrial base. Small "
            "clustering (小集聚): blocks outside the urban development boundary move into the nearest base or "
            "community of their own town. Small clustering + moderate park integration (小集聚+适度并园): blocks "
            "within NEAR_BASE of a base move into it; inefficient blocks outside the boundary move into the nearest "
            "community of their town. Distances run from the parcel's centroid to the park's boundary, in metres "
            "(a geographic CRS is measured in its UTM zone). Assumptions: a moved firm keeps its floor area, "
            "output and tax; it is rebuilt at the destination's target plot ratio; its old parcel leaves "
            "industrial use. A mover with no eligible park stays and is counted as unplaced.")
    OUTPUT_HELP = ("OUTPUT: the parcels plus dest_/dist_/cost_<pattern> (destination park, distance in m, cost in "
                   "万元) for concentration, clustering and integration. OUTPUT_LINES: one line per move from "
                   "the parcel's centroid to the nearest point of its destination. OUTPUT_TABLE: one row per "
                   "pattern (first: the current state): parcels moved and unplaced, vacated land, floor area moved, "
                   "relocation, demolition, construction, compensation and total cost (万元), new land needed "
                   "at the destinations, freed construction-land quota, industrial land after, and the district's "
                   "output and tax per unit of land (AREA_UNIT) after the pattern.")
    METHOD_HELP = ("County paper §4.2 (three patterns, 'maintaining total volume, promoting clustering, enhancing "
                   "quality') and §4.1 (blocks transferred into qualified communities free construction-land "
                   "quota). Costs: relocation, demolition and new construction per m² of the firm's floor area "
                   "(floor_area, else plot_ratio × area, else ASSUMED_PLOT_RATIO × area) and compensation per 亩 "
                   "of the vacated parcel.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("INPUT", tr("Evaluated parcels"),
                                                [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("Parcels with level (classifyscale or evaluate with parks) and, where available, inside_dev_boundary, "
               "inefficient, area_m2, floor_area or plot_ratio, output_value and tax."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("PARKS", tr("Bases and communities"),
                                                [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("Park polygons with their level (classifyscale's OUTPUT_PARKS): base and community parks are the "
               "destinations; block-level parks are ignored."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("PARK_LEVEL_FIELD", tr("Park level field"), "level",
                                        parentLayerParameterName="PARKS", optional=True),
            tr("Field of PARKS holding base / community / block; empty: level."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("PARK_NAME_FIELD", tr("Park name field"), parentLayerParameterName="PARKS",
                                        optional=True),
            tr("Field of PARKS naming each park in the outputs; empty: the park's feature id."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("TOWN_FIELD", tr("Parcel town field"), parentLayerParameterName="INPUT",
                                        optional=True),
            tr("Field of INPUT with the town or subdistrict (街镇). Given, small clustering and the community moves "
               "of park integration stay within the parcel's town; then PARK_TOWN_FIELD is needed too."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("PARK_TOWN_FIELD", tr("Park town field"), parentLayerParameterName="PARKS",
                                        optional=True),
            tr("Field of PARKS with the town each park belongs to (same spelling as TOWN_FIELD)."),
        ))
        near = QgsProcessingParameterDistance("NEAR_BASE", tr("Reach of a base"), 2000.0, "PARKS", minValue=1.0)
        self.addParameter(with_help(near, tr("Park integration: blocks whose centroid is within this distance (metres) "
                                             "of a base's boundary are merged into that base.")))
        self._add_plot_ratio_and_cost_parameters()
        self.addParameter(area_unit_param())
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Scenario parcels")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_LINES", tr("Moves"),
                                                            QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_TABLE", tr("Scenario comparison"),
                                                            QgsProcessing.SourceType.TypeVector))

    def _add_plot_ratio_and_cost_parameters(self):
        """The target plot ratios of the destinations and the unit costs of a move (after NEAR_BASE)."""
        self.addParameter(_number("BASE_PLOT_RATIO", tr("Target plot ratio in bases"), 2.0,
                                  tr("Plot ratio at which a moved firm is rebuilt in a base: new land = floor area ÷ "
                                     "this."), 0.01))
        self.addParameter(_number("COMMUNITY_PLOT_RATIO", tr("Target plot ratio in communities"), 1.5,
                                  tr("Plot ratio at which a moved firm is rebuilt in a community."), 0.01))
        self.addParameter(_number("ASSUMED_PLOT_RATIO", tr("Assumed plot ratio"), 1.0,
                                  tr("Plot ratio assumed for a parcel with neither floor_area nor plot_ratio (counted "
                                     "in the log)."), 0.01))
        self.addParameter(_number("RELOCATION_COST", tr("Relocation cost (yuan/m²)"), 300.0,
                                  tr("Relocation cost per m² of the firm's floor area, in 元 (the default is "
                                     "illustrative: give the local figure).")))
        self.addParameter(_number("DEMOLITION_COST", tr("Demolition cost (yuan/m²)"), 100.0,
                                  tr("Demolition cost per m² of floor area at the old site, in 元 (illustrative default).")))
        self.addParameter(_number("CONSTRUCTION_COST", tr("New construction cost (yuan/m²)"), 2500.0,
                                  tr("Construction cost per m² of floor area rebuilt at the destination, in 元 "
                                     "(illustrative default).")))
        self.addParameter(_number("COMPENSATION", tr("Land compensation (10⁴ yuan/mu)"), 30.0,
                                  tr("Compensation for the vacated land per 亩, in 万元 (illustrative default).")))

    def execute(self, parameters, context, feedback):
        unit = area_unit(self, parameters, context, "mu")
        settings = core.ScenarioSettings(
            near_base_m=self.parameterAsDouble(parameters, "NEAR_BASE", context),
            target_plot_ratio={"base": self.parameterAsDouble(parameters, "BASE_PLOT_RATIO", context),
                               "community": self.parameterAsDouble(parameters, "COMMUNITY_PLOT_RATIO", context)},
            default_plot_ratio=self.parameterAsDouble(parameters, "ASSUMED_PLOT_RATIO", context),
            area_unit=unit,
        )
        costs = core.UnitCosts(
            relocation_per_m2=self.parameterAsDouble(parameters, "RELOCATION_COST", context),
            demolition_per_m2=self.parameterAsDouble(parameters, "DEMOLITION_COST", context),
            construction_per_m2=self.parameterAsDouble(parameters, "CONSTRUCTION_COST", context),
            compensation_per_mu=self.parameterAsDouble(parameters, "COMPENSATION", context),
        )
        given = source_input(self, parameters, "INPUT", context, feedback)  # a SourceInput: fast paths
        source = given.source
        require_polygons(source)
        crs = require_crs(source)
        town = self.parameterAsString(parameters, "TOWN_FIELD", context) or None
        wanted = [f for f in PARCEL_FIELDS if source.fields().lookupField(f) >= 0] + ([town] if town else [])
        if "level" not in wanted:
            raise LandEvalError("INPUT has no `level` field: run landeval:classifyscale (or evaluate with PARKS) "
                                "first so every parcel is a base, community or block parcel.")
        parcels = read_features(source, wanted, geometry=True, feedback=feedback,
                                what=QT_TRANSLATE_NOOP("LandEvalError", "parcel layer"))
        frame = parcels.frame.rename(columns={town: "town"}) if town else parcels.frame
        if "area_m2" not in frame.columns:
            frame["area_m2"] = measure_areas(parcels.geometries, crs, context, feedback).area_m2
        metric = MetricFrame(crs, parcels.geometries, context)
        xy = metric.centroids(parcels.geometries, feedback)
        frame["x"], frame["y"] = xy[:, 0], xy[:, 1]

        destinations = self._destinations(parameters, context, metric, feedback, bool(town))
        result = core.run_scenarios(frame, destinations, costs, settings, use_town=bool(town))
        for warning in result.warnings:
            feedback.pushWarning(message_of(warning))
        for row in result.summary.itertuples():
            feedback.pushInfo(tr("{scenario}: {moved} moved ({unplaced} unplaced), cost {cost} 10⁴ yuan, freed {freed} "
                                 "{unit}, output {output} 10⁴ yuan/{unit}").format(
                scenario=row.label_zh, moved=row.moved, unplaced=row.unplaced, cost=f"{row.cost_total:,.0f}",
                freed=f"{row.freed_quota:,.2f}", unit=unit_label(unit), output=f"{row.output_per_area:,.2f}"))

        out = {}
        field_aliases = aliases(core.field_labels())
        out["OUTPUT"] = write_output(OutputSink(self, parameters, "OUTPUT", context), context, given, result.parcels,
                                     parcels.fids,
                                     feedback, field_aliases)
        finish_decision_output(out["OUTPUT"], context, feedback, NAMES["OUTPUT"], field_aliases, {})
        out["OUTPUT_LINES"] = self._write_lines(parameters, context, feedback, result, frame, metric, crs)
        table = result.summary.copy()
        area_name = unit_label(unit)
        table_aliases = {k: v.replace("单位面积", area_name) for k, v in aliases(core.SUMMARY_LABELS).items()}
        table_aliases.update({field: text["zh"].format(unit=area_name)
                              for field, text in label_entries("scenario_table_field").items()})
        out["OUTPUT_TABLE"] = write_frame(OutputSink(self, parameters, "OUTPUT_TABLE", context), context, table,
                                          feedback, table_aliases)
        finish_decision_output(out["OUTPUT_TABLE"], context, feedback, NAMES["OUTPUT_TABLE"], table_aliases, {})
        return out

    def _destinations(self, parameters, context, metric, feedback, by_town):
        parks = source_parameter(self, parameters, "PARKS", context, feedback)
        require_polygons(parks, "parks layer")
        level = self.parameterAsString(parameters, "PARK_LEVEL_FIELD", context) or "level"
        name = self.parameterAsString(parameters, "PARK_NAME_FIELD", context) or None
        town = self.parameterAsString(parameters, "PARK_TOWN_FIELD", context) or None
        if by_town and not town:
            raise LandEvalError("TOWN_FIELD is set but PARK_TOWN_FIELD is not: give the field of PARKS that holds "
                                "each park's town, or leave TOWN_FIELD empty to search the whole district.")
        fields = [level] + [f for f in (name, town) if f]
        read = read_features(parks, fields, geometry=True, feedback=feedback,
                             what=QT_TRANSLATE_NOOP("LandEvalError", "parks layer"))
        table = pd.DataFrame({
            "name": read.frame[name].astype(str).to_numpy() if name else read.fids.astype(str),
            "level": read.frame[level].to_numpy(dtype=object),
        })
        if town:
            table["town"] = read.frame[town].to_numpy(dtype=object)
        segments, owners = geometry_segments(read.geometries, metric.to_metric(parks.sourceCrs()), feedback=feedback)
        return core.Destinations(table, segments, owners)

    def _write_lines(self, parameters, context, feedback, result, frame, metric, crs):
        moves = result.moves
        rows = moves["row"].to_numpy(dtype=np.int64)
        ids = frame["parcel_id"].to_numpy(dtype=object)[rows] if "parcel_id" in frame.columns else rows
        lines = pd.DataFrame({
            "pattern": moves["pattern"].to_numpy(dtype=object),
            "pattern_label": moves["pattern"].map({p: t["zh"] for p, t in core.PATTERN_LABELS.items()}).to_numpy(
                dtype=object),
            "parcel_id": pd.Series(ids, dtype=object).astype(str).to_numpy(dtype=object),
            "destination": moves["destination"].to_numpy(dtype=object),
            "dest_level": moves["dest_level"].to_numpy(dtype=object),
            "distance": moves["distance"].to_numpy(dtype=float),
            "cost": moves["cost"].to_numpy(dtype=float),
        })
        geoms = [metric.line_back(*c) for c in moves[["x0", "y0", "x1", "y1"]].to_numpy(dtype=float)]
        line_aliases = aliases(LINE_LABELS)
        dest = write_frame(OutputSink(self, parameters, "OUTPUT_LINES", context), context, lines, feedback,
                           line_aliases, crs=crs,
                           geometries=geoms, wkb_type=QgsWkbTypes.Type.LineString)
        finish_decision_output(dest, context, feedback, NAMES["OUTPUT_LINES"], line_aliases, {})
        return dest
