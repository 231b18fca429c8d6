"""Robustness of the identification (issue 14), worked by hand.

Issue 14, "Done when": "a parcel far above the threshold has p = 0, far below p = 1, a vetoed parcel p = 1; a
parcel whose score sits on the threshold with unequal indicator values comes out contested; the Dirichlet
draws' mean equals the weights; SEED reproduces results exactly; method 2 keeps every drawn matrix
reciprocal."
"""
import numpy as np
import pandas as pd
import pytest

from landeval.core import robustness, weighting
from landeval.core.config import EvalConfig
from landeval.core.errors import LandEvalError
from landeval.core.scoring import score_parcels


def _cfg(**top):
    data = {
        "name": "t",
        "threshold": 0.6,
        "elements": [
            {"id": "land", "weight": 0.5, "indicators": [{"id": "plot_ratio", "weight": 1.0, "direction": "benefit"}]},
            {"id": "econ", "weight": 0.5, "indicators": [{"id": "tax_per_area", "weight": 1.0, "direction": "benefit"}]},
        ],
        "tiers": {"method": "threshold", "breaks": [0.8, 0.6, 0.4], "veto_cap": "C"},
    }
    data.update(top)
    return EvalConfig.from_dict(data)


# Min-max by hand over plot_ratio 0…10 and tax_per_area 0…10 (parcels E and F fix the range at 0 and 10):
#   A: 9.5, 9.5 -> 0.95, 0.95, score 0.95 (far above 0.6)      B: 1, 1 -> 0.1, 0.1, score 0.1 (far below)
#   C: 9.5, 9.5 but veto_failed = 1                             D: 2, 10 -> 0.2, 1.0, score 0.6 (on the threshold,
#   unequal: any shift of weight towards land pushes it below)  E/F: 0,0 / 10,10 (range ends)
TABLE = pd.DataFrame({
    "plot_ratio": [9.5, 1.0, 9.5, 2.0, 0.0, 10.0],
    "tax_per_area": [9.5, 1.0, 9.5, 10.0, 0.0, 10.0],
    "veto_failed": [0, 0, 1, 0, 0, 0],
    "category": ["retained", "identified", "identified", "retained", "identified", "retained"],
}, index=list("ABCDEF"))


def _run(**kw):
    kw.setdefault("draws", 400)
    return robustness.robustness(TABLE, _cfg(), **kw)


def test_far_above_far_below_vetoed_and_on_the_threshold():
    result = _run()
    p = result.table["p_inefficient"]
    assert p["A"] == 0.0 and p["B"] == 1.0 and p["C"] == 1.0
    assert result.table.loc["C", "robust_reason"] == "veto"
    assert result.table.loc["A", "robust_class"] == "robust_retained"
    assert result.table.loc["B", "robust_class"] == "robust_inefficient"
    # D: 0.5·0.2 + 0.5·1.0 = 0.6 exactly; below whenever land's weight rises above 0.5: about half the draws.
    assert 0.3 < p["D"] < 0.7
    assert result.table.loc["D", "robust_class"] == "contested"
    assert result.counts == {"robust_inefficient": 3, "contested": 1, "robust_retained": 2}


def test_base_score_is_the_engines_score():
    result = _run(draws=5)
    np.testing.assert_allclose(result.base_score, score_parcels(TABLE, _cfg())["score"].to_numpy())


def test_seed_reproduces_exactly_and_another_seed_differs():
    a, b = _run(seed=7), _run(seed=7)
    pd.testing.assert_frame_equal(a.table, b.table)
    assert not _run(seed=1).table["p_inefficient"].equals(a.table["p_inefficient"])


