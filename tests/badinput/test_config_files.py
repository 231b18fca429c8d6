"""Weight-set and rule-set files a technician gets wrong: broken YAML, YAML that tries to run code, weights
that do not add up, negative weights, indicators nobody defined. Engine level (core.config): the algorithms
that take WEIGHT_SET / RULE_SET reach the same loader, and their own tests are in test_algorithm_inputs.py."""
import textwrap

import pytest

from landeval.core.config import load_config
from landeval.core.errors import ConfigError, LandEvalError


def write(tmp_path, text, name="weights.yaml", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(textwrap.dedent(text).encode(encoding))
    return path


VALID = """\
    name: mine
    elements:
      - id: land
        weight: 0.6
        indicators:
          - {id: plot_ratio, weight: 0.5}
          - {id: tax_per_area, weight: 0.5}
      - id: money
        weight: 0.4
        indicators:
          - {id: output_per_area, weight: 1.0}
"""


def test_malformed_yaml_names_line_and_column(tmp_path):
    # A missing closing bracket, the commonest hand-editing slip.
    path = write(tmp_path, VALID.replace("{id: output_per_area, weight: 1.0}", "{id: output_per_area, weight: 1.0"))
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message
    assert "not valid YAML" in message
    assert "line 12, column" in message or "line 13, column" in message


def test_tab_indentation_is_a_yaml_error_with_position(tmp_path):
    path = write(tmp_path, "name: x\nelements:\n\t- id: a\n")
    with pytest.raises(ConfigError, match=r"line 3, column 1: not valid YAML"):
        load_config(path)


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system",
    "!!python/object/new:os.system",
    "!!python/name:os.system",
    "!!python/object/apply:subprocess.call",
])
def test_yaml_that_builds_python_objects_is_refused_and_runs_nothing(tmp_path, tag):
    marker = tmp_path / "pwned"
    argument = f'["touch {marker}"]' if "subprocess" not in tag else f'[["touch", "{marker}"]]'
    path = write(tmp_path, f"name: evil\nthreshold: {tag} {argument}\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert not marker.exists(), "the YAML file executed a command"
    message = str(info.value)
    assert "line 2, column 12: refused tag" in message
    assert "LandEval reads plain YAML only" in message and "remove tags such as !!python/object" in message


def test_weights_not_summing_to_one_are_reported_not_fixed(tmp_path):
    path = write(tmp_path, VALID.replace("weight: 0.4", "weight: 0.3"))
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.problems == [
        "elements: the element weights sum to 0.9, not 1 (tolerance 1e-06); correct them so each level sums to 1"
    ]


def test_indicator_level_sum_names_the_element(tmp_path):
    path = write(tmp_path, VALID.replace("{id: tax_per_area, weight: 0.5}", "{id: tax_per_area, weight: 0.7}"))
    with pytest.raises(ConfigError, match=r"elements\[0\]\.indicators: the indicator weights sum to 1\.2, not 1"):
        load_config(path)


def test_negative_weight_names_the_weight(tmp_path):
    text = VALID.replace("{id: plot_ratio, weight: 0.5}", "{id: plot_ratio, weight: -0.5}")
    text = text.replace("{id: tax_per_area, weight: 0.5}", "{id: tax_per_area, weight: 1.5}")
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert "elements[0].indicators[0].weight: negative weight -0.5; weights must be ≥ 0" in info.value.problems


def test_weight_written_as_text_names_the_weight(tmp_path):
    text = VALID.replace("{id: output_per_area, weight: 1.0}", "{id: output_per_area, weight: 一}")
    with pytest.raises(ConfigError, match=r"elements\[1\]\.indicators\[0\]\.weight: missing or not a number \('一'\)"):
        load_config(write(tmp_path, text))


def test_unknown_indicator_says_how_to_declare_a_custom_one(tmp_path):
    text = VALID.replace("output_per_area", "亩均产值")
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert ("elements[1].indicators[0].id: unknown indicator '亩均产值'; use an id of catalogue.yaml or mark a "
            "column of your own with custom: true, field: and direction:") in info.value.problems


def test_gbk_saved_weight_set_asks_for_utf8(tmp_path):
    path = write(tmp_path, "name: 江宁\n" + textwrap.dedent(VALID).split("\n", 1)[1], encoding="gbk")
    with pytest.raises(LandEvalError, match="Save it as UTF-8 text"):
        load_config(path)


@pytest.mark.parametrize("text, words", [
    ("", "the file is empty"),
    ("- plot_ratio\n- tax_per_area\n", "the file must be a mapping"),
    ("just some words\n", "the file must be a mapping"),
])
def test_empty_or_non_mapping_file(tmp_path, text, words):
    with pytest.raises(ConfigError, match=words):
        load_config(write(tmp_path, text))


def test_missing_file_lists_presets(tmp_path):
    with pytest.raises(LandEvalError, match=r"does not exist\. Presets: .*jiangning"):
        load_config(tmp_path / "weights.yml")


def test_loading_never_changes_the_file(tmp_path):
    path = write(tmp_path, VALID)
    before = path.read_bytes()
    load_config(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("bad", ["[a, b]", "{a: 1}"])
@pytest.mark.parametrize("section, where", [
    ("elements", "elements[1].id"),
    ("vetoes", "vetoes[0].id"),
    ("categories", "categories[0].id"),
])
def test_an_id_written_as_a_list_or_mapping_is_a_listed_problem(tmp_path, section, where, bad):
    # YAML makes `id: [a, b]` a list: it used to crash the validation with "unhashable type".
    text = VALID.replace("  - id: money", f"  - id: {bad}") if section == "elements" else VALID + f"""\
    {section}:
      - {{id: {bad}, label: x, when: {{field: safety_ok, is: no}}}}
      - {{id: rest, label: y}}
"""
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert any(p.startswith(f"{where}: ") and "must be a short identifier" in p for p in info.value.problems)


@pytest.mark.parametrize("kind, text, where", [
    ("paths", "paths: [{id: keep, label: 保留}]\nrules:\n  - {id: [a], when: {field: score, op: '<', value: 1}, "
              "path: keep, reason: r}\n  - {id: rest, path: {a: 1}, reason: r}\n", "rules[0].id"),
    ("paths", "paths: [{id: keep, label: 保留}]\nrules:\n  - {id: rest, path: [keep], reason: r}\n", "rules[0].path"),
    ("clearance", "applies_to: {field: inside_dev_boundary, is: no}\nzones:\n  - {id: {a: 1}, label: z}\n",
     "zones[0].id"),
    ("quadrants", "performance: {field: score, split: 0.6}\nvalue: {field: value_score, split: 0.5}\nquadrants:\n"
                  "  - {id: q, performance: [high], value: {a: 1}, label: x, disposal: y, list: A}\n",
     "quadrants[0].performance"),
])
def test_rule_file_values_written_as_lists_or_mappings_are_listed_problems(tmp_path, kind, text, where):
    from landeval.core.decision import rules

    loader = {"paths": rules.load_path_rules, "clearance": rules.load_clearance_rules,
              "quadrants": rules.load_quadrant_rules}[kind]
    with pytest.raises(ConfigError) as info:
        loader(write(tmp_path, text))
    assert any(p.startswith(f"{where}: ") for p in info.value.problems)
