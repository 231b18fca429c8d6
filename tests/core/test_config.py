import textwrap

import pytest

from landeval.core.config import EvalConfig, list_presets, load_config, save_config
from landeval.core.errors import ConfigError, LandEvalError

JIANGNING_COMBINED = {  # element weight × indicator weight, Jiangning paper Table 1
    "talent_count": 0.05 * 0.10, "employees_per_area": 0.05 * 0.45, "insured_employees": 0.05 * 0.27,
    "staff_turnover": 0.05 * 0.18, "plot_ratio": 0.25 * 0.44, "building_density": 0.25 * 0.31,
    "green_ratio": 0.25 * 0.06, "idle_rate": 0.25 * 0.19, "enterprise_type": 0.16 * 0.38,
    "registration_status": 0.16 * 0.31, "patents": 0.16 * 0.23, "bidding_record": 0.16 * 0.08,
    "industrial_investment": 0.11 * 0.56, "industrial_potential": 0.11 * 0.11, "chain_efficiency": 0.11 * 0.33,
    "output_value": 0.32 * 0.13, "tax": 0.32 * 0.16, "output_per_area": 0.32 * 0.18, "tax_per_area": 0.32 * 0.20,
    "net_profit": 0.32 * 0.16, "total_assets": 0.32 * 0.11, "debt_ratio": 0.32 * 0.06,
    "water_per_output": 0.11 * 0.29, "electricity_per_output": 0.11 * 0.29, "wastewater": 0.11 * 0.18,
    "solid_waste": 0.11 * 0.06, "wastewater_per_output": 0.11 * 0.18,
}


