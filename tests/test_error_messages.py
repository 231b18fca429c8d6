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


@pytest.mark.parametrize("package", ["core", "algorithms", "qgis_io"])
def test_raises_templates_only(package):
    """Every LandEvalError and Problem of core/, algorithms/ and qgis_io/ has a literal template (the extractor
    reads literals only), so no message of the engine or of the Processing layer escapes translation."""
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
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


# ------------------------------------------------------------------ algorithms/ and qgis_io/ (brief h13d)


def _run_error(processing, algorithm, params):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        processing.run(algorithm, params)
    return str(caught.value)


@pytest.mark.parametrize("params, english, chinese", [
    # algorithms/ahpweights.py before: f"MATRIX value {position} is {text!r}: write a number such as 3, 0.2 or
    # 1/5." for the 2nd value "x".
    ({"CRITERIA": "land;output", "MATRIX": "3,x"},
     "MATRIX value 2 is 'x': write a number such as 3, 0.2 or 1/5.",
     "MATRIX 第 2 个值为 'x'：请填写数字，如 3、0.2 或 1/5。"),
    # Before: f"MATRIX has {len(cells)} values for {n} criteria ({', '.join(criteria)}): give all {n * n} cells
    # row by row, or the {n * (n - 1) // 2} cells above the diagonal row by row." — 3 criteria: 9 or 3 cells.
    ({"CRITERIA": "land;output;tax", "MATRIX": "3,5"},
     "MATRIX has 2 values for 3 criteria (land, output, tax): give all 9 cells row by row, or the 3 cells above "
     "the diagonal row by row.",
     "MATRIX 有 2 个值，而准则有 3 个（land, output, tax）：请按行给出全部 9 个单元格，"
     "或按行给出对角线以上的 3 个单元格。"),
    # Before: f"CRITERIA names a criterion twice: {';'.join(criteria)}."
    ({"CRITERIA": "land;land", "MATRIX": "3"},
     "CRITERIA names a criterion twice: land;land.",
     "CRITERIA 中有重复的准则：land;land。"),
])
def test_an_algorithm_error_in_english_then_chinese(compiled, qgis_locale, landeval_provider, params, english,
                                                   chinese):
    import processing

    qgis_locale("en_US")
    compiled.install_translator()
    assert _run_error(processing, "landeval:ahpweights", params) == english
    qgis_locale("zh-Hans")
    assert compiled.install_translator() == "zh_CN"
    assert _run_error(processing, "landeval:ahpweights", params) == chinese


def test_a_missing_field_and_its_header_diagnosis_are_translated_together(compiled, qgis_locale):
    from qgis.core import QgsVectorLayer

    from landeval.core.errors import LandEvalError
    from landeval.qgis_io.layer_io import field_indices

    # A sheet whose first row was a title: GDAL names the columns Field1, Field2.
    layer = QgsVectorLayer("None?field=Field1:string&field=Field2:string", "t", "memory")
    with pytest.raises(LandEvalError) as caught:
        field_indices(layer, ["宗地编号"], what="table")
    # qgis_io/layer_io.py before: f"Field {name!r} is not in the {what}. Its fields are: {have}. " "Choose an
    # existing field or rename the column." + _header_diagnosis(...), whose title-row case began with a space.
    assert str(caught.value) == (
        "Field '宗地编号' is not in the table. Its fields are: Field1, Field2. Choose an existing field or rename "
        "the column. The first row of the sheet holds no column headers (e.g. a title row or merged cells above "
        "them): delete the rows above the header row so that row 1 holds 宗地编号, 企业名称, … and save again.")
    qgis_locale("zh-Hans")
    compiled.install_translator()
    assert compiled.message_of(caught.value) == (
        "字段 '宗地编号' 不在 table 中。其字段为：Field1, Field2。请选择已有字段或重命名该列。"
        "工作表第一行不是列标题（例如列标题上方还有标题行或合并单元格）：请删除表头行以上的行，"
        "使第 1 行为 宗地编号、企业名称……，然后重新保存。")
