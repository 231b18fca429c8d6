"""Properties the engine must keep for any input, checked with hypothesis: weights sum to 1 and follow the
judgements, normalized scores stay in [0, 1] and keep the order of the values, composite scores stay in [0, 1]
and respect dominance, tiers never rank a better score lower."""
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from landeval.core import classify, normalize, scoring, weighting
from landeval.core.config import EvalConfig
from landeval.core.errors import LandEvalError

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Values a real column holds, from tiny to huge, with NaN for missing; ±1e15 bounds the span so that
# max − min stays finite (see test_normalize_extreme_values for the rest of the float range).
finite = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)
cell = st.one_of(finite, st.just(np.nan), st.floats(min_value=-1e-12, max_value=1e-12))
column = st.lists(cell, min_size=1, max_size=40).map(lambda v: np.array(v, dtype=float))


# ------------------------------------------------------------------------------------------------ weights
@st.composite
def priority_vectors(draw, min_n=1, max_n=9):
    n = draw(st.integers(min_n, max_n))
    # Ratios between any two criteria stay within Saaty's scale: every weight within [1, 9].
    w = np.array(draw(st.lists(st.floats(1.0, 9.0), min_size=n, max_size=n)))
    return w / w.sum()


@FAST
@given(priority_vectors(), st.sampled_from(weighting.AHP_METHODS))
def test_ahp_recovers_the_weights_of_a_consistent_matrix(w, method):
    a = np.outer(w, 1.0 / w)
    result = weighting.ahp(a, method=method)
    np.testing.assert_allclose(result.weights, w, rtol=1e-6, atol=1e-9)
    assert result.cr == pytest.approx(0.0, abs=1e-9) and result.consistent


saaty = st.sampled_from([1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9, 2, 1 / 2, 4, 1 / 4, 6, 1 / 6, 8, 1 / 8])


@st.composite
def reciprocal_matrices(draw, min_n=1, max_n=9):
    n = draw(st.integers(min_n, max_n))
    a = np.ones((n, n))
    for i, j in itertools.combinations(range(n), 2):
        a[i, j] = draw(saaty)
        a[j, i] = 1.0 / a[i, j]
    return a


@FAST
@given(reciprocal_matrices(), st.sampled_from(weighting.AHP_METHODS), st.randoms())
def test_ahp_weights_are_a_distribution_and_follow_a_relabelling(a, method, rnd):
    result = weighting.ahp(a, method=method)
    w = result.weights
    assert np.all(w > 0) and w.sum() == pytest.approx(1.0)
    assert result.cr >= -1e-9 and result.consistent == (result.cr <= weighting.CR_LIMIT)
    perm = list(range(len(w)))
    rnd.shuffle(perm)
    np.testing.assert_allclose(weighting.ahp(a[np.ix_(perm, perm)], method=method).weights, w[perm], rtol=1e-7)


@FAST
@given(reciprocal_matrices(min_n=2), st.integers(0, 80), st.sampled_from([0.0, -1.0, 10.0, 0.05, np.nan, np.inf]))
def test_ahp_refuses_any_bad_cell_and_names_it(a, k, bad):
    n = a.shape[0]
    i, j = divmod(k % (n * n), n)
    assume(i != j)
    a = a.copy()
    a[i, j] = bad
    with pytest.raises(LandEvalError, match=f"row '{i + 1}', column '{j + 1}'"):
        weighting.ahp(a)


table = st.integers(2, 30).flatmap(
    # Quarter steps: a change of units (× 10⁴, + 3) must not lose the spread to rounding, which it would for
    # values such as 1e-294 next to 0 (then the column is constant after the change, and rightly weighs 0).
    lambda m: st.lists(st.lists(st.one_of(st.integers(-4_000_000, 4_000_000).map(lambda k: k / 4), st.just(np.nan)),
                                min_size=m, max_size=m),
                       min_size=1, max_size=6)
).map(lambda cols: pd.DataFrame({f"c{j}": c for j, c in enumerate(cols)}))


@FAST
@given(table, st.sampled_from([weighting.entropy_weights, weighting.critic_weights]), st.data())
def test_objective_weights_are_a_distribution_or_a_named_refusal(df, method, data):
    cost = data.draw(st.lists(st.sampled_from(list(df.columns)), unique=True))
    try:
        w = method(df, cost=cost)
    except LandEvalError as err:
        assert "weights" in str(err).lower()
        return
    assert list(w.index) == list(df.columns)
    assert np.all(w >= 0) and w.sum() == pytest.approx(1.0)
    # A positive affine change of units (万元 → 元, a shifted origin) carries the same information.
    scaled = df * 10000.0 + 3.0
    np.testing.assert_allclose(method(scaled, cost=cost), w, rtol=1e-6, atol=1e-9)
    # A cost column is the same as its negation taken as a benefit column.
    flipped = df.copy()
    for c in cost:
        flipped[c] = -flipped[c]
    np.testing.assert_allclose(method(flipped, cost=()), w, rtol=1e-6, atol=1e-9)


