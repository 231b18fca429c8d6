"""Weights: AHP (Saaty), entropy, CRITIC, importance marks, and subjective/objective combination (SPEC §5).

Every function returns weights that sum to 1. Matrices and data come as lists, ndarrays or DataFrames; a
DataFrame gives a Series indexed by its columns, a dict gives a dict, anything else an ndarray.
"""
from collections import namedtuple

import numpy as np
import pandas as pd

from .errors import LandEvalError, Problem, Problems

# Saaty's random consistency index RI(n), n = 1…15, as given in SPEC §5.
RANDOM_INDEX = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45,
                10: 1.49, 11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59}
CR_LIMIT = 0.10
# How far the weights of one level may sum from 1: checked when a set is loaded and shown in the dock's tree.
WEIGHT_TOLERANCE = 1e-6
AHP_METHODS = ("eigenvector", "geometric", "column_mean")
# Typed reciprocals (0.333 for 1/3) are accepted; anything further off is a data-entry error.
_RECIPROCAL_RTOL = 1e-2

AHPResult = namedtuple("AHPResult", "weights lambda_max ci cr consistent worst_pair")
AHPResult.__doc__ = "AHP priority vector with λmax, CI, CR, consistent (CR ≤ 0.10) and the worst comparison."
WorstPair = namedtuple("WorstPair", "row col given consistent")
WorstPair.__doc__ = ("The judgement that deviates most from the consistent ratio w_row/w_col: the criteria names "
                     "(or indices), the value given in the matrix and the value consistent with the weights.")


def _names(labels, n):
    return list(labels) if labels is not None else [str(i + 1) for i in range(n)]


def _check_matrix(matrix, labels):
    if isinstance(matrix, pd.DataFrame):
        labels = list(matrix.index) if labels is None else labels
        matrix = matrix.to_numpy()
    try:
        a = np.asarray(matrix, dtype=float)
    except (TypeError, ValueError):
        raise LandEvalError("AHP matrix: every cell must be a number (e.g. 3 or 1/3 typed as 0.3333).") from None
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise LandEvalError("AHP matrix must be square with at least one criterion; got shape {shape}.",
                            shape=a.shape)
    n = a.shape[0]
    if n > max(RANDOM_INDEX):
        raise LandEvalError("AHP: {n} criteria; the random index table covers at most {most}. Split the criteria "
                            "into groups.", n=n, most=max(RANDOM_INDEX))
    names = _names(labels, n)
    if len(names) != n:
        raise LandEvalError("AHP: {count} criterion names for a {n}×{n} matrix.", count=len(names), n=n)
    problems = []
    for i in range(n):
        for j in range(n):
            cell = Problem("row {row!r}, column {column!r}", row=names[i], column=names[j])  # translated with the problem
            v = a[i, j]
            if not np.isfinite(v) or v <= 0:
                problems.append(Problem("{cell}: {v:g} is not a positive number", cell=cell, v=v))
            elif i == j and abs(v - 1.0) > 1e-9:
                problems.append(Problem("{cell}: the diagonal must be 1, not {v:g}", cell=cell, v=v))
            elif not (1 / 9 * (1 - _RECIPROCAL_RTOL) <= v <= 9 * (1 + _RECIPROCAL_RTOL)):
                problems.append(Problem("{cell}: {v:g} is outside Saaty's 1/9–9 scale", cell=cell, v=v))
            elif j > i and np.isfinite(a[j, i]) and a[j, i] > 0 and abs(v * a[j, i] - 1.0) > _RECIPROCAL_RTOL:
                problems.append(Problem("{cell}: {v:g} but row {row!r}, column {column!r} is {mirror:g}; it "
                                        "must be the reciprocal 1/{v:g} = {reciprocal:.4g}", cell=cell, v=v,
                                        row=names[j], column=names[i], mirror=a[j, i], reciprocal=1 / v))
    if problems:
        raise LandEvalError("AHP matrix is not a valid pairwise comparison matrix:\n{problems}",
                            problems=Problems(problems, prefix="  - "))
    return a, names


