"""Renewal scenarios on the hand-made district of conftest.py, every number worked out by hand below.

Unit costs: relocation 100, demolition 50, construction 2000 元/m² of floor area (together 2150 元/m² =
0.215 万元/m²) and compensation 20 万元/亩. Target plot ratio: base 2.0, community 1.5; reach of a base 2000 m.

Floor areas: P2 6000 m² (field); P3 0.5 × 15 亩 = 0.5 × 10000 m² = 5000 m² (plot ratio); P4 none given, so
1.0 × 3 亩 = 2000 m² (assumed ratio); P5 3000 m²; P6 1000 m².
Cost per mover = 0.215 × floor + 20 × 亩:
  P2 1290 + 120 = 1410;  P3 1075 + 300 = 1375;  P4 430 + 60 = 490;  P5 645 + 180 = 825;  P6 215 + 30 = 245.
Distances to park boundaries:
  P2 (1500, 500) → B1 right edge x = 1000: 500.
  P3 (5250, 2000) → C1 top edge y = 500: 1500;  → B1 corner (1000, 1000): √(4250² + 1000²) = 4366.03.
  P4 (150, 4000) → C2 top edge y = 3300: 700;  → B1 top edge y = 1000: 3000.
  P5 (2500, 1200) → B1 corner (1000, 1000): √(1500² + 200²) = 1513.27;  → C1 corner (5000, 500): √(2500² + 700²).
  P6 (9000, 9000) → B1 corner (1000, 1000): √(8000² + 8000²) = 11313.71.
District: 100 + 6 + 15 + 3 + 9 + 1.5 = 134.5 亩, output 2121 万元, tax 212.3 万元.
"""
import math

import numpy as np
import pytest

from landeval.core.decision.scenarios import ScenarioSettings, UnitCosts, run_scenarios
from landeval.core.errors import LandEvalError

COSTS = UnitCosts(relocation_per_m2=100, demolition_per_m2=50, construction_per_m2=2000, compensation_per_mu=20)


@pytest.fixture
def result(district_parcels, district_parks):
    return run_scenarios(district_parcels, district_parks, COSTS, ScenarioSettings())


def by_id(result, district_parcels, column):
    return dict(zip(district_parcels["parcel_id"], result.parcels[column]))


def test_large_concentration_moves_every_block_to_the_base(result, district_parcels):
    dest = by_id(result, district_parcels, "dest_concentration")
    assert dest == {"P1": None, "P2": "B1", "P3": "B1", "P4": "B1", "P5": "B1", "P6": "B1"}
    dist = by_id(result, district_parcels, "dist_concentration")
    assert dist["P2"] == pytest.approx(500)
    assert dist["P3"] == pytest.approx(math.hypot(4250, 1000))
    assert dist["P4"] == pytest.approx(3000)
    assert dist["P5"] == pytest.approx(math.hypot(1500, 200))
    assert dist["P6"] == pytest.approx(math.hypot(8000, 8000))
    cost = by_id(result, district_parcels, "cost_concentration")
    assert [cost[p] for p in ("P2", "P3", "P4", "P5", "P6")] == pytest.approx([1410, 1375, 490, 825, 245])
    assert np.isnan(cost["P1"])


def test_small_clustering_stays_in_the_town(result, district_parcels):
    # Only rural blocks move (P2 is inside the boundary); P3 and P5 are in T2, whose only park is C1, even
    # though the base B1 (town T1) is nearer to P5; P4 (T1) takes C2 at 700 m over B1 at 3000 m; T3 has no
    # park, so P6 stays and is counted as unplaced.
    dest = by_id(result, district_parcels, "dest_clustering")
    assert dest == {"P1": None, "P2": None, "P3": "C1", "P4": "C2", "P5": "C1", "P6": None}
    dist = by_id(result, district_parcels, "dist_clustering")
    assert dist["P3"] == pytest.approx(1500)
    assert dist["P4"] == pytest.approx(700)
    assert dist["P5"] == pytest.approx(math.hypot(2500, 700))


def test_moderate_integration(result, district_parcels):
    # Blocks within 2000 m of a base join it whatever their town (P2 500 m, P5 1513 m); of the other rural
    # blocks only the inefficient ones move, to a community of their town: P3 → C1; P4 is efficient and
    # stays; P6 is inefficient but T3 has no community (unplaced).
    dest = by_id(result, district_parcels, "dest_integration")
    assert dest == {"P1": None, "P2": "B1", "P3": "C1", "P4": None, "P5": "B1", "P6": None}


