"""Quadrant of each parcel in Shanghai's two evaluations: performance high/low × value high/low, with the
disposal hint and the ABCD-list class of resources/rules/quadrants.yaml."""
import numpy as np
import pandas as pd

from .. import labels
from ..errors import LandEvalError
from ..units import M2_PER_UNIT
from .rules import label

FIELD_LABELS = labels.entries("quadrants.field")


def split_value(values, split):
    """The cut between low and high: a fixed score, or the mean / median of the known values."""
    if isinstance(split, dict):
        known = values[np.isfinite(values)]
        if len(known) == 0:
            return np.nan
        return float(np.median(known) if split["stat"] == "median" else np.mean(known))
    return float(split)


def assign_quadrants(df, rules, lang="zh"):
    """quadrant (id), disposal (hint in `lang`), abcd_list (A–D) and the two splits used.

    df holds the fields named by rules["performance"]["field"] and rules["value"]["field"]; a parcel missing
    either score gets no quadrant. Returns (DataFrame, {"performance": cut, "value": cut}).
    """
    levels, cuts = {}, {}
    for axis in ("performance", "value"):
        name = rules[axis]["field"]
        if name not in df.columns:
            # Two whole sentences (not a word put in one) so that each reads right in translation.
            if axis == "performance":
                raise LandEvalError("The layer has no performance score field {name!r}: run the evaluation first or "
                                    "set performance.field in the quadrant rule file.", name=name)
            raise LandEvalError("The layer has no value score field {name!r}: run the value evaluation first or set "
                                "value.field in the quadrant rule file.", name=name)
        values = pd.to_numeric(df[name], errors="coerce").to_numpy(dtype=float)
        cuts[axis] = split_value(values, rules[axis]["split"])
        with np.errstate(invalid="ignore"):
            levels[axis] = np.where(np.isfinite(values), np.where(values >= cuts[axis], "high", "low"), None)
    out = pd.DataFrame({"quadrant": None, "disposal": None, "abcd_list": None}, index=df.index, dtype=object)
    for item in rules["quadrants"]:
        hit = (levels["performance"] == item["performance"]) & (levels["value"] == item["value"])
        out.loc[hit, "quadrant"] = item["id"]
        out.loc[hit, "disposal"] = label(item, lang, key="disposal")
        out.loc[hit, "abcd_list"] = item["list"]
    return out, cuts


def quadrant_labels(rules, lang="zh"):
    """{quadrant id: label} for the value map and the legend."""
    return {item["id"]: label(item, lang) for item in rules["quadrants"]}


def abcd_list(quadrant, area_m2, rules, lang="zh"):
    """The ABCD list: one row per quadrant, in list order A–D, with its class, label, disposal hint, number
    of parcels and their area in 亩 (quadrant: one id or None per parcel; area_m2: parcel areas)."""
    frame = pd.DataFrame({"quadrant": quadrant, "area": np.asarray(area_m2, dtype=float) / M2_PER_UNIT["mu"]})
    counts = frame.groupby("quadrant")["area"].agg(["size", "sum"])
    rows = []
    for item in sorted(rules["quadrants"], key=lambda q: q["list"]):
        n, total = (counts.loc[item["id"]] if item["id"] in counts.index else (0, 0.0))
        rows.append({"quadrant": item["id"], "label": label(item, lang), "abcd_list": item["list"],
                     "disposal": label(item, lang, key="disposal"), "parcels": int(n), "area_mu": float(total)})
    return pd.DataFrame(rows)