def test_dirichlet_draws_mean_equals_the_weights():
    rng = np.random.default_rng(3)
    w = np.array([0.5, 0.3, 0.2])
    draws = robustness.dirichlet_level(w, 0.2, 200_000, rng)
    np.testing.assert_allclose(draws.sum(axis=1), 1.0)
    np.testing.assert_allclose(draws.mean(axis=0), w, atol=1e-3)
    # SPREAD = relative sd of a weight of average size: c = (m − 1)/0.2² − 1 = 49, sd(w)² = w(1 − w)/(c + 1).
    np.testing.assert_allclose(draws.std(axis=0), np.sqrt(w * (1 - w) / 50), rtol=0.02)


def test_combined_dirichlet_weights_average_to_the_combined_weights():
    cfg = _cfg(elements=[
        {"id": "land", "weight": 0.6, "indicators": [{"id": "plot_ratio", "weight": 0.7}, {"id": "idle_rate", "weight": 0.3}]},
        {"id": "econ", "weight": 0.4, "indicators": [{"id": "tax_per_area", "weight": 1.0}]}])
    w, _ = robustness.draw_weights(cfg, "dirichlet", 0.2, 100_000, np.random.default_rng(1))
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    # Independent levels: E[element · indicator] = 0.6·0.7, 0.6·0.3, 0.4·1.
    np.testing.assert_allclose(w.mean(axis=0), [0.42, 0.18, 0.4], atol=2e-3)


def test_uniform_draws_stay_within_the_spread_before_renormalising():
    rng = np.random.default_rng(2)
    w = np.array([0.5, 0.5])
    draws = robustness.uniform_level(w, 0.2, 10_000, rng)
    np.testing.assert_allclose(draws.sum(axis=1), 1.0)
    # 0.5(1 + u1) / (0.5(1 + u1) + 0.5(1 + u2)) with u in ±0.2 stays within 0.8/2 … 1.2/2 = [0.4, 0.6].
    assert draws.min() >= 0.4 - 1e-12 and draws.max() <= 0.6 + 1e-12


AHP = [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]


def test_ahp_draws_keep_every_matrix_reciprocal_on_saatys_scale():
    mats = robustness.perturbed_matrices(AHP, 2000, np.random.default_rng(4))
    np.testing.assert_allclose(mats * np.transpose(mats, (0, 2, 1)), 1.0)
    np.testing.assert_array_equal(mats[:, [0, 1, 2], [0, 1, 2]], 1.0)
    upper = mats[:, [0, 0, 1], [1, 2, 2]]
    # "moved by up to one step of Saaty's scale": 3 -> 2, 3 or 4; 5 -> 4, 5 or 6.
    assert set(np.unique(upper[:, 0])) == {2.0, 3.0, 4.0}
    assert set(np.unique(upper[:, 1])) == {4.0, 5.0, 6.0}
    assert set(np.unique(upper[:, 2])) == {2.0, 3.0, 4.0}


def test_ahp_eigenvectors_match_the_engines_ahp():
    mats = robustness.perturbed_matrices(AHP, 20, np.random.default_rng(5))
    batch = robustness.principal_eigenvectors(mats)
    for m, w in zip(mats, batch):
        np.testing.assert_allclose(w, weighting.ahp(m).weights, atol=1e-9)


def test_ahp_method_uses_the_recorded_matrix_and_refuses_without_one():
    with pytest.raises(LandEvalError, match="records no pairwise comparison matrix"):
        _run(method="ahp", draws=10)
    cfg = _cfg(meta={"ahp_matrix": [[1, 1], [1, 1]]})
    result = robustness.robustness(TABLE, cfg, method="ahp", draws=300)
    # 1 moves to 1/2, 1 or 2: land weight 1/3, 1/2 or 2/3, each a third of the draws; D (0.2 land, 1.0 econ)
    # is below 0.6 only when land gets 2/3.
    assert abs(result.table["p_inefficient"]["D"] - 1 / 3) < 0.1
    # Both elements hold one indicator each: no other level has a judgement to move, so nothing to warn about.
    assert not [w for w in result.warnings if "levels record a matrix" in w]
    two = _cfg(meta={"ahp_matrix": [[1, 1], [1, 1]]}, elements=[
        {"id": "land", "weight": 0.5, "indicators": [{"id": "plot_ratio", "weight": 0.5}, {"id": "idle_rate", "weight": 0.5}]},
        {"id": "econ", "weight": 0.5, "indicators": [{"id": "tax_per_area", "weight": 1.0}]}])
    _, warnings = robustness.draw_weights(two, "ahp", 0.2, 5, np.random.default_rng(1))
    assert warnings == ["AHP draws: 1 of 2 levels record a matrix ((top level)); the other levels keep their weights."]


