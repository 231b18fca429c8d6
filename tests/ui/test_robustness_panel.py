"""The dock's Robustness action on the hand-made district of tests/data evaluated with its golden weight set
(tests/data/expected/golden_evaluate.csv): it runs landeval:robustness in the background through the dock's
one runner, goes to the Processing history, loads the output styled by robust_class and shows the three
counts.

Evaluated without the red line (as tests/algorithms/test_robustness.py), worked by hand from the golden file
(threshold 0.15): P01 scores 1.0 (robustly retained); P02 fails a veto, P04 is 地方上报, P05 is 正在推进 and P06
scores 0 (robustly inefficient: 4); P03 scores 0.1583, 0.0083 above the threshold with land 0.25 and economy
0.097, so a little less weight on land puts it below (contested: 1).
"""
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
CONFIG = str(DATA / "golden_config.yaml")


@pytest.fixture(scope="module")
def evaluated_path(tmp_path_factory, landeval_provider):
    import processing

    out = str(tmp_path_factory.mktemp("robust") / "evaluated.gpkg")
    processing.run("landeval:evaluate", {
        "PARCELS": str(DATA / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号",
        "ENTERPRISES": str(DATA / "enterprises_utf8.csv"), "DEV_BOUNDARY": str(DATA / "dev_boundary.gpkg"), "POIS": str(DATA / "pois_4490.gpkg"), "POI_RADIUS": 200,
        "WEIGHT_SET": CONFIG, "RULE_SET": CONFIG, "OUTPUT": out})
    return out


@pytest.fixture
def dock(qgis_iface, qgis_new_project, landeval_provider, evaluated_path):
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from landeval.ui.dock import WeightSetDock

    project = QgsProject.instance()
    project.clear()
    evaluated = QgsVectorLayer(evaluated_path, "evaluated", "ogr")
    assert evaluated.isValid() and evaluated.featureCount() == 6
    project.addMapLayer(evaluated)
    dock = WeightSetDock(qgis_iface, qgis_iface.mainWindow())
    dock.load(CONFIG)
    dock.apply_panel.evaluated_combo.setLayer(evaluated)
    yield dock
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def test_robustness_action_runs_in_the_background_and_shows_the_counts(dock, wait_for, history):
    from landeval.core import labels

    panel = dock.robustness_panel
    assert panel.run_button.isEnabled()
    panel.draws.setValue(300)
    done = []
    dock.runner.finished.connect(lambda ok, result, message: done.append((ok, result, message)))
    assert panel.run()
    assert not panel.run_button.isEnabled() and not dock.apply_panel.apply_button.isEnabled()
    wait_for(lambda: done)
    ok, result, message = done[-1]
    assert ok, message
    names = labels.value_labels("robust_class", dock.model.language)
    assert panel.summary.text() == (f"{names['robust_inefficient']} 4 · {names['contested']} 1 · "
                                    f"{names['robust_retained']} 1")
    layer = result.layer
    assert layer is not None and layer.featureCount() == 6
    assert layer.renderer().type() == "categorizedSymbol" and layer.renderer().classAttribute() == "robust_class"
    got = {f["宗地编号"]: f for f in layer.getFeatures()}
    assert got["P03"]["robust_class"] == "contested" and got["P04"]["robust_reason"] == "reported"
    assert "landeval:robustness" in history()[-1]
    assert panel.run_button.isEnabled()


def test_without_an_evaluated_layer_the_action_says_what_to_do(dock):
    messages = []
    dock.robustness_panel.message.connect(lambda text, level: messages.append(text))
    dock.apply_panel.evaluated_combo.setLayer(None)
    assert not dock.robustness_panel.run_button.isEnabled()
    assert not dock.robustness_panel.run()
    assert "evaluated layer" in messages[-1]
