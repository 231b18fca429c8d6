import numpy as np
import pandas as pd
import pytest

from landeval.core.conditions import evaluate, fields_of
from landeval.core.errors import LandEvalError

DF = pd.DataFrame({
    "share": [0.0, 0.6, np.nan, 0.2],
    "eia": ["是", "否", None, "否"],
    "tax": [10.0, 20.0, 30.0, np.nan],
    "code": ["C26", "C26", "C18", "C18"],
    "kind": ["国有企业", "民营企业", None, "民营企业"],
})


def test_comparisons_and_missing_never_satisfy():
    assert evaluate({"field": "share", "op": ">", "value": 0.5}, DF).tolist() == [False, True, False, False]
    assert evaluate({"field": "share", "op": "<=", "value": 0.5}, DF).tolist() == [True, False, False, True]
    assert evaluate({"field": "kind", "op": "==", "value": "民营企业"}, DF).tolist() == [False, True, False, True]
    assert evaluate({"field": "kind", "op": "!=", "value": "民营企业"}, DF).tolist() == [True, False, False, False]


def test_yes_no():
    assert evaluate({"field": "eia", "is": False}, DF).tolist() == [False, True, False, True]
    assert evaluate({"field": "eia", "is": "yes"}, DF).tolist() == [True, False, False, False]


def test_benchmarks_overall_and_by_group():
    # mean of 10, 20, 30 = 20
    assert evaluate({"field": "tax", "op": "<", "benchmark": {"stat": "mean"}}, DF).tolist() == [True, False, False, False]
    # group means: C26 15, C18 30
    cond = {"field": "tax", "op": "<", "benchmark": {"stat": "mean", "group_by": "code"}}
    assert evaluate(cond, DF).tolist() == [True, False, False, False]
    cond = {"field": "tax", "op": ">=", "benchmark": {"stat": "double_mean", "group_by": "code"}}
    assert evaluate(cond, DF).tolist() == [False, False, False, False]
    assert evaluate({"field": "tax", "op": ">", "benchmark": 15}, DF).tolist() == [False, True, True, False]


def test_three_valued_logic():
    high_share = {"field": "share", "op": ">", "value": 0.5}
    no_eia = {"field": "eia", "is": "no"}
    assert evaluate({"any": [high_share, no_eia]}, DF).tolist() == [False, True, False, True]
    assert evaluate({"all": [high_share, no_eia]}, DF).tolist() == [False, True, False, False]
    # row 2 has both missing: "not" of unknown stays unknown → not satisfied
    assert evaluate({"not": high_share}, DF).tolist() == [True, False, False, True]
    # any with one true part is true even if the other part is unknown
    frame = pd.DataFrame({"a": [1.0, np.nan], "b": [np.nan, np.nan]})
    cond = {"any": [{"field": "a", "op": ">", "value": 0}, {"field": "b", "op": ">", "value": 0}]}
    assert evaluate(cond, frame).tolist() == [True, False]


def test_missing_field_is_named():
    with pytest.raises(LandEvalError, match=r"vetoes\[3\].when: the condition uses field 'nimby_ok'"):
        evaluate({"field": "nimby_ok", "is": "no"}, DF, "vetoes[3].when")


def test_fields_of():
    cond = {"all": [{"field": "a", "is": "yes"}, {"not": {"field": "b", "op": "<", "benchmark": {"stat": "mean", "group_by": "g"}}}]}
    assert fields_of(cond) == ["a", "b", "g"]
