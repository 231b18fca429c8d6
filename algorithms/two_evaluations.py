"""landeval:twoevaluations — Shanghai's two evaluations: the performance score beside a value score, the
quadrant each parcel falls in with its disposal hint, and the ABCD list."""
import numpy as np
import pandas as pd
from qgis.core import (
    QgsGeometry,
    QgsProcessing,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.decision import quadrants as quad, value as core_value
from ..core.decision.proximity import sum_within
from ..core.decision.rules import load_quadrant_rules
from ..core.errors import LandEvalError, Problem
from ..core.labels import entries as label_entries
from ..core.tables import to_numeric
from ..qgis_io.decision_output import MetricFrame, aliases, finish_decision_output, geometry_segments
from ..qgis_io.layer_io import measure_areas, read_features, require_crs, require_polygons
from ..qgis_io.writer import write_frame, write_output
from ..translation import message_of
from .base import LandEvalAlgorithm
from .params import (
    OutputSink,
    file_value,
    language,
    language_param,
    rules_param,
    source_input,
    source_parameter,
    tr,
    with_help,
)

NAMES = {"OUTPUT": label_entries("output_name")["two_evaluations"], "OUTPUT_LIST": label_entries("output_name")["abcd_list"]}
LIST_LABELS = label_entries("abcd_field")


def _layer(name, label_text, kind, help_text):
    return with_help(QgsProcessingParameterFeatureSource(name, label_text, [kind], optional=True), help_text)


class TwoEvaluations(LandEvalAlgorithm):
    NAME = "twoevaluations"
    DISPLAY = "Two evaluations: performance × value"
    GROUP = "Decision support"
    GROUP_ID = "decision"
    HELP = ("Shanghai's 'two evaluations, one list': beside the evaluation's performance score, a value score "
            "built the same way (normalize, weight, sum) from a value weight set whose indicators describe the "
            "parcel's location and surroundings: distance to the nearest centre and transit station, road "
            "density within RADIUS (accessibility), public-service POIs within RADIUS (the 1 km '15-minute "
            "industrial living circle'), a land-price field where the layer has one, and the land-use class "
            "covering most land around the parcel. Each layer is optional; an indicator without its input is "
            "missing and its weight goes to the others. Performance and value are each split into high and low "
            "(quadrant rule file: performance at 0.6, value at the district median by default); the four "
            "combinations carry a disposal hint (high value + low performance = priority revitalization) and a "
            "class of the ABCD list. Distances are measured from parcel centroids in metres (a geographic CRS in "
            "its UTM zone).")
    OUTPUT_HELP = ("OUTPUT: the parcels plus the value indicators computed (dist_centre m, dist_transit m, "
                   "road_density km/km², poi_count, land_price, surrounding_use), value_score (0–1), v_<element> "
                   "sub-scores, value_rank, value_missing, value_weakest, quadrant (hv_hp, lv_hp, hv_lp or lv_lp, "
                   "shown in words), disposal (hint in LANGUAGE) and abcd_list (A–D); styled as a bivariate map. "
                   "OUTPUT_LIST: the ABCD list — per quadrant its class, disposal hint, number of parcels and area "
                   "in 亩.")
    METHOD_HELP = ("Shanghai 两评估一清单一盘活 (2024): a comprehensive performance and a comprehensive value "
                   "evaluation (location, accessibility, land value, surroundings) produce the ABCD list and its "
                   "disposal paths (SPEC §3, Shanghai summary). The value weight set resources/rules/value.yaml is "
                   "a starting point to calibrate locally.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("INPUT", tr("Evaluated parcels"),
                                                [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("Parcels with the performance score (field `score` of scoreparcels / evaluate, or the field the "
               "quadrant rules name)."),
        ))
        self.addParameter(_layer("CENTRES", tr("Town centres"), QgsProcessing.SourceType.TypeVectorPoint,
                                 tr("Points of the district's and towns' centres; gives dist_centre.")))
        self.addParameter(_layer("TRANSIT", tr("Transit stations"), QgsProcessing.SourceType.TypeVectorPoint,
                                 tr("Rail / metro stations (or bus hubs); gives dist_transit.")))
        self.addParameter(_layer("ROADS", tr("Roads"), QgsProcessing.SourceType.TypeVectorLine,
                                 tr("Road centre lines; gives road_density (km of road within RADIUS per km²).")))
        self.addParameter(_layer("POIS", tr("Public-service POIs"), QgsProcessing.SourceType.TypeVectorPoint,
                                 tr("Public-service POIs; gives poi_count within RADIUS. Empty: the layer's own "
                                    "poi_count field (computeindicators) is used when it has one.")))
        self.addParameter(_layer("LANDUSE", tr("Land use"), QgsProcessing.SourceType.TypeVectorPolygon,
                                 tr("Land-use patches (e.g. 三调 图斑) with a class field; gives surrounding_use.")))
        self.addParameter(with_help(
            QgsProcessingParameterField("LANDUSE_FIELD", tr("Land-use class field"),
                                        parentLayerParameterName="LANDUSE", optional=True),
            tr("Field of LANDUSE with the class; its values must match the categorical scores of the value weight "
               "set (the shipped one uses 三调 first-level classes: 商业服务业用地, 住宅用地, 工矿用地, 耕地 …)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("LAND_PRICE_FIELD", tr("Land price field"),
                                        parentLayerParameterName="INPUT",
                                                                 type=QgsProcessingParameterField.DataType.Numeric,
                                        optional=True),
            tr("Field of INPUT with the benchmark land price (any unit: it is normalized); empty: no land-price "
               "indicator."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterDistance("RADIUS", tr("Search radius"), 1000.0, "INPUT", minValue=1.0),
            tr("Radius in metres for road density, POIs and surrounding land use (1 km: the 15-minute industrial "
               "living circle)."),
        ))
        self.addParameter(rules_param("VALUE_WEIGHTS", tr("Value weight set (YAML)"), "value",
                                      "elements and indicators, as every weight set"))
        self.addParameter(rules_param("QUADRANT_RULES", tr("Quadrant rules (YAML)"), "quadrants",
                                      "performance, value, quadrants"))
        self.addParameter(language_param())
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Two evaluations")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_LIST", tr("ABCD list"),
                                                            QgsProcessing.SourceType.TypeVector))

    def execute(self, parameters, context, feedback):
        weights = core_value.load_value_weights(file_value(self, parameters, "VALUE_WEIGHTS", context))
        rules = load_quadrant_rules(file_value(self, parameters, "QUADRANT_RULES", context) or "quadrants")
        lang = language(self, parameters, context)
        radius = self.parameterAsDouble(parameters, "RADIUS", context)
        given = source_input(self, parameters, "INPUT", context, feedback)  # a SourceInput: fast paths
        source = given.source
        require_polygons(source)
        crs = require_crs(source)
        perf = rules["performance"]["field"]
        price = self.parameterAsString(parameters, "LAND_PRICE_FIELD", context) or None
        wanted = [perf] + [f for f in ("area_m2", "poi_count", price) if f and source.fields().lookupField(f) >= 0]
        parcels = read_features(source, wanted, geometry=True, feedback=feedback,
                                what=QT_TRANSLATE_NOOP("LandEvalError", "parcel layer"))
        metric = MetricFrame(crs, parcels.geometries, context)
        xy = metric.centroids(parcels.geometries, feedback)

        indicators = self._indicators(parameters, context, feedback, metric, xy, radius, parcels.frame, price)
        scored, warnings = core_value.value_scores(indicators, weights)
        for warning in warnings:
            feedback.pushWarning(message_of(warning))
        both = scored.assign(**{perf: pd.to_numeric(parcels.frame[perf], errors="coerce").to_numpy(dtype=float)})
        quadrants, cuts = quad.assign_quadrants(both, rules, lang)
        feedback.pushInfo(tr("Splits: performance {performance}, value {value}.").format(
            performance=f"{cuts['performance']:.3f}", value=f"{cuts['value']:.3f}"))
        results = pd.concat([indicators.reset_index(drop=True), scored.reset_index(drop=True),
                             quadrants.reset_index(drop=True)], axis=1)

        field_aliases = aliases(core_value.FIELD_LABELS, quad.FIELD_LABELS, lang=lang)
        for element in weights.elements:
            field_aliases[core_value.VALUE_PREFIX + element.id] = ("价值-" if lang == "zh" else "Value - ") + weights.label_of(element, lang)
        out = {"OUTPUT": write_output(OutputSink(self, parameters, "OUTPUT", context), context, given, results,
                                      parcels.fids, feedback,
                                      field_aliases)}
        value_maps = {"quadrant": quad.quadrant_labels(rules, lang)}
        finish_decision_output(out["OUTPUT"], context, feedback, NAMES["OUTPUT"], field_aliases, value_maps,
                               qml="bivariate", lang=lang)

        area = (parcels.frame["area_m2"].to_numpy(dtype=float) if "area_m2" in parcels.frame.columns
                else measure_areas(parcels.geometries, crs, context, feedback).area_m2)
        table = quad.abcd_list(quadrants["quadrant"].to_numpy(dtype=object), area, rules, lang)
        for row in table.itertuples():
            feedback.pushInfo(tr("{abcd} {quadrant}: {parcels} parcels, {area} mu — {disposal}").format(
                abcd=row.abcd_list, quadrant=row.label, parcels=row.parcels, area=f"{row.area_mu:,.1f}",
                disposal=row.disposal))
        list_aliases = aliases(LIST_LABELS, lang=lang)
        out["OUTPUT_LIST"] = write_frame(OutputSink(self, parameters, "OUTPUT_LIST", context), context, table, feedback,
                                         list_aliases)
        finish_decision_output(out["OUTPUT_LIST"], context, feedback, NAMES["OUTPUT_LIST"], list_aliases, {},
                               lang=lang)
        return out

    def _indicators(self, parameters, context, feedback, metric, xy, radius, frame, price):
        """The value indicators whose inputs were given, one column each, aligned with the parcels."""
        out = pd.DataFrame(index=range(len(xy)))
        for name, column in (("CENTRES", "dist_centre"), ("TRANSIT", "dist_transit")):
            points = self._points(parameters, name, context, metric, feedback)
            if points is not None:
                out[column] = core_value.nearest_distance(xy, points)
        roads = source_parameter(self, parameters, "ROADS", context, feedback)
        if roads is not None:
            read = read_features(roads, [], geometry=True, feedback=feedback,
                                 what=QT_TRANSLATE_NOOP("LandEvalError", "roads layer"))
            # Pieces of a tenth of the radius: a piece counts whole where its midpoint is within the radius.
            segments, _ = geometry_segments(read.geometries, metric.to_metric(roads.sourceCrs()),
                                            densify_m=radius / 10.0, feedback=feedback)
            out["road_density"] = core_value.road_density(xy, segments, radius)
        pois = self._points(parameters, "POIS", context, metric, feedback)
        if pois is not None:
            out["poi_count"] = sum_within(xy, pois, radius)
        elif "poi_count" in frame.columns:
            out["poi_count"] = pd.to_numeric(frame["poi_count"], errors="coerce").to_numpy(dtype=float)
            feedback.pushInfo(tr("poi_count: taken from the layer's own field (no POIS layer given)."))
        if price:
            values, warnings = to_numeric(frame[price], price)
            for warning in warnings:
                feedback.pushWarning(message_of(warning))
            out["land_price"] = values
        landuse = source_parameter(self, parameters, "LANDUSE", context, feedback)
        if landuse is not None:
            out["surrounding_use"] = self._surrounding_use(parameters, context, feedback, landuse, metric, xy, radius)
        return out

    def _points(self, parameters, name, context, metric, feedback):
        """(n, 2) metric coordinates of a point layer parameter, or None when it is not given."""
        layer = source_parameter(self, parameters, name, context, feedback)
        if layer is None:
            return None
        if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.GeometryType.PointGeometry:
            raise LandEvalError("{name} must be a point layer.", name=name)
        read = read_features(layer, [], geometry=True, feedback=feedback, what=Problem("{name} layer", name=name))
        segments, _ = geometry_segments(read.geometries, metric.to_metric(layer.sourceCrs()), feedback=feedback)
        return segments[:, :2]

    def _surrounding_use(self, parameters, context, feedback, landuse, metric, xy, radius):
        field = self.parameterAsString(parameters, "LANDUSE_FIELD", context)
        if not field:
            raise LandEvalError("LANDUSE is given without LANDUSE_FIELD: choose the field with the land-use class.")
        read = read_features(landuse, [field], geometry=True, feedback=feedback,
                             what=QT_TRANSLATE_NOOP("LandEvalError", "land-use layer"))
        transform = metric.to_metric(landuse.sourceCrs())
        centres = np.full((len(read.geometries), 2), np.nan)
        areas = np.zeros(len(read.geometries))
        for i, g in enumerate(read.geometries):
            if g is None or g.isEmpty():
                continue
            if transform is not None:
                g = QgsGeometry(g)
                g.transform(transform)
            c = g.centroid().asPoint()
            centres[i] = (c.x(), c.y())
            areas[i] = g.area()
        return core_value.dominant_use(xy, centres, read.frame[field].to_numpy(dtype=object), areas, radius)

