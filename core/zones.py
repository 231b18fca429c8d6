"""Macro evaluation (county paper Table 2, SPEC §3.9): parcel results summed per zone and compared with the
whole district. Pure pandas/numpy; the QGIS side (algorithms/aggregatezones.py) only finds each parcel's zone."""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import labels
from .catalogue import load_catalogue
from .errors import LandEvalError, Problem
from .indicators import compute_indicators
from .units import from_m2, unit_label
from .weighting import entropy_weights

TIERS = ("A", "B", "C", "D", "T")


def _sums(df, groups):
    """Per-zone sums of every extensive raw input present (all missing in a zone → missing)."""
    catalogue = load_catalogue()
    cols = [c for c, e in catalogue.raw.items() if e.aggregate == "sum" and c in df.columns]
    numeric = df[cols].apply(pd.to_numeric, errors="coerce")
    return numeric.groupby(groups, sort=False).sum(min_count=1)


def _means(df, groups, area):
    """Per-zone values of the indicators that are not ratios of sums: a share of firms (above_scale_share,
    high_tech_share) weighted by the parcels' firm counts (n_enterprises; one per parcel without it), and a
    spatial or intensive parcel value used as an indicator (poi_density, accessibility, agglomeration,
    redline_share) weighted by parcel area."""
    catalogue = load_catalogue()
    firms = (pd.to_numeric(df["n_enterprises"], errors="coerce").fillna(0.0).to_numpy(dtype=float)
             if "n_enterprises" in df else np.ones(len(df)))
    out = {}
    for iid, entry in catalogue.indicators.items():
        raw = catalogue.raw.get(iid)
        if iid not in df.columns:
            continue
        if "share" in entry.formula:
            weight = firms
        elif not entry.formula and raw is not None and raw.kind in ("spatial", "intensive"):
            weight = area
        else:
            continue
        value = pd.to_numeric(df[iid], errors="coerce").to_numpy(dtype=float)
        has = ~np.isnan(value) & (weight > 0)
        frame = pd.DataFrame({"vw": np.where(has, value * weight, 0.0), "w": np.where(has, weight, 0.0)})
        sums = frame.groupby(groups, sort=False).sum()
        out[iid] = sums["vw"] / sums["w"].where(sums["w"] > 0)
    return pd.DataFrame(out)


def _count_area(mask, area, groups, unit):
    frame = pd.DataFrame({"n": mask.astype(np.int64), "a": np.where(mask, area, 0.0)})
    g = frame.groupby(groups, sort=False).sum()
    return g["n"], from_m2(g["a"].to_numpy(), unit)


