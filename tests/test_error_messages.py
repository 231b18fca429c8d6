"""Engine error messages: core raises an English template with its values (core.errors), and the place that shows
the error translates it (translation.message_of, context "LandEvalError"): the Processing error of a run, the
dock. Issue 13: "an error raised in `core/`, which must stay free of QGIS, is translated where it is shown, from
a message id or template it carries"."""
import ast
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _config_error():
    from landeval.core.config import EvalConfig
    from landeval.core.errors import ConfigError

    with pytest.raises(ConfigError) as caught:
        EvalConfig.from_dict({"name": 3, "elements": []}, "w.yaml")
    return caught.value


# ------------------------------------------------------------------------------------------- English as before
def test_a_template_renders_the_english_text_of_before():
    from landeval.core.errors import LandEvalError
    from landeval.core.units import check_unit

    with pytest.raises(LandEvalError) as caught:
        check_unit("acre")
    # core/units.py before templates: f"Unknown area unit {unit!r}: use one of {', '.join(AREA_UNITS)} (亩, 公顷,
    # 平方千米)." with AREA_UNITS = ("mu", "ha", "km2").
    assert str(caught.value) == "Unknown area unit 'acre': use one of mu, ha, km2 (亩, 公顷, 平方千米)."
    assert caught.value.template == "Unknown area unit {unit!r}: use one of {area_units} (亩, 公顷, 平方千米)."
    assert caught.value.values == {"unit": "acre", "area_units": "mu, ha, km2"}


def test_configuration_problems_render_as_before():
    from landeval.core.config import check_tier_breaks

    # core/config.py before: f"{path}: the quantile shares sum to {sum(breaks):g}, not 100".
    assert check_tier_breaks("quantile", [50, 60], path="tier breaks") == [
        "tier breaks: the quantile shares sum to 110, not 100"]
    # core/errors.py before: f"{source}: {len(problems)} problem(s) in the configuration:\n" + "  - " per problem;
    # config.py: "name: must be text", "elements: must be a non-empty list of elements".
    err = _config_error()
    assert str(err) == ("w.yaml: 2 problem(s) in the configuration:\n  - name: must be text\n"
                        "  - elements: must be a non-empty list of elements")
    assert err.problems == ["name: must be text", "elements: must be a non-empty list of elements"]


def test_a_plain_message_keeps_working_braces_and_all():
    from landeval.core.errors import LandEvalError

    err = LandEvalError("Benchmark normalization needs a benchmark (a number or {stat: mean}).")
    assert str(err) == err.template == "Benchmark normalization needs a benchmark (a number or {stat: mean})."
    assert err.values == {}


def test_core_raises_templates_only():
    """Every LandEvalError and Problem of core/ has a literal template (the extractor reads literals only), so no
    message of the engine escapes translation."""
    offenders = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(getattr(node, "func", None), "id", None)
            if isinstance(node, ast.Call) and name in ("LandEvalError", "Problem") and node.args:
                first = node.args[0]
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


# --------------------------------------------------------------------------------------- translated where shown


def test_a_configuration_error_in_chinese(compiled, qgis_locale):
    qgis_locale("zh-Hans")
    assert compiled.install_translator() == "zh_CN"
    # The heading and each problem are translated; the file name and the paths in it stay as written.
    assert compiled.message_of(_config_error()) == ("w.yaml：配置中有 2 个问题：\n  - name：必须是文本\n"
                                                    "  - elements：必须是非空的要素列表")


def test_a_word_put_in_a_message_is_translated_with_it(compiled, qgis_locale):
    import pandas as pd

    from landeval.core.decision.monitoring import compare_rounds
    from landeval.core.errors import LandEvalError

    with pytest.raises(LandEvalError) as caught:
        compare_rounds(pd.DataFrame({"id": ["P01"]}), pd.DataFrame({"pid": ["P01"]}), key="pid")
    # core/decision/monitoring.py before: f"The {which} round has no parcel id field {key!r}; choose the field
    # that holds 宗地编号." with which = "earlier".
    assert str(caught.value) == "The earlier round has no parcel id field 'pid'; choose the field that holds 宗地编号."
    qgis_locale("zh-Hans")
    compiled.install_translator()
    assert compiled.message_of(caught.value) == "上一轮没有宗地编号字段 'pid'；请选择记录宗地编号的字段。"


def test_a_processing_run_reports_the_cell_at_fault_in_chinese(compiled, qgis_locale, landeval_provider, tmp_path):
    from qgis.core import QgsProcessingException

    import processing

    # The engine checks the matrix (core/weighting.py) and names the cell at fault by its criteria.
    params = {"CRITERIA": "land;output", "MATRIX": "12"}
    qgis_locale("en_US")
    compiled.install_translator()
    with pytest.raises(QgsProcessingException) as english:
        processing.run("landeval:ahpweights", params)
    assert str(english.value) == ("AHP matrix is not a valid pairwise comparison matrix:\n"
                                  "  - row 'land', column 'output': 12 is outside Saaty's 1/9–9 scale\n"
                                  "  - row 'output', column 'land': 0.0833333 is outside Saaty's 1/9–9 scale")
    qgis_locale("zh-Hans")
    compiled.install_translator()
    with pytest.raises(QgsProcessingException) as chinese:
        processing.run("landeval:ahpweights", params)
    assert str(chinese.value) == ("层次分析法判断矩阵不是有效的两两比较矩阵：\n"
                                  "  - 第 'land' 行、第 'output' 列：12 超出 Saaty 的 1/9–9 标度\n"
                                  "  - 第 'output' 行、第 'land' 列：0.0833333 超出 Saaty 的 1/9–9 标度")


def _compile_one(i18n, tmp_path, translations):
    """A zh_CN .qm holding only `translations` {English: Chinese} (context LandEvalError)."""
    ts = tmp_path / "landeval_zh_CN.ts"
    i18n.write_ts(ts, "zh_CN", {"LandEvalError": list(translations)},
                  {("LandEvalError", english): chinese for english, chinese in translations.items()})
    subprocess.run([i18n.lrelease(), "-silent", str(ts), "-qm", str(tmp_path / "landeval_zh_CN.qm")], check=True)


def test_a_translation_that_loses_a_placeholder_falls_back_to_english(i18n, tmp_path, monkeypatch, qgis_app):
    from landeval import translation
    from landeval.core.errors import LandEvalError

    _compile_one(i18n, tmp_path, {"Benchmark {benchmark} must be positive.": "基准值必须为正数。",  # {benchmark} lost
                                  "DRAWS {draws} must be at least 1.": "DRAWS {draws} 必须至少为 1。",
                                  "SPREAD {spread:g} must be ≥ 0.": "SPREAD {spread} 必须 ≥ 0，共 {count} 个。"})
    monkeypatch.setattr(translation, "I18N_DIR", str(tmp_path))
    try:
        assert translation.install_translator("zh_CN") == "zh_CN"
        assert translation.message_of(LandEvalError("DRAWS {draws} must be at least 1.", draws=0)) == \
            "DRAWS 0 必须至少为 1。"
        assert translation.message_of(LandEvalError("Benchmark {benchmark} must be positive.", benchmark=-1)) == \
            "Benchmark -1 must be positive."
        # A placeholder the template does not have: English too, not a KeyError.
        assert translation.message_of(LandEvalError("SPREAD {spread:g} must be ≥ 0.", spread=-0.5)) == \
            "SPREAD -0.5 must be ≥ 0."
        assert translation.message_of(ValueError("not ours")) == "not ours"
    finally:
        translation.remove_translator()
