"""Redevelopment paths and clearance zones from the shipped rule files, on parcels chosen so that each rule
of resources/rules/paths.yaml fires; the expected path of each is read off the rule file and the sources by hand.

Sources (../shared/domain/sources/): J = jiangning-inefficient-land-index-paper.zh.txt,
C = county-industrial-land-performance-paper.en.txt.
"""
import itertools

import numpy as np
import pandas as pd
import pytest

from landeval.core.decision import paths as P
from landeval.core.decision.rules import load_clearance_rules, load_path_rules
from landeval.core.errors import ConfigError, LandEvalError

MU = 10000.0 / 15.0
nan = np.nan

# id, inefficient, category, ineff_type, ineff_flags, redline_share, inside, area 亩, industry_code, level,
# veto_failed, veto_reasons, registration_status, expected path, expected rule, expected clearance zone
CASES = [
    # Red line first: 生态清退 (J 470–471 "生态保护红线内需要清退的工业类用地") and C 159 "Where rigid control
    # elements cover more than 50% of the total land area, the enterprise land must be reclaimed and restored".
    ("A", 1, "eco_exit", "green", "green;efficiency", 0.62, 0, 10, "2614", "block", 0, None, "存续",
     "eco_restoration", "eco_reclaim", "must_exit"),
    ("A2", 1, "eco_exit", "efficiency", "efficiency", 0.5, 1, 40, "1810", "base", 0, None, "存续",
     "eco_restoration", "eco_reclaim", None),
    ("B", 1, "identified", "green", "green", 0.2, 0, 10, None, "block", 0, None, "存续", "exit", "green_outside",
     "must_exit"),
    # A 3 % digitising sliver of red line is not "inside": an ordinary inefficient parcel outside the boundary.
    ("B2", 1, "identified", "efficiency", "efficiency", 0.03, 0, 10, "1810", "block", 0, None, "存续",
     "exit", "outside_boundary", "encouraged_exit"),
    ("C", 1, "identified", "green", "green", 0.0, 1, 10, None, "community", 0, None, "存续", "rectify",
     "green_inside", None),
    ("D", 1, "identified", "efficiency", "efficiency", 0.0, 0, 30, "1810", "block", 0, None, "存续",
     "exit", "outside_boundary", "encouraged_exit"),
    # Vetoes before types: C 159 (5) "Enterprises with safety risks shall be ordered to rectify or, if necessary,
    # be compelled to exit" — an efficiency-deficient parcel failing safety / environment is not sent to
    # 工改高标准厂房; the spatial-plan veto means the industrial use leaves.
    ("S1", 1, "identified", "efficiency", "efficiency", 0.0, 1, 40, "1810", "community", 1, "safety_ok", "存续",
     "rectify", "veto_safety", None),
    ("S2", 1, "identified", "efficiency", "efficiency", 0.0, 1, 40, "1810", "community", 1, "environment_ok",
     "存续", "rectify", "veto_environment", None),
    ("S3", 1, "identified", "efficiency", "efficiency", 0.0, 0, 40, "1810", "block", 1, "nimby_ok;safety_ok",
     "存续", "exit", "veto_hazard_outside", "must_exit"),
    ("L", 1, "identified", "efficiency", "efficiency", 0.0, 1, 5, None, "base", 1, "spatial_plan", "存续",
     "exit", "plan_conflict", None),
    ("L2", 1, "identified", None, None, 0.0, 1, 5, None, "base", 1, "spatial_plan;safety_ok", "存续",
     "rectify", "veto_safety", None),
    ("M", 1, "identified", "efficiency", "efficiency", 0.0, 1, 5, None, "base", 1, "contract_fulfilled", "存续",
     "reclaim", "veto", None),
    # Heavy industry before 增容技改: C 159 "Heavy industry enterprises should not simply increase land-use
    # intensity"; 2614 and 3311 are heavy (divisions 26, 33), 1810 and 3911 light (paths.yaml).
    ("E", 1, "identified", "efficiency", "efficiency;equity", 0.0, 1, 150, "2614", "base", 0, None, "存续",
     "rectify", "efficiency_heavy", None),
    ("E4", 1, "identified", "equity", "equity", 0.0, 1, 150, "3311", "base", 0, None, "吊销",
     "rectify", "efficiency_heavy", None),
    # 增容技改 (J 524–526): "对退出市场的占地100亩…以上的工业用地" — the firm has left the market (注销, 吊销) and
    # the site is 100 亩 or more (以上 includes 100); an operating firm on 150 亩 is not such land.
    ("E2", 1, "identified", "efficiency", "efficiency", 0.0, 1, 150, "1810", "base", 0, None, "注销",
     "capacity_upgrade", "large_site", None),
    ("E3", 1, "identified", "equity", "equity", 0.0, 1, 100, "3911", "community", 0, None, "吊销",
     "capacity_upgrade", "large_site", None),
    ("E5", 1, "identified", "efficiency", "efficiency", 0.0, 1, 150, "1810", "base", 0, None, "存续",
     "highstd_factory", "efficiency", None),
    ("F", 1, "identified", "efficiency", "efficiency", 0.0, 1, 40, "C2614", "base", 0, None, "存续",
     "rectify", "efficiency_heavy", None),
    ("G", 1, "identified", "efficiency", "efficiency", 0.0, 1, 40, "1810", "community", 0, None, "存续",
     "highstd_factory", "efficiency", None),
    # Quality (C 159 (3)): "eliminate outdated capacity … reallocated to high-tech enterprises or large-scale
    # industrial enterprises" — industry stays industry, in a block as in a base.
    ("H", 1, "reported", "quality", "quality", 0.0, 1, 5, None, "block", 0, None, "存续", "upgrade_relet",
     "quality", None),
    ("I", 1, "identified", "quality", "quality", 0.0, 1, 5, None, "base", 0, None, "存续", "upgrade_relet",
     "quality", None),
    ("J", 1, "identified", "equity", "equity", 0.0, 1, 5, None, "base", 0, None, "存续", "rectify", "equity", None),
    ("K", 1, "identified", "safety", "safety", 0.0, 1, 5, None, "base", 0, None, "存续", "rectify", "safety", None),
    ("N", 1, "identified", None, None, 0.0, 1, 5, None, "block", 0, None, "存续", "rectify", "scattered_block", None),
    ("N2", 1, "identified", None, None, 0.0, 1, 5, "2614", "base", 0, None, "存续", "rectify", "heavy_in_park",
     None),
    ("O", 1, "identified", None, None, 0.0, 1, 5, None, "base", 0, None, "存续", "highstd_factory", "park_renewal",
     None),
    ("P", 0, "retained", None, None, 0.0, 0, 5, None, "block", 0, None, "存续", None, None, "may_exit"),
    ("Q", 1, "in_progress", "efficiency", "efficiency", 0.0, 1, 5, None, "base", 0, None, "存续", None, None, None),
    # Boundary unknown: neither "outside" rule applies, 增容技改 does (停业 has left the market); no clearance zone.
    ("R", 1, "identified", "efficiency", "efficiency", nan, nan, 120, None, "base", 0, None, "停业",
     "capacity_upgrade", "large_site", None),
]
COLUMNS = ["parcel_id", "inefficient", "category", "ineff_type", "ineff_flags", "redline_share",
           "inside_dev_boundary", "area_mu", "industry_code", "level", "veto_failed", "veto_reasons",
           "registration_status"]
