"""The condition mini-language of rule sets (design.md "Conditions"), validated and evaluated on whole columns.

    {field: f, op: "<", value: 0.5}             comparison with a number (== and != also take text)
    {field: f, op: "<", benchmark: 30}           comparison with a fixed benchmark
    {field: f, op: "<", benchmark: {stat: mean, group_by: industry_code}}   with a statistic of the data
    {field: f, op: "<", benchmark: {stat: median, group_by: [level, industry_code]}}   within the first of
                                                 these fields the table has (over all parcels if none)
    {field: f, is: yes}                          yes/no field (1/0, 是/否, … as core.tables.parse_yes_no)
    {any: [...]}, {all: [...]}, {not: {...}}

Evaluation uses three-valued logic so that "a missing value never satisfies a comparison" also holds under
`not`: a comparison on a missing value is *unknown*; `any` is true if one part is true, `all` false if one part
is false, `not unknown` stays unknown, and an unknown result finally counts as not satisfied. Numeric comparisons
allow a relative rounding tolerance of 1e-9 (COMPARE_TOLERANCE): 0.49999999999 from an overlay is "≥ 0.5".
"""
import numpy as np
import pandas as pd

from .errors import LandEvalError, Problem
from .tables import parse_yes_no, to_text

OPS = ("<", "<=", ">", ">=", "==", "!=")
COMPARE_TOLERANCE = 1e-9   # relative; see _truth
BENCHMARK_STATS = ("mean", "double_mean", "median", "max")
_YES_WORDS = ("yes", "是", "y", "true", "1")
_NO_WORDS = ("no", "否", "n", "false", "0")
_KEYS = {"field", "op", "value", "benchmark", "is", "any", "all", "not", "label", "note"}


def is_number(value):
    """True for a number read from YAML (int or float), not for a yes/no read as a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def yes_no_value(value):
    """True for yes, False for no (YAML already turns a bare yes/no into a bool), None if neither."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return {1: True, 0: False}.get(value)
    if isinstance(value, str):
        text = value.strip().lower()
        return True if text in _YES_WORDS else False if text in _NO_WORDS else None
    return None


def validate_benchmark(bench, path, problems):
    """A benchmark is a positive number or {stat: mean|double_mean|median|max, group_by: field}."""
    if is_number(bench):
        if not bench > 0:
            problems.append(Problem("{path}: a fixed benchmark must be positive, not {bench}", path=path,
                                    bench=bench))
    elif isinstance(bench, dict):
        unknown = set(bench) - {"stat", "group_by"}
        if unknown:
            problems.append(Problem("{path}: unknown key(s) {unknown}; use stat and group_by", path=path,
                                    unknown=sorted(unknown)))
        if bench.get("stat") not in BENCHMARK_STATS:
            problems.append(Problem("{path}.stat: {stat!r} is not one of {benchmark_stats}", path=path,
                                    stat=bench.get('stat'), benchmark_stats=', '.join(BENCHMARK_STATS)))
        group_by = bench.get("group_by")
        if "group_by" in bench and not (isinstance(group_by, str) or (
                isinstance(group_by, list) and group_by and all(isinstance(g, str) for g in group_by))):
            problems.append(Problem("{path}.group_by: must be a field name, or a list of field names (the first "
                                    "one the table has is used)", path=path))
    else:
        problems.append(Problem("{path}: a benchmark is a positive number or {{stat: mean|double_mean|median|max}}",
                                path=path))


def validate_condition(cond, path, problems):
    """Append to `problems` every mistake in condition `cond` (located at `path` in the file)."""
    if not isinstance(cond, dict) or not cond:
        problems.append(Problem("{path}: a condition is a mapping such as {{field: x, op: '<', value: 1}}",
                                path=path))
        return
    unknown = set(cond) - _KEYS
    if unknown:
        problems.append(Problem("{path}: unknown key(s) {unknown}", path=path, unknown=sorted(unknown)))
    forms = [k for k in ("field", "any", "all", "not") if k in cond]
    if len(forms) != 1:
        problems.append(Problem("{path}: use exactly one of field, any, all, not (found {forms})", path=path,
                                forms=forms or 'none'))
        return
    form = forms[0]
    if form in ("any", "all"):
        parts = cond[form]
        if not isinstance(parts, list) or not parts:
            problems.append(Problem("{path}.{form}: must be a non-empty list of conditions", path=path, form=form))
            return
        for i, part in enumerate(parts):
            validate_condition(part, f"{path}.{form}[{i}]", problems)
        return
    if form == "not":
        validate_condition(cond["not"], f"{path}.not", problems)
        return
    if not isinstance(cond["field"], str) or not cond["field"]:
        problems.append(Problem("{path}.field: must be a field name", path=path))
    if "is" in cond:
        if {"op", "value", "benchmark"} & set(cond):
            problems.append(Problem("{path}: `is` cannot be combined with op/value/benchmark", path=path))
        if yes_no_value(cond["is"]) is None:
            problems.append(Problem("{path}.is: {answer!r} must be yes or no", path=path, answer=cond['is']))
        return
    if cond.get("op") not in OPS:
        problems.append(Problem("{path}.op: {op!r} is not one of {ops}", path=path, op=cond.get('op'),
                                ops=' '.join(OPS)))
    has_value, has_bench = "value" in cond, "benchmark" in cond
    if has_value == has_bench:
        problems.append(Problem("{path}: give either value or benchmark (or use `is: yes|no`)", path=path))
    elif has_value:
        value = cond["value"]
        if not is_number(value) and not (isinstance(value, str) and cond.get("op") in ("==", "!=")):
            problems.append(Problem("{path}.value: {value!r} must be a number (text only with == or !=)",
                                    path=path, value=value))
    else:
        validate_benchmark(cond["benchmark"], f"{path}.benchmark", problems)


