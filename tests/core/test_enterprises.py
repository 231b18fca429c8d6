"""core.keys and core.enterprises: ids compared however each file typed them, the enterprise → parcel join by
position, its counts both ways, and how the aggregated firms meet the parcel table."""
import numpy as np
import pandas as pd
import pytest

from landeval.core.enterprises import attach_firms, join_enterprises, match_by_id, positions_by_id
from landeval.core.errors import LandEvalError
from landeval.core.keys import describe_positions, key_strings
from landeval.core.pipeline import evaluate
from landeval.core.tables import Note


def test_key_strings_match_across_types():
    assert list(key_strings(pd.Series([101, 102]))) == ["101", "102"]
    assert list(key_strings(pd.Series([101.0, np.nan, 2.5]))) == ["101", None, "2.5"]
    assert list(key_strings(pd.Series([" 0101", "101.0", None, ""], dtype=object))) == ["0101", "101", None, None]
    # Only a whole number written with zero decimals loses them; other dotted ids stay as written.
    assert list(key_strings(pd.Series(["-7.00 ", "1.5", "A.0", "3.0x", "P01"], dtype=object))) == [
        "-7", "1.5", "A.0", "3.0x", "P01"]


def test_key_strings_of_ints_reals_and_padded_text_are_equal():
    as_int = key_strings(pd.Series([101, -7]))
    as_real = key_strings(pd.Series([101.0, -7.0]))
    as_text = key_strings(pd.Series([" 101", "-7.00 "], dtype=object))
    assert list(as_int) == list(as_real) == list(as_text) == ["101", "-7"]


def test_describe_positions():
    assert describe_positions([], ["a"]) == "0"
    assert describe_positions([2, 0], ["P0", "P1", "P2"]) == "2 (P2, P0)"
    assert describe_positions(np.arange(12), [f"P{i}" for i in range(12)]) == \
        "12 (P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, …)"


def test_positions_by_id_across_types_and_unmatched():
    parcels = key_strings(pd.Series([101, 102, 103]))
    firms = key_strings(pd.Series(["101.0", " 103", "101", "999", None], dtype=object))
    assert positions_by_id(parcels, firms).tolist() == [0, 2, 0, -1, -1]


def test_a_duplicated_parcel_id_is_an_error_only_when_a_firm_refers_to_it():
    parcels = ["A", "B", "A", "C", "C", None, None, "E"]
    # Two repeated ids and two parcels without one: the other ids still find their parcel.
    assert positions_by_id(parcels, ["B", "D", None, "E"]).tolist() == [1, -1, -1, 7]
    with pytest.raises(LandEvalError, match=r"Parcel id\(s\) A, C occur more than once"):
        positions_by_id(parcels, ["C", "A", "B"])
    assert positions_by_id([None, None], ["A"]).tolist() == [-1]


def test_join_aggregates_by_position_and_counts_both_ways():
    canon = pd.DataFrame({"parcel_id": ["P1", "P1", "P3", "X"], "enterprise_id": ["e1", "e2", "e3", "e4"],
                          "tax": [10.0, 5.0, 7.0, 100.0], "employees": [3.0, np.nan, 4.0, 1.0]})
    keys = np.array(["P1", "P2", "P3"], dtype=object)
    joined = join_enterprises(canon, [0, 0, 2, -1], keys, "id (宗地编号)", np.arange(4))
    firms = joined.firms
    assert len(firms) == 3 and firms["n_enterprises"].tolist() == [2, 0, 1]
    np.testing.assert_allclose(firms["tax"], [15, np.nan, 7])
    np.testing.assert_allclose(firms["employees"], [3, np.nan, 4])
    assert "parcel_id" not in firms and "enterprise_id" not in firms
    assert joined.counts == {"enterprises": 4, "unmatched_enterprises": 1, "parcels_without_enterprise": 1}
    assert joined.warnings[0].startswith("1 (e4) enterprise(s) match no parcel (joined by id (宗地编号))")
    assert joined.warnings[1].startswith("1 (P2) parcel(s) have no enterprise")


def test_join_names_firms_by_row_label_without_enterprise_ids_and_handles_none_matched():
    canon = pd.DataFrame({"parcel_id": ["X", "Y"], "tax": [1.0, 2.0]})
    joined = join_enterprises(canon, [-1, -1], np.array(["P1", "P2"], dtype=object), "location", np.array([17, 18]))
    assert joined.firms.columns.tolist() == ["n_enterprises"] and joined.firms["n_enterprises"].tolist() == [0, 0]
    assert joined.counts == {"enterprises": 2, "unmatched_enterprises": 2, "parcels_without_enterprise": 2}
    assert joined.warnings[0].startswith("2 (17, 18) enterprise(s) match no parcel (joined by location)")


def test_attach_firms_fills_only_the_parcel_tables_gaps():
    frame = pd.DataFrame({"parcel_id": ["P1", "P2", "P3"], "tax": [np.nan, 50.0, np.nan]}, index=[10, 11, 12])
    firms = pd.DataFrame({"n_enterprises": [2, 1, 0], "tax": [15.0, 999.0, np.nan]})
    out, both = attach_firms(frame, firms)
    assert both == ["tax"]
    assert out.columns.tolist() == ["parcel_id", "tax", "n_enterprises"] and out.index.tolist() == [10, 11, 12]
    np.testing.assert_allclose(out["tax"], [15, 50, np.nan])
    assert out["n_enterprises"].tolist() == [2, 1, 0]
    assert frame["tax"].isna().sum() == 2  # the caller's frame is left as it was