def ahp(matrix, method="eigenvector", labels=None):
    """Priority weights of a reciprocal pairwise comparison matrix on Saaty's 1/9–9 scale.

    method: "eigenvector" (principal eigenvector, default), "geometric" (row geometric means) or "column_mean"
    (mean of the column-normalised matrix). λmax is the principal eigenvalue for the eigenvector method and
    the usual estimate mean((A·w)_i / w_i) for the other two. CI = (λmax − n)/(n − 1), CR = CI / RI(n);
    for n ≤ 2 a reciprocal matrix is always consistent, so CI = CR = 0. `labels` name the criteria in
    messages and in `worst_pair`.
    """
    a, names = _check_matrix(matrix, labels)
    n = a.shape[0]
    if method == "eigenvector":
        values, vectors = np.linalg.eig(a)
        k = int(np.argmax(values.real))
        w = np.abs(vectors[:, k].real)
        lambda_max = float(values[k].real)
    elif method == "geometric":
        w = np.exp(np.log(a).mean(axis=1))
        lambda_max = None
    elif method == "column_mean":
        w = (a / a.sum(axis=0)).mean(axis=1)
        lambda_max = None
    else:
        raise LandEvalError("AHP method {method!r} is not one of {ahp_methods}.", method=method,
                            ahp_methods=', '.join(AHP_METHODS))
    w = w / w.sum()
    if lambda_max is None:
        lambda_max = float(np.mean(a @ w / w))
    if n <= 2:
        ci = cr = 0.0
        lambda_max = float(n)
    else:
        ci = (lambda_max - n) / (n - 1)
        cr = ci / RANDOM_INDEX[n]
    worst = None
    if n > 1:
        # Deviation on the log scale, so 3 given for a consistent 1/3 counts as much as 1/3 given for 3.
        ratio = np.outer(w, 1.0 / w)
        deviation = np.abs(np.log(a / ratio))
        deviation[np.tril_indices(n)] = -1.0
        i, j = np.unravel_index(int(np.argmax(deviation)), deviation.shape)
        worst = WorstPair(names[i], names[j], float(a[i, j]), float(ratio[i, j]))
    return AHPResult(w, float(lambda_max), float(ci), float(cr), bool(cr <= CR_LIMIT), worst)


def _as_matrix(X):
    if isinstance(X, pd.DataFrame):
        return X.to_numpy(dtype=float), list(X.columns)
    a = np.asarray(X, dtype=float)
    if a.ndim != 2:
        raise LandEvalError("Objective weighting needs a 2-D table (parcels × indicators); got shape {shape}.",
                            shape=a.shape)
    return a, list(range(a.shape[1]))


def _wrap(weights, columns, template):
    return pd.Series(weights, index=columns) if isinstance(template, pd.DataFrame) else weights


def _forward(a, columns, cost):
    """Min-max normalise each column (cost columns flipped); a constant column gives all zeros."""
    cost_idx = {columns.index(c) if c in columns else c for c in cost}
    lo, hi = np.nanmin(a, axis=0), np.nanmax(a, axis=0)
    span = hi - lo
    with np.errstate(invalid="ignore", divide="ignore"):
        x = np.where(span > 0, (a - lo) / np.where(span > 0, span, 1.0), 0.0)
    for j in cost_idx:
        x[:, j] = np.where(span[j] > 0, 1.0 - x[:, j], 0.0)
    return np.where(np.isnan(a), np.nan, x), span > 0


def _check_rows(a, columns, method):
    counts = (~np.isnan(a)).sum(axis=0)
    short = [str(columns[j]) for j in np.flatnonzero(counts < 2)]
    if short:
        raise LandEvalError("{method} weights need at least 2 parcels with a value in every indicator; too few "
                            "values in: {short}.", method=method, short=', '.join(short))


