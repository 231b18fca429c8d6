import numpy as np
import pandas as pd
import pytest

from landeval.core.catalogue import check_field_map, load_catalogue
from landeval.core.errors import LandEvalError
from landeval.core.indicators import compute_indicators
from landeval.core.tables import (
    UnitNote,
    canonical_table,
    magnitude_warnings,
    parse_yes_no,
    to_numeric,
    to_text,
)


def test_separators_full_width_and_magnitudes_in_wan_yuan():
    values, warnings = to_numeric(pd.Series(["1,234", "１２３", "12万", "12亿", "12万元", "5000元", "  7.5 "]), "tax")
    np.testing.assert_allclose(values, [1234, 123, 12, 120000, 12, 0.5, 7.5])
    assert warnings == []


def test_magnitude_outside_money_columns_multiplies():
    values, _ = to_numeric(pd.Series(["1.2万", "3"]), "employees")
    np.testing.assert_allclose(values, [12000, 3])


def test_percent_is_a_fraction():
    values, _ = to_numeric(pd.Series(["35%", "0.2"]), "idle_rate")
    np.testing.assert_allclose(values, [0.35, 0.2])


def test_placeholders_are_missing_with_one_counted_warning():
    values, warnings = to_numeric(pd.Series(["暂无", "—", "-", "/", "", "3"]), "output_value")
    assert np.isnan(values[:5]).all() and values[5] == 3
    assert len(warnings) == 1
    assert warnings[0].startswith("output_value: 5 cell(s)")


def test_other_text_lists_at_most_five_offenders():
    cells = ["a", "b", "c", "d", "e", "f", "1"]
    values, warnings = to_numeric(pd.Series(cells), "floor_area")
    assert np.isnan(values[:6]).all() and values[6] == 1
    assert len(warnings) == 1
    assert "floor_area: 6 cell(s) are not numbers" in warnings[0]
    assert "'e'" in warnings[0] and "'f'" not in warnings[0]


def test_numeric_columns_pass_through_and_inf_is_missing():
    values, warnings = to_numeric(pd.Series([1.0, np.inf, None]), "tax")
    assert values[0] == 1.0 and np.isnan(values[1:]).all()
    assert "infinite" in warnings[0]


def test_mixed_object_column():
    values, warnings = to_numeric(pd.Series([5, "6", None, "1,000"], dtype=object), "tax")
    np.testing.assert_allclose(values[[0, 1, 3]], [5, 6, 1000])
    assert np.isnan(values[2]) and warnings == []


def test_yes_no_words():
    cells = ["是", "否", "Y", "n", "有", "无", "符合", "不符合", "通过", "未通过", "TRUE", "false", 1, 0, None, ""]
    expected = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, np.nan, np.nan]
    np.testing.assert_array_equal(parse_yes_no(pd.Series(cells, dtype=object), "f"), expected)
    np.testing.assert_array_equal(parse_yes_no(pd.Series([1.0, 0.0, np.nan]), "f"), [1, 0, np.nan])
    np.testing.assert_array_equal(parse_yes_no(pd.Series([True, False]), "f"), [1, 0])


def test_yes_no_error_names_field_and_value():
    with pytest.raises(LandEvalError, match=r"'safety_ok'.*'maybe'"):
        parse_yes_no(pd.Series(["是", "maybe"]), "safety_ok")
    with pytest.raises(LandEvalError, match="2.0 is not"):
        parse_yes_no(pd.Series([1, 2]), "safety_ok")


def test_to_text_strips_and_blanks():
    out = to_text(pd.Series([" 国有企业 ", "", None]))
    assert out.tolist() == ["国有企业", None, None]


