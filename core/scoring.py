"""Composite scores: normalize every indicator of a weight set, handle missing values, aggregate, rank.

Arithmetic aggregation is the weighted mean of the 0–1 scores; geometric is the weighted geometric mean
Π s_j^(w_j/Σw), which is non-compensatory: one indicator at 0 gives 0 whatever the others (as ArcGIS Pro's
Calculate Composite Index offers). Missing-value policies (per weight set, `missing:`):
  reweight — aggregate over the indicators present, weights rescaled to sum 1 (no indicator: no score);
  mean     — a missing indicator gets the mean score of that indicator over the parcels (SPEC §4.3);
             an indicator missing everywhere has no mean and is left out as under reweight;
  zero     — a missing indicator scores 0.
`missing_count` is the number of the weight set's indicators missing for the parcel, whatever the policy.
`weakest` explains a score: up to 3 indicator ids with the largest weighted shortfall w·(1 − score).
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .config import NORMALIZATIONS
from .errors import LandEvalError, Problem
from .normalize import categorical_scores, normalize
from .tables import join_labels

WEAKEST_COUNT = 3
# Rows per block of the score matrix work (_by_rows).
_ROWS = 100_000


@dataclass
class ScoreDetails:
    table: pd.DataFrame       # score, score_rank, s_<element>, missing_count, weakest
    normalized: pd.DataFrame  # 0–1 score of every indicator before missing-value handling (NaN = missing)
    warnings: list


def statistics_mask(df):
    """The parcels the normalization statistics come from: those that do not fail a veto (`veto_failed` ≠ 1;
    all parcels when the table has no veto_failed). The papers score only the parcels that pass the vetoes, so
    a vetoed plant must not stretch the min–max range or move the median the others are scored against."""
    if "veto_failed" not in df.columns:
        return np.ones(len(df), dtype=bool)
    return pd.to_numeric(df["veto_failed"], errors="coerce").to_numpy(dtype=float) != 1.0


def normalized_indicators(df, cfg, normalization=None, group=None):
    """0–1 scores of every indicator of `cfg` (columns = indicator ids) and warnings.

    normalization: override the method of every non-categorical indicator (benchmark without a benchmark in
    the weight set uses the mean of the data). group: column to normalise within (overrides the weight set's
    group_by). A column the table lacks scores NaN everywhere, with a warning. Parcels failing a veto are
    scored too, against the statistics of the others (statistics_mask).
    """
    if normalization is not None and normalization not in NORMALIZATIONS:
        raise LandEvalError("Unknown normalization {normalization!r}: use one of {normalizations}.",
                            normalization=normalization, normalizations=', '.join(NORMALIZATIONS))
    if group is not None and group not in df.columns:
        raise LandEvalError("Group field {group!r} for normalization is not in the table.", group=group)
    warnings, columns = [], {}
    reference = statistics_mask(df)
    for element, spec in cfg.indicators():
        where = f"{element.id}/{spec.id}"
        if spec.field not in df.columns:
            warnings.append(Problem("{where}: field {field!r} is not in the table; the indicator is missing for "
                                    "every parcel.", where=where, field=spec.field))
            columns[spec.id] = np.full(len(df), np.nan)
            continue
        values = df[spec.field]
        if spec.direction == "categorical":
            scores, unmapped = categorical_scores(values, spec.scores)
            if unmapped:
                shown = ", ".join(repr(v) for v in unmapped[:5]) + (", …" if len(unmapped) > 5 else "")
                warnings.append(Problem("{where}: value(s) {shown} are not in the score map and count as missing; "
                                        "add them to scores: in the weight set.", where=where, shown=shown))
            columns[spec.id] = scores
            continue
        method = normalization or spec.normalization
        benchmark = spec.benchmark if spec.benchmark is not None else {"stat": "mean"}
        group_field = group or spec.group_by or cfg.group_by
        if group_field is not None and group_field not in df.columns:
            raise LandEvalError("{where}: group field {group_field!r} is not in the table.", where=where,
                                group_field=group_field)
        groups = df[group_field] if group_field else None
        columns[spec.id] = normalize(values, method, spec.direction, benchmark=benchmark, cap=spec.cap,
                                     groups=groups, reference=reference)
    return pd.DataFrame(columns, index=df.index), warnings


def _aggregate(scores, weights, policy, aggregation, reference=None):
    """Weighted aggregate of a parcels × indicators score matrix under a missing-value policy (the `mean`
    policy's means are taken over the `reference` rows, default all)."""
    means = None
    if policy == "mean":
        present = ~np.isnan(scores)
        counted = present if reference is None else present & reference[:, np.newaxis]
        counts = counted.sum(axis=0)
        means = np.where(counts > 0, np.where(counted, scores, 0.0).sum(axis=0) / np.maximum(counts, 1), np.nan)
    return _by_rows(_weighted, scores, weights, policy, aggregation, means)


def _weighted(scores, weights, policy, aggregation, means):
    """_aggregate of a block of rows, the policy's column means (`means`) given."""
    present = ~np.isnan(scores)
    if policy == "zero":
        scores = np.where(present, scores, 0.0)
    elif policy == "mean":
        scores = np.where(present, scores, means[np.newaxis, :])
    used = ~np.isnan(scores)
    w = np.where(used, weights[np.newaxis, :], 0.0)
    total = w.sum(axis=1)
    filled = np.where(used, scores, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        if aggregation == "geometric":
            zero = (w > 0) & (filled <= 0)
            logs = np.where(w > 0, np.log(np.where(filled > 0, filled, 1.0)), 0.0)
            result = np.exp((w * logs).sum(axis=1) / total)
            result = np.where(zero.any(axis=1), 0.0, result)
        else:
            result = (w * filled).sum(axis=1) / total
    return np.where(total > 0, np.clip(result, 0.0, 1.0), np.nan)


def _by_rows(func, matrix, *args):
    """func(matrix, *args) for a `func` that works row by row, run on blocks of _ROWS rows and concatenated: the
    same values, with temporaries the size of one block instead of several copies of the whole matrix (27
    indicators × 10⁶ parcels: 216 MB each)."""
    if len(matrix) <= _ROWS:
        return func(matrix, *args)
    return np.concatenate([func(matrix[i:i + _ROWS], *args) for i in range(0, len(matrix), _ROWS)])


def _weakest(scores, weights, ids):
    """';'-joined ids of up to 3 indicators with the largest w·(1 − score), ignoring missing and perfect ones."""
    return join_labels(_by_rows(_weakest_positions, scores, weights), list(ids))


def _weakest_positions(scores, weights):
    """Per row the positions of up to WEAKEST_COUNT largest shortfalls w·(1 − score) (−1 where fewer)."""
    shortfall = weights[np.newaxis, :] * (1.0 - scores)
    shortfall = np.where(np.isnan(shortfall) | (shortfall <= 0), -np.inf, shortfall)
    k = min(WEAKEST_COUNT, shortfall.shape[1])
    order = np.argsort(-shortfall, axis=1, kind="stable")[:, :k]
    valid = np.take_along_axis(shortfall, order, axis=1) > -np.inf
    return np.where(valid, order, -1)


def score_details(df, cfg, normalization=None, group=None):
    """Scores with the normalized indicator matrix and warnings (see score_parcels)."""
    if not cfg.elements:
        raise LandEvalError("Configuration {name!r} has no elements (it is a rule set only); give a weight set to "
                            "score parcels.", name=cfg.name)
    normalized, warnings = normalized_indicators(df, cfg, normalization, group)
    ids = list(normalized.columns)
    scores = normalized.to_numpy(dtype=float)
    if len(df) and np.isnan(scores).all():
        # Every score would be empty and every parcel "retained": a wrong layer or weight set, not a result.
        fields = ", ".join(spec.field for _, spec in cfg.indicators())
        raise LandEvalError("No indicator of weight set {name!r} has a value for any parcel (fields: {fields}), "
                            "so nothing can be scored. Give a layer with these fields (run computeindicators "
                            "first), or name the column holding each indicator with field: in the weight set.",
                            name=cfg.name, fields=fields)
    combined = cfg.combined_weights()
    weights = np.array([combined[i] for i in ids])
    table = pd.DataFrame(index=df.index)
    reference = statistics_mask(df)
    table["score"] = _aggregate(scores, weights, cfg.missing, cfg.aggregation, reference)
    ranks = pd.Series(table["score"]).rank(method="min", ascending=False)
    table["score_rank"] = ranks.astype("Int64")
    start = 0
    for element in cfg.elements:
        stop = start + len(element.indicators)
        local = np.array([ind.weight for ind in element.indicators])
        table[f"s_{element.id}"] = _aggregate(scores[:, start:stop], local, cfg.missing, cfg.aggregation, reference)
        start = stop
    table["missing_count"] = np.isnan(scores).sum(axis=1).astype("int64")
    table["weakest"] = _weakest(scores, weights, ids)
    unscored = int(table["score"].isna().sum())
    if unscored:
        warnings.append(Problem("{count} parcel(s) have no value for any indicator and get no score.",
                                count=unscored))
    return ScoreDetails(table, normalized, warnings)


def score_parcels(df, cfg, normalization=None, group=None):
    """Composite score 0–1 of every parcel under weight set `cfg`.

    Returns a DataFrame (same index as `df`) with `score`, `score_rank` (1 = best; ties share the best rank;
    no rank without a score), `s_<element id>` (element sub-scores, same aggregation and missing policy with
    the element's own indicator weights), `missing_count` and `weakest`. `df` holds the indicator columns
    (or the columns named by each indicator's `field`). normalization / group: see normalized_indicators.
    """
    return score_details(df, cfg, normalization, group).table
