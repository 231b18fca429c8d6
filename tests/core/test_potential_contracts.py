"""core.potential (county paper §2, Figure 1) and core.contracts (Jiangning paper §4.2.3, 双合同), worked by hand."""
import numpy as np
import pandas as pd
import pytest

from landeval.core.contracts import check_contracts, fulfilled_flag
from landeval.core.dates import parse_dates
from landeval.core.errors import LandEvalError
from landeval.core.potential import class_totals, classify_potential

MU = 10000.0 / 15.0


# County paper, line 78: "all non-high-quality industrial spaces throughout the processes of land approval,
# allocation, and construction ... classified into four major categories: approved but un-supplied industrial
# land, supplied but undeveloped industrial land, underutilized industrial land in urban areas, and
# underutilized industrial land in rural areas". Line 74 ties rural land to "land outside urban development
# boundaries".
def test_four_classes_from_status_words():
    df = pd.DataFrame({
        "supply_status": ["未供", "已供", "已供", "已供", "已供", "已供", None],
        "construction_status": [None, "未开工", "在建", "已竣工", "已竣工", "建成投产", None],
        "inefficient": [0, 0, 0, 1, 1, 0, 1],
        "inside_dev_boundary": [1, 1, 1, 1, 0, 1, 0],
        "area_m2": np.array([10, 20, 30, 40, 50, 60, 70]) * MU,
    })
    result = classify_potential(df)
    assert list(result.table["land_stage"]) == ["approved", "supplied", "under_construction", "built", "built",
                                                "built", "built"]
    # The last parcel says nothing about supply or construction: it is in the evaluated stock, so built.
    assert list(result.table["potential"]) == ["approved_unsupplied", "supplied_undeveloped", None,
                                               "underused_urban", "underused_rural", None, "underused_rural"]
    totals = class_totals(result.table["potential"], df["area_m2"])
    assert totals["underused_rural"] == (2, pytest.approx(120 * MU))
    assert totals["approved_unsupplied"] == (1, pytest.approx(10 * MU))


def test_yes_no_supply_column_and_idle_land():
    # 是否供地 holds 是/否; 闲置 (idle) land is supplied land whose construction has not begun.
    df = pd.DataFrame({"supply_status": ["否", "是"], "construction_status": [None, "闲置"], "inefficient": [0, 0]})
    assert list(classify_potential(df).table["potential"]) == ["approved_unsupplied", "supplied_undeveloped"]


def test_classes_from_dates_and_approval():
    # No status words: supplied = a supply date, started = an actual start date, built = a completion date.
    df = pd.DataFrame({
        "approval_date": ["2019-03-01", "2019-03-01", None, "2018/1/5", "2018年1月5日"],
        "supply_date": [None, "2020-05-01", None, "2019-01-01", "2019-01-01"],
        "start_date": [None, None, None, "2019-06-01", "2019-06-01"],
        "completion_date": [None, None, None, None, "20200601"],
        "inefficient": [0, 0, 0, 0, 1],
        "inside_dev_boundary": [1, 1, 1, 1, 1],
    })
    result = classify_potential(df)
    assert list(result.table["land_stage"]) == ["approved", "supplied", "unapproved", "under_construction",
                                                "built"]
    assert list(result.table["potential"]) == ["approved_unsupplied", "supplied_undeveloped", None, None,
                                               "underused_urban"]
    assert any("neither approved nor supplied" in w for w in result.warnings)


def test_unknown_status_and_missing_inputs_are_named():
    with pytest.raises(LandEvalError, match=r"construction_status .*'停工待定'"):
        classify_potential(pd.DataFrame({"construction_status": ["停工待定"], "inefficient": [1]}))
    with pytest.raises(LandEvalError, match="inefficient"):
        classify_potential(pd.DataFrame({"supply_status": ["已供"]}))
    with pytest.raises(LandEvalError, match="inside_dev_boundary"):
        classify_potential(pd.DataFrame({"inefficient": [1]}))
    with pytest.raises(LandEvalError, match=r"supply_date .*'去年'"):
        classify_potential(pd.DataFrame({"supply_date": ["去年"], "inefficient": [0]}))


def test_dates_in_the_usual_spellings():
    got = parse_dates(["2020-05-01", "2020/5/1", "2020.5.1", "2020年5月1日", "20200501", "2020-05-01T00:00:00",
                       None, ""], "d")
    assert list(got[:6]) == [np.datetime64("2020-05-01")] * 6
    assert np.isnat(got[6]) and np.isnat(got[7])


