"""The whole evaluation on one parcel table: parse → indicators → vetoes → scores (against the parcels that
pass the vetoes) → types → determination → tiers. What the one-shot `landeval:evaluate` algorithm and the
dock's "evaluate" button run. The stages by name (STAGES, run_stages) for the algorithms that run some of
them, and the one output-field order (output_order, output_columns)."""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import classify, scoring, vetoes
from .catalogue import load_catalogue
from .conditions import fields_of
from .config import EvalConfig, load_config
from .enterprises import attach_firms, join_enterprises, match_by_id
from .errors import LandEvalError, Problem
from .frames import columns_of, side_by_side
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
        """The result fields of docs/design.md present in the table, in the one output order (output_order
        without the raw inputs, which are not result fields)."""
        return [c for c in output_order(self.area_unit, self.table.columns, inputs=False) if c in self.table.columns]


def output_order(area_unit, columns=(), inputs=True):
    """The one order of LandEval's output fields: areas (m², then `area_unit`), enterprise count, raw inputs
    (none when `inputs` is false: an input that is also an indicator then stands with the indicators),
    indicators, vetoes and score, the sub-scores `s_<element>` found among `columns` (sorted), then the rule
    results. Names only; a table has some of them. What every output of LandEval is written in."""
    catalogue = load_catalogue()
    raw = list(catalogue.raw) if inputs else []
    elements = sorted(c for c in columns if str(c).startswith("s_"))
    ordered = ["area_m2", f"area_{area_unit}", "n_enterprises"] + raw + list(catalogue.indicators)
    return list(dict.fromkeys(ordered + list(TAIL_FIELDS) + elements + list(RULE_FIELDS)))


def output_columns(columns, area_unit, exclude=()):
    """`columns` but `exclude`, sorted by output_order; the ones it does not name last, in their own order."""
    present = [c for c in columns if c not in exclude]
    rank = {c: i for i, c in enumerate(output_order(area_unit, present))}
    return sorted(present, key=lambda c: rank.get(c, len(rank)))


def kept_inputs(cfg, group_field=None):
    """The computed columns KEEP_FIELDS "results" (level 0) writes besides the result fields: the indicators the
    weight set scores and their raw inputs (a zone's ratio is the ratio of its parcels' sums: aggregatezones
    needs output_value, tax, … beside output_per_area), every field its rules read (so that re-applying them
    to the output, as the dock's tier preview and robustness do, sees the same values), the grouping fields,
    and every raw input that is not a sum of the firms' figures — ids, firm, sector, town, flags, categories,
    dates, targets and spatial inputs: one narrow column each, read by the dossier, the Excel list and the
    decision steps (paths, monitoring, scenarios). What level 0 leaves out is the firms' other sums (catalogue
    kind "extensive") and the indicators the weight set does not score."""
    catalogue = load_catalogue()
    names = [k for k, entry in catalogue.raw.items() if entry.kind != "extensive"]
    names += ["identified"] + _score_columns(cfg, group_field)
    for _, spec in cfg.indicators():
        names += list(catalogue.indicators[spec.field].inputs) if spec.field in catalogue.indicators else []
    names += [name for _, cond in rule_conditions(cfg) for name in fields_of(cond)]
    return list(dict.fromkeys(names))


def needed_inputs(cfg, keep, group_field=None):
    """The canonical ids a run at KEEP_FIELDS level `keep` needs from its parcel and enterprise tables, or None
    for every recognised one (levels 1 and 2 compute every indicator the tables allow). Level 0 needs what it
    writes (kept_inputs), the inputs of every indicator among them (a rule may read an indicator the weight set
    does not score), what the firms' aggregation weighs by (catalogue `weight_by`) and output_value, which
    picks the dominant firm whose sector, type and name a parcel takes. Reading only these changes no value
    written at level 0: the others feed only columns level 0 leaves out."""
    if keep >= 1:
        return None
    catalogue = load_catalogue()
    names = set(kept_inputs(cfg, group_field)) | {"area_m2", "parcel_id", "enterprise_id"}
    for name in list(names):
        if name in catalogue.indicators:
            names |= set(catalogue.indicators[name].inputs)
    for name in list(names):
        entry = catalogue.raw.get(name)
        if entry is not None and entry.aggregate == "wmean" and entry.weight_by:
            names.add(entry.weight_by)
        if entry is not None and entry.aggregate == "dominant":
            names.add("output_value")
    return names


