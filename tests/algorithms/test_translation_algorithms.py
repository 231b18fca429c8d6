"""The Processing algorithms speak QGIS's language (issue 13, part A): English source strings, and with the
Chinese translation installed every parameter description, option, output description and help text in Chinese.

The expected Chinese is the half of the hand-written pairs the sources carried before ("Parcels / 宗地",
"Preset / 预设方案", "mu / 亩", "Parameters / 参数" …), so these checks are the old labels, now translated."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(compiled, qgis_locale, landeval_provider):
    qgis_locale("zh-Hans")
    assert compiled.install_translator() == "zh_CN"
    return compiled


def _fresh(algorithm_id):
    """A new instance of the algorithm: its parameters are made (and translated) now, as the toolbox and
    qgis_process make them after the plugin installed its translator."""
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(algorithm_id).create()


def _descriptions(algorithm):
    return {p.name(): p.description() for p in algorithm.parameterDefinitions()}


def test_checkvetoes_in_chinese(chinese):
    algorithm = _fresh("landeval:checkvetoes")
    descriptions = _descriptions(algorithm)
    # Before: "Parcels / 宗地", "Preset / 预设方案", "Veto check / 否决检查", "{what} file (YAML) / 规则方案".
    assert descriptions["INPUT"] == "宗地"
    assert descriptions["PRESET"] == "预设方案"
    assert descriptions["OUTPUT"] == "否决检查"
    assert descriptions["RULE_SET"] == "规则方案文件（YAML）"
    help_text = algorithm.shortHelpString()
    # Before: "<h3>Parameters / 参数</h3>", "<h3>Output / 输出</h3>", "<h3>Method / 方法来源</h3>".
    assert "<h3>参数</h3>" in help_text and "<h3>输出</h3>" in help_text and "<h3>方法来源</h3>" in help_text
    assert "一票否决" in help_text and "Applies the rule set's veto criteria" not in help_text
    assert "Parcels with" not in algorithm.parameterDefinition("INPUT").help()


def test_enum_options_in_chinese(chinese):
    computeindicators = _fresh("landeval:computeindicators")
    # Before: AREA_UNIT_OPTIONS = ["mu / 亩", "ha / 公顷", "km² / 平方千米"].
    assert computeindicators.parameterDefinition("AREA_UNIT").options() == ["亩", "公顷", "平方千米"]
    persistence = _fresh("landeval:persistence")
    # Before: "tier B or worse / B类及以下", "tier D / D类".
    assert persistence.parameterDefinition("CRITERION").options()[1:4] == ["B类及以下", "C类及以下", "D类"]


def _texts(algorithm):
    """(what, text) of every description, help, option and output description of `algorithm`, and each
    paragraph of its help."""
    for p in algorithm.parameterDefinitions():
        yield f"{p.name()} description", p.description()
        if p.help():
            yield f"{p.name()} help", p.help()
        for option in (p.options() if p.type() == "enum" and not p.usesStaticStrings() else []):
            yield f"{p.name()} option", option
    for output in algorithm.outputDefinitions():
        yield f"output {output.name()}", output.description()
    for paragraph in re.findall(r"<p>(.*?)</p>", algorithm.shortHelpString()):
        yield "help paragraph", paragraph


def test_every_algorithm_text_is_translated(chinese, landeval_provider):
    # Issue 13: "with QGIS set to zh_CN … `qgis_process help landeval:evaluate` has no English sentence".
    untranslated = [f"{a.id()}: {what}: {text!r}" for a in landeval_provider.algorithms()
                    for what, text in _texts(_fresh(a.id())) if not CJK.search(text)]
    # Option labels that are names or ids in Chinese too (CRITIC) are the only exceptions.
    assert [u for u in untranslated if "'CRITIC'" not in u] == []


def test_an_english_qgis_shows_english_descriptions(compiled, qgis_locale, landeval_provider):
    # Issue 13: "with en_US, no Chinese character appears in names, parameter descriptions".
    qgis_locale("en_US")
    assert compiled.install_translator() is None
    chinese = [f"{a.id()}: {what}: {text!r}" for a in landeval_provider.algorithms()
               for what, text in _texts(_fresh(a.id())) if "description" in what or "option" in what
               if CJK.search(text)]
    assert chinese == []
    algorithm = _fresh("landeval:checkvetoes")
    assert _descriptions(algorithm)["INPUT"] == "Parcels"
    assert "<h3>Parameters</h3>" in algorithm.shortHelpString()


def test_feedback_messages_in_chinese(chinese, run):
    # Run through processing.run, as the toolbox does: the log shows the translated message.
    from qgis.core import QgsProcessingFeedback

    messages = []

    class Log(QgsProcessingFeedback):
        def pushInfo(self, text):  # noqa: N802 - QGIS API name
            messages.append(text)

    data = Path(__file__).resolve().parents[1] / "data"
    layer = run("computeindicators", {"PARCELS": str(data / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号",
                                      "ENTERPRISES": str(data / "enterprises_utf8.csv"),
                                      "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    run("checkvetoes", {"INPUT": layer, "PRESET": "jiangning", "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=Log())
    # English source: "{failed} of {total} parcel(s) fail at least one veto ({name})."
    assert any(re.fullmatch(r"\d+ 宗地中有 \d+ 宗至少一项否决项不通过（.+）。", m) for m in messages), messages
    assert not any("fail at least one veto" in m for m in messages)


def _round(name, inefficient):
    """A round of two square parcels P1, P2 with their inefficient flags, as a memory layer."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=parcel_id:string&field=inefficient:integer", name, "memory")
    features = []
    for i, flag in enumerate(inefficient):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"P{i + 1}", flag])
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({i * 100} 0,{i * 100 + 50} 0,{i * 100 + 50} 50,"
                                                f"{i * 100} 50,{i * 100} 0))"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_persistence_alias_comes_from_the_label_store(run):
    # Before: field_aliases["flagged_rounds"] = f"近{n_last}轮低效次数" in algorithms/persistence.py; now the
    # label persistence_field.flagged_rounds of resources/labels.yaml, filled with N, in the run's language (the
    # suite runs in English: en "Flagged in the last {n} rounds").
    rounds = [_round("r2023", [1, 0]), _round("r2024", [1, 1])]
    out = run("persistence", {"ROUNDS": rounds, "N": 2, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    assert out.attributeAlias(out.fields().indexOf("flagged_rounds")) == "Flagged in the last 2 rounds"
    assert {f["parcel_id"]: f["persistent"] for f in out.getFeatures()} == {"P1": 1, "P2": 0}


def test_persistence_alias_in_a_chinese_qgis(chinese, run):
    # resources/labels.yaml persistence_field.flagged_rounds: zh "近{n}轮低效次数".
    rounds = [_round("r2023", [1, 0]), _round("r2024", [1, 1])]
    out = run("persistence", {"ROUNDS": rounds, "N": 2, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    assert out.attributeAlias(out.fields().indexOf("flagged_rounds")) == "近2轮低效次数"