# Jiangning paper, lines 593–597: "同时签订工业项目监管合同与土地出让合同，实施'双合同'监管。强化全生命周期绩效评价，
# 在项目竣工、达产、正常运营与使用年期到期前，开展投入、产出、过程与续期评估".
CONTRACTS = pd.DataFrame({
    "parcel_id": ["build", "done", "prod", "oper", "late", "expiring", "free"],
    "area_m2": np.array([50, 50, 50, 50, 50, 50, 50]) * MU,
    "target_investment": [400, 400, 400, 400, 400, 400, np.nan],
    "target_plot_ratio": [1.2, 1.2, 1.2, 1.2, 1.2, 1.2, np.nan],
    "target_output": [800, 800, 800, 800, 800, 800, np.nan],
    "target_tax": [40, 40, 40, 40, 40, 40, np.nan],
    "agreed_completion_date": ["2025-06-30", "2023-06-30", "2022-06-30", "2020-06-30", "2023-06-30",
                               "2010-06-30", None],
    "agreed_production_date": ["2026-06-30", "2025-06-30", "2024-06-30", "2022-06-30", "2025-06-30",
                               "2012-06-30", None],
    "expiry_date": ["2045-06-30", "2043-06-30", "2042-06-30", "2040-06-30", "2043-06-30", "2025-03-31", None],
    "completion_date": [None, "2023-05-01", "2022-06-01", "2020-06-01", None, "2010-06-01", None],
    # 50 亩: investment 25 000 万元 = 500 万元/亩; output 30 000 = 600 万元/亩; tax 2 500 = 50 万元/亩.
    "fixed_investment": [25000, 15000, 25000, 25000, 25000, 25000, 25000],
    "output_value": [30000, 30000, 30000, 30000, 30000, np.nan, 30000],
    "tax": [2500, 2500, 1500, 2500, 2500, 2500, 2500],
    "plot_ratio": [1.0, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5],
})
ON = np.datetime64("2024-12-31")


def test_contract_milestones_and_gaps():
    result = check_contracts(CONTRACTS, ON)
    t = result.table.set_index(CONTRACTS["parcel_id"])
    assert list(t["contract_stage"]) == ["construction", "completion", "production", "operation", "completion",
                                         "expiry", None]
    # Before completion nothing is due. At completion (投入评估) investment and plot ratio: 15 000 / 50 = 300 万元/亩,
    # 100 short of 400; plot ratio 1.5 ≥ 1.2. Output targets are not due yet.
    assert t.loc["build", "contract_breach"] == 0 and np.isnan(t.loc["build", "gap_investment"])
    assert t.loc["done", "gap_investment"] == pytest.approx(-100)
    assert t.loc["done", "gap_plot_ratio"] == pytest.approx(0.3)
    assert np.isnan(t.loc["done", "gap_output"])
    assert t.loc["done", "contract_shortfalls"] == "investment"
    # At 达产 (产出评估) output and tax too: output 600 vs 800 (−200), tax 1 500 / 50 = 30 vs 40 (−10).
    assert (t.loc["prod", "gap_output"], t.loc["prod", "gap_tax"]) == pytest.approx((-200, -10))
    assert t.loc["prod", "contract_shortfalls"] == "output;tax" and t.loc["prod", "contract_breach"] == 1
    assert t.loc["oper", "contract_shortfalls"] == "output"
    # Agreed completion 2023-06-30 has passed (its milestone is reached) but the project is not completed by
    # 2024-12-31: 550 days late; its investment (500 万元/亩) and plot ratio meet the contract.
    assert t.loc["late", "gap_completion_days"] == 550 and t.loc["late", "contract_shortfalls"] == "completion"
    # Within a year of expiry (续期评估) everything is due; no output figure: unverified, breach unknown.
    assert t.loc["expiring", "contract_unverified"] == "output" and np.isnan(t.loc["expiring", "contract_breach"])
    # No target and no agreed date: not under a contract.
    assert np.isnan(t.loc["free", "contract_breach"]) and t.loc["free", "contract_shortfalls"] is None


def test_achieved_values_from_per_area_indicators():
    # Without the raw sums, output_per_area in 万元/km² is converted to 万元/亩 (1 km² = 1500 亩).
    df = pd.DataFrame({"target_output": [800.0], "output_per_area": [900000.0],
                       "agreed_production_date": ["2020-01-01"]})
    result = check_contracts(df, ON, area_unit="km2")
    assert result.table.loc[0, "gap_output"] == pytest.approx(600 - 800)


def test_the_jiangning_veto_field_from_the_check():
    # Jiangning Table 1 (line 348) vetoes 是否按照合同约定履行; the check feeds that field: a breach or a recorded 否
    # fails, a met contract passes unless the record says 否, an unknown check keeps the record.
    breach = [1, 0, 0, np.nan, np.nan, 1]
    recorded = [1, 1, 0, 0, np.nan, np.nan]
    got = fulfilled_flag(breach, recorded)
    assert got[:4].tolist() == [0, 1, 0, 0] and np.isnan(got[4]) and got[5] == 0


def test_no_contract_columns_is_an_error():
    with pytest.raises(LandEvalError, match="合同投资强度"):
        check_contracts(pd.DataFrame({"output_value": [1.0]}), ON)
