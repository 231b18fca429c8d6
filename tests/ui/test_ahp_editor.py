"""The AHP editor: reciprocal entry on the Saaty scale, live λmax / CR, worst comparison, use-these-weights.

Hand-worked matrix (Saaty's classic three-criteria example):
    A = [[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]]
Principal eigenvector normalised: w = (0.6370, 0.2583, 0.1047); A·w = (1.9354, 0.7847, 0.3181), so
λmax = mean((A·w)_i / w_i) = 3.0385; CI = (3.0385 − 3)/2 = 0.0193; CR = 0.0193 / RI(3)=0.58 = 0.0332 ≤ 0.10.
"""
import numpy as np
import pytest


@pytest.fixture
def editor(qgis_app):
    from landeval.ui.ahp_editor import AHPEditor

    e = AHPEditor()
    e.set_level(["A", "B", "C"], np.ones((3, 3)))
    return e


def enter(editor, i, j, value):
    model = editor.model
    assert model.setData(model.index(i, j), value)


def test_entering_aij_fills_the_reciprocal_and_snaps_to_the_scale(editor):
    from qgis.PyQt.QtCore import Qt

    enter(editor, 0, 1, 3)
    assert editor.matrix()[1, 0] == pytest.approx(1 / 3)
    assert editor.model.data(editor.model.index(1, 0)) == "1/3"
    enter(editor, 2, 0, 0.2)                     # entered below the diagonal: a_02 becomes 5
    assert editor.matrix()[0, 2] == pytest.approx(5)
    enter(editor, 1, 2, 2.7)                     # not a Saaty value: the nearest one, 3
    assert editor.matrix()[1, 2] == 3 and editor.matrix()[2, 1] == pytest.approx(1 / 3)
    assert not editor.model.flags(editor.model.index(1, 1)) & Qt.ItemIsEditable  # diagonal stays 1


def test_hand_worked_matrix_gives_weights_lambda_and_cr(editor):
    enter(editor, 0, 1, 3)
    enter(editor, 0, 2, 5)
    enter(editor, 1, 2, 3)
    r = editor.result
    assert r.weights == pytest.approx([0.6370, 0.2583, 0.1047], abs=1e-4)
    assert r.lambda_max == pytest.approx(3.0385, abs=1e-4)
    assert r.ci == pytest.approx(0.0193, abs=1e-4)
    assert r.cr == pytest.approx(0.0332, abs=1e-4)
    text = editor.summary.text()
    assert "λmax = 3.0385" in text and "CR = 0.0332 ≤ 0.10" in text and "✓ consistent" in text
    accepted = []
    editor.weightsAccepted.connect(accepted.append)
    editor.use_button.click()
    assert accepted[0] == pytest.approx([0.6370, 0.2583, 0.1047], abs=1e-4)


def test_inconsistent_matrix_fails_and_points_at_the_worst_comparison(editor):
    from qgis.PyQt.QtCore import Qt

    # A ≫ B, B ≫ C, but C ≫ A: a circular judgement.
    enter(editor, 0, 1, 5)
    enter(editor, 1, 2, 5)
    enter(editor, 0, 2, 1 / 5)
    r = editor.result
    assert r.cr > 0.10 and not r.consistent
    text = editor.summary.text()
    assert "✗ inconsistent" in text and "&gt; 0.10" not in text and "> 0.10" in text
    worst = editor.model.worst
    assert worst is not None and worst[0] < worst[1]
    names = editor.model.names
    assert f"{names[worst[0]]} vs {names[worst[1]]}" in text
    assert editor.model.data(editor.model.index(*worst), Qt.BackgroundRole) is not None
    assert editor.model.data(editor.model.index(worst[1], worst[0]), Qt.BackgroundRole) is not None


def test_matrix_from_weights_snaps_ratios_to_saaty_values(qgis_app):
    from landeval.ui.ahp_editor import matrix_from_weights, nearest_saaty

    m = matrix_from_weights([0.44, 0.31, 0.06, 0.19])
    assert m[0, 1] == 2                           # 0.44/0.31 = 1.419 > √2, the log-midpoint of 1 and 2
    assert m[0, 2] == 7                           # 7.33 → 7
    assert m[2, 3] == pytest.approx(1 / 3)        # 0.316 → 1/3
    assert np.allclose(m * m.T, 1.0)
    assert float(nearest_saaty(20)) == 9 and float(nearest_saaty(0.01)) == pytest.approx(1 / 9)


def test_two_items_are_always_consistent(qgis_app):
    from landeval.ui.ahp_editor import AHPEditor

    e = AHPEditor()
    e.set_level(["x", "y"], np.ones((2, 2)))
    e.model.setData(e.model.index(0, 1), 4)
    assert e.result.cr == 0 and e.result.weights == pytest.approx([0.8, 0.2])
    assert e.model.worst is None
