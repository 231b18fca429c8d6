"""Robustness of the identification: how sure is each parcel's label under weights and thresholds people
could defend (issue 14)?

The weights of a weight set are drawn many times around their published values and every parcel is scored
again with each draw; a parcel's `p_inefficient` is the share of draws in which it is inefficient. Three
ways to draw, each level by level (the element weights, then the indicator weights inside each element, so
every level still sums to 1):

- dirichlet — Dirichlet(c · w) per level, whose mean is exactly w. The concentration c is chosen so that a
  weight of average size in its level (1/m of m weights) has relative standard deviation SPREAD:
  Var(w_i) = w_i (1 − w_i) / (c + 1), so c = (m − 1) / SPREAD² − 1; larger weights vary relatively less;
- uniform — every weight times 1 + U(−SPREAD, +SPREAD), then the level renormalised to sum 1;
- ahp — for a level whose pairwise matrix the weight set records (`meta: {ahp_matrix: …}` at the top level
  for the elements, in an element for its indicators), every judgement above the diagonal moves at random
  by −1, 0 or +1 step of Saaty's scale 1/9 … 1/2, 1, 2 … 9 (clipped at the ends), its mirror cell takes the
  reciprocal, and the level's weights are the principal eigenvector. Levels without a matrix keep their
  weights.

Weights and thresholds of all draws are drawn first, in a fixed order, so the same seed gives the same
result whatever the block size. Scores are then the normalized indicator matrix (core.scoring, the same
normalization as scoreparcels) times a block of weight vectors — two matrix products per block, never a loop
over parcels. Per-draw ranks come from a histogram of the block's scores on LEVELS steps of 0–1 (ties within
one step share the better rank, as score_rank's "min" ranking does), so no per-draw sort is needed; the
scores are kept quantized to those steps (uint16) for the rank and score intervals.

Parcels whose status does not depend on the score — a failed veto, or the categories 正在推进, 生态清退 and
地方上报 — are inefficient in every draw (p = 1, `robust_reason` says why); a parcel without a score is never
inefficient by score (p = 0, reason no_score).
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import weighting
from .classify import jenks_breaks
from .conditions import evaluate
from .config import TIER_LABELS
from .errors import LandEvalError, Problem
from .scoring import normalized_indicators
from .tables import parse_yes_no

METHODS = ("dirichlet", "uniform", "ahp")
CLASSES = ("robust_inefficient", "contested", "robust_retained")
# Categories whose parcels are inefficient whatever their score (the Jiangning map categories).
FIXED_CATEGORIES = ("in_progress", "eco_exit", "reported")
REASONS = ("veto",) + FIXED_CATEGORIES + ("no_score",)
SAATY_SCALE = np.array([1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9])
LEVELS = 16384            # score steps for ranks and stored draws (resolution 6.1e-5)
NO_SCORE = LEVELS         # the quantized value of a missing score
BLOCK_CELLS = 4_000_000   # draws × parcels per block: about 32 MB per float64 array
SWEEP = tuple(round(0.40 + 0.05 * i, 2) for i in range(9))   # 0.40 … 0.80, the report's threshold sweep
OUTPUT_FIELDS = ("p_inefficient", "tier_modal", "tier_stability", "rank_p05", "rank_p50", "rank_p95",
                 "score_p05", "score_p95", "robust_class", "robust_reason")


@dataclass
class Prepared:
    """What every draw shares: the normalized indicator matrix with missing values handled as the weight set
    says (`filled`, parcels × indicators; `present` 1/0 for the reweight policy, else None), the structure of
    the weight set and the base score the weight set itself gives."""

    ids: list
    filled: np.ndarray
    present: np.ndarray
    aggregation: str
    base_weights: np.ndarray
    base_score: np.ndarray
    warnings: list = field(default_factory=list)


@dataclass
class RobustnessResult:
    """table: OUTPUT_FIELDS per parcel (index of the input); counts: parcels per robust class; settings: what
    was drawn (for the report); base_score: the recomputed score; fixed: parcels inefficient whatever the
    score; warnings: messages for the technician."""

    table: pd.DataFrame
    counts: dict
    settings: dict
    base_score: np.ndarray
    fixed: np.ndarray
    warnings: list = field(default_factory=list)


def check_identification(cfg):
    """Refuse a configuration whose parcels are not identified by a score threshold (e.g. the county preset's
    five-layer screening, `identification: screening`): its weights and threshold decide nobody's label, so
    perturbing them says nothing."""
    how = cfg.data.get("identification")
    if how not in (None, "score"):
        raise LandEvalError(
            "Configuration {name!r} identifies inefficient parcels by {how}, not by a score below a threshold, so "
            "no weight or threshold changes any parcel's label and there is nothing to test. Use a weight set "
            "whose identification is by score (e.g. PRESET jiangning), or give WEIGHT_SET.", name=cfg.name,
            how=how)


def prepare(table, cfg):
    """Normalize the indicators of `cfg` as scoreparcels does (core.scoring.normalized_indicators) and apply
    the weight set's missing-value policy once, for every draw."""
    if not cfg.elements:
        raise LandEvalError("Configuration {name!r} has no elements (indicator weights): give a weight set.",
                            name=cfg.name)
    normalized, warnings = normalized_indicators(table, cfg)
    scores = normalized.to_numpy(dtype=float)
    present = ~np.isnan(scores)
    if len(table) and not present.any():
        fields = ", ".join(spec.field for _, spec in cfg.indicators())
        raise LandEvalError("No indicator of weight set {name!r} has a value in the layer (fields: {fields}); "
                            "give the evaluated layer (landeval:evaluate's output), which keeps the indicator "
                            "columns, and the weight set it was evaluated with.", name=cfg.name, fields=fields)
    if cfg.missing == "mean":
        # As core.scoring: a missing indicator takes the indicator's mean over the parcels.
        counts = present.sum(axis=0)
        means = np.where(counts > 0, np.where(present, scores, 0.0).sum(axis=0) / np.maximum(counts, 1), np.nan)
        scores = np.where(present, scores, means[np.newaxis, :])
        present = ~np.isnan(scores)
    elif cfg.missing == "zero":
        present = np.ones_like(present)
        scores = np.where(np.isnan(scores), 0.0, scores)
    combined = cfg.combined_weights()
    weights = np.array([combined[i] for i in normalized.columns], dtype=float)
    prepared = Prepared(list(normalized.columns), np.where(present, scores, 0.0), present.astype(float),
                        cfg.aggregation, weights, None, warnings)
    prepared.base_score = block_scores(prepared, weights[np.newaxis, :])[0]
    return prepared


