"""The four potential classes of stock industrial land (county paper §2 and Figure 1, SPEC §3.13).

The paper "includes all non-high-quality industrial spaces throughout the processes of land approval,
allocation, and construction ... classified into four major categories: approved but un-supplied industrial
land, supplied but undeveloped industrial land, underutilized industrial land in urban areas, and underutilized
industrial land in rural areas" (county paper, line 78). Each parcel first gets its life-cycle stage from the
supply, approval and construction columns a parcel table carries (status words or dates), then its class:

    stage approved (not supplied)            → approved_unsupplied  批而未供
    stage supplied (construction not begun)  → supplied_undeveloped 供而未用
    stage built and inefficient = 1          → underused_urban inside the development boundary,
                                               underused_rural outside it
    anything else (under construction, built and efficient) → no class

Rural = outside the urban development boundary: the paper ties the rural problem to "the lack of adequate
control over land outside urban development boundaries" (line 74). Where the table says nothing about supply or
construction, a parcel is taken as built and in use (it is in the evaluated stock with its firms).
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import labels
from .dates import parse_dates
from .errors import LandEvalError, Problem
from .tables import parse_yes_no

CLASSES = ("approved_unsupplied", "supplied_undeveloped", "underused_urban", "underused_rural")
CLASS_LABELS = labels.entries("potential.class")
STAGES = ("unapproved", "approved", "supplied", "under_construction", "built")
STAGE_LABELS = labels.entries("potential.stage")
FIELD_LABELS = labels.entries("potential.field")
# Status words, tested in this order (未竣工 before 竣工, 未开工 before 开工). Only whole phrases people write in
# a 供地状态 / 建设状态 column; anything else is an error that lists it, never a silent guess.
# A 是否供地 column holds 是/否. 闲置 (idle land) counts as not started: under the idle-land rules it is
# supplied land whose construction has not begun in time.
_SUPPLY_WORDS = (("未供|待供|未出让|未划拨|未供应|^否$", 0.0), ("已供|供应|出让|划拨|已供地|^是$", 1.0))
_BUILD_WORDS = (("未开工|未动工|未建|尚未开工|闲置", 0), ("未竣工|在建|施工|开工|动工", 1),
                ("竣工|建成|投产|已建|运营|使用", 2))
NOT_STARTED, UNDER_WAY, BUILT = 0, 1, 2


@dataclass
class PotentialResult:
    table: pd.DataFrame  # land_stage, potential (same index as the input)
    warnings: list = field(default_factory=list)


def _words(values, table, column):
    """Codes of a status column by its words (NaN where empty); LandEvalError listing unknown words."""
    text = pd.Series(values, dtype=object).where(pd.notna(values), "").astype(str).str.strip()
    codes = np.select([text.str.contains(words).to_numpy() for words, _ in table],
                      [code for _, code in table], default=np.nan).astype(float)
    unknown = (text != "").to_numpy() & np.isnan(codes)
    if unknown.any():
        shown = ", ".join(repr(v) for v in pd.unique(text[unknown])[:8])
        accepted = " / ".join(w.split("|")[0] for w, _ in table)
        raise LandEvalError("{column}: {count} value(s) LandEval cannot read as a status ({shown}); write one of "
                            "{accepted} (or the like), or leave the cell empty.", column=column,
                            count=int(unknown.sum()), shown=shown, accepted=accepted)
    return codes


def supplied_state(df):
    """1 supplied, 0 not supplied, NaN unknown: supply_status words, else a supply_date present."""
    if "supply_status" in df:
        state = _words(df["supply_status"].to_numpy(dtype=object), _SUPPLY_WORDS, "supply_status (供地状态)")
        if "supply_date" in df:
            dated = ~np.isnat(parse_dates(df["supply_date"], "supply_date (供地日期)"))
            state = np.where(np.isnan(state) & dated, 1.0, state)
        return state
    if "supply_date" in df:
        return np.where(np.isnat(parse_dates(df["supply_date"], "supply_date (供地日期)")), 0.0, 1.0)
    return np.full(len(df), np.nan)


def construction_state(df):
    """0 not started, 1 under way, 2 built, NaN unknown: construction_status words, else the actual start and
    completion dates (a table with date columns and neither date filled in has not started)."""
    state = np.full(len(df), np.nan)
    if "construction_status" in df:
        state = _words(df["construction_status"].to_numpy(dtype=object), _BUILD_WORDS,
                       "construction_status (建设状态)")
    has_dates = [c for c in ("start_date", "completion_date") if c in df]
    if has_dates:
        started = np.zeros(len(df), dtype=bool)
        if "start_date" in df:
            started = ~np.isnat(parse_dates(df["start_date"], "start_date (实际开工日期)"))
        built = np.zeros(len(df), dtype=bool)
        if "completion_date" in df:
            built = ~np.isnat(parse_dates(df["completion_date"], "completion_date (实际竣工日期)"))
        from_dates = np.where(built, BUILT, np.where(started, UNDER_WAY, NOT_STARTED)).astype(float)
        state = np.where(np.isnan(state), from_dates, state)
    return state


def approved_state(df):
    """1 approved, 0 not, NaN unknown: the approved flag, else an approval date present."""
    state = np.full(len(df), np.nan)
    if "approved" in df:
        state = parse_yes_no(df["approved"], "approved (是否已批)")
    if "approval_date" in df:
        dated = ~np.isnat(parse_dates(df["approval_date"], "approval_date (批准日期)"))
        state = np.where(np.isnan(state), np.where(dated, 1.0, 0.0), state)
    return state


def classify_potential(df):
    """land_stage and potential of every parcel of an evaluated table (module docstring for the rules).

    df: canonical columns; `inefficient` (0/1) is required, inside_dev_boundary (1/0) is needed for the two
    underused classes; supply_status / supply_date, construction_status / start_date / completion_date,
    approved / approval_date are used when present. Returns PotentialResult.
    """
    if "inefficient" not in df:
        raise LandEvalError("The layer has no field 'inefficient': run landeval:evaluate (or classifyparcels) "
                            "first; the underused classes are the parcels that evaluation finds inefficient.")
    warnings = []
    n = len(df)
    supplied = supplied_state(df)
    building = construction_state(df)
    approved = approved_state(df)
    conflict = (supplied == 0) & (building >= UNDER_WAY)
    if conflict.any():
        warnings.append(Problem("{count} parcel(s) are recorded as not supplied but under construction or built; they "
                                "are classed by their supply record (批而未供). Check the supply records.",
                                count=int(conflict.sum())))
    # Construction cannot begin before supply, so a parcel with a construction record counts as supplied.
    not_supplied = supplied == 0
    stage = np.select(
        [not_supplied & (approved == 0), not_supplied, building == NOT_STARTED, building == UNDER_WAY],
        ["unapproved", "approved", "supplied", "under_construction"],
        default="built",
    ).astype(object)
    unapproved = stage == "unapproved"
    if unapproved.any():
        warnings.append(Problem("{count} parcel(s) are neither approved nor supplied: they are outside the four "
                                "potential classes (the paper counts land from approval on).",
                                count=int(unapproved.sum())))
    inefficient = pd.to_numeric(df["inefficient"], errors="coerce").to_numpy(dtype=float) == 1
    underused = (stage == "built") & inefficient
    if "inside_dev_boundary" in df:
        inside = pd.to_numeric(df["inside_dev_boundary"], errors="coerce").to_numpy(dtype=float)
    else:
        inside = np.full(n, np.nan)
    unplaced = underused & np.isnan(inside)
    if unplaced.any():
        if "inside_dev_boundary" not in df:
            raise LandEvalError("The layer has no field 'inside_dev_boundary': give DEV_BOUNDARY to "
                                "landeval:evaluate (or computeindicators) so that underused land can be told urban "
                                "(inside the urban development boundary) from rural (outside).")
        warnings.append(Problem("{count} underused parcel(s) have no inside_dev_boundary value and get no class: "
                                "neither urban nor rural can be told.", count=int(unplaced.sum())))
    potential = np.select(
        [stage == "approved", stage == "supplied", underused & (inside == 1), underused & (inside == 0)],
        list(CLASSES),
        default=None,
    ).astype(object)
    table = pd.DataFrame({"land_stage": stage, "potential": potential}, index=df.index)
    return PotentialResult(table, warnings)


def class_totals(potential, area_m2):
    """{class: (parcels, area in m²)} for the four classes, in their order."""
    series = pd.Series(potential, dtype=object)
    area = pd.Series(np.asarray(area_m2, dtype=float)).fillna(0.0)
    return {c: (int((series == c).sum()), float(area[(series == c).to_numpy()].sum())) for c in CLASSES}