# ----------------------------------------------------------------------------------------- zero-padded ids
# Issue 18: "A parcel layer whose 宗地编号 is an integer field and an enterprise table whose ids are text with
# leading zeros (`0001`, as systems and Excel round-trips produce) match nothing ... When the parcel id field is
# numeric, compare numerically (and say so); when both are text, do not strip zeros silently, but when many ids
# would match only without leading zeros, say exactly that, with examples, in the warning."
def test_an_integer_parcel_id_field_matches_zero_padded_text_ids_and_says_so():
    positions, messages = match_by_id(pd.Series([1, 2, 3, 10]), pd.Series(["0001", "0002", "010", "3", "0009"]),
                                      "宗地编号")
    assert positions.tolist() == [0, 1, 3, 2, -1]  # 0009 is parcel 9, which does not exist
    assert len(messages) == 1 and isinstance(messages[0], Note)
    assert messages[0] == ("The parcel 宗地编号 is a number field, so ids are compared as numbers: 4 id(s) written "
                           "with leading zeros are read as numbers (0001 = 1, 0002 = 2, 010 = 10).")


def test_a_number_field_in_the_enterprise_table_matches_padded_parcel_text():
    # Excel turned the enterprise table's 0001 into the number 1; the parcel layer keeps the text.
    positions, messages = match_by_id(pd.Series(["0001", "0002", "P3"], dtype=object), pd.Series([2.0, 1.0]))
    assert positions.tolist() == [1, 0]
    assert "enterprise table's parcel id is a number field" in messages[0]


def test_text_ids_keep_their_zeros_but_the_warning_names_the_near_misses():
    parcels = pd.Series(["1", "2", "3", "4"], dtype=object)
    firms = pd.Series(["0001", "0002", "003", "4", "0099"], dtype=object)
    positions, messages = match_by_id(parcels, firms, "宗地编号")
    assert positions.tolist() == [-1, -1, -1, 3, -1]  # not stripped silently
    assert messages == [
        "3 of the 4 unmatched enterprise id(s) would match a parcel if leading zeros were ignored (0001 ~ 1, "
        "0002 ~ 2, 003 ~ 3). Both 宗地编号 columns are text, so LandEval does not strip zeros: write the ids the "
        "same way in both tables (or store the parcel id as a number field, which compares them as numbers)."]
    assert not isinstance(messages[0], Note)  # a warning, not a note


def test_text_ids_warn_only_when_many_would_match():
    # One near miss among several unmatched ids is no pattern; three are.
    parcels = pd.Series(["1", "2", "3"], dtype=object)
    _, few = match_by_id(parcels, pd.Series(["01", "X7", "X8", "X9"], dtype=object))
    assert few == []
    _, none = match_by_id(parcels, pd.Series(["1", "2"], dtype=object))
    assert none == []


def test_pipeline_joins_padded_enterprise_ids_to_an_integer_parcel_id():
    parcels = pd.DataFrame({"parcel_id": np.array([1, 2], dtype=np.int64), "area_m2": [10000.0 / 15.0] * 2})
    firms = pd.DataFrame({"宗地编号": ["0001", "0002", "0002"], "总税收": [3.0, 1.0, 2.0]})
    result = evaluate(parcels, "jiangning", enterprises=firms)
    assert result.table["tax"].tolist() == [3.0, 3.0]
    assert result.table["tax_per_area"].tolist() == pytest.approx([3.0, 3.0])
    assert result.quality["unmatched_enterprises"] == 0
    assert any(isinstance(w, Note) and "compared as numbers" in w for w in result.warnings)


def test_text_ids_padded_on_the_parcel_side_are_diagnosed_too():
    parcels = pd.Series(["0001", "0002", "0003", "P4"], dtype=object)
    positions, messages = match_by_id(parcels, pd.Series(["1", "2", "3"], dtype=object), "宗地编号")
    assert positions.tolist() == [-1, -1, -1]
    assert len(messages) == 1 and "(1 ~ 0001, 2 ~ 0002, 3 ~ 0003)" in messages[0]


def test_unmatched_firms_between_matched_ones_change_no_parcel_value():
    """catalogue aggregate rules: extensive quantities summed ("all missing → missing"), the dominant firm's
    category (largest output_value). The unmatched firm (largest output of all) is "left out of every
    indicator", wherever it stands among the rows. Worked by hand: P1 = 10 + 5 = 15 万元, its dominant firm
    is the one with 10; P2's only output is missing, so its sum is missing; P3 has no firm."""
    canon = pd.DataFrame({
        "enterprise_id": ["E1", "E2", "E3", "E4"],
        "output_value": [10.0, 100.0, 5.0, np.nan],
        "enterprise_type": ["民营", "外资", "国有", "集体"],
    })
    joined = join_enterprises(canon, np.array([0, -1, 0, 1]), np.array(["P1", "P2", "P3"], dtype=object),
                              "id (宗地编号)", None)
    firms = joined.firms
    assert firms["n_enterprises"].tolist() == [2, 1, 0]
    assert firms["output_value"].iloc[0] == 15.0 and firms["output_value"].iloc[1:].isna().all()
    assert firms["enterprise_type"].iloc[0] == "民营" and firms["enterprise_type"].iloc[1] == "集体"
    assert joined.counts["unmatched_enterprises"] == 1 and joined.counts["parcels_without_enterprise"] == 1
    assert "parcel_id" not in firms and "enterprise_id" not in firms
    assert canon["enterprise_id"].tolist() == ["E1", "E2", "E3", "E4"]  # the caller's table is left as it was