def block_scores(prepared, weights):
    """Scores (draws × parcels) of every parcel under each row of `weights` (draws × indicators): the
    weighted mean of the present indicators (weights rescaled over them, as the reweight policy does), or
    the weighted geometric mean; NaN where no weighted indicator is present."""
    total = weights @ prepared.present.T
    with np.errstate(invalid="ignore", divide="ignore"):
        if prepared.aggregation == "geometric":
            positive = prepared.filled > 0
            logs = np.where(positive, np.log(np.where(positive, prepared.filled, 1.0)), 0.0)
            result = np.exp((weights @ logs.T) / total)
            # One present indicator at 0 with a positive weight makes the geometric mean 0.
            zero_hits = (weights > 0).astype(float) @ (prepared.present * ~positive).T
            result = np.where(zero_hits > 0, 0.0, result)
        else:
            result = (weights @ prepared.filled.T) / total
    return np.where(total > 0, np.clip(result, 0.0, 1.0), np.nan)


# --- drawing weights ---------------------------------------------------------------------------------------
def dirichlet_level(weights, spread, draws, rng, where="a level"):
    """`draws` × m weights from Dirichlet(c · w) (mean exactly w); zero weights stay zero. See the module
    docstring for c."""
    w = np.asarray(weights, dtype=float)
    out = np.tile(w, (draws, 1))
    positive = w > 0
    m = int(positive.sum())
    if m <= 1 or spread == 0:
        return out
    concentration = (m - 1) / spread ** 2 - 1
    if concentration <= 0:
        raise LandEvalError("SPREAD {spread:g} is too large for the {m} weights of {where}: a Dirichlet draw "
                            "needs SPREAD < √(m − 1) = {limit:.3g}. Give a smaller SPREAD.", spread=spread, m=m,
                            where=where, limit=np.sqrt(m - 1))
    out[:, positive] = rng.dirichlet(w[positive] / w[positive].sum() * concentration, size=draws)
    return out


