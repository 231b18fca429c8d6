"""The weight tree model: display, editing, level sums, normalize, add/remove/reorder, undo."""
import pytest

SET = {
    "name": "demo",
    "normalization": "minmax",
    "elements": [
        {"id": "land_use", "label": {"zh": "土地利用", "en": "Land use"}, "weight": 0.6, "indicators": [
            {"id": "plot_ratio", "weight": 0.7, "direction": "benefit"},
            {"id": "idle_rate", "weight": 0.3, "direction": "cost", "field": "闲置率"},
        ]},
        {"id": "economy", "label": {"zh": "经济效益", "en": "Economy"}, "weight": 0.4, "indicators": [
            {"id": "output_per_area", "marks": 3},
            {"id": "tax_per_area", "marks": 1, "normalization": "benchmark", "benchmark": 30},
        ]},
    ],
    "threshold": 0.6,
}


@pytest.fixture
def model(qgis_app):
    from landeval.core.catalogue import load_catalogue
    from landeval.ui.weight_model import WeightTreeModel

    m = WeightTreeModel(load_catalogue())
    m.set_document(SET)
    return m


def cell(model, path, column):
    return model.data(model.index_for(path, column))


def test_tree_shape_labels_and_inherited_values(model):
    from landeval.ui.weight_model import DIRECTION, FIELD, NAME, NORMALIZATION

    assert model.rowCount() == 2
    assert model.rowCount(model.index_for((0,))) == 2
    assert cell(model, (0,), NAME) == "土地利用"
    assert cell(model, (0, 0), NAME) == "容积率"          # from the catalogue
    model.set_language("en")
    assert cell(model, (0,), NAME) == "Land use"
    assert cell(model, (0, 0), NAME) == "Plot ratio"
    assert cell(model, (0, 1), FIELD) == "闲置率"
    assert cell(model, (0, 0), FIELD) == "plot_ratio"      # field defaults to the id
    assert cell(model, (1, 0), NORMALIZATION) == "(minmax)"  # the set's default, shown as inherited
    assert cell(model, (1, 1), NORMALIZATION) == "benchmark"
    assert cell(model, (1, 0), DIRECTION) == "benefit"     # not in the file: the catalogue's direction
    assert model.path(model.index_for((1, 1))) == (1, 1)


def test_marks_become_weights_and_combined_weights(model):
    from landeval.ui.weight_model import COMBINED, LEVEL_SUM, WEIGHT

    assert model.level_weights((1,)) == pytest.approx([0.75, 0.25])
    assert cell(model, (1, 0), WEIGHT) == "0.7500"
    assert cell(model, (1, 0), COMBINED) == "0.3000"       # 0.4 × 0.75
    assert cell(model, (0, 1), COMBINED) == "0.1800"       # 0.6 × 0.3
    assert cell(model, (0,), LEVEL_SUM) == "Σ 1.0000"
    assert model.combined_weights() == pytest.approx(
        {"plot_ratio": 0.42, "idle_rate": 0.18, "output_per_area": 0.3, "tax_per_area": 0.1})
    assert model.off_levels() == []


def test_editing_a_weight_marks_the_level_and_normalize_fixes_it(model):
    from qgis.PyQt.QtCore import Qt

    from landeval.ui.weight_model import LEVEL_SUM, ROOT, WEIGHT

    assert model.setData(model.index_for((0, 0), WEIGHT), 0.9)
    assert model.level_sum((0,)) == pytest.approx(1.2)
    assert model.off_levels() == [(0,)]
    assert cell(model, (0,), LEVEL_SUM) == "Σ 1.2000"
    assert model.data(model.index_for((0,), LEVEL_SUM), Qt.ForegroundRole) is not None  # marked
    assert "not 1" in model.data(model.index_for((0, 1), WEIGHT), Qt.ToolTipRole)
    assert model.normalize_level((0,))
    assert model.level_weights((0,)) == pytest.approx([0.75, 0.25])  # 0.9/1.2, 0.3/1.2
    assert model.off_levels() == []
    assert model.data(model.index_for((0,), LEVEL_SUM), Qt.ForegroundRole) is None
    # Element level, three decimals that do not add up: rounded shares still sum to 1 within core's tolerance.
    model.set_level_weights(ROOT, [1.0, 2.0], "test")
    model.normalize_level(ROOT)
    assert model.level_weights(ROOT) == [0.333333, 0.666667]
    assert model.off_levels() == []


