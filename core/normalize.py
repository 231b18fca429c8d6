"""Normalization of indicator values to 0–1 (1 = best), optionally within groups (SPEC §6).

Defined results for the edge cases (the same within every group when `groups` is given):
- missing values stay NaN; an all-missing column is all NaN;
- a constant column (max = min, or σ = 0) scores 0.5 for every parcel with a value under min-max, percentile
  and z-score: it does not tell parcels apart, so it neither rewards nor penalises anyone;
- negative values (a loss, negative tax) are ordinary values for min-max, percentile and z-score; under a
  benchmark ratio they score 0 (a ratio below zero is clipped);
- a benchmark that is missing, zero or negative (e.g. the mean of a group whose values are all ≤ 0) makes the
  ratio undefined: those parcels get NaN and the missing-value policy of the weight set applies.
"""
import numpy as np
import pandas as pd

from .conditions import benchmark_values
from .errors import LandEvalError
from .tables import to_text

METHODS = ("minmax", "benchmark", "percentile", "zscore")
Z_CLIP = 3.0  # z-scores are clipped to ±3 σ, then mapped linearly to 0–1
CONSTANT_SCORE = 0.5
_HUGE = 2.0 ** 500


def _group_keys(groups, n):
    keys = pd.Series(np.asarray(groups, dtype=object)).fillna("")
    if len(keys) != n:
        raise LandEvalError("Normalization groups have {count} values for {n} parcels.", count=len(keys), n=n)
    return keys.astype(str).to_numpy()


def _stat(series, keys, func):
    if keys is None:
        return np.full(len(series), getattr(series, func)())
    return series.groupby(keys).transform(func).to_numpy(dtype=float)


def _tame(x):
    """Values beyond ±2^500 scaled down by a power of two (exact) so spans, means and squares stay finite.

    Only for scale-free scores (min-max, percentile, z-score, a benchmark that is a statistic of the values):
    without it two values of 1e308 would overflow to inf and the parcels would silently lose their score.
    """
    top = np.nanmax(np.abs(x)) if np.isfinite(x).any() else 0.0
    if top <= _HUGE:
        return x
    return np.ldexp(x, -int(np.frexp(top)[1]))


def _percentile(x, keys, reference):
    """Share of the *other* reference values (of the parcel's group) that `x` beats, ties counting half, and
    the number of those values. For a reference parcel this is (average rank − 1)/(n − 1); a parcel outside the
    reference is placed among the n reference values the same way. Sorted keys instead of a per-group loop."""
    n = len(x)
    valid = ~np.isnan(x)
    codes = np.zeros(n, dtype=np.int64) if keys is None else pd.factorize(keys)[0].astype(np.int64)
    dense = np.zeros(n, dtype=np.int64)
    if valid.any():
        dense[valid] = np.unique(x[valid], return_inverse=True)[1].ravel()
    span = int(dense.max()) + 2
    key = codes * span + dense                       # one sortable integer per (group, value)
    ref_keys = np.sort(key[valid & reference])
    start = np.searchsorted(ref_keys, codes * span, side="left")
    stop = np.searchsorted(ref_keys, (codes + 1) * span, side="left")
    less = np.searchsorted(ref_keys, key, side="left") - start
    equal = np.searchsorted(ref_keys, key, side="right") - start - less
    own = (reference & valid).astype(np.int64)       # a reference parcel does not beat itself
    others = (stop - start) - own
    with np.errstate(invalid="ignore", divide="ignore"):
        pct = (less + (equal - own) / 2.0) / np.maximum(others, 1)
    return pct, others