# ------------------------------------------------------------------------------------ units stated in headers
# Issue 18: "税收总额（元）, 工业总产值（元）, values in 元: LandEval ... ignores the unit and takes 元 as 万元".
def test_a_unit_in_the_header_is_converted_to_the_catalogues_and_said():
    df = pd.DataFrame({
        "宗地编号": ["P1", "P2"],
        "税收总额（元）": ["500000", "12万"],       # 50 万元; "12万" 元 = 120 000 元 = 12 万元
        "工业总产值(万元)": [100.0, 200.0],        # already the catalogue's unit: kept, no conversion line
        "用电量【千瓦时】": [25000.0, 5000.0],      # 2.5 and 0.5 万kWh
        "用水量 单位:万吨": [1.5, 0.2],             # 15 000 and 2 000 吨
        "人员流动率(%)": [30, "25%"],              # 0.30; "25%" is the fraction 0.25 in any column
        "总建筑面积（公顷）": [1.2, 0.5],           # 12 000 and 5 000 m²
        "从业人员": [10, 20],                      # no unit: 人, and the note says so
    })
    canon, messages = canonical_table(df)
    assert canon["tax"].tolist() == pytest.approx([50.0, 12.0], rel=1e-12)
    assert canon["output_value"].tolist() == [100.0, 200.0]
    assert canon["electricity"].tolist() == pytest.approx([2.5, 0.5], rel=1e-12)
    assert canon["water"].tolist() == pytest.approx([15000.0, 2000.0], rel=1e-12)
    assert canon["staff_turnover"].tolist() == pytest.approx([0.30, 0.25], rel=1e-12)
    assert canon["floor_area"].tolist() == pytest.approx([12000.0, 5000.0], rel=1e-12)
    notes = [m for m in messages if isinstance(m, UnitNote)]
    assert len(notes) == len(messages) == 6  # five converted columns + the one without a unit; nothing else
    assert notes[0] == "税收总额（元）: in 元 (as the header says), converted to 万元 (× 0.0001) for 总税收 (tax)."
    assert any(n.startswith("用水量 单位:万吨: in 万吨") and "× 10000" in n for n in notes)
    assert notes[-1].startswith("No unit in the header of 1 column(s), so read in the catalogue's unit: 从业人员 人.")


def test_cells_with_magnitudes_in_a_column_of_another_money_unit():
    # A 千元 column: "12万" is 120 000 元 = 120 千元 = 12 万元; "5000元" is 0.5 万元; a bare 3 is 3 千元 = 0.3 万元.
    canon, _ = canonical_table(pd.DataFrame({"税收（千元）": ["12万", "5000元", "3"]}))
    assert canon["tax"].tolist() == pytest.approx([12.0, 0.5, 0.3], rel=1e-12)


def test_a_unit_of_another_kind_is_refused_naming_column_and_unit():
    # Issue 18: "A unit LandEval cannot convert ... (亩 given for an amount of money) is refused with a message
    # naming the column and the unit."
    with pytest.raises(LandEvalError, match=r"Column '税收总额（亩）'.*'亩'.*tax \(总税收\) is kept in 万元"):
        canonical_table(pd.DataFrame({"税收总额（亩）": [1.0]}))
    with pytest.raises(LandEvalError, match=r"'从业人员（万元）'.*FIELD_MAP|'从业人员（万元）'.*header"):
        canonical_table(pd.DataFrame({"从业人员（万元）": [1.0]}))


def test_bracketed_words_are_no_unit_and_canonical_columns_need_none():
    canon, messages = canonical_table(pd.DataFrame({"总产值（现价）": [5.0], "tax": [2.0]}))
    assert canon["output_value"].tolist() == [5.0] and canon["tax"].tolist() == [2.0]
    # The engine's own column `tax` is in 万元 by contract; only the header column is listed.
    assert messages == ["No unit in the header of 1 column(s), so read in the catalogue's unit: 总产值（现价） 万元. "
                        "If a column is in another unit, write it in the header (税收总额（元）) or in FIELD_MAP."]


def test_field_map_states_the_unit():
    # Issue 18: "a mapping may state the unit of a source column (`tax: {field: 实缴税金, unit: 元}`)".
    df = pd.DataFrame({"实缴税金": [250000.0], "产出": [3.0]})
    field_map = check_field_map({"tax": {"field": "实缴税金", "unit": "元"}, "output_value": "产出"}, "map.yaml")
    canon, messages = canonical_table(df, field_map)
    assert canon["tax"].tolist() == pytest.approx([25.0], rel=1e-12)
    assert canon["output_value"].tolist() == [3.0]
    assert messages[0] == "实缴税金: in 元 (as FIELD_MAP says), converted to 万元 (× 0.0001) for 总税收 (tax)."
    # The map's unit wins over the header's.
    canon, _ = canonical_table(pd.DataFrame({"税收（万元）": [7.0]}),
                               {"tax": {"field": "税收（万元）", "unit": "千元"}})
    assert canon["tax"].tolist() == pytest.approx([0.7], rel=1e-12)
    with pytest.raises(LandEvalError, match="unit '亩亩' is not a unit LandEval knows"):
        check_field_map({"tax": {"field": "实缴税金", "unit": "亩亩"}}, "map.yaml")
    with pytest.raises(LandEvalError, match=r"'实缴税金'.*'亩'.*FIELD_MAP"):
        canonical_table(df, {"tax": {"field": "实缴税金", "unit": "亩"}})