N_IN = len(COLUMNS)


@pytest.fixture(scope="module")
def table():
    df = pd.DataFrame([c[:N_IN] for c in CASES], columns=COLUMNS)
    df["area_m2"] = df.pop("area_mu") * MU
    return df


@pytest.fixture(scope="module")
def result(table):
    return P.suggest_paths(table, load_path_rules(), load_clearance_rules())


def test_each_parcel_gets_the_path_of_its_rule(table, result):
    got = dict(zip(table["parcel_id"], zip(result.table["path"], result.table["path_rule"])))
    assert got == {c[0]: (c[N_IN], c[N_IN + 1]) for c in CASES}


def test_clearance_zones_only_outside_the_boundary(table, result):
    got = dict(zip(table["parcel_id"], result.table["clearance_zone"]))
    assert got == {c[0]: c[N_IN + 2] for c in CASES}


def test_reasons_quote_the_parcel(table, result):
    reason = dict(zip(table["parcel_id"], result.table["path_reason"]))
    assert reason["A"] == "生态保护红线内的工业用地（62% 位于红线内）：收回土地并恢复为绿地（工业生态修复）"
    assert reason["E2"].startswith("企业已退出市场（注销），用地 150 亩（100 亩以上）")
    assert "行业代码 C2614" in reason["F"]
    assert reason["M"].startswith("一票否决项不符合（contract_fulfilled）")
    assert reason["S3"].startswith("不符合安全或环保要求（nimby_ok;safety_ok）")
    assert reason["P"] is None