def summarize(df, zones, area_unit="mu"):
    """Zone summary of an evaluated parcel table.

    df: one row per parcel with area_m2 and any of tier, category, inefficient, score and raw inputs; zones:
    the zone key of each row (None = in no zone; such parcels count only in the all-zone row). Returns
    (per-zone DataFrame indexed by zone key, all-zone Series). Columns: n_parcels, area_m2, area_<unit>,
    n_tier_X / area_tier_X, n_cat_<category> / area_cat_<category>, n_inefficient / area_inefficient,
    ineff_area_share, mean_score (area-weighted), the sums of extensive inputs, every indicator computable from
    the sums (output per area = Σ output / Σ area, …) and <indicator>_vs_all (zone value ÷ all-zone value).
    """
    area = pd.to_numeric(df["area_m2"], errors="coerce").fillna(0.0).to_numpy(dtype=float)
    keys = pd.Series(zones, index=df.index, dtype=object)
    everywhere = pd.Series("__all__", index=df.index)
    tables = []
    for groups in (keys, everywhere):
        valid = groups.notna().to_numpy()
        part = df[valid]
        g = groups[valid].to_numpy()
        a = area[valid]
        out = pd.DataFrame({"n_parcels": pd.Series(1, index=part.index).groupby(g, sort=False).sum()})
        out["area_m2"] = pd.Series(a, index=part.index).groupby(g, sort=False).sum()
        if "tier" in part:
            for tier in TIERS:
                n, ar = _count_area((part["tier"] == tier).to_numpy(), a, g, area_unit)
                if n.sum() or tier != "T":
                    out[f"n_tier_{tier}"], out[f"area_tier_{tier}"] = n, ar
        if "category" in part:
            for cat in pd.unique(part["category"].dropna()):
                out[f"n_cat_{cat}"], out[f"area_cat_{cat}"] = _count_area((part["category"] == cat).to_numpy(), a,
                                                                          g, area_unit)
        if "inefficient" in part:
            flag = pd.to_numeric(part["inefficient"], errors="coerce").fillna(0).to_numpy() == 1
            out["n_inefficient"], out["area_inefficient"] = _count_area(flag, a, g, area_unit)
            zone_area = pd.Series(from_m2(out["area_m2"].to_numpy(), area_unit), index=out.index)
            out["ineff_area_share"] = out["area_inefficient"] / zone_area.where(zone_area > 0)
        if "score" in part:
            score = pd.to_numeric(part["score"], errors="coerce").to_numpy(dtype=float)
            scored = ~np.isnan(score)
            w = pd.DataFrame({"sw": np.where(scored, score * a, 0.0), "w": np.where(scored, a, 0.0)})
            sums = w.groupby(g, sort=False).sum()
            out["mean_score"] = (sums["sw"] / sums["w"].where(sums["w"] > 0)).to_numpy()
        sums = _sums(part, g)
        out = out.join(sums).join(_means(part, g, a))
        tables.append(out)
    per_zone, total = tables
    per_zone, _ = compute_indicators(per_zone, area_unit)
    total, _ = compute_indicators(total, area_unit)
    total = total.iloc[0] if len(total) else pd.Series(dtype=float)
    catalogue = load_catalogue()
    for ind in catalogue.indicators:
        if ind in per_zone.columns and catalogue.indicators[ind].formula and ind in total.index:
            base = total[ind]
            per_zone[f"{ind}_vs_all"] = per_zone[ind] / base if base and np.isfinite(base) else np.nan
    return per_zone, total


def zone_aliases(columns, area_unit, cfg=None, lang="zh"):
    """Aliases of the summary columns in `lang` ("zh" or "en"), from the label store (zones.field,
    zones.template)."""
    lang = "zh" if lang == "zh" else "en"
    unit = unit_label(area_unit, lang)
    tiers = labels.value_labels("tier", lang)
    cats = labels.value_labels("category", lang, cfg)
    fixed = labels.labels("zones.field", lang)
    fixed["area_inefficient"] = fixed["area_inefficient"].format(unit=unit)

    def template(name, **values):
        return labels.label(f"zones.template.{name}", lang).format(**values)

    out = {}
    for c in columns:
        if c in fixed and c != "row":
            out[c] = fixed[c]
        elif c.startswith("n_tier_"):
            out[c] = template("n_class", label=tiers.get(c[7:], c[7:]))
        elif c.startswith("area_tier_"):
            out[c] = template("area_class", label=tiers.get(c[10:], c[10:]), unit=unit)
        elif c.startswith("n_cat_"):
            out[c] = template("n_class", label=cats.get(c[6:], c[6:]))
        elif c.startswith("area_cat_"):
            out[c] = template("area_class", label=cats.get(c[9:], c[9:]), unit=unit)
        elif c.endswith("_vs_all"):
            out[c] = template("vs_all", alias=labels.field_alias(c[:-7], lang, area_unit) or c[:-7])
        else:
            alias = labels.field_alias(c, lang, area_unit, cfg)
            if alias:
                out[c] = alias
    return out


# Table 2 zone evaluation ------------------------------------------------------------------------------------
# A zone's Table 2 score is the weighted mean of its indicator indices, each the zone's value over the
# district's (district's over the zone's for a cost indicator), capped at INDEX_CAP: 1 = the district, 2 = at
# least twice as good. The county paper gives no formula ("methods such as the Delphi method, AHP, or Entropy
# Weight Method can be adopted", line 90); a ratio to the district keeps the score readable with a handful of
# zones, where min-max across two or three bases would turn every difference into 0 or 1. The cap stops one
# extreme ratio from outweighing the rest.
INDEX_CAP = 2.0
WEIGHTINGS = ("weights", "entropy")
T2_LABELS = labels.entries("zones.t2")


