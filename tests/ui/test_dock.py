"""The dock as a whole: presets, YAML round trip, validation on save, project persistence, AHP and objective
weights written into the tree, undo across all of them."""
import numpy as np
import pytest
import yaml


@pytest.fixture
def make_dock(qgis_iface, qgis_new_project, landeval_provider):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from landeval.ui.dock import WeightSetDock

    QgsProject.instance().clear()  # custom properties too: no weight set left over from another test
    docks = []

    def make():
        dock = WeightSetDock(qgis_iface, qgis_iface.mainWindow())
        docks.append(dock)
        return dock

    yield make
    for dock in docks:
        dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def preset_file(name):
    from landeval.core.config import preset_path

    return str(preset_path(name))


def test_new_dock_starts_from_the_jiangning_preset(make_dock):
    from landeval.ui.weight_model import ROOT

    dock = make_dock()
    assert [e["id"] for e in dock.model.elements] == [
        "population", "land_use", "enterprise", "agglomeration", "economy", "energy"]
    assert dock.model.level_weights(ROOT) == pytest.approx([0.05, 0.25, 0.16, 0.11, 0.32, 0.11])
    assert dock.model.off_levels() == []
    assert "✓" in dock.sum_label.text()
    assert dock.level_combo.count() == 7                 # elements + one indicator level per element
    assert "preset jiangning" in dock.title.text()
    assert [dock.preset_combo.itemData(i) for i in range(dock.preset_combo.count())] == [
        "county_table2", "jiangning", "zhejiang_mujun"]


@pytest.mark.parametrize("preset", ["jiangning", "county_table2", "zhejiang_mujun"])
def test_open_then_save_round_trips_to_the_same_content(make_dock, tmp_path, preset):
    dock = make_dock()
    dock.load(preset_file(preset))
    out = tmp_path / f"{preset}.yaml"
    assert dock.save_to(str(out))
    with open(preset_file(preset), encoding="utf-8") as a, open(out, encoding="utf-8") as b:
        assert yaml.safe_load(b) == yaml.safe_load(a)
    assert dock.file_path == str(out) and dock.model.undo_stack.isClean()


def test_edited_set_saves_what_the_tree_shows_and_reopens_equal(make_dock, tmp_path):
    from landeval.ui.weight_model import WEIGHT

    dock = make_dock()
    model = dock.model
    model.setData(model.index_for((1, 0), WEIGHT), 0.54)          # plot_ratio 0.44 → 0.54: level sums 1.10
    model.normalize_level((1,))
    out = tmp_path / "edited.yaml"
    assert dock.save_to(str(out))
    saved = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert saved == model.document()
    land_use = [i["weight"] for i in saved["elements"][1]["indicators"]]
    assert land_use == pytest.approx([0.54 / 1.1, 0.31 / 1.1, 0.06 / 1.1, 0.19 / 1.1], abs=1e-6)
    dock.load("county_table2")
    dock.load(str(out))
    assert model.document() == saved


def test_save_refuses_a_set_that_does_not_sum_to_one_and_names_the_level(make_dock, tmp_path):
    from landeval.ui.weight_model import WEIGHT

    dock = make_dock()
    dock.model.setData(dock.model.index_for((0,), WEIGHT), 0.5)
    out = tmp_path / "bad.yaml"
    assert not dock.save_to(str(out))
    assert not out.exists()
    assert "elements: the element weights sum to 1.45" in dock.message_bar.currentItem().text()
    assert "Σ ≠ 1" in dock.sum_label.text()


def test_a_file_with_problems_still_opens_for_fixing(make_dock, tmp_path):
    with open(preset_file("jiangning"), encoding="utf-8") as handle:
        doc = yaml.safe_load(handle)
    doc["elements"][0]["weight"] = 0.5
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    dock = make_dock()
    dock.load(str(bad))
    assert dock.model.off_levels() == [()]
    assert "element weights sum to 1.45" in dock.message_bar.currentItem().text()
    dock.normalize_level(())
    assert dock.model.off_levels() == []
    assert dock.save_to(str(bad))


def test_set_is_kept_in_the_project_and_restored_when_it_is_read(make_dock, tmp_path):
    from qgis.core import QgsProject

    from landeval.ui.weight_model import WEIGHT

    dock = make_dock()
    dock.load("county_table2")
    dock.model.setData(dock.model.index_for((0, 0), WEIGHT), 0.5)   # marks level → weights, sum ≠ 1
    dock.model.normalize_level((0,))
    edited = dock.model.document()
    project = QgsProject.instance()
    path = str(tmp_path / "county.qgz")
    assert project.write(path)
    project.clear()
    dock.load("jiangning")
    assert project.read(path)
    assert dock.model.document() == edited                   # restored on readProject
    assert make_dock().model.document() == edited            # and a dock opened later starts from it


