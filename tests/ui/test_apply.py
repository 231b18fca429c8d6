"""Apply from the dock: landeval:evaluate runs as a background task on the sample county, its command goes to the
Processing history, the styled result is loaded and becomes the evaluated layer; Cancel stops a run."""
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"


@pytest.fixture
def dock_with_sample(qgis_iface, qgis_new_project, landeval_provider):
    from qgis.core import QgsProject, QgsVectorLayer

    from landeval.ui.dock import WeightSetDock

    project = QgsProject.instance()
    project.clear()
    parcels = QgsVectorLayer(f"{SAMPLE / 'sample_county.gpkg'}|layername=parcels", "parcels", "ogr")
    enterprises = QgsVectorLayer(str(SAMPLE / "enterprises.xlsx"), "enterprises", "ogr")
    assert parcels.isValid() and enterprises.isValid()
    project.addMapLayers([parcels, enterprises])
    dock = WeightSetDock(qgis_iface, qgis_iface.mainWindow())
    panel = dock.apply_panel
    panel.parcels_combo.setLayer(parcels)
    panel.enterprises_combo.setLayer(enterprises)
    yield dock, parcels
    dock.deleteLater()


def test_apply_runs_in_the_background_records_history_and_loads_the_styled_result(dock_with_sample, wait_for,
                                                                                  history):
    from qgis.core import QgsProject

    dock, parcels = dock_with_sample
    panel = dock.apply_panel
    assert panel.inputs()["PARCEL_ID"] == "宗地编号"              # recognised from the catalogue's aliases
    assert panel.inputs()["ENTERPRISE_PARCEL_ID"] == "宗地编号"
    done = []
    panel.runner.finished.connect(lambda ok, result, message: done.append((ok, result, message)))
    assert panel.apply()
    assert panel.runner.running and not panel.apply_button.isEnabled() and panel.cancel_button.isEnabled()
    wait_for(lambda: done)
    ok, result, message = done[0]
    assert ok, message
    assert result.algorithm_id == "landeval:evaluate" and list(result.layers) == ["OUTPUT"]
    layer = result.layer
    assert layer.id() in QgsProject.instance().mapLayers() and layer.featureCount() == 2000
    assert {"score", "tier", "plot_ratio", "veto_failed"} <= set(layer.fields().names())
    assert layer.renderer().type() == "categorizedSymbol"          # the algorithm's tier style
    assert panel.evaluated_layer() is layer
    tiers = panel.tier_label.text()
    assert tiers.startswith("Tiers (2000 parcels):") and "<b>A</b>" in tiers
    assert "<b>0</b> of 2000 parcels would change tier" in panel.preview_label.text()
    last = history()[-1]
    assert 'processing.run("landeval:evaluate"' in last and "'WEIGHT_SET':" in last
    assert parcels.featureCount() == 2000 and "score" not in parcels.fields().names()  # input untouched


def test_cancel_stops_the_run(dock_with_sample, wait_for):
    dock, _parcels = dock_with_sample
    panel = dock.apply_panel
    done = []
    panel.runner.finished.connect(lambda ok, result, message: done.append((ok, result, message)))
    assert panel.apply()
    panel.cancel_button.click()
    wait_for(lambda: done)
    ok, result, message = done[0]
    assert (ok, result.layers, message) == (False, {}, "Cancelled")
    assert "Cancelled" in panel.tier_label.text() and panel.apply_button.isEnabled()


def test_apply_refuses_an_invalid_set_with_the_problem(dock_with_sample):
    from landeval.ui.weight_model import WEIGHT

    dock, _parcels = dock_with_sample
    dock.model.setData(dock.model.index_for((0,), WEIGHT), 0.5)
    assert not dock.apply_panel.apply()
    assert "element weights sum to 1.45" in dock.message_bar.currentItem().text()
    assert not dock.apply_panel.runner.running
