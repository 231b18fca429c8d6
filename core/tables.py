"""Reading the cells of real tables: numbers typed by people ("1,234", "12万", "暂无") and yes/no answers.

Department spreadsheets mix numbers with thousands separators, full-width digits, magnitude suffixes and
placeholders for "no data". These helpers turn a column into floats (NaN = missing) and say, per field, how
many cells were not usable, so the technician can go back to the source instead of trusting a silent zero.
"""
import numpy as np
import pandas as pd

from . import units
from .errors import QT_TRANSLATE_NOOP, Label, LandEvalError, Problem

# Cells that mean "no data" in Chinese statistical tables. They become missing values with a warning.
MISSING_TOKENS = frozenset({
    "", "暂无", "无数据", "不详", "未知", "缺", "—", "——", "-", "--", "/", "\\", "n/a", "na", "#n/a",
    "null", "none", "nan", "...", "…",
})

# Key of DataFrame.attrs a bulk reader (qgis_io/bulk_io.read_delimited) may set: {column: object Series of
# the cells that are not plain numbers, indexed by row position}, for a column it gives as floats with NaN at
# those rows. canonical_table reads them as it reads text cells in the column itself, with the same warnings,
# without the reader keeping a Python object per cell of a million-row table.
TEXT_CELLS = "landeval_text_cells"

# number, optional magnitude (千/万/亿), optional 元, optional %.
_NUMBER_RE = r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(千|万|亿)?(元)?(%)?$"
_MAGNITUDE = {"千": 1.0e3, "万": 1.0e4, "亿": 1.0e8}

YES_WORDS = ("1", "1.0", "true", "t", "y", "yes", "是", "有", "符合", "通过", "已通过")
NO_WORDS = ("0", "0.0", "false", "f", "n", "no", "否", "无", "不符合", "未通过", "不通过")
_YES_NO = {**{w: 1.0 for w in YES_WORDS}, **{w: 0.0 for w in NO_WORDS}}

# Where a column's unit was read from, as a value of the unit notes; a Problem, so that it is translated too.
THE_HEADER = Problem("the header")
# What an area read from a table is called in the negative-value warning.
AREA = Problem("Area")

# Quantities that may be below zero (see _negatives); every other number a table holds may not.
SIGNED = ("net_profit", "value_added")
SIGNED_CHECKED = ("tax",)


class Note(Problem):
    """A line for the log and the report's data-quality section that says what was done to the data (a unit
    converted, ids compared as numbers) rather than what is wrong with it: callers log it as information, and
    the report lists it apart from the warnings. Otherwise it is the message text itself, an English template
    with values as a Problem, translated where it is shown."""


class UnitNote(Note):
    """A Note about units; `columns` = {canonical id: (column, unit stated or None, unit read in, factor to the
    catalogue's unit)} for the columns it is about (core.tables.magnitude_warnings looks them up)."""

    def __new__(cls, template, columns=None, /, **values):
        note = super().__new__(cls, template, **values)
        note.columns = dict(columns or {})
        return note


def _unit_of(field):
    # Late import: the catalogue is only needed when the caller did not say the column's unit.
    from .catalogue import load_catalogue

    return load_catalogue().unit_of(field)


def _clean_text(values):
    """NFKC-normalise (full-width digits and commas become ASCII), strip, drop separators and spaces."""
    text = values.astype(str).str.normalize("NFKC").str.strip()
    return text.str.replace(r"[,\s]", "", regex=True)


def _preview(values, limit=5):
    # .item(): numpy 2 would print np.float64(2.0) where the technician typed 2.
    shown = ", ".join(repr(v.item() if isinstance(v, np.generic) else v) for v in values[:limit])
    return shown + (", …" if len(values) > limit else "")


def _factorize(series):
    """(codes, uniques as an object Series): text columns repeat few values, so work on each once."""
    codes, uniques = pd.factorize(series.astype(object), use_na_sentinel=True)
    return codes, pd.Series(np.asarray(uniques, dtype=object))


def _spread(codes, unique_values, fill=np.nan):
    """Values of the uniques put back on every row (rows with a missing cell get `fill`)."""
    out = np.asarray(unique_values, dtype=float)
    return np.where(codes >= 0, out[np.maximum(codes, 0)] if len(out) else fill, fill)