def _write(tmp_path, text, name="set.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_jiangning_combined_weights():
    cfg = load_config("jiangning")
    weights = cfg.combined_weights()
    assert weights["tax_per_area"] == pytest.approx(0.064)  # 地均税收 0.32 × 0.20
    assert weights == pytest.approx(JIANGNING_COMBINED)
    assert sum(weights.values()) == pytest.approx(1.0, abs=1e-12)
    assert len(cfg.vetoes) == 8 and cfg.threshold == 0.6
    assert [t.id for t in cfg.types] == ["green", "efficiency", "quality", "equity", "safety"]
    assert [c.id for c in cfg.categories] == ["in_progress", "eco_exit", "reported", "identified", "retained"]


def test_every_preset_loads_and_validates():
    assert {"jiangning", "county_table2", "zhejiang_mujun"} <= set(list_presets())
    for name in list_presets():
        cfg = load_config(name)
        assert sum(cfg.combined_weights().values()) == pytest.approx(1.0)


def test_all_problems_reported_at_once_with_paths(tmp_path):
    path = _write(tmp_path, """
        name: broken
        normalization: softmax
        elements:
          - id: a
            weight: 0.5
            indicators:
              - {id: plot_ratio, weight: 0.7}
              - {id: no_such_indicator, weight: 0.3}
          - id: a
            weight: 0.6
            indicators:
              - {id: plot_ratio, weight: 1.0, direction: sideways}
          - id: c
            weight: -0.2
            indicators:
              - {id: tax_per_area, weight: -0.5, normalization: benchmark}
              - {id: output_per_area, weight: 1.5}
        vetoes:
          - {id: v1, when: {field: x, op: "=>", value: 1}}
        tiers: {method: quantile, breaks: [20, 50, 20, 5]}
    """)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    problems = "\n".join(info.value.problems)
    for expected in (
        "normalization: 'softmax' is not one of",
        "elements[0].indicators[1].id: unknown indicator 'no_such_indicator'",
        "elements[1].id: duplicate element id 'a'",
        "elements[1].indicators[0].id: duplicate indicator id 'plot_ratio'",
        "elements[1].indicators[0].direction: 'sideways'",
        "elements[2].weight: negative weight -0.2",
        "elements[2].indicators[0].weight: negative weight -0.5",
        "elements[2].indicators[0].benchmark: benchmark normalization needs a benchmark",
        "elements: the element weights sum to 0.9",
        "vetoes[0].when.op: '=>' is not one of",
        "tiers.breaks: the quantile shares sum to 95, not 100",
    ):
        assert expected in problems
    assert str(path) in str(info.value)


def test_level_sum_tolerance_and_marks(tmp_path):
    data = {"elements": [{"id": "e", "weight": 1.0, "indicators": [
        {"id": "plot_ratio", "weight": 0.5 + 5e-7}, {"id": "tax_per_area", "weight": 0.5}]}]}
    assert EvalConfig.from_dict(data).combined_weights()["plot_ratio"] == pytest.approx(0.5, abs=1e-6)
    data["elements"][0]["indicators"][0]["weight"] = 0.5 + 2e-6
    with pytest.raises(ConfigError, match=r"elements\[0\].indicators: the indicator weights sum to 1"):
        EvalConfig.from_dict(data)
    marks = {"elements": [{"id": "e", "marks": 3, "indicators": [
        {"id": "plot_ratio", "marks": "+++"}, {"id": "tax_per_area", "marks": 1}]}]}
    assert EvalConfig.from_dict(marks).combined_weights() == pytest.approx({"plot_ratio": 0.75, "tax_per_area": 0.25})


def test_bad_conditions_and_tiers():
    data = {
        "types": [{"id": "t", "when": {"any": [{"field": "a", "is": "maybe"}, {"field": "b", "op": "<"}]}}],
        "categories": [{"id": "x"}, {"id": "y", "when": {"field": "z", "is": True}}],
        "tiers": {"method": "threshold", "breaks": [0.4, 0.6, 0.8], "veto_cap": "E"},
    }
    with pytest.raises(ConfigError) as info:
        EvalConfig.from_dict(data)
    problems = "\n".join(info.value.problems)
    assert "types[0].when.any[0].is: 'maybe' must be yes or no" in problems
    assert "types[0].when.any[1]: give either value or benchmark" in problems
    assert "categories[0].when: missing condition" in problems
    assert "categories[1].when: the last category takes every remaining parcel" in problems
    assert "tiers.breaks: thresholds must be strictly descending" in problems
    assert "tiers.veto_cap: 'E'" in problems


def test_unsafe_yaml_is_refused(tmp_path):
    path = _write(tmp_path, """
        name: evil
        threshold: !!python/object/apply:os.system ["echo pwned"]
    """)
    with pytest.raises(ConfigError, match=r"line 3, column 12: refused tag.*!!python/object"):
        load_config(path)


def test_malformed_yaml_gives_line_and_column(tmp_path):
    path = _write(tmp_path, "name: x\nelements:\n  - id: a\n   weight: [1\n")
    with pytest.raises(ConfigError, match=r"line \d+, column \d+: not valid YAML"):
        load_config(path)


def test_unknown_preset_and_missing_file(tmp_path):
    with pytest.raises(LandEvalError, match="jiangning"):
        load_config("nope")
    with pytest.raises(LandEvalError, match="does not exist"):
        load_config(tmp_path / "absent.yaml")


def test_save_round_trip_and_digest(tmp_path):
    cfg = load_config("jiangning")
    out = save_config(cfg, tmp_path / "copy.yaml")
    again = load_config(out)
    assert again.digest() == cfg.digest()
    assert again.combined_weights() == cfg.combined_weights()
    edited = cfg.to_dict()
    edited["threshold"] = 0.55
    assert EvalConfig.from_dict(edited).digest() != cfg.digest()
    assert "江宁区" in out.read_text(encoding="utf-8")  # saved as readable UTF-8, not escapes


def _benchmark_set(**top):
    return {"name": "b", **top, "elements": [{"id": "land", "weight": 1, "indicators": [
        {"id": "plot_ratio", "weight": 0.5, "direction": "benefit"},
        {"id": "idle_rate", "weight": 0.5, "direction": "cost"}]}]}


def test_top_level_benchmark_and_cap_are_indicator_defaults():
    from landeval.core.scoring import score_parcels
    import pandas as pd

    cfg = EvalConfig.from_dict(_benchmark_set(normalization="benchmark", benchmark={"stat": "median"}, cap=1.0))
    assert [i.benchmark for i in cfg.elements[0].indicators] == [{"stat": "median"}] * 2
    # plot ratio [1, 2, 4] against its median 2: 0.5, 1, 1 (capped); idle rate [0.1, 0.2, 0.4] against 0.2 as a
    # cost, 2 − x/b floored at 0 and capped at 1: 1, 1, 0. Scores are the means: 0.75, 1, 0.5.
    df = pd.DataFrame({"plot_ratio": [1.0, 2.0, 4.0], "idle_rate": [0.1, 0.2, 0.4]})
    assert score_parcels(df, cfg)["score"].tolist() == pytest.approx([0.75, 1.0, 0.5])


def test_benchmark_normalization_without_any_benchmark_is_reported():
    with pytest.raises(ConfigError) as err:
        EvalConfig.from_dict(_benchmark_set(normalization="benchmark"))
    assert any("elements[0].indicators[0].benchmark" in p and "top level" in p for p in err.value.problems)


def test_list_entries_share_the_key_and_id_checks():
    element = {"id": "e", "weight": 1.0, "indicators": [{"id": "plot_ratio", "weight": 1.0}]}
    rule = {"label": "x", "when": {"field": "safety_ok", "is": "no"}}
    data = {"elements": [element, {**element, "id": "门类", "colour": "red"}],
            "vetoes": [{"id": "v", **rule}, {"id": "v", **rule}, {"id": "safe", "weight": 1, **rule}],
            "categories": [{"id": "1st", **rule}, {"id": "rest"}]}
    with pytest.raises(ConfigError) as info:
        EvalConfig.from_dict(data)
    problems = info.value.problems
    assert "elements[1]: unknown key(s) colour (allowed: id, indicators, label, marks, meta, note, weight)" in problems
    assert "elements[1].id: '门类' must be a short identifier (letters, digits, _)" in problems  # ASCII ids only
    assert "vetoes[1].id: duplicate id 'v'" in problems
    assert "vetoes[2]: unknown key(s) weight (allowed: id, label, note, when)" in problems
    assert "categories[0].id: '1st' must be a short identifier (letters, digits, _)" in problems
