"""core.decision.monitoring.persistence: parcels flagged in each of the last N yearly rounds, worked by hand.

SPEC §3.12: "Cities commonly act only on persistence (e.g. low output three years in a row)"; county paper
§4.3 (line 187): "conducting annual project evaluations and addressing cases of non-compliance or default"."""
import numpy as np
import pandas as pd
import pytest

from landeval.core.decision.monitoring import persistence
from landeval.core.errors import LandEvalError

# Four yearly rounds, oldest first. P1 inefficient every year; P2 the last three; P3 in 2022 and 2024 but not
# 2023; P4 appears in 2023 and is inefficient since; P5 left the layer in 2024.
R2021 = pd.DataFrame({"parcel_id": ["P1", "P2", "P3", "P5"], "inefficient": [1, 0, 1, 1],
                      "tier": ["D", "B", "C", "D"]})
R2022 = pd.DataFrame({"parcel_id": ["P1", "P2", "P3", "P5"], "inefficient": [1, 1, 1, 1],
                      "tier": ["D", "C", "D", "D"]})
R2023 = pd.DataFrame({"parcel_id": ["P1", "P2", "P3", "P4", "P5"], "inefficient": [1, 1, 0, 1, 1],
                      "tier": ["C", "D", "B", "D", "D"]})
R2024 = pd.DataFrame({"parcel_id": ["P1", "P2", "P3", "P4"], "inefficient": [1, 1, 1, 1],
                      "tier": ["D", "C", "A", "D"]})
ROUNDS = [R2021, R2022, R2023, R2024]


def test_three_consecutive_rounds():
    got = persistence(ROUNDS, n_last=3).set_index("parcel_id")
    assert list(got.index) == ["P1", "P2", "P3", "P4"]  # the parcels of the latest round
    assert dict(got["persistent"]) == {"P1": 1, "P2": 1, "P3": 0, "P4": 0}
    assert dict(got["flagged_rounds"]) == {"P1": 3, "P2": 3, "P3": 2, "P4": 2}
    assert dict(got["streak"]) == {"P1": 4, "P2": 3, "P3": 1, "P4": 2}
    assert dict(got["history"]) == {"P1": "1111", "P2": "0111", "P3": "1101", "P4": "--11"}


def test_tier_criterion_and_n():
    # Flag "C or worse": P1 (D, D, C, D) is flagged all four years; P3 is A in 2024.
    got = persistence(ROUNDS, n_last=4, worst_tier="C").set_index("parcel_id")
    assert dict(got["persistent"]) == {"P1": 1, "P2": 0, "P3": 0, "P4": 0}
    # N = 2: P4 (2023 and 2024) now counts.
    assert persistence(ROUNDS, n_last=2).set_index("parcel_id")["persistent"].to_dict()["P4"] == 1


def test_low_output_three_years_in_a_row():
    # SPEC §3.12: "low output three years in a row" — the efficiency-deficient flag (county paper §3.3: "Output
    # per unit of land serves as the fundamental metric") in each of the last three rounds; a parcel flagged for
    # equity only (low tax) does not count.
    def rnd(flags):
        return pd.DataFrame({"parcel_id": ["P1", "P2", "P3"], "ineff_flags": flags})

    rounds = [rnd(["efficiency", "equity", "efficiency;equity"]), rnd(["green;efficiency", "equity", None]),
              rnd(["efficiency", "equity;efficiency", "efficiency"])]
    got = persistence(rounds, n_last=3, flag_type="efficiency").set_index("parcel_id")
    assert dict(got["persistent"]) == {"P1": 1, "P2": 0, "P3": 0}
    assert dict(got["history"]) == {"P1": "111", "P2": "001", "P3": "101"}


def test_unknown_flag_is_not_flagged():
    rounds = [pd.DataFrame({"parcel_id": ["P"], "inefficient": [np.nan]}),
              pd.DataFrame({"parcel_id": ["P"], "inefficient": [1]})]
    got = persistence(rounds, n_last=2)
    assert got.loc[0, "persistent"] == 0 and got.loc[0, "history"] == "?1"


def test_bad_requests_are_named():
    with pytest.raises(LandEvalError, match="at least two"):
        persistence([R2024])
    with pytest.raises(LandEvalError, match="N = 5 rounds asked for but 4 given"):
        persistence(ROUNDS, n_last=5)
    with pytest.raises(LandEvalError, match="Tier 'E'"):
        persistence(ROUNDS, worst_tier="E")
    with pytest.raises(LandEvalError, match="repeat"):
        persistence([R2023, pd.concat([R2024, R2024])], n_last=2)
