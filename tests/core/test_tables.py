import numpy as np
import pandas as pd
import pytest

from landeval.core.errors import LandEvalError
from landeval.core.tables import parse_yes_no, to_numeric, to_text


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
