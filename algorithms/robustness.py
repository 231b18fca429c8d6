"""landeval:robustness — how sure is each parcel's label under weights and thresholds people could defend?"""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core import labels, robustness as core
from ..core.config import load_config, merge_configs
from ..core.errors import LandEvalError
from ..core.units import AREA_UNITS
from ..qgis_io.decision_output import finish_decision_output
from ..qgis_io.steps import push_warnings
from ..qgis_io.styling import area_unit_of_fields
from ..translation import output_language
from ..qgis_io.values import check_canceled
from ..qgis_io.writer import write_output
from .base import LandEvalAlgorithm
from .params import (
    OutputSink,
    config_file_param,
    load_eval_config,
    parse_numbers,
    preset_param,
    read_step_input,
    report_language,
    report_language_param,
    tr,
    translated_options,
    with_help,
)

# Enum order is a public contract: Dirichlet, uniform, AHP judgements.
METHOD_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "Dirichlet around the weights"),
                  QT_TRANSLATE_NOOP("LandEval", "uniform ± SPREAD"),
                  QT_TRANSLATE_NOOP("LandEval", "AHP judgements ± one Saaty step")]
COUNTS = {"ROBUST_INEFFICIENT": "robust_inefficient", "CONTESTED": "contested", "ROBUST_RETAINED": "robust_retained"}
# The descriptions of the count outputs: interface text (translated with tr), the same words as the value map of
# robust_class in resources/labels.yaml.
COUNT_DESCRIPTIONS = {"ROBUST_INEFFICIENT": QT_TRANSLATE_NOOP("LandEval", "Robustly inefficient"),
                      "CONTESTED": QT_TRANSLATE_NOOP("LandEval", "Contested"),
                      "ROBUST_RETAINED": QT_TRANSLATE_NOOP("LandEval", "Robustly retained")}
NAMES = labels.entries("output_name")["robustness"]


def threshold_range(alg, parameters, context):
    """THRESHOLD_RANGE as (low, high), or None when empty."""
    values = parse_numbers(alg.parameterAsString(parameters, "THRESHOLD_RANGE", context), "THRESHOLD_RANGE")
    if values is None:
        return None
    if len(values) != 2:
        raise LandEvalError("THRESHOLD_RANGE: give two numbers low,high (e.g. 0.55,0.65), or leave it empty.")
    return values[0], values[1]


def robustness_config(alg, parameters, context, feedback=None):
    """The weight set (WEIGHT_SET over PRESET, as scoreparcels), with PRESET's threshold and tiers when the
    weight-set file has no rules of its own (e.g. one written by landeval:ahpweights)."""
    cfg = load_eval_config(alg, parameters, context, weights=True)
    if not cfg.has_rules:
        preset = alg.parameterAsEnumString(parameters, "PRESET", context)
        if preset:
            if feedback is not None:
                feedback.pushInfo(tr("{source} has no threshold or tiers: those of preset {preset} are used.").format(
                    source=cfg.source, preset=preset))
            cfg = merge_configs(cfg, load_config(preset))
    return cfg


