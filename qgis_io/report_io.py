"""The HTML evaluation report of an evaluated layer: `write_report` (what landeval:evaluate, landeval:report
and landeval:robustness call), the fields it reads and the run settings it shows."""
import configparser
import os

import pandas as pd
from qgis.core import (
    Qgis,
    QgsProcessingContext,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core import report_capabilities, report_decision, report_html, report_robustness, robustness as core_robustness
from ..core.catalogue import load_catalogue
from ..core.errors import LandEvalError, Problem
from ..core.tables import Note
from ..translation import message_of, output_language, tr
from .layer_io import measure_areas, read_features, read_frame
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
        "label": label,  # {zh, en} or text: the report shows it in its language
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


def messages_in(messages, lang):
    """The run's messages as the report writes them: in `lang` ("zh", "en"; "bilingual": the Chinese, then the
    English after a slash), whatever QGIS's language, each keeping its kind (a Note stays a Note, listed
    apart by the report)."""
    def text(message):
        if lang != "bilingual":
            return message_of(message, lang)
        zh, en = message_of(message, "zh"), message_of(message, "en")
        return zh if zh == en else f"{zh} / {en}"

    return [(Note if isinstance(m, Note) else Problem)(text(m)) for m in messages]


def write_report(layer, html_path, run_info, feedback=None, map_path=None, cfg=None, kind="tier", scenarios=None,
                 two_evaluations=None, rounds=None, context=None, zones=None, zone_levels=None, robustness=None,
                 lang="auto"):
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
    lang: "zh", "en", "bilingual" or "auto" (QGIS's language at the time of the run): the language of every
    heading, text and label of the page and of the map's legend.
    Returns {"html": html_path, "map": map_path or None}.
    """
    lang = output_language() if lang in (None, "auto") else lang
    if layer is None or not layer.isValid():
        raise LandEvalError("The report needs a valid evaluated layer.")
    frame = report_frame(layer, feedback)
    if "score" not in frame and "tier" not in frame:
        raise LandEvalError("Layer {layer!r} has neither 'score' nor 'tier': run landeval:evaluate (or "
                            "scoreparcels and classifyparcels) first, then report on its output.", layer=layer.name())
    info = dict(run_info or {})
    info["warnings"] = messages_in(info.get("warnings") or [], lang)
    info.setdefault("area_unit", area_unit_of(layer))
    info.update(layer=layer.name(), qgis_version=Qgis.QGIS_VERSION, plugin_version=plugin_version())
    style = kind if kind in frame else ("score" if "score" in frame else None)
    png = None
    if style:
        if feedback is not None:
            feedback.pushInfo(tr("Rendering the {style} map…").format(style=style))
        png = render_map(layer, style, lang=lang)
    with report_html.language(lang):
        sections = _decision_sections(layer, frame, info["area_unit"], scenarios, two_evaluations, rounds, cfg,
                                      context, feedback, zones, zone_levels)
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
        raise LandEvalError("Cannot write the report {filename}: {reason}. Choose a folder you can "
                            "write to.", filename=err.filename, reason=err.strerror) from None
    return {"html": html_path, "map": map_path if png else None}


def _decision_sections(layer, frame, unit, scenarios, two_evaluations, rounds, cfg, context, feedback, zones=None,
                       zone_levels=None):
    context = context or QgsProcessingContext()
    table, aliases = table_frame(scenarios, feedback, "scenario table") if scenarios is not None else (None, None)
    if table is not None and "pattern" not in table:
        raise LandEvalError("Layer {scenarios!r} is not a renewal-scenario comparison table (no field "
                            "'pattern'): give the OUTPUT_TABLE of landeval:renewalscenarios.",
                            scenarios=scenarios.name())
    two = (decision_frame(two_evaluations, context, feedback, "two-evaluations layer")
           if two_evaluations is not None else None)
    if two is not None and "quadrant" not in two:
        raise LandEvalError("Layer {two_evaluations!r} has no field 'quadrant': give the OUTPUT of "
                            "landeval:twoevaluations.", two_evaluations=two_evaluations.name())
    changes = decision_frame(rounds, context, feedback, "round comparison") if rounds is not None else None
    if changes is not None and "change" not in changes:
        raise LandEvalError("Layer {rounds!r} has no field 'change': give the OUTPUT of "
                            "landeval:comparerounds.", rounds=rounds.name())
    zone_table, zone_aliases = table_frame(zones, feedback, "zone summary") if zones is not None else (None, None)
    levels = table_frame(zone_levels, feedback, "district and levels")[0] if zone_levels is not None else None
    if levels is not None and "row" not in levels:
        raise LandEvalError("Layer {zone_levels!r} has no field 'row': give the OUTPUT_LEVELS of "
                            "landeval:aggregatezones.", zone_levels=zone_levels.name())
    if zone_table is not None and "t2_score" not in zone_table:
        raise LandEvalError("Layer {zones!r} has no field 't2_score': give the OUTPUT of "
                            "landeval:aggregatezones run on a layer with the Table 2 inputs.", zones=zones.name())
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
            feedback.pushWarning(tr("Robustness section without the one-at-a-time chart: {error}").format(error=err))
        return None