@dataclass
class ZoneEvaluation:
    zones: pd.DataFrame  # per zone: summarize() columns + zone_level, t2_*, <ind>_vs_level, <ind>_vs_<ref>
    district: pd.Series  # the all-zone row, with t2_score = 1
    levels: pd.DataFrame  # per level: summarize() columns + t2_score against the district
    weights: dict  # indicator id → weight actually used (renormalised over the indicators with values)
    references: pd.DataFrame  # per reference: t2_score of the district against it + the reference values
    warnings: list = field(default_factory=list)


def t2_indicators(cfg):
    """[(indicator id, direction, weight)] of a weight set (the Table 2 system of county_table2)."""
    weights = cfg.combined_weights()
    return [(spec.id, spec.direction, weights[spec.id]) for _, spec in cfg.indicators()
            if spec.direction in ("benefit", "cost")]


def indices(values, base, direction, cap=INDEX_CAP):
    """Direction-aware ratio of `values` (zones × indicators DataFrame) to `base` (Series of the same
    indicators): value / base for a benefit indicator, base / value for a cost one, capped at `cap`; NaN where
    either side is missing or not positive."""
    v = values.astype(float)
    b = base.reindex(values.columns).astype(float)
    cost = np.array([direction[c] == "cost" for c in values.columns])
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(cost, b.to_numpy() / v.to_numpy(), v.to_numpy() / b.to_numpy())
    ok = (v.to_numpy() > 0) & (b.to_numpy() > 0) & np.isfinite(ratio)
    return pd.DataFrame(np.where(ok, np.minimum(ratio, cap), np.nan), index=values.index, columns=values.columns)


def weighted_index(idx, weights):
    """(Σ w·index / Σ w over the indicators each zone has, number of indicators used)."""
    w = np.array([weights[c] for c in idx.columns], dtype=float)
    have = idx.notna().to_numpy()
    num = np.nansum(idx.to_numpy() * w, axis=1)
    den = (have * w).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan), have.sum(axis=1)


def _entropy(values, direction):
    """Entropy weights of the indicators over the zones (cost ones reversed); indicators with a missing zone
    value are left out (weight 0) because the method needs every zone."""
    complete = [c for c in values.columns if values[c].notna().all()]
    if len(values) < 2 or not complete:
        raise LandEvalError("Entropy weights need at least two zones with values of at least one Table 2 "
                            "indicator; use the weight set's weights (WEIGHTING = weights).")
    w = entropy_weights(values[complete], cost=[c for c in complete if direction[c] == "cost"])
    return {c: float(w[c]) if c in complete else 0.0 for c in values.columns}


def _zone_weights(values, system, direction, weighting):
    """The Table 2 weights of the indicators with values (`values`' columns), summing to 1: the weight set's,
    or entropy weights over the zones."""
    if weighting == "entropy":
        weights = _entropy(values, direction)
    else:
        weights = {i: w for i, _, w in system if i in values.columns}
    total_w = sum(weights.values())
    return {i: w / total_w for i, w in weights.items()} if total_w > 0 else weights


def _compare_with_levels(per_zone, levels, zone_levels, used):
    """Add to `per_zone` (in place) its zone_level, each indicator and the Table 2 index against the zone's
    level (`levels`, summarised per level, with t2_score) and the rank within the level."""
    per_zone["zone_level"] = pd.Series(per_zone.index, index=per_zone.index, dtype=object).map(dict(zone_levels))
    level_rows = levels.reindex(per_zone["zone_level"].to_numpy())
    level_rows.index = per_zone.index
    for ind in used:
        with np.errstate(invalid="ignore", divide="ignore"):
            per_zone[f"{ind}_vs_level"] = per_zone[ind] / level_rows[ind].where(level_rows[ind] > 0)
    per_zone["t2_vs_level"] = per_zone["t2_score"] / level_rows["t2_score"].where(level_rows["t2_score"] > 0)
    per_zone["t2_rank_level"] = (per_zone.groupby("zone_level", sort=False)["t2_score"]
                                 .rank(ascending=False, method="min").astype("Int64"))