def test_summary_table(result):
    s = result.summary.set_index("pattern")
    assert list(s.index) == ["current", "concentration", "clustering", "integration"]
    assert s["moved"].tolist() == [0, 5, 3, 3]
    assert s["unplaced"].tolist() == [0, 0, 1, 1]
    # relocated (vacated) land, 亩
    assert s["relocated_area"].tolist() == pytest.approx([0, 6 + 15 + 3 + 9 + 1.5, 15 + 3 + 9, 6 + 9 + 15])
    assert s["cost_total"].tolist() == pytest.approx([0, 1410 + 1375 + 490 + 825 + 245, 1375 + 490 + 825,
                                                      1410 + 825 + 1375])
    assert s.loc["concentration", "cost_compensation"] == pytest.approx(20 * 34.5)
    assert s.loc["concentration", "cost_construction"] == pytest.approx(0.2 * 17000)
    # new land = floor ÷ target plot ratio: concentration 17000 / 2 = 8500 m² = 12.75 亩;
    # clustering (5000 + 2000 + 3000) / 1.5 = 6666.7 m² = 10 亩; integration (6000 + 3000) / 2 + 5000 / 1.5
    # = 4500 + 3333.3 m² = 6.75 + 5 亩
    assert s["land_needed"].tolist() == pytest.approx([0, 12.75, 10, 11.75])
    assert s["freed_quota"].tolist() == pytest.approx([0, 34.5 - 12.75, 27 - 10, 30 - 11.75])
    land = [134.5, 134.5 - 21.75, 134.5 - 17, 134.5 - 18.25]
    assert s["industrial_land"].tolist() == pytest.approx(land)
    assert s["output_per_area"].tolist() == pytest.approx([2121 / a for a in land])
    assert s["tax_per_area"].tolist() == pytest.approx([212.3 / a for a in land])
    assert s.loc["clustering", "label_zh"] == "小集聚"


def test_lines_run_from_centroid_to_nearest_boundary_point(result):
    lines = result.moves[result.moves["pattern"] == "clustering"].set_index("row")
    # P4 (row 3) at (150, 4000) reaches C2's top edge straight below it.
    assert lines.loc[3, ["x0", "y0", "x1", "y1"]].tolist() == pytest.approx([150, 4000, 150, 3300])
    assert lines.loc[3, "destination"] == "C2"
    assert len(result.moves) == 5 + 3 + 3


def test_area_unit_ha(district_parcels, district_parks):
    res = run_scenarios(district_parcels, district_parks, COSTS, ScenarioSettings(area_unit="ha"))
    s = res.summary.set_index("pattern")
    assert s.loc["current", "industrial_land"] == pytest.approx(134.5 / 15)
    assert s.loc["current", "output_per_area"] == pytest.approx(2121 / (134.5 / 15))


def test_assumed_floor_area_is_reported(result):
    assert any("neither floor area nor plot ratio" in w and "1 relocated parcel" in w for w in result.warnings)


def test_without_town_field_the_whole_district_is_searched(district_parcels, district_parks):
    res = run_scenarios(district_parcels.drop(columns="town"), district_parks, COSTS)
    dest = dict(zip(district_parcels["parcel_id"], res.parcels["dest_clustering"]))
    # P5 now takes the base B1 (1513 m) instead of C1; P6 finds the nearest park, B1's corner vs C1's
    # corner (5500, 500): √(3500² + 8500²) = 9192 < 11314.
    assert dest["P5"] == "B1" and dest["P6"] == "C1"


def test_errors_name_the_problem(district_parcels, district_parks):
    with pytest.raises(LandEvalError, match="level"):
        run_scenarios(district_parcels.drop(columns="level"), district_parks, COSTS)
    with pytest.raises(LandEvalError, match="compensation_per_mu"):
        run_scenarios(district_parcels, district_parks, UnitCosts(compensation_per_mu=-1))
    bad = district_parks
    bad.table.loc[0, "level"] = "基地"
    with pytest.raises(LandEvalError, match="基地"):
        run_scenarios(district_parcels, bad, COSTS)
