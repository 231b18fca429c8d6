import numpy as np
import pandas as pd
import pytest

from landeval.core.errors import LandEvalError
from landeval.core.indicators import aggregate_enterprises, compute_indicators

FIRMS = pd.DataFrame({
    "宗地编号": ["P1", "P1", "P1", "P2", None],
    "企业名称": ["甲", "乙", "丙", "丁", "戊"],
    "总产值": [100.0, 300.0, None, 50.0, 1.0],
    "税收": ["10", "1.2万", "暂无", "5", "1"],
    "从业人员": [10, 30, 0, 5, 1],
    "人员流动率": [0.1, 0.3, 0.9, 0.2, 0.0],
    "产业潜力": [50.0, 90.0, 10.0, np.nan, 1.0],
    "企业类型": ["民营企业", "国有企业", "外资", "民营企业", "x"],
    "是否符合安全要求": ["是", "否", "是", "是", "是"],
    "是否规上企业": ["是", "否", "否", None, "是"],
    "是否新建或在建项目": ["否", "是", "否", "是", "否"],
})


def test_aggregation_rules():
    out = aggregate_enterprises(FIRMS, "parcel_id").set_index("parcel_id")
    p1, p2 = out.loc["P1"], out.loc["P2"]
    assert p1.n_enterprises == 3 and p2.n_enterprises == 1
    assert p1.output_value == 400.0
    assert p1.employees == 40
    # turnover weighted by employees (the firm with 0 employees carries no weight): (0.1·10 + 0.3·30)/40
    assert p1.staff_turnover == pytest.approx((0.1 * 10 + 0.3 * 30) / 40)
    # potential weighted by output (the firm without output carries no weight): (50·100 + 90·300)/400
    assert p1.industrial_potential == pytest.approx((50 * 100 + 90 * 300) / 400)
    assert p1.enterprise_type == "国有企业"            # dominant firm = largest output (乙, 300)
    assert p1.enterprise_name == "乙"
    assert p1.safety_ok == 0.0                        # veto flag: one failing firm fails the parcel
    assert p1.above_scale == 1.0                      # any firm above scale
    assert p1.above_scale_share == pytest.approx(1 / 3)
    assert p1.new_project == 0.0                      # unrated only when every firm is new
    assert p2.new_project == 1.0
    assert np.isnan(p2.above_scale_share)
    assert "1 enterprise row(s) without a parcel id" in out.attrs["warnings"][-1]


def test_tax_magnitude_in_wan_yuan():
    # 税收 is kept in 万元, so "1.2万" means 1.2 万元 written with the 万 suffix: 1.2.
    out = aggregate_enterprises(FIRMS, "parcel_id").set_index("parcel_id")
    assert out.loc["P1", "tax"] == pytest.approx(11.2)


def test_missing_parcel_key():
    with pytest.raises(LandEvalError, match="parcel key"):
        aggregate_enterprises(pd.DataFrame({"税收": [1]}), "parcel_id")


def test_indicator_formulas_and_units():
    df = pd.DataFrame({
        "area_m2": [10000.0 / 15 * 10, 1.0e6, 0.0, np.nan, -5.0],
        "floor_area": [13333.3333, 2.0e6, 10.0, 10.0, 10.0],
        "tax": [300.0, 1500.0, 1.0, 1.0, 1.0],
        "output_value": [1000.0, 0.0, -1.0, np.nan, 1.0],
        "electricity": [50.0, 1.0, 1.0, 1.0, 1.0],
        "total_liabilities": [40.0, 1.0, 1.0, 1.0, 1.0],
        "total_assets": [100.0, 0.0, 1.0, 1.0, 1.0],
    })
    out, reasons = compute_indicators(df, "mu")
    assert out["area_mu"].iloc[0] == pytest.approx(10.0)
    assert out["area_mu"].iloc[1] == pytest.approx(1500.0)
    assert out["plot_ratio"].iloc[0] == pytest.approx(2.0, rel=1e-8)
    assert out["tax_per_area"].iloc[0] == pytest.approx(30.0)   # 300 万元 on 10 亩
    assert out["tax_per_area"].iloc[1] == pytest.approx(1.0)    # 1500 万元 on 1 km² = 1500 亩
    assert out["electricity_per_output"].iloc[0] == pytest.approx(0.05)
    assert out["debt_ratio"].iloc[0] == pytest.approx(0.4)
    values = out[["plot_ratio", "tax_per_area", "electricity_per_output", "debt_ratio"]].to_numpy()
    assert not np.isinf(values).any()
    assert reasons["plot_ratio"].tolist() == [None, None, "parcel area is zero", "parcel area missing",
                                              "parcel area is negative"]
    assert reasons["electricity_per_output"].tolist()[1:4] == ["output_value is zero", "output_value is negative",
                                                               "output_value missing"]
    assert reasons["debt_ratio"].iloc[1] == "total_assets is zero"
    assert np.isnan(out["tax_per_area"].iloc[2:]).all()
    km2, _ = compute_indicators(df, "km2")
    assert km2["tax_per_area"].iloc[1] == pytest.approx(1500.0)
    assert "green_ratio" not in out.columns  # no green_area column: not computed


def test_supplied_indicator_is_kept():
    df = pd.DataFrame({"area_m2": [1000.0], "floor_area": [500.0], "plot_ratio": [9.0]})
    out, reasons = compute_indicators(df)
    assert out["plot_ratio"].iloc[0] == 9.0 and "plot_ratio" not in reasons


def test_area_required():
    with pytest.raises(LandEvalError, match="area_m2"):
        compute_indicators(pd.DataFrame({"tax": [1.0]}))
