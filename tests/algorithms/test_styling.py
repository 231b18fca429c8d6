"""Styles, aliases, value maps, the saved default style, and the desktop post-processor."""
import shutil
from pathlib import Path

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

from landeval.qgis_io import styling

DATA = Path(__file__).resolve().parents[1] / "data"
CONFIG = str(DATA / "golden_config.yaml")


@pytest.mark.parametrize("style,kind,renderer", [(0, "tier", "categorizedSymbol"), (1, "category", "categorizedSymbol"),
                                                 (2, "ineff_type", "categorizedSymbol"), (3, "level", "categorizedSymbol"),
                                                 (4, "score", "graduatedSymbol")])
def test_applystyle_saves_the_default_style_in_the_geopackage(run, evaluated, style, kind, renderer):
    res = run("applystyle", {"INPUT": evaluated, "STYLE": style})
    assert res["STYLE_SAVED"] == evaluated
    reopened = QgsVectorLayer(evaluated, "again", "ogr")  # a fresh layer: only the file's default style
    assert reopened.renderer().type() == renderer
    assert reopened.renderer().classAttribute() == kind


def test_applystyle_twice_with_the_same_style_does_not_hang(run, evaluated):
    # QGIS 3.22 opens an "overwrite?" dialog when a style name exists; headless that would wait forever.
    run("applystyle", {"INPUT": evaluated, "STYLE": 0})
    run("applystyle", {"INPUT": evaluated, "STYLE": 0})
    layer = QgsVectorLayer(evaluated, "again", "ogr")
    names = layer.listStylesInDatabase()[2]
    assert names.count("LandEval tier") == 1


def test_aliases_and_value_maps(evaluated):
    # The suite runs in English: aliases in English (issue 13: aliases "follow the locale at the time of the
    # run"); the Chinese run is tests/algorithms/test_output_language.py.
    layer = QgsVectorLayer(evaluated, "ev", "ogr")
    alias = {f.name(): layer.attributeAlias(i) for i, f in enumerate(layer.fields())}
    assert alias["area_mu"] == "Area (mu)"  # labels.yaml field_template.area "Area ({unit})", unit.mu "mu"
    assert alias["score"] == "Composite score" and alias["tier"] == "Tier" and alias["category"] == "Category"
    assert alias["s_land"] == "Land use score"  # golden_config.yaml: label {en: Land use}; "{element} score"
    setup = layer.editorWidgetSetup(layer.fields().lookupField("category"))
    assert setup.type() == "ValueMap"
    value_map = {v: k for entry in setup.config()["map"] for k, v in entry.items()}
    # golden_config.yaml: identified {en: Identified inefficient}, eco_exit {en: Exit from the ecological red line}
    assert value_map["identified"] == "Identified inefficient"
    assert value_map["eco_exit"] == "Exit from the ecological red line"
    tiers = {v: k for entry in layer.editorWidgetSetup(layer.fields().lookupField("tier")).config()["map"]
             for k, v in entry.items()}
    assert tiers["T"].startswith("T (")  # labels.yaml tier.T en


def test_shapefile_output_gets_a_qml_beside_it(run, tmp_path):
    out = tmp_path / "ev.shp"
    run("evaluate", {"PARCELS": str(DATA / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号",
                     "ENTERPRISES": str(DATA / "enterprises_utf8.csv"), "WEIGHT_SET": CONFIG, "RULE_SET": CONFIG,
                     "OUTPUT": str(out)})
    assert (tmp_path / "ev.qml").is_file()
    assert QgsVectorLayer(str(out), "ev", "ogr").renderer().type() == "categorizedSymbol"


def test_style_without_its_field_is_a_clear_error(run):
    layer = QgsVectorLayer(str(DATA / "parks.gpkg"), "parks", "ogr")
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="no field 'tier'"):
        run("applystyle", {"INPUT": layer, "STYLE": 0})


def test_english_legend_when_qgis_runs_in_english():
    assert styling.style_path("tier", "en").endswith("en/tier.qml")
    assert styling.style_path("tier", "zh").endswith("styles/tier.qml")


