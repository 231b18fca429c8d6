"""Issue 12, identification: each rule worked by hand from the sources' own words (quoted in every test).

Sources: ../shared/domain/sources/jiangning-inefficient-land-index-paper.zh.txt ("Jiangning", line numbers) and
county-industrial-land-performance-paper.en.txt ("County"). Choices where they are silent: docs/methods.md.
"""
import numpy as np
import pandas as pd
import pytest

from landeval.core.classify import classify_types, determine
from landeval.core.conditions import evaluate as holds
from landeval.core.config import EvalConfig, load_config
from landeval.core.errors import ConfigError, LandEvalError
from landeval.core.normalize import normalize
from landeval.core.pipeline import add_rule_placeholders, evaluate
from landeval.core.vetoes import check_vetoes

MU = 10000.0 / 15.0


def _decide(df, cfg):
    """Types then the determination, as classifyparcels and the pipeline run them (absent rule fields empty)."""
    df = df.copy()
    add_rule_placeholders(df, cfg, [])
    types = classify_types(df, cfg)
    return pd.concat([types, determine(df.assign(**types), cfg)], axis=1)


# --- 1. Jiangning: the final inefficient set is the union of four categories ------------------------------------

def test_jiangning_inefficient_is_exactly_the_four_categories():
    # Jiangning 468–474: "将江宁区正在推进的工业类再开发项目、生态保护红线内需要清退的工业类用地、园区及街道上报的
    # 有再开发意愿的工业类用地，以及本次识别的低效工业类用地作为最终确定需要再开发的低效工业用地".
    # Row 0: under way, scores 0.9 → 正在推进, inefficient (today's code said 0).
    # Row 1: 0.8 of it in the red line, scores 0.95 → 生态清退 whatever its score.
    # Row 2: reported, scores 0.9 → 地方上报.  Row 3: scores 0.4 < 0.6 → 低效认定.
    # Row 4: scores 0.9, 0.1 in the red line (a sliver, below the 0.5 share) → 现状保留.
    # Row 5: under way AND in the red line → 正在推进 (it ranks above 生态清退).
    df = pd.DataFrame({
        "score": [0.9, 0.95, 0.9, 0.4, 0.9, 0.2],
        "veto_failed": [0, 0, 0, 0, 0, 0],
        "in_progress": ["是", None, None, None, None, "是"],
        "reported": [None, None, "是", None, None, None],
        "redline_share": [0.0, 0.8, 0.0, 0.0, 0.1, 0.9],
        "output_per_area": [10.0] * 6, "tax_per_area": [1.0] * 6,
    })
    out = _decide(df, load_config("jiangning"))
    assert out["category"].tolist() == ["in_progress", "eco_exit", "reported", "identified", "retained",
                                        "in_progress"]
    assert out["inefficient"].tolist() == [1, 1, 1, 1, 0, 1]
    assert out["review"].tolist() == [0, 0, 0, 0, 0, 0]


def test_jiangning_identified_is_a_failed_veto_or_a_score_below_0_6():
    # Jiangning 231–237: "综合权重值低于0.6的用地认定为低效工业用地，另有少量高于0.6的工业用地需结合实际情况综合判定。
    # 最终确定可用于判定低效工业用地的标准包括以下3项：未能通过“一票否决”机制的工业用地、综合权重值低于0.6的工业
    # 用地、由地方政府上报需要进行再开发的工业用地。"  Review band [0.60, 0.65) is our choice (docs/methods.md).
    df = pd.DataFrame({"score": [0.59, 0.60, 0.64, 0.65, 0.99], "veto_failed": [0, 0, 0, 0, 1],
                       "output_per_area": [1.0] * 5, "tax_per_area": [1.0] * 5})
    out = _decide(df, load_config("jiangning"))
    assert out["category"].tolist() == ["identified", "retained", "retained", "retained", "identified"]
    assert out["review"].tolist() == [0, 1, 1, 0, 0]


@pytest.mark.parametrize("share, category", [(0.49, "retained"), (0.5, "eco_exit"), (1.0, "eco_exit")])
def test_red_line_share_that_counts_as_inside(share, category):
    # County 159: "Where rigid control elements cover more than 50% of the total land area, the enterprise land
    # must be reclaimed and restored to green use" — the preset's default "inside" share is 0.5 (methods.md);
    # a parcel at least half inside exits whatever its score (issue 12 done-when), a 49 % sliver does not.
    df = pd.DataFrame({"score": [0.99], "veto_failed": [0], "redline_share": [share],
                       "output_per_area": [1.0], "tax_per_area": [1.0]})
    assert _decide(df, load_config("jiangning"))["category"].tolist() == [category]
    county = _decide(df, load_config("county_table2"))
    assert county["category"].tolist() == [category if category == "eco_exit" else "retained"]


