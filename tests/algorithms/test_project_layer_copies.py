"""A run reads its own copy of every layer of the open project, made in prepareAlgorithm (the main thread), so a
task thread never touches a layer the canvas and the legend are drawing (QGIS 3.44 crashed on that)."""
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def prepared(landeval_provider, qgis_new_project, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

    # A copy: the tests edit the layer (and QGIS marks a GeoPackage it opened for writing).
    shutil.copy(DATA / "parcels_4547.gpkg", tmp_path / "parcels.gpkg")
    layer = QgsVectorLayer(str(tmp_path / "parcels.gpkg"), "parcels", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())

    def prepare(value):
        alg = QgsApplication.processingRegistry().createAlgorithmById("landeval:exportlist")
        parameters = {"INPUT": value, "OUTPUT": "unused.xlsx"}
        assert alg.prepareAlgorithm(parameters, context, QgsProcessingFeedback())
        return alg, parameters

    yield layer, context, prepare, tmp_path / "parcels.gpkg"
    QgsProject.instance().removeAllMapLayers()


def test_a_project_layer_is_read_through_a_copy_with_the_same_data(prepared):
    layer, context, prepare, _ = prepared
    alg, parameters = prepare(layer.id())
    copy = alg.parameterAsVectorLayer(parameters, "INPUT", context)
    assert copy is not layer and copy.id() != layer.id()
    assert copy.source() == layer.source() and copy.featureCount() == layer.featureCount() == 6
    source = alg.parameterAsSource(parameters, "INPUT", context)
    assert sorted(f["宗地编号"] for f in source.getFeatures()) == ["P01", "P02", "P03", "P04", "P05", "P06"]


def test_unsaved_edits_are_in_the_copy_and_stay_unsaved_in_the_project(prepared):
    layer, context, prepare, _ = prepared
    assert layer.startEditing()
    first = next(layer.getFeatures())
    assert layer.deleteFeature(first.id())
    alg, parameters = prepare(layer.id())
    copy = alg.parameterAsVectorLayer(parameters, "INPUT", context)
    assert copy.featureCount() == 5                       # what the user sees, edits included
    assert layer.isModified() and layer.featureCount() == 5
    layer.rollBack()
    assert layer.featureCount() == 6


def test_a_selection_is_kept(prepared):
    from qgis.core import QgsProcessingFeatureSourceDefinition

    layer, context, prepare, _ = prepared
    ids = [f.id() for f in layer.getFeatures()][:2]
    layer.selectByIds(ids)
    alg, parameters = prepare(QgsProcessingFeatureSourceDefinition(layer.id(), True))
    source = alg.parameterAsSource(parameters, "INPUT", context)
    assert sorted(f.id() for f in source.getFeatures()) == sorted(ids)


def test_a_path_of_no_project_layer_is_opened_by_the_run_itself(prepared):
    _, context, prepare, _ = prepared
    alg, parameters = prepare(str(DATA / "parks.gpkg"))
    assert alg._own_layers == {} and alg._own_sources == {}
    assert alg.parameterAsVectorLayer(parameters, "INPUT", context).isValid()


def test_a_path_of_a_project_layer_is_read_through_a_copy_too(prepared):
    # Processing resolves a path to the project layer with that source: that layer is copied as well.
    layer, context, prepare, path = prepared
    alg, parameters = prepare(str(path))
    assert alg.parameterAsVectorLayer(parameters, "INPUT", context) is not layer
