"""Redevelopment paths and clearance zones from the shipped rule files, on parcels chosen so that each rule
of resources/rules/paths.yaml fires once; the expected path of each is read off the rule file by hand."""
import numpy as np
import pandas as pd
import pytest

from landeval.core.decision import paths as P
from landeval.core.decision.rules import load_clearance_rules, load_path_rules
from landeval.core.errors import ConfigError, LandEvalError

MU = 10000.0 / 15.0
nan = np.nan

# id, inefficient, category, ineff_type, ineff_flags, redline_share, inside, area 亩, industry_code, level,
# veto_failed, veto_reasons, expected path, expected rule, expected clearance zone
CASES = [
    ("A", 1, "eco_exit", "green", "green;efficiency", 0.62, 0, 10, "2614", "block", 1, "eco_redline",
     "eco_restoration", "eco_reclaim", "must_exit"),
    ("B", 1, "identified", "green", "green", 0.2, 0, 10, None, "block", 0, None, "exit", "green_outside", "must_exit"),
    ("C", 1, "identified", "green", "green", 0.0, 1, 10, None, "community", 0, None, "rectify", "green_inside", None),
    ("D", 1, "identified", "efficiency", "efficiency", 0.0, 0, 30, "1810", "block", 0, None,
     "exit", "outside_boundary", "encouraged_exit"),
    ("E", 1, "identified", "efficiency", "efficiency;equity", 0.0, 1, 150, "2614", "base", 0, None,
     "capacity_upgrade", "large_site", None),
    ("F", 1, "identified", "efficiency", "efficiency", 0.0, 1, 40, "C2614", "base", 0, None,
     "rectify", "efficiency_heavy", None),
    ("G", 1, "identified", "efficiency", "efficiency", 0.0, 1, 40, "1810", "community", 0, None,
     "highstd_factory", "efficiency", None),
    ("H", 1, "reported", "quality", "quality", 0.0, 1, 5, None, "block", 0, None, "reclaim", "quality_block", None),
    ("I", 1, "identified", "quality", "quality", 0.0, 1, 5, None, "base", 0, None, "to_research", "quality", None),
    ("J", 1, "identified", "equity", "equity", 0.0, 1, 5, None, "base", 0, None, "rectify", "equity", None),
    ("K", 1, "identified", "safety", "safety", 0.0, 1, 5, None, "base", 0, None, "rectify", "safety", None),
    ("L", 1, "identified", None, None, 0.0, 1, 5, None, "base", 1, "spatial_plan;safety_ok",
     "to_other", "plan_conflict", None),
    ("M", 1, "identified", None, None, 0.0, 1, 5, None, "base", 1, "contract_fulfilled", "reclaim", "veto", None),
    ("N", 1, "identified", None, None, 0.0, 1, 5, None, "block", 0, None, "rectify", "scattered_block", None),
    ("O", 1, "identified", None, None, 0.0, 1, 5, None, "base", 0, None, "highstd_factory", "park_renewal", None),
    ("P", 0, "retained", None, None, 0.0, 0, 5, None, "block", 0, None, None, None, "may_exit"),
    ("Q", 1, "in_progress", "efficiency", "efficiency", 0.0, 1, 5, None, "base", 0, None, None, None, None),
    # Boundary unknown: neither "outside" rule applies, the size rule does; no clearance zone.
    ("R", 1, "identified", "efficiency", "efficiency", nan, nan, 120, None, "base", 0, None,
     "capacity_upgrade", "large_site", None),
]
COLUMNS = ["parcel_id", "inefficient", "category", "ineff_type", "ineff_flags", "redline_share",
           "inside_dev_boundary", "area_mu", "industry_code", "level", "veto_failed", "veto_reasons"]


@pytest.fixture(scope="module")
def table():
    df = pd.DataFrame([c[:12] for c in CASES], columns=COLUMNS)
    df["area_m2"] = df.pop("area_mu") * MU
    return df


@pytest.fixture(scope="module")
def result(table):
    return P.suggest_paths(table, load_path_rules(), load_clearance_rules())


def test_each_parcel_gets_the_path_of_its_rule(table, result):
    got = dict(zip(table["parcel_id"], zip(result.table["path"], result.table["path_rule"])))
    assert got == {c[0]: (c[12], c[13]) for c in CASES}


def test_clearance_zones_only_outside_the_boundary(table, result):
    got = dict(zip(table["parcel_id"], result.table["clearance_zone"]))
    assert got == {c[0]: c[14] for c in CASES}


def test_reasons_quote_the_parcel(table, result):
    reason = dict(zip(table["parcel_id"], result.table["path_reason"]))
    assert reason["A"] == "绿色缺位，62% 位于生态保护红线内（刚性管控超过 50%）：收回土地并恢复为绿地"
    assert reason["E"].startswith("效率缺位，用地 150 亩（超过 100 亩）")
    assert "行业代码 C2614" in reason["F"]
    assert reason["M"].startswith("一票否决项不符合（contract_fulfilled）")
    assert reason["P"] is None


def test_english_reasons(table):
    res = P.suggest_paths(table, load_path_rules(), load_clearance_rules(), lang="en")
    assert res.table["path_reason"].iloc[0].startswith("Green-deficient with 62% inside")


def test_value_labels_are_chinese():
    labels = P.value_labels(load_path_rules(), load_clearance_rules())
    assert labels["path"]["capacity_upgrade"] == "工改工（增容技改）"
    assert labels["path"]["eco_restoration"] == "工业生态修复"
    assert labels["clearance_zone"] == {"must_exit": "必须清退区", "encouraged_exit": "鼓励清退区",
                                        "may_exit": "可考虑清退区"}


def test_missing_fields_are_reported_not_fatal(table):
    res = P.suggest_paths(table.drop(columns=["redline_share"]), load_path_rules(), load_clearance_rules())
    assert any("redline_share" in w for w in res.warnings)
    # Without the red-line share A falls through to the next green rule (outside the boundary ⇒ exit).
    assert res.table["path"].iloc[0] == "exit"


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
