"""The QML styles: valid for this QGIS, in the palette's colours, labelled like the attribute table, and
distinguishable in greyscale and for colour-blind viewers; a GeoPackage output opens styled."""
import importlib.util
import shutil
from pathlib import Path

import pytest
from qgis.core import Qgis

ROOT = Path(__file__).resolve().parents[2]
STYLES = ROOT / "resources" / "styles"
KINDS = ("tier", "category", "ineff_type", "level", "score", "robust_class")


def _load_make_styles():
    spec = importlib.util.spec_from_file_location("make_styles", ROOT / "scripts" / "make_styles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_styles = _load_make_styles()
PALETTE = make_styles.load_palette()


def test_palette_is_greyscale_and_colour_blind_safe():
    assert make_styles.palette_problems(PALETTE) == []


def test_the_checks_catch_a_light_green_orange_pair():
    bad = {"styles": {"x": {"classes": [{"value": "a", "color": "#a6d96a", "zh": "a"},
                                        {"value": "b", "color": "#fdae61", "zh": "b"}]}}}  # RdYlGn
    problems = make_styles.palette_problems(bad)
    assert any("L*" in p for p in problems) and any("deuteranopia" in p for p in problems)


def test_lightness_of_known_colours():
    assert make_styles.lightness("#ffffff") == pytest.approx(100, abs=0.01)
    assert make_styles.lightness("#000000") == pytest.approx(0, abs=0.01)
    assert make_styles.lightness("#777777") == pytest.approx(50.0, abs=0.5)


def _layer(kind):
    from qgis.core import QgsVectorLayer

    ftype = "double" if kind == "score" else "string"
    return QgsVectorLayer(f"Polygon?crs=EPSG:4547&field={kind}:{ftype}", kind, "memory")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_qml_loads_with_palette_colours_and_labels(qgis_app, kind, lang):
    from landeval.core import labels

    layer = _layer(kind)
    path = STYLES / (f"en/{kind}.qml" if lang == "en" else f"{kind}.qml")
    message, ok = layer.loadNamedStyle(str(path))
    assert ok, message
    renderer = layer.renderer()
    classes = PALETTE["styles"][kind]["classes"]
    if kind == "score":
        assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "score"
        ranges = renderer.ranges()
        assert [(r.lowerValue(), r.upperValue()) for r in ranges] == [(c["lower"], c["upper"]) for c in classes]
        assert [r.symbol().color().name() for r in ranges] == [c["color"] for c in classes]
        assert ranges[3].lowerValue() == 0.6  # the Jiangning threshold is a class edge
        return
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == kind
    cats = renderer.categories()
    assert [str(c.value()) for c in cats] == [c["value"] for c in classes]
    assert [c.symbol().color().name() for c in cats] == [c["color"] for c in classes]
    assert [c.label() for c in cats] == [c[lang] for c in classes]
    # legend labels are the attribute table's value labels (core.labels / the presets)
    assert {str(c.value()): c.label() for c in cats} == {k: v for k, v in labels.value_labels(kind, lang).items()
                                                        if k in [c["value"] for c in classes]}


def test_unrated_tier_is_hatched_and_empty_type_catches_the_rest(qgis_app):
    from qgis.core import QgsFeature, QgsGeometry, QgsRenderContext

    tier = _layer("tier")
    tier.loadNamedStyle(str(STYLES / "tier.qml"))
    categories = tier.renderer().categories()  # keep the copies alive while their symbols are used
    t_symbol = [c for c in categories if c.value() == "T"][0].symbol()
    assert [layer.layerType() for layer in t_symbol.symbolLayers()] == ["SimpleFill", "LinePatternFill"]

    types = _layer("ineff_type")
    types.loadNamedStyle(str(STYLES / "ineff_type.qml"))
    renderer, context = types.renderer(), QgsRenderContext()
    renderer.startRender(context, types.fields())
    colours = {}
    for value in ("green", "", None, "unknown"):
        feat = QgsFeature(types.fields())
        feat.setAttribute(0, value)
        feat.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,1 0,1 1,0 0))"))
        colours[value] = renderer.symbolForFeature(feat, context).color().name()
    renderer.stopRender(context)
    assert colours["green"] == "#44aa99"
    assert colours[""] == colours[None] == colours["unknown"] == "#f0f0f0"


def _xml_tree(path):
    """An XML file as nested tuples with sorted attributes (Qt writes them in hash order), minus the version."""
    import xml.etree.ElementTree as ET

    def walk(node):
        attrs = tuple(sorted((k, v) for k, v in node.attrib.items() if not (node.tag == "qgis" and k == "version")))
        return node.tag, attrs, (node.text or "").strip(), tuple(walk(child) for child in node)

    return walk(ET.parse(path).getroot())


@pytest.mark.skipif(Qgis.QGIS_VERSION_INT // 100 != 322,
                    reason="the committed QML is written by QGIS 3.22; other versions write other but equivalent XML "
                           "(test_qml_loads_with_palette_colours_and_labels checks them on every version)")
def test_regenerating_the_styles_gives_the_committed_files(qgis_app, tmp_path):
    make_styles.write_styles(PALETTE, str(tmp_path))
    for kind in KINDS:
        for rel in (f"{kind}.qml", f"en/{kind}.qml"):
            assert _xml_tree(tmp_path / rel) == _xml_tree(STYLES / rel), rel


def test_geopackage_output_opens_styled_in_a_fresh_project(evaluated_layer, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    from landeval.qgis_io.styling import apply_style, save_default_style

    apply_style(evaluated_layer, "tier")
    path = Path(evaluated_layer.source().split("|")[0])
    assert save_default_style(evaluated_layer, "tier") == str(path)
    copy = tmp_path / "copied.gpkg"
    shutil.copy(path, copy)  # the style travels inside the file
    project = QgsProject()
    layer = QgsVectorLayer(f"{copy}|layername=evaluated", "opened", "ogr")
    project.addMapLayer(layer)
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "tier"
    categories = renderer.categories()
    assert {c.value(): c.symbol().color().name() for c in categories} == \
        {c["value"]: c["color"] for c in PALETTE["styles"]["tier"]["classes"]}
