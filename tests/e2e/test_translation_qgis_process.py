"""qgis_process in a QGIS set to Simplified Chinese (locale/userLocale = zh-Hans, as QGIS's Options dialog writes
it) lists LandEval's algorithms in Chinese; in English, in English. The plugin installs its translator itself
when QGIS loads it (3.22's qgis_process translates none of QGIS's own names)."""


def _names(e2e, tmp_path, locale):
    profile = e2e.localized_profile(tmp_path / locale, locale)
    listing = e2e.run_qgis_process(["list"], profile)
    algorithms = listing["providers"]["landeval"]["algorithms"]
    return {key: (value["name"], value["group"]) for key, value in algorithms.items()}


def test_qgis_process_lists_chinese_names_in_a_chinese_qgis(e2e, tmp_path):
    names = _names(e2e, tmp_path, "zh-Hans")
    assert names["landeval:checkvetoes"] == ("一票否决检查", "评价")
    assert names["landeval:dossier"] == ("宗地档案（一宗一档）", "展示")


def test_qgis_process_lists_english_names_in_an_english_qgis(e2e, tmp_path):
    names = _names(e2e, tmp_path, "en_US")
    assert names["landeval:checkvetoes"] == ("Check vetoes", "Evaluation")