def evaluate_zones(df, zones, cfg, area_unit="mu", zone_levels=None, references=None, weighting="weights",
                   cap=INDEX_CAP, require=True, parcel_levels=None):
    """Macro evaluation with the Table 2 indicator system of `cfg` (county paper §3.2, SPEC §3.9).

    df, zones, area_unit: as summarize(). zone_levels: {zone key: level} (base / community / block or any
    text); each zone is then compared with the parcels of all zones of its level together. references:
    DataFrame with a `name` column and indicator columns (the same units as the output, i.e. `area_unit`):
    each reference (another district, a provincial or national figure) adds <indicator>_vs_ref<k> (zone ÷
    reference) and t2_vs_ref<k> (the zone's Table 2 index against the reference instead of the district).
    weighting: "weights" (the weight set's, e.g. the "+" marks or AHP) or "entropy" (over the zones).
    parcel_levels: each parcel's own level (classifyscale), when the zone levels were taken from it: a level is
    then summarised over all its parcels, scattered land outside every zone included (the county paper's blocks
    are "smaller industrial parks below the municipal level, and other scattered industrial lands", line 84).
    require: when False, a layer without the inputs of any Table 2 indicator gives the plain summary (no t2_*
    fields) and a warning instead of an error.
    Raw indicator values stay in the output beside the index: the paper warns that "excessive dimensionality
    reduction or normalization may obscure important original attributes" (county paper, line 90).
    """
    if weighting not in WEIGHTINGS:
        raise LandEvalError("Unknown weighting {weighting!r}: use one of {weightings}.", weighting=weighting,
                            weightings=', '.join(WEIGHTINGS))
    per_zone, total = summarize(df, zones, area_unit)
    system = t2_indicators(cfg)
    direction = {i: d for i, d, _ in system}
    used = [i for i, _, _ in system if i in per_zone.columns and per_zone[i].notna().any()]
    warnings = []
    missing = [i for i, _, _ in system if i not in used]
    if missing:
        warnings.append(Problem("Table 2 indicators without values in any zone, left out of the index: {missing} "
                                "(their inputs are not in the evaluated layer).", missing=", ".join(missing)))
    if not used and not require:
        warnings.append(Problem("None of the indicators of {name!r} can be computed per zone (their inputs are not in "
                                "the evaluated layer): the zones are summarised without the Table 2 index.",
                                name=cfg.name))
        return ZoneEvaluation(per_zone, total, pd.DataFrame(), {}, pd.DataFrame(), warnings)
    if not used:
        raise LandEvalError("None of the indicators of {name!r} can be computed per zone: the evaluated layer "
                            "needs their inputs (output_value, tax, floor_area, employees, electricity, …).",
                            name=cfg.name)
    for ind in used:  # firm shares and spatial values are not ratios of sums: summarize gave them no ratio
        if f"{ind}_vs_all" not in per_zone and total.get(ind, 0) > 0:
            per_zone[f"{ind}_vs_all"] = per_zone[ind] / total[ind]
    values = per_zone[used]
    weights = _zone_weights(values, system, direction, weighting)
    idx = indices(values, total, direction, cap)
    per_zone["t2_score"], per_zone["t2_indicators"] = weighted_index(idx, weights)
    per_zone["t2_weak"] = _below(idx)
    levels = pd.DataFrame()
    if zone_levels is not None:
        keys = pd.Series(zones, index=df.index, dtype=object)
        level_of = (pd.Series(parcel_levels, index=df.index, dtype=object) if parcel_levels is not None
                    else keys.map(dict(zone_levels)))
        levels, _ = summarize(df, level_of.where(level_of.notna(), None), area_unit)
        levels["t2_score"], levels["t2_indicators"] = weighted_index(indices(levels.reindex(columns=used), total,
                                                                             direction, cap), weights)
        _compare_with_levels(per_zone, levels, zone_levels, used)
    refs = _references(per_zone, total, references, used, direction, weights, cap, warnings)
    district = total.copy()
    district["t2_score"] = 1.0
    return ZoneEvaluation(per_zone, district, levels, weights, refs, warnings)