def dropped_columns(columns, cfg, keep, area_unit, group_field=None):
    """The columns of `columns` a full result leaves out at KEEP_FIELDS level `keep` (0 results, 1 also every
    computed indicator, 2 everything: none left out). Result fields (areas, n_enterprises, vetoes, score,
    s_<element>, rule results) are always written; so are kept_inputs."""
    if keep >= 2:
        return []
    catalogue = load_catalogue()
    written = set(output_order(area_unit, columns, inputs=False)) - set(catalogue.indicators)
    written |= set(kept_inputs(cfg, group_field))
    if keep >= 1:
        written |= set(catalogue.indicators)
    return [c for c in columns if c not in written and not str(c).startswith("s_")]


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
                warnings.append(Problem("{where}: field {name!r} ({label}) is not in the table; the rule treats it "
                                        "as missing and never fires on it.", where=where, name=name,
                                        label=load_catalogue().label(name)))
    for name in added:
        work[name] = np.nan
    return added


def _score_columns(cfg, group_field):
    """The columns scoring reads: indicator fields and group fields."""
    names = [group_field, cfg.group_by]
    for _, spec in cfg.indicators():
        names += [spec.field, spec.group_by]
    return [n for n in dict.fromkeys(names) if n]


def _quality(table, cfg, normalized, reasons):
    """The counts of the report: per-indicator missing values (`normalized`, the score stage's matrix) with
    their `reasons` (the indicators stage's), vetoes, types, categories and tiers of the finished `table`."""
    per_indicator = {}
    for ind_id in normalized.columns:
        missing = int(normalized[ind_id].isna().sum())
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


@dataclass
class StageRun:
    """What the stages of one run share: the overrides of the configuration (None = its value) and what the
    stages report back — warnings for the technician, the indicators stage's missing-value reasons (id →
    Series) and the score stage's normalized indicator matrix (for the quality counts)."""

    area_unit: str = None
    threshold: float = None
    normalization: str = None
    group_field: str = None
    tier_method: str = None
    tier_breaks: object = None
    warnings: list = field(default_factory=list)
    reasons: dict = field(default_factory=dict)
    normalized: pd.DataFrame = None


def indicators_stage(frame, cfg, run):
    """`area_<unit>` and every indicator `frame`'s inputs allow (core.indicators), plus an all-missing column,
    with a warning, for each indicator of `cfg` that cannot be computed (its scores are then missing)."""
    unit = run.area_unit or cfg.area_unit
    table, run.reasons = compute_indicators(frame, unit)
    new = columns_of(table, lambda c: c not in frame.columns or c == f"area_{unit}")
    columns = set(table.columns)
    absent = {}
    for element, spec in cfg.indicators():
        if spec.field not in columns:
            run.warnings.append(Problem("{where}: cannot be computed — the table has no {inputs}; the indicator "
                                        "is missing for every parcel.", where=f"{element.id}/{spec.id}",
                                        inputs=", ".join(absent_inputs(columns, spec.field))))
            absent[spec.field] = pd.Series(np.nan, index=frame.index, name=spec.field)
    return side_by_side(new + list(absent.values()), frame.index)


def vetoes_stage(frame, cfg, run):
    """`veto_failed`, `veto_reasons`, `veto_unknown`, `needs_verification` (core.vetoes)."""
    return vetoes.check_vetoes(frame, cfg)


def score_stage(frame, cfg, run):
    """Normalized, weighted scores (core.scoring): `score`, `score_rank`, `s_<element>`, `missing_count`,
    `weakest`. Normalization is part of it: a parcel failing a veto (`veto_failed` of the vetoes stage) is
    left out of the statistics the others are normalized against."""
    details = scoring.score_details(frame, cfg, run.normalization, run.group_field)
    run.warnings += details.warnings
    run.normalized = details.normalized
    return details.table


def types_stage(frame, cfg, run):
    """`ineff_type` (the first matching type) and `ineff_flags` (every match) of the rule set's screens."""
    return classify.classify_types(frame, cfg)


def categories_stage(frame, cfg, run):
    """The final determination (core.classify.determine): `inefficient`, `review`, `category`."""
    if cfg.identification == "screening" and run.threshold is not None:
        run.warnings.append(Problem("Configuration {name!r} identifies inefficient parcels by screening, not by "
                                    "score: the threshold {threshold:g} is not used.", name=cfg.name,
                                    threshold=run.threshold))
    return classify.determine(frame, cfg, run.threshold)


def tiers_stage(frame, cfg, run):
    """`tier` A/B/C/D/T (core.classify.assign_tiers); no column, and a warning, when neither the configuration
    nor the run says how to grade."""
    if cfg.tiers is None and run.tier_method is None:
        run.warnings.append(Problem("Configuration {name!r} has no tiers section; no tiers were graded.",
                                    name=cfg.name))
        return pd.DataFrame(index=frame.index)
    return classify.assign_tiers(frame, cfg, run.tier_method, run.tier_breaks)


