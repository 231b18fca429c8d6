"""Scoring works on blocks of rows (core.scoring._by_rows) to bound its temporaries at 10⁶ parcels: the blocks
must give exactly the values of one pass over the whole matrix, for every missing-value policy and aggregation."""
import numpy as np
import pytest

from landeval.core import scoring


@pytest.fixture
def matrix():
    rng = np.random.default_rng(7)
    scores = rng.random((1003, 6))
    scores[rng.random(scores.shape) < 0.2] = np.nan  # missing values, some rows entirely
    scores[5] = np.nan
    scores[9, :] = 1.0  # a perfect parcel: no weakest indicator
    weights = np.array([0.3, 0.2, 0.1, 0.15, 0.05, 0.2])
    reference = rng.random(len(scores)) < 0.8
    return scores, weights, reference


@pytest.mark.parametrize("policy", ["reweight", "zero", "mean"])
@pytest.mark.parametrize("aggregation", ["arithmetic", "geometric"])
def test_blocks_of_rows_give_the_whole_matrix_values(matrix, monkeypatch, policy, aggregation):
    scores, weights, reference = matrix
    whole = scoring._aggregate(scores, weights, policy, aggregation, reference)
    weakest = scoring._weakest(scores, weights, list("abcdef"))
    monkeypatch.setattr(scoring, "_ROWS", 100)  # 11 blocks, the last one short
    np.testing.assert_array_equal(scoring._aggregate(scores, weights, policy, aggregation, reference), whole)
    assert scoring._weakest(scores, weights, list("abcdef")).tolist() == weakest.tolist()
    assert weakest[9] == ""
    assert np.isnan(whole[5]) == (policy == "reweight")  # an all-missing row: no score, or 0 or the means imputed