def test_ahp_weights_go_into_the_selected_level_and_undo_restores(make_dock):
    from landeval.ui.weight_model import ROOT

    dock = make_dock()
    dock.language_combo.setCurrentIndex(dock.language_combo.findData("zh"))  # the names below are the Chinese labels
    before = dock.model.level_weights((1,))
    dock.tree.setCurrentIndex(dock.model.index_for((1, 2)))  # an indicator of land_use selects its level
    assert dock.current_level() == (1,)
    editor = dock.ahp_editor
    assert editor.model.names == ["容积率", "建筑密度", "绿地率", "土地闲置率"]
    ones = np.ones((4, 4))
    editor.set_level(editor.model.names, ones)
    editor.model.setData(editor.model.index(0, 1), 3)
    editor.use_button.click()
    weights = dock.model.level_weights((1,))
    assert weights == pytest.approx(list(editor.result.weights), abs=1e-6)
    assert sum(weights) == pytest.approx(1.0, abs=1e-9)
    assert weights[0] > weights[2] == pytest.approx(weights[3])
    assert dock.model.level_weights(ROOT) == pytest.approx([0.05, 0.25, 0.16, 0.11, 0.32, 0.11])
    dock.undo_action.trigger()
    assert dock.model.level_weights((1,)) == pytest.approx(before)
    dock.redo_action.trigger()
    assert dock.model.level_weights((1,)) == pytest.approx(weights)


def test_entropy_weights_from_the_layer_blend_with_the_slider(make_dock, qgis_new_project):
    """Hand-worked entropy: x1 = 1, 2, 3 → min-max 0, ½, 1 → p = 0, ⅓, ⅔ → H = 0.6365/ln 3 = 0.5794;
    x2 = 1, 1, 4 → 0, 0, 1 → p = 0, 0, 1 → H = 0. d = (0.4206, 1) → w = (0.2961, 0.7039)."""
    from qgis.core import QgsFeature, QgsProject, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?field=plot_ratio:double&field=building_density:double"
                           "&field=green_ratio:double&field=idle_rate:double", "parcels", "memory")
    features = []
    for values in ((1, 1, 0.1, 0.0), (2, 1, 0.1, 0.0), (3, 4, 0.1, 0.0)):
        f = QgsFeature(layer.fields())
        f.setAttributes(list(values))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    dock = make_dock()
    doc = dock.model.document()
    doc["elements"][1]["indicators"] = [{"id": "plot_ratio", "weight": 0.6, "direction": "benefit"},
                                        {"id": "building_density", "weight": 0.4, "direction": "benefit"}]
    dock.model.set_document(doc)
    dock.apply_panel.evaluated_combo.setLayer(layer)
    dock._select_level((1,))
    panel = dock.objective
    panel.compute()
    assert panel.objective == pytest.approx([0.2961, 0.7039], abs=1e-4)
    assert "3 complete parcel(s)" in panel.status.text()
    panel.slider.setValue(25)                                   # α = 0.25: a quarter subjective
    expected = [0.25 * 0.6 + 0.75 * 0.2961, 0.25 * 0.4 + 0.75 * 0.7039]
    assert panel.combined() == pytest.approx(expected, abs=1e-4)
    panel.use_button.click()
    assert dock.model.level_weights((1,)) == pytest.approx(expected, abs=1e-4)
    assert dock.model.off_levels() == []


def test_objective_weights_keep_categorical_indicators_at_their_share(make_dock):
    import pandas as pd

    from landeval.ui.objective_panel import objective_level_weights

    indicators = [{"id": "enterprise_type", "field": "enterprise_type", "direction": "categorical"},
                  {"id": "patents", "field": "patents", "direction": "benefit"},
                  {"id": "bidding_record", "field": "bidding_record", "direction": "benefit"}]
    frame = pd.DataFrame({"patents": [1.0, 2.0, 3.0, np.nan], "bidding_record": [1.0, 1.0, 4.0, 2.0]})
    weights, rows, fixed = objective_level_weights(frame, indicators, [0.4, 0.3, 0.3], "entropy")
    assert rows == 3 and fixed == ["enterprise_type"]           # the row with a missing patents value is out
    assert weights == pytest.approx([0.4, 0.6 * 0.2961, 0.6 * 0.7039], abs=1e-4)
