import pandas as pd

from landeval.core import labels
from landeval.core.config import load_config
from landeval.core.vetoes import check_vetoes


def test_vetoes_list_every_failure():
    cfg = load_config("jiangning")
    df = pd.DataFrame({v.when["field"]: ["是", "是", None] for v in cfg.vetoes})
    df.loc[0, "safety_ok"] = "否"
    df.loc[0, "nimby_ok"] = "不符合"
    out = check_vetoes(df, cfg)
    assert out["veto_failed"].tolist() == [1, 0, 0]
    assert out["veto_reasons"].tolist() == ["safety_ok;nimby_ok", "", ""]


def test_field_aliases():
    assert labels.field_alias("tax_per_area", "zh", "mu") == "地均税收(万元/亩)"
    assert labels.field_alias("tax_per_area", "en", "km2") == "Tax per area (10k yuan/km²)"  # 万元 = 10k yuan
    assert labels.field_alias("area_mu") == "面积(亩)"
    assert labels.field_alias("score") == "综合得分"
    assert labels.field_alias("s_economy") == "经济效益得分"
    assert labels.field_alias("green_ratio") == "绿地率"
    assert labels.field_alias("no_such_field") is None
    for name in ("area_m2", "n_enterprises", "veto_failed", "veto_reasons", "score", "score_rank", "missing_count",
                 "weakest", "ineff_type", "ineff_flags", "inefficient", "review", "category", "tier", "level"):
        assert labels.field_alias(name, "zh") and labels.field_alias(name, "en")


def test_value_labels():
    assert list(labels.value_labels("tier")) == ["A", "B", "C", "D", "T"]
    assert labels.value_labels("category")["eco_exit"] == "生态清退"
    assert labels.value_labels("ineff_type", "en")["green"] == "Green-deficient"
    assert labels.value_labels("level")["community"] == "产业社区"
    assert labels.value_labels("veto")["safety_ok"] == "不符合安全要求"
    assert labels.value_labels("inefficient")[1] == "是"
    assert labels.value_labels("plot_ratio") == {}
    assert labels.translate_ids("safety_ok;nimby_ok", "veto_reasons") == "不符合安全要求；不满足邻避要求"
    assert labels.translate_ids("plot_ratio;tax", "weakest", "en") == "Plot ratio; Total tax"