def test_red_line_share_is_one_parameter_of_the_preset():
    # The green screen and the 生态清退 category read the same number (a YAML anchor): both say 0.5.
    for name in ("jiangning", "county_table2"):
        cfg = load_config(name)
        green = next(t for t in cfg.types if t.id == "green").when["any"][0]
        exit_ = next(c for c in cfg.categories if c.id == "eco_exit").when
        assert green == exit_ == {"field": "redline_share", "op": ">=", "value": 0.5}


# --- 2. County: identification by the five-layer screening --------------------------------------------------------

def _county_frame():
    # Output per km² 10, 20, 30, 40 → median 25; tax per km² 4, 1, 3, 2 → median 2.5.
    return pd.DataFrame({
        "score": [0.99, 0.01, 0.5, 0.99],
        "redline_share": [0.0, 0.0, 0.0, 0.0],
        "eia_passed": ["是", "否", "是", "是"],
        "output_per_area": [10.0, 20.0, 30.0, 40.0],
        "tax_per_area": [4.0, 1.0, 3.0, 2.0],
        "dominant_sector": ["是", "是", "否", "是"],
        "management_ok": ["是", "是", "否", "是"],
        "safety_evaluated": ["是", "是", "是", "是"],
    })


def test_county_parcel_identification_is_the_screening_not_the_score():
    # County 106: "this study simplifies the composite scoring method used in previous underutilized land
    # identification research into a single-factor integrated evaluation approach"; 112: "a five-layer recursive
    # judgment logic is established to successively screen and classify enterprises into five categories:
    # green-deficient, efficiency-deficient, quality-deficient, equity-deficient, and safety-alert".
    # Row 0: output 10 < 25 → efficiency (its 0.99 score does not save it).
    # Row 1: EIA not passed → green first (also efficiency 20 < 25, equity 1 < 2.5: flags only); score 0.01.
    # Row 2: outside the dominant sectors and poorly managed → quality.
    # Row 3: output 40, tax 2 < 2.5 → equity.
    cfg = load_config("county_table2")
    assert cfg.identification == "screening" and cfg.threshold is None
    out = _decide(_county_frame(), cfg)
    assert out["ineff_type"].tolist() == ["efficiency", "green", "quality", "equity"]
    assert out["ineff_flags"].tolist()[1] == "green;efficiency;equity"
    assert out["category"].tolist() == ["identified"] * 4
    assert out["inefficient"].tolist() == [1, 1, 1, 1]


def test_county_retained_parcels_carry_no_type_and_typed_parcels_are_inefficient():
    # County 112: a parcel passing all five screens is not an inefficient enterprise; the score plays no part.
    df = _county_frame().assign(dominant_sector="是")   # row 2 (output 30 ≥ 25, tax 3 ≥ 2.5) passes every screen
    out = _decide(df, load_config("county_table2"))
    assert out["ineff_type"].tolist() == ["efficiency", "green", "", "equity"]
    assert out["category"].tolist() == ["identified", "identified", "retained", "identified"]
    assert (out.loc[out["category"] == "retained", "ineff_type"] == "").all()


def test_county_vetoes_a_user_adds_identify_too_and_a_threshold_is_ignored():
    cfg = load_config("county_table2").to_dict()
    cfg["vetoes"] = [{"id": "safety_ok", "when": {"field": "safety_ok", "is": "no"}}]
    cfg = EvalConfig.from_dict(cfg)
    df = _county_frame().iloc[[2]].reset_index(drop=True).assign(dominant_sector="是", veto_failed=1)
    out = _decide(df, cfg)
    assert out["ineff_type"].tolist() == [""] and out["category"].tolist() == ["identified"]
    assert determine(df.assign(ineff_type=""), cfg, threshold=0.99)["inefficient"].tolist() == [1]


def test_screening_without_types_says_what_to_do():
    cfg = load_config("county_table2")
    with pytest.raises(LandEvalError, match="ineff_type"):
        determine(pd.DataFrame({"score": [0.5]}), cfg)


# --- 3. Screens' benchmark: the median, within level or industry where the table has them -------------------------

