"""The label store (resources/labels.yaml) and its one reader, core/labels.py (issue 19)."""
import ast
import re
from pathlib import Path

import pytest
import yaml

from landeval.core import labels
from landeval.core.errors import LandEvalError

ROOT = Path(labels.__file__).resolve().parents[1]


def test_every_label_has_an_english_and_a_chinese_text():
    store = labels.load_store()
    assert len(store) >= 160  # a floor: a truncated or mis-indented file loses entries
    for key, text in store.items():
        assert set(text) == {"en", "zh"}, key
        assert text["en"].strip() and text["zh"].strip(), key
    assert labels.LANGUAGES == ("zh", "en")


def test_no_id_is_written_twice(tmp_path):
    # Plain YAML keeps the second of two equal keys silently; the store's loader refuses them.
    raw = (ROOT / "resources" / "labels.yaml").read_text(encoding="utf-8")
    keys = list(labels.load_store())
    assert len(keys) == len(set(keys))
    written = re.findall(r"^ +[^#\s][^:]*: \{en: ", raw, re.M)
    assert len(keys) == len(written)  # one flattened key per written entry: nothing was overwritten
    twice = tmp_path / "labels.yaml"
    twice.write_text("tier:\n  A: {en: A, zh: 甲}\n  A: {en: B, zh: 乙}\n", encoding="utf-8")
    with pytest.raises(LandEvalError, match=r"'A' is written twice \(line 3\)"):
        labels.load_store(twice)


@pytest.mark.parametrize("text, message", [
    ("tier:\n  A: {en: A}\n", r"'tier.A' needs exactly zh and en \(missing: zh; unknown: none\)"),
    ("tier:\n  A: {en: A, zh: 甲, fr: A}\n", r"\(missing: none; unknown: fr\)"),
    ("yes_no:\n  yes: {en: Yes, zh: 是}\n", r"'yes_no.True' is not text; write it in quotes"),
    ("tier: A\n", r"'tier' is neither a group nor an \{en, zh\} entry"),
])
def test_a_broken_store_names_the_entry(tmp_path, text, message):
    path = tmp_path / "labels.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LandEvalError, match=message):
        labels.load_store(path)


def test_a_missing_key_group_or_language_is_named():
    with pytest.raises(LandEvalError, match=r"No label 'tier.Z' in labels.yaml: add it there"):
        labels.label("tier.Z", "zh")
    with pytest.raises(LandEvalError, match=r"No label group 'no_such_group'"):
        labels.labels("no_such_group", "en")
    with pytest.raises(LandEvalError, match=r"Unknown label language 'fr': use one of zh, en"):
        labels.label("tier.A", "fr")


def test_readers_return_todays_strings():
    # Written by hand from the dictionaries the store replaced (core/labels.py, core/contracts.py,
    # core/decision/*.py before issue 19): the outputs and golden files depend on them byte for byte.
    assert labels.label("tier.A", "zh") == "A类（激励发展）"
    assert labels.label("tier.D", "en") == "D (recover or reduce)"
    assert labels.label("field.score", "zh") == "综合得分"
    assert labels.label("field.robust_reason", "en") == "Why the score does not matter"
    assert labels.label("unit.km2", "en") == "km²"
    assert labels.label("contract.stage.completion", "zh") == "竣工(投入评估)"
    assert labels.label("zones.t2.t2_score", "zh") == "表2综合指数(全域=1)"
    assert labels.label("report.matrix.empty", "zh") == "(空)"
    assert labels.labels("monitoring.change", "zh") == {
        "improved": "改善", "worsened": "恶化", "unchanged": "不变", "appeared": "新增", "disappeared": "消失"}
    assert labels.labels("level", "en") == {
        "base": "Industrial base", "community": "Industrial community", "block": "Industrial block"}
    assert labels.entries("potential.field") == {
        "land_stage": {"zh": "供地建设阶段", "en": "Life-cycle stage"},
        "potential": {"zh": "潜力类型", "en": "Potential class"}}
    assert labels.pairs("yes_no") == {"yes": ("是", "Yes"), "no": ("否", "No")}


def test_the_modules_read_the_store():
    from landeval.core import contracts, units
    from landeval.core.decision import monitoring, scenarios

    assert contracts.SHORTFALL_LABELS["tax"] == {"zh": "亩均税收未达约定", "en": "Tax per mu below contract"}
    assert monitoring.PERSISTENCE_LABELS["history"]["en"] == "Flag history (oldest → latest)"
    assert units.unit_label("mu", "zh") == "亩" and units.unit_label("ha", "fr") == "ha"  # other languages: English
    assert scenarios.field_labels(("clustering",)) == {
        "dest_clustering": {"zh": "迁入地（小集聚）", "en": "Destination (Small clustering)"},
        "dist_clustering": {"zh": "迁移距离m（小集聚）", "en": "Distance m (Small clustering)"},
        "cost_clustering": {"zh": "迁移成本万元（小集聚）", "en": "Cost 10k CNY (Small clustering)"}}
    assert labels.value_labels("review", "zh") == {1: "是", 0: "否"}
    assert labels.value_labels("ineff_type", "en")[""] == "None"
    assert labels.field_alias("area_km2", "en") == "Area (km²)"
    assert labels.field_alias("s_economy", "zh") == "经济效益得分"


