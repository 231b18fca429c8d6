"""Scale levels by standing and area (county paper §3.1) and the industrial-share targets (Jiangning), worked by
hand from the sources' words.

County paper, county-industrial-land-performance-paper.en.txt line 84:
  "Industrial bases refer to large-scale industrial parks or clusters located within the jurisdiction of
   development zones or high-tech zones at the district or county level. The total land area generally exceeds
   4 km². Industrial communities refer to industrial parks or clusters at the municipal level or above, that are
   situated outside industrial bases. Their area is typically greater than 1 km². Industrial blocks refer to
   smaller industrial parks below the municipal level, and other scattered industrial lands"
Jiangning, jiangning-inefficient-land-index-paper.zh.txt lines 174–179:
  "工业园区以先进制造业功能为主，致力于提升工业能级，工业用地的占比应超过60%；工业社区……并将工业用地的占比控制在50%左右"
"""
import numpy as np
import pandas as pd
import pytest

from landeval.core.errors import LandEvalError
from landeval.core.scale import classify_parks, park_levels, read_rank, share_targets


def parks(**columns):
    return pd.DataFrame(columns)


def test_the_three_cases_of_the_issue():
    # A 10 km² national development zone at 45 % industrial land is a base ("development zones or high-tech
    # zones"; the 60 % is a target, not a test); a municipal park of 1.5 km² is a community ("at the municipal
    # level or above", "typically greater than 1 km²"); a town industrial point is a block ("below the
    # municipal level").
    table = parks(name=["开发区", "南桥", "青山"], area_km2=[10.0, 1.5, 0.5],
                  zone_type=["国家级经济技术开发区", "市级工业园区", "镇级工业集中点"],
                  industrial_share=[0.45, 0.52, 0.53])
    out = classify_parks(table)
    assert out.table["level"].tolist() == ["base", "community", "block"]
    assert out.table["level_basis"].tolist() == ["standing"] * 3
    assert out.table["standing_rank"].tolist() == ["national", "municipal", "town"]
    assert out.table["dev_zone"].tolist() == [1.0, 0.0, 0.0]
    # Targets: the base should exceed 60 % and holds 45 % — reported, not demoted; the community is "about 50 %".
    assert out.table["share_target"].tolist()[:2] == [0.6, 0.5] and np.isnan(out.table["share_target"].iloc[2])
    assert out.table["meets_share_target"].tolist()[:2] == [0.0, 1.0]
    assert np.isnan(out.table["meets_share_target"].iloc[2])
    assert out.warnings == []


def test_standing_spelled_many_ways():
    # Type keywords alone, a level column alone, both, English words.
    table = parks(area_km2=[5.0] * 9,
                  zone_type=["省级高新区", "高新技术产业开发区", "工业园区", "产业园区", "工业园区", "县级工业园区",
                             "high-tech zone", "municipal industrial park", "城镇型工业集中区"],
                  zone_level=[None, "国家级", "市级", "省", "镇", None, None, None, "县级"])
    out = classify_parks(table)
    assert out.table["level"].tolist() == ["base", "base", "community", "community", "block", "block", "base",
                                           "community", "block"]
    assert out.table["standing_rank"].tolist() == ["provincial", "national", "municipal", "provincial", "town",
                                                   "county", None, "municipal", "county"]


def test_the_level_field_wins_over_a_level_in_the_type():
    table = parks(area_km2=[2.0], zone_type=["市级工业园区"], zone_level=["镇级"])
    assert park_levels(table).tolist() == ["block"]


def test_an_unreadable_level_value_is_named_even_when_the_type_decides():
    out = classify_parks(parks(area_km2=[2.0, 2.0], zone_type=["市级工业园区", "市级工业园区"],
                               zone_level=["特色", "特色"]))
    assert out.table["level"].tolist() == ["community", "community"]
    assert out.warnings == ["Level value(s) '特色' of field zone_level name no standing (国家级/省级/市级/县级/镇级); "
                            "the zone type set the level of those 2 park(s)."]


def test_city_and_town_type_communities_are_not_read_as_standing():
    # Jiangning line 176–177: "可分为城市型和城镇型工业社区" — 城市型/城镇型 describe the kind, not the standing.
    assert read_rank(pd.Series(["城市型工业社区", "城镇型工业社区", "市级园区"])).tolist() == [None, None, "municipal"]


def test_unknown_values_are_listed_and_levelled_by_area():
    table = parks(name=["物流园", "A区", "B", "C"], area_km2=[6.0, 2.0, 0.4, 3.0],
                  zone_type=["物流园", "物流园", "工业园区", None], zone_level=[None, None, "特色", None])
    out = classify_parks(table)
    assert out.table["level"].tolist() == ["base", "community", "block", "community"]
    assert out.table["level_basis"].tolist() == ["area"] * 4
    (warning,) = out.warnings
    assert "'物流园' (2 park(s): 物流园, A区; by area base 1, community 1)" in warning
    assert "'工业园区' / '特色' (1 park(s): B; by area block 1)" in warning
    assert "empty (1 park(s): C; by area community 1)" in warning


def test_without_standing_columns_the_area_decides_and_says_so():
    table = parks(area_m2=[4.5e6, 1.5e6, 0.9e6])
    out = classify_parks(table)
    assert out.table["level"].tolist() == ["base", "community", "block"]
    assert "no zone type or level field" in out.warnings[0]
    assert park_levels(table, base_km2=5, community_km2=1).tolist() == ["community", "community", "block"]
    with pytest.raises(LandEvalError, match="area_km2 or area_m2"):
        park_levels(pd.DataFrame({"x": [1]}))
    with pytest.raises(LandEvalError, match="0 < community"):
        park_levels(table, base_km2=1, community_km2=2)


def test_areas_outside_the_usual_range_are_warned_not_acted_on():
    # "generally exceeds 4 km²" / "typically greater than 1 km²": standing decides, the area is reported.
    table = parks(name=["小开发区", "小市级园区", "大镇级园区"], area_km2=[2.5, 0.8, 3.0],
                  zone_type=["省级经济开发区", "市级工业园区", "镇级工业园区"])
    out = classify_parks(table)
    assert out.table["level"].tolist() == ["base", "community", "block"]
    assert len(out.warnings) == 3
    assert "小开发区" in out.warnings[0] and "'generally' over 4 km²" in out.warnings[0]
    assert "小市级园区" in out.warnings[1] and "大镇级园区" in out.warnings[2]


def test_share_targets_by_hand():
    # Base: "应超过60%" — 0.60 does not exceed it, 0.61 does. Community: "50%左右", read as 40–60 %.
    target, meets = share_targets(["base", "base", "community", "community", "community", "block", "base"],
                                  [0.60, 0.61, 0.40, 0.61, 0.5, 0.9, np.nan])
    assert target[:5].tolist() == [0.6, 0.6, 0.5, 0.5, 0.5] and np.isnan(target[5])
    assert meets[:5].tolist() == [0.0, 1.0, 1.0, 0.0, 1.0]
    assert np.isnan(meets[5]) and np.isnan(meets[6])
