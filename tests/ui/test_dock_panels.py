"""The dock as a composition of panels, and the rules ui/ shares with core/ instead of repeating them."""
from unittest import mock

import pytest


@pytest.fixture
def dock(qgis_iface, qgis_new_project, landeval_provider):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from landeval.ui.dock import WeightSetDock

    QgsProject.instance().clear()
    made = WeightSetDock(qgis_iface, qgis_iface.mainWindow())
    yield made
    made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def test_the_dock_names_reach_the_panels_that_own_the_widgets(dock):
    assert dock.tree is dock.editor.weights.tree is dock.weights_panel.tree
    assert dock.tabs is dock.editor.tabs and dock.ahp_editor is dock.editor.ahp_editor
    assert dock.preset_combo is dock.file_bar.preset_combo and dock.title is dock.file_bar.title
    assert dock.undo_action is dock.file_bar.undo_action and dock.load == dock.file_bar.load
    # The level chosen in the editor is the one the Weights tab's Normalize button acts on.
    dock._select_level((1,))
    assert dock.current_level() == (1,) and dock.weights_panel.level == (1,)
    assert dock.model.level_label((1,)) in dock.normalize_button.text()


@pytest.mark.parametrize("level, stays", [("Success", False), ("Info", False), ("Warning", True), ("Critical", True)])
def test_a_run_s_news_goes_and_its_problems_stay(dock, level, stays):
    from qgis.core import Qgis

    dock.decision_panel.message.emit("text", getattr(Qgis.MessageLevel, level))
    assert (dock.message_bar.currentItem().duration() == 0) == stays


def test_a_dock_with_unsaved_edits_is_deleted_without_a_word_to_the_project(qgis_iface, qgis_new_project,
                                                                           landeval_provider):
    # The undo stack is cleared while Qt deletes it; were a panel still alive then, it would write that
    # half-deleted set into the project (and PyQt aborts on the error raised in its slot).
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from landeval.ui import weight_file
    from landeval.ui.dock import WeightSetDock
    from landeval.ui.weight_model import ROOT

    QgsProject.instance().clear()
    dock = WeightSetDock(qgis_iface, qgis_iface.mainWindow())
    dock.model.set_level_weights(ROOT, [1.0] + [0.0] * (len(dock.model.elements) - 1), "test")
    stored, _path = weight_file.restore_from_project(QgsProject.instance())
    assert not dock.model.undo_stack.isClean()
    with mock.patch.object(weight_file, "store_in_project") as store:
        dock.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    store.assert_not_called()
    assert weight_file.restore_from_project(QgsProject.instance())[0] == stored


def test_an_algorithm_missing_from_the_registry_is_named_with_what_to_do(landeval_provider):
    from landeval.core.errors import LandEvalError
    from landeval.ui.decision_panel import algorithm_definition

    assert algorithm_definition("landeval:suggestpaths").name() == "suggestpaths"
    with pytest.raises(LandEvalError, match=r"landeval:nosuchstep is not registered.*Enable the LandEval plugin"):
        algorithm_definition("landeval:nosuchstep")


def test_the_plugin_shows_why_the_dock_cannot_open_instead_of_a_traceback(qgis_iface, landeval_provider):
    import landeval

    iface = mock.MagicMock()
    iface.mainWindow.return_value = qgis_iface.mainWindow()
    plugin = landeval.classFactory(iface)
    with mock.patch("landeval.plugin.QgsApplication"):    # the session's provider stays registered
        plugin.initGui()
    with mock.patch("landeval.ui.decision_panel.QgsApplication") as app:
        app.processingRegistry.return_value.algorithmById.return_value = None
        plugin.action.setChecked(True)
    assert plugin.dock is None and not plugin.action.isChecked()
    text = iface.messageBar.return_value.pushMessage.call_args[0][1]
    assert "is not registered" in text
    with mock.patch("landeval.plugin.QgsApplication"):
        plugin.unload()


@pytest.mark.parametrize("group_by", ["zone", ["zone"]])
def test_the_preview_reads_the_group_a_benchmark_condition_compares_within(qgis_new_project, group_by):
    # design.md: `never_d_when` parcels "are graded at worst C"; core.conditions: a benchmark
    # {stat: mean, group_by: f} is the mean "within" f. Parcels as in test_tier_preview (plot_ratio 0…4 and
    # tax_per_area 4…0 scored 0.9 / 0.1 → 0.1, 0.3, 0.5, 0.7, 0.9: D, D, C, B, A; a sixth stays T), with zone
    # a = parcels 1–2 (plot_ratio 0, 1: mean 0.5), zone b = the rest. Parcel 2 has plot_ratio 1 ≥ 0.5, so it is
    # spared D and keeps C: three parcels move, not four. Over all parcels the mean would be 2 and spare none.
    from qgis.core import QgsFeature, QgsProject, QgsVectorLayer

    from landeval.ui.tier_preview import TierPreview

    layer = QgsVectorLayer("Polygon?field=plot_ratio:double&field=tax_per_area:double&field=score:double"
                           "&field=tier:string&field=veto_failed:integer&field=zone:string", "evaluated", "memory")
    rows = [(0, 4, 0.5, "C", 0, "a"), (1, 3, 0.5, "C", 0, "a"), (2, 2, 0.5, "C", 0, "b"),
            (3, 1, 0.5, "C", 0, "b"), (4, 0, 0.5, "C", 0, "b"), (2, 2, 0.5, "T", 0, "b")]
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(row))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    doc = {"name": "two", "normalization": "minmax",
           "elements": [{"id": "land", "weight": 0.9, "indicators": [{"id": "plot_ratio", "weight": 1.0}]},
                        {"id": "money", "weight": 0.1, "indicators": [{"id": "tax_per_area", "weight": 1.0}]}],
           "tiers": {"method": "threshold", "breaks": [0.8, 0.6, 0.4], "veto_cap": "C",
                     "unrated_when": {"field": "new_project", "is": "yes"},
                     "never_d_when": {"field": "plot_ratio", "op": ">=",
                                      "benchmark": {"stat": "mean", "group_by": group_by}}}}
    change = TierPreview().changes(layer, doc)
    assert change.transitions == {("C", "D"): 1, ("C", "B"): 1, ("C", "A"): 1}
