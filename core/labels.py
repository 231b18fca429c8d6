"""Chinese and English labels of output fields and of coded values (field aliases and value maps).

Indicator and raw-input labels come from the catalogue; rule labels (vetoes, types, categories) from the
configuration when one is given, else from the shipped presets.
"""
import functools

from .catalogue import load_catalogue
from .units import AREA_UNITS, unit_label

OUTPUT_FIELDS = {
    "area_m2": ("面积(m²)", "Area (m²)"),
    "n_enterprises": ("企业数", "Enterprises"),
    "veto_failed": ("否决", "Veto failed"),
    "veto_reasons": ("否决原因", "Failed vetoes"),
    "veto_unknown": ("待核实否决项", "Vetoes not checked (no data)"),
    "needs_verification": ("需核实", "Needs verification"),
    "score": ("综合得分", "Composite score"),
    "score_rank": ("得分排名", "Score rank"),
    "missing_count": ("缺失指标数", "Missing indicators"),
    "weakest": ("短板指标", "Weakest indicators"),
    "ineff_type": ("低效类型", "Inefficiency type"),
    "ineff_flags": ("低效标记", "Inefficiency flags"),
    "inefficient": ("是否低效", "Inefficient"),
    "review": ("需复核", "Needs review"),
    "category": ("认定类别", "Category"),
    "tier": ("分级", "Tier"),
    "level": ("规模层级", "Scale level"),
    # landeval:robustness (issue 14)
    "p_inefficient": ("低效概率", "Probability inefficient"),
    "tier_modal": ("众数分级", "Modal tier"),
    "tier_stability": ("分级稳定度", "Tier stability"),
    "rank_p05": ("排名5%分位", "Rank, 5th percentile"),
    "rank_p50": ("排名中位数", "Rank, median"),
    "rank_p95": ("排名95%分位", "Rank, 95th percentile"),
    "score_p05": ("得分5%分位", "Score, 5th percentile"),
    "score_p95": ("得分95%分位", "Score, 95th percentile"),
    "robust_class": ("稳健性判定", "Robustness class"),
    "robust_reason": ("不受得分影响的原因", "Why the score does not matter"),
}

_YES_NO = {1: ("是", "Yes"), 0: ("否", "No")}
VALUE_LABELS = {
    "tier": {
        "A": ("A类（激励发展）", "A (incentives)"),
        "B": ("B类（支持提升）", "B (support)"),
        "C": ("C类（观察提升）", "C (observe and renew)"),
        "D": ("D类（收回处置）", "D (recover or reduce)"),
        "T": ("T类（暂不评级）", "T (unrated)"),
    },
    "level": {
        "base": ("产业基地", "Industrial base"),
        "community": ("产业社区", "Industrial community"),
        "block": ("产业街坊", "Industrial block"),
    },
    "robust_class": {
        "robust_inefficient": ("稳健低效", "Robustly inefficient"),
        "contested": ("存疑", "Contested"),
        "robust_retained": ("稳健保留", "Robustly retained"),
    },
    "robust_reason": {
        "veto": ("一票否决", "Failed veto"),
        "in_progress": ("正在推进", "Redevelopment under way"),
        "eco_exit": ("生态清退", "Exit from the ecological red line"),
        "reported": ("地方上报", "Locally reported"),
        "no_score": ("无得分", "No score"),
    },
    "inefficient": _YES_NO,
    "review": _YES_NO,
    "veto_failed": _YES_NO,
    "needs_verification": _YES_NO,
}
VALUE_LABELS["tier_modal"] = VALUE_LABELS["tier"]
_RULE_FIELDS = {"ineff_type": "types", "category": "categories", "veto": "vetoes"}


@functools.lru_cache(maxsize=1)
def _preset_rule_labels():
    """{"types"|"categories"|"vetoes": {id: (zh, en)}} gathered from the shipped presets (first one wins)."""
    from .config import list_presets, load_config

    found = {key: {} for key in _RULE_FIELDS.values()}
    for name in list_presets():
        cfg = load_config(name)
        for key in found:
            for rule in getattr(cfg, key):
                found[key].setdefault(rule.id, (cfg.label_of(rule, "zh"), cfg.label_of(rule, "en")))
    return found


def _pick(pair, lang):
    return pair[0] if lang == "zh" else pair[1]


def value_labels(field, lang="zh", cfg=None):
    """{stored value: label} for a coded field (tier, level, category, ineff_type, inefficient, review,
    veto_failed) or "veto" (veto ids); {} for other fields. Insertion order is the display order."""
    if field in VALUE_LABELS:
        return {code: _pick(pair, lang) for code, pair in VALUE_LABELS[field].items()}
    key = _RULE_FIELDS.get(field)
    if key is None:
        return {}
    labels = {rid: _pick(pair, lang) for rid, pair in _preset_rule_labels()[key].items()}
    if cfg is not None:
        labels = {rule.id: cfg.label_of(rule, lang) for rule in getattr(cfg, key)} or labels
    if field == "ineff_type":
        labels[""] = "无" if lang == "zh" else "None"
    return labels


def translate_ids(joined, field, lang="zh", cfg=None, sep=";"):
    """Labels of ';'-joined ids (veto_reasons, ineff_flags, weakest) joined with "；" (zh) or "; " (en)."""
    if field == "weakest":
        catalogue = load_catalogue()
        ids = [rid for rid in str(joined or "").split(sep) if rid]
        names = [catalogue.label(rid, lang) for rid in ids]
    else:
        table = value_labels("veto" if field in ("veto_reasons", "veto_unknown") else "ineff_type", lang, cfg)
        names = [table.get(rid, rid) for rid in str(joined or "").split(sep) if rid]
    return ("；" if lang == "zh" else "; ").join(names)


def field_alias(name, lang="zh", area_unit="mu", cfg=None):
    """Display alias of a LandEval field: output fields, area_<unit>, s_<element>, indicators with their unit,
    raw inputs. Returns None for a field LandEval does not know."""
    if name in OUTPUT_FIELDS:
        return _pick(OUTPUT_FIELDS[name], lang)
    if name.startswith("area_") and name[5:] in AREA_UNITS:
        unit = unit_label(name[5:], lang)
        return f"面积({unit})" if lang == "zh" else f"Area ({unit})"
    if name.startswith("s_"):
        element = _element_label(name[2:], lang, cfg)
        if element:
            return f"{element}得分" if lang == "zh" else f"{element} score"
    catalogue = load_catalogue()
    entry = catalogue.get(name)
    if entry is None:
        return None
    label = catalogue.label(name, lang)
    unit = catalogue.unit_of(name, area_unit, lang)
    if unit and unit not in ("fraction", "yes/no") and name in catalogue.indicators:
        return f"{label}({unit})" if lang == "zh" else f"{label} ({unit})"
    return label


@functools.lru_cache(maxsize=1)
def _preset_element_labels():
    from .config import list_presets, load_config

    found = {}
    for name in list_presets():
        cfg = load_config(name)
        for element in cfg.elements:
            found.setdefault(element.id, (cfg.label_of(element, "zh"), cfg.label_of(element, "en")))
    return found


def _element_label(element_id, lang, cfg):
    if cfg is not None:
        for element in cfg.elements:
            if element.id == element_id:
                return cfg.label_of(element, lang)
    pair = _preset_element_labels().get(element_id)
    return _pick(pair, lang) if pair else None