def _below(idx):
    """Per zone, the indicators whose index is under 1 (worse than the district), worst first, ;-joined."""
    ranked = idx.where(idx < 1)
    order = np.argsort(ranked.fillna(np.inf).to_numpy(), axis=1, kind="stable")
    names = np.asarray(idx.columns, dtype=object)[order]
    below = np.take_along_axis(ranked.notna().to_numpy(), order, axis=1)
    text = np.full(len(idx), "", dtype=object)
    for j in range(names.shape[1]):  # one pass per indicator (a handful), not per zone
        add = below[:, j]
        text = np.where(add & (text != ""), text + ";" + names[:, j], np.where(add, names[:, j], text))
    return np.where(text == "", None, text)


def _references(per_zone, total, references, used, direction, weights, cap, warnings):
    """Add <ind>_vs_ref<k> and t2_vs_ref<k> to per_zone; return the reference table with the district's
    t2_score against each reference."""
    if references is None or not len(references):
        return pd.DataFrame()
    if "name" not in references:
        raise LandEvalError("The reference table needs a column 'name' (参照名称: e.g. 邻区, 全省, 全国) and one column "
                            "per indicator.")
    table = references.reset_index(drop=True).copy()
    given = [i for i in used if i in table.columns]
    if not given:
        raise LandEvalError("The reference table has none of the Table 2 indicators in use ({used}); name its "
                            "columns by indicator id or Chinese header.", used=', '.join(used))
    unknown = [c for c in table.columns if c != "name" and c not in used]
    if unknown:
        warnings.append(Problem("Reference columns not used (not a Table 2 indicator with zone values): {columns}.",
                                columns=", ".join(map(str, unknown))))
    values = table[given].apply(pd.to_numeric, errors="coerce")
    district_scores = []
    for k, row in values.iterrows():  # one pass per reference (a handful of rows)
        base = row.reindex(used)
        tag = f"ref{k + 1}"
        for ind in given:
            with np.errstate(invalid="ignore", divide="ignore"):
                per_zone[f"{ind}_vs_{tag}"] = per_zone[ind] / base[ind] if base[ind] > 0 else np.nan
        per_zone[f"t2_vs_{tag}"], _ = weighted_index(indices(per_zone[used], base, direction, cap), weights)
        district_scores.append(weighted_index(indices(total[used].to_frame().T, base, direction, cap), weights)[0][0])
    table["district_t2_score"] = district_scores
    table["tag"] = [f"ref{k + 1}" for k in range(len(table))]
    return table


def dominant_levels(zones, levels, area_m2):
    """{zone key: the level (base / community / block) covering most of the zone's parcel area}: the level of a
    zone when the zone layer does not carry one."""
    frame = pd.DataFrame({"zone": pd.Series(zones, dtype=object).to_numpy(),
                          "level": pd.Series(levels, dtype=object).to_numpy(),
                          "area": np.nan_to_num(np.asarray(area_m2, dtype=float))})
    frame = frame[frame["zone"].notna() & frame["level"].notna()]
    if frame.empty:
        return {}
    by = frame.groupby(["zone", "level"], sort=False)["area"].sum().reset_index()
    top = by.sort_values("area", ascending=False, kind="stable").drop_duplicates("zone")
    return dict(zip(top["zone"], top["level"]))


def table2_aliases(columns, area_unit, references=None, lang="zh"):
    """Aliases in `lang` ("zh" or "en") of the Table 2 columns evaluate_zones adds (the rest: zone_aliases)."""
    lang = "zh" if lang == "zh" else "en"
    names = {}
    if references is not None and len(references):
        names = dict(zip(references["tag"], references["name"].astype(str)))
    out = {c: t[lang] for c, t in T2_LABELS.items() if c in columns}
    for c in columns:
        base, _, tail = str(c).rpartition("_vs_")
        if not base:
            continue
        alias = T2_LABELS["t2_score"][lang] if base == "t2" else labels.field_alias(base, lang, area_unit) or base
        if tail == "level" and base != "t2":
            out[c] = labels.label("zones.template.vs_level", lang).format(alias=alias)
        elif tail in names:
            out[c] = labels.label("zones.template.vs_reference", lang).format(alias=alias, name=names[tail])
    return out