class Robustness(LandEvalAlgorithm):
    NAME = "robustness"
    DISPLAY = "Robustness of the identification"
    GROUP = "Decision support"
    GROUP_ID = "decision"
    HELP = ("How sure is each parcel's label? The weights of the weight set are drawn DRAWS times around their "
            "values (and, with THRESHOLD_RANGE, the threshold too); every parcel is scored again with each draw, "
            "normalized exactly as scoreparcels does, and its share of draws in which it is inefficient is "
            "p_inefficient. Parcels whose status does not depend on the score — a failed veto, 正在推进, 生态清退, "
            "地方上报 (as the layer's veto_failed and category say) — have p = 1 and say why. A parcel inefficient "
            "in at least CONFIDENCE of the draws is robustly inefficient, one in at most 1 − CONFIDENCE robustly "
            "retained, the others contested: the parcels to look at before the list is published. A configuration "
            "that identifies parcels by screening rather than by a score threshold is refused (its weights decide "
            "no label).")
    OUTPUT_HELP = ("OUTPUT: the parcels plus p_inefficient (0–1), tier_modal (the tier of most draws), "
                   "tier_stability (share of draws in that tier), rank_p05 / rank_p50 / rank_p95 (rank over the draws, "
                   "1 = best), score_p05 / score_p95 (score interval over the draws), robust_class "
                   "(robust_inefficient / contested / robust_retained) and robust_reason (veto, in_progress, eco_exit, "
                   "reported: inefficient whatever the score; no_score); styled by robust_class. ROBUST_INEFFICIENT, "
                   "CONTESTED, ROBUST_RETAINED: the counts. REPORT: the evaluation report with the robustness section "
                   "(distribution of p, contested parcels, one-at-a-time chart, threshold sweep 0.40–0.80).")
    METHOD_HELP = ("Monte-Carlo weight sensitivity as in multi-criteria decision analysis: Dirichlet or uniform "
                   "perturbation of each level's weights, or Saaty-scale perturbation of recorded AHP judgements "
                   "(Saaty 1980); ranks of a draw are the 'min' ranks of its scores rounded to 1/16383.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("INPUT", tr("Evaluated parcels"), [QgsProcessing.SourceType.TypeVector]),
            tr("An evaluated layer (landeval:evaluate's output, or scoreparcels + classifyparcels): its indicator "
               "columns are normalized again, veto_failed and category say which parcels do not depend on the score."),
        ))
        self.addParameter(preset_param())
        self.addParameter(config_file_param("WEIGHT_SET", "Weight set"))
        self.addParameter(with_help(
            QgsProcessingParameterEnum("METHOD", tr("Perturbation"), options=translated_options(METHOD_OPTIONS), defaultValue=0),
            tr("0 Dirichlet around the weights, level by level (mean = the weights); 1 every weight times 1 ± up to "
               "SPREAD, then each level renormalised; 2 every AHP judgement moved by up to one step of Saaty's scale "
               "(needs a weight set that records its matrices under meta: {ahp_matrix: …})."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterNumber("SPREAD", tr("Spread"), QgsProcessingParameterNumber.Type.Double,
                                         defaultValue=0.2, minValue=0.0, maxValue=5.0),
            tr("Size of the perturbation: for Dirichlet the relative standard deviation of a weight of average size "
               "in its level; for uniform the half-width (0.2 = ±20 %). Also the move of each element weight in the "
               "report's one-at-a-time chart."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterString("THRESHOLD_RANGE", tr("Threshold range"), optional=True),
            tr("Optional low,high (e.g. 0.55,0.65): the threshold of each draw is drawn uniformly in this range. "
               "Empty: the rule set's threshold in every draw."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterNumber("DRAWS", tr("Draws"), QgsProcessingParameterNumber.Type.Integer,
                                         defaultValue=1000, minValue=1, maxValue=100000),
            tr("Number of weight draws; 1000 gives p to about ±0.016 (one standard error at p = 0.5)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterNumber("SEED", tr("Random seed"), QgsProcessingParameterNumber.Type.Integer,
                                         defaultValue=1, minValue=0),
            tr("The same seed gives exactly the same result; change it to check that DRAWS is large enough."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterNumber("CONFIDENCE", tr("Confidence"), QgsProcessingParameterNumber.Type.Double,
                                         defaultValue=0.9, minValue=0.5, maxValue=1.0),
            tr("p ≥ CONFIDENCE: robustly inefficient; p ≤ 1 − CONFIDENCE: robustly retained; between: contested."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Robustness"), QgsProcessing.SourceType.TypeVectorAnyGeometry),
            tr("A new layer: the input features and fields plus the robustness fields, styled by robust_class."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination("REPORT", tr("Robustness report (HTML)"), "HTML files (*.html)",
                                                  optional=True, createByDefault=False),
            tr("Optional: the HTML report of the output layer with the robustness section."),
        ))
        self.addParameter(report_language_param("REPORT_LANGUAGE"))
        for name, description in COUNT_DESCRIPTIONS.items():
            self.addOutput(QgsProcessingOutputNumber(name, tr(description)))
        self.addOutput(QgsProcessingOutputFile("REPORT", tr("Robustness report")))

    def execute(self, parameters, context, feedback):
        cfg = robustness_config(self, parameters, context, feedback)
        core.check_identification(cfg)
        method = core.METHODS[self.parameterAsEnum(parameters, "METHOD", context)]
        spread = self.parameterAsDouble(parameters, "SPREAD", context)
        draws = self.parameterAsInt(parameters, "DRAWS", context)
        seed = self.parameterAsInt(parameters, "SEED", context)
        confidence = self.parameterAsDouble(parameters, "CONFIDENCE", context)
        area_fields = ["area_m2"] + [f"area_{unit}" for unit in AREA_UNITS]
        source, table, fids, warnings = read_step_input(self, parameters, context, feedback, cfg, area_fields)
        push_warnings(feedback, warnings)

        def progress(fraction):
            check_canceled(feedback)
            feedback.setProgress(80.0 * fraction)

        result = core.robustness(table, cfg, method, spread, draws, seed, confidence,
                                 threshold_range(self, parameters, context), progress)
        push_warnings(feedback, result.warnings)
        feedback.pushInfo(tr("{draws} draws ({method}, spread {spread}, seed {seed}) with {name}: {counts}").format(
            draws=draws, method=method, spread=f"{spread:g}", seed=seed, name=cfg.name,
            counts=", ".join(f"{k} {v}" for k, v in result.counts.items())))
        lang = output_language()
        aliases = {name: labels.field_alias(name, lang) for name in core.OUTPUT_FIELDS}
        dest = write_output(OutputSink(self, parameters, "OUTPUT", context), context, source, result.table, fids,
                            feedback, aliases)
        maps = {name: labels.value_labels(name, lang) for name in ("robust_class", "robust_reason", "tier_modal")}
        finish_decision_output(dest, context, feedback, NAMES, aliases, maps, qml="robust_class")
        out = {"OUTPUT": dest, **{name: result.counts[key] for name, key in COUNTS.items()}}
        report_path = self.parameterAsFileOutput(parameters, "REPORT", context) if parameters.get("REPORT") else ""
        if report_path:
            out["REPORT"] = self._report(report_path, dest, context, feedback, cfg, table, result,
                                         report_language(self, parameters, context, "REPORT_LANGUAGE"),
                                         area_unit_of_fields(source.source.fields().names()))
        return out

    @staticmethod
    def _report(path, dest, context, feedback, cfg, table, result, lang, unit):
        # Imported here, as landeval:evaluate does: the report renders maps and builds HTML.
        from ..qgis_io.report_io import config_info, write_report

        info = config_info(cfg)
        info["area_unit"] = unit
        info["warnings"] = list(result.warnings)
        feedback.pushInfo(tr("One-at-a-time chart: moving each element weight…"))
        extra = {"settings": result.settings,
                 "tornado": core.one_at_a_time(table, cfg, result.settings["spread"])}
        layer = QgsProcessingUtils.mapLayerFromString(dest, context)
        feedback.pushInfo(tr("Writing the report {path}…").format(path=path))
        write_report(layer, path, info, feedback, cfg=cfg, context=context, robustness=extra, lang=lang)
        return path
