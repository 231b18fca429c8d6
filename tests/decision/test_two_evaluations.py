"""Shanghai's two evaluations: value indicators from hand-placed features, quadrants from the shipped rules."""
import math

import numpy as np
import pandas as pd
import pytest

from landeval.core.decision import value as V
from landeval.core.decision.quadrants import assign_quadrants, quadrant_labels
from landeval.core.decision.rules import load_quadrant_rules
from landeval.core.errors import ConfigError, LandEvalError

POINTS = np.array([[0.0, 0.0], [3000.0, 0.0], [0.0, 5000.0]])


def test_nearest_distance():
    centres = [[0.0, 400.0], [3000.0, 1000.0]]
    assert V.nearest_distance(POINTS, centres).tolist() == pytest.approx([400, 1000, 4600])
    assert np.isnan(V.nearest_distance(POINTS, np.empty((0, 2)))).all()


def test_road_density():
    # Parcel 1 has two 100 m pieces within 1 km (midpoints at 50 m and 950 m); the piece with midpoint at
    # 1050 m is outside. 0.2 km / (π · 1 km²).
    roads = np.array([[0, 0, 100, 0], [900, 0, 1000, 0], [1000, 0, 1100, 0]], dtype=float)
    got = V.road_density(POINTS, roads, radius=1000)
    assert got[0] == pytest.approx(0.2 / math.pi)
    # Parcel 2 at x = 3000 sees nothing within 1 km (the nearest midpoint is 1950 m away).
    assert got[1] == 0 and got[2] == 0


def test_dominant_use():
    # Around parcel 1: 住宅用地 patches of 3 + 4 ha against one 商业服务业用地 patch of 5 ha; around parcel 2
    # only 耕地; nothing around parcel 3.
    patches = np.array([[100, 0], [-200, 300], [0, 500], [3100, 0], [0, 9000]], dtype=float)
    classes = ["住宅用地", "住宅用地", "商业服务业用地", "耕地", "林地"]
    areas = [3e4, 4e4, 5e4, 1e4, 9e4]
    assert V.dominant_use(POINTS, patches, classes, areas).tolist() == ["住宅用地", "耕地", None]


def test_value_weights_ship_valid():
    weights = V.load_value_weights()
    combined = weights.combined_weights()
    assert sum(combined.values()) == pytest.approx(1)
    assert combined["dist_centre"] == pytest.approx(0.15)


# score, value_score → quadrant by hand: performance split 0.6 (fixed), value split = median of
# (0.9, 0.2, 0.8, 0.1, 0.5) = 0.5; P5 has no performance score, so no quadrant.
QUAD = pd.DataFrame({"score": [0.8, 0.7, 0.3, 0.5, np.nan, 0.6], "value_score": [0.9, 0.2, 0.8, 0.1, 0.5, 0.5]})


def test_quadrants_by_hand():
    out, cuts = assign_quadrants(QUAD, load_quadrant_rules())
    assert cuts["performance"] == 0.6
    assert cuts["value"] == pytest.approx(0.5)  # median of the six value scores
    assert out["quadrant"].tolist() == ["hv_hp", "lv_hp", "hv_lp", "lv_lp", None, "hv_hp"]
    assert out["abcd_list"].tolist() == ["A", "B", "C", "D", None, "A"]
    assert out["disposal"].iloc[2] == "重点盘活：优先更新改造、转型升级"


def test_quadrant_labels_and_english():
    rules = load_quadrant_rules()
    assert quadrant_labels(rules)["hv_lp"] == "高价值·低绩效"
    out, _ = assign_quadrants(QUAD, rules, lang="en")
    assert out["disposal"].iloc[3] == "Recover into the land reserve or reduce"


def test_quadrant_rules_need_all_four(tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text("""
performance: {field: score, split: 1.5}
value: {field: value_score, split: {stat: mode}}
quadrants:
  - {id: a, performance: high, value: high, list: A, label: x, disposal: y}
  - {id: b, performance: high, value: high, list: E, label: x, disposal: y}
""", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_quadrant_rules(path)
    text = "\n".join(err.value.problems)
    assert "performance.split" in text and "value.split" in text
    assert "quadrants[1]: performance high / value high is also quadrants[0]" in text
    assert "quadrants[1].list: 'E'" in text
    assert "no entry for performance low / value low" in text


def test_missing_value_field_is_named():
    with pytest.raises(LandEvalError, match="value_score"):
        assign_quadrants(QUAD.drop(columns="value_score"), load_quadrant_rules())


def test_value_score_by_hand():
    # Shipped value.yaml, combined weights: dist_centre .15, dist_transit .15, road_density .2, poi_count .15,
    # land_price .2, surrounding_use .15. Transit and land price are absent, so they are re-weighted away.
    # min-max: dist_centre (cost) 400/1000/4600 → 1, 3600/4200, 0; road_density 2/1/0 → 1, .5, 0;
    # poi_count 10/0/5 → 1, 0, .5; surrounding_use 住宅用地 .9, 耕地 .2, unknown → missing.
    df = pd.DataFrame({"dist_centre": [400.0, 1000.0, 4600.0], "road_density": [2.0, 1.0, 0.0],
                       "poi_count": [10.0, 0.0, 5.0], "surrounding_use": ["住宅用地", "耕地", None]})
    out, warnings = V.value_scores(df, V.load_value_weights())
    p1 = (0.15 * 1 + 0.2 * 1 + 0.15 * 1 + 0.15 * 0.9) / 0.65
    p2 = (0.15 * 3600 / 4200 + 0.2 * 0.5 + 0.15 * 0 + 0.15 * 0.2) / 0.65
    p3 = (0.15 * 0 + 0.2 * 0 + 0.15 * 0.5) / 0.5
    assert out["value_score"].tolist() == pytest.approx([p1, p2, p3])
    assert out["v_location"].tolist() == pytest.approx([1, 3600 / 4200, 0])
    assert out["value_rank"].tolist() == [1, 2, 3]
    assert out["value_missing"].tolist() == [2, 2, 3]
    assert any("land_price" in w for w in warnings)
    # With the performance scores below, the quadrants follow: value split = median(p1, p2, p3) = p2.
    both = out.assign(score=[0.3, 0.9, 0.7])
    quad, cuts = assign_quadrants(both, load_quadrant_rules())
    assert cuts["value"] == pytest.approx(p2)
    assert quad["quadrant"].tolist() == ["hv_lp", "hv_hp", "lv_hp"]


def test_value_score_needs_some_input():
    with pytest.raises(LandEvalError, match="No value indicator"):
        V.value_scores(pd.DataFrame({"x": [1.0]}), V.load_value_weights())


def test_abcd_list():
    from landeval.core.decision.quadrants import abcd_list

    mu = 10000 / 15
    table = abcd_list(["hv_lp", "hv_hp", "hv_lp", None], [3 * mu, 1 * mu, 2 * mu, 9 * mu], load_quadrant_rules())
    assert table["abcd_list"].tolist() == ["A", "B", "C", "D"]
    assert table["parcels"].tolist() == [1, 0, 2, 0]
    assert table["area_mu"].tolist() == pytest.approx([1, 0, 5, 0])
    assert table.loc[2, "label"] == "高价值·低绩效"
