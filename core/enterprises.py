"""Enterprises → parcels (SPEC §3.1–3.2): the one join of an enterprise table to the parcel table.

Enterprises are matched to parcel *positions*, so the join neither depends on how each file typed the ids
(core.keys.key_strings) nor double-counts a parcel id that occurs twice. The engine (core.pipeline.evaluate)
matches by id; the QGIS side (qgis_io/assemble.py) by id or, for a point layer, by location, and both
then aggregate and count here.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from pandas.api.extensions import take

from .errors import QT_TRANSLATE_NOOP, LandEvalError, Problem
from .frames import columns_of, side_by_side
from .indicators import aggregate_enterprises
from .keys import describe_positions, is_numeric_key, key_strings, without_leading_zeros
from .tables import Note


@dataclass
class EnterpriseJoin:
    """firms: one row per parcel position (0 … n−1) with the aggregated enterprise columns and n_enterprises
    (0 where no firm); counts: enterprises, unmatched_enterprises, parcels_without_enterprise; warnings."""

    firms: pd.DataFrame
    counts: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)


def positions_by_id(parcel_keys, enterprise_keys):
    """Parcel position of every enterprise (−1 = no parcel has its id); both sides as core.keys.key_strings.

    A parcel id that occurs twice is an error only when an enterprise refers to it: its firms could belong to
    either row. Otherwise the first row holding an id takes its firms.
    """
    keys = pd.Series(parcel_keys, dtype=object)
    enterprise_keys = np.asarray(enterprise_keys, dtype=object)
    duplicated = keys[keys.duplicated(keep=False) & keys.notna()]
    clash = sorted(set(duplicated) & set(k for k in enterprise_keys if k is not None))
    if clash:
        raise LandEvalError(
            "Parcel id(s) {clash} occur more than once in the parcel layer, and the enterprise table refers to "
            "them, so their enterprises cannot be placed. Make PARCEL_ID unique.", clash=', '.join(clash[:10])
        )
    # Only the first row of each id, and no missing id, may be looked up: an index holding NaN twice (two
    # parcels without an id, or two different repeated ids) cannot be searched at all.
    first = np.flatnonzero((keys.notna() & ~keys.duplicated(keep="first")).to_numpy())
    found = pd.Index(keys.to_numpy()[first]).get_indexer(pd.Index(enterprise_keys))
    positions = np.where(found >= 0, first[np.maximum(found, 0)], -1) if len(first) else np.full(len(found), -1)
    return np.where(pd.isna(enterprise_keys), -1, positions).astype(np.int64)


def match_by_id(parcel_ids, enterprise_ids, parcel_field="parcel id", parcel_keys=None):
    """Parcel position of every enterprise (−1 = none) from the two id columns as read, and the messages.

    When either side is a number field, ids are compared as numbers — an enterprise id "0001" (systems and
    Excel round-trips write them so) is parcel 1 —, with a Note saying so when a padded id occurred. When
    both are text, "0001" and "1" stay different ids, but if unmatched enterprise ids would match once leading
    zeros are dropped on both sides, a warning says exactly that, with examples. `parcel_keys`: the parcel
    ids as core.keys.key_strings, when the caller has them already.
    """
    parcel_keys = key_strings(parcel_ids) if parcel_keys is None else np.asarray(parcel_keys, dtype=object)
    enterprise_keys = key_strings(enterprise_ids)
    parcel_numeric, enterprise_numeric = is_numeric_key(parcel_ids), is_numeric_key(enterprise_ids)
    messages = []
    if parcel_numeric != enterprise_numeric:
        # Only the text side can carry zeros: a number field prints 1, never 0001.
        text_keys = enterprise_keys if parcel_numeric else parcel_keys
        stripped = without_leading_zeros(text_keys)
        changed = np.flatnonzero(stripped != text_keys)
        if len(changed):
            examples = ", ".join(f"{text_keys[i]} = {stripped[i]}" for i in changed[:3])
            template = (QT_TRANSLATE_NOOP("LandEvalError", "The parcel {field} is a number field, so ids are "
                                          "compared as numbers: {count} id(s) written with leading zeros are read "
                                          "as numbers ({examples}).") if parcel_numeric else
                        QT_TRANSLATE_NOOP("LandEvalError", "The enterprise table's {field} is a number field, so "
                                          "ids are compared as numbers: {count} id(s) written with leading zeros "
                                          "are read as numbers ({examples})."))
            messages.append(Note(template, field=parcel_field, count=len(changed), examples=examples))
        if parcel_numeric:
            enterprise_keys = stripped
        else:
            parcel_keys = stripped
    positions = positions_by_id(parcel_keys, enterprise_keys)
    if not parcel_numeric and not enterprise_numeric:
        messages += _padding_hint(parcel_keys, enterprise_keys, positions, parcel_field)
    return positions, messages


def _padding_hint(parcel_keys, enterprise_keys, positions, parcel_field):
    """A warning when unmatched text ids would match without their leading zeros (at least three of them,
    or all the unmatched ones when fewer): one side was probably padded or stripped by a system or Excel.
    Only ids that start with 0 are rewritten, so a table without padded ids costs one string test per id."""
    unmatched = np.flatnonzero(positions < 0)
    if not len(unmatched):
        return []
    firms = np.asarray(enterprise_keys, dtype=object)[unmatched]
    stripped = without_leading_zeros(firms)
    parcel_keys = np.asarray(parcel_keys, dtype=object)
    padded = pd.Series(parcel_keys, dtype=object).str.startswith("0").fillna(False).to_numpy(dtype=bool)
    if not padded.any() and (stripped == firms).all():
        return []
    lookup = parcel_keys.copy()
    lookup[padded] = without_leading_zeros(parcel_keys[padded])
    # The first parcel of each id, as positions_by_id takes it.
    first = ~pd.Series(lookup, dtype=object).duplicated().to_numpy()
    found = pd.Index(lookup[first]).get_indexer(pd.Index(stripped))
    would = np.flatnonzero((found >= 0) & pd.notna(stripped))
    if not len(would) or len(would) < min(3, len(unmatched)):
        return []
    original = parcel_keys[first]
    examples = ", ".join(f"{firms[i]} ~ {original[found[i]]}" for i in would[:5])
    return [f"{len(would)} of the {len(unmatched)} unmatched enterprise id(s) would match a parcel if leading "
            f"zeros were ignored ({examples}{', …' if len(would) > 5 else ''}). Both {parcel_field} columns are "
            "text, so LandEval does not strip zeros: write the ids the same way in both tables (or store the "
            "parcel id as a number field, which compares them as numbers)."]


def _with_positions(canon, positions):
    """`canon` with each row's parcel position as parcel_id (−1 for the unmatched) and the keys dropped,
    sharing canon's columns: no copy of the firm table (dropping, assigning then selecting the matched rows
    copied it three times)."""
    columns = columns_of(canon, lambda c: c not in ("parcel_id", "enterprise_id"))
    return side_by_side(columns + [pd.Series(positions, index=canon.index, name="parcel_id")], canon.index)


def join_enterprises(canon, positions, parcel_keys, how, row_labels):
    """Aggregate the enterprises of each parcel and count what matched (EnterpriseJoin).

    canon: the enterprise table under canonical ids (core.tables.canonical_table), one row per enterprise;
    positions: each row's parcel position (−1 = none, see positions_by_id); parcel_keys: the parcel ids for
    messages; how: how the rows were matched ("id (宗地编号)", "location"), for messages; row_labels: what names
    an enterprise in a message when the table has no enterprise_id (feature ids, row labels).
    """
    positions = np.asarray(positions, dtype=np.int64)
    n = len(parcel_keys)
    warnings = []
    unmatched = positions < 0
    counts = {"enterprises": int(len(positions)), "unmatched_enterprises": int(unmatched.sum())}
    if unmatched.any():
        label = canon["enterprise_id"] if "enterprise_id" in canon else pd.Series(row_labels)
        warnings.append(Problem("{enterprises} enterprise(s) match no parcel (joined by {how}); they are left out "
                                "of every indicator.", how=how,
                                enterprises=describe_positions(np.flatnonzero(unmatched),
                                                               label.astype(str).to_numpy())))
    # Keys are dropped: the join is by position, and an enterprise id 'first' per parcel means nothing.
    if unmatched.all():
        firms = pd.DataFrame({"n_enterprises": np.zeros(n, dtype=np.int64)})
    else:
        # `canon` is parsed already (the caller's canonical_table reported its cells, by enterprise id). The
        # unmatched firms form their own group (−1), which the reindex below leaves out: every group is
        # aggregated on its own, so the parcels' values are those of aggregating the matched firms alone.
        canon = _with_positions(canon, positions)
        firms = aggregate_enterprises(canon, "parcel_id", parsed=True)
        del canon
        warnings += firms.attrs.get("warnings", [])
        firms = _by_position(firms, n)
        firms["n_enterprises"] = firms["n_enterprises"].fillna(0).astype(np.int64)
    without = np.flatnonzero(firms["n_enterprises"].to_numpy() == 0)
    counts["parcels_without_enterprise"] = int(len(without))
    if len(without):
        warnings.append(Problem("{parcels} parcel(s) have no enterprise (n_enterprises = 0); their enterprise "
                                "indicators are missing.", parcels=describe_positions(without, parcel_keys)))
    return EnterpriseJoin(firms, counts, warnings)


def _by_position(aggregated, n):
    """The aggregated firms (column parcel_id: the group's parcel position, −1 for the unmatched) as one row per
    parcel position 0 … n−1, missing where a parcel has no firm — what set_index + reindex give, column by
    column (pandas' take fills and promotes a column's type exactly as reindex does), without the whole-table
    copies of the reindex and of a reset_index. Consumes `aggregated`: each column is dropped from it once
    placed, so that the two tables are never whole at once."""
    where = pd.Index(aggregated.pop("parcel_id").to_numpy()).get_indexer(np.arange(n))
    index = pd.RangeIndex(n)
    placed = [pd.Series(take(aggregated.pop(name)._values, where, allow_fill=True), index=index, name=name)
              for name in list(aggregated.columns)]
    return side_by_side(placed, index)


def attach_firms(frame, firms):
    """`frame` (one row per parcel position) with the columns of EnterpriseJoin.firms; return
    `(frame, columns both had)`. A parcel-level value in the parcel table wins over the one aggregated from
    the firms; the firms only fill its gaps."""
    both = [c for c in firms.columns if c in frame.columns]
    filled = {c: frame[c].where(frame[c].notna(), firms[c].to_numpy()) for c in both}
    # The frame's own columns (a filled one in its place) and the firms' new ones side by side, none of them
    # copied (core.frames): assign and a concatenation of DataFrames each copied the whole parcel table.
    columns = [filled.get(name, frame.iloc[:, k]) for k, name in enumerate(frame.columns)]
    columns += [pd.Series(firms[c].to_numpy(), index=frame.index, name=c) for c in firms.columns if c not in both]
    return side_by_side(columns, frame.index), both
