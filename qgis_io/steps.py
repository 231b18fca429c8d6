"""What the single-step algorithms (checkvetoes, scoreparcels, classifyparcels) share: read the attributes a
configuration needs from a layer, run one engine step, write the layer with the step's columns."""
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.inputs import canonical_with_originals
from ..core.pipeline import add_rule_placeholders, run_stages, stage_inputs
from ..core.tables import Note
from ..translation import message_of, tr
from .assemble import recognised_columns
from .layer_io import read_frame
from .results import aliases_for
from .sources import unwrap
from .styling import area_unit_of_fields, finish_output
from .writer import write_output


def read_step_table(source, cfg, feedback, extra=()):
    """(table, fids, warnings) of a single step's input `source` (a feature source or SourceInput): only the
    fields LandEval recognises, the stages may read (core.pipeline.stage_inputs) or `extra` names (a group
    field), canonicalised, with NaN placeholders (and a warning) for rule fields the layer lacks — as
    core.pipeline.run_stages adds them, here for robustness too, which reads the rules' fields itself."""
    names = recognised_columns(unwrap(source)[0], {}, stage_inputs(cfg) + [e for e in extra if e])
    frame, fids = read_frame(source, names, feedback, what=QT_TRANSLATE_NOOP("LandEvalError", "input layer"))
    table, warnings = canonical_with_originals(frame, {})
    add_rule_placeholders(table, cfg, warnings)
    return table, fids, warnings


def run_step(table, cfg, run, stages, feedback):
    """The columns the engine stages `stages` (core.pipeline.STAGE_NAMES) add to `table`, the run's warnings
    pushed to the log."""
    result = run_stages(table, cfg, run, stages)
    push_warnings(feedback, run.warnings)
    return result


def write_step_output(target, context, feedback, source, results, fids, names, kind=None, cfg=None):
    """Write the features of `source` plus `results` (replacing same-named fields) to `target` and style it."""
    unit = area_unit_of_fields(unwrap(source)[0].fields().names())
    dest = write_output(target, context, source, results, fids, feedback, aliases_for(results.columns, unit, cfg))
    finish_output(dest, context, feedback, kind=kind, names=names, cfg=cfg)
    return dest


def push_warnings(feedback, warnings):
    """Each of `warnings` to the log as a warning."""
    for warning in warnings:
        feedback.pushWarning(message_of(warning))


def push_messages(messages, feedback):
    """The run's messages to the log: notes of what was done to the data (units converted, ids compared as
    numbers; core.tables.Note) as information, everything else as warnings."""
    for message in messages:
        if isinstance(message, Note):
            feedback.pushInfo(message_of(message))
        else:
            feedback.pushWarning(message_of(message))


def report_missing(reasons, feedback):
    """One log line per indicator with missing values, with the reasons and how often."""
    for iid, series in reasons.items():
        counts = series.dropna().value_counts()
        if len(counts):
            why = ", ".join(f"{reason}: {n}" for reason, n in counts.items())
            feedback.pushInfo(tr("{indicator}: {count} missing ({reason})").format(indicator=iid, count=int(counts.sum()),
                                                                                 reason=why))