def normalize(values, method, direction, benchmark=None, cap=1.0, groups=None, reference=None):
    """Scores 0–1 (float ndarray, NaN where the value is missing) of one indicator.

    method: minmax — benefit (x − min)/(max − min), cost (max − x)/(max − min);
            benchmark — benefit x/b, cost 2 − x/b, clipped to [0, cap] and divided by cap, so a parcel at the
                        benchmark scores 1/cap (1 with the default cap 1); b is a positive number or
                        {stat: mean|double_mean|median|max} of the (group's) values;
            percentile — (average rank − 1)/(n − 1), ties share their mean rank; cost reversed;
            zscore — (x − mean)/σ (population σ) clipped to ±3, then (z + 3)/6; cost reversed.
    groups: optional labels (industry code, level): min, max, ranks, statistics are taken within each group.
    reference: optional boolean mask of the parcels the statistics (min, max, median, mean, σ, ranks) are taken
    from; every parcel is then scored against them. The pipeline leaves out the parcels that fail a veto: the
    papers score only the parcels that pass (docs/methods.md).
    """
    x = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype=float).copy()
    x[~np.isfinite(x)] = np.nan
    if direction not in ("benefit", "cost"):
        raise LandEvalError("Normalization direction {direction!r} must be benefit or cost (categorical "
                            "indicators are scored by their value map).", direction=direction)
    if not 0 < cap < np.inf:
        raise LandEvalError("Benchmark cap {cap!r} must be a positive number.", cap=cap)
    keys = None if groups is None else _group_keys(groups, len(x))
    if method != "benchmark" or not isinstance(benchmark, (int, float)):
        x = _tame(x)
    reference = np.ones(len(x), dtype=bool) if reference is None else np.asarray(reference, dtype=bool)
    s = pd.Series(np.where(reference, x, np.nan))    # the values the statistics see
    cost = direction == "cost"
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "minmax":
            lo, hi = _stat(s, keys, "min"), _stat(s, keys, "max")
            span = hi - lo
            out = np.where(span > 0, ((hi - x) if cost else (x - lo)) / np.where(span > 0, span, 1.0), CONSTANT_SCORE)
        elif method == "benchmark":
            if benchmark is None:
                raise LandEvalError("Benchmark normalization needs a benchmark (a number or {stat: mean}).")
            if isinstance(benchmark, (int, float)) and not benchmark > 0:
                raise LandEvalError("Benchmark {benchmark} must be positive.", benchmark=benchmark)
            b = benchmark_values(s.to_numpy(), benchmark, keys)
            b = np.where(b > 0, b, np.nan)
            ratio = x / b
            out = np.clip((2.0 - ratio) if cost else ratio, 0.0, cap) / cap
        elif method == "percentile":
            pct, others = _percentile(x, keys, reference)
            out = np.where(others > 0, (1.0 - pct) if cost else pct, CONSTANT_SCORE)
        elif method == "zscore":
            mean = _stat(s, keys, "mean")
            sd = np.sqrt(_stat(pd.Series((s.to_numpy() - mean) ** 2), keys, "mean"))
            z = np.clip((x - mean) / np.where(sd > 0, sd, 1.0), -Z_CLIP, Z_CLIP)
            out = np.where(sd > 0, ((Z_CLIP - z) if cost else (z + Z_CLIP)) / (2 * Z_CLIP), CONSTANT_SCORE)
        else:
            raise LandEvalError("Unknown normalization {method!r}: use one of {methods}.", method=method,
                                methods=', '.join(METHODS))
    return np.where(np.isnan(x), np.nan, np.clip(out, 0.0, 1.0))


def categorical_scores(values, scores):
    """Scores of a categorical column through its value→score map; returns (ndarray, unmapped values).

    Values are compared after trimming and NFKC normalisation. A value not in the map scores NaN (it is then
    handled by the missing-value policy) and is listed, so the map can be completed.
    """
    text = to_text(pd.Series(values))
    table = {str(k).strip(): float(v) for k, v in scores.items()}
    out = text.map(table).to_numpy(dtype=float, na_value=np.nan)
    unmapped = sorted(set(text[text.notna() & np.isnan(out)]))
    return out, unmapped