def test_bad_recorded_matrix_names_its_place():
    cfg = _cfg(meta={"ahp_matrix": [[1, 3], [3, 1]]})
    with pytest.raises(LandEvalError, match=r"(?s)\(top level\)\.meta\.ahp_matrix.*row 'econ', column 'land'.*reciprocal"):
        robustness.robustness(TABLE, cfg, method="ahp", draws=5)


def test_threshold_range_makes_a_parcel_near_the_threshold_contested():
    table = TABLE.assign(plot_ratio=[9.5, 1.0, 9.5, 6.0, 0.0, 10.0], tax_per_area=[9.5, 1.0, 9.5, 6.0, 0.0, 10.0])
    fixed_weights = robustness.robustness(table, _cfg(), draws=200, spread=0.0)
    assert fixed_weights.table["p_inefficient"]["D"] == 0.0        # 0.6 is not below 0.6
    ranged = robustness.robustness(table, _cfg(), draws=2000, spread=0.0, threshold_range=(0.5, 0.7))
    assert ranged.table["p_inefficient"]["D"] == pytest.approx(0.5, abs=0.05)   # P(U(0.5, 0.7) > 0.6) = 1/2


def test_fixed_categories_are_inefficient_with_their_reason():
    table = TABLE.assign(category=["in_progress", "identified", "identified", "reported", "eco_exit", "retained"])
    out = robustness.robustness(table, _cfg(), draws=50).table
    assert out["p_inefficient"].tolist()[:5] == [1.0, 1.0, 1.0, 1.0, 1.0]
    assert out["robust_reason"].tolist() == ["in_progress", "", "veto", "reported", "eco_exit", ""]


def test_ranks_tiers_and_intervals():
    out = _run(draws=200).table
    # A and F are the two best in every draw (F 1.0 first, A 0.95 second); E (0) last of the six.
    assert out.loc["F", "rank_p05"] == out.loc["F", "rank_p95"] == 1
    assert out.loc["A", "rank_p50"] == 2 and out.loc["E", "rank_p50"] == 6
    assert out.loc["A", "tier_modal"] == "A" and out.loc["A", "tier_stability"] == 1.0
    # C scores 0.95 but its veto caps it at C in every draw.
    assert out.loc["C", "tier_modal"] == "C" and out.loc["C", "tier_stability"] == 1.0
    assert out.loc["D", "score_p05"] < 0.6 < out.loc["D", "score_p95"]


def test_quantile_ranks_count_ties_like_score_rank():
    q = np.array([[5, 5, 3, robustness.NO_SCORE]], dtype=np.uint16)
    table = robustness.rank_tables(q)
    assert table[0, [5, 3]].tolist() == [1, 3]     # two tie at the top (rank 1), the next is third


def test_screening_identification_is_refused():
    cfg = _cfg()
    cfg.data["identification"] = "screening"
    with pytest.raises(LandEvalError, match="by screening, not by a score"):
        robustness.robustness(TABLE, cfg, draws=5)


def test_a_too_large_dirichlet_spread_is_explained():
    with pytest.raises(LandEvalError, match="SPREAD 1.5 is too large"):
        _run(spread=1.5, draws=5)