@FAST
@given(st.lists(st.floats(0, 1), min_size=1, max_size=8).filter(lambda v: sum(v) > 0.01), st.floats(0, 1),
       st.sampled_from(["linear", "multiplicative"]), st.data())
def test_combined_weights_are_a_distribution(s, alpha, method, data):
    o = data.draw(st.lists(st.floats(0, 1), min_size=len(s), max_size=len(s)).filter(lambda v: sum(v) > 0.01))
    try:
        w = weighting.combine_weights(s, o, alpha=alpha, method=method)
    except LandEvalError as err:
        assert method == "multiplicative" and "no indicator" in str(err)
        return
    assert np.all(w >= 0) and w.sum() == pytest.approx(1.0)
    if method == "linear":
        s_n, o_n = np.array(s) / sum(s), np.array(o) / sum(o)
        assert np.all(w >= np.minimum(s_n, o_n) - 1e-12) and np.all(w <= np.maximum(s_n, o_n) + 1e-12)


# ------------------------------------------------------------------------------------------ normalization
@FAST
@given(column, st.sampled_from(["minmax", "percentile", "zscore", "benchmark"]),
       st.sampled_from(["benefit", "cost"]), st.sampled_from([{"stat": "mean"}, {"stat": "median"}, 30.0]))
def test_normalize_stays_in_unit_interval_and_keeps_missing(x, method, direction, benchmark):
    out = normalize.normalize(x, method, direction, benchmark=benchmark)
    assert out.shape == x.shape
    assert np.all(np.isnan(out[np.isnan(x)]))
    ok = ~np.isnan(out)
    assert np.all((out[ok] >= 0) & (out[ok] <= 1))
    if method != "benchmark":
        # Only a benchmark that is undefined (≤ 0) may make a present value missing.
        assert np.array_equal(np.isnan(out), np.isnan(x))


@FAST
@given(column, st.sampled_from(["minmax", "percentile", "zscore", "benchmark"]), st.sampled_from(["benefit", "cost"]))
def test_normalize_keeps_the_order_of_the_values(x, method, direction):
    out = normalize.normalize(x, method, direction, benchmark=25.0)
    ok = ~np.isnan(out)
    xs, ys = x[ok], out[ok]
    order = np.argsort(xs, kind="stable")
    steps = np.diff(ys[order])
    if direction == "benefit":
        assert np.all(steps >= -1e-12)
    else:
        assert np.all(steps <= 1e-12)


@FAST
@given(st.lists(st.sampled_from([1e308, -1e308, 1.7e308, 5e-324, -5e-324, 0.0, 1.0, np.nan, np.inf, -np.inf]),
                min_size=1, max_size=12).map(np.array),
       st.sampled_from(["minmax", "percentile", "zscore"]), st.sampled_from(["benefit", "cost"]))
def test_normalize_extreme_values(x, method, direction):
    out = normalize.normalize(x, method, direction)
    present = np.isfinite(x)
    assert np.array_equal(~np.isnan(out), present), "a present value lost its score (overflow)"
    assert np.all((out[present] >= 0) & (out[present] <= 1))


# ------------------------------------------------------------------------------------------------ scoring
BENEFIT = ["plot_ratio", "tax_per_area", "output_per_area", "employees_per_area"]
COST = ["idle_rate", "electricity_per_output", "debt_ratio"]


@st.composite
def weight_sets(draw):
    ids = draw(st.lists(st.sampled_from(BENEFIT + COST), min_size=1, max_size=6, unique=True))
    cut = draw(st.integers(1, len(ids)))
    groups = [ids[:cut], ids[cut:]] if cut < len(ids) else [ids]

    def shares(k):
        raw = draw(st.lists(st.integers(1, 9), min_size=k, max_size=k))
        w = [r / sum(raw) for r in raw]
        w[-1] = 1.0 - sum(w[:-1])
        return w

    elements = []
    for e, (group, ew) in enumerate(zip(groups, shares(len(groups)))):
        elements.append({"id": f"e{e}", "weight": ew, "indicators": [
            {"id": i, "weight": w, "direction": "cost" if i in COST else "benefit"}
            for i, w in zip(group, shares(len(group)))]})
    data = {"name": "h", "elements": elements,
            "normalization": draw(st.sampled_from(["minmax", "percentile", "zscore"])),
            "missing": draw(st.sampled_from(["reweight", "mean", "zero"])),
            "aggregation": draw(st.sampled_from(["arithmetic", "geometric"]))}
    return EvalConfig.from_dict(data)