def entropy_weights(X, cost=()):
    """Entropy weight method (SPEC §5) on a parcels × indicators table; missing values are left out.

    Columns are min-max normalised (the ones in `cost`, given by name or position, reversed),
    p_ij = x_ij / Σ_i x_ij, H_j = −(1/ln m) Σ_i p_ij ln p_ij with 0·ln 0 = 0 and m the number of values in
    column j, w_j = (1 − H_j) / Σ_j (1 − H_j). A constant column carries no information: weight 0.
    """
    a, columns = _as_matrix(X)
    _check_rows(a, columns, "Entropy")
    x, varies = _forward(a, columns, cost)
    if not varies.any():
        raise LandEvalError("Entropy weights: every indicator is constant over the parcels, so none carries "
                            "information; use subjective weights.")
    m = (~np.isnan(x)).sum(axis=0)
    totals = np.nansum(x, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(totals > 0, x / np.where(totals > 0, totals, 1.0), 0.0)
        plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    h = -np.nansum(plogp, axis=0) / np.log(m)
    d = np.where(varies, 1.0 - h, 0.0)
    return _wrap(d / d.sum(), columns, X)


def critic_weights(X, cost=()):
    """CRITIC: C_j = σ_j · Σ_k (1 − r_jk) on min-max normalised columns (cost reversed); w = C / ΣC.

    σ is the sample standard deviation, r the Pearson correlation over parcels where both values exist.
    A constant column has σ = 0 (weight 0) and is left out of the other columns' conflict sums, because its
    correlation is undefined.
    """
    a, columns = _as_matrix(X)
    _check_rows(a, columns, "CRITIC")
    x, varies = _forward(a, columns, cost)
    if not varies.any():
        raise LandEvalError("CRITIC weights: every indicator is constant over the parcels; use subjective weights.")
    sigma = np.nanstd(x, axis=0, ddof=1)
    r = pd.DataFrame(x).corr().to_numpy()
    r = np.where(np.isnan(r), 1.0, r)
    # r can exceed 1 by a rounding error; a conflict below 0 would give a (tiny) negative weight.
    conflict = (np.maximum(1.0 - r, 0.0) * varies[np.newaxis, :]).sum(axis=1)
    c = np.where(varies, sigma * conflict, 0.0)
    if c.sum() <= 0:
        raise LandEvalError("CRITIC weights: the indicators are perfectly correlated; use subjective weights.")
    return _wrap(c / c.sum(), columns, X)


def _vector(values, what):
    if isinstance(values, dict):
        keys = list(values)
        return np.array([values[k] for k in keys], dtype=float), keys
    if isinstance(values, pd.Series):
        return values.to_numpy(dtype=float), values.index
    try:
        return np.asarray(values, dtype=float), None
    except (TypeError, ValueError):
        raise LandEvalError("{what}: every entry must be a number.", what=what) from None


def _unwrap(weights, keys, template):
    if isinstance(template, dict):
        return dict(zip(keys, weights.tolist()))
    if isinstance(template, pd.Series):
        return pd.Series(weights, index=keys)
    return weights


def rounded_shares(weights, decimals=6):
    """`weights` scaled to sum 1 and rounded to `decimals` places for a file a person reads; the rounding
    residue goes to the largest weight so the level still sums to 1 within core.config's 1e-6 tolerance
    (six rounded shares can be off by up to 3e-6 otherwise). Same container in as out (dict, Series, list)."""
    values, keys = _vector(weights, "Weights")
    if values.size == 0 or np.any(~np.isfinite(values)) or np.any(values < 0) or values.sum() <= 0:
        raise LandEvalError("Weights to round must be numbers ≥ 0 with at least one above 0; set one first.")
    shares = np.round(values / values.sum(), decimals)
    largest = int(np.argmax(shares))
    # Three extra places keep the residue itself while dropping float noise such as 0.30000000000000004.
    shares[largest] = round(float(shares[largest] + 1.0 - shares.sum()), decimals + 3)
    out = _unwrap(shares, keys, weights)
    return out.tolist() if isinstance(weights, (list, tuple)) else out


def mark_count(value):
    """How many importance marks `value` gives: "+++" → 3; a number (or anything else, for the caller to
    reject) as given."""
    return len(value) if isinstance(value, str) and value and set(value) == {"+"} else value


def marks_weights(marks):
    """Weights from importance marks ("+" counts, e.g. "+++" or 3): w = marks / Σ marks."""
    if isinstance(marks, dict):
        marks = {k: mark_count(v) for k, v in marks.items()}
    elif not isinstance(marks, pd.Series):
        marks = [mark_count(v) for v in marks]
    values, keys = _vector(marks, "Importance marks")
    if np.any(~np.isfinite(values)) or np.any(values < 0):
        raise LandEvalError("Importance marks must be counts ≥ 0 (\"+\" signs or numbers).")
    if values.sum() <= 0:
        raise LandEvalError("Importance marks: every mark is 0; give at least one indicator a mark.")
    return _unwrap(values / values.sum(), keys, marks)


def level_uses_marks(items):
    """True when every item of a level (dicts as in a weight-set file) gives importance marks: the level's
    weights are then the marks' shares, whatever `weight`s the items also carry."""
    return bool(items) and all("marks" in item for item in items)


def level_weights(items):
    """The weights a level of a weight set stands for, as floats: its marks turned into weights when every
    item gives marks (marks_weights), else each item's `weight` (0 where missing)."""
    if level_uses_marks(items):
        return [float(w) for w in marks_weights([item["marks"] for item in items])]
    return [float(item.get("weight") or 0.0) for item in items]


def sums_to_one(weights):
    """True when `weights` sum to 1 within WEIGHT_TOLERANCE (no weights sum to 0: False)."""
    return abs(float(sum(weights)) - 1.0) <= WEIGHT_TOLERANCE


def combine_weights(subjective, objective, alpha=0.5, method="linear"):
    """Combine subjective (e.g. AHP) and objective (e.g. entropy) weights of the same indicators.

    linear: w = α·w_s + (1 − α)·w_o; multiplicative: w ∝ w_s·w_o. Both inputs are first normalised to sum 1.
    Dicts must have the same keys (the result follows the subjective order).
    """
    s, keys = _vector(subjective, "Subjective weights")
    if isinstance(subjective, dict):
        if not isinstance(objective, dict) or set(objective) != set(subjective):
            raise LandEvalError("combine_weights: subjective and objective weights must name the same indicators.")
        objective = {k: objective[k] for k in keys}
    o, _ = _vector(objective, "Objective weights")
    if s.shape != o.shape:
        raise LandEvalError("combine_weights: {subjective} subjective but {objective} objective weights.",
                            subjective=s.size, objective=o.size)
    for name, w in ((Problem("subjective"), s), (Problem("objective"), o)):  # the word translated with the message
        if np.any(~np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
            raise LandEvalError("combine_weights: the {name} weights must be ≥ 0 with a positive sum.", name=name)
    s, o = s / s.sum(), o / o.sum()
    if method == "linear":
        if not 0.0 <= alpha <= 1.0:
            raise LandEvalError("combine_weights: alpha {alpha} must be between 0 and 1.", alpha=alpha)
        w = alpha * s + (1.0 - alpha) * o
    elif method == "multiplicative":
        w = s * o
        if w.sum() <= 0:
            raise LandEvalError("combine_weights: no indicator has both a subjective and an objective weight > 0.")
        w = w / w.sum()
    else:
        raise LandEvalError("combine_weights: method {method!r} is not linear or multiplicative.", method=method)
    return _unwrap(w, keys, subjective)
