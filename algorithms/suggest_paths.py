"""landeval:suggestpaths — a redevelopment path for every inefficient parcel and a clearance zone outside the
urban development boundary, from rule files a planner edits."""
from collections import Counter

from qgis.core import QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.decision import paths as core_paths
from ..core.decision.rules import load_clearance_rules, load_path_rules
from ..core.labels import entries as label_entries
from ..qgis_io.decision_output import aliases, finish_decision_output
from ..qgis_io.layer_io import read_frame
from ..qgis_io.writer import write_output
from ..translation import message_of
from .base import LandEvalAlgorithm
from .params import OutputSink, file_value, language, language_param, rules_param, source_input, tr, with_help


class SuggestPaths(LandEvalAlgorithm):
    NAME = "suggestpaths"
    DISPLAY = "Suggest redevelopment paths"
    GROUP = "Decision support"
    GROUP_ID = "decision"
    HELP = ("For every inefficient parcel of an evaluated layer, the redevelopment path of the first rule that "
            "holds in the path rule file. The shipped rules check, in this order: the ecological red line "
            "(工业生态修复); failed vetoes (safety, environment, spatial plan: rectify or exit; others: 收回收储); "
            "outside the urban development boundary (清退); then the inefficiency type, heavy industry before any "
            "rule that raises intensity: 整治提升, 工改工 (增容技改 for sites of 100 亩 or more whose firm has left "
            "the market; 高标准厂房/工业上楼; 淘汰落后产能，转给高新技术或规模工业企业), and by scale level. "
            "工改科研 and 工改其他 are in the vocabulary for rules a planner adds. Parcels "
            "outside the development boundary also get a clearance zone (必须清退区, 鼓励清退区, 可考虑清退区) from "
            "the clearance rule file. Both files are YAML tables in the rule-set language of LandEval; the "
            "shipped ones (resources/rules/paths.yaml, clearance.yaml) state their sources. A field a rule needs "
            "but the layer lacks is reported and treated as missing (that rule never applies).")
    OUTPUT_HELP = ("A new layer: the input's features and fields plus path (path id; the attribute table shows "
                   "the Chinese label through a value map), path_reason (why, with the parcel's own figures, in "
                   "LANGUAGE), path_rule (id of the rule that fired) and clearance_zone (must_exit, "
                   "encouraged_exit or may_exit, shown as 必须清退区, 鼓励清退区, 可考虑清退区). Parcels the rules "
                   "do not cover (efficient ones, redevelopment under way) have empty paths.")
    METHOD_HELP = ("SPEC §3.10: Jiangning paper §4.2.2 (modes of renewal; 增容技改 for land of 100 亩 or more "
                   "whose firm has left the market) and §4.2.3 (three clearance zones); county paper §4.1 "
                   "(strategy per inefficiency type: red-line land with more than 50 % under rigid control is "
                   "reclaimed and restored; heavy industry is not simply built higher; quality-deficient firms "
                   "phase out outdated capacity or re-let to high-tech or large industrial firms; safety risks "
                   "rectify or exit). Every choice of ours: docs/methods.md, \"Redevelopment paths and clearance "
                   "zones\".")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("INPUT", tr("Evaluated parcels")),
            tr("The output of landeval:evaluate or classifyparcels: inefficient, ineff_type, ineff_flags, category, "
               "level, veto_failed, veto_reasons, redline_share, inside_dev_boundary, area_m2, industry_code, "
               "registration_status …"),
        ))
        self.addParameter(rules_param("PATH_RULES", tr("Path rules (YAML)"), "paths",
                                      "applies_to, paths, industry_classes, rules"))
        self.addParameter(rules_param("CLEARANCE_RULES", tr("Clearance zone rules (YAML)"), "clearance",
                                      "applies_to, zones"))
        self.addParameter(language_param())
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Redevelopment paths")))

    def execute(self, parameters, context, feedback):
        path_rules = load_path_rules(file_value(self, parameters, "PATH_RULES", context) or "paths")
        clearance = load_clearance_rules(file_value(self, parameters, "CLEARANCE_RULES", context) or "clearance")
        lang = language(self, parameters, context)
        given = source_input(self, parameters, "INPUT", context, feedback)  # a SourceInput: fast paths
        source = given.source
        present = set(source.fields().names())
        wanted = sorted(core_paths.fields_to_read(path_rules, clearance) & present)
        frame, fids = read_frame(given, wanted, feedback, what=QT_TRANSLATE_NOOP("LandEvalError", "evaluated layer"))
        result = core_paths.suggest_paths(frame, path_rules, clearance, lang)
        for warning in result.warnings:
            feedback.pushWarning(message_of(warning))
        labels = core_paths.value_labels(path_rules, clearance, lang)
        for field in ("path", "clearance_zone"):
            counts = Counter(result.table[field].dropna())
            summary = ", ".join(f"{labels[field].get(k, k)} {n}" for k, n in counts.most_common())
            feedback.pushInfo(f"{field}: {summary or tr('none')}")
        field_aliases = aliases(core_paths.FIELD_LABELS, lang=lang)
        dest = write_output(OutputSink(self, parameters, "OUTPUT", context), context, given, result.table, fids,
                            feedback, field_aliases)
        finish_decision_output(dest, context, feedback, label_entries("output_name")["paths"],
                               field_aliases, labels, lang=lang)
        return {"OUTPUT": dest}
