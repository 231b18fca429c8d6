"""Which result columns an algorithm writes, in what order, with which aliases — and the write itself."""
import pandas as pd

from ..core import labels
from ..core.pipeline import output_columns
from ..translation import output_language
from .styling import finish_output
from .writer import write_output


def aliases_for(columns, unit, cfg=None, lang=None):
    """{column: alias in `lang` (default: the run's language)} of the columns that have one
    (core.labels.field_alias)."""
    lang = lang or output_language()
    out = {}
    for column in columns:
        alias = labels.field_alias(str(column), lang=lang, area_unit=unit, cfg=cfg)
        if alias:
            out[column] = alias
    return out


def write_results(target, context, feedback, source, assembled, table, unit, names, kind=None, cfg=None, drop=()):
    """Write the parcels of `source` with the new columns of `table` (one row per assembled parcel), but
    `drop`, to `target` (a SinkTarget, see staging.open_sink)."""
    exclude = set(assembled.source_columns) | {"parcel_id"} | set(drop)
    columns = output_columns(table.columns, unit, exclude)
    # The columns side by side without copying them (table[columns] would copy ~100 columns × 10⁶ rows).
    results = pd.concat([table[c] for c in columns], axis=1, copy=False) if columns else table[columns]
    dest = write_output(target, context, source, results, assembled.fids, feedback, aliases_for(columns, unit, cfg))
    finish_output(dest, context, feedback, kind=kind, names=names, cfg=cfg)
    return dest
