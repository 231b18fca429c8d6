"""core.zones: zone summary of an evaluated parcel table, worked by hand (county paper Table 2)."""
import re

import numpy as np
import pandas as pd
import pytest

from landeval.core.zones import summarize, zone_aliases

MU = 10000.0 / 15.0
# Areas 10, 30, 20, 40 亩; the last parcel lies in no zone and counts only in the all-zone row.
PARCELS = pd.DataFrame({
    "area_m2": np.array([10, 30, 20, 40]) * MU,
    "tier": ["A", "D", "B", "C"],
    "category": ["retained", "identified", "retained", "identified"],
    "inefficient": [0, 1, 0, 1],
    "score": [0.8, 0.2, np.nan, 0.5],
    "output_value": [100, 60, 40, 0],
    "tax": [20, np.nan, 10, 5],
})
ZONES = ["Z1", "Z1", "Z2", None]


def test_counts_and_areas_per_zone_and_for_all():
    per_zone, total = summarize(PARCELS, ZONES)
    assert per_zone.index.tolist() == ["Z1", "Z2"]
    z1, z2 = per_zone.loc["Z1"], per_zone.loc["Z2"]
    assert (z1["n_parcels"], z2["n_parcels"], total["n_parcels"]) == (2, 1, 4)
    assert z1["area_mu"] == pytest.approx(40) and total["area_mu"] == pytest.approx(100)
    assert (z1["n_tier_A"], z1["area_tier_A"], z1["n_tier_D"], z1["area_tier_D"]) == pytest.approx((1, 10, 1, 30))
    assert (z2["n_tier_B"], z2["area_tier_B"], z2["n_tier_A"]) == pytest.approx((1, 20, 0))
    assert "n_tier_T" not in per_zone  # T only where some parcel is unrated
    assert (z1["n_cat_identified"], z1["area_cat_identified"], z2["n_cat_identified"]) == pytest.approx((1, 30, 0))
    assert total["area_cat_identified"] == pytest.approx(70)
    assert (z1["n_inefficient"], z1["area_inefficient"], z1["ineff_area_share"]) == pytest.approx((1, 30, 0.75))
    assert total["ineff_area_share"] == pytest.approx(70 / 100)


def test_area_weighted_score_and_indicators_from_sums():
    per_zone, total = summarize(PARCELS, ZONES)
    z1, z2 = per_zone.loc["Z1"], per_zone.loc["Z2"]
    assert z1["mean_score"] == pytest.approx((0.8 * 10 + 0.2 * 30) / 40)
    assert np.isnan(z2["mean_score"])  # its only parcel has no score
    assert total["mean_score"] == pytest.approx((0.8 * 10 + 0.2 * 30 + 0.5 * 40) / 80)
    # Σ tax skips the missing value; Σ output / Σ area, not a mean of the parcels' ratios
    assert (z1["output_value"], z1["tax"], total["tax"]) == pytest.approx((160, 20, 35))
    assert (z1["output_per_area"], z2["output_per_area"], total["output_per_area"]) == pytest.approx((4, 2, 2))
    assert (z1["output_per_area_vs_all"], z2["output_per_area_vs_all"]) == pytest.approx((2, 1))
    assert z1["tax_per_area_vs_all"] == pytest.approx(0.5 / 0.35)


def test_other_area_unit_and_unrated_tier():
    df = PARCELS.assign(tier=["A", "T", "B", "C"])
    per_zone, total = summarize(df, ZONES, area_unit="ha")
    assert per_zone.loc["Z1", "area_ha"] == pytest.approx(40 * MU / 1e4)
    assert per_zone.loc["Z1", "area_tier_T"] == pytest.approx(30 * MU / 1e4)
    assert per_zone.loc["Z1", "output_per_area"] == pytest.approx(160 / (40 * MU / 1e4))
    assert total["n_tier_T"] == 1 and total["n_tier_D"] == 0


def test_zone_aliases():
    per_zone, _ = summarize(PARCELS, ZONES)
    aliases = zone_aliases(per_zone.columns, "mu")
    assert aliases["n_parcels"] == "宗地数" and aliases["ineff_area_share"] == "低效面积占比"
    assert aliases["n_tier_A"].endswith("宗地数") and aliases["area_tier_D"].endswith("面积(亩)")
    assert aliases["n_cat_identified"] == "低效认定宗地数"
    assert aliases["output_per_area"] == "地均产值(万元/亩)"
    assert aliases["output_per_area_vs_all"] == "地均产值(万元/亩)(相对全域)"


def test_zone_aliases_in_english():
    # Issue 13 (part G, step 3): aggregatezones' aliases were Chinese only. resources/labels.yaml zones.field:
    # n_parcels "Parcels", ineff_area_share "Inefficient area share"; tier.A en "A (incentives)"; 万元 = 10k yuan.
    per_zone, _ = summarize(PARCELS, ZONES)
    aliases = zone_aliases(per_zone.columns, "mu", lang="en")
    assert aliases["n_parcels"] == "Parcels" and aliases["ineff_area_share"] == "Inefficient area share"
    assert aliases["area_inefficient"] == "Inefficient area (mu)"
    assert aliases["n_tier_A"] == "Parcels: A (incentives)"
    assert aliases["output_per_area"] == "Output per area (10k yuan/mu)"
    assert aliases["output_per_area_vs_all"] == "Output per area (10k yuan/mu) vs the district"
    assert not [a for a in aliases.values() if re.search(r"[\u4e00-\u9fff]", a)]


def test_table2_aliases_in_both_languages():
    # zones.t2.t2_score: 表2综合指数(全域=1) / Table 2 index (district = 1); a reference named 全省 keeps its name
    # (it is the user's data).
    from landeval.core.zones import table2_aliases

    refs = pd.DataFrame({"tag": ["ref1"], "name": ["全省"]})
    columns = ["t2_score", "t2_vs_ref1", "output_per_area_vs_level"]
    zh = table2_aliases(columns, "mu", refs, lang="zh")
    en = table2_aliases(columns, "mu", refs, lang="en")
    assert zh == {"t2_score": "表2综合指数(全域=1)", "t2_vs_ref1": "表2综合指数(全域=1)(相对全省)",
                  "output_per_area_vs_level": "地均产值(万元/亩)(相对同层级)"}
    assert en == {"t2_score": "Table 2 index (district = 1)", "t2_vs_ref1": "Table 2 index (district = 1) vs 全省",
                  "output_per_area_vs_level": "Output per area (10k yuan/mu) vs its level"}
