"""core.zones.evaluate_zones: the macro evaluation of the county paper with its Table 2 system, worked by hand.

County paper, line 90: "The number of '+' signs represent the relative importance of each indicator—the greater
the number of '+' signs, the higher its weight"; line 143: "By benchmarking against other districts in the same
city or the national level to form a macro strategic assessment. Then conduct classified evaluations of
industrial land-use intensity across different scales"; and line 90 again: "excessive dimensionality reduction
or normalization may obscure important original attributes" — so raw values stay beside the index.
"""
import numpy as np
import pandas as pd
import pytest

from landeval.core.config import load_config
from landeval.core.errors import LandEvalError
from landeval.core.zones import evaluate_zones

KM2 = 1.0e6
# Two bases, one community, one parcel outside every zone. Only output and tax are known, so of Table 2 only
# output per area (+++++) and tax per area (+++++) have values: equal marks, weights 1/2 and 1/2.
PARCELS = pd.DataFrame({
    "area_m2": np.array([1, 1, 2, 1, 4]) * KM2,
    "output_value": [300, 100, 200, 50, 50],
    "tax": [30, 10, 60, 5, 5],
})
ZONES = ["B1", "B1", "B2", "C1", None]
LEVELS = {"B1": "base", "B2": "base", "C1": "community"}


@pytest.fixture(scope="module")
def table2():
    return load_config("county_table2")


def test_zone_index_against_the_district(table2):
    # District: 9 km², Σ output 700 → 77.78 万元/km², Σ tax 110 → 12.22 万元/km².
    # B1: 400 / 2 = 200 → 200 / 77.78 = 2.57, capped at 2; tax 40 / 2 = 20 → 20 / 12.22 = 1.636.
    # B2: 100 → 1.286; tax 30 → 2.45, capped at 2. C1: 50 → 0.643; tax 5 → 0.409.
    result = evaluate_zones(PARCELS, ZONES, table2, "km2", LEVELS)
    z = result.zones
    assert result.weights == pytest.approx({"output_per_area": 0.5, "tax_per_area": 0.5})
    assert z.loc["B1", "t2_score"] == pytest.approx((2 + 20 / (110 / 9)) / 2)
    assert z.loc["B2", "t2_score"] == pytest.approx((100 / (700 / 9) + 2) / 2)
    assert z.loc["C1", "t2_score"] == pytest.approx((50 / (700 / 9) + 5 / (110 / 9)) / 2)
    assert z.loc["C1", "t2_weak"] == "tax_per_area;output_per_area"  # both below the district, worst first
    assert z.loc["B1", "t2_weak"] is None
    # The raw values and their plain ratios stay beside the index.
    assert z.loc["B1", "output_per_area"] == pytest.approx(200)
    assert z.loc["B1", "output_per_area_vs_all"] == pytest.approx(200 / (700 / 9))
    assert result.district["t2_score"] == 1.0 and result.district["output_per_area"] == pytest.approx(700 / 9)
    assert list(z["t2_indicators"]) == [2, 2, 2]


def test_each_zone_against_its_level(table2):
    # The bases together: 4 km², output 600 → 150, tax 100 → 25; index (1.93 + min(2.05, 2)) / 2.
    result = evaluate_zones(PARCELS, ZONES, table2, "km2", LEVELS)
    z, levels = result.zones, result.levels
    assert levels.loc["base", "output_per_area"] == pytest.approx(150)
    assert levels.loc["base", "t2_score"] == pytest.approx((150 / (700 / 9) + 2) / 2)
    assert (z.loc["B1", "output_per_area_vs_level"], z.loc["B2", "output_per_area_vs_level"]) == \
        pytest.approx((200 / 150, 100 / 150))
    assert z.loc["B1", "t2_vs_level"] == pytest.approx(z.loc["B1", "t2_score"] / levels.loc["base", "t2_score"])
    assert dict(z["t2_rank_level"]) == {"B1": 1, "B2": 2, "C1": 1}
    assert dict(z["zone_level"]) == LEVELS


def test_outside_reference_values(table2):
    # A provincial figure of 100 万元/km² output and 20 万元/km² tax: B1 is 2× and 1× of it.
    refs = pd.DataFrame({"name": ["全省"], "output_per_area": [100.0], "tax_per_area": [20.0]})
    result = evaluate_zones(PARCELS, ZONES, table2, "km2", LEVELS, references=refs)
    z = result.zones
    assert z.loc["B1", "output_per_area_vs_ref1"] == pytest.approx(2.0)
    assert z.loc["B1", "t2_vs_ref1"] == pytest.approx((2 + 1) / 2)
    assert result.references.loc[0, "district_t2_score"] == pytest.approx(((700 / 9) / 100 + (110 / 9) / 20) / 2)


def test_cost_indicator_is_inverted(table2):
    # Electricity per output (cost, ++): a zone using half the district's electricity per 万元 scores 2.
    df = PARCELS.assign(electricity=[30, 10, 20, 10, 5])
    result = evaluate_zones(df, ZONES, table2, "km2")
    district = 75 / 700
    assert result.zones.loc["B1", "electricity_per_output"] == pytest.approx(0.1)
    idx_b1 = min(district / 0.1, 2)
    # Marks 5, 5, 2 over the three indicators with values.
    expected = (5 * 2 + 5 * 20 / (110 / 9) + 2 * idx_b1) / 12
    assert result.zones.loc["B1", "t2_score"] == pytest.approx(expected)


def test_entropy_weights_over_zones(table2):
    # Two zones only: min-max puts each indicator at 0 and 1, so both carry the same information (½, ½).
    result = evaluate_zones(PARCELS.iloc[:3], ZONES[:3], table2, "km2", weighting="entropy")
    assert result.weights == pytest.approx({"output_per_area": 0.5, "tax_per_area": 0.5})


def test_no_table2_inputs_is_an_error(table2):
    with pytest.raises(LandEvalError, match="None of the indicators"):
        evaluate_zones(PARCELS[["area_m2"]], ZONES, table2, "km2")
    with pytest.raises(LandEvalError, match="column 'name'"):
        evaluate_zones(PARCELS, ZONES, table2, "km2", references=pd.DataFrame({"output_per_area": [1.0]}))


def test_levels_over_all_their_parcels(table2):
    # County paper, line 84: blocks are "smaller industrial parks below the municipal level, and other scattered
    # industrial lands". With the parcels' own levels, the block level also holds the parcel outside every zone:
    # C1 (a community here) and the scattered parcel p5 (block, 4 km², output 50, tax 5).
    levels = ["base", "base", "base", "community", "block"]
    result = evaluate_zones(PARCELS, ZONES, table2, "km2", LEVELS, parcel_levels=levels)
    assert result.levels.loc["block", "output_per_area"] == pytest.approx(50 / 4)
    assert result.levels.loc["block", "n_parcels"] == 1
    assert result.zones.loc["C1", "t2_vs_level"] == pytest.approx(1.0)