def uniform_level(weights, spread, draws, rng):
    """`draws` × m weights: each times 1 + U(−spread, spread), then renormalised to sum 1."""
    w = np.asarray(weights, dtype=float)
    moved = w * (1.0 + rng.uniform(-spread, spread, size=(draws, len(w))))
    total = moved.sum(axis=1, keepdims=True)
    return np.where(total > 0, moved / np.where(total > 0, total, 1.0), w)


def saaty_steps(matrix):
    """Index into SAATY_SCALE of every cell above the diagonal (row by row), the nearest on a log scale."""
    a = np.asarray(matrix, dtype=float)
    rows, cols = np.triu_indices(a.shape[0], k=1)
    return np.argmin(np.abs(np.log(a[rows, cols])[:, None] - np.log(SAATY_SCALE)[None, :]), axis=1)


def perturbed_matrices(matrix, draws, rng):
    """`draws` reciprocal matrices: each judgement above the diagonal moved by −1, 0 or +1 step of Saaty's
    scale (uniformly, clipped at 1/9 and 9), its mirror set to the reciprocal, the diagonal 1."""
    a = np.asarray(matrix, dtype=float)
    n = a.shape[0]
    rows, cols = np.triu_indices(n, k=1)
    steps = np.clip(saaty_steps(a)[None, :] + rng.integers(-1, 2, size=(draws, rows.size)), 0, SAATY_SCALE.size - 1)
    values = SAATY_SCALE[steps]
    out = np.ones((draws, n, n))
    out[:, rows, cols] = values
    out[:, cols, rows] = 1.0 / values
    return out


def principal_eigenvectors(matrices):
    """Priority vectors (principal right eigenvectors, summing to 1) of a stack of positive matrices."""
    values, vectors = np.linalg.eig(matrices)
    top = np.argmax(values.real, axis=1)
    v = np.abs(np.take_along_axis(vectors, top[:, None, None], axis=2)[:, :, 0].real)
    return v / v.sum(axis=1, keepdims=True)


def recorded_matrix(item, names, where):
    """The pairwise matrix a weight-set level records under meta.ahp_matrix (None when it has none),
    checked as landeval:ahpweights checks one (core.weighting.ahp)."""
    meta = item.get("meta") if isinstance(item, dict) else None
    matrix = meta.get("ahp_matrix") if isinstance(meta, dict) else None
    if matrix is None:
        return None
    try:
        a = np.asarray(matrix, dtype=float)
    except (TypeError, ValueError):
        raise LandEvalError("{where}.meta.ahp_matrix: every cell must be a number.", where=where) from None
    size = len(names)
    if a.shape != (size, size):
        raise LandEvalError("{where}.meta.ahp_matrix has shape {shape} but the level has {size} weights "
                            "({names}): give one row and one column per weight, in their order.", where=where,
                            shape=a.shape, size=size, names=', '.join(names))
    try:
        weighting.ahp(a, labels=names)
    except LandEvalError as err:
        raise LandEvalError("{where}.meta.ahp_matrix: {err}", where=where, err=err) from None
    return a


def _level(weights, names, item, where, method, spread, draws, rng, used):
    if method == "dirichlet":
        return dirichlet_level(weights, spread, draws, rng, where)
    if method == "uniform":
        return uniform_level(weights, spread, draws, rng)
    matrix = recorded_matrix(item, names, where)
    if matrix is None:
        return np.tile(np.asarray(weights, dtype=float), (draws, 1))
    used.append(where)
    return principal_eigenvectors(perturbed_matrices(matrix, draws, rng))