def test_median_benchmark_within_the_first_group_field_present():
    # County 110: "Output per unit of land serves as the fundamental metric" — below the benchmark, which the paper
    # does not fix: our default is the median within the parcel's scale level, else its industry (methods.md).
    cond = {"field": "x", "op": "<", "benchmark": {"stat": "median", "group_by": ["level", "industry_code"]}}
    df = pd.DataFrame({"x": [1.0, 2.0, 100.0, 10.0, 20.0, 30.0],
                       "industry_code": ["13", "13", "13", "40", "40", "40"]})
    # No level column: by industry, medians 2 and 20 → 1 and 10 below.
    assert holds(cond, df).tolist() == [True, False, False, True, False, False]
    # With a level column it wins: base (1, 2, 100, 10) median 6 → 1, 2 below; block (20, 30) median 25 → 20.
    with_level = df.assign(level=["base", "base", "base", "base", "block", "block"])
    assert holds(cond, with_level).tolist() == [True, True, False, False, True, False]
    # An empty level column (a run without parks) is not a grouping: industry again.
    assert holds(cond, df.assign(level=np.nan)).tolist() == [True, False, False, True, False, False]
    # Neither field: the district median 15 → 1, 2, 10 below.
    assert holds(cond, df[["x"]]).tolist() == [True, True, False, True, False, False]


def test_median_flags_fewer_parcels_than_the_mean_on_a_heavy_tail():
    # One plant at 1000, nine at 10: the mean 109 puts 9 of 10 below it, the median 10 none.
    df = pd.DataFrame({"x": [10.0] * 9 + [1000.0]})
    mean = {"field": "x", "op": "<", "benchmark": {"stat": "mean"}}
    median = {"field": "x", "op": "<", "benchmark": {"stat": "median"}}
    assert holds(mean, df).sum() == 9 and holds(median, df).sum() == 0


def test_group_by_list_is_validated():
    bad = {"types": [{"id": "t", "when": {"field": "x", "op": "<", "benchmark": {"stat": "median", "group_by": [1]}}}]}
    with pytest.raises(ConfigError, match="group_by"):
        EvalConfig.from_dict(bad)


# --- 4. Vetoed parcels stay out of the statistics -----------------------------------------------------------------

def test_vetoed_parcels_do_not_move_min_max_median_or_ranks():
    # Jiangning 196–200: "将不满足指标层中任意一项指标的工业用地直接认定为低效工业用地，符合定性指标的存量工业用地
    # 则会进入“人—地—企—产—财—能”定量指标准则层，通过权重分析来计算其效能" — only the passing parcels are scored.
    # Values 1, 2, 3 pass; 100 fails a veto. Min–max over 1..3: 0, 0.5, 1 (the vetoed 100 clipped to 1).
    x, ok = [1.0, 2.0, 3.0, 100.0], np.array([True, True, True, False])
    np.testing.assert_allclose(normalize(x, "minmax", "benefit", reference=ok), [0, 0.5, 1, 1])
    # Median of 1, 2, 3 = 2: ratios 0.5, 1, 1.5 → capped 1; without the mask the median would be 2.5.
    np.testing.assert_allclose(normalize(x, "benchmark", "benefit", benchmark={"stat": "median"}, reference=ok),
                               [0.5, 1, 1, 1])
    # Percentile among the passing: 0, 0.5, 1; the vetoed 100 beats all 3 → 1.
    np.testing.assert_allclose(normalize(x, "percentile", "benefit", reference=ok), [0, 0.5, 1, 1])
    # A vetoed 2.5 lies between 2 and 3: it beats 2 of the 3 → 2/3; ties with a passing value count half.
    np.testing.assert_allclose(normalize([1.0, 2.0, 3.0, 2.5, 2.0], "percentile", "benefit",
                                         reference=[True, True, True, False, False]),
                               [0, 0.5, 1, 2 / 3, 0.5])
    # Within groups: group a (1, 2 pass; 9 vetoed), group b (5, 7 pass).
    np.testing.assert_allclose(normalize([1.0, 2.0, 9.0, 5.0, 7.0], "percentile", "benefit",
                                         groups=["a", "a", "a", "b", "b"],
                                         reference=[True, True, False, True, True]), [0, 1, 1, 0, 1])
    # z-score: mean 2, σ = sqrt(2/3) over 1, 2, 3; z(1) = −1.2247 → (3 − 1.2247)/6 = 0.29588.
    z = normalize(x, "zscore", "benefit", reference=ok)
    assert z[0] == pytest.approx((3 - 1 / np.sqrt(2 / 3)) / 6) and z[1] == pytest.approx(0.5)


