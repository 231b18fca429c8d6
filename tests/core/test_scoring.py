import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landeval.core.config import EvalConfig
from landeval.core.errors import LandEvalError
from landeval.core.scoring import score_details, score_parcels


def _cfg(**top):
    data = {
        "name": "t",
        "elements": [
            {"id": "land", "weight": 0.6, "indicators": [
                {"id": "plot_ratio", "weight": 0.5, "direction": "benefit"},
                {"id": "idle_rate", "weight": 0.5, "direction": "cost"}]},
            {"id": "econ", "weight": 0.4, "indicators": [{"id": "tax_per_area", "weight": 1.0}]},
        ],
    }
    data.update(top)
    return EvalConfig.from_dict(data)


DF = pd.DataFrame({"plot_ratio": [1.0, 2.0, 3.0], "idle_rate": [0.0, 0.1, 0.2], "tax_per_area": [10.0, 30.0, 20.0]})
# Normalised by hand: plot_ratio 0, .5, 1; idle_rate (cost) 1, .5, 0; tax_per_area 0, 1, .5.
# Combined weights .3, .3, .4.


def test_weighted_sum_by_hand():
    out = score_parcels(DF, _cfg())
    np.testing.assert_allclose(out["score"], [0.3, 0.7, 0.5])
    np.testing.assert_allclose(out["s_land"], [0.5, 0.5, 0.5])
    np.testing.assert_allclose(out["s_econ"], [0.0, 1.0, 0.5])
    assert out["score_rank"].tolist() == [3, 1, 2]
    assert out["missing_count"].tolist() == [0, 0, 0]
    assert out["weakest"].tolist() == ["tax_per_area;plot_ratio", "plot_ratio;idle_rate", "idle_rate;tax_per_area"]


def test_geometric_mean_is_non_compensatory():
    out = score_parcels(DF, _cfg(aggregation="geometric"))
    np.testing.assert_allclose(out["score"], [0.0, 0.5 ** 0.6, 0.0])


def test_missing_policies_by_hand():
    df = DF.assign(plot_ratio=[1.0, np.nan, 3.0])  # plot_ratio scores 0, NaN, 1 (mean 0.5)
    expected = {"reweight": (0.3 * 0.5 + 0.4 * 1.0) / 0.7, "mean": 0.3 * 0.5 + 0.3 * 0.5 + 0.4, "zero": 0.15 + 0.4}
    for policy, value in expected.items():
        out = score_parcels(df, _cfg(missing=policy))
        assert out["score"].iloc[1] == pytest.approx(value)
        assert out["missing_count"].tolist() == [0, 1, 0]


def test_all_missing_parcel_and_column():
    df = DF.assign(plot_ratio=np.nan, idle_rate=[np.nan, 0.1, 0.2], tax_per_area=[np.nan, 30.0, 20.0])
    details = score_details(df, _cfg())
    out = details.table
    assert np.isnan(out["score"].iloc[0]) and pd.isna(out["score_rank"].iloc[0])
    assert out["missing_count"].tolist() == [3, 1, 1]
    assert any("no value for any indicator" in w for w in details.warnings)
    # "mean" cannot impute a column that is missing everywhere: it is left out as under reweight
    mean = score_parcels(df, _cfg(missing="mean"))
    np.testing.assert_allclose(mean["score"].iloc[1:], score_parcels(df, _cfg())["score"].iloc[1:])


def test_ties_share_the_best_rank():
    df = pd.DataFrame({"plot_ratio": [1.0, 2.0, 1.0], "idle_rate": [0.1] * 3, "tax_per_area": [5.0, 6.0, 5.0]})
    assert score_parcels(df, _cfg())["score_rank"].tolist() == [2, 1, 2]


