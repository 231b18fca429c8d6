"""AHP judgement matrices as people type them: not reciprocal, zeros, off the 1/9–9 scale, inconsistent.

A malformed matrix is refused with the cell at fault. An inconsistent one (CR > 0.10) is a warning naming the
judgement furthest from the weights; only STRICT turns it into a refusal (SPEC §5: "acceptable when CR ≤ 0.10").
"""
import json

import numpy as np
import pytest

from landeval.core import weighting
from landeval.core.errors import LandEvalError

from .conftest import refused, succeeded

CRITERIA = "plot_ratio;tax_per_area;output_per_area"
CONSISTENT = "1,2,4,1/2,1,2,1/4,1/2,1"  # perfectly consistent: weights 4/7, 2/7, 1/7
# 9 over 1/9 over 9 around a cycle: the judgements contradict each other (CR = 6.13).
CYCLIC = "1,9,1/9,1/9,1,9,9,1/9,1"


# ------------------------------------------------------------------------------------------------ engine
def test_non_reciprocal_names_both_cells_and_the_value_to_type():
    a = [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 2, 1]]
    with pytest.raises(LandEvalError) as info:
        weighting.ahp(a, labels=["plot_ratio", "tax_per_area", "output_per_area"])
    assert ("row 'tax_per_area', column 'output_per_area': 3 but row 'output_per_area', column 'tax_per_area' "
            "is 0.5; it must be the reciprocal 1/3 = 0.3333") in str(info.value)


def test_zero_cell_is_not_a_positive_number():
    with pytest.raises(LandEvalError, match=r"row '1', column '2': 0 is not a positive number"):
        weighting.ahp([[1, 0], [1, 1]])


@pytest.mark.parametrize("value, shown", [(12, "12"), (1 / 15, "0.0666667")])
def test_outside_saaty_scale(value, shown):
    with pytest.raises(LandEvalError, match=rf"row '1', column '2': {shown} is outside Saaty's 1/9–9 scale"):
        weighting.ahp([[1, value], [1 / value, 1]])


def test_diagonal_must_be_one():
    with pytest.raises(LandEvalError, match="the diagonal must be 1, not 2"):
        weighting.ahp([[2, 1], [1, 1]])


def test_inconsistent_matrix_is_flagged_with_the_worst_judgement():
    a = np.array([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    result = weighting.ahp(a, labels=["a", "b", "c"])
    assert result.cr > 0.1 and not result.consistent
    # A cyclic matrix has equal weights, so every judgement is off by 9×; the first is reported.
    np.testing.assert_allclose(result.weights, [1 / 3] * 3)
    assert (result.worst_pair.row, result.worst_pair.col, result.worst_pair.given) == ("a", "b", 9.0)
    assert result.worst_pair.consistent == pytest.approx(1.0)


# ---------------------------------------------------------------------------------------- landeval:ahpweights
def params(matrix, criteria=CRITERIA, **extra):
    return {"CRITERIA": criteria, "MATRIX": matrix, "METHOD": 0, **extra}


def test_alg_consistent_matrix_gives_hand_worked_weights(provider):
    result = succeeded("ahpweights", params(CONSISTENT))
    weights = json.loads(result.results["WEIGHTS"])
    assert weights == pytest.approx({"plot_ratio": 4 / 7, "tax_per_area": 2 / 7, "output_per_area": 1 / 7})
    assert result.results["CR"] == pytest.approx(0.0, abs=1e-9)
    assert result.feedback.warnings == []


def test_alg_non_reciprocal_is_refused_naming_the_cells(provider):
    refused("ahpweights", params("1,2,4,1/2,1,3,1/4,1/2,1"),
            "row 'tax_per_area', column 'output_per_area': 3", "must be the reciprocal 1/3")


def test_alg_zero_is_refused(provider):
    refused("ahpweights", params("1,0,4,1/2,1,2,1/4,1/2,1"),
            "row 'plot_ratio', column 'tax_per_area': 0 is not a positive number")


def test_alg_outside_scale_is_refused(provider):
    refused("ahpweights", params("1,20,4,1/20,1,2,1/4,1/2,1"), "20 is outside Saaty's 1/9–9 scale")


def test_alg_text_cell_is_refused_naming_its_position(provider):
    refused("ahpweights", params("1,2,4,1/2,1,二,1/4,1/2,1"), "MATRIX value 6 is '二'", "1/5")


def test_alg_wrong_count_says_how_many_to_give(provider):
    refused("ahpweights", params("1,2,4,1/2"), "MATRIX has 4 values for 3 criteria", "give all 9 cells",
            "or the 3 cells above the diagonal")


def test_alg_inconsistent_matrix_warns_and_still_returns_weights(provider):
    result = succeeded("ahpweights", params(CYCLIC), "> 0.10", "not consistent enough",
                       "plot_ratio vs tax_per_area", "Revise it")
    assert result.results["CONSISTENT"] is False
    assert result.results["CR"] > 0.1
    assert sum(json.loads(result.results["WEIGHTS"]).values()) == pytest.approx(1.0)


def test_alg_strict_refuses_an_inconsistent_matrix_and_writes_no_weight_set(provider, tmp_path):
    out = tmp_path / "ahp.yaml"
    refused("ahpweights", params(CYCLIC, STRICT=True, OUTPUT_WEIGHT_SET=str(out)),
            "CR = ", "> 0.10", "plot_ratio vs tax_per_area", "STRICT")
    assert not out.exists()


def test_alg_strict_accepts_a_consistent_matrix(provider):
    result = succeeded("ahpweights", params(CONSISTENT, STRICT=True))
    assert result.results["CONSISTENT"] is True