# ------------------------------------------------------------------------------------- plausible magnitudes
def _per_mu(tax_header, tax_values, area_mu=10.0):
    """tax_per_area of parcels of `area_mu` 亩 whose tax column has header `tax_header`."""
    df = pd.DataFrame({tax_header: tax_values, "area_m2": area_mu * 10000.0 / 15.0})
    canon, notes = canonical_table(df)
    table, _ = compute_indicators(canon, "mu")
    return table, notes


def test_yuan_read_as_wan_yuan_is_named():
    # Issue 18: "Tax per 亩 comes out with a median of 68,182 "万元/亩", ten thousand times too large". Tax of
    # 1–3 ×10⁶ 元 per 10 亩 read as 万元 gives 100 000–300 000 万元/亩: ×10⁴ above the range (… 2 000).
    table, notes = _per_mu("税收总额", [1.0e6, 2.0e6, 3.0e6])
    warnings = magnitude_warnings(table, "mu", notes)
    assert len(warnings) == 1
    assert warnings[0].startswith("地均税收 (tax_per_area): the median, 200,000 万元/亩, is 100 times above the "
                                  "plausible range (0.05–2000 万元/亩).")
    assert "税收总额 (tax) holding values in 元 but read as 万元 makes tax_per_area 10⁴ times too large" in warnings[0]


def test_wan_yuan_declared_in_yuan_is_named():
    # "the magnitude warning (a 万元 column declared in 元 by mistake)": 100–300 万元 per 10 亩 declared 元 give
    # 0.001–0.003 万元/亩, ×10⁴ below the range; the header's unit is the one named.
    table, notes = _per_mu("税收总额（元）", [100.0, 200.0, 300.0])
    warnings = magnitude_warnings(table, "mu", notes)
    assert len(warnings) == 1 and "is 25 times below" in warnings[0]
    assert "税收总额（元） (tax) holding values in 万元 but read as 元 makes tax_per_area 10⁴ times too small" \
        in warnings[0]
    assert "税收总额（万元）" in warnings[0]  # what to write instead


def test_percent_read_as_fraction_and_plausible_medians_pass():
    canon, notes = canonical_table(pd.DataFrame({"人员流动率": [30.0, 20.0, 10.0], "总税收": [50.0, 80.0, 10.0],
                                                 "area_m2": 20000.0}))
    table, _ = compute_indicators(canon, "ha")
    warnings = magnitude_warnings(table, "ha", notes)
    assert len(warnings) == 1 and warnings[0].startswith(
        "人员流动率 (staff_turnover): the median, 20, is 20 times above the plausible range (0–1).")
    assert "values in % but read as fraction" in warnings[0] and "10² times too large" in warnings[0]
    # Tax per ha: 25 万元/ha = 1.67 万元/亩, in range; the range scales with the area unit (×15 per ha).
    assert _plausible_range_in("tax_per_area", "ha") == pytest.approx((0.75, 30000.0))


def _plausible_range_in(fid, unit):
    from landeval.core.tables import _plausible_in

    return _plausible_in(load_catalogue().get(fid), unit)


def test_canonical_table_is_the_callers_own_never_a_view_of_its_input():
    """canonical_table takes its parsed columns without gathering them into one block (issue 17: that copy
    cost 1.3 GB for 10⁶ firms); a column it keeps as given (an id, an unrecognised column, floats parsed to
    themselves) is still copied, so changing the result never changes the caller's table."""
    df = pd.DataFrame({"宗地编号": ["P1", "P2"], "总产值": [1.5, 2.5], "备注": ["a", "b"],
                       "是否规上企业": ["是", "否"]})
    before = df.copy()
    table, _warnings = canonical_table(df)
    assert table["output_value"].tolist() == [1.5, 2.5] and table["parcel_id"].tolist() == ["P1", "P2"]
    table.loc[0, ["output_value"]] = -1.0
    table.loc[0, ["parcel_id", "备注"]] = "changed"
    pd.testing.assert_frame_equal(df, before)
