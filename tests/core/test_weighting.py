"""Weighting against hand-worked and published values (SPEC §5)."""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landeval.core.errors import LandEvalError
from landeval.core.weighting import (
    RANDOM_INDEX, ahp, combine_weights, critic_weights, entropy_weights, marks_weights, rounded_shares,
)

SAATY_SCALE = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9]

# A widely used textbook example: weights ≈ (0.637, 0.105, 0.258), λmax ≈ 3.039, CR ≈ 0.033.
TEXTBOOK = [[1, 5, 3], [1 / 5, 1, 1 / 3], [1 / 3, 3, 1]]


def _power_lambda(a, iterations=500):
    """λmax by power iteration — an algorithm independent of the eigen-solver the engine uses."""
    w = np.ones(len(a)) / len(a)
    for _ in range(iterations):
        w = a @ w
        w = w / w.sum()
    return float((a @ w / w).mean()), w


def _reciprocal(upper, n):
    a = np.ones((n, n))
    k = 0
    for i in range(n):
        for j in range(i + 1, n):
            a[i, j] = upper[k]
            a[j, i] = 1 / upper[k]
            k += 1
    return a


def test_random_index_table_of_spec():
    assert [RANDOM_INDEX[n] for n in range(1, 16)] == [
        0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]


def test_textbook_3x3_by_hand():
    # Row geometric means by hand: 15^(1/3), (1/15)^(1/3), 1 — for n = 3 they equal the eigenvector.
    g = np.array([15 ** (1 / 3), (1 / 15) ** (1 / 3), 1.0])
    expected = g / g.sum()
    for method in ("eigenvector", "geometric"):
        result = ahp(TEXTBOOK, method=method)
        np.testing.assert_allclose(result.weights, expected, atol=1e-9)
        assert result.weights.round(3).tolist() == [0.637, 0.105, 0.258]
    result = ahp(TEXTBOOK)
    # λmax = mean((A w)_i / w_i) with the hand-computed w.
    a = np.array(TEXTBOOK)
    lam = float((a @ expected / expected).mean())
    assert result.lambda_max == pytest.approx(lam, abs=1e-9)
    assert round(result.lambda_max, 3) == 3.039
    assert result.ci == pytest.approx((lam - 3) / 2)
    assert round(result.cr, 3) == 0.033
    assert result.consistent


def test_column_mean_method_by_hand():
    a = np.array(TEXTBOOK)
    cols = a.sum(axis=0)  # 23/15, 9, 13/3
    expected = np.array([
        (1 / (23 / 15) + 5 / 9 + 3 / (13 / 3)) / 3,
        ((1 / 5) / (23 / 15) + 1 / 9 + (1 / 3) / (13 / 3)) / 3,
        ((1 / 3) / (23 / 15) + 3 / 9 + 1 / (13 / 3)) / 3,
    ])
    assert cols.tolist() == pytest.approx([23 / 15, 9, 13 / 3])
    np.testing.assert_allclose(ahp(a, method="column_mean").weights, expected, atol=1e-12)


@pytest.mark.parametrize("n", range(3, 10))
def test_consistent_matrices_give_their_weights_and_cr_zero(n):
    w = np.arange(1, n + 1, dtype=float)
    a = np.outer(w, 1 / w)
    a = np.clip(a, 1 / 9, 9)  # n ≤ 9 keeps every ratio on the scale
    result = ahp(a)
    np.testing.assert_allclose(result.weights, w / w.sum(), atol=1e-9)
    assert result.lambda_max == pytest.approx(n, abs=1e-9)
    assert abs(result.cr) < 1e-9