def draw_weights(cfg, method, spread, draws, rng):
    """(draws × indicators combined weights in cfg.indicators() order, warnings), level by level: the element
    weights, then each element's indicator weights; combined = element weight × indicator weight."""
    if method not in METHODS:
        raise LandEvalError("Unknown robustness method {method!r}: use one of {methods}.", method=method,
                            methods=', '.join(METHODS))
    if method == "uniform" and not 0 <= spread <= 1:
        raise LandEvalError("SPREAD {spread:g}: for uniform draws the half-width must be between 0 and 1 (a "
                            "weight cannot fall below 0).", spread=spread)
    if spread < 0:
        raise LandEvalError("SPREAD {spread:g} must be ≥ 0.", spread=spread)
    raw = cfg.data.get("elements") or []
    used = []
    top = _level([e.weight for e in cfg.elements], [e.id for e in cfg.elements], cfg.data, "(top level)", method,
                 spread, draws, rng, used)
    parts = []
    for e, element in enumerate(cfg.elements):
        inner = _level([i.weight for i in element.indicators], [i.id for i in element.indicators],
                       raw[e] if e < len(raw) else {}, f"elements[{e}]", method, spread, draws, rng, used)
        parts.append(top[:, [e]] * inner)
    warnings = []
    if method == "ahp":
        if not used:
            raise LandEvalError(
                "Weight set {name!r} records no pairwise comparison matrix, so its AHP judgements cannot be "
                "perturbed. Record each level's matrix under meta: {{ahp_matrix: [[1, 3], [1/3, 1]]}} (top level "
                "for the elements, inside an element for its indicators; landeval:ahpweights writes it with "
                "OUTPUT_WEIGHT_SET), or use METHOD 0 (Dirichlet) or 1 (uniform).", name=cfg.name)
        # A level of one weight has no judgement to move; only the others count.
        levels = (len(cfg.elements) > 1) + sum(len(e.indicators) > 1 for e in cfg.elements)
        if len(used) < levels:
            warnings.append(Problem("AHP draws: {used} of {levels} levels record a matrix ({names}); the other "
                                    "levels keep their weights.", used=len(used), levels=levels,
                                    names=", ".join(used)))
    return np.hstack(parts), warnings


def draw_thresholds(cfg, draws, rng, threshold_range=None):
    """The threshold of each draw: the configuration's, or uniform in threshold_range (low, high)."""
    if threshold_range is not None:
        low, high = threshold_range
        if not 0 <= low <= high <= 1:
            raise LandEvalError("THRESHOLD_RANGE {low:g},{high:g}: give low,high with 0 ≤ low ≤ high ≤ 1, e.g. "
                                "0.55,0.65.", low=low, high=high)
        return rng.uniform(low, high, size=draws)
    if cfg.threshold is None:
        raise LandEvalError("Configuration {name!r} sets no threshold: choose a PRESET with one (jiangning: 0.6) "
                            "or give THRESHOLD_RANGE.", name=cfg.name)
    return np.full(draws, float(cfg.threshold))


# --- status that does not depend on the score ------------------------------------------------------------------
def fixed_status(table):
    """(fixed: bool per parcel, reason code per parcel or "") — a failed veto (veto_failed = 1) first, then
    the categories in_progress, eco_exit, reported as the layer records them."""
    reason = np.full(len(table), "", dtype=object)
    if "category" in table.columns:
        category = table["category"].fillna("").astype(str).to_numpy()
        for code in reversed(FIXED_CATEGORIES):
            reason[category == code] = code
    if "veto_failed" in table.columns:
        reason[parse_yes_no(table["veto_failed"], "veto_failed") == 1.0] = "veto"
    return reason != "", reason


# --- tiers per draw --------------------------------------------------------------------------------------------
@dataclass
class TierRule:
    """How tiers are graded in every draw: method quantile (shares), threshold (cuts) or fixed cuts from the
    base scores' Jenks breaks; which parcels are unrated (T), capped by a veto, spared from D."""

    method: str
    cuts: np.ndarray
    count: int
    unrated: np.ndarray
    capped: np.ndarray
    cap: int
    spared: np.ndarray


def tier_rule(cfg, table, base_score):
    """The TierRule of the configuration (None when it has no tiers). Jenks breaks are taken once from the
    base scores and held as score cuts: re-running the natural-breaks search per draw would grade each draw
    against different classes."""
    spec = cfg.tiers
    if spec is None:
        return None
    unrated = np.isnan(base_score)
    if spec.unrated_when is not None:
        unrated |= evaluate(spec.unrated_when, table, "tiers.unrated_when")
    if spec.method == "quantile":
        cuts, count, method = np.cumsum(np.asarray(spec.breaks, dtype=float)) / 100.0, len(spec.breaks), "quantile"
    elif spec.method == "threshold":
        cuts, count, method = np.asarray(spec.breaks, dtype=float), len(spec.breaks) + 1, "threshold"
    else:
        count = int(spec.breaks or 4)
        bounds = jenks_breaks(base_score[~unrated], count)
        cuts, count, method = np.sort(np.asarray(bounds, dtype=float))[::-1], len(bounds) + 1, "jenks"
    capped = np.zeros(len(table), dtype=bool)
    cap = count - 1
    if spec.veto_cap is not None:
        if "veto_failed" in table.columns:
            capped = parse_yes_no(table["veto_failed"], "veto_failed") == 1.0
        # tiers.cap_when (red-line exits, issue 12) caps like a failed veto where the schema has it.
        cap_when = getattr(spec, "cap_when", None)
        if cap_when is not None:
            capped = capped | evaluate(cap_when, table, "tiers.cap_when")
        cap = min(TIER_LABELS.index(spec.veto_cap), count - 1)
    spared = np.zeros(len(table), dtype=bool)
    if spec.never_d_when is not None and count == len(TIER_LABELS):
        spared = evaluate(spec.never_d_when, table, "tiers.never_d_when")
    return TierRule(method, cuts, count, unrated, capped, cap, spared)


