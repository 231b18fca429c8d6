"""landeval:ahpweights and landeval:entropyweights through processing.run, against hand-worked values."""
import json
import math

import pytest
import yaml
from qgis.core import QgsFeature, QgsProcessingException, QgsVectorLayer



def test_ahp_consistent_matrix_gives_exact_ratios(run, tmp_path):
    # A perfectly consistent 3×3 matrix built from w = (4, 2, 1)/7: a_ij = w_i / w_j. Upper triangle only,
    # row by row: a_12 = 2, a_13 = 4, a_23 = 2. Eigenvector weights are w itself; λmax = n = 3, CI = CR = 0.
    out = tmp_path / "ahp.yaml"
    res = run("ahpweights", {
        "CRITERIA": "plot_ratio;tax_per_area;idle_rate", "MATRIX": "2,4,2", "METHOD": 0, "OUTPUT_WEIGHT_SET": str(out),
    })
    weights = json.loads(res["WEIGHTS"])
    assert weights == pytest.approx({"plot_ratio": 4 / 7, "tax_per_area": 2 / 7, "idle_rate": 1 / 7})
    assert res["LAMBDA_MAX"] == pytest.approx(3.0)
    assert res["CR"] == pytest.approx(0.0, abs=1e-9)
    assert res["CONSISTENT"] is True
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    inds = written["elements"][0]["indicators"]
    assert [i["id"] for i in inds] == ["plot_ratio", "tax_per_area", "idle_rate"]
    assert sum(i["weight"] for i in inds) == pytest.approx(1.0, abs=1e-9)
    assert inds[0]["weight"] == pytest.approx(0.571429, abs=1e-6)
    from landeval.core.config import load_config

    assert load_config(out).combined_weights()["plot_ratio"] == pytest.approx(4 / 7, abs=1e-6)


def test_ahp_full_matrix_with_fractions_and_inconsistency(run):
    # Full matrix row by row, fractions as text. 1 prefers 2 (3) and 2 prefers 3 (3) but 3 prefers 1 (3):
    # a cyclic, badly inconsistent judgement. For this circulant matrix the eigenvector is uniform
    # (w = 1/3 each) and λmax = 1 + 3 + 1/3 = 13/3, so CI = (13/3 − 3)/2 = 2/3 and CR = (2/3)/0.58 = 1.149.
    res = run("ahpweights", {
        "CRITERIA": "a;b;c", "MATRIX": "1,3,1/3,1/3,1,3,3,1/3,1", "METHOD": 0,
    })
    assert json.loads(res["WEIGHTS"]) == pytest.approx({"a": 1 / 3, "b": 1 / 3, "c": 1 / 3})
    assert res["LAMBDA_MAX"] == pytest.approx(13 / 3)
    assert res["CR"] == pytest.approx((2 / 3) / 0.58)
    assert res["CONSISTENT"] is False


def test_ahp_geometric_mean_method(run):
    # Row geometric means of [[1,2,4],[1/2,1,2],[1/4,1/2,1]] are 2, 1, 1/2 → normalized 4/7, 2/7, 1/7.
    res = run("ahpweights", {"CRITERIA": "x;y;z", "MATRIX": "2,4,2", "METHOD": 1})
    assert list(json.loads(res["WEIGHTS"]).values()) == pytest.approx([4 / 7, 2 / 7, 1 / 7])


def test_ahp_wrong_number_of_values(run):
    with pytest.raises(QgsProcessingException, match=r"MATRIX has 4 values for 3 criteria"):
        run("ahpweights", {"CRITERIA": "x;y;z", "MATRIX": "2,4,2,1"})


def _table(rows, fields):
    layer = QgsVectorLayer("None?" + "&".join(f"field={f}" for f in fields), "t", "memory")
    feats = []
    for r in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(r))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_entropy_weights_hand_worked(run, tmp_path):
    # Column a = (0, 1, 2): min-max → (0, 0.5, 1); p = (0, 1/3, 2/3);
    #   H_a = −(1/ln 3)(1/3 ln 1/3 + 2/3 ln 2/3) = 0.579380; 1 − H_a = 0.420620.
    # Column b = (10, 10, 40) as text '1,0'-free strings: (0, 0, 1) → p = (0, 0, 1); H_b = 0; 1 − H_b = 1.
    # Column c = (5, 5, 5): constant → weight 0.
    # w_a = 0.420620 / 1.420620 = 0.296086, w_b = 1 / 1.420620 = 0.703914.
    layer = _table([(0, "10", 5), (1, "10", 5), (2, "40", 5)], ["a:double", "b:string", "c:integer"])
    out = tmp_path / "e.yaml"
    res = run("entropyweights", {
        "INPUT": layer, "FIELDS": "a;b;c", "METHOD": 0, "OUTPUT_WEIGHT_SET": str(out),
    })
    h_a = -(1 / math.log(3)) * (1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3))
    w = json.loads(res["WEIGHTS"])
    assert w["a"] == pytest.approx((1 - h_a) / (2 - h_a))
    assert w["b"] == pytest.approx(1 / (2 - h_a))
    assert w["c"] == 0
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [i["id"] for i in written["elements"][0]["indicators"]] == ["a", "b", "c"]
    assert all(i.get("custom") for i in written["elements"][0]["indicators"])


def test_entropy_cost_field_is_reversed(run):
    # Reversing a cost column maps (0, 1, 2) to (1, 0.5, 0): p = (2/3, 1/3, 0), the same entropy as before,
    # so with two such columns (one benefit, one cost) the weights are equal.
    layer = _table([(0, 0), (1, 1), (2, 2)], ["x:double", "idle:double"])
    res = run("entropyweights", {"INPUT": layer, "FIELDS": "x;idle", "COST_FIELDS": "idle",
                                                     "METHOD": 0})
    assert list(json.loads(res["WEIGHTS"]).values()) == pytest.approx([0.5, 0.5])


def test_critic_weights(run):
    # x = (0, 1, 2) and y = (0, 2, 1) both normalize to σ = 0.5 (sample sd of 0, 0.5, 1);
    # r_xy = 0.5, so C_x = C_y = 0.5 × (1 − 0.5) and the weights are equal.
    layer = _table([(0, 0), (1, 2), (2, 1)], ["x:double", "y:double"])
    res = run("entropyweights", {"INPUT": layer, "FIELDS": "x;y", "METHOD": 1})
    assert list(json.loads(res["WEIGHTS"]).values()) == pytest.approx([0.5, 0.5])