def test_normalization_override_and_groups():
    df = DF.assign(code=["a", "a", "b"])
    grouped = score_parcels(df, _cfg(), group="code")
    # group b has one parcel: every indicator constant → 0.5
    assert grouped["score"].iloc[2] == pytest.approx(0.5)
    bench = score_parcels(DF, _cfg(), normalization="benchmark")  # mean benchmarks: 2, 0.1, 20
    plot = np.clip(np.array([1, 2, 3]) / 2, 0, 1)
    idle = np.clip(2 - np.array([0, 0.1, 0.2]) / 0.1, 0, 1)
    tax = np.clip(np.array([10, 30, 20]) / 20, 0, 1)
    np.testing.assert_allclose(bench["score"], 0.3 * plot + 0.3 * idle + 0.4 * tax)
    with pytest.raises(LandEvalError, match="Group field 'nope'"):
        score_parcels(DF, _cfg(), group="nope")


def test_categorical_and_field_mapping():
    cfg = EvalConfig.from_dict({"elements": [{"id": "e", "weight": 1, "indicators": [
        {"id": "enterprise_type", "weight": 0.5, "scores": {"国有企业": 1.0, "民营企业": 0.6}},
        {"id": "idle_rate", "weight": 0.5, "direction": "cost", "field": "闲置率"}]}]})
    df = pd.DataFrame({"enterprise_type": ["国有企业", "民营企业", "外星"], "闲置率": [0.0, 0.5, 1.0]})
    details = score_details(df, cfg)
    np.testing.assert_allclose(details.table["score"], [1.0, 0.55, 0.0])
    assert "'外星'" in details.warnings[0]


def test_missing_column_warns():
    details = score_details(DF.drop(columns="tax_per_area"), _cfg())
    assert any("'tax_per_area' is not in the table" in w for w in details.warnings)
    np.testing.assert_allclose(details.table["score"], [0.5, 0.5, 0.5])


values = st.lists(st.floats(-1e4, 1e4), min_size=2, max_size=15)


@settings(max_examples=60, deadline=None)
@given(st.data(), st.sampled_from(["arithmetic", "geometric"]), st.sampled_from(["reweight", "mean", "zero"]))
def test_scores_in_unit_interval_and_monotone_in_benefit(data, aggregation, missing):
    n = data.draw(st.integers(2, 15))
    col = st.lists(st.one_of(st.floats(-1e4, 1e4), st.just(np.nan)), min_size=n, max_size=n)
    df = pd.DataFrame({"plot_ratio": data.draw(col), "idle_rate": data.draw(col), "tax_per_area": data.draw(col)})
    cfg = _cfg(aggregation=aggregation, missing=missing)
    if df.isna().all().all():
        with pytest.raises(LandEvalError, match="has a value for any parcel"):
            score_parcels(df, cfg)
        return
    before = score_parcels(df, cfg)["score"].to_numpy()
    finite = before[~np.isnan(before)]
    assert ((finite >= 0) & (finite <= 1)).all()
    i = data.draw(st.integers(0, n - 1))
    if np.isnan(df.loc[i, "plot_ratio"]):
        return
    raised = df.copy()
    raised.loc[i, "plot_ratio"] += data.draw(st.floats(0, 1e4))
    after = score_parcels(raised, cfg)["score"].to_numpy()
    if not np.isnan(before[i]):
        assert after[i] >= before[i] - 1e-9


@settings(max_examples=40, deadline=None)
# Subnormal values are left out: scaling 5e-324 by 0.5 underflows to 0, which really does change the column.
@given(st.lists(st.tuples(st.floats(-1e4, 1e4, allow_subnormal=False), st.floats(0, 1),
                          st.floats(-1e4, 1e4, allow_subnormal=False)), min_size=2, max_size=15),
       st.floats(1e-3, 1e3))
def test_minmax_scores_unchanged_by_positive_scaling(rows, factor):
    df = pd.DataFrame(rows, columns=["plot_ratio", "idle_rate", "tax_per_area"])
    before = score_parcels(df, _cfg())
    after = score_parcels(df.assign(tax_per_area=df["tax_per_area"] * factor), _cfg())
    np.testing.assert_allclose(after["score"], before["score"], atol=1e-9)