def _tier_index(rule, scores, q, rated_ranks, n_rated):
    """Tier index (0 = A) of every parcel in every draw of a block; −1 for unrated parcels. Quantile tiers
    depend on the rank among the rated parcels, a function of the score step within a draw: the tier of
    every step is worked out once per draw (rated_ranks, from rank_tables) and looked up per parcel."""
    if rule.method == "quantile":
        position = (rated_ranks - 1.0) / max(n_rated, 1)
        by_step = np.minimum(np.searchsorted(rule.cuts, position + 1e-9, side="right"), rule.count - 1)
        index = np.take_along_axis(by_step, q, axis=1)
    elif rule.method == "threshold":
        index = (scores[..., None] < rule.cuts).sum(axis=-1)
    else:
        # Jenks bounds are upper bounds of the lower classes: a score equal to a bound belongs below it.
        index = (scores[..., None] <= rule.cuts).sum(axis=-1)
    index = np.where(rule.capped & (index >= 0), np.maximum(index, rule.cap), index)
    index = np.where(rule.spared & (index == rule.count - 1), rule.count - 2, index)
    return np.where(rule.unrated, -1, index)


# --- the run ---------------------------------------------------------------------------------------------------
def quantize(scores):
    """Scores 0–1 as uint16 steps of 1/(LEVELS − 1); NaN as NO_SCORE."""
    q = np.rint(scores * (LEVELS - 1))
    q[np.isnan(q)] = NO_SCORE
    return q.astype(np.uint16)


def rank_tables(q, keep=None):
    """Per draw (row of q), the rank (1 = best, ties share the best) of every score step: 1 + the number of
    parcels with a higher step; 0 for NO_SCORE. `keep` (bool per parcel) counts only some parcels (the rated
    ones)."""
    if keep is not None:
        q = q[:, keep]
    draws = q.shape[0]
    offsets = (np.arange(draws, dtype=np.int64) * (LEVELS + 1))[:, None]
    counts = np.bincount((q + offsets).ravel(), minlength=draws * (LEVELS + 1)).reshape(draws, LEVELS + 1)
    counts = counts[:, :LEVELS]
    out = np.zeros((draws, LEVELS + 1), dtype=np.int32)
    out[:, :LEVELS] = np.cumsum(counts[:, ::-1], axis=1)[:, ::-1] - counts + 1
    return out


