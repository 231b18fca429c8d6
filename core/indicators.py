"""Enterprise aggregation and indicator formulas (docs/design.md "Canonical field ids", catalogue.yaml).

Indicators are computed column-wise from canonical raw inputs and the parcel area. A value that cannot be
computed (missing input, zero or negative denominator) is NaN — never inf — and its reason is recorded.
"""
import numpy as np
import pandas as pd

from .catalogue import load_catalogue
from .errors import LandEvalError, Problem
from .frames import columns_of, side_by_side
from .tables import canonical_table
from .units import check_unit, from_m2


def _dominant_rows(df, parcel_key):
    """Row positions of each parcel's dominant firm (a Series indexed by parcel key): the largest
    output_value, the first row where none is known. Only the three sort keys are sorted, not a copy of the
    whole enterprise table."""
    output = df["output_value"].to_numpy() if "output_value" in df else np.full(len(df), np.nan)
    order = pd.DataFrame({"key": df[parcel_key].to_numpy(), "out": output, "pos": np.arange(len(df))})
    order = order.sort_values(["key", "out", "pos"], ascending=[True, False, True], na_position="last")
    return order.drop_duplicates("key", keep="first").set_index("key")["pos"]


def aggregate_enterprises(df, parcel_key="parcel_id", parsed=False):
    """One row per parcel from an enterprise table (several tenants on one parcel).

    Each canonical column is combined as catalogue.yaml's `aggregate` says: extensive quantities summed
    (all missing → missing), intensive ones weighted by their `weight_by` (employees or output; plain mean
    where no weight is known), categories and industry code from the dominant firm (largest output_value),
    yes/no flags `any` (yes if any firm) or `all` (no if any firm says no — the veto flags). Shares of flagged
    firms (above_scale_share, high_tech_share) count firms with a known answer. Adds `n_enterprises`.
    Rows without a parcel key are left out; warnings are in `result.attrs["warnings"]`. `parsed`: `df` is
    already canonical_table's output (core.enterprises), so its columns are not parsed a second time.
    """
    catalogue = load_catalogue()
    frame, warnings = (df, []) if parsed else canonical_table(df)
    if parcel_key not in frame.columns:
        raise LandEvalError("The enterprise table has no parcel key column {parcel_key!r} (宗地编号); map it in the "
                            "field mapping.", parcel_key=parcel_key)
    keys = frame[parcel_key]
    # A number is never blank text: only text keys are made strings to look for blanks.
    keyless = keys.isna() if keys.dtype.kind in "iuf" else keys.isna() | (keys.astype(str).str.strip() == "")
    if keyless.any():
        warnings.append(Problem("{count} enterprise row(s) without a parcel id were left out.",
                                count=int(keyless.sum())))
        frame = frame[~keyless]
    groups = frame.groupby(parcel_key, sort=False)
    out = {"n_enterprises": groups.size().astype("int64")}
    dominant = None
    for fid in frame.columns:
        entry = catalogue.raw.get(fid)
        if fid == parcel_key or entry is None or entry.aggregate == "":
            continue
        rule = entry.aggregate
        if rule == "sum":
            out[fid] = groups[fid].sum(min_count=1)
        elif rule == "wmean":
            out[fid] = _weighted_mean(frame, groups, fid, entry.weight_by, parcel_key)
        elif rule == "dominant":
            dominant = _dominant_rows(frame, parcel_key) if dominant is None else dominant
            out[fid] = pd.Series(frame[fid].to_numpy()[dominant.to_numpy()], index=dominant.index)
        elif rule == "any":
            out[fid] = groups[fid].max()
        elif rule == "all":
            out[fid] = groups[fid].min()
        else:  # first: a parcel attribute repeated on every row
            out[fid] = groups[fid].first()
    for iid, entry in catalogue.indicators.items():
        flag = entry.formula.get("share")
        if flag and flag in frame.columns:
            out[iid] = groups[flag].mean()
    out = _one_row_per_parcel(out, parcel_key)
    out.attrs["warnings"] = warnings
    return out


def _one_row_per_parcel(columns, parcel_key):
    """The aggregated columns (Series on the parcel keys, in groupby order) as a table with the keys as its
    first column, the table reset_index would give. The columns are taken as they are: inserting them one
    by one and resetting the index copied the whole table twice (+0.7 GB for 10⁶ parcels)."""
    keys = columns["n_enterprises"].index
    index = pd.RangeIndex(len(keys))
    # reindex is a no-op on the same keys in the same order (the groupby results); it aligns the others.
    table = [pd.Series(keys.array, index=index, name=parcel_key)]
    table += [pd.Series(values.reindex(keys, copy=False).array, index=index, name=name)
              for name, values in columns.items()]
    return side_by_side(table, index)


