import itertools
import time

import numpy as np
import pandas as pd
import pytest

from landeval.core.classify import assign_tiers, classify_types, determine, jenks_breaks
from landeval.core.config import EvalConfig, load_config
from landeval.core.errors import LandEvalError


def _rules(**extra):
    data = {
        "threshold": 0.6, "review_band": 0.05,
        "types": [
            {"id": "green", "when": {"any": [{"field": "redline_share", "op": ">", "value": 0},
                                             {"field": "eia_passed", "is": "no"}]}},
            {"id": "efficiency", "when": {"field": "output_per_area", "op": "<", "benchmark": {"stat": "mean"}}},
            {"id": "safety", "when": {"field": "safety_evaluated", "is": "no"}},
        ],
        "categories": load_config("jiangning").to_dict()["categories"],
    }
    data.update(extra)
    return EvalConfig.from_dict(data)


def test_types_first_match_and_all_flags():
    df = pd.DataFrame({
        "redline_share": [0.3, 0.0, 0.0, np.nan],
        "eia_passed": ["是", "否", "是", "是"],
        "output_per_area": [1.0, 1.0, 9.0, 9.0],   # mean 5
        "safety_evaluated": ["否", "是", "否", "是"],
    })
    out = classify_types(df, _rules())
    assert out["ineff_type"].tolist() == ["green", "green", "safety", ""]
    assert out["ineff_flags"].tolist() == ["green;efficiency;safety", "green;efficiency", "safety", ""]


def test_determination_review_band_and_categories():
    df = pd.DataFrame({
        "score": [0.59, 0.60, 0.64, 0.65, 0.9, 0.9, 0.3, np.nan],
        "veto_failed": [0, 0, 0, 0, 1, 0, 0, 0],
        "reported": [None, None, None, None, None, "是", None, None],
        "in_progress": [None, None, None, None, None, None, "是", None],
        "redline_share": [0.2, 0, 0, 0, 0, 0, 0.5, 0],
    })
    out = determine(df, _rules())
    assert out["inefficient"].tolist() == [1, 0, 0, 0, 1, 1, 1, 0]
    assert out["review"].tolist() == [0, 1, 1, 0, 0, 0, 0, 0]
    # Red-line share 0.2 is below the preset's 0.5 "inside" share: a sliver, so the parcel does not exit.
    assert out["category"].tolist() == [
        "identified", "retained", "retained", "retained", "identified", "reported", "in_progress", "retained"]
    assert determine(df, _rules(), threshold=0.95)["inefficient"].tolist() == [1, 1, 1, 1, 1, 1, 1, 0]


def test_determination_needs_a_threshold():
    with pytest.raises(LandEvalError, match="THRESHOLD"):
        determine(pd.DataFrame({"score": [0.5]}), EvalConfig.from_dict({"name": "x"}))


def _tiers(**tiers):
    return EvalConfig.from_dict({"tiers": tiers})


def test_quantile_shares_exact_on_100_parcels():
    df = pd.DataFrame({"score": np.linspace(1, 0, 100)})
    tier = assign_tiers(df, _tiers(method="quantile", breaks=[20, 55, 20, 5]))["tier"]
    assert tier.value_counts().to_dict() == {"A": 20, "B": 55, "C": 20, "D": 5}
    assert tier.iloc[0] == "A" and tier.iloc[19] == "A" and tier.iloc[20] == "B" and tier.iloc[99] == "D"
    huaian = assign_tiers(df, _tiers(method="quantile", breaks=[20, 40, 35, 5]))["tier"]
    assert huaian.value_counts().to_dict() == {"A": 20, "B": 40, "C": 35, "D": 5}


def test_quantile_ties_take_the_better_tier():
    df = pd.DataFrame({"score": [0.9, 0.5, 0.5, 0.5, 0.1]})
    assert assign_tiers(df, _tiers(method="quantile", breaks=[40, 40, 20]))["tier"].tolist() == ["A", "A", "A", "A", "C"]


def test_threshold_tiers_veto_cap_never_d_and_unrated():
    df = pd.DataFrame({
        "score": [0.85, 0.85, 0.65, 0.45, 0.2, 0.2, 0.9, np.nan],
        "veto_failed": [0, 1, 0, 0, 0, 0, 0, 0],
        "new_project": ["否", "否", "否", "否", "否", "否", "是", "否"],
        "high_tech": [0, 0, 0, 0, 0, 1, 0, 0],
    })
    cfg = _tiers(method="threshold", breaks=[0.8, 0.6, 0.4], veto_cap="C",
                 unrated_when={"field": "new_project", "is": "yes"}, never_d_when={"field": "high_tech", "is": "yes"})
    assert assign_tiers(df, cfg)["tier"].tolist() == ["A", "C", "B", "C", "D", "C", "T", "T"]


def test_tier_break_errors():
    df = pd.DataFrame({"score": [0.5]})
    with pytest.raises(LandEvalError, match="sum to 90"):
        assign_tiers(df, _tiers(method="quantile", breaks=[20, 55, 10, 5]), breaks=[20, 55, 10, 5])
    with pytest.raises(LandEvalError, match="descending"):
        assign_tiers(df, _tiers(method="jenks"), method="threshold", breaks=[0.4, 0.8])
    with pytest.raises(LandEvalError, match="needs breaks"):
        assign_tiers(df, _tiers(method="jenks"), method="quantile")


def _brute_force_breaks(values, k):
    """Optimal k-class partition of sorted values by trying every split (small inputs only)."""
    x = np.sort(np.asarray(values, dtype=float))
    best, best_cuts = np.inf, None
    for cuts in itertools.combinations(range(1, len(x)), k - 1):
        parts = np.split(x, cuts)
        sse = sum(((p - p.mean()) ** 2).sum() for p in parts)
        if sse < best - 1e-12:
            best, best_cuts = sse, cuts
    return np.array([x[c - 1] for c in best_cuts])


@pytest.mark.parametrize("seed", range(6))
def test_jenks_matches_brute_force(seed):
    rng = np.random.default_rng(seed)
    values = rng.choice(np.round(rng.gamma(2.0, 1.0, 12), 2), 12)
    k = 2 + seed % 3
    if len(np.unique(values)) <= k:
        return
    np.testing.assert_allclose(jenks_breaks(values, k), _brute_force_breaks(values, k))


def test_jenks_on_clear_clusters_and_tiers():
    scores = np.r_[np.full(5, 0.1), np.full(5, 0.4), np.full(5, 0.6), np.full(5, 0.95)]
    np.testing.assert_allclose(jenks_breaks(scores, 4), [0.1, 0.4, 0.6])
    tier = assign_tiers(pd.DataFrame({"score": scores}), _tiers(method="jenks"))["tier"]
    assert tier.tolist() == ["D"] * 5 + ["C"] * 5 + ["B"] * 5 + ["A"] * 5
    assert jenks_breaks([0.3, 0.3, 0.7], 4).tolist() == [0.3]


def test_jenks_million_values_is_fast_and_finds_the_gaps():
    rng = np.random.default_rng(1)
    clusters = [rng.normal(c, 0.01, 250_000) for c in (0.1, 0.35, 0.6, 0.9)]
    values = np.concatenate(clusters)
    start = time.perf_counter()
    bounds = jenks_breaks(values, 4)
    elapsed = time.perf_counter() - start
    # each break is the largest value of the lower cluster
    assert bounds.tolist() == [c.max() for c in clusters[:3]]
    assert elapsed < 5.0
