"""landeval:report — the HTML evaluation report (qgis_io.report_io.write_report) of a layer evaluated earlier."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingOutputFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.errors import LandEvalError
from ..qgis_io.report_io import config_info, write_report
from ..qgis_io.styling import area_unit_of
from .base import LandEvalAlgorithm
from .params import (
    config_file_param,
    load_eval_config,
    preset_param,
    report_language,
    report_language_param,
    tr,
    with_help,
)

# Optional inputs of landeval:report, each adding its decision-support section (name lower-cased = the
# write_report argument).
DECISION_INPUTS = (
    ("SCENARIOS", QT_TRANSLATE_NOOP("LandEval", "Renewal scenario comparison"),
     QT_TRANSLATE_NOOP("LandEval", "Optional: the OUTPUT_TABLE of landeval:renewalscenarios; adds the comparison "
                                   "of the three patterns (parcels moved, vacated land, costs, freed quota, output "
                                   "and tax per unit of land).")),
    ("TWO_EVALUATIONS", QT_TRANSLATE_NOOP("LandEval", "Two evaluations"),
     QT_TRANSLATE_NOOP("LandEval", "Optional: the OUTPUT of landeval:twoevaluations; adds parcel counts and areas "
                                   "per quadrant and per class of the ABCD list.")),
    ("ROUNDS", QT_TRANSLATE_NOOP("LandEval", "Round comparison"),
     QT_TRANSLATE_NOOP("LandEval", "Optional: the OUTPUT of landeval:comparerounds; adds the counts of improved / "
                                   "worsened / unchanged / appeared / disappeared parcels, the tier and category "
                                   "transition matrices and the list of parcels that worsened.")),
    ("ZONES", QT_TRANSLATE_NOOP("LandEval", "Zone evaluation"),
     QT_TRANSLATE_NOOP("LandEval", "Optional: the OUTPUT of landeval:aggregatezones with the Table 2 evaluation; "
                                   "adds each zone's index, its rank in its level, the indicators below the "
                                   "district and every indicator's value beside its ratio to the district.")),
    ("ZONE_LEVELS", QT_TRANSLATE_NOOP("LandEval", "District and levels"),
     QT_TRANSLATE_NOOP("LandEval", "Optional, with ZONES: the OUTPUT_LEVELS table of landeval:aggregatezones; adds "
                                   "the district and each level (base, community, block) with their index and "
                                   "indicator values above the zone table.")),
)


class Report(LandEvalAlgorithm):
    NAME = "report"
    DISPLAY = "Evaluation report (HTML)"
    GROUP = "Presentation"
    GROUP_ID = "presentation"
    HELP = ("Writes a self-contained HTML report of an evaluated parcel layer (no internet needed to open it): "
            "the run settings (weight set, its sha256 digest, threshold, tier method, date, QGIS and LandEval "
            "versions), counts and areas by tier, final category, inefficiency type and scale level, a tier map "
            "rendered by QGIS with its legend, a score histogram with the threshold, tier shares by level, the "
            "weakest indicators of inefficient parcels, the list of inefficient parcels with their reasons, and "
            "a data-quality section (parcels without enterprises, missing indicator values). Decision support: "
            "when the layer carries the fields of landeval:suggestpaths (path, path_reason, clearance_zone), counts "
            "and areas per path and per clearance zone and the list of parcels with their path and reason; the "
            "optional SCENARIOS, TWO_EVALUATIONS and ROUNDS inputs add the renewal-scenario comparison, the "
            "quadrant and ABCD-list counts and the change since an earlier round (counts, tier and category "
            "transition matrices, parcels that worsened); ZONES and ZONE_LEVELS (aggregatezones' OUTPUT and "
            "OUTPUT_LEVELS) add the Table 2 evaluation of the zones, the district and its levels. When the layer carries the fields of potentialclasses, persistence or checkcontracts, "
            "counts and areas per potential class, the persistently inefficient parcels and the contract "
            "breaches with their gaps are reported too. A layer from landeval:robustness adds the robustness "
            "section (counts per robust class, distribution of p, contested parcels, threshold sweep; with PRESET "
            "or WEIGHT_SET also the one-at-a-time chart with a spread of 0.2). LANGUAGE: the report in QGIS's "
            "language (default), Chinese, English or both.")
    OUTPUT_HELP = "OUTPUT: the HTML file; MAP: the tier map as PNG when a path is given."
    METHOD_HELP = "Map styles from resources/styles (palette.yaml); labels from the LandEval catalogue and presets."

    def flags(self):
        # Map rendering and layer cloning are safest in the main thread of the desktop.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterVectorLayer("INPUT", tr("Evaluated layer"),
                                              [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("The output of landeval:evaluate (or of classifyparcels): parcels with score, tier, category, …"),
        ))
        self.addParameter(preset_param(optional=True))
        self.addParameter(config_file_param("WEIGHT_SET", "Weight set"))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination("OUTPUT", tr("Report"), "HTML files (*.html)"),
            tr("Where to write the HTML report."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination("MAP", tr("Map image"), "PNG files (*.png)", optional=True,
                                                  createByDefault=False),
            tr("Optional: also save the tier map as a PNG file."),
        ))
        for name, label, help_text in DECISION_INPUTS:
            self.addParameter(with_help(
                QgsProcessingParameterVectorLayer(name, tr(label), [QgsProcessing.SourceType.TypeVector], optional=True), tr(help_text)))
        self.addParameter(report_language_param())
        self.addOutput(QgsProcessingOutputFile("MAP_OUT", tr("Map image")))

    def execute(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None:
            raise LandEvalError("INPUT is not a vector layer LandEval can open.")
        html_path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        map_path = self.parameterAsFileOutput(parameters, "MAP", context) if parameters.get("MAP") else None
        cfg = None
        info = {}
        if parameters.get("PRESET") or parameters.get("WEIGHT_SET"):
            cfg = load_eval_config(self, parameters, context, weights=True)
            info = config_info(cfg)
            info["area_unit"] = area_unit_of(layer)
        extra = {name.lower(): self.parameterAsVectorLayer(parameters, name, context) if parameters.get(name) else None
                 for name, _, _ in DECISION_INPUTS}
        written = write_report(layer, html_path, info, feedback, map_path, cfg, context=context,
                               lang=report_language(self, parameters, context), **extra)
        feedback.pushInfo(tr("Report written to {path}").format(path=html_path))
        return {"OUTPUT": html_path, "MAP_OUT": written["map"] or ""}