def to_numeric(series, field, unit=None):
    """Read a column as float ndarray; return `(values, warnings)`.

    `unit` is the unit the column's cells are in; by default the catalogue's unit of `field` (so money fields are
    in 万元); canonical_table passes a unit the header states (元) and converts the result. A magnitude suffix
    is converted into that unit: in a 万元 column "12万" is 12 and "12亿" is 120000, "5000元" is 0.5 (in a 元
    column 120000, 1.2e9 and 5000); elsewhere "1.2万" is 12000. "35%" is 0.35 because ratios are fractions (35
    in a column kept in %). Placeholders
    such as 暂无, —, -, / and empty text become NaN with one warning naming the field and the count; any other
    text becomes NaN with a warning listing up to five of the offending values. Infinite numbers become NaN.
    """
    s = pd.Series(series) if not isinstance(series, pd.Series) else series
    warnings = []
    if pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_numeric_dtype(s.dtype):
        values = s.to_numpy(dtype=float, na_value=np.nan).copy()
    else:
        codes, uniques = _factorize(s)
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        is_text = uniques.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
        parsed = pd.to_numeric(uniques.where(~is_text), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        if is_text.any():
            parsed[is_text] = _parse_text(uniques[is_text], counts[is_text], field, unit, warnings)
        values = _spread(codes, parsed)
    infinite = np.isinf(values)
    if infinite.any():
        values[infinite] = np.nan
        warnings.append(Problem("{field}: {count} infinite value(s) read as missing.", field=field,
                                count=int(infinite.sum())))
    return values, warnings


def _parse_text(text_cells, counts, field, unit, warnings):
    """Numbers of distinct text cells; `counts` (cells per distinct value) only size the warnings."""
    text = _clean_text(text_cells)
    out = np.full(len(text), np.nan)
    placeholder = text.str.lower().isin(MISSING_TOKENS).to_numpy()
    if placeholder.any():
        tokens = sorted(set(text[placeholder]))
        warnings.append(Problem("{field}: {count} cell(s) marked as having no data ({shown}) read as missing.",
                                field=field, count=int(counts[placeholder].sum()), shown=_preview(tokens)))
    parts = text.str.extract(_NUMBER_RE)
    parsed = parts[0].notna().to_numpy()
    if parsed.any():
        number = parts[0].astype(float).to_numpy()
        magnitude = parts[1].map(_MAGNITUDE).fillna(1.0).to_numpy(dtype=float)
        yuan = parts[2].notna().to_numpy()
        percent = parts[3].notna().to_numpy()
        column_unit = _unit_of(field) if unit is None else unit
        scale = magnitude
        yuan_per_unit = units.money_factor(column_unit)
        if yuan_per_unit is not None:
            # A money column (万元, 元, 万元 per 亩, …): a cell with a magnitude or 元 is an amount in 元 —
            # in a 万元 column "12万(元)" is 12, "12亿" is 12 × 10⁴, "5000元" is 0.5 —; a bare number is
            # already in the column's unit.
            scale = np.where((magnitude == 1.0) & ~yuan, 1.0, magnitude / yuan_per_unit)
        # "35%" is the fraction 0.35, which a column kept in % holds as 35.
        per_fraction = units.conversion_factor("fraction", column_unit) or 1.0
        scale = np.where(percent, scale / 100.0 * per_fraction, scale)
        out[parsed] = (number * scale)[parsed]
    bad = ~parsed & ~placeholder
    if bad.any():
        offenders = list(dict.fromkeys(text_cells[bad].astype(str)))
        warnings.append(Problem("{field}: {count} cell(s) are not numbers and were read as missing: {shown}. "
                                "Correct them in the source table.", field=field, count=int(counts[bad].sum()),
                                shown=_preview(offenders)))
    return out


def parse_yes_no(series, field):
    """Read a yes/no column as float ndarray of 1, 0 and NaN (empty or null = missing).

    Accepted, case-insensitive: 1/0, true/false, Y/N, yes/no, 是/否, 有/无, 符合/不符合, 通过/未通过.
    Any other value raises LandEvalError naming the field and up to five offending values.
    """
    s = pd.Series(series) if not isinstance(series, pd.Series) else series
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.to_numpy(dtype=float)
    if pd.api.types.is_numeric_dtype(s.dtype):
        values = s.to_numpy(dtype=float, na_value=np.nan)
        bad = ~np.isnan(values) & ~np.isin(values, (0.0, 1.0))
        if bad.any():
            _raise_yes_no(field, [float(v) for v in pd.unique(values[bad])])
        return values
    codes, uniques = _factorize(s)
    text = _clean_text(uniques.map(lambda v: str(v).lower() if isinstance(v, bool) else v)).str.lower()
    mapped = text.map(_YES_NO).to_numpy(dtype=float, na_value=np.nan)
    bad = np.isnan(mapped) & (text != "").to_numpy()
    if bad.any():
        _raise_yes_no(field, list(uniques[bad].astype(str)))
    return _spread(codes, mapped)


def _raise_yes_no(field, offenders):
    raise LandEvalError(
        "Field {field!r}: {offenders} is not a yes/no answer. Use 是/否, 1/0, Y/N, yes/no, true/false, 有/无, 符合/不符合 "
        "or 通过/未通过 (empty = missing).", field=field, offenders=_preview(list(offenders))
    )


def to_text(series):
    """Categorical cells as stripped, NFKC-normalised strings; empty and null become None."""
    s = pd.Series(series) if not isinstance(series, pd.Series) else series
    codes, uniques = _factorize(s)
    text = uniques.astype(str).str.normalize("NFKC").str.strip()
    text = text.where(text != "", None).to_numpy(dtype=object)
    values = text[np.maximum(codes, 0)] if len(text) else np.full(len(codes), None, dtype=object)
    return pd.Series(np.where(codes >= 0, values, None), index=s.index, dtype=object)


def _signed_ids(catalogue, raw_ids):
    """Raw ids and the indicators computed from them (value added per area, …)."""
    return set(raw_ids) | {iid for iid, e in catalogue.indicators.items() if e.formula.get("num") in raw_ids}


def _negatives(values, fid, column, what, row_labels, catalogue, warnings):
    """A negative quantity that cannot be negative (an area, output, people, energy) is a typing or export
    error: read it as missing with a warning, so it never passes for a very low value. Profit and value added
    may be negative (a loss) and are kept; tax too (VAT credit refunds can exceed the tax paid), with a warning
    because it is rare enough to deserve a look."""
    if fid in _signed_ids(catalogue, SIGNED):
        return values
    negative = values < 0
    if not negative.any():
        return values
    rows = np.flatnonzero(negative)
    # Six at most: _preview shows five and an ellipsis, and a million negative cells must not build a list.
    shown = _preview([f"{row_labels[i]}: {values[i]:g}" if row_labels is not None else f"{values[i]:g}"
                      for i in rows[:6]])
    if fid in _signed_ids(catalogue, SIGNED_CHECKED):
        warnings.append(Problem("{column}: {count} negative value(s) ({shown}) kept as reported; check them in the "
                                "source table unless they are refunds.", column=column, count=len(rows), shown=shown))
        return values
    values = values.copy()
    values[negative] = np.nan
    warnings.append(Problem("{column}: {count} negative value(s) ({shown}) read as missing: {what} cannot be "
                            "negative. Correct them in the source table.", column=column, count=len(rows),
                            shown=shown, what=what))
    return values


def reading_of(fid, entry):
    """How canonical_table reads a recognised column: "number", "yes_no", "text" (categories) or "as_is"."""
    if fid == "area_m2" or entry is None:
        return "number"
    if entry.unit == "yes/no":
        return "yes_no"
    if entry.kind in ("key", "text", "group"):
        return "as_is"
    if entry.kind == "categorical" or entry.direction == "categorical":
        return "text"
    return "number"


def numeric_columns(columns, field_map=None):
    """The columns of a table that canonical_table reads as numbers (a reader may parse those early)."""
    from .catalogue import load_catalogue

    catalogue = load_catalogue()
    resolved = catalogue.resolve_columns(columns, field_map)
    return [column for fid, column in resolved.items() if reading_of(fid, catalogue.get(fid)) == "number"]


def _numbers_with_text_cells(series, text_cells, field, unit):
    """to_numeric of a column whose cells that are not plain numbers were set aside (TEXT_CELLS): the text
    cells are read on their own — same values and warnings as within the column, where the plain numbers
    give no warning — and put back in place."""
    if text_cells is None or not len(text_cells):
        return to_numeric(series, field, unit=unit)
    values = series.to_numpy(dtype=float, na_value=np.nan).copy()
    parsed, warnings = to_numeric(text_cells.reset_index(drop=True), field, unit=unit)
    values[text_cells.index.to_numpy()] = parsed
    return values, warnings


def _target_unit(fid, catalogue):
    """The unit the engine keeps a numeric field in: the catalogue's ("万元", "万元/亩" — per 亩, as
    compute_indicators reads a per-area column —), m² for the parcel area."""
    return "m²" if fid == "area_m2" else catalogue.unit_of(fid)


def _dimension_error(column, stated, fid, target, catalogue, source):
    what = Problem("is kept in {target}", target=target) if target else Problem("has no unit")
    return LandEvalError(
        "Column {column!r}: {source} gives its unit as {stated!r}, but {fid} ({label}) {what}, and {stated} "
        "cannot be converted to that — it measures something else. Correct the unit in {source}, or map the "
        "column to the field it really holds (FIELD_MAP).", column=column, source=source, stated=stated, fid=fid,
        label=catalogue.label(fid), what=what
    )


def read_units(resolved, catalogue, field_map=None):
    """How each numeric column's cells are read: `({column: (unit of its cells, factor to the catalogue's
    unit)}, notes)`. Each header is parsed once, and a whole column is then multiplied by one factor.

    The unit is FIELD_MAP's (`tax: {field: 实缴税金, unit: 元}`), else the header's (税收总额（元）, 税收总额 单位:元),
    else the catalogue's. One UnitNote per converted column names the column, both units and the factor; one
    more lists the columns whose header states no unit (read in the catalogue's unit). A column named by its
    canonical id (tax) is the engine's own and in the catalogue's unit by contract (docs/design.md). A stated
    unit of another kind of quantity (亩 for money) is an error naming the column and the unit.
    """
    from .catalogue import field_units

    map_units = field_units(field_map)
    plan, notes, assumed = {}, [], {}
    for fid, column in resolved.items():
        entry = catalogue.get(fid)
        if fid != "area_m2" and (entry is None or reading_of(fid, entry) != "number"):
            continue
        target = _target_unit(fid, catalogue)
        source = "FIELD_MAP" if fid in map_units else THE_HEADER
        stated = map_units.get(fid) or (None if column == fid else units.header_unit(column))
        if stated is not None and not units.is_unit(stated):
            stated = None  # bracketed words that are no unit: 总产值（现价）, 税收（2023年）
        if stated is None:
            if column != fid and target not in ("", "fraction"):
                assumed[fid] = column
            continue
        factor = units.conversion_factor(stated, target)
        if factor is None:
            raise _dimension_error(column, stated, fid, target, catalogue, source)
        plan[column] = (stated, factor)
        if units.unit_key(stated) != units.unit_key(target):
            notes.append(UnitNote(
                QT_TRANSLATE_NOOP("LandEvalError", "{column}: in {stated} (as {source} says), converted to "
                                                   "{target} (× {factor}) for {label} ({fid})."),
                {fid: (column, stated, stated, factor)}, column=column, stated=stated, source=source,
                target=target, factor=f"{factor:.10g}", label=catalogue.label(fid), fid=fid))
    if assumed:
        listed = ", ".join(f"{column} {_target_unit(fid, catalogue)}" for fid, column in assumed.items())
        notes.append(UnitNote(
            QT_TRANSLATE_NOOP("LandEvalError", "No unit in the header of {count} column(s), so read in the "
                                               "catalogue's unit: {listed}. If a column is in another unit, "
                                               "write it in the header (税收总额（元）) or in FIELD_MAP."),
            {fid: (column, None, _target_unit(fid, catalogue), 1.0) for fid, column in assumed.items()},
            count=len(assumed), listed=listed))
    return plan, notes


def canonical_table(df, field_map=None):
    """Rename recognised columns to canonical ids and parse them; return `(frame, warnings)`.

    Columns are recognised by core.catalogue (field_map first, then exact ids, then header aliases). A unit the
    header or field_map states is converted to the catalogue's (read_units; its notes come first among the
    warnings, as UnitNote lines). Numbers go through to_numeric, yes/no fields through parse_yes_no (an
    unreadable answer is an error), categories through to_text; keys and text are left as they are. Unrecognised columns are kept under their own names.
    A frame that is already canonical passes through unchanged.
    """
    from .catalogue import load_catalogue

    catalogue = load_catalogue()
    resolved = catalogue.resolve_columns(df.columns, field_map)
    by_column = {column: fid for fid, column in resolved.items()}
    read_in, warnings = read_units(resolved, catalogue, field_map)
    data = {}
    text_cells = df.attrs.get(TEXT_CELLS, {})
    key_column = resolved.get("enterprise_id") or resolved.get("parcel_id")
    row_labels = df[key_column].astype(str).to_numpy() if key_column else None
    for column in df.columns:
        fid = by_column.get(str(column))
        if fid is None:
            data[column] = df[column].copy()
            continue
        entry = catalogue.get(fid)
        series = df[column]
        how = reading_of(fid, entry)
        unit, factor = read_in.get(column, (None, 1.0))
        if fid == "area_m2" or entry is None:
            values, found = _numbers_with_text_cells(series, text_cells.get(column), fid, unit or "m²")
            warnings += found
            values = _negatives(values * factor if factor != 1.0 else values, fid, column, AREA, row_labels,
                                catalogue, warnings)
        elif how == "yes_no":
            values = parse_yes_no(series, column)
        elif how == "as_is":
            values = series
        elif how == "text":
            values = to_text(series)
        else:
            values, found = _numbers_with_text_cells(series, text_cells.get(column), column, unit or entry.unit)
            warnings += found
            if factor != 1.0:
                values = values * factor
            values = _negatives(values, fid, column, Label(entry.en, zh=entry.zh), row_labels, catalogue, warnings)
        data[fid] = _column_of_its_own(values, series, df.index)
    # copy=False: the columns are taken as they are. Gathering them into one 2-D block per dtype (the default)
    # copied the whole table, holding both: +1.3 GB and 2 s for 10⁶ firms.
    return pd.DataFrame(data, index=df.index, copy=False), warnings


def _column_of_its_own(values, series, index):
    """`values` (the reading of the input column `series`) as a Series on `index` sharing no memory with
    `series`: the table canonical_table returns is the caller's to change, never a view of its input."""
    values = values if isinstance(values, pd.Series) else pd.Series(values, index=index, copy=False)
    if values is series or np.may_share_memory(values.to_numpy(), series.to_numpy()):
        values = values.copy()
    return values


def join_labels(index, labels, sep=";"):
    """Row-wise ';'-join of labels picked by a parcels × k matrix of positions into `labels` (−1 = none).

    Rows repeat few combinations (failed vetoes, type flags, weakest indicators), so each distinct combination
    is joined once and spread back instead of concatenating Python strings on every row:
    join_labels([[0, 1], [-1, 1], [-1, -1]], ["a", "b"]) → ["a;b", "b", ""].
    """
    index = np.asarray(index, dtype=np.int64)
    index = index[:, np.newaxis] if index.ndim == 1 else index
    if index.shape[1] == 0:
        return np.full(len(index), "", dtype=object)
    radix = len(labels) + 1
    if radix ** index.shape[1] >= 2 ** 62:
        rows, combos = np.arange(len(index)), index
    else:
        code = np.zeros(len(index), dtype=np.int64)
        for j in range(index.shape[1]):
            code = code * radix + (index[:, j] + 1)
        rows, uniques = pd.factorize(code)
        first = np.zeros(len(uniques), dtype=np.int64)
        first[rows[::-1]] = np.arange(len(index) - 1, -1, -1)  # a row holding each combination
        combos = index[first]
    texts = np.array([sep.join(labels[i] for i in combo if i >= 0) for combo in combos] + [""], dtype=object)
    return texts[rows] if len(index) else texts[:0]


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power_of_ten(ratio):
    """"10⁴" for a ratio of about 10 000 (to the nearest power)."""
    return "10" + str(int(round(np.log10(ratio)))).translate(_SUPERSCRIPT)


def _plausible_in(entry, area_unit):
    """An entry's plausible median range in the unit of the table: ranges per 亩 scaled to `area_unit`."""
    low, high = entry.plausible
    scale = units.M2_PER_UNIT[area_unit] / units.M2_PER_UNIT["mu"] if "{area}" in entry.unit else 1.0
    return low * scale, high * scale


def _mixups(entry, catalogue, read_as, median, low, high):
    """Unit mix-ups in the indicator's inputs that would bring `median` into [low, high]: (input id, column,
    true unit, unit read in, factor), best first (the corrected median nearest the range's middle)."""
    middle = np.sqrt(low * high) if low > 0 else high / 10.0
    found = []
    for power, term in ((1, entry.inputs[0]), (-1, entry.inputs[-1] if len(entry.inputs) > 1 else None)):
        raw = catalogue.raw.get(term) if term else None
        if raw is None:
            continue
        column, unit = read_as.get(term, (catalogue.label(term), raw.unit))
        for family, factor in units.simple_factors(unit):
            for spelling, other in units.UNIT_FAMILIES[family].items():
                effect = (factor / other) ** power
                corrected = median / effect
                if other != factor and low <= corrected <= high:
                    found.append((abs(np.log10(corrected / middle)), term, column, spelling, unit, effect))
    return [f[1:] for f in sorted(found, key=lambda f: f[0])]



def _magnitude_problem(above, too_large, values):
    """The warning of a median outside the plausible range (`above` it or below), with the unit mix-up that would
    explain it when `too_large` is not None. Whole sentences, one literal per case, so that each is translated
    as one."""
    if too_large is None:
        if above:
            return Problem("{label} ({fid}): the median, {median}, is {ratio} times above the plausible range "
                           "({range}). Check the units of its input columns.", **values)
        return Problem("{label} ({fid}): the median, {median}, is {ratio} times below the plausible range "
                       "({range}). Check the units of its input columns.", **values)
    if above and too_large:
        return Problem(
            "{label} ({fid}): the median, {median}, is {ratio} times above the plausible range ({range}). A unit "
            "mix-up would explain it: {column} ({term}) holding values in {true_unit} but read as {read_unit} makes "
            "{fid} {power} times too large. Check that column; if so, write the right unit in its header "
            "({header}) or in FIELD_MAP ({term}: {{field: …, unit: {true_unit}}}).", **values)
    if above:
        return Problem(
            "{label} ({fid}): the median, {median}, is {ratio} times above the plausible range ({range}). A unit "
            "mix-up would explain it: {column} ({term}) holding values in {true_unit} but read as {read_unit} makes "
            "{fid} {power} times too small. Check that column; if so, write the right unit in its header "
            "({header}) or in FIELD_MAP ({term}: {{field: …, unit: {true_unit}}}).", **values)
    if too_large:
        return Problem(
            "{label} ({fid}): the median, {median}, is {ratio} times below the plausible range ({range}). A unit "
            "mix-up would explain it: {column} ({term}) holding values in {true_unit} but read as {read_unit} makes "
            "{fid} {power} times too large. Check that column; if so, write the right unit in its header "
            "({header}) or in FIELD_MAP ({term}: {{field: …, unit: {true_unit}}}).", **values)
    return Problem(
        "{label} ({fid}): the median, {median}, is {ratio} times below the plausible range ({range}). A unit "
        "mix-up would explain it: {column} ({term}) holding values in {true_unit} but read as {read_unit} makes "
        "{fid} {power} times too small. Check that column; if so, write the right unit in its header "
        "({header}) or in FIELD_MAP ({term}: {{field: …, unit: {true_unit}}}).", **values)

def magnitude_warnings(table, area_unit="mu", notes=()):
    """A warning for each catalogue column of `table` whose median lies outside the catalogue's plausible
    range, naming the unit mix-up that would explain it (values in 元 read as 万元: 10⁴ too large; a 万元
    column declared in 元: 10⁴ too small; a share in % read as a fraction: 10² too large) when one does.

    notes: the UnitNotes of the run (core.tables.read_units), which say what column and unit each input was
    read from; without them the catalogue's ids and units are named. One median per column (vectorised).
    """
    from .catalogue import load_catalogue

    catalogue = load_catalogue()
    read_as = {}
    for note in notes:
        for fid, (column, _, unit, _) in getattr(note, "columns", {}).items():
            read_as[fid] = (column, unit)
    warnings = []
    for fid in table.columns:
        entry = catalogue.get(fid) if isinstance(fid, str) else None
        if entry is None or not entry.plausible or not pd.api.types.is_numeric_dtype(table[fid].dtype):
            continue
        values = table[fid].to_numpy(dtype=float, na_value=np.nan)
        values = values[np.isfinite(values)]
        if not len(values):
            continue
        median = float(np.median(values))
        low, high = _plausible_in(entry, area_unit)
        if low <= median <= high or (median < low and median <= 0):
            continue
        unit = catalogue.unit_of(fid, area_unit)
        unit = "" if unit == "fraction" else " " + unit
        # Whole sentences per case (above/below, too large/small), so that each is translated as one.
        above = median > high
        ratio = median / high if above else low / median
        values = {"label": catalogue.label(fid), "fid": fid, "median": f"{median:,.6g}{unit}",
                  "ratio": f"{ratio:,.3g}", "range": f"{low:g}–{high:g}{unit}"}
        found = _mixups(entry, catalogue, read_as, median, low, high)
        if found:
            term, column, true_unit, read_unit, effect = found[0]
            big = effect if effect > 1 else 1.0 / effect
            values.update(column=column, term=term, true_unit=true_unit, read_unit=read_unit,
                          power=_power_of_ten(big), header=units.with_unit(column, true_unit))
        warnings.append(_magnitude_problem(above, (effect > 1) if found else None, values))
    return warnings