def grid():
    """Every combination of type, veto, boundary, level, size, industry and market status (vectorised)."""
    types = [None, "green", "efficiency", "quality", "equity", "safety"]
    vetoes = [None, "safety_ok", "environment_ok", "spatial_plan", "contract_fulfilled", "legal_certificate;safety_ok"]
    combos = list(itertools.product(types, vetoes, [0, 1], ["base", "community", "block"], [5, 100, 150],
                                    ["2614", "1810", None], ["存续", "注销"]))
    df = pd.DataFrame(combos, columns=["ineff_type", "veto_reasons", "inside_dev_boundary", "level", "area_mu",
                                       "industry_code", "registration_status"])
    df["veto_failed"] = df["veto_reasons"].notna().astype(int)
    df["inefficient"], df["category"], df["redline_share"] = 1, "identified", 0.0
    df["area_m2"] = df.pop("area_mu") * MU
    return df


def test_hazard_vetoes_rectify_or_exit_never_build_higher():
    # The rule, C 159 (5): safety, environment or spatial-plan veto ⇒ rectify or exit, whatever else holds.
    df = grid()
    path = P.suggest_paths(df, load_path_rules(), load_clearance_rules()).table["path"]
    hazard = df["veto_reasons"].fillna("").str.contains("safety_ok|environment_ok|spatial_plan")
    assert hazard.sum() == 4 * len(df) // 6
    assert set(path[hazard]) == {"rectify", "exit"}


def test_heavy_industry_never_gets_more_floors():
    # C 159: "Heavy industry enterprises should not simply increase land-use intensity".
    df = grid()
    path = P.suggest_paths(df, load_path_rules(), load_clearance_rules()).table["path"]
    heavy = df["industry_code"] == "2614"
    assert not path[heavy].isin(["highstd_factory", "capacity_upgrade"]).any()
    assert path[~heavy].isin(["highstd_factory"]).any() and path[~heavy].isin(["capacity_upgrade"]).any()


def test_quality_keeps_the_land_industrial():
    # C 159 (3): quality-deficient firms are re-let to "high-tech enterprises or large-scale industrial
    # enterprises" — never 工改科研 (a change of use) in the shipped rules.
    df = grid()
    path = P.suggest_paths(df, load_path_rules(), load_clearance_rules()).table["path"]
    assert "to_research" not in set(path.dropna())
    plain = (df["ineff_type"] == "quality") & (df["veto_failed"] == 0) & (df["inside_dev_boundary"] == 1)
    # …except land of 100 亩 or more whose firm has left the market, which 增容技改 keeps whole (J 524–529).
    vacated_site = (df["area_m2"] >= 100 * MU - 1e-6) & (df["registration_status"] == "注销")
    assert (path[plain & (df["industry_code"] != "2614") & ~vacated_site] == "upgrade_relet").all()
    assert (path[plain & (df["industry_code"] != "2614") & vacated_site] == "capacity_upgrade").all()


def test_capacity_upgrade_only_for_large_sites_whose_firm_left_the_market():
    # J 524–526: 对退出市场的占地100亩以上的工业用地.
    df = grid()
    path = P.suggest_paths(df, load_path_rules(), load_clearance_rules()).table["path"]
    upgraded = path == "capacity_upgrade"
    assert (df.loc[upgraded, "registration_status"] == "注销").all()
    assert (df.loc[upgraded, "area_m2"] >= 100 * MU - 1e-6).all()


def test_market_exit_from_the_status():
    spec = load_path_rules()["market_exit"]
    df = pd.DataFrame({"registration_status": ["注销", "存续", None, "停业；存续", " 吊销 ", ""]})
    assert P.market_exit(df, spec).tolist()[:2] == [1.0, 0.0]
    out = P.market_exit(df, spec)
    assert np.isnan(out[2]) and out[3] == 1.0 and out[4] == 1.0 and np.isnan(out[5])


