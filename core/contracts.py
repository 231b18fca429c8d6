"""Land-contract compliance (标准地 / 双合同, SPEC §3.12): the targets written in a parcel's land contract checked
against what the parcel achieves, at the milestone it has reached on the evaluation date.

Jiangning paper, lines 593–597: "同时签订工业项目监管合同与土地出让合同，实施'双合同'监管。强化全生命周期绩效评价，
在项目竣工、达产、正常运营与使用年期到期前，开展投入、产出、过程与续期评估". Read as:

    milestone (stage)                     assessment   targets due
    竣工 agreed completion date passed    投入 input    investment intensity, plot ratio, completed on time
    达产 agreed full-production date      产出 output   + output and tax per 亩
    正常运营 a year after 达产 onwards     过程 process  the same, every year
    到期 within EXPIRY_WINDOW of expiry   续期 renewal  all of them

A gap is achieved − target in the target's unit (万元/亩, plot ratio), negative = shortfall; completion
lateness in days. A target due but without an achieved value is "unverified", never "met". The result fields
are ordinary parcel fields, so a rule file can use them: a veto `{field: contract_breach, is: yes}` or a type.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import labels
from .dates import parse_dates
from .errors import LandEvalError, Problem
from .tables import to_numeric
from .units import M2_PER_UNIT, from_m2

# target id → (target column, achieved: (numerator raw id, per-area indicator id) or the indicator itself).
TARGETS = {
    "investment": ("target_investment", "fixed_investment", "fixed_investment_per_area"),
    "plot_ratio": ("target_plot_ratio", None, "plot_ratio"),
    "output": ("target_output", "output_value", "output_per_area"),
    "tax": ("target_tax", "tax", "tax_per_area"),
}
STAGES = ("construction", "completion", "production", "operation", "expiry", "undated")
# Targets due at each stage (cumulative: a later milestone still checks the earlier ones).
DUE = {
    "construction": (),
    "completion": ("investment", "plot_ratio"),
    "production": ("investment", "plot_ratio", "output", "tax"),
    "operation": ("investment", "plot_ratio", "output", "tax"),
    "expiry": ("investment", "plot_ratio", "output", "tax"),
    "undated": ("investment", "plot_ratio", "output", "tax"),
}
STAGE_LABELS = labels.entries("contract.stage")
SHORTFALL_LABELS = labels.entries("contract.shortfall")
FIELD_LABELS = labels.entries("contract.field")
DATE_COLUMNS = {"agreed_completion_date": "约定竣工日期", "agreed_production_date": "约定达产日期",
                "expiry_date": "土地使用权到期日期", "completion_date": "实际竣工日期"}


@dataclass
class ContractResult:
    table: pd.DataFrame  # the FIELD_LABELS columns, same index as the input
    warnings: list = field(default_factory=list)


def achieved_per_mu(df, target, area_unit="mu"):
    """Achieved value of a target in the contract's unit: per 亩 from the raw sum and area_m2 when both are
    present, else the per-area indicator converted from `area_unit` to 亩; plot ratio as it is. NaN if neither."""
    _, raw, indicator = TARGETS[target]
    if raw and raw in df and "area_m2" in df:
        mu = from_m2(pd.to_numeric(df["area_m2"], errors="coerce").to_numpy(dtype=float), "mu")
        value = pd.to_numeric(df[raw], errors="coerce").to_numpy(dtype=float)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(mu > 0, value / np.where(mu > 0, mu, 1.0), np.nan)
    if indicator in df:
        value = pd.to_numeric(df[indicator], errors="coerce").to_numpy(dtype=float)
        if raw:  # per `area_unit` → per 亩: divide by the 亩 in one unit
            value = value / (M2_PER_UNIT[area_unit] / M2_PER_UNIT["mu"])
        return value
    return np.full(len(df), np.nan)


def milestone(df, on, expiry_window_days=365):
    """Stage of every parcel on date `on` (datetime64[D]) from its agreed dates (STAGES)."""
    n = len(df)
    absent = np.full(n, np.datetime64("NaT"), "datetime64[D]")
    dates = {c: parse_dates(df[c], f"{c} ({DATE_COLUMNS[c]})") if c in df else absent for c in DATE_COLUMNS}
    completion, production, expiry = (dates["agreed_completion_date"], dates["agreed_production_date"],
                                      dates["expiry_date"])
    window = np.timedelta64(int(expiry_window_days), "D")
    undated = np.isnat(completion) & np.isnat(production) & np.isnat(expiry)
    stage = np.select(
        [~np.isnat(expiry) & (on >= expiry - window),
         ~np.isnat(production) & (on >= production + np.timedelta64(365, "D")),
         ~np.isnat(production) & (on >= production),
         ~np.isnat(completion) & (on >= completion),
         undated],
        ["expiry", "operation", "production", "completion", "undated"],
        default="construction",
    ).astype(object)
    return stage, dates


def check_contracts(df, on, area_unit="mu", expiry_window_days=365):
    """Compliance of every parcel with its land contract on date `on` (datetime64[D]).

    df: canonical columns — targets (target_investment, target_output, target_tax in 万元/亩; target_plot_ratio),
    agreed dates (agreed_completion_date, agreed_production_date, expiry_date), the actual completion_date, and
    the achieved values (raw sums with area_m2, or the per-area indicators in `area_unit`). Parcels with no
    target and no agreed date are not under a contract: every field NULL. Returns ContractResult.
    """
    present = [TARGETS[t][0] for t in TARGETS if TARGETS[t][0] in df]
    if not present and "agreed_completion_date" not in df:
        raise LandEvalError("The layer carries no contract targets: give at least one of 合同投资强度 "
                            "(target_investment), 合同亩均产值 (target_output), 合同亩均税收 (target_tax), 合同容积率 "
                            "(target_plot_ratio) or 约定竣工日期 (agreed_completion_date).")
    n = len(df)
    warnings = []
    stage, dates = milestone(df, on, expiry_window_days)
    out = pd.DataFrame(index=df.index)
    out["contract_stage"] = stage
    shortfalls = np.full(n, "", dtype=object)
    unverified = np.full(n, "", dtype=object)
    any_target = np.zeros(n, dtype=bool)
    for target, (column, _, _) in TARGETS.items():
        if column not in df:
            out[f"gap_{target}"] = np.nan
            continue
        goal, notes = to_numeric(df[column], column)
        warnings += notes
        any_target |= ~np.isnan(goal)
        due = np.isin(stage, [s for s, targets in DUE.items() if target in targets]) & ~np.isnan(goal)
        achieved = achieved_per_mu(df, target, area_unit)
        gap = np.where(due, achieved - goal, np.nan)
        out[f"gap_{target}"] = gap
        shortfalls = _append(shortfalls, due & (gap < 0), target)
        unverified = _append(unverified, due & np.isnan(achieved), target)
    agreed, actual = dates["agreed_completion_date"], dates["completion_date"]
    finished = np.where(np.isnat(actual), on, actual)
    late = ~np.isnat(agreed) & (on > agreed) & (finished > agreed)
    out["gap_completion_days"] = np.where(late, (finished - agreed).astype("timedelta64[D]").astype(float), np.nan)
    shortfalls = _append(shortfalls, late, "completion")
    under_contract = any_target | ~np.isnat(agreed) | ~np.isnat(dates["agreed_production_date"])
    breach = np.where(shortfalls != "", 1.0, np.where(unverified != "", np.nan, 0.0))
    out["contract_shortfalls"] = np.where(shortfalls != "", shortfalls, None)
    out["contract_unverified"] = np.where(unverified != "", unverified, None)
    out["contract_breach"] = np.where(under_contract, breach, np.nan)
    out.loc[~under_contract, "contract_stage"] = None
    undated = (stage == "undated") & under_contract
    if undated.any():
        warnings.append(Problem("{count} parcel(s) have contract targets but no milestone date (约定竣工日期, "
                                "约定达产日期, 到期日期): every target is checked as due.", count=int(undated.sum())))
    n_unverified = int(((unverified != "") & under_contract).sum())
    if n_unverified:
        warnings.append(Problem("{count} parcel(s) have a target due but no achieved value (see contract_unverified): "
                                "their contract_breach is left empty until the value is supplied.",
                                count=n_unverified))
    return ContractResult(out, warnings)


def fulfilled_flag(breach, recorded=None):
    """The Jiangning veto input 是否按合同约定履行 (`contract_fulfilled`, 1/0/NaN) from `contract_breach` and the
    value a table already records: a parcel fails if either says so, passes if the check finds it met and the
    record does not contradict it, and keeps the record where the check cannot tell."""
    breach = np.asarray(breach, dtype=float)
    recorded = np.full(len(breach), np.nan) if recorded is None else np.asarray(recorded, dtype=float)
    return np.where((breach == 1) | (recorded == 0), 0.0, np.where(breach == 0, 1.0, recorded))


def _append(text, mask, item):
    """`item` added (;-joined) to the texts where `mask` holds."""
    joined = np.where(text == "", item, text + ";" + item)
    return np.where(mask, joined, text).astype(object)