def _weighted_mean(frame, groups, fid, weight_by, parcel_key):
    values = frame[fid].astype(float)
    plain = groups[fid].mean()
    if weight_by not in frame.columns:
        return plain
    weights = frame[weight_by].astype(float).where(values.notna() & (frame[weight_by] > 0))
    num = (values * weights).groupby(frame[parcel_key], sort=False).sum(min_count=1)
    den = weights.groupby(frame[parcel_key], sort=False).sum(min_count=1)
    weighted = num / den.where(den > 0)
    return weighted.where(weighted.notna(), plain)


def _ratio(num, den, num_id, den_id):
    """num / den with NaN where an input is missing or den ≤ 0, and the reason there (_reasons)."""
    code = np.select([np.isnan(den), den == 0, den < 0, np.isnan(num)], [1, 2, 3, 4], default=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        value = np.where(code == 0, num / np.where(den > 0, den, 1.0), np.nan)
    texts = [None, f"{den_id} missing", f"{den_id} is zero", f"{den_id} is negative", f"{num_id} missing"]
    return value, _reasons(code, texts)


def _reasons(code, texts):
    """texts[code] per parcel, as an object array whose cells share the few strings of `texts` (a million
    parcels would otherwise make a fixed-width text array and a Python string per missing value)."""
    return np.asarray(texts, dtype=object)[code]


def compute_indicators(df, area_unit="mu"):
    """Add `area_<unit>` and every indicator whose inputs are columns of `df`; return `(frame, reasons)`.

    `df` has `area_m2` (parcel area in m²) and canonical raw columns. Per-area indicators are per `area_unit`
    (mu, ha or km2). An indicator column that `df` already has (supplied by the user, e.g. 容积率 from the
    survey) is kept as it is. `reasons` maps each computed indicator id to a Series (same index) with why a
    value is missing ("parcel area is zero", "output_value missing", …) and None where the value exists.
    """
    check_unit(area_unit)
    if "area_m2" not in df.columns:
        raise LandEvalError("The parcel table has no area_m2 column: compute areas from the geometry "
                            "or name an area field (in m²).")
    catalogue = load_catalogue()
    area_m2 = pd.to_numeric(df["area_m2"], errors="coerce").to_numpy(dtype=float)
    new = {f"area_{area_unit}": from_m2(area_m2, area_unit)}
    area_names = {"area_m2": area_m2, "area": new[f"area_{area_unit}"]}
    reasons = {}
    for iid, entry in catalogue.indicators.items():
        if not entry.formula or iid in df.columns:
            continue
        if "share" in entry.formula:
            flag = entry.formula["share"]
            if flag not in df.columns:
                continue
            values = pd.to_numeric(df[flag], errors="coerce").to_numpy(dtype=float)
            reason = _reasons(np.isnan(values).astype(np.int64), [None, f"{flag} missing"])
        else:
            num_id, den_id = entry.formula["num"], entry.formula["den"]
            if num_id not in df.columns or (den_id not in area_names and den_id not in df.columns):
                continue
            num = pd.to_numeric(df[num_id], errors="coerce").to_numpy(dtype=float)
            if den_id in area_names:
                den = area_names[den_id]
                den_name = "parcel area"
            else:
                den = pd.to_numeric(df[den_id], errors="coerce").to_numpy(dtype=float)
                den_name = den_id
            values, reason = _ratio(num, den, num_id, den_name)
        new[iid] = values
        reasons[iid] = pd.Series(reason, index=df.index, dtype=object)
    # df's columns and the new ones side by side, none of them copied (core.frames).
    out = side_by_side(columns_of(df, lambda c: c not in new)
                       + [pd.Series(values, index=df.index, name=name) for name, values in new.items()], df.index)
    return out, reasons


def absent_inputs(columns, indicator_id):
    """Inputs of an indicator that are not among `columns` (empty if it can be computed or is supplied)."""
    if indicator_id in columns:
        return []
    entry = load_catalogue().indicators.get(indicator_id)
    if entry is None:
        return [indicator_id]
    return [i for i in entry.inputs if i not in columns and i not in ("area", "area_m2")]