def test_pipeline_scores_against_the_parcels_that_pass():
    # A fails the safety veto with a huge plot ratio; B, C pass with 1 and 3 → B 0, C 1; A clipped to 1.
    parcels = pd.DataFrame({"宗地编号": ["A", "B", "C"], "area_m2": [10 * MU] * 3,
                            "总建筑面积": [100 * MU, 10 * MU, 30 * MU], "是否符合安全要求": ["否", "是", "是"]})
    cfg = {"name": "t", "threshold": 0.5, "elements": [
        {"id": "land", "weight": 1.0, "indicators": [{"id": "plot_ratio", "weight": 1.0}]}],
        "vetoes": [{"id": "safety_ok", "when": {"field": "safety_ok", "is": "no"}}],
        "categories": [{"id": "identified", "when": {"field": "identified", "is": "yes"}}, {"id": "retained"}]}
    t = evaluate(parcels, EvalConfig.from_dict(cfg)).table
    np.testing.assert_allclose(t["score"], [1.0, 0.0, 1.0])
    assert t["inefficient"].tolist() == [1, 1, 0]


# --- 5. A veto that cannot be checked is not "passed" -------------------------------------------------------------

def _veto_cfg(policy=None):
    data = {"name": "v", "vetoes": [{"id": "legal_certificate", "when": {"field": "legal_certificate", "is": "no"}},
                                    {"id": "safety_ok", "when": {"field": "safety_ok", "is": "no"}}]}
    if policy:
        data["veto_unknown"] = policy
    return EvalConfig.from_dict(data)


def test_unknown_veto_needs_verification_by_default():
    # Jiangning Table 1 (lines 339–353) lists 是否有合法的工业用地证 … as yes/no vetoes; an empty answer is neither.
    df = pd.DataFrame({"legal_certificate": ["是", None, "否", None], "safety_ok": ["是", "是", None, None]})
    out = check_vetoes(df, _veto_cfg())
    assert out["veto_failed"].tolist() == [0, 0, 1, 0]
    assert out["veto_reasons"].tolist() == ["", "", "legal_certificate", ""]
    assert out["veto_unknown"].tolist() == ["", "legal_certificate", "safety_ok", "legal_certificate;safety_ok"]
    assert out["needs_verification"].tolist() == [0, 1, 1, 1]


def test_unknown_veto_policies_pass_and_fail():
    df = pd.DataFrame({"legal_certificate": ["是", None], "safety_ok": ["是", "是"]})
    passed = check_vetoes(df, _veto_cfg("pass"))
    assert passed["veto_failed"].tolist() == [0, 0] and passed["needs_verification"].tolist() == [0, 0]
    assert passed["veto_unknown"].tolist() == ["", "legal_certificate"]
    failed = check_vetoes(df, _veto_cfg("fail"))
    assert failed["veto_failed"].tolist() == [0, 1] and failed["veto_reasons"].tolist() == ["", "legal_certificate"]
    with pytest.raises(ConfigError, match="veto_unknown"):
        EvalConfig.from_dict({"veto_unknown": "maybe"})


def test_a_veto_column_the_table_lacks_is_unknown_for_every_parcel():
    out = check_vetoes(pd.DataFrame({"legal_certificate": ["是", "否"]}), _veto_cfg())
    assert out["veto_unknown"].tolist() == ["safety_ok", "safety_ok"]
    assert out["needs_verification"].tolist() == [1, 1] and out["veto_failed"].tolist() == [0, 1]


def test_unverified_parcels_are_not_counted_as_clean_retained():
    # B has no safety answer: retained, but not in 现状保留's clean count; the report lists it.
    parcels = pd.DataFrame({"宗地编号": ["A", "B", "C"], "area_m2": [10 * MU] * 3,
                            "总建筑面积": [10 * MU, 20 * MU, 30 * MU], "是否符合安全要求": ["是", None, "是"],
                            "是否有合法工业用地证": ["是", "是", "是"]})
    cfg = _veto_cfg().to_dict()
    cfg.update({"threshold": 0.0, "elements": [
        {"id": "land", "weight": 1.0, "indicators": [{"id": "plot_ratio", "weight": 1.0}]}],
        "categories": [{"id": "identified", "when": {"field": "identified", "is": "yes"}}, {"id": "retained"}]})
    result = evaluate(parcels, EvalConfig.from_dict(cfg))
    assert result.table["category"].tolist() == ["retained"] * 3
    assert result.table["needs_verification"].tolist() == [0, 1, 0]
    q = result.quality
    assert q["retained_clean"] == 2 and q["retained_unverified"] == 1 and q["needs_verification"] == 1
    assert q["vetoes_unknown"] == {"legal_certificate": 0, "safety_ok": 1}


def test_new_rule_keys_are_validated_with_their_place():
    with pytest.raises(ConfigError) as err:
        EvalConfig.from_dict({"identification": "vote", "tiers": {
            "method": "quantile", "breaks": [50, 50], "cap_when": {"field": "category", "op": "==", "value": "x"}}})
    problems = " | ".join(err.value.problems)
    assert "identification: 'vote' is not one of score, screening" in problems
    assert "tiers.cap_when: caps at veto_cap, so give tiers.veto_cap too" in problems