@FAST
@given(weight_sets(), st.integers(1, 25), st.data())
def test_scores_are_in_unit_interval_and_ranks_follow_scores(cfg, n, data):
    ids = [i.id for _, i in cfg.indicators()]
    df = pd.DataFrame({i: data.draw(st.lists(cell, min_size=n, max_size=n)) for i in ids})
    if df.isna().all().all():
        with pytest.raises(LandEvalError, match="has a value for any parcel"):
            scoring.score_parcels(df, cfg)
        return
    out = scoring.score_parcels(df, cfg)
    s = out["score"].to_numpy(dtype=float)
    ok = ~np.isnan(s)
    assert np.all((s[ok] >= 0) & (s[ok] <= 1))
    # Without any value a parcel has no score (under every policy but "zero", which scores it 0).
    empty = df.isna().all(axis=1).to_numpy()
    if cfg.missing == "zero":
        assert np.all(ok)
    else:
        assert np.all(ok[~empty]) or cfg.missing == "mean"
    for e in cfg.elements:
        sub = out[f"s_{e.id}"].to_numpy(dtype=float)
        assert np.all((sub[~np.isnan(sub)] >= 0) & (sub[~np.isnan(sub)] <= 1))
    rank = out["score_rank"].to_numpy(dtype=float, na_value=np.nan)
    assert np.array_equal(np.isnan(rank), ~ok)
    for i, j in itertools.combinations(np.flatnonzero(ok), 2):
        if s[i] > s[j]:
            assert rank[i] < rank[j]


@FAST
@given(weight_sets(), st.integers(2, 20), st.data())
def test_a_parcel_better_on_every_indicator_scores_at_least_as_high(cfg, n, data):
    ids = [i.id for _, i in cfg.indicators()]
    df = pd.DataFrame({i: data.draw(st.lists(st.floats(0, 1e6), min_size=n, max_size=n)) for i in ids})
    best = {i: (df[i].min() if i in COST else df[i].max()) for i in ids}
    df.loc[len(df)] = best  # the last parcel dominates every other one
    s = scoring.score_parcels(df, cfg)["score"].to_numpy(dtype=float)
    assert np.all(s[-1] >= s[:-1] - 1e-12)


# -------------------------------------------------------------------------------------------------- tiers
RULES = {"name": "t", "tiers": {"method": "quantile", "breaks": [20, 55, 20, 5]}}


@FAST
@given(st.lists(st.one_of(st.floats(0, 1), st.just(np.nan)), min_size=1, max_size=60),
       st.sampled_from([("quantile", [20, 55, 20, 5]), ("quantile", [20, 40, 35, 5]), ("threshold", [0.8, 0.6, 0.4]),
                        ("jenks", 4), ("threshold", [0.5])]))
def test_tiers_never_grade_a_better_score_lower(scores, spec):
    method, breaks = spec
    cfg = EvalConfig.from_dict(RULES)
    df = pd.DataFrame({"score": scores})
    tier = classify.assign_tiers(df, cfg, method=method, breaks=breaks)["tier"].to_numpy()
    s = np.array(scores, dtype=float)
    assert np.array_equal(tier == "T", np.isnan(s))
    rated = np.flatnonzero(~np.isnan(s))
    for i, j in itertools.combinations(rated, 2):
        if s[i] > s[j]:
            assert tier[i] <= tier[j], (s[i], tier[i], s[j], tier[j])
        elif s[i] == s[j]:
            assert tier[i] == tier[j]
    if method == "threshold":
        expected = np.array(["ABCD"[int((v < np.array(breaks)).sum())] for v in s[rated]])
        assert np.array_equal(tier[rated], expected)


@FAST
@given(st.lists(st.floats(0, 1), min_size=20, max_size=200, unique=True))
def test_quantile_tiers_take_their_shares(scores):
    cfg = EvalConfig.from_dict(RULES)
    tier = classify.assign_tiers(pd.DataFrame({"score": scores}), cfg)["tier"]
    n = len(scores)
    counts = tier.value_counts()
    for label, share in zip("ABCD", [20, 55, 20, 5]):
        assert abs(counts.get(label, 0) - share * n / 100) <= 1.0, (label, counts.to_dict(), n)
