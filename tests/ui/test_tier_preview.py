"""Live tier preview on an evaluated layer, hand-worked.

Two elements with one indicator each, tiers by score cuts 0.8 / 0.6 / 0.4 (A / B / C, below: D).
plot_ratio 0…4 and tax_per_area 4…0 min-max to 0, ¼, ½, ¾, 1 and 1, ¾, ½, ¼, 0. With element weights ½ / ½
every parcel scores 0.5 (tier C, as stored in the layer). With 0.9 / 0.1 the scores are 0.1, 0.3, 0.5, 0.7,
0.9: tiers D, D, C, B, A — four parcels move (C→D twice, C→B, C→A). A sixth parcel is T (new project); the
layer has no new_project column, so the preview keeps it T.
"""
import pytest

SET = {
    "name": "two",
    "normalization": "minmax",
    "elements": [
        {"id": "land", "weight": 0.5, "indicators": [{"id": "plot_ratio", "weight": 1.0}]},
        {"id": "money", "weight": 0.5, "indicators": [{"id": "tax_per_area", "weight": 1.0}]},
    ],
    "tiers": {"method": "threshold", "breaks": [0.8, 0.6, 0.4], "veto_cap": "C",
              "unrated_when": {"field": "new_project", "is": "yes"}},
}


@pytest.fixture
def evaluated_layer(qgis_new_project):
    from qgis.core import QgsFeature, QgsProject, QgsVectorLayer

    QgsProject.instance().clear()  # also drops a weight set another test left in the project
    layer = QgsVectorLayer("Polygon?field=plot_ratio:double&field=tax_per_area:double&field=score:double"
                           "&field=tier:string&field=veto_failed:integer", "evaluated", "memory")
    rows = [(0, 4, 0.5, "C", 0), (1, 3, 0.5, "C", 0), (2, 2, 0.5, "C", 0), (3, 1, 0.5, "C", 0),
            (4, 0, 0.5, "C", 0), (2, 2, 0.5, "T", 0)]
    features = []
    for row in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(row))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_unchanged_weights_change_nothing_and_new_weights_move_four_parcels(evaluated_layer):
    from landeval.ui.tier_preview import TierPreview

    preview = TierPreview()
    assert TierPreview.is_evaluated(evaluated_layer)
    same = preview.changes(evaluated_layer, SET)
    assert (same.total, same.changed, same.transitions) == (6, 0, {})
    doc = {**SET, "elements": [dict(SET["elements"][0], weight=0.9), dict(SET["elements"][1], weight=0.1)]}
    change = preview.changes(evaluated_layer, doc)
    assert change.changed == 4
    assert change.transitions == {("C", "D"): 2, ("C", "B"): 1, ("C", "A"): 1}
    assert change.before == {"C": 5, "T": 1}
    assert change.after == {"D": 2, "C": 1, "B": 1, "A": 1, "T": 1}
    assert "<b>4</b> of 6 parcels would change tier" in change.html()


def test_columns_are_read_once_and_cached(evaluated_layer, monkeypatch):
    from landeval.ui import tier_preview

    reads = []
    real = tier_preview.read_frame
    monkeypatch.setattr(tier_preview, "read_frame", lambda layer, fields, **kw: reads.append(fields) or real(
        layer, fields, **kw))
    preview = tier_preview.TierPreview()
    for weight in (0.5, 0.6, 0.7, 0.9):
        doc = {**SET, "elements": [dict(SET["elements"][0], weight=weight),
                                   dict(SET["elements"][1], weight=round(1 - weight, 6))]}
        preview.changes(evaluated_layer, doc)
    assert reads == [["plot_ratio", "tax_per_area", "veto_failed", "tier"]]
    evaluated_layer.dataProvider().changeAttributeValues({1: {0: 9.0}})
    evaluated_layer.dataChanged.emit()             # an edited layer is read again
    preview.changes(evaluated_layer, SET)
    assert len(reads) == 2


def test_a_set_that_is_being_edited_pauses_the_preview(evaluated_layer):
    from landeval.core.errors import ConfigError
    from landeval.ui.tier_preview import TierPreview

    doc = {**SET, "elements": [dict(SET["elements"][0], weight=0.9), SET["elements"][1]]}
    with pytest.raises(ConfigError):
        TierPreview().changes(evaluated_layer, doc)


def test_dock_shows_tier_counts_and_the_preview(evaluated_layer, qgis_iface, landeval_provider):
    from landeval.ui.dock import WeightSetDock
    from landeval.ui.weight_model import ROOT

    dock = WeightSetDock(qgis_iface, qgis_iface.mainWindow())
    dock.model.set_document(SET)
    panel = dock.apply_panel
    assert panel.evaluated_layer() is evaluated_layer   # picked: the project's evaluated layer
    panel.update_preview()                          # what the debounce timer calls after an edit
    assert "<b>C</b> 5 · <b>T</b> 1" in panel.tier_label.text()
    assert "<b>0</b> of 6 parcels" in panel.preview_label.text()
    dock.model.set_level_weights(ROOT, [0.9, 0.1], "test")
    assert panel._preview_timer.isActive()          # every edit schedules a preview
    panel.update_preview()
    assert "<b>4</b> of 6 parcels would change tier" in panel.preview_label.text()
    dock.model.set_level_weights(ROOT, [0.9, 0.2], "test")
    panel.update_preview()
    assert panel.preview_label.text().startswith("Preview paused: elements: the element weights sum to 1.1")
    dock.deleteLater()