# The evaluation's stages in the order they run: each is `stage(frame, cfg, run) -> DataFrame` of the columns
# it adds (same index), reading the columns of the stages before it. Vetoes come before the score because the
# parcels failing one are left out of the statistics the others are scored against (Jiangning).
STAGES = (
    ("indicators", indicators_stage),
    ("vetoes", vetoes_stage),
    ("score", score_stage),
    ("types", types_stage),
    ("categories", categories_stage),
    ("tiers", tiers_stage),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)


def stage_inputs(cfg, group_field=None):
    """The columns any stage may read: the area and indicator inputs, the score's indicator and group fields,
    every field of a rule condition, `reported` (read by the determination without categories) and the result
    fields of the stages themselves (a run of the later stages alone reads those of the earlier ones)."""
    catalogue = load_catalogue()
    names = ["area_m2", "reported", "identified"] + list(TAIL_FIELDS) + list(RULE_FIELDS)
    names += _score_columns(cfg, group_field)
    for iid, entry in catalogue.indicators.items():
        names += [iid, *entry.inputs]
    names += [name for _, cond in rule_conditions(cfg) for name in fields_of(cond)]
    return list(dict.fromkeys(names))


def run_stages(table, cfg, run, names=STAGE_NAMES):
    """The columns the stages `names` (a subset of STAGE_NAMES, run in STAGES order) add to `table`, as one
    DataFrame with `table`'s index; messages go to `run.warnings`.

    The stages see a narrow frame — the columns they read (stage_inputs) and the ones the stages before them
    added — made of `table`'s own columns, not copies of them. Before the first rule stage, the fields the rules
    read but the table lacks are added to that frame as missing, with a warning (add_rule_placeholders); they
    are not in the result. A column a stage computes replaces a same-named column of `table` in what later
    stages see.
    """
    unknown = [n for n in names if n not in STAGE_NAMES]
    if unknown:
        raise LandEvalError("Unknown evaluation stage(s) {unknown}: use {stage_names}.",
                            unknown=', '.join(unknown), stage_names=', '.join(STAGE_NAMES))
    inputs = set(stage_inputs(cfg, run.group_field))
    # A new frame of the same columns: the stages' placeholders go into it, never into `table`.
    frame = side_by_side(columns_of(table, lambda c: c in inputs), table.index)
    added = []
    for name, stage in STAGES:
        if name not in names:
            continue
        if name != "indicators":
            add_rule_placeholders(frame, cfg, run.warnings)
        new = stage(frame, cfg, run)
        added += columns_of(new)
        frame = side_by_side(columns_of(frame, lambda c: c not in new.columns) + columns_of(new), table.index)
    return side_by_side(added, table.index)


def _join(work, enterprises, parcel_key, warnings):
    """`work` with the enterprises aggregated onto their parcels by id (core.enterprises), and the counts."""
    if parcel_key not in work.columns:
        raise LandEvalError("The parcel table has no {parcel_key!r} column to join the enterprises on.",
                            parcel_key=parcel_key)
    firms, found = canonical_table(enterprises)
    warnings += found
    if parcel_key not in firms.columns:
        raise LandEvalError("The enterprise table has no parcel key column {parcel_key!r} (宗地编号); map it in the "
                            "field mapping.", parcel_key=parcel_key)
    parcel_keys = key_strings(work[parcel_key])
    positions, found = match_by_id(work[parcel_key], firms[parcel_key], parcel_key, parcel_keys)
    warnings += found
    joined = join_enterprises(firms, positions, parcel_keys, Problem("id ({field})", field=parcel_key), enterprises.index.to_numpy())
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
    run = StageRun(area_unit or cfg.area_unit, threshold, normalization, group_field, tier_method, tier_breaks)
    work, run.warnings = canonical_table(df, field_map)
    join_counts = {}
    if enterprises is not None:
        work, join_counts = _join(work, enterprises, parcel_key, run.warnings)
    return evaluate_parsed(work, cfg, run, join_counts)


def evaluate_parsed(work, cfg, run, counts=None):
    """Every stage on `work`, a parcel table whose columns are already parsed (canonical_table, or the QGIS
    bridge's assemble, which parses the parcel and enterprise tables once): the EvaluationResult of evaluate,
    with `counts` (the join's) added to its quality. The result's table is made of `work`'s own columns (but the
    ones a stage recomputes) and the stages' new ones, without copying them; `run` (StageRun) holds the
    overrides and collects the warnings."""
    if run.area_unit is None:
        run.area_unit = cfg.area_unit
    new = run_stages(work, cfg, run)
    # A column a stage recomputes (area_<unit>) is left out of `work`'s and comes with the new ones.
    table = side_by_side(columns_of(work, lambda c: c not in new.columns) + columns_of(new), work.index)
    quality = {**_quality(table, cfg, run.normalized, run.reasons), **(counts or {})}
    return EvaluationResult(table, run.warnings, quality, run.area_unit, cfg.name)
