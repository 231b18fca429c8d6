"""Which result columns an algorithm writes, in what order, with which aliases — and the write itself."""
import pandas as pd

from ..core import labels
from ..core.catalogue import load_catalogue
from ..core.pipeline import RULE_FIELDS, TAIL_FIELDS
from .styling import ALIAS_LANG, finish_output
from .writer import write_output

_HEAD = ("area_m2",)


def result_columns(table, exclude, unit):
    """Columns of `table` to write, in the documented order: areas, enterprise count, raw inputs, spatial
    inputs, indicators, then vetoes, scores, sub-scores and the rule results; anything else last."""
    catalogue = load_catalogue()
    present = [c for c in table.columns if c not in exclude]
    ordered = list(_HEAD) + [f"area_{unit}", "n_enterprises"]
    ordered += [c for c in catalogue.raw if c not in ordered]
    ordered += [c for c in catalogue.indicators if c not in ordered]
    ordered += [c for c in TAIL_FIELDS if c not in ordered]
    ordered += sorted(c for c in present if str(c).startswith("s_"))
    ordered += [c for c in RULE_FIELDS if c not in ordered]
    rank = {c: i for i, c in enumerate(ordered)}
    return sorted(present, key=lambda c: rank.get(c, len(rank)))


def aliases_for(columns, unit, cfg=None, lang=ALIAS_LANG):
    out = {}
    for column in columns:
        alias = labels.field_alias(str(column), lang=lang, area_unit=unit, cfg=cfg)
        if alias:
            out[column] = alias
    return out


def write_results(target, context, feedback, source, assembled, table, unit, names, kind=None, cfg=None):
    """Write the parcels of `source` with the new columns of `table` (one row per assembled parcel) to
    `target` (a SinkTarget, see staging.open_sink)."""
    exclude = set(assembled.source_columns) | {"parcel_id"}
    columns = result_columns(table, exclude, unit)
    # The columns side by side without copying them (table[columns] would copy ~100 columns × 10⁶ rows).
    results = pd.concat([table[c] for c in columns], axis=1, copy=False) if columns else table[columns]
    dest = write_output(target, context, source, results, assembled.fids, feedback, aliases_for(columns, unit, cfg))
    finish_output(dest, context, feedback, kind=kind, names=names, cfg=cfg)
    return dest
