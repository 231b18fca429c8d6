"""Issue 13: "Data that a user sees and keeps — field aliases, value maps, legend labels — follow the locale at
the time of the run." The same evaluation run with QGIS in Chinese and in English; the decision algorithms'
LANGUAGE keeps 0 = Chinese and 1 = English and resolves 2 (the default) to QGIS's language."""
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

DATA = Path(__file__).resolve().parents[1] / "data"


def _evaluate(run, out):
    config = str(DATA / "golden_config.yaml")
    run("evaluate", {"PARCELS": str(DATA / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号",
                     "ENTERPRISES": str(DATA / "enterprises_utf8.csv"), "WEIGHT_SET": config, "RULE_SET": config,
                     "PARKS": str(DATA / "parks.gpkg"), "OUTPUT": str(out)})
    return QgsVectorLayer(str(out), "ev", "ogr")  # opened afresh: what the file carries


def _alias(layer, field):
    return layer.attributeAlias(layer.fields().lookupField(field))


def _value_map(layer, field):
    entries = layer.editorWidgetSetup(layer.fields().lookupField(field)).config()["map"]
    return {code: text for entry in entries for text, code in entry.items()}


def _legend(layer):
    return [category.label() for category in layer.renderer().categories()]


@pytest.mark.parametrize("code", ["zh_CN", "zh-Hans", "zh_TW"])
def test_output_language_of_a_locale(compiled, code):
    # The brief: "zh, zh_CN, zh-Hans, zh_TW… → "zh", else "en"".
    assert compiled.output_language(code) == "zh"


@pytest.mark.parametrize("code", ["en_US", "en", "de_DE", "", "C"])
def test_output_language_of_other_locales(compiled, code):
    assert compiled.output_language(code) == "en"


def test_evaluate_in_chinese_writes_chinese_aliases_value_maps_and_legend(run, qgis_locale, tmp_path):
    qgis_locale("zh_CN")
    layer = _evaluate(run, tmp_path / "zh.gpkg")
    # resources/labels.yaml: field.tier zh "分级", field_template.area "面积({unit})", unit.mu zh "亩".
    assert _alias(layer, "tier") == "分级" and _alias(layer, "area_mu") == "面积(亩)"
    assert _alias(layer, "s_land") == "土地利用得分"  # golden_config.yaml label zh 土地利用
    assert _value_map(layer, "category")["retained"] == "现状保留"  # golden_config.yaml categories
    # resources/styles/tier.qml (the Chinese legend): A类（激励发展） …
    assert "A类（激励发展）" in _legend(layer)
    assert _alias(layer, "tax_per_area") == "地均税收(万元/亩)"  # the Chinese unit unchanged


def test_evaluate_in_english_writes_english_aliases_value_maps_and_legend(run, qgis_locale, tmp_path):
    qgis_locale("en_US")
    layer = _evaluate(run, tmp_path / "en.gpkg")
    assert _alias(layer, "tier") == "Tier" and _alias(layer, "area_mu") == "Area (mu)"
    assert _value_map(layer, "category")["retained"] == "Retained"
    assert "A (incentives)" in _legend(layer)  # resources/styles/en/tier.qml
    assert not any("\u4e00" <= ch <= "\u9fff" for label in _legend(layer) for ch in label)
    # Part G, step 2: no Chinese unit left in an English alias ("Tax per area (万元/mu)" before); 万元 is
    # ten thousand yuan, 亩 the mu.
    names = layer.fields().names()
    assert not [(n, _alias(layer, n)) for n in names if any("\u4e00" <= ch <= "\u9fff" for ch in _alias(layer, n))]
    assert _alias(layer, "tax_per_area") == "Tax per area (10k yuan/mu)"


def _paths_table(run, qgs_layer, tmp_path, language, name):
    params = {"INPUT": qgs_layer, "OUTPUT": str(tmp_path / f"{name}.gpkg")}
    if language is not None:
        params["LANGUAGE"] = language
    return QgsVectorLayer(run("suggestpaths", params)["OUTPUT"], name, "ogr")


def test_language_indices_keep_their_meaning_and_2_follows_qgis(run, qgis_locale, tmp_path, evaluated):
    qgis_locale("zh_CN")
    chinese = _paths_table(run, evaluated, tmp_path, 0, "l0")
    english = _paths_table(run, evaluated, tmp_path, 1, "l1")
    default = _paths_table(run, evaluated, tmp_path, None, "auto_zh")
    # labels.yaml / core.decision.paths FIELD_LABELS: path is 再开发路径 in Chinese.
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in _alias(english, "path"))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in _alias(chinese, "path"))
    assert _alias(default, "path") == _alias(chinese, "path")  # 2 (default) with QGIS in Chinese
    qgis_locale("en_US")
    assert _alias(_paths_table(run, evaluated, tmp_path, None, "auto_en"), "path") == _alias(english, "path")