def test_post_processor_styles_names_and_groups(evaluated, monkeypatch):
    project = QgsProject.instance()
    layer = QgsVectorLayer(evaluated, "raw name", "ogr")
    project.addMapLayer(layer)
    try:
        context = QgsProcessingContext()
        context.setProject(project)
        # A run in Chinese: the layer is named in the run's language, not in the one when the desktop loads it.
        processor = styling.LandEvalPostProcessor("key", "category", {"zh": "低效用地评价", "en": "Land evaluation"},
                                                  lang="zh")
        styling._PENDING["key"] = processor
        processor.postProcessLayer(layer, context, QgsProcessingFeedback())
        assert layer.name() == "低效用地评价"
        assert layer.renderer().classAttribute() == "category"
        group = project.layerTreeRoot().findGroup(styling.GROUP_NAME)
        assert group is not None and group.findLayer(layer.id()) is not None
        assert "key" not in styling._PENDING
    finally:
        project.removeAllMapLayers()
        root = project.layerTreeRoot()
        if root.findGroup(styling.GROUP_NAME):
            root.removeChildNode(root.findGroup(styling.GROUP_NAME))


def test_inputs_are_never_styled_in_place(run, tmp_path, data_hashes):
    # computeindicators on a copy: the copy keeps its bytes; the output is a new file.
    copy = tmp_path / "parcels.gpkg"
    shutil.copy(DATA / "parcels_4547.gpkg", copy)
    before = copy.read_bytes()
    run("computeindicators", {"PARCELS": str(copy), "PARCEL_ID": "宗地编号", "OUTPUT": str(tmp_path / "o.gpkg")})
    assert copy.read_bytes() == before


def test_output_the_desktop_loads_is_left_for_the_main_thread_to_open(evaluated):
    # In the toolbox the run happens in a worker thread; a layer opened there and handed to the main thread
    # cannot use its GDAL connection ("unable to open database file", feature count -1). finish_output must
    # leave the file for QGIS to open afresh, with the style saved in it and the post-processor registered.
    from qgis.core import QgsProcessingContext

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.addLayerToLoadOnCompletion(evaluated, QgsProcessingContext.LayerDetails("ev", QgsProject.instance()))
    assert styling.finish_output(evaluated, context, QgsProcessingFeedback(), kind="tier") is None
    assert context.temporaryLayerStore().count() == 0
    assert isinstance(context.layerToLoadOnCompletionDetails(evaluated).postProcessor(),
                      styling.LandEvalPostProcessor)
    styling._PENDING.pop(evaluated, None)
    fresh = QgsVectorLayer(evaluated, "fresh", "ogr")
    assert fresh.featureCount() > 0 and fresh.renderer().classAttribute() == "tier"


def test_output_of_a_model_step_stays_in_the_context(evaluated):
    context = QgsProcessingContext()
    layer = styling.finish_output(evaluated, context, QgsProcessingFeedback(), kind="tier")
    assert layer is not None and layer.renderer().classAttribute() == "tier"
    assert context.temporaryLayerStore().count() == 1


def test_post_processor_restores_the_style_saved_in_the_file(run, evaluated):
    # Processing loads outputs without their default style; an output finished without a style kind (the
    # decision algorithms style their own) must come back with what was saved in the file.
    run("applystyle", {"INPUT": evaluated, "STYLE": 1})
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsVectorLayer(evaluated, "as Processing loads it", "ogr", options)
    assert layer.renderer().type() == "singleSymbol"
    project = QgsProject.instance()
    project.addMapLayer(layer)
    try:
        context = QgsProcessingContext()
        context.setProject(project)
        styling.LandEvalPostProcessor("k2", None, None).postProcessLayer(layer, context, QgsProcessingFeedback())
        assert layer.renderer().classAttribute() == "category"
    finally:
        project.removeAllMapLayers()
        root = project.layerTreeRoot()
        if root.findGroup(styling.GROUP_NAME):
            root.removeChildNode(root.findGroup(styling.GROUP_NAME))
