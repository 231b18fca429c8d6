"""The whole evaluation on one parcel table: parse → indicators → vetoes → scores (against the parcels that
pass the vetoes) → types → determination → tiers. What the one-shot `landeval:evaluate` algorithm and the
dock's "evaluate" button run."""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import classify, scoring, vetoes
from .catalogue import load_catalogue
from .conditions import fields_of
from .config import EvalConfig, load_config
from .errors import LandEvalError
from .enterprises import attach_firms, join_enterprises, match_by_id
from .indicators import absent_inputs, compute_indicators
from .keys import key_strings
from .tables import canonical_table

TAIL_FIELDS = ("n_enterprises", "veto_failed", "veto_reasons", "veto_unknown", "needs_verification", "score",
               "score_rank")
RULE_FIELDS = ("missing_count", "weakest", "ineff_type", "ineff_flags", "inefficient", "review", "category",
               "tier", "level")


@dataclass
class EvaluationResult:
    """table: the input columns (recognised ones under canonical ids, parsed) followed by every result column;
    warnings: messages for the technician; quality: counts for the report (see evaluate)."""

    table: pd.DataFrame
    warnings: list = field(default_factory=list)
    quality: dict = field(default_factory=dict)
    area_unit: str = "mu"
    config_name: str = ""

    def output_fields(self):
        """The result fields of docs/design.md present in the table, in the documented order."""
        ids = [ind for ind in load_catalogue().indicators if ind in self.table.columns]
        elements = [c for c in self.table.columns if str(c).startswith("s_")]
        order = ["area_m2", f"area_{self.area_unit}"] + ids + list(TAIL_FIELDS) + elements + list(RULE_FIELDS)
        return [c for c in order if c in self.table.columns]


def rule_conditions(cfg):
    """Every condition of the configuration's rules as `(where, condition)`, where = its path in the file
    ("vetoes[0]", "tiers.unrated_when"); a tier condition not given is None."""
    found = [(f"vetoes[{i}]", v.when) for i, v in enumerate(cfg.vetoes)]
    found += [(f"types[{i}]", t.when) for i, t in enumerate(cfg.types)]
    found += [(f"categories[{i}]", c.when) for i, c in enumerate(cfg.categories)]
    if cfg.tiers is not None:
        found += [("tiers.cap_when", cfg.tiers.cap_when), ("tiers.unrated_when", cfg.tiers.unrated_when),
                  ("tiers.never_d_when", cfg.tiers.never_d_when)]
    return found


def add_rule_placeholders(work, cfg, warnings):
    """Add NaN columns to `work` (in place) for the fields the rules of `cfg` read but the table lacks, and a
    warning per field to `warnings`: such a rule never fires, and says so. Fields the evaluation itself
    produces (score, inefficient, …) are not placeholders. Returns the names added, for the caller to drop
    from its output."""
    produced = {"inefficient", "identified", "review", "veto_failed", "veto_unknown", "needs_verification", "score",
                "ineff_type", "ineff_flags", "category"}
    added = []
    for where, cond in rule_conditions(cfg):
        for name in fields_of(cond, optional=False):
            if name not in work.columns and name not in produced and name not in added:
                added.append(name)
                warnings.append(f"{where}: field {name!r} ({load_catalogue().label(name)}) is not in the table; "
                                "the rule treats it as missing and never fires on it.")
    for name in added:
        work[name] = np.nan
    return added


def _score_columns(cfg, group_field):
    """The columns scoring reads: indicator fields and group fields."""
    names = [group_field, cfg.group_by]
    for _, spec in cfg.indicators():
        names += [spec.field, spec.group_by]
    return [n for n in dict.fromkeys(names) if n]


def _quality(table, cfg, details, reasons):
    per_indicator = {}
    for ind_id in details.normalized.columns:
        missing = int(details.normalized[ind_id].isna().sum())
        entry = {"missing": missing}
        if ind_id in reasons:
            counts = reasons[ind_id].dropna().value_counts()
            entry["reasons"] = {str(k): int(v) for k, v in counts.items()}
        per_indicator[ind_id] = entry

    def counts(column):
        if column not in table.columns:
            return {}
        return {str(k): int(v) for k, v in table[column].value_counts(dropna=True).items()}

    # Few distinct veto combinations occur: count them once, then credit each veto in a combination.
    combos = table["veto_reasons"].value_counts()
    failed = {v.id: 0 for v in cfg.vetoes}
    for combo, count in combos.items():
        for vid in str(combo).split(";"):
            if vid in failed:
                failed[vid] += int(count)
    unknown = {v.id: 0 for v in cfg.vetoes}
    for combo, count in table["veto_unknown"].value_counts().items():
        for vid in str(combo).split(";"):
            if vid in unknown:
                unknown[vid] += int(count)
    verify = table["needs_verification"].to_numpy() == 1
    retained = (table["category"] == cfg.categories[-1].id).to_numpy() if cfg.categories else ~verify
    return {
        "config": cfg.name,
        "identification": cfg.identification,
        "veto_unknown_policy": cfg.veto_unknown,
        "vetoes_unknown": unknown,
        "needs_verification": int(verify.sum()),
        # 现状保留 counted only where every veto could be checked: the others are not known to be clean.
        "retained_clean": int((retained & ~verify).sum()),
        "retained_unverified": int((retained & verify).sum()),
        "config_digest": cfg.digest(),
        "parcels": int(len(table)),
        "scored": int(table["score"].notna().sum()),
        "indicators": per_indicator,
        "vetoes": failed,
        "veto_failed": int(table["veto_failed"].sum()),
        "inefficient": int(table["inefficient"].sum()) if "inefficient" in table else None,
        "review": int(table["review"].sum()) if "review" in table else None,
        "types": counts("ineff_type"),
        "categories": counts("category"),
        "tiers": counts("tier"),
    }


