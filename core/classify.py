"""Inefficiency types, final determination and categories, and A/B/C/D(/T) tiers (SPEC §3.5–3.7).

Tiers by natural breaks use Fisher's exact optimal 1-D partition (the "Jenks" method): the class bounds that
minimise the total within-class sum of squared deviations, found by dynamic programming on weighted points.
It runs on the distinct score values with their counts when there are at most JENKS_POINTS of them (then it
is exact); otherwise on JENKS_POINTS equal-width histogram bins, each represented by the mean of its values
with its count as weight, and a break is placed at the largest value of a bin. With 10⁶ parcels that costs
one bincount and a k × 1000 × 1000 array minimisation instead of the O(k·n²) of the textbook algorithm.
"""
import numpy as np
import pandas as pd

from .conditions import evaluate, fields_of
from .config import TIER_LABELS, TIER_METHODS, check_tier_breaks
from .errors import LandEvalError, Problems
from .frames import columns_of, side_by_side
from .tables import parse_yes_no
from .vetoes import join_ids

JENKS_POINTS = 1000
UNRATED = "T"


def classify_types(df, cfg):
    """`ineff_type` (id of the first type whose condition holds, "" if none) and `ineff_flags` (every match)."""
    ids = [t.id for t in cfg.types]
    hits = np.zeros((len(df), len(ids)), dtype=bool)
    for j, rule in enumerate(cfg.types):
        hits[:, j] = evaluate(rule.when, df, f"types[{j}] ({rule.id}).when")
    first = np.full(len(df), "", dtype=object)
    if ids:
        first = np.where(hits.any(axis=1), np.asarray(ids, dtype=object)[np.argmax(hits, axis=1)], "")
    return pd.DataFrame({"ineff_type": first, "ineff_flags": join_ids(hits, ids)}, index=df.index)


def _flag(df, name):
    """A yes/no column as bool (missing or absent = False)."""
    if name not in df.columns:
        return np.zeros(len(df), dtype=bool)
    return parse_yes_no(df[name], name) == 1.0


