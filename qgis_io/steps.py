"""What the single-step algorithms (checkvetoes, scoreparcels, classifyparcels) share: read the attributes a
configuration needs from a layer, run one engine step, write the layer with the step's columns."""
from ..core.conditions import fields_of
from ..core.inputs import canonical_with_originals
from ..core.pipeline import RULE_FIELDS, TAIL_FIELDS, add_rule_placeholders, rule_conditions
from ..core.tables import Note
from .assemble import recognised_columns
from .layer_io import read_frame
from .results import aliases_for
from .sources import unwrap
from .styling import area_unit_of_fields, finish_output
from .writer import write_output


def config_fields(cfg, extra=()):
    """Every column name a configuration reads: indicator fields, group fields, rule condition fields."""
    names = list(extra)
    for _, spec in cfg.indicators():
        names += [spec.field, spec.id, spec.group_by]
    names.append(cfg.group_by)
    for _, cond in rule_conditions(cfg):
        names += fields_of(cond)
    return [n for n in dict.fromkeys(names) if n]


def read_step_table(source, cfg, feedback, extra=()):
    """(table, fids, warnings) of a single step's input `source` (a feature source or SourceInput): only the
    fields LandEval recognises or `cfg` reads, canonicalised, with NaN placeholders (and a warning) for rule
    fields the layer lacks — as landeval:evaluate does."""
    wanted = config_fields(cfg, list(TAIL_FIELDS) + list(RULE_FIELDS) + list(extra))
    names = recognised_columns(unwrap(source)[0], {}, wanted)
    frame, fids = read_frame(source, names, feedback, what="input layer")
    table, warnings = canonical_with_originals(frame, {})
    add_rule_placeholders(table, cfg, warnings)
    return table, fids, warnings


def write_step_output(target, context, feedback, source, results, fids, names, kind=None, cfg=None):
    """Write the features of `source` plus `results` (replacing same-named fields) to `target` and style it."""
    unit = area_unit_of_fields(unwrap(source)[0].fields().names())
    dest = write_output(target, context, source, results, fids, feedback, aliases_for(results.columns, unit, cfg))
    finish_output(dest, context, feedback, kind=kind, names=names, cfg=cfg)
    return dest


def push_warnings(feedback, warnings):
    for warning in warnings:
        feedback.pushWarning(warning)


def push_messages(messages, feedback):
    """The run's messages to the log: notes of what was done to the data (units converted, ids compared as
    numbers; core.tables.Note) as information, everything else as warnings."""
    for message in messages:
        if isinstance(message, Note):
            feedback.pushInfo(message)
        else:
            feedback.pushWarning(message)


def report_missing(reasons, feedback):
    """One log line per indicator with missing values, with the reasons and how often."""
    for iid, series in reasons.items():
        counts = series.dropna().value_counts()
        if len(counts):
            why = ", ".join(f"{reason}: {n}" for reason, n in counts.items())
            feedback.pushInfo(f"{iid}: {int(counts.sum())} missing ({why})")