def _join(work, enterprises, parcel_key, warnings):
    """`work` with the enterprises aggregated onto their parcels by id (core.enterprises), and the counts."""
    if parcel_key not in work.columns:
        raise LandEvalError(f"The parcel table has no {parcel_key!r} column to join the enterprises on.")
    firms, found = canonical_table(enterprises)
    warnings += found
    if parcel_key not in firms.columns:
        raise LandEvalError(f"The enterprise table has no parcel key column {parcel_key!r} (宗地编号); "
                            "map it in the field mapping.")
    parcel_keys = key_strings(work[parcel_key])
    positions, found = match_by_id(work[parcel_key], firms[parcel_key], parcel_key, parcel_keys)
    warnings += found
    joined = join_enterprises(firms, positions, parcel_keys, f"id ({parcel_key})", enterprises.index.to_numpy())
    warnings += joined.warnings
    work, _ = attach_firms(work, joined.firms)
    return work, joined.counts


def evaluate(df, cfg, area_unit=None, threshold=None, tier_method=None, tier_breaks=None, normalization=None,
             group_field=None, field_map=None, enterprises=None, parcel_key="parcel_id"):
    """Evaluate every parcel of `df` under configuration `cfg` (EvalConfig, preset name or file path).

    df: one row per parcel with `area_m2` and raw inputs under canonical ids or recognised headers
    (`field_map` {id: column} for the others). enterprises: optional enterprise table joined by `parcel_key`
    and aggregated per parcel (core.enterprises; a value the parcel table has wins over the firms').
    area_unit (default: the config's), threshold, tier_method/tier_breaks, normalization and group_field
    override the configuration. Returns EvaluationResult; quality holds per-indicator missing counts with
    reasons, veto, type, category and tier counts, the configuration digest and, with enterprises, the join's
    counts (enterprises, unmatched_enterprises, parcels_without_enterprise).
    """
    cfg = cfg if isinstance(cfg, EvalConfig) else load_config(cfg)
    area_unit = area_unit or cfg.area_unit
    work, warnings = canonical_table(df, field_map)
    join_counts = {}
    if enterprises is not None:
        work, join_counts = _join(work, enterprises, parcel_key, warnings)
    work, reasons = compute_indicators(work, area_unit)
    columns = set(work.columns)
    for element, spec in cfg.indicators():
        if spec.field not in columns:
            absent = absent_inputs(columns, spec.field)
            warnings.append(f"{element.id}/{spec.id}: cannot be computed — the table has no "
                            f"{', '.join(absent)}; the indicator is missing for every parcel.")
            work[spec.field] = np.nan
    added = add_rule_placeholders(work, cfg, warnings)
    # Vetoes first: the parcels failing one are left out of the statistics the others are scored against.
    checked = vetoes.check_vetoes(work, cfg)
    scored = [c for c in _score_columns(cfg, group_field) if c in work.columns and c != "veto_failed"]
    details = scoring.score_details(pd.concat([work[scored], checked[["veto_failed"]]], axis=1), cfg,
                                    normalization, group_field)
    warnings += details.warnings
    if cfg.identification == "screening" and threshold is not None:
        warnings.append(f"Configuration {cfg.name!r} identifies inefficient parcels by screening, not by score: "
                        f"the threshold {threshold:g} is not used.")
    # The rules read a few columns: give them a narrow frame instead of copying the whole table at every step.
    needed = {name for _, cond in rule_conditions(cfg) for name in fields_of(cond)} | {"reported"}
    rules = pd.concat([work[[c for c in work.columns if c in needed]], checked, details.table], axis=1)
    steps = [checked, details.table]
    for step in (lambda f: classify.classify_types(f, cfg), lambda f: classify.determine(f, cfg, threshold)):
        steps.append(step(rules))
        rules = pd.concat([rules, steps[-1]], axis=1)
    if cfg.tiers is not None or tier_method is not None:
        steps.append(classify.assign_tiers(rules, cfg, tier_method, tier_breaks))
    else:
        warnings.append(f"Configuration {cfg.name!r} has no tiers section; no tiers were graded.")
    # `work` is this function's own frame: its placeholders are deleted in place, because work.drop() would
    # copy the whole table once more before the concatenation copies it (~0.4 GB at 10⁶ parcels). Not
    # copy=False: pandas 1.5 then consolidates the blocks, which costs more than it saves.
    for name in added:
        del work[name]
    table = pd.concat([work] + steps, axis=1)
    quality = {**_quality(table, cfg, details, reasons), **join_counts}
    return EvaluationResult(table, warnings, quality, area_unit, cfg.name)
