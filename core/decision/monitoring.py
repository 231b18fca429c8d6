"""Yearly monitoring (SPEC §3.12): two evaluated rounds joined by parcel id — tier and category transitions,
parcels that improved, worsened, appeared or disappeared, and the score change.

Direction of change: the tier decides when the parcel is rated A–D in both rounds (A best); otherwise the
`inefficient` flag decides (1 → 0 improved, 0 → 1 worsened); otherwise it is unchanged. The score change is
reported but never decides: min-max and percentile scores are relative to the parcels of their own round, so
a parcel's score can move while nothing about it changed.
"""
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import labels
from ..errors import LandEvalError, Problem

TIER_ORDER = ("A", "B", "C", "D", "T")
CATEGORY_ORDER = ("in_progress", "eco_exit", "reported", "identified", "retained")
CHANGES = ("improved", "worsened", "unchanged", "appeared", "disappeared")
CHANGE_LABELS = labels.entries("monitoring.change")
FIELD_LABELS = labels.entries("monitoring.field")
# Row and column that hold the parcels present in only one round.
NEW_ROW = "new"
GONE_COLUMN = "gone"
_RATED = {"A": 0, "B": 1, "C": 2, "D": 3}


@dataclass
class RoundComparison:
    parcels: pd.DataFrame  # one row per parcel id of either round
    tier_matrix: pd.DataFrame  # from-tier rows × to-tier columns (+ new row, gone column, totals)
    category_matrix: pd.DataFrame
    counts: dict  # change → number of parcels


def compare_rounds(old, new, key="parcel_id"):
    """Join two evaluated tables on `key` (already comparable strings, e.g. core.keys.key_strings).

    Returns RoundComparison; `parcels` has key, presence-aware `change`, tier_old/new, category_old/new,
    score_old/new, score_change and tier_steps (new rank − old rank; negative = better tier).
    """
    # The rounds' names go into messages, so they are translated with them (core.errors.Problem).
    old_t, new_t = _prepare(old, key, Problem("earlier")), _prepare(new, key, Problem("later"))
    joined = old_t.join(new_t, how="outer", lsuffix="_old", rsuffix="_new")
    in_old = joined["present_old"].notna().to_numpy()
    in_new = joined["present_new"].notna().to_numpy()
    rank_old = joined["tier_old"].map(_RATED).to_numpy(dtype=float)
    rank_new = joined["tier_new"].map(_RATED).to_numpy(dtype=float)
    ineff_old = joined["inefficient_old"].to_numpy(dtype=float)
    ineff_new = joined["inefficient_new"].to_numpy(dtype=float)

    rated = np.isfinite(rank_old) & np.isfinite(rank_new)
    flagged = ~rated & np.isfinite(ineff_old) & np.isfinite(ineff_new)
    better = np.where(rated, rank_new < rank_old, flagged & (ineff_new < ineff_old))
    worse = np.where(rated, rank_new > rank_old, flagged & (ineff_new > ineff_old))
    change = np.select(
        [~in_old, ~in_new, better, worse],
        ["appeared", "disappeared", "improved", "worsened"],
        default="unchanged",
    ).astype(object)

    parcels = pd.DataFrame({
        key: joined.index.to_numpy(dtype=object),
        "change": change,
        "tier_old": joined["tier_old"].to_numpy(dtype=object),
        "tier_new": joined["tier_new"].to_numpy(dtype=object),
        "tier_steps": rank_new - rank_old,
        "category_old": joined["category_old"].to_numpy(dtype=object),
        "category_new": joined["category_new"].to_numpy(dtype=object),
        "score_old": joined["score_old"].to_numpy(dtype=float),
        "score_new": joined["score_new"].to_numpy(dtype=float),
    })
    parcels["score_change"] = parcels["score_new"] - parcels["score_old"]
    counts = {c: int((change == c).sum()) for c in CHANGES}
    return RoundComparison(
        parcels,
        transition_matrix(parcels["tier_old"], parcels["tier_new"], in_old, in_new, TIER_ORDER),
        transition_matrix(parcels["category_old"], parcels["category_new"], in_old, in_new, CATEGORY_ORDER),
        counts,
    )


def _prepare(df, key, which):
    """One round indexed by parcel id, with the columns the comparison reads (absent ones as missing)."""
    if key not in df.columns:
        raise LandEvalError("The {which} round has no parcel id field {key!r}; choose the field that holds 宗地编号.",
                            which=which, key=key)
    ids = df[key]
    if ids.isna().any():
        raise LandEvalError("The {which} round has {count} parcel(s) without an id in {key!r}: every parcel needs "
                            "its id to be matched across rounds.", which=which, count=int(ids.isna().sum()),
                            key=key)
    dup = ids[ids.duplicated()].astype(str).unique()
    if len(dup):
        raise LandEvalError("Parcel ids repeat in the {which} round ({dup}): each id must name one parcel "
                            "to be compared.", which=which, dup=', '.join(dup[:10]) + (', …' if len(dup) > 10 else ''))
    out = pd.DataFrame(index=pd.Index(ids.to_numpy(dtype=object), name=key))
    for col in ("tier", "category"):
        out[col] = _text(df[col]) if col in df.columns else None
    for col in ("score", "inefficient"):
        out[col] = pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=float) if col in df.columns else np.nan
    out["present"] = True
    return out


def _text(series):
    s = series.astype(object)
    text = s.astype(str).str.strip()
    return text.where(s.notna() & (text != ""), None).to_numpy(dtype=object)


