"""`qgis_process help` in a QGIS set to Simplified Chinese shows LandEval's parameter descriptions and help in
Chinese (issue 13: "with QGIS set to zh_CN … `qgis_process help landeval:evaluate` has no English sentence"),
and in English in an English QGIS."""


def _help(e2e, tmp_path, locale, algorithm="landeval:checkvetoes"):
    """(the --json help, the plain-text help) of `algorithm`: 3.22's JSON leaves out the help text itself."""
    profile = e2e.localized_profile(tmp_path / locale, locale)
    plain = e2e.call_qgis_process(["help", algorithm], profile, json_output=False)
    return e2e.run_qgis_process(["help", algorithm], profile), plain.stdout


def _descriptions(found):
    return {name: value["description"] for name, value in found["parameters"].items()}


def test_qgis_process_help_is_chinese_in_a_chinese_qgis(e2e, tmp_path):
    found, text = _help(e2e, tmp_path, "zh-Hans")
    descriptions = _descriptions(found)
    # The descriptions were the hand-written pairs "Parcels / 宗地", "Preset / 预设方案", "Veto check / 否决检查".
    assert descriptions["INPUT"] == "宗地"
    assert descriptions["PRESET"] == "预设方案"
    assert descriptions["OUTPUT"] == "否决检查"
    assert "否决项" in found["parameters"]["INPUT"]["help"]      # "Parcels with the veto fields …"
    # The help: its headings were "Parameters / 参数", "Output / 输出"; its text says 一票否决 in Chinese.
    assert "<h3>参数</h3>" in text and "<h3>输出</h3>" in text and "Parameters" not in text
    assert "任一项不通过" in text and "Applies the rule set's veto criteria" not in text


def test_qgis_process_help_is_english_in_an_english_qgis(e2e, tmp_path):
    found, text = _help(e2e, tmp_path, "en_US")
    assert _descriptions(found)["INPUT"] == "Parcels"
    assert "<h3>Parameters</h3>" in text and "Applies the rule set's veto criteria" in text
