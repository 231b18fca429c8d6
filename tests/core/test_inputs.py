"""core.inputs: the pure rules of data assembly, without QGIS (they lived in algorithms/assemble.py)."""
import numpy as np
import pandas as pd
import pytest

from landeval.core.errors import LandEvalError
from landeval.core.inputs import (
    area_problems,
    canonical_with_originals,
    id_problems,
    inside_boundary,
    load_field_map,
    map_for,
)


def test_inside_the_development_boundary_means_at_least_half_of_the_parcel():
    # DEV_BOUNDARY help: "gives inside_dev_boundary = 1 when at least half of the parcel lies inside".
    share = np.array([0.0, 0.49, 0.5, 0.51, 1.0, np.nan])
    got = inside_boundary(share)
    assert got[:5].tolist() == [0.0, 0.0, 1.0, 1.0, 1.0]
    assert np.isnan(got[5])  # no geometry: unknown, not outside


def test_parcels_without_an_id_and_ids_used_twice_are_named():
    keys = np.array(["P1", None, "P2", "P2", "P3"], dtype=object)
    missing, repeated = id_problems(keys, "宗地编号")
    assert missing.startswith("1 parcel(s) have no 宗地编号")
    assert repeated.startswith("1 宗地编号 value(s) occur more than once (P2)")
    assert id_problems(np.array(["A", "B"], dtype=object), "宗地编号") == []


def test_area_problems_name_repaired_zero_and_empty_parcels_by_id():
    keys = np.array(["P1", "P2", "P3", "P4"], dtype=object)
    repaired, zero, empty = area_problems(np.array([1]), np.array([10.0, 5.0, 0.0, np.nan]), np.array([3]), keys)
    assert "P2" in repaired and "repaired" in repaired
    assert "P3" in zero and "zero area" in zero
    assert "P4" in empty and "no geometry" in empty
    assert area_problems(np.array([], dtype=int), np.array([1.0]), np.array([], dtype=int), keys[:1]) == []


def test_field_map_keeps_what_the_table_has_and_rejects_unknown_ids(tmp_path):
    path = tmp_path / "map.yaml"
    # design.md: "a FIELD_MAP entry (`tax: {field: 实缴税金, unit: 元}`)".
    path.write_text("tax: {field: 实缴税金, unit: 元}\nparcel_id: ZDBH\n", encoding="utf-8")
    field_map = load_field_map(str(path))
    assert map_for(field_map, ["ZDBH", "other"]) == {"parcel_id": "ZDBH"}
    assert load_field_map("") == {}
    path.write_text("taxes: 实缴税金\n", encoding="utf-8")
    with pytest.raises(LandEvalError, match="unknown field id"):
        load_field_map(str(path))


def test_canonical_columns_sit_beside_the_original_headers():
    frame = pd.DataFrame({"宗地编号": ["P1"], "闲置率": [0.1]})
    canon, _ = canonical_with_originals(frame, {})
    assert {"parcel_id", "宗地编号"} <= set(canon.columns)