def test_editing_a_marks_level_turns_it_into_weights(model):
    from landeval.ui.weight_model import WEIGHT

    model.setData(model.index_for((1, 1), WEIGHT), 0.5)
    doc = model.document()
    economy = doc["elements"][1]["indicators"]
    assert [i.get("weight") for i in economy] == [0.75, 0.5]
    assert all("marks" not in i for i in economy)
    model.undo_stack.undo()
    economy = model.document()["elements"][1]["indicators"]
    assert [i.get("marks") for i in economy] == [3, 1] and all("weight" not in i for i in economy)


def test_direction_normalization_field_label_edits(model):
    from landeval.ui.weight_model import DIRECTION, FIELD, NAME, NORMALIZATION

    model.setData(model.index_for((0, 0), DIRECTION), "cost")
    model.setData(model.index_for((0, 0), NORMALIZATION), "percentile")
    model.setData(model.index_for((0, 0), FIELD), "容积率")
    model.setData(model.index_for((0,), NAME), "用地")
    assert not model.setData(model.index_for((0, 0), DIRECTION), "sideways")
    ind = model.document()["elements"][0]["indicators"][0]
    assert ind == {"id": "plot_ratio", "weight": 0.7, "direction": "cost", "normalization": "percentile",
                   "field": "容积率"}
    assert model.document()["elements"][0]["label"] == {"zh": "用地", "en": "Land use"}
    model.set_language("en")
    model.setData(model.index_for((0, 0), NAME), "FAR")
    assert model.document()["elements"][0]["indicators"][0]["label"] == {"zh": "容积率", "en": "FAR"}
    model.setData(model.index_for((0, 0), NORMALIZATION), "")   # back to the set's default: key removed
    assert "normalization" not in model.document()["elements"][0]["indicators"][0]


def test_add_remove_move_and_undo_everything(model):
    from landeval.ui.weight_model import NAME

    original = model.document()
    model.add_indicator(0, "green_ratio")
    assert model.document()["elements"][0]["indicators"][2] == {
        "id": "green_ratio", "weight": pytest.approx(1 / 3, abs=1e-6), "direction": "cost"}
    assert (0,) in model.off_levels()
    with pytest.raises(ValueError):
        model.add_indicator(1, "plot_ratio")             # an indicator appears once in a set
    model.add_element("energy", {"zh": "能源消耗", "en": "Energy"})
    assert model.rowCount() == 3 and cell(model, (2,), NAME) == "能源消耗"
    model.add_indicator(2, "water_per_output")
    assert model.move((2,), -1)
    assert [e["id"] for e in model.document()["elements"]] == ["land_use", "energy", "economy"]
    assert not model.move((0,), -1)                      # already first
    assert model.move((0, 0), 1)
    assert [i["id"] for i in model.document()["elements"][0]["indicators"]] == [
        "idle_rate", "plot_ratio", "green_ratio"]
    # An indicator index stays attached to its element when elements move.
    index = model.index_for((1, 0))
    assert model.path(index) == (1, 0) and model.item((1, 0))["id"] == "water_per_output"
    model.remove((2,))
    assert [e["id"] for e in model.document()["elements"]] == ["land_use", "energy"]
    while model.undo_stack.canUndo():
        model.undo_stack.undo()
    assert model.document() == original
    while model.undo_stack.canRedo():
        model.undo_stack.redo()
    assert [e["id"] for e in model.document()["elements"]] == ["land_use", "energy"]


def test_weights_changed_is_emitted_for_every_edit(model):
    from landeval.ui.weight_model import WEIGHT

    seen = []
    model.weightsChanged.connect(lambda: seen.append(1))
    model.setData(model.index_for((0,), WEIGHT), 0.5)
    model.undo_stack.undo()
    assert len(seen) == 2


def test_categorical_indicator_shows_it_is_scored_by_its_map(qgis_app):
    from landeval.core.catalogue import load_catalogue
    from landeval.ui.weight_model import NORMALIZATION, WeightTreeModel

    m = WeightTreeModel(load_catalogue())
    m.set_document({"name": "c", "normalization": "benchmark", "benchmark": {"stat": "median"}, "elements": [
        {"id": "enterprise", "weight": 1, "indicators": [
            {"id": "enterprise_type", "weight": 0.5, "direction": "categorical", "scores": {"国有企业": 1.0}},
            {"id": "patents", "weight": 0.5, "direction": "benefit"}]}]})
    assert cell(m, (0, 0), NORMALIZATION) == "(scores)"
    assert cell(m, (0, 1), NORMALIZATION) == "(benchmark)"