def test_blocks_do_not_change_the_result(monkeypatch):
    whole = _run(draws=100)
    monkeypatch.setattr(robustness, "BLOCK_CELLS", 7)
    pd.testing.assert_frame_equal(_run(draws=100).table, whole.table)


def test_one_at_a_time_and_threshold_sweep_by_hand():
    tornado = robustness.one_at_a_time(TABLE, _cfg(), spread=0.2)
    # land 0.5 -> 0.4 (econ 0.6): D = 0.4·0.2 + 0.6·1 = 0.68, still retained; land -> 0.6: D = 0.52, now
    # inefficient. Nobody else crosses 0.6 (A 0.95, B 0.1 and E 0 do not move, C is vetoed).
    assert tornado.set_index("element")[["down", "up"]].to_dict("index") == {
        "land": {"down": 0, "up": 1}, "econ": {"down": 1, "up": 0}}
    fixed, _ = robustness.fixed_status(TABLE)
    area = np.array([1.0, 2.0, 4.0, 8.0, 16.0, 32.0])
    sweep = robustness.threshold_sweep(np.array([0.95, 0.1, 0.95, 0.6, 0.0, 1.0]), fixed, area).set_index("threshold")
    # At 0.40: B, E (scores) and C (veto) = 3 parcels, 2 + 16 + 4 = 22; at 0.65 D (0.6) joins: 4, 30.
    assert sweep.loc[0.40].tolist() == [3, 22.0] and sweep.loc[0.65].tolist() == [4, 30.0]



def test_a_layer_scored_otherwise_is_warned_and_a_layer_without_indicators_refused():
    # The weight set gives A..F 0.95, 0.1, 0.95, 0.6, 0, 1 (min-max by hand above): a layer saying so is quiet.
    same = robustness.robustness(TABLE.assign(score=[0.95, 0.1, 0.95, 0.6, 0.0, 1.0]), _cfg(), draws=5)
    assert not same.warnings
    other = robustness.robustness(TABLE.assign(score=[0.5, 0.1, 0.95, 0.6, 0.0, 1.0]), _cfg(), draws=5)
    assert other.warnings == [
        "1 parcel(s) have a layer score that differs from the one this weight set gives (another weight set, "
        "normalization override or group field was used to evaluate the layer?); the draws are centred on this "
        "weight set's scores. Give the weight set the layer was evaluated with."]
    with pytest.raises(LandEvalError, match="No indicator of weight set 't' has a value in the layer"):
        robustness.robustness(TABLE[["veto_failed", "category"]], _cfg(), draws=5)


def test_with_no_spread_every_draw_is_the_engines_own_evaluation():
    from landeval.core import classify

    rng = np.random.default_rng(11)
    n = 500
    table = pd.DataFrame({"plot_ratio": rng.uniform(0, 3, n), "tax_per_area": rng.lognormal(2, 1, n),
                          "veto_failed": (rng.uniform(size=n) < 0.05).astype(int), "category": "retained"})
    cfg = _cfg(tiers={"method": "quantile", "breaks": [20, 55, 20, 5], "veto_cap": "C"})
    out = robustness.robustness(table, cfg, spread=0.0, draws=3).table
    scored = table.assign(score=score_parcels(table, cfg)["score"])
    np.testing.assert_array_equal(out["tier_modal"], classify.assign_tiers(scored, cfg)["tier"])
    assert (out["tier_stability"] == 1.0).all()
    below = (scored["score"] < 0.6) | (table["veto_failed"] == 1)
    np.testing.assert_array_equal(out["p_inefficient"], below.astype(float))
    # Ranks are those of the scores rounded to 1/16383 (module docstring): parcels closer than that tie and
    # share the better rank, so a rank may be better by the few parcels within one step, never worse.
    exact = scored["score"].rank(method="min", ascending=False).to_numpy()
    gap = exact - out["rank_p50"].to_numpy(dtype=float)
    assert (gap >= 0).all() and gap.max() <= 2 and (gap == 0).mean() > 0.9