def _column(df, name, path):
    if name not in df.columns:
        raise LandEvalError(
            "{path}: the condition uses field {name!r}, which is not in the table. Add the column, map it in the "
            "field mapping, or change the rule set.", path=path, name=name
        )
    return df[name]


def group_field(df, group_by):
    """The field a benchmark groups by: a name as given; from a list of candidates, the first that `df` has
    with at least one value (None when none has: the benchmark is then taken over all parcels). A list lets one
    rule file say "within the scale level, else the industry, where the table has them" (docs/methods.md)."""
    if not isinstance(group_by, list):
        return group_by
    for name in group_by:
        if name in df.columns and df[name].notna().any():
            return name
    return None


def benchmark_values(values, bench, groups=None):
    """Benchmark per row: a fixed number, or mean / 2×mean / median / max of `values`, within `groups`.

    Missing values are ignored by the statistics; a group without any value gets a NaN benchmark.
    """
    if is_number(bench):
        return np.full(len(values), float(bench))
    stat = bench["stat"]
    series = pd.Series(np.asarray(values, dtype=float))
    func = {"mean": "mean", "double_mean": "mean", "median": "median", "max": "max"}[stat]
    if groups is None:
        out = np.full(len(series), getattr(series, func)())
    else:
        keys = pd.Series(np.asarray(groups, dtype=object)).fillna("")
        out = series.groupby(keys.to_numpy()).transform(func).to_numpy(dtype=float)
    return out * (2.0 if stat == "double_mean" else 1.0)


def _truth(cond, df, path):
    """Three-valued truth of `cond`: float ndarray of 1 (true), 0 (false), NaN (unknown)."""
    if "any" in cond or "all" in cond:
        key = "any" if "any" in cond else "all"
        parts = np.vstack([_truth(p, df, f"{path}.{key}[{i}]") for i, p in enumerate(cond[key])])
        if key == "any":
            decided = np.nanmax(np.where(np.isnan(parts), -1.0, parts), axis=0)
            return np.where(decided == 1.0, 1.0, np.where(np.isnan(parts).any(axis=0), np.nan, 0.0))
        decided = np.nanmin(np.where(np.isnan(parts), 2.0, parts), axis=0)
        return np.where(decided == 0.0, 0.0, np.where(np.isnan(parts).any(axis=0), np.nan, 1.0))
    if "not" in cond:
        return 1.0 - _truth(cond["not"], df, f"{path}.not")
    column = _column(df, cond["field"], path)
    if "is" in cond:
        flags = parse_yes_no(column, cond["field"])
        return flags if yes_no_value(cond["is"]) else 1.0 - flags
    op = cond["op"]
    if "value" in cond and isinstance(cond["value"], str):
        text = to_text(column)
        equal = (text == cond["value"]).to_numpy(dtype=float)
        out = equal if op == "==" else 1.0 - equal
        return np.where(text.isna().to_numpy(), np.nan, out)
    values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
    if "value" in cond:
        target = np.full(len(values), float(cond["value"]))
    else:
        bench = cond["benchmark"]
        groups = None
        name = group_field(df, bench.get("group_by")) if isinstance(bench, dict) else None
        if name:
            groups = _column(df, name, path + ".benchmark.group_by")
        target = benchmark_values(values, bench, groups)
    # Values computed from geometry carry rounding: a parcel exactly half inside the red line comes out as
    # 0.49999999999. Comparisons therefore allow a relative 1e-9, the same way for every operator, so `<` stays
    # the exact complement of `>=`.
    eps = COMPARE_TOLERANCE * np.maximum(1.0, np.abs(target))
    with np.errstate(invalid="ignore"):
        result = {
            "<": values < target - eps, "<=": values <= target + eps, ">": values > target + eps,
            ">=": values >= target - eps, "==": np.abs(values - target) <= eps,
            "!=": np.abs(values - target) > eps,
        }[op].astype(float)
    return np.where(np.isnan(values) | np.isnan(target), np.nan, result)


def truth(cond, df, path="when"):
    """Three-valued result of `cond` on every row of `df`: 1.0 true, 0.0 false, NaN unknown (a value the
    condition needs is missing). Vetoes use it to tell "passed" from "not known" (core.vetoes)."""
    if cond is None:
        return np.ones(len(df))
    return _truth(cond, df, path)


def evaluate(cond, df, path="when"):
    """Boolean ndarray: rows of `df` where `cond` holds (unknown = False). `path` locates it in messages."""
    if cond is None:
        return np.ones(len(df), dtype=bool)
    return _truth(cond, df, path) == 1.0


def fields_of(cond, optional=True):
    """Every field a condition reads (including benchmark group_by fields), in order of appearance.

    optional=False leaves out the candidates of a group_by list: the condition works without them, so they are
    read when present but never get a placeholder column.
    """
    if not isinstance(cond, dict):
        return []
    found = []
    for key in ("any", "all"):
        for part in cond.get(key) or []:
            found += fields_of(part, optional)
    if "not" in cond:
        found += fields_of(cond["not"], optional)
    if isinstance(cond.get("field"), str):
        found.append(cond["field"])
    bench = cond.get("benchmark")
    group_by = bench.get("group_by") if isinstance(bench, dict) else None
    if isinstance(group_by, str):
        found.append(group_by)
    elif isinstance(group_by, list) and optional:
        found += [g for g in group_by if isinstance(g, str)]
    return list(dict.fromkeys(found))