def block_size(n, draws):
    """Draws per block (or parcels per block, arguments swapped) so that a block holds about BLOCK_CELLS."""
    return int(max(1, min(draws, BLOCK_CELLS // max(n, 1))))


def _check_run(draws, confidence):
    """Reject a draw count or a confidence the run cannot use, saying what to give."""
    if draws < 1:
        raise LandEvalError("DRAWS {draws} must be at least 1.", draws=draws)
    if not 0.5 <= confidence <= 1:
        raise LandEvalError("CONFIDENCE {confidence:g} must be between 0.5 and 1 (0.9: inefficient in at least 90 "
                            "% of the draws is robustly inefficient).", confidence=confidence)


def _run_draws(prepared, weights, thresholds, rule, progress):
    """Score every draw, block by block: (times each parcel is below its draw's threshold, tier counts per
    parcel × tier, every draw's quantized scores, every draw's rank table)."""
    n, draws = len(prepared.base_score), len(weights)
    rated = None if rule is None else ~rule.unrated
    n_rated = 0 if rule is None else int(rated.sum())
    tier_counts = np.zeros((n, rule.count if rule else 1), dtype=np.int32)
    hits = np.zeros(n, dtype=np.int64)
    q_all = np.empty((draws, n), dtype=np.uint16)
    ranks = np.empty((draws, LEVELS + 1), dtype=np.int32)
    # Each block also holds its draws' rank tables (LEVELS + 1 steps each): counted in, they bound the memory
    # at small layers too.
    step = block_size(n + LEVELS, draws)
    parcel = np.arange(n, dtype=np.int64)
    for start in range(0, draws, step):
        stop = min(start + step, draws)
        scores = block_scores(prepared, weights[start:stop])
        with np.errstate(invalid="ignore"):
            hits += (scores < thresholds[start:stop, None]).sum(axis=0)
        q = quantize(scores)
        q_all[start:stop] = q
        ranks[start:stop] = rank_tables(q)
        if rule is not None:
            steps = q.astype(np.int64)
            rated_ranks = rank_tables(q, rated) if rule.method == "quantile" else None
            index = _tier_index(rule, scores, steps, rated_ranks, n_rated)
            ok = index >= 0
            tier_counts += np.bincount((parcel * rule.count + index)[ok], minlength=n * rule.count).reshape(
                n, rule.count).astype(np.int32)
        if progress is not None:
            progress(0.9 * stop / draws)
    return hits, tier_counts, q_all, ranks


def robustness(table, cfg, method="dirichlet", spread=0.2, draws=1000, seed=1, confidence=0.9,
               threshold_range=None, progress=None):
    """Robustness of every parcel's identification (see the module docstring). Returns RobustnessResult.

    table: the evaluated parcels with the indicator columns of `cfg` and, where present, veto_failed,
    category, score and the fields of the tier conditions. progress: optional callable(fraction done) —
    it may raise to cancel.
    """
    check_identification(cfg)
    _check_run(draws, confidence)
    rng = np.random.default_rng(seed)
    weights, warnings = draw_weights(cfg, method, spread, draws, rng)
    thresholds = draw_thresholds(cfg, draws, rng, threshold_range)
    prepared = prepare(table, cfg)
    warnings = prepared.warnings + warnings
    warnings += _score_mismatch(table, prepared.base_score)
    fixed, reason = fixed_status(table)
    scored = ~np.isnan(prepared.base_score)
    reason = np.where(~fixed & ~scored, "no_score", reason)
    rule = tier_rule(cfg, table, prepared.base_score)
    hits, tier_counts, q_all, ranks = _run_draws(prepared, weights, thresholds, rule, progress)
    p = np.where(fixed, 1.0, np.where(scored, hits / draws, 0.0))
    out = pd.DataFrame(index=table.index)
    out["p_inefficient"] = p
    out["tier_modal"], out["tier_stability"] = _modal_tiers(tier_counts, rule, draws)
    intervals = _intervals(q_all, ranks, scored, progress)
    for name, values in intervals.items():
        out[name] = values
    klass = np.where(p >= confidence - 1e-12, CLASSES[0], np.where(p <= 1 - confidence + 1e-12, CLASSES[2], CLASSES[1]))
    out["robust_class"] = klass.astype(object)
    out["robust_reason"] = reason.astype(object)
    counts = {c: int((klass == c).sum()) for c in CLASSES}
    settings = {"method": method, "spread": spread, "draws": draws, "seed": seed, "confidence": confidence,
                "threshold": cfg.threshold, "threshold_range": threshold_range, "config": cfg.name}
    return RobustnessResult(out, counts, settings, prepared.base_score, fixed, warnings)


def _score_mismatch(table, base_score):
    """A warning when the layer's `score` is not what the weight set gives: the draws are centred on the
    weight set's own scores, which is not what the layer says."""
    if "score" not in table.columns:
        return [Problem("The layer has no score field; the base scores are the weight set's own.")]
    layer = pd.to_numeric(table["score"], errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        differ = ~(np.abs(layer - base_score) <= 1e-6) & ~(np.isnan(layer) & np.isnan(base_score))
    if not differ.any():
        return []
    return [Problem("{count} parcel(s) have a layer score that differs from the one this weight set gives (another "
                    "weight set, normalization override or group field was used to evaluate the layer?); the draws "
                    "are centred on this weight set's scores. Give the weight set the layer was evaluated with.",
                    count=int(differ.sum()))]


def _modal_tiers(tier_counts, rule, draws):
    if rule is None:
        return np.full(len(tier_counts), None, dtype=object), np.full(len(tier_counts), np.nan)
    modal = np.argmax(tier_counts, axis=1)
    labels = np.asarray(TIER_LABELS[:rule.count], dtype=object)
    tier = np.where(rule.unrated, "T", labels[modal])
    stability = np.where(rule.unrated, 1.0, tier_counts.max(axis=1) / draws)
    return tier.astype(object), stability


def _intervals(q_all, ranks, scored, progress=None):
    """rank_p05/p50/p95 and score_p05/p95 of every parcel over the draws, a block of parcels at a time (the
    draws' quantiles with the 'inverted_cdf' rule: values some draw actually gave)."""
    draws, n = q_all.shape
    rows = np.arange(draws)[:, None]
    out = {name: np.full(n, np.nan) for name in ("rank_p05", "rank_p50", "rank_p95", "score_p05", "score_p95")}
    step = block_size(draws, n)
    for start in range(0, n, step):
        stop = min(start + step, n)
        q = q_all[:, start:stop]
        r = ranks[rows, q.astype(np.int64)]
        rq = np.quantile(r, [0.05, 0.5, 0.95], axis=0, method="inverted_cdf")
        sq = np.quantile(q, [0.05, 0.95], axis=0, method="inverted_cdf") / (LEVELS - 1)
        out["rank_p05"][start:stop], out["rank_p50"][start:stop], out["rank_p95"][start:stop] = rq
        out["score_p05"][start:stop], out["score_p95"][start:stop] = sq
        if progress is not None:
            progress(0.9 + 0.1 * stop / max(n, 1))
    for name in out:
        out[name] = np.where(scored, out[name], np.nan)
    for name in ("rank_p05", "rank_p50", "rank_p95"):
        out[name] = pd.array(np.where(scored, out[name], 0).astype(np.int64), dtype="Int64")
        out[name][~scored] = pd.NA
    return out


# --- what the report shows beside the draws ----------------------------------------------------------------------
def inefficient_at(base_score, fixed, threshold):
    """Inefficient parcels at one threshold: fixed ones and those scoring below it."""
    with np.errstate(invalid="ignore"):
        return fixed | (base_score < threshold)


def threshold_sweep(base_score, fixed, area, thresholds=SWEEP):
    """DataFrame threshold, inefficient (count), area (sum of `area`) for each threshold."""
    rows = []
    for t in thresholds:
        hit = inefficient_at(base_score, fixed, t)
        rows.append({"threshold": float(t), "inefficient": int(hit.sum()), "area": float(np.sum(area[hit]))})
    return pd.DataFrame(rows, columns=["threshold", "inefficient", "area"])


def one_at_a_time(table, cfg, spread=0.2, threshold=None):
    """The tornado chart's numbers: each element weight moved to w·(1 − spread) and w·(1 + spread), the other
    elements rescaled to keep the sum 1; how many parcels change status (inefficient ↔ not) against the base
    weights. DataFrame element, label, weight, down, up (parcels changed when lowered / raised)."""
    check_identification(cfg)
    threshold = cfg.threshold if threshold is None else threshold
    if threshold is None:
        raise LandEvalError("Configuration {name!r} sets no threshold, so no status can change.", name=cfg.name)
    prepared = prepare(table, cfg)
    fixed, _ = fixed_status(table)
    element_weights = np.array([e.weight for e in cfg.elements])
    sizes = [len(e.indicators) for e in cfg.elements]
    inner = np.concatenate([[i.weight for i in e.indicators] for e in cfg.elements])
    owner = np.repeat(np.arange(len(sizes)), sizes)
    vectors = []
    for e in range(len(element_weights)):
        for factor in (1 - spread, 1 + spread):
            moved = element_weights.copy()
            moved[e] = min(element_weights[e] * factor, 1.0)
            rest = element_weights.sum() - element_weights[e]
            others = np.arange(len(moved)) != e
            moved[others] = element_weights[others] / rest * (1 - moved[e]) if rest > 0 else 0.0
            vectors.append(moved[owner] * inner)
    scores = block_scores(prepared, np.array(vectors))
    base = inefficient_at(prepared.base_score, fixed, threshold)
    with np.errstate(invalid="ignore"):
        changed = ((fixed | (scores < threshold)) != base).sum(axis=1)
    return pd.DataFrame({"element": [e.id for e in cfg.elements],
                         "zh": [cfg.label_of(e, "zh") for e in cfg.elements],
                         "en": [cfg.label_of(e, "en") for e in cfg.elements],
                         "weight": element_weights, "down": changed[0::2].astype(int),
                         "up": changed[1::2].astype(int)})