@pytest.mark.parametrize("n", range(3, 10))
def test_inconsistent_matrices_against_power_iteration(n):
    rng = np.random.default_rng(n)
    upper = rng.choice(SAATY_SCALE, size=n * (n - 1) // 2)
    a = _reciprocal(upper, n)
    lam, w = _power_lambda(a)
    result = ahp(a)
    assert result.lambda_max == pytest.approx(lam, abs=1e-6)
    np.testing.assert_allclose(result.weights, w, atol=1e-6)
    assert result.cr == pytest.approx((lam - n) / (n - 1) / RANDOM_INDEX[n], abs=1e-6)
    assert result.consistent == (result.cr <= 0.10)


def test_saaty_4x4_inconsistent_example_and_worst_pair():
    # Consistent weights (8, 4, 2, 1) with one judgement reversed: row C over column A given 4 instead of 1/4.
    w = np.array([8.0, 4.0, 2.0, 1.0])
    a = np.outer(w, 1 / w)
    a[2, 0], a[0, 2] = 4.0, 0.25
    result = ahp(a, labels=["A", "B", "C", "D"])
    lam, _ = _power_lambda(a)
    assert round(result.lambda_max, 3) == round(lam, 3)
    assert result.cr > 0.10 and not result.consistent
    assert {result.worst_pair.row, result.worst_pair.col} == {"A", "C"}


def test_two_criteria_have_cr_zero():
    result = ahp([[1, 7], [1 / 7, 1]])
    np.testing.assert_allclose(result.weights, [7 / 8, 1 / 8])
    assert result.cr == 0 and result.ci == 0 and result.consistent


def test_matrix_errors_name_the_cell():
    with pytest.raises(LandEvalError, match=r"row 'tax', column 'output': 3 but row 'output', column 'tax' is 3"):
        ahp([[1, 3], [3, 1]], labels=["tax", "output"])
    with pytest.raises(LandEvalError, match="outside Saaty's 1/9–9 scale"):
        ahp([[1, 12], [1 / 12, 1]])
    with pytest.raises(LandEvalError, match="diagonal"):
        ahp([[2, 1], [1, 1]])
    with pytest.raises(LandEvalError, match="square"):
        ahp([[1, 2, 3]])
    assert ahp([[1, 3], [0.333, 1]]).weights[0] == pytest.approx(0.75, abs=1e-3)


def test_entropy_worked_by_hand():
    # Column 1 (benefit) 1, 2, 3 → 0, 0.5, 1 → p = 0, 1/3, 2/3.
    # Column 2 (cost) 10, 10, 40 → flipped 1, 1, 0 → p = 1/2, 1/2, 0.
    h1 = -(1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3)) / math.log(3)
    h2 = -(2 * 0.5 * math.log(0.5)) / math.log(3)
    d1, d2 = 1 - h1, 1 - h2
    X = pd.DataFrame({"output_per_area": [1, 2, 3], "water_per_output": [10, 10, 40]})
    w = entropy_weights(X, cost=["water_per_output"])
    assert w["output_per_area"] == pytest.approx(d1 / (d1 + d2), abs=1e-12)
    assert w["water_per_output"] == pytest.approx(d2 / (d1 + d2), abs=1e-12)
    assert round(w["output_per_area"], 4) == 0.5326


def test_entropy_constant_column_and_errors():
    w = entropy_weights(np.array([[1.0, 5.0], [2.0, 5.0], [4.0, 5.0]]))
    np.testing.assert_allclose(w, [1.0, 0.0])
    with pytest.raises(LandEvalError, match="at least 2 parcels"):
        entropy_weights(np.array([[1.0, 2.0]]))
    with pytest.raises(LandEvalError, match="constant"):
        entropy_weights(np.ones((3, 2)))


def test_critic_by_hand():
    # Two columns, perfectly anti-correlated: r = −1, so Σ(1 − r) = 2 for both; σ decides.
    X = np.array([[0.0, 4.0], [1.0, 2.0], [2.0, 0.0]])
    # Normalised: [0, .5, 1] and [1, .5, 0] — equal σ, so equal weights.
    np.testing.assert_allclose(critic_weights(X), [0.5, 0.5])
    # A third constant column gets weight 0 and does not add conflict.
    X3 = np.column_stack([X, [7.0, 7.0, 7.0]])
    np.testing.assert_allclose(critic_weights(X3), [0.5, 0.5, 0.0])


def test_marks_of_county_table2_economic_criterion():
    w = marks_weights({"output_per_area": "+++++", "tax_per_area": "+++++", "above_scale_share": "+"})
    assert w == pytest.approx({"output_per_area": 5 / 11, "tax_per_area": 5 / 11, "above_scale_share": 1 / 11})
    with pytest.raises(LandEvalError):
        marks_weights([0, 0])


def test_a_level_of_marks_is_weighted_like_the_file_and_the_dock_show_it():
    # SPEC §5: "Importance marks ("+" counts): w = marks / Σ marks." One rule serves core.config (loading a
    # file) and the dock's tree (ui.weight_model), so both show the same weights for the same level.
    from landeval.core.weighting import level_uses_marks, level_weights, mark_count, sums_to_one

    assert mark_count("+++") == 3 and mark_count(2) == 2 and mark_count("abc") == "abc"
    items = [{"id": "a", "marks": "+++++"}, {"id": "b", "marks": "+++++"}, {"id": "c", "marks": "+"}]
    assert level_uses_marks(items)
    assert level_weights(items) == pytest.approx([5 / 11, 5 / 11, 1 / 11])
    # Marks win over weights an item also carries, as core.config resolves them.
    assert level_weights([{"marks": 1, "weight": 0.9}, {"marks": 3, "weight": 0.1}]) == pytest.approx([0.25, 0.75])
    weights = [{"id": "a", "weight": 0.7}, {"id": "b"}]
    assert not level_uses_marks(weights) and level_weights(weights) == [0.7, 0.0]
    assert sums_to_one([0.5, 0.5000005]) and not sums_to_one([0.5, 0.49]) and not sums_to_one([])


