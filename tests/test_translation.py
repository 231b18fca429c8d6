"""The translation, the QGIS way: English source strings, i18n/landeval_zh_CN.ts complete, compiled with lrelease,
installed for QGIS's own locale setting (zh-Hans as QGIS writes it, zh_CN and zh too)."""
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("code, expected", [
    ("zh-Hans", "zh_CN"), ("zh_Hans", "zh_CN"), ("zh-Hans-CN", "zh_CN"), ("zh_CN", "zh_CN"), ("zh-CN", "zh_CN"),
    ("zh", "zh_CN"), ("zh_SG", "zh_CN"), ("zh-Hant", None), ("zh_TW", None), ("en_US", None), ("en", None),
    ("C", None), ("", None), ("fr_FR", "fr"),
])
def test_qgis_locale_codes_map_to_the_translation(code, expected, qgis_app):
    from landeval.translation import translation_locale

    assert translation_locale(code) == expected


def test_every_string_of_the_code_is_translated_and_nothing_else(i18n):
    assert i18n.problems() == []


def test_strings_are_found_in_the_code(i18n):
    strings = i18n.extract()["LandEval"]
    # An algorithm's DISPLAY and GROUP, and a tr() call of the plugin.
    assert {"Check vetoes", "Decision support", "LandEval weight sets"} <= set(strings)
    assert not [s for s in strings if " / " in s and re.search(r"[\u4e00-\u9fff]", s)], "bilingual source text"


def test_engine_error_templates_are_found_in_context_landevalerror(tmp_path, i18n):
    # core cannot call tr(): its LandEvalError and Problem templates are read where they are raised, in the
    # context message_of translates them in; an f-string is not a template and is not read.
    source = tmp_path / "engine.py"
    source.write_text('raise LandEvalError("Field {field!r} is missing.", field=name)\n'
                      'problems.append(Problem("{path}: must be text", path=path))\n'
                      'raise LandEvalError(f"Field {name} is missing.")\n', encoding="utf-8")
    assert i18n.extract(tmp_path) == {"LandEvalError": ["Field {field!r} is missing.", "{path}: must be text"]}
    strings = i18n.extract()["LandEvalError"]
    assert {"{path}.field: must be a field name",                                     # a Problem (conditions.py)
            "{source}: {count} problem(s) in the configuration:\n{problems}",          # QT_TRANSLATE_NOOP (errors)
            "Unknown area unit {unit!r}: use one of {area_units} (亩, 公顷, 平方千米)."} <= set(strings)


def _glossary_checks(pairs):
    """How many (English, Chinese) pairs hold a glossary term; fails on one whose Chinese lacks its term."""
    glossary = yaml.safe_load((ROOT / "i18n" / "glossary.yaml").read_text(encoding="utf-8"))
    checked = 0
    for source, translation in pairs:
        for english, chinese in glossary.items():
            # "weight sets", "Inefficient-land list": plurals and hyphenated compounds hold the term too.
            term = r"[- ]".join(re.escape(word) for word in english.split())
            if re.search(rf"\b{term}s?\b", source, re.I):
                assert chinese in translation, f"{source!r} → {translation!r} must say {chinese}"
                checked += 1
    return checked


def test_the_translation_follows_the_glossary(i18n):
    entries = i18n.read_ts(ROOT / "i18n" / "landeval_zh_CN.ts")
    assert _glossary_checks((source, text) for (_context, source), text in entries.items()) >= 30


def test_the_label_store_follows_the_glossary():
    from landeval.core import labels

    store = labels._store().values()  # every entry of resources/labels.yaml, {lang: text}
    assert _glossary_checks((entry["en"], entry["zh"]) for entry in store) >= 8


@pytest.mark.parametrize("code", ["zh-Hans", "zh_CN", "zh"])
def test_a_chinese_qgis_shows_chinese_names(compiled, qgis_locale, landeval_provider, code):
    from qgis.core import QgsApplication

    qgis_locale(code)
    assert compiled.install_translator() == "zh_CN"
    algorithm = QgsApplication.processingRegistry().algorithmById("landeval:checkvetoes")
    assert (algorithm.displayName(), algorithm.group()) == ("一票否决检查", "评价")
    assert compiled.tr("LandEval weight sets") == "LandEval 权重方案"


def test_an_english_qgis_shows_the_english_source(compiled, qgis_locale, landeval_provider):
    from qgis.core import QgsApplication

    qgis_locale("zh-Hans")
    compiled.install_translator()
    qgis_locale("en_US")
    assert compiled.install_translator() is None       # and the Chinese one is removed
    algorithm = QgsApplication.processingRegistry().algorithmById("landeval:checkvetoes")
    assert algorithm.displayName() == "Check vetoes"


def test_a_missing_translation_leaves_english_with_a_log_line(compiled, qgis_locale, monkeypatch, tmp_path):
    monkeypatch.setattr(compiled, "I18N_DIR", str(tmp_path / "none"))
    qgis_locale("zh-Hans")
    assert compiled.install_translator() is None
    assert compiled.tr("Check vetoes") == "Check vetoes"


def _label_pairs(node):
    """Every {zh, en} label of a preset, wherever it sits in the YAML."""
    if isinstance(node, dict):
        if isinstance(node.get("zh"), str) and isinstance(node.get("en"), str):
            yield node["en"], node["zh"]
        for value in node.values():
            yield from _label_pairs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _label_pairs(value)


def test_the_presets_labels_follow_the_glossary():
    pairs = [pair for path in sorted((ROOT / "resources" / "presets").glob("*.yaml"))
             for pair in _label_pairs(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert len(pairs) > 50
    assert _glossary_checks(pairs) >= 3
