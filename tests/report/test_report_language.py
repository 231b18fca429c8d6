"""Issue 13: "the report keeps an explicit LANGUAGE choice (auto, zh_CN, en, bilingual) because reports are often
sent to people with another locale", and it "renders in each LANGUAGE". The district of conftest.py (48
parcels) and its decision-support outputs, reported through landeval:report in each language: a Chinese report
has no English sentence, an English one no Chinese character (the parcels' own data aside), a bilingual one
both, Chinese first; <html lang> says which."""
import html as html_lib
import re

import pytest

CJK = re.compile(r"[\u4e00-\u9fff]")
# Words a Chinese report keeps on purpose: names of products and formats, field ids and units.
LATIN_KEPT = {"LandEval", "QGIS", "sha256", "p_inefficient", "needs_verification", "t2_weak", "mu", "km",
              "ABCD", "HTML", "PNG", "AHP", "p", "score", "value_score"}
# LANGUAGE of landeval:report: 0 QGIS's language, 1 Chinese, 2 English, 3 bilingual.
AUTO, CHINESE, ENGLISH, BILINGUAL = range(4)


def _report(processing_inputs, tmp_path, language, name):
    import processing

    path = str(tmp_path / f"{name}.html")
    processing.run("landeval:report", {**processing_inputs, "LANGUAGE": language, "OUTPUT": path})
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@pytest.fixture
def inputs(decision_outputs):
    out = decision_outputs
    return {"INPUT": out["paths"], "PRESET": "jiangning", "SCENARIOS": out["scenarios"],
            "TWO_EVALUATIONS": out["two"], "ROUNDS": out["rounds"]}


def _own_texts(page):
    """The report's own words: headings, table heads, notes, navigation, chart captions and the class cells of
    the count tables — not the parcels' data (ids, town names, reasons the layers carry)."""
    parts = re.findall(r"<(h[1-3]|th|nav|title|text)\b[^>]*>(.*?)</\1>", page, re.S)
    parts += [("p", p) for p in re.findall(r'<p class="note"[^>]*>(.*?)</p>', page, re.S)]
    parts += [("td", c) for c in re.findall(r'<table class="classes"[^>]*>.*?</table>', page, re.S)]
    return [html_lib.unescape(re.sub(r"<[^>]+>", " ", text)) for _, text in parts]


def _english_words(text):
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]+", text) if w not in LATIN_KEPT]


def test_chinese_report_has_no_english_sentence(inputs, tmp_path):
    page = _report(inputs, tmp_path, CHINESE, "zh")
    assert '<html lang="zh-CN">' in page
    texts = _own_texts(page)
    # Two English words in a row would be a sentence or a phrase; ids and units stand alone.
    phrases = [t for t in texts if re.search(r"[A-Za-z]{2,}[ ,.;:]+[A-Za-z]{2,}", " ".join(_english_words(t)))]
    assert phrases == [], "\n".join(phrases)
    assert "低效工业用地评价报告" in page and "按分级统计" in page and "Inefficient industrial" not in page


def test_english_report_has_no_chinese_character(inputs, tmp_path):
    page = _report(inputs, tmp_path, ENGLISH, "en")
    assert '<html lang="en">' in page
    assert [t for t in _own_texts(page) if CJK.search(t)] == []
    assert "Inefficient industrial land evaluation report" in page and "By tier" in page


def test_bilingual_report_has_both_chinese_first(inputs, tmp_path):
    page = _report(inputs, tmp_path, BILINGUAL, "both")
    assert '<html lang="zh-CN">' in page
    heading = re.search(r'<h2 id="tier">(.*?)</h2>', page).group(1)
    assert heading == '按分级统计 <span class="en">By tier</span>'  # HEADINGS["tier"], Chinese first


def test_auto_follows_qgis_locale(inputs, tmp_path, qgis_locale):
    qgis_locale("zh_CN")
    assert '<html lang="zh-CN">' in _report(inputs, tmp_path, AUTO, "auto_zh")
    qgis_locale("en_US")
    page = _report(inputs, tmp_path, AUTO, "auto_en")
    assert '<html lang="en">' in page and "By tier" in page


def test_auto_is_the_default(inputs, tmp_path, qgis_locale):
    import processing

    qgis_locale("en_US")
    path = str(tmp_path / "default.html")
    processing.run("landeval:report", {**inputs, "OUTPUT": path})
    with open(path, encoding="utf-8") as fh:
        assert '<html lang="en">' in fh.read()


def test_map_legend_follows_the_report_language(evaluated_layer):
    from landeval.qgis_io.report_map import styled_copy

    # resources/styles/tier.qml labels A "A类（激励发展）", resources/styles/en/tier.qml "A (incentives)".
    english, chinese = styled_copy(evaluated_layer, "tier", "en"), styled_copy(evaluated_layer, "tier", "zh")
    assert english.renderer().categories()[0].label() == "A (incentives)"
    assert chinese.renderer().categories()[0].label() == "A类（激励发展）"


def test_evaluate_writes_its_report_in_the_chosen_language(tmp_path):
    import processing
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data"
    config = str(data / "golden_config.yaml")
    report = tmp_path / "ev.html"
    processing.run("landeval:evaluate", {
        "PARCELS": str(data / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号",
        "ENTERPRISES": str(data / "enterprises_utf8.csv"), "WEIGHT_SET": config, "RULE_SET": config,
        "OUTPUT": str(tmp_path / "ev.gpkg"), "REPORT": str(report), "REPORT_LANGUAGE": CHINESE})
    page = report.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and "低效工业用地评价报告" in page
    assert "Inefficient industrial land evaluation report" not in page