def test_english_reasons(table):
    res = P.suggest_paths(table, load_path_rules(), load_clearance_rules(), lang="en")
    assert res.table["path_reason"].iloc[0] == ("Industrial land inside the ecological red line (62% inside) — "
                                                "reclaim and restore to green use")


def test_value_labels_are_chinese():
    labels = P.value_labels(load_path_rules(), load_clearance_rules())
    assert labels["path"]["capacity_upgrade"] == "工改工（增容技改）"
    assert labels["path"]["eco_restoration"] == "工业生态修复"
    assert labels["clearance_zone"] == {"must_exit": "必须清退区", "encouraged_exit": "鼓励清退区",
                                        "may_exit": "可考虑清退区"}


def test_missing_fields_are_reported_not_fatal(table):
    res = P.suggest_paths(table.drop(columns=["redline_share"]), load_path_rules(), load_clearance_rules())
    assert any("redline_share" in w for w in res.warnings)
    # Without the red-line share the category 生态清退 still sends A to ecological restoration; B2, whose only
    # tie to the red line was the share, is unaffected, and the reason shows the missing share as "—".
    assert res.table["path"].iloc[0] == "eco_restoration"
    assert "（— 位于红线内）" in res.table["path_reason"].iloc[0]


def test_derived_fields():
    df = pd.DataFrame({"ineff_flags": ["green;efficiency", "efficiency", None],
                       "industry_code": ["C2614", "18", None], "area_m2": [MU * 3, MU, MU]})
    spec = load_path_rules()["industry_classes"]
    work = P.with_derived_fields(df, {"flag_efficiency", "flag_green", "industry_class", "area_mu"}, spec, [])
    assert work["flag_green"].tolist()[:2] == [1.0, 0.0] and np.isnan(work["flag_green"].iloc[2])
    assert work["flag_efficiency"].tolist()[:2] == [1.0, 1.0]
    assert work["industry_class"].tolist() == ["heavy", "light", None]
    assert work["area_mu"].tolist() == pytest.approx([3, 1, 1])


def test_longest_prefix_wins():
    spec = {"classes": {"heavy": ["26"], "light": ["2614"]}}
    df = pd.DataFrame({"industry_code": ["2614", "2611", 2614.0]})
    assert P.industry_class(df, spec).tolist() == ["light", "heavy", "light"]


def write(tmp_path, text):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_rule_file_problems_are_listed_with_their_path(tmp_path):
    path = write(tmp_path, """
paths:
  - {id: exit, label: {zh: 清退}}
rules:
  - {id: a, path: exit, reason: x}
  - {id: a, when: {field: level, op: "=>", value: 1}, path: demolish, reason: "{area mu}"}
  - {id: c, path: exit, reason: ok}
""")
    with pytest.raises(ConfigError) as err:
        load_path_rules(path)
    problems = err.value.problems
    assert any(p.startswith("rules[0].when: missing condition") for p in problems)
    assert any(p.startswith("rules[1].id: duplicate id 'a'") for p in problems)
    assert any(p.startswith("rules[1].when.op:") for p in problems)
    assert any(p.startswith("rules[1].path: 'demolish'") for p in problems)
    assert any(p.startswith("rules[1].reason: placeholder {area mu}") for p in problems)


def test_rule_ids_may_be_any_identifier_but_not_a_number(tmp_path):
    path = write(tmp_path, """
paths:
  - {id: exit, label: {zh: 清退}}
rules:
  - {id: 红线清退, when: {field: level, is: yes}, path: exit, reason: x, colour: red}
  - {id: 2nd, path: exit, reason: ok}
""")
    with pytest.raises(ConfigError) as err:
        load_path_rules(path)
    problems = err.value.problems
    assert not any(p.startswith("rules[0].id") for p in problems)  # Chinese ids are fine in rule files
    assert "rules[0]: unknown key(s) colour (allowed: id, note, path, reason, when)" in problems
    assert "rules[1].id: '2nd' must be a short identifier (letters, digits, _)" in problems


def test_clearance_file_needs_applies_to(tmp_path):
    path = write(tmp_path, "zones:\n  - {id: z, label: {zh: 区}}\n")
    with pytest.raises(ConfigError, match="applies_to: missing"):
        load_clearance_rules(path)


def test_unknown_rule_file_is_named():
    with pytest.raises(LandEvalError, match="no_such_rules"):
        load_path_rules("no_such_rules")