def test_domain_terms_keep_the_sources_wording():
    # Jiangning paper (sources/jiangning-inefficient-land-index-paper.zh.txt, l.235): 过“一票否决”机制的工业用地
    assert labels.label("robust_reason.veto", "zh") == "一票否决"
    # Same paper, the map legend (l.569-572): 正在推进 / 生态清退 / 地方上报 / 低效认定
    assert labels.label("robust_reason.in_progress", "zh") == "正在推进"
    assert labels.label("robust_reason.eco_exit", "zh") == "生态清退"
    assert labels.label("robust_reason.reported", "zh") == "地方上报"
    # SPEC.md l.19: "亩均税收 万元/亩"
    assert labels.label("contract.shortfall.tax", "zh").startswith("亩均税收")
    # SPEC.md l.96: "approved but unsupplied (批而未供), supplied but undeveloped (供而未用)"
    assert labels.label("potential.class.approved_unsupplied", "zh") == "批而未供"
    assert labels.label("potential.class.supplied_undeveloped", "zh") == "供而未用"
    # County paper (sources/county-industrial-land-performance-paper.en.txt, l.167):
    # (1) “Large concentration” model … (2) “Small clustering” model
    assert labels.label("scenarios.pattern.concentration", "en") == "Large concentration"
    assert labels.label("scenarios.pattern.clustering", "en") == "Small clustering"


def _label_dict_literals(path):
    """(line, text) of every dict literal in `path` with a "zh" key holding text: a label written in code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        for key, value in zip(node.keys, node.values):
            if (isinstance(key, ast.Constant) and key.value == "zh"
                    and isinstance(value, (ast.Constant, ast.JoinedStr, ast.Name))):
                found.append(node.lineno)
    return found


def test_no_label_dictionary_is_left_in_the_plugin():
    # Issue 13: the labels "spread over … {"zh", "en"} dictionaries in a dozen modules … become one store";
    # algorithms/ and qgis_io/ read theirs from resources/labels.yaml too.
    offenders = {}
    for folder in ("core", "ui", "algorithms", "qgis_io"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            lines = _label_dict_literals(path)
            if lines:
                offenders[str(path.relative_to(ROOT))] = lines
    assert offenders == {}


def test_the_label_check_finds_a_label_dictionary(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('A = {"zh": "是", "en": "Yes"}\nB = {"zh": [1, 2]}\nC = {"zh": f"{A}类"}\n', encoding="utf-8")
    assert _label_dict_literals(sample) == [1, 3]


def test_the_store_is_valid_yaml_for_other_readers():
    # The translation tools (issue 13) read the file with a plain YAML loader: every id must be text there too.
    data = yaml.safe_load((ROOT / "resources" / "labels.yaml").read_text(encoding="utf-8"))

    def keys(node):
        for name, child in node.items():
            yield name
            if isinstance(child, dict) and not all(isinstance(v, str) for v in child.values()):
                yield from keys(child)
    assert all(isinstance(k, str) for k in keys(data))


def test_no_english_label_carries_a_chinese_character():
    # Issue 13, part G: English outputs carried Chinese units ("Tax gap (万元/mu)"); every English text of the
    # store is now Chinese-free (万元 reads "10k yuan").
    import re

    from landeval.core.labels import load_store

    chinese = {key: text["en"] for key, text in load_store().items() if re.search(r"[\u4e00-\u9fff]", text["en"])}
    assert chinese == {}


# --- issue 13, part G: the report's fixed texts live in the store ---------------------------------------------
REPORT_MODULES = sorted((ROOT / "core").glob("report_*.py"))
STORE_READERS = ("say", "say_html", "pair")  # core.report_html: a fixed text by its id in the store


def _docstring_nodes(tree):
    """The docstring constants of a module, its classes and functions (notes for developers, not report text)."""
    nodes = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                nodes.add(id(first.value))
    return nodes


def test_report_modules_write_no_chinese_text_of_their_own():
    # The issue: labels spread over modules "become one store that both the translation files and the report
    # read" — a Chinese literal in core/report_*.py would be a text the store does not hold.
    assert len(REPORT_MODULES) == 4
    found = []
    for path in REPORT_MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstring_nodes(tree)
        found += [f"{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                  and re.search(r"[\u4e00-\u9fff]", node.value)]
    assert found == [], "\n".join(found)


def test_report_texts_are_read_by_literal_ids_present_in_the_store():
    store = labels.load_store()
    bad, seen = [], 0
    for path in REPORT_MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # say() and say_html() pass their own `key` on to pair(): the readers themselves are not callers.
        inside = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name in STORE_READERS
                  for n in ast.walk(f)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in STORE_READERS
                    and id(node) not in inside):
                continue
            seen += 1
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value in store):
                bad.append(f"{path.name}:{node.lineno}: {node.func.id}({ast.unparse(first) if first else ''})")
    assert seen > 150  # a floor: the report reads its headings, notes and table heads this way
    assert bad == [], "\n".join(bad)


def test_report_texts_in_each_language():
    from landeval.core import report_html

    # resources/labels.yaml report.say.weight_set: {en: "Weight set", zh: "权重方案"}.
    assert report_html.pair("report.say.weight_set") == ("权重方案", "Weight set")
    for lang, text in (("zh", "共 12 宗"), ("en", "12 parcels, ordered by category and score."),
                       ("bilingual", "共 12 宗 12 parcels, ordered by category and score.")):
        with report_html.language(lang):
            assert report_html.say("report.say.inefficient_listed", listed=12) == text
    with report_html.language("bilingual"):
        assert report_html.say_html("report.say.weight_set") == '权重方案 <span class="en">Weight set</span>'
