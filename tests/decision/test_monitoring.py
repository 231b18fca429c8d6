"""Two tiny evaluation rounds (conftest.py `rounds`) and their transition matrices, worked out by hand.

    id   2023 (tier, category, score, inefficient)   2024                          change
    P1   A retained   0.90 0                          B retained    0.80 0          worsened (A→B)
    P2   B retained   0.70 0                          B retained    0.75 0          unchanged
    P3   C identified 0.50 1                          B retained    0.65 0          improved (C→B)
    P4   D identified 0.20 1                          D in_progress 0.25 1          unchanged (tier kept)
    P5   T retained    –   0                          C identified  0.45 1          worsened (not rated in
                                                                                     2023: 0 → 1 inefficient)
    P6   C reported   0.55 1                          –                             disappeared
    P7   –                                            A retained    0.95 0          appeared
"""
import numpy as np
import pandas as pd
import pytest

from landeval.core.decision.monitoring import compare_rounds
from landeval.core.errors import LandEvalError


@pytest.fixture
def cmp(rounds):
    return compare_rounds(*rounds)


def test_change_per_parcel(cmp):
    got = dict(zip(cmp.parcels["parcel_id"], cmp.parcels["change"]))
    assert got == {"P1": "worsened", "P2": "unchanged", "P3": "improved", "P4": "unchanged",
                   "P5": "worsened", "P6": "disappeared", "P7": "appeared"}
    assert cmp.counts == {"improved": 1, "worsened": 2, "unchanged": 2, "appeared": 1, "disappeared": 1}


def test_score_change_and_tier_steps(cmp):
    p = cmp.parcels.set_index("parcel_id")
    assert p.loc["P2", "score_change"] == pytest.approx(0.05)
    assert p.loc["P3", "score_change"] == pytest.approx(0.15)
    assert np.isnan(p.loc["P5", "score_change"]) and np.isnan(p.loc["P7", "score_change"])
    assert p.loc["P1", "tier_steps"] == 1 and p.loc["P3", "tier_steps"] == -1
    assert np.isnan(p.loc["P5", "tier_steps"])


def test_tier_transition_matrix(cmp):
    m = cmp.tier_matrix
    assert list(m.index) == ["A", "B", "C", "D", "T", "new", "total"]
    assert list(m.columns) == ["A", "B", "C", "D", "T", "gone", "total"]
    expected = pd.DataFrame(0, index=m.index, columns=m.columns)
    for frm, to in [("A", "B"), ("B", "B"), ("C", "B"), ("C", "gone"), ("D", "D"), ("T", "C"), ("new", "A")]:
        expected.loc[frm, to] += 1
    expected.loc["total"] = expected.iloc[:-1].sum()
    expected["total"] = expected.iloc[:, :-1].sum(axis=1)
    assert (m.to_numpy() == expected.to_numpy()).all()
    assert m.loc["total", "total"] == 7 and m.loc["C", "total"] == 2 and m.loc["total", "B"] == 3


def test_category_transition_matrix(cmp):
    m = cmp.category_matrix
    assert m.loc["retained", "retained"] == 2
    assert m.loc["identified", "retained"] == 1
    assert m.loc["identified", "in_progress"] == 1
    assert m.loc["retained", "identified"] == 1
    assert m.loc["reported", "gone"] == 1
    assert m.loc["new", "retained"] == 1
    assert m.loc["total", "total"] == 7
    assert m.iloc[:-1, :-1].to_numpy().sum() == 7


def test_duplicate_ids_are_named(rounds):
    old, new = rounds
    with pytest.raises(LandEvalError, match="P3"):
        compare_rounds(pd.concat([old, old.iloc[[2]]]), new)


def test_missing_key_field_is_named(rounds):
    old, new = rounds
    with pytest.raises(LandEvalError, match="宗地编号"):
        compare_rounds(old.drop(columns="parcel_id"), new)
