"""Macro evaluation (county paper Table 2, SPEC §3.9): parcel results summed per zone and compared with the
whole district. Pure pandas/numpy; the QGIS side (algorithms/aggregatezones.py) only finds each parcel's zone."""
import numpy as np
import pandas as pd

from . import labels
from .catalogue import load_catalogue
from .indicators import compute_indicators
from .units import from_m2, unit_label

TIERS = ("A", "B", "C", "D", "T")


def _sums(df, groups):
    """Per-zone sums of every extensive raw input present (all missing in a zone → missing)."""
    catalogue = load_catalogue()
    cols = [c for c, e in catalogue.raw.items() if e.aggregate == "sum" and c in df.columns]
    numeric = df[cols].apply(pd.to_numeric, errors="coerce")
    return numeric.groupby(groups, sort=False).sum(min_count=1)


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
        out = out.join(sums)
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


def zone_aliases(columns, area_unit, cfg=None):
    """Chinese aliases of the summary columns."""
    unit = unit_label(area_unit, "zh")
    tiers = labels.value_labels("tier", "zh")
    cats = labels.value_labels("category", "zh", cfg)
    fixed = {"n_parcels": "宗地数", "n_inefficient": "低效宗地数", "area_inefficient": f"低效面积({unit})",
             "ineff_area_share": "低效面积占比", "mean_score": "平均得分(面积加权)"}
    out = {}
    for c in columns:
        if c in fixed:
            out[c] = fixed[c]
        elif c.startswith("n_tier_"):
            out[c] = f"{tiers.get(c[7:], c[7:])}宗地数"
        elif c.startswith("area_tier_"):
            out[c] = f"{tiers.get(c[10:], c[10:])}面积({unit})"
        elif c.startswith("n_cat_"):
            out[c] = f"{cats.get(c[6:], c[6:])}宗地数"
        elif c.startswith("area_cat_"):
            out[c] = f"{cats.get(c[9:], c[9:])}面积({unit})"
        elif c.endswith("_vs_all"):
            out[c] = f"{labels.field_alias(c[:-7], 'zh', area_unit) or c[:-7]}(相对全域)"
        else:
            alias = labels.field_alias(c, "zh", area_unit, cfg)
            if alias:
                out[c] = alias
    return out
