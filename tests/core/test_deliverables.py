"""The pure parts of the dossier (core.dossier_data) and of the Excel list (core.excel_list), worked by hand on a
three-parcel district scored with tests/data/golden_config.yaml (plot_ratio 0.4; tax_per_area and
output_per_area 0.3 each, after the element weights 0.4 / 0.6 × 0.5)."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from landeval.core import dossier_data, excel_list
from landeval.core.config import load_config

CONFIG = Path(__file__).resolve().parents[1] / "data" / "golden_config.yaml"


@pytest.fixture
def cfg():
    return load_config(str(CONFIG))


@pytest.fixture
def district():
    # min-max over the three parcels: plot_ratio 0.5/1.0/1.5 -> 0, 0.5, 1; tax 1/3/5 -> 0, 0.5, 1;
    # output 10/20/missing -> 0, 1, missing.
    return pd.DataFrame({
        "parcel_id": ["P1", "P2", "P3"], "town": ["东湖街道", "南桥镇", "南桥镇"],
        "area_m2": [10000.0, 20000.0, 4000.0], "area_mu": [15.0, 30.0, 6.0], "n_enterprises": [1, 2, 0],
        "plot_ratio": [0.5, 1.0, 1.5], "tax_per_area": [1.0, 3.0, 5.0], "output_per_area": [10.0, 20.0, np.nan],
        "score": [0.0, 0.65, 1.0], "score_rank": [3, 2, 1], "s_land": [0.0, 0.5, 1.0], "s_economy": [0.0, 0.75, 1.0],
        "weakest": ["plot_ratio;tax_per_area;output_per_area", "plot_ratio;tax_per_area", ""],
        "veto_failed": [0, 0, 0], "veto_reasons": ["", "", ""],
        "ineff_type": ["efficiency", "equity", ""], "ineff_flags": ["efficiency;equity", "equity", ""],
        "inefficient": [1, 1, 0], "review": [0, 1, 0], "category": ["identified", "reported", "retained"],
        "tier": ["D", "C", "A"], "level": ["base", "block", "block"],
    })


INFO = {"run_date": "2026-12-04", "weight_set": "golden", "digest": "ab" * 32, "area_unit": "mu"}


def rows_of(table, pid):
    return table[table["pid"] == pid].set_index("indicator")


def test_contributions_add_up_to_the_score_with_missing_indicators_reweighted(district, cfg):
    # core/scoring.py: "reweight — aggregate over the indicators present, weights rescaled to sum 1".
    data = dossier_data.build_dossier(district, cfg, np.array([False, True, True]), INFO)
    assert data.score_mismatch == 0 and list(data.pages["pid"]) == ["P2", "P3"]
    p2 = rows_of(data.indicators, "P2")
    # P2, all present (Σw = 1): 0.4·0.5 = 0.200, 0.3·0.5 = 0.150, 0.3·1 = 0.300; sum 0.65 = its score.
    assert list(p2["contrib"]) == ["0.200", "0.150", "0.300"]
    assert list(p2["norm"]) == ["0.500", "0.500", "1.000"]
    # District medians over all three parcels (not only the printed ones): 1.0, 3.0 and median(10, 20) = 15.
    assert list(p2["median"]) == ["1.00", "3.00", "15.00"]
    assert list(p2["weight"]) == ["0.400", "0.300", "0.300"]
    # The weakest are the layer's own `weakest` ids.
    assert list(p2["weak"]) == [1, 1, 0] and list(p2["mark"]) == ["▼ 短板", "▼ 短板", ""]
    # P3 lacks output: Σw = 0.7, so 0.4·1/0.7 = 0.571 and 0.3·1/0.7 = 0.429; no contribution for the missing one.
    p3 = rows_of(data.indicators, "P3")
    assert list(p3["contrib"]) == ["0.571", "0.429", "—"] and list(p3["value"])[2] == "—"


def test_a_vetoed_parcel_is_scored_against_the_others(district, cfg):
    # core/scoring.py: "a vetoed plant must not stretch the min–max range or move the median the others are
    # scored against". With P1 vetoed the district is P2 and P3: plot_ratio 1.0 / 1.5 -> medians 1.25, tax 4.0,
    # output 20 (P3 has none). P2 scores 0 on plot and tax, and on output — the district's only value — what
    # core/normalize.py gives "a constant column (max = min ...)": 0.5, so 0.3 · 0.5 = 0.150.
    district["veto_failed"] = [1, 0, 0]
    district["veto_reasons"] = ["legal_certificate", "", ""]
    data = dossier_data.build_dossier(district, cfg, np.array([True, True, False]), INFO)
    p2 = rows_of(data.indicators, "P2")
    assert list(p2["median"]) == ["1.25", "4.00", "20.00"]
    assert list(p2["contrib"]) == ["0.000", "0.000", "0.150"]
    assert "一票否决：无合法工业用地证" in data.pages["d_result"].iloc[0]
    rows, _ = excel_list.list_rows(district, cfg, "mu")
    assert list(rows["一票否决项"]) == ["无合法工业用地证", "", ""]


def test_per_area_indicators_read_mu_and_carry_their_unit(district, cfg):
    data = dossier_data.build_dossier(district, cfg, np.array([True, False, False]), INFO)
    assert list(data.indicators["indicator"]) == ["容积率", "亩均税收（万元/亩）", "亩均产值（万元/亩）"]


def test_element_bars_are_twenty_cells_filled_by_the_sub_score(district, cfg):
    data = dossier_data.build_dossier(district, cfg, np.array([False, True, False]), INFO)
    bars = dict(zip(data.elements["element"], data.elements["bar"]))
    assert bars["土地利用"] == "█" * 10 + "░" * 10       # s_land 0.5
    assert bars["经济效益"] == "█" * 15 + "░" * 5        # s_economy 0.75


def test_page_texts(district, cfg):
    data = dossier_data.build_dossier(district, cfg, np.array([True, True, True]), INFO,
                                      park=["一号园区", "", ""])
    p1, p2, p3 = data.pages.to_dict("records")
    assert "宗地编号：P1" in p1["d_identity"] and "所在园区：一号园区" in p1["d_identity"]
    assert "用地面积：15.00 亩（10,000 m²）" in p1["d_identity"]
    assert "所在园区" not in p2["d_identity"]
    # golden threshold 0.15: 0.65 is above it by 0.5.
    assert "综合得分：0.650 ≥ 阈值 0.150（差 0.500）" in p2["d_result"]
    assert "一票否决：无" in p2["d_result"]
    assert "认定类别：地方上报" in p2["d_result"] and "分级：D类（收回处置）" in p1["d_result"]
    assert "建议路径" not in p1["d_result"] and "稳健性" not in p1["d_result"]
    assert "缺失指标：地均产值" in p3["d_notes"] and "未关联到企业数据" in p3["d_notes"]
    assert "复核" in p2["d_notes"] and p1["d_notes"] == "无"
    assert p1["d_footer"] == "评价日期 2026-12-04 · 权重方案 golden · 摘要 sha256 " + "ab" * 8


def test_optional_fields_of_other_algorithms_are_shown_when_present(district, cfg):
    district["path"] = ["reclaim", "", ""]
    district["path_reason"] = ["低效且否决", "", ""]
    district["robust_class"] = ["stable", "", ""]
    district["needs_verification"] = [1, 0, 0]
    district["veto_unknown"] = ["legal_certificate", "", ""]
    labels = {"path": {"reclaim": "收回收储"}, "robust_class": {"stable": "稳定低效"}}
    data = dossier_data.build_dossier(district, cfg, np.array([True, False, False]), INFO, decision_labels=labels)
    text = data.pages["d_result"].iloc[0]
    assert "建议路径：收回收储（低效且否决）" in text and "稳健性：稳定低效" in text and "待核实：是" in text
    assert "否决项数据缺失、待核实：无合法工业用地证" in data.pages["d_notes"].iloc[0]
    rows, _ = excel_list.list_rows(district, cfg, "mu", decision_labels=labels)
    assert list(rows["待核实否决项"]) == ["无合法工业用地证", "", ""] and list(rows["待核实"]) == ["是", "", ""]


def test_robustness_classes_are_labelled_without_a_value_map(district, cfg):
    district["robust_class"] = ["robust_inefficient", "contested", ""]
    data = dossier_data.build_dossier(district, cfg, np.array([True, True, True]), INFO)
    assert "稳健性：稳健低效" in data.pages["d_result"].iloc[0] and "稳健性：存疑" in data.pages["d_result"].iloc[1]
    assert "稳健性" not in data.pages["d_result"].iloc[2]


def test_a_layer_scored_with_other_settings_is_reported(district, cfg):
    district["score"] = [0.1, 0.2, 0.3]
    data = dossier_data.build_dossier(district, cfg, np.array([True, True, True]), INFO)
    assert data.score_mismatch == 3 and "differs from the layer's score" in data.warnings[-1]


def test_list_rows_headers_units_and_category_sheets(district, cfg):
    rows, columns = excel_list.list_rows(district, cfg, "mu")
    headers = [c.header for c in columns]
    assert headers[:2] == ["宗地编号", "街镇"]
    assert {"面积（亩）", "面积（m²）", "亩均税收（万元/亩）", "综合得分", "认定类别", "分级"} <= set(headers)
    assert list(rows["综合得分"]) == [0.0, 0.65, 1.0]
    sheets = excel_list.category_sheets(rows, district, cfg)
    assert [label for label, _ in sheets] == ["地方上报", "低效认定", "现状保留"]
    assert excel_list.totals_of(rows, columns)["面积（亩）"] == pytest.approx(51.0)


def test_summary_counts_areas_and_totals(district, cfg):
    summary = dict(excel_list.summary_tables(district, "mu", cfg))
    by_town = summary["按街镇统计"].set_index("街镇")
    assert by_town.loc["南桥镇", "宗数"] == 2 and by_town.loc["南桥镇", "面积（亩）"] == pytest.approx(36.0)
    assert by_town.loc["合计", "宗数"] == 3 and by_town.loc["合计", "面积（亩）"] == pytest.approx(51.0)
    assert by_town.loc["南桥镇", "面积占比"] == pytest.approx(36 / 51)


def test_sheet_names_and_display_widths():
    used = set()
    assert excel_list.sheet_name("a/b:c", used) == "a_b_c"
    assert excel_list.sheet_name("a/b:c", used) == "a_b_c(2)"
    assert list(excel_list.display_width(["亩均", "ab"])) == [4, 2]