def identify(df, cfg, threshold=None):
    """This evaluation's own identification (低效认定) and the review flag, before the other categories.

    identification: score (Jiangning, "综合权重值低于0.6的用地认定为低效工业用地") — a failed veto or a score
    below the threshold; review = score in [threshold, threshold + review_band) ("另有少量高于0.6的工业用地需结合
    实际情况综合判定"); a parcel without a score is not identified by score.
    identification: screening (county paper §3.3) — a failed veto or a flag of the ordered screens
    (`ineff_type` not empty); the score does not decide and nobody is in review. Returns (identified, review) as
    boolean arrays.
    """
    veto = _flag(df, "veto_failed")
    if cfg.identification == "screening":
        if "ineff_type" not in df.columns:
            raise LandEvalError("The county screening needs the inefficiency types (ineff_type): screen the "
                                "parcels with the rule set's types before the determination.")
        typed = df["ineff_type"].fillna("").astype(str).str.len().to_numpy() > 0
        return veto | typed, np.zeros(len(df), dtype=bool)
    threshold = cfg.threshold if threshold is None else threshold
    if threshold is None:
        raise LandEvalError("Configuration {name!r} sets no threshold: put `threshold:` in the rule set or give "
                            "the THRESHOLD parameter (or identification: screening).", name=cfg.name)
    if "score" not in df.columns:
        raise LandEvalError("The table has no score field; score the parcels before the determination.")
    score = pd.to_numeric(df["score"], errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        below = score < threshold
        in_band = (score >= threshold) & (score < threshold + cfg.review_band)
    return veto | below, in_band


def determine(df, cfg, threshold=None):
    """Final determination (Jiangning, lines 468–474): `inefficient`, `review` and `category`.

    The categories' conditions see `identified` (this evaluation's own identification, see identify; also
    under its former name `inefficient`, for rule files written before). category = the first of
    cfg.categories whose condition holds. inefficient = 1 exactly for the parcels of every category but the
    last, catch-all one (现状保留): the paper takes projects under way, red-line exits, locally reported land
    and the identified land together as the land to redevelop. Without categories, inefficient = identified or
    locally reported (`reported` = yes). review only for a parcel not inefficient.
    """
    identified, in_band = identify(df, cfg, threshold)
    flags = [pd.Series(identified.astype("int64"), index=df.index, name=name) for name in ("identified", "inefficient")]
    needed = {name for rule in cfg.categories for name in fields_of(rule.when)} - {"identified", "inefficient"}
    # The fields the categories read, not copied (core.frames), beside this evaluation's flags.
    frame = side_by_side(columns_of(df, lambda c: c in needed) + flags, df.index)
    category = assign_categories(frame, cfg)
    if cfg.categories:
        inefficient = category != cfg.categories[-1].id
    else:
        inefficient = identified | _flag(df, "reported")
    out = pd.DataFrame({"inefficient": inefficient.astype("int64"),
                        "review": (in_band & ~inefficient).astype("int64")}, index=df.index)
    out["category"] = category
    return out


def assign_categories(df, cfg):
    """Category id per parcel by precedence: the first category whose condition holds (None if none)."""
    category = np.full(len(df), None, dtype=object)
    open_ = np.ones(len(df), dtype=bool)
    for j, rule in enumerate(cfg.categories):
        hit = open_ & evaluate(rule.when, df, f"categories[{j}] ({rule.id}).when")
        category[hit] = rule.id
        open_ &= ~hit
    return category


def jenks_breaks(values, classes):
    """Upper bounds of the lowest `classes − 1` natural-breaks classes (ascending); NaN ignored.

    Fewer distinct values than classes give fewer bounds (every distinct value its own class).
    """
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    if x.size == 0:
        return np.array([])
    points, counts = np.unique(x, return_counts=True)
    uppers = points
    if points.size > JENKS_POINTS:
        lo, hi = points[0], points[-1]
        bins = np.minimum(((x - lo) / (hi - lo) * JENKS_POINTS).astype(np.int64), JENKS_POINTS - 1)
        counts = np.bincount(bins, minlength=JENKS_POINTS)
        sums = np.bincount(bins, weights=x, minlength=JENKS_POINTS)
        maxima = np.full(JENKS_POINTS, -np.inf)
        np.maximum.at(maxima, bins, x)
        keep = counts > 0
        counts, points, uppers = counts[keep], sums[keep] / counts[keep], maxima[keep]
    m = points.size
    if m <= classes:
        return uppers[:-1]
    w = np.concatenate([[0.0], np.cumsum(counts, dtype=float)])
    s1 = np.concatenate([[0.0], np.cumsum(counts * points)])
    s2 = np.concatenate([[0.0], np.cumsum(counts * points * points)])
    i = np.arange(m + 1)[:, None]
    j = np.arange(m + 1)[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        sse = (s2[j] - s2[i]) - (s1[j] - s1[i]) ** 2 / (w[j] - w[i])
    sse = np.where(j > i, np.maximum(sse, 0.0), np.inf)   # sse[i, j]: points i..j-1 in one class
    cost = sse[0].copy()                                   # one class covering points 0..j-1
    back = []
    for _ in range(1, classes):
        total = cost[:, None] + sse
        arg = np.argmin(total, axis=0)
        back.append(arg)
        cost = total[arg, np.arange(m + 1)]
    cuts, end = [], m
    for arg in reversed(back):
        end = int(arg[end])
        cuts.append(end)
    cuts = sorted(cuts)
    return uppers[np.asarray(cuts) - 1]


def _tier_index(score, rated, method, breaks):
    """0 = A … per rated parcel (−1 elsewhere), and the number of tiers."""
    index = np.full(len(score), -1, dtype=np.int64)
    s = score[rated]
    if method == "quantile":
        shares = np.cumsum(np.asarray(breaks, dtype=float)) / 100.0
        n = s.size
        rank = pd.Series(s).rank(method="min", ascending=False).to_numpy() if n else s
        position = (rank - 1.0) / max(n, 1)
        index[rated] = np.minimum(np.searchsorted(shares, position + 1e-9, side="right"), len(breaks) - 1)
        return index, len(breaks)
    if method == "threshold":
        cuts = np.asarray(breaks, dtype=float)
        index[rated] = (s[:, None] < cuts[None, :]).sum(axis=1)
        return index, len(breaks) + 1
    classes = int(breaks or 4)
    bounds = jenks_breaks(s, classes)
    low_to_high = np.searchsorted(bounds, s, side="left")
    index[rated] = classes - 1 - low_to_high
    return index, classes


def assign_tiers(df, cfg, method=None, breaks=None):
    """`tier` A/B/C/D per parcel, T for unrated ones.

    method: quantile (breaks = % shares from A down, e.g. [20, 55, 20, 5]; by rank, ties take the better tier),
    threshold (breaks = score cuts, highest first: score ≥ 0.8 → A, …) or jenks (breaks = number of classes,
    default 4). Defaults come from cfg.tiers. Then a failed veto, or a parcel matching tiers.cap_when, caps
    the tier at tiers.veto_cap (or the last tier when there are fewer tiers), parcels
    matching tiers.never_d_when are graded at worst C, and parcels matching tiers.unrated_when or without a
    score are T.
    """
    spec = cfg.tiers
    method = method or (spec.method if spec else None)
    if method is None:
        raise LandEvalError("Configuration {name!r} has no tiers section: give the tier method and breaks.",
                            name=cfg.name)
    if method not in TIER_METHODS:
        raise LandEvalError("Unknown tier method {method!r}: use one of {tier_methods}.", method=method,
                            tier_methods=', '.join(TIER_METHODS))
    if breaks is None and spec is not None and spec.method == method:
        breaks = spec.breaks
    if method != "jenks":
        if breaks is None:
            raise LandEvalError("Tier method {method} needs breaks (quantile: % shares such as [20, 55, 20, 5]; "
                                "threshold: score cuts such as [0.8, 0.6, 0.4]).", method=method)
        problems = check_tier_breaks(method, list(breaks), path="tier breaks")
        if problems:
            raise LandEvalError("{problems}", problems=Problems(problems, separator="; "))
    elif breaks is not None and not (isinstance(breaks, (int, np.integer)) and 2 <= breaks <= 4):
        raise LandEvalError("Jenks tiers need the number of classes, 2–4 (got {breaks!r}).", breaks=breaks)
    if "score" not in df.columns:
        raise LandEvalError("The table has no score field; score the parcels before grading tiers.")
    score = pd.to_numeric(df["score"], errors="coerce").to_numpy(dtype=float)
    unrated = np.isnan(score)
    if spec is not None and spec.unrated_when is not None:
        unrated |= evaluate(spec.unrated_when, df, "tiers.unrated_when")
    index, count = _tier_index(score, ~unrated, method, breaks)
    labels = np.asarray(TIER_LABELS[:count], dtype=object)
    if spec is not None and spec.veto_cap is not None:
        # With fewer tiers than the cap assumes (say A/B only, cap C) a failed veto still costs: the last tier.
        cap = min(TIER_LABELS.index(spec.veto_cap), count - 1)
        capped = _flag(df, "veto_failed")
        if spec.cap_when is not None:
            capped = capped | evaluate(spec.cap_when, df, "tiers.cap_when")
        index = np.where(capped & (index >= 0), np.maximum(index, cap), index)
    if spec is not None and spec.never_d_when is not None and count == len(TIER_LABELS):
        spared = evaluate(spec.never_d_when, df, "tiers.never_d_when")
        index = np.where(spared & (index == count - 1), count - 2, index)
    tier = np.where(index >= 0, labels[np.clip(index, 0, count - 1)], UNRATED)
    return pd.DataFrame({"tier": tier}, index=df.index)