def transition_matrix(before, after, in_before, in_after, order):
    """Counts of parcels by class in the earlier round (rows) and the later round (columns).

    Rows follow `order` then any other class seen, then `new` (parcels only in the later round); columns the
    same with `gone` (only in the earlier round). A parcel present but unclassified counts as class "".
    The last row and column are totals.
    """
    b = pd.Series(before, dtype=object).fillna("").astype(str).where(np.asarray(in_before), NEW_ROW)
    a = pd.Series(after, dtype=object).fillna("").astype(str).where(np.asarray(in_after), GONE_COLUMN)
    seen = [c for c in pd.unique(pd.concat([b, a])) if c not in order and c not in (NEW_ROW, GONE_COLUMN)]
    classes = list(order) + sorted(seen)
    rows = classes + [NEW_ROW]
    cols = classes + [GONE_COLUMN]
    table = pd.crosstab(pd.Categorical(b, categories=rows), pd.Categorical(a, categories=cols), dropna=False)
    table = table.reindex(index=rows, columns=cols, fill_value=0).astype(np.int64)
    table.loc["total"] = table.sum(axis=0)
    table["total"] = table.sum(axis=1)
    table.index.name, table.columns.name = "from", "to"
    return table


PERSISTENCE_LABELS = labels.entries("monitoring.persistence")


def round_flags(table, key, worst_tier=None, which="round", flag_type=None):
    """Series (index = parcel id) of 1.0 where a round flags the parcel, 0.0 where it does not, NaN where the
    round cannot tell. Flagged = inefficient = 1, or with `worst_tier` (A–D) rated `worst_tier` or worse (T,
    unrated, is never flagged by tier), or with `flag_type` (e.g. efficiency: low output per 亩) that type among
    the parcel's `ineff_flags`."""
    prepared = _prepare(table, key, which)
    if flag_type is not None:
        if "ineff_flags" not in table.columns:
            raise LandEvalError("The {which} has no 'ineff_flags' field: give evaluated layers (their "
                                "inefficiency flags), or flag by 'inefficient'.", which=which)
        flags = pd.Series(table["ineff_flags"].to_numpy(dtype=object), index=prepared.index).fillna("").astype(str)
        return flags.str.contains(rf"(?:^|;){re.escape(flag_type)}(?:;|$)").astype(float)
    if worst_tier is None:
        if "inefficient" not in table.columns:
            raise LandEvalError("The {which} has no 'inefficient' field: give evaluated layers, or flag by tier.",
                                which=which)
        return prepared["inefficient"].where(prepared["inefficient"].isna(), (prepared["inefficient"] == 1) * 1.0)
    if worst_tier not in _RATED:
        raise LandEvalError("Tier {worst_tier!r} is not one of A, B, C, D.", worst_tier=worst_tier)
    if "tier" not in table.columns:
        raise LandEvalError("The {which} has no 'tier' field: give evaluated layers, or flag by 'inefficient'.",
                            which=which)
    rank = prepared["tier"].map(_RATED)
    flagged = (rank >= _RATED[worst_tier]).astype(float)
    return flagged.where(prepared["tier"].notna(), np.nan)


def persistence(rounds, key="parcel_id", n_last=3, worst_tier=None, names=None, flag_type=None):
    """Parcels flagged in each of the last `n_last` rounds (SPEC §3.12: cities act on persistence, e.g. low
    output three years in a row).

    rounds: evaluated tables, oldest first, each with `key` (comparable text ids) and `inefficient` (or `tier`
    when `worst_tier` is given, `ineff_flags` with `flag_type`). Returns a DataFrame with one row per parcel of the latest round, in its order:
    key, flagged_rounds (of the last n_last), streak (consecutive flagged rounds ending with the latest),
    persistent (1 if flagged in each of the last n_last rounds, else 0) and history (one mark per round, oldest
    first: 1 flagged, 0 not, ? unknown, - absent). A parcel absent from a round, or whose flag that round
    cannot tell, is not flagged in that round: persistence must be shown, not assumed.
    """
    if len(rounds) < 2:
        raise LandEvalError("Persistence needs at least two yearly rounds; give the evaluated layers of two or "
                            "more years, oldest first.")
    n_last = int(n_last)
    if not 1 <= n_last <= len(rounds):
        raise LandEvalError("N = {n_last} rounds asked for but {count} given: N must be between 1 and the number "
                            "of rounds.", n_last=n_last, count=len(rounds))
    names = list(names) if names else [f"round {i + 1}" for i in range(len(rounds))]
    latest = _prepare(rounds[-1], key, names[-1])
    ids = latest.index
    flags = np.column_stack([round_flags(table, key, worst_tier, name, flag_type).reindex(ids).to_numpy(dtype=float)
                             for table, name in zip(rounds, names)])
    present = np.column_stack([ids.isin(table[key].to_numpy(dtype=object)) for table in rounds])
    hit = flags == 1
    last = hit[:, -n_last:]
    # Consecutive flagged rounds counted back from the latest: the running product stops at the first miss.
    streak = np.cumprod(hit[:, ::-1], axis=1).sum(axis=1)
    marks = np.where(~present, "-", np.where(np.isnan(flags), "?", np.where(hit, "1", "0")))
    history = marks[:, 0]
    for column in marks[:, 1:].T:
        history = np.char.add(history, column)
    return pd.DataFrame({
        key: ids.to_numpy(dtype=object),
        "flagged_rounds": last.sum(axis=1).astype(np.int64),
        "streak": streak.astype(np.int64),
        "persistent": last.all(axis=1).astype(np.int64),
        "history": history.astype(object),
    })