def test_combination_by_hand():
    s = {"a": 0.6, "b": 0.3, "c": 0.1}
    o = {"a": 0.2, "b": 0.3, "c": 0.5}
    assert combine_weights(s, o, alpha=0.5) == pytest.approx({"a": 0.4, "b": 0.3, "c": 0.3})
    total = 0.12 + 0.09 + 0.05
    assert combine_weights(s, o, method="multiplicative") == pytest.approx(
        {"a": 0.12 / total, "b": 0.09 / total, "c": 0.05 / total})
    with pytest.raises(LandEvalError, match="same indicators"):
        combine_weights(s, {"a": 1.0})


weights_lists = st.lists(st.floats(0.0, 100.0), min_size=2, max_size=12).filter(lambda v: sum(v) > 1e-6)


@settings(max_examples=60, deadline=None)
@given(weights_lists, st.floats(0.0, 1.0))
def test_weights_always_sum_to_one(values, alpha):
    assert marks_weights(values).sum() == pytest.approx(1.0)
    other = list(reversed(values))
    assert combine_weights(values, other, alpha=alpha).sum() == pytest.approx(1.0)
    if sum(a * b for a, b in zip(values, other)) > 1e-9:
        assert combine_weights(values, other, method="multiplicative").sum() == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(st.integers(3, 9).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.sampled_from(SAATY_SCALE), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))))
def test_ahp_weights_sum_to_one_and_lambda_at_least_n(case):
    n, upper = case
    for method in ("eigenvector", "geometric", "column_mean"):
        result = ahp(_reciprocal(upper, n), method=method)
        assert result.weights.sum() == pytest.approx(1.0)
        assert (result.weights > 0).all()
        assert result.lambda_max >= n - 1e-9


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.floats(-1e6, 1e6), min_size=3, max_size=3), min_size=2, max_size=20))
def test_objective_weights_sum_to_one(rows):
    X = np.array(rows)
    if np.ptp(X, axis=0).max() <= 0:
        return
    for func in (entropy_weights, critic_weights):
        try:
            w = func(X, cost=[1])
        except LandEvalError:
            continue  # e.g. perfectly correlated columns for CRITIC
        assert w.sum() == pytest.approx(1.0) and (w >= 0).all()


def test_rounded_shares_put_the_rounding_residue_on_the_largest_weight():
    # Thirds round to 0.333333 each (Σ 0.999999): the missing 1e-6 goes to the first of the tied largest.
    assert rounded_shares([1, 1, 1]) == [0.333334, 0.333333, 0.333333]
    # Sixths round up to 0.166667 (Σ 1.000002): the largest gives back 2e-6.
    assert rounded_shares([2, 2, 2, 2, 2, 2]) == [0.166665] + [0.166667] * 5
    # Not normalized yet (Σ 1.45): scaled to 0.0344828, 0.3448276, 0.2068966, 0.4137931; the first three
    # round up (Σ 1.000001), so the largest, d, gives back 1e-6.
    assert rounded_shares({"a": 0.05, "b": 0.5, "c": 0.3, "d": 0.6}) == {
        "a": 0.034483, "b": 0.344828, "c": 0.206897, "d": 0.413792}
    assert rounded_shares([0.2, 0.8], decimals=1) == [0.2, 0.8]
    series = rounded_shares(pd.Series([1.0, 3.0], index=["x", "y"]))
    assert series.to_dict() == {"x": 0.25, "y": 0.75}


@pytest.mark.parametrize("bad", [[0, 0], [1, -1], [1, float("nan")], []])
def test_rounded_shares_refuse_weights_that_cannot_be_shares(bad):
    with pytest.raises(LandEvalError, match="at least one above 0"):
        rounded_shares(bad)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(1e-3, 1e3), min_size=1, max_size=12))
def test_rounded_shares_sum_to_one_within_the_loader_tolerance(values):
    shares = rounded_shares(values)
    exact = np.array(values) / sum(values)
    assert abs(sum(shares) - 1.0) < 1e-9
    assert np.abs(np.array(shares) - exact).max() <= len(values) * 5e-7 + 1e-12
    assert all(round(s, 6) == pytest.approx(s, abs=1e-12) for s in shares)
