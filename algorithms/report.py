"""The HTML evaluation report: `write_report` (what landeval:evaluate calls with REPORT) and the
`landeval:report` algorithm for a layer evaluated earlier."""
import configparser
import os

import pandas as pd
from qgis.core import (
    Qgis,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingOutputFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core import report_capabilities, report_decision, report_html, report_robustness
from ..core import robustness as core_robustness
from ..core.catalogue import load_catalogue
from ..core.errors import LandEvalError
from .base import LandEvalAlgorithm
from .layer_io import measure_areas, read_features, read_frame
from .params import config_file_param, load_eval_config, preset_param, with_help
from .report_map import render_map
from .styling import area_unit_of

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
# What the report reads from the layer: the output fields of docs/design.md; every indicator too, for the
# missing-value table of a layer reported on its own.
REPORT_FIELDS = ("area_m2", "score", "score_rank", "tier", "category", "ineff_type", "ineff_flags", "level",
                 "inefficient", "review", "veto_failed", "veto_reasons", "veto_unknown", "needs_verification",
                 "weakest", "missing_count", "n_enterprises")
# The fields of the decision-support outputs (suggestpaths, twoevaluations, comparerounds) the report reads.
DECISION_FIELDS = ("path", "path_reason", "clearance_zone", "quadrant", "disposal", "abcd_list", "value_score",
                   "change", "tier_old", "tier_new", "tier_steps", "category_old", "category_new", "score_old",
                   "score_new", "score_change",
                   # landeval:potentialclasses, persistence and checkcontracts
                   "potential", "land_stage", "persistent", "flagged_rounds", "streak", "history", "contract_stage",
                   "contract_breach", "contract_shortfalls", "contract_unverified", "gap_investment",
                   "gap_plot_ratio", "gap_output", "gap_tax", "gap_completion_days")
# The fields of landeval:robustness's output the report reads.
ROBUSTNESS_FIELDS = core_robustness.OUTPUT_FIELDS
# Coded decision fields whose value maps (stored with the outputs) label ids of a custom rule file.
CODED_FIELDS = ("path", "clearance_zone", "quadrant", "change")


# Optional inputs of landeval:report, each adding its decision-support section (name lower-cased = the
# write_report argument).
DECISION_INPUTS = (
    ("SCENARIOS", "Renewal scenario comparison / 更新情景比较表",
     "Optional: the OUTPUT_TABLE of landeval:renewalscenarios; adds the comparison of the three patterns (parcels "
     "moved, vacated land, costs, freed quota, output and tax per unit of land)."),
    ("TWO_EVALUATIONS", "Two evaluations / 两评估结果",
     "Optional: the OUTPUT of landeval:twoevaluations; adds parcel counts and areas per quadrant and per class of "
     "the ABCD list."),
    ("ROUNDS", "Round comparison / 轮次对比",
     "Optional: the OUTPUT of landeval:comparerounds; adds the counts of improved / worsened / unchanged / appeared "
     "/ disappeared parcels, the tier and category transition matrices and the list of parcels that worsened."),
    ("ZONES", "Zone evaluation / 分区评价",
     "Optional: the OUTPUT of landeval:aggregatezones with the Table 2 evaluation; adds each zone's index, its rank "
     "in its level, the indicators below the district and every indicator's value beside its ratio to the "
     "district."),
    ("ZONE_LEVELS", "District and levels / 全域与层级汇总",
     "Optional, with ZONES: the OUTPUT_LEVELS table of landeval:aggregatezones; adds the district and each level "
     "(base, community, block) with their index and indicator values above the zone table."),
)


def plugin_version():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8")
    return parser.get("general", "version", fallback="")


def report_frame(layer, feedback=None, what="evaluated layer"):
    """The layer's report fields as a DataFrame; the parcel id and town columns (found by their catalogue
    aliases, e.g. 宗地编号 / 街镇) renamed parcel_id / town."""
    frame, _ = _report_frame(layer, feedback, what)
    return frame


def _report_frame(layer, feedback, what):
    catalogue = load_catalogue()
    names = layer.fields().names()
    unit_field = f"area_{area_unit_of(layer)}"
    wanted = [n for n in names if n in REPORT_FIELDS or n in DECISION_FIELDS or n in ROBUSTNESS_FIELDS
              or n == unit_field or n in catalogue.indicators]
    keys = {}
    for name in names:
        fid = catalogue.canonical_id(name)
        if fid in ("parcel_id", "town") and fid not in keys:
            keys[fid] = name
    frame, fids = read_frame(layer, wanted + [n for n in keys.values() if n not in wanted], feedback, what)
    return frame.rename(columns={name: fid for fid, name in keys.items() if name != fid}), fids


def decision_frame(layer, context, feedback=None, what="layer"):
    """A decision-support output as report_frame reads it, with area_m2 measured from the geometry when the
    layer carries no area field (comparerounds' output has none)."""
    frame, fids = _report_frame(layer, feedback, what)
    has_area = "area_m2" in frame or any(c.startswith("area_") for c in frame.columns)
    if not has_area and QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry:
        read = read_features(layer, [], geometry=True, feedback=feedback, what=what)
        measured = pd.Series(measure_areas(read.geometries, layer.crs(), context, feedback).area_m2, index=read.fids)
        frame["area_m2"] = measured.reindex(fids).to_numpy()
    return frame


def with_stored_style(layer):
    """[`layer`, the same source opened afresh with the style stored in its file] — Processing opens a path
    without its default style, so the aliases and value maps saved with an output are on the second only.
    The caller's own settings come first; a layer whose source cannot be reopened gives [layer]."""
    if layer is None:
        return []
    twin = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    return [layer, twin] if twin.isValid() else [layer]


def value_maps(layers, fields=CODED_FIELDS):
    """{field: {id: text}} from the ValueMap widgets of `fields` on the given layers (None entries skipped;
    an earlier layer's text wins): the labels the decision algorithms stored with their outputs, custom rule
    files included."""
    out = {}
    for layer in reversed([item for layer in layers for item in with_stored_style(layer)]):
        for field in fields:
            idx = layer.fields().lookupField(field)
            setup = layer.editorWidgetSetup(idx) if idx >= 0 else None
            if setup is None or setup.type() != "ValueMap":
                continue
            entries = setup.config().get("map") or []
            pairs = entries.items() if isinstance(entries, dict) else [kv for e in entries for kv in e.items()]
            out.setdefault(field, {}).update({str(code): str(text) for text, code in pairs})
    return out


def table_frame(layer, feedback=None, what="table"):
    """(every field of a table layer as a DataFrame, {field: alias} of the fields that have one)."""
    frame, _ = read_frame(layer, None, feedback, what)
    aliases = {}
    for source in reversed(with_stored_style(layer)):
        aliases.update({field.name(): source.attributeAlias(i) for i, field in enumerate(source.fields())
                        if source.attributeAlias(i)})
    return frame, aliases


def config_info(cfg):
    """The run-settings part of run_info described by a configuration."""
    label = cfg.data.get("label")
    tiers = cfg.tiers
    return {
        "preset": cfg.name,
        "label": label.get("zh") if isinstance(label, dict) else label,
        "digest": cfg.digest(),
        "threshold": cfg.threshold,
        "review_band": cfg.review_band,
        "identification": cfg.identification,
        "veto_unknown": cfg.veto_unknown,
        "tier_method": tiers.method if tiers else None,
        # Jenks breaks are a class count, the other methods' a list.
        "tier_breaks": (list(tiers.breaks) if isinstance(tiers.breaks, (list, tuple)) else tiers.breaks)
        if tiers else None,
        "area_unit": cfg.area_unit,
    }


def write_report(layer, html_path, run_info, feedback=None, map_path=None, cfg=None, kind="tier", scenarios=None,
                 two_evaluations=None, rounds=None, context=None, zones=None, zone_levels=None, robustness=None):
    """Write the self-contained HTML report of an evaluated `layer` to `html_path`.

    run_info: preset (weight-set name), label, digest, threshold, review_band, tier_method, tier_breaks,
    area_unit, warnings (list), quality (dict: the engine's quality plus unmatched_enterprises and
    repaired_geometries), elapsed_s. `map_path`: also save the map PNG there. `cfg`: the EvalConfig, for rule
    labels of a custom rule set. Decision support: path and clearance-zone sections come from `layer`'s own
    fields (suggestpaths output); `scenarios` (renewalscenarios' comparison table), `two_evaluations`
    (twoevaluations output), `rounds` (comparerounds output), `zones` and `zone_levels` (aggregatezones' OUTPUT
    and OUTPUT_LEVELS) are layers
    adding their sections when given; potential classes, persistence and contract compliance are reported when
    `layer` carries the fields of potentialclasses, persistence or checkcontracts.
    Robustness: a layer with landeval:robustness's fields gets its section; `robustness` ({"settings": …,
    "tornado": …}, see core.report_robustness) adds the run's settings and the one-at-a-time chart, which is
    otherwise computed from the layer when `cfg` is given.
    Returns {"html": html_path, "map": map_path or None}.
    """
    if layer is None or not layer.isValid():
        raise LandEvalError("The report needs a valid evaluated layer.")
    frame = report_frame(layer, feedback)
    if "score" not in frame and "tier" not in frame:
        raise LandEvalError(f"Layer {layer.name()!r} has neither 'score' nor 'tier': run landeval:evaluate (or "
                            "scoreparcels and classifyparcels) first, then report on its output.")
    info = dict(run_info or {})
    info.setdefault("area_unit", area_unit_of(layer))
    info.update(layer=layer.name(), qgis_version=Qgis.QGIS_VERSION, plugin_version=plugin_version())
    style = kind if kind in frame else ("score" if "score" in frame else None)
    png = None
    if style:
        if feedback is not None:
            feedback.pushInfo(f"Rendering the {style} map…")
        png = render_map(layer, style)
    sections = _decision_sections(layer, frame, info["area_unit"], scenarios, two_evaluations, rounds, cfg, context,
                                  feedback, zones, zone_levels)
    sections += report_robustness.robustness_sections(frame, info["area_unit"],
                                                      _robustness_extra(frame, cfg, robustness, feedback))
    page = report_html.build_report(frame, info, png, cfg, sections)
    try:
        folder = os.path.dirname(os.path.abspath(html_path))
        os.makedirs(folder, exist_ok=True)
        with open(html_path, "w", encoding="utf-8") as fh:
            fh.write(page)
        if map_path and png:
            with open(map_path, "wb") as fh:
                fh.write(png)
    except OSError as err:
        raise LandEvalError(f"Cannot write the report {err.filename}: {err.strerror}. Choose a folder you can "
                            "write to.") from None
    return {"html": html_path, "map": map_path if png else None}


def _decision_sections(layer, frame, unit, scenarios, two_evaluations, rounds, cfg, context, feedback, zones=None,
                       zone_levels=None):
    context = context or QgsProcessingContext()
    table, aliases = table_frame(scenarios, feedback, "scenario table") if scenarios is not None else (None, None)
    if table is not None and "pattern" not in table:
        raise LandEvalError(f"Layer {scenarios.name()!r} is not a renewal-scenario comparison table (no field "
                            "'pattern'): give the OUTPUT_TABLE of landeval:renewalscenarios.")
    two = (decision_frame(two_evaluations, context, feedback, "two-evaluations layer")
           if two_evaluations is not None else None)
    if two is not None and "quadrant" not in two:
        raise LandEvalError(f"Layer {two_evaluations.name()!r} has no field 'quadrant': give the OUTPUT of "
                            "landeval:twoevaluations.")
    changes = decision_frame(rounds, context, feedback, "round comparison") if rounds is not None else None
    if changes is not None and "change" not in changes:
        raise LandEvalError(f"Layer {rounds.name()!r} has no field 'change': give the OUTPUT of "
                            "landeval:comparerounds.")
    zone_table, zone_aliases = table_frame(zones, feedback, "zone summary") if zones is not None else (None, None)
    levels = table_frame(zone_levels, feedback, "district and levels")[0] if zone_levels is not None else None
    if levels is not None and "row" not in levels:
        raise LandEvalError(f"Layer {zone_levels.name()!r} has no field 'row': give the OUTPUT_LEVELS of "
                            "landeval:aggregatezones.")
    if zone_table is not None and "t2_score" not in zone_table:
        raise LandEvalError(f"Layer {zones.name()!r} has no field 't2_score': give the OUTPUT of "
                            "landeval:aggregatezones run on a layer with the Table 2 inputs.")
    return (report_decision.decision_sections(frame, unit, table, aliases, two, changes,
                                              value_maps([layer, two_evaluations, rounds]), cfg) +
            report_capabilities.capability_sections(frame, unit, zone_table, zone_aliases, levels))


def _robustness_extra(frame, cfg, given, feedback):
    """What the robustness section needs besides the layer: `given`, or else the one-at-a-time chart with the
    default spread when the layer has robustness fields and a weight set is known."""
    if given is not None or "p_inefficient" not in frame or cfg is None:
        return given
    try:
        return {"tornado": core_robustness.one_at_a_time(frame, cfg),
                "settings": {"spread": 0.2, "threshold": cfg.threshold}}
    except LandEvalError as err:
        if feedback is not None:
            feedback.pushWarning(f"Robustness section without the one-at-a-time chart: {err}")
        return None


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
            "or WEIGHT_SET also the one-at-a-time chart with a spread of 0.2). Headings are in Chinese and English.")
    OUTPUT_HELP = "OUTPUT: the HTML file; MAP: the tier map as PNG when a path is given."
    METHOD_HELP = "Map styles from resources/styles (palette.yaml); labels from the LandEval catalogue and presets."

    def flags(self):
        # Map rendering and layer cloning are safest in the main thread of the desktop.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterVectorLayer("INPUT", "Evaluated layer / 评价结果图层",
                                              [QgsProcessing.SourceType.TypeVectorPolygon]),
            "The output of landeval:evaluate (or of classifyparcels): parcels with score, tier, category, …",
        ))
        self.addParameter(preset_param(optional=True))
        self.addParameter(config_file_param("WEIGHT_SET", "Weight set"))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination("OUTPUT", "Report / 报告", "HTML files (*.html)"),
            "Where to write the HTML report.",
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination("MAP", "Map image / 地图图片", "PNG files (*.png)", optional=True,
                                                  createByDefault=False),
            "Optional: also save the tier map as a PNG file.",
        ))
        for name, label, help_text in DECISION_INPUTS:
            self.addParameter(with_help(
                QgsProcessingParameterVectorLayer(name, label, [QgsProcessing.SourceType.TypeVector], optional=True), help_text))
        self.addOutput(QgsProcessingOutputFile("MAP_OUT", "Map image / 地图图片"))

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
        written = write_report(layer, html_path, info, feedback, map_path, cfg, context=context, **extra)
        feedback.pushInfo(f"Report written to {html_path}")
        return {"OUTPUT": html_path, "MAP_OUT": written["map"] or ""}
