"""Issue 13: warnings passed up from core/ (cells read as missing, indicators that cannot be scored) are
templates with values, translated where they are shown, so that a Chinese run's log is Chinese and an English
run's log English (the Chinese is i18n/seeds/h13f.yaml's translation of each template)."""
import pytest


class Log:
    """A Processing feedback that keeps the warnings and information lines it is given."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(inner):
                super().__init__()
                inner.warnings, inner.infos = [], []

            def pushWarning(inner, text):  # noqa: N802 - QGIS API name
                inner.warnings.append(text)

            def pushInfo(inner, text):  # noqa: N802 - QGIS API name
                inner.infos.append(text)

        self.feedback = _Feedback()


def _parcels():
    """Three parcels with a plot ratio column holding one cell that is no number, and no other indicator."""
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=parcel_id:string&field=plot_ratio:string", "p", "memory")
    features = []
    for pid, ratio in (("P1", "1.2"), ("P2", "abc"), ("P3", "0.8")):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([pid, ratio])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _score(feedback):
    import processing

    processing.run("landeval:scoreparcels", {"INPUT": _parcels(), "PRESET": "jiangning", "OUTPUT": "TEMPORARY_OUTPUT"},
                   feedback=feedback)
    return feedback.warnings


@pytest.mark.parametrize(("locale", "not_a_number", "no_field"), [
    # core/tables.py: "{field}: {count} cell(s) are not numbers and were read as missing: {shown}. Correct them
    # in the source table."; core/scoring.py: "{where}: field {field!r} is not in the table; the indicator is
    # missing for every parcel."
    ("en_US", "plot_ratio: 1 cell(s) are not numbers and were read as missing: 'abc'. Correct them in the "
              "source table.",
     "is not in the table; the indicator is missing for every parcel."),
    ("zh-Hans", "plot_ratio：1 个单元格不是数值，按缺失处理：'abc'。请在源表中更正。",
     "；所有宗地的该指标均缺失。"),
])
def test_core_warnings_follow_qgis_language(compiled, qgis_locale, landeval_provider, locale, not_a_number,
                                            no_field):
    qgis_locale(locale)
    compiled.install_translator()
    warnings = _score(Log().feedback)
    assert not_a_number in warnings
    assert any(w.endswith(no_field) for w in warnings)
    if locale.startswith("zh"):
        # No warning of this run is left in English: every line holds Chinese.
        assert [w for w in warnings if not any("\u4e00" <= c <= "\u9fff" for c in w)] == []


def test_the_ahp_consistency_line_in_chinese(compiled, qgis_locale, landeval_provider):
    import processing

    qgis_locale("zh_CN")
    compiled.install_translator()
    log = Log().feedback
    # Two criteria, 2:1: a 2×2 reciprocal matrix is always consistent — λmax = n = 2, CI = CR = 0.
    processing.run("landeval:ahpweights", {"CRITERIA": "land;output", "MATRIX": "1,2,1/2,1"}, feedback=log)
    assert "最大特征根 λmax = 2.0000，一致性指标 CI = 0.0000，一致性比率 CR = 0.0000" in log.infos


def test_the_kind_of_layer_is_translated_inside_the_message(compiled, qgis_locale, landeval_provider):
    from landeval.core.errors import LandEvalError
    from landeval.qgis_io.layer_io import field_indices

    with pytest.raises(LandEvalError) as caught:
        field_indices(_parcels(), ["zdbh"], what="parcel layer")
    # qgis_io/layer_io.py: "Field {name!r} is not in the {what}. Its fields are: {have}. …", what = "parcel layer"
    assert str(caught.value).startswith("Field 'zdbh' is not in the parcel layer. Its fields are: ")
    qgis_locale("zh-Hans")
    compiled.install_translator()
    # The kind of layer ("parcel layer" = 宗地图层) is translated with the message, not left in English.
    assert compiled.message_of(caught.value).startswith("字段 'zdbh' 不在 宗地图层 中。")


@pytest.mark.parametrize(("locale", "expected"), [
    # core/tables.py: "{column}: {count} negative value(s) ({shown}) read as missing: {what} cannot be negative.
    # …", where {what} is the indicator's catalogue label (resources/presets/catalogue.yaml plot_ratio: 容积率 /
    # Plot ratio): a Chinese run names it in Chinese, not in English inside a Chinese sentence.
    ("en_US", "read as missing: Plot ratio cannot be negative."),
    ("zh-Hans", "按缺失处理：容积率不能为负。"),
])
def test_the_indicator_a_warning_names_is_in_the_run_language(compiled, qgis_locale, landeval_provider, locale,
                                                               expected):
    import processing
    from qgis.core import QgsFeature, QgsVectorLayer

    qgis_locale(locale)
    compiled.install_translator()
    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=parcel_id:string&field=plot_ratio:double", "p", "memory")
    features = []
    for pid, ratio in (("P1", 1.2), ("P2", -0.5), ("P3", 0.8)):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([pid, ratio])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    log = Log().feedback
    processing.run("landeval:scoreparcels", {"INPUT": layer, "PRESET": "jiangning", "OUTPUT": "TEMPORARY_OUTPUT"},
                   feedback=log)
    assert any(expected in w for w in log.warnings), log.warnings


def test_a_temporary_output_gets_no_scratch_layer_warnings(landeval_provider):
    """QGIS 3.40+ warns "<field>: Aliases are not compatible with scratch layers" (and the same for comments) for
    every field with an alias given to a temporary layer; LandEval's result fields get their aliases after the
    write, so a run to TEMPORARY_OUTPUT logs none of these, and the loaded layer still shows the aliases."""
    import processing

    log = Log().feedback
    result = processing.run("landeval:scoreparcels", {"INPUT": _parcels(), "PRESET": "jiangning",
                                                      "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    assert [w for w in log.warnings if "scratch layers" in w] == []
    # processing.run hands a temporary output back as the layer itself; scoreparcels' score field has its alias
    # (resources/labels.yaml score: en "Composite score") set on that layer after the write.
    assert result["OUTPUT"].fields().field("score").alias() == "Composite score"
