"""The report sections of the capabilities of issue 12 (no QGIS): potential classes, persistent inefficiency and
contract compliance from the evaluated layer's own fields (written by landeval:potentialclasses, persistence,
checkcontracts), and the Table 2 zone evaluation from the output of landeval:aggregatezones.

Each function returns [(anchor id, Chinese title, HTML)] for `core.report_html.build_report(extra_sections=…)`,
empty when the layer lacks the fields, and recounts everything from those fields.
"""
import numpy as np
import pandas as pd

from . import labels as field_labels
from .catalogue import load_catalogue
from .contracts import SHORTFALL_LABELS
from .contracts import STAGE_LABELS as CONTRACT_STAGES
from .potential import CLASS_LABELS
from .report_decision import grouped_counts
from .report_html import (
    area_in_unit,
    counts_table,
    esc,
    fmt_num,
    heading,
    label_lang,
    list_separator,
    list_table,
    report_language,
    say,
    text_of,
)
from .units import unit_label

TITLES = {
    "potential": ("按潜力类型统计", "By potential class"),
    "persistence": ("连续低效宗地", "Persistently inefficient parcels"),
    "contracts": ("标准地/双合同履约核查", "Land-contract compliance"),
    "contract_breaches": ("违约宗地清单", "Parcels in breach"),
    "zones": ("分区宏观评价（表2）", "Zone evaluation (Table 2)"),
}


def _title(key):
    """A section's title for the navigation: Chinese in a bilingual report (short), else the report's language."""
    return TITLES[key][0] if report_language() == "bilingual" else say(*TITLES[key])


def _note(zh, en, element_id=None):
    attribute = f' id="{element_id}"' if element_id else ""
    return f'<p class="note"{attribute}>' + esc(say(zh, en, " — ")) + "</p>"


def _pairs(mapping):
    return {k: (v["zh"], v["en"]) for k, v in mapping.items()}


def _parcel_key(frame):
    return [("parcel_id", "宗地编号", "Parcel", text_of)] if "parcel_id" in frame else []


def potential_sections(frame, area, unit):
    """Counts and areas of the four potential classes (county paper §2, Figure 1)."""
    if "potential" not in frame:
        return []
    table = grouped_counts(frame["potential"], area, _pairs(CLASS_LABELS))
    note = _note("县域论文图1：批而未供、供而未用、城镇低效与农村低效工业用地（开发边界内为城镇，边界外为农村）；"
                 "“无”为在建或高效宗地", 'county paper, Figure 1; urban = inside the development boundary, rural = '
                 'outside; "None": under construction or efficient.')
    return [("potential", _title("potential"),
             heading("potential", titles=TITLES) + note + counts_table(table, unit, "by-potential"))]


def persistence_sections(frame, area, unit):
    """How many parcels are flagged in each of the last N rounds, and which."""
    if "persistent" not in frame:
        return []
    flag = pd.to_numeric(frame["persistent"], errors="coerce").fillna(0).to_numpy() == 1
    table = grouped_counts(np.where(flag, "1", "0"), area,
                           {"1": ("连续低效", "Persistent"), "0": ("否", "Not persistent")})
    listed = frame.assign(_area=area)[flag]
    columns = _parcel_key(frame) + [
        ("_area", "面积", f"Area ({unit})", fmt_num), ("history", "历轮记录(早→晚)", "History (oldest → latest)", text_of),
        ("streak", "连续低效轮数", "Streak", text_of), ("tier", "本轮分级", "Tier", text_of),
        ("category", "本轮类别", "Category", text_of)]
    note = _note("每轮一位：1 低效，0 否，? 未知，- 该轮无此宗地",
                 "one mark per round: 1 flagged, 0 not, ? unknown, - absent.")
    return [("persistence", _title("persistence"),
             heading("persistence", titles=TITLES) + counts_table(table, unit, "by-persistence") + note +
             (list_table(listed, columns, "persistent-table") if len(listed) else
              _note("没有连续低效的宗地", "no persistently flagged parcel.", "persistent-none")))]


def contract_sections(frame, area, unit):
    """Parcels per contract milestone, breaches and their gaps (Jiangning 双合同 assessments)."""
    if "contract_breach" not in frame:
        return []
    stage = frame["contract_stage"] if "contract_stage" in frame else pd.Series(None, index=frame.index, dtype=object)
    stages = grouped_counts(stage, area, _pairs(CONTRACT_STAGES))
    breach = pd.to_numeric(frame["contract_breach"], errors="coerce").to_numpy()
    state = np.where(breach == 1, "breach", np.where(breach == 0, "met", ""))
    verdict = grouped_counts(state, area, {"breach": ("违约", "Breached"), "met": ("履约", "Met")})
    lang = label_lang()
    shortfall = {k: v[lang] for k, v in SHORTFALL_LABELS.items()}

    def reasons(value):
        return list_separator().join(shortfall.get(k, k) for k in text_of(value).split(";") if k)

    listed = frame.assign(_area=area)[breach == 1]
    columns = _parcel_key(frame) + [
        ("_area", "面积", f"Area ({unit})", fmt_num),
        ("contract_stage", "履约节点", "Milestone", lambda v: CONTRACT_STAGES.get(text_of(v), {}).get(lang, text_of(v))),
        ("contract_shortfalls", "未达约定项", "Shortfalls", reasons),
        ("gap_investment", "投资强度差距", "Investment gap", fmt_num), ("gap_output", "亩均产值差距", "Output gap", fmt_num),
        ("gap_tax", "亩均税收差距", "Tax gap", fmt_num), ("gap_plot_ratio", "容积率差距", "Plot ratio gap",
                                                         lambda v: fmt_num(v, 2)),
        ("gap_completion_days", "逾期天数", "Days late", lambda v: fmt_num(v, 0))]
    note = _note("江宁论文：在项目竣工、达产、正常运营与使用年期到期前，开展投入、产出、过程与续期评估；差距 = 实际 − "
                 "约定（负值为未达），“无”为不在合同监管内或缺实际值待核实",
                 'gaps are achieved − target; "None": not under a contract, or a target without an achieved value '
                 '(unverified).')
    return [("contracts", _title("contracts"),
             heading("contracts", titles=TITLES) + note + counts_table(verdict, unit, "by-breach") +
             counts_table(stages, unit, "by-contract-stage") + heading("contract_breaches", 3, TITLES) +
             (list_table(listed, columns, "breach-table") if len(listed) else
              _note("没有违约宗地", "no parcel in breach.", "breach-none")))]


def _html_table(head, rows, table_id):
    return (f'<table class="list" id="{table_id}"><tr>' + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>" +
            "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>" for cells in rows) + "</table>")


def _weakest(text, label, shown=3):
    """The first `shown` of a worst-first ;-joined indicator list, labelled (the layer's t2_weak has them all)."""
    items = [i for i in text.split(";") if i]
    return list_separator().join(label(i) for i in items[:shown]) + ("…" if len(items) > shown else "")


def level_table(levels, indicators, label):
    """The district and each level (aggregatezones' OUTPUT_LEVELS): parcels, index, every indicator's value."""
    names = {"district": say("全域", "District"), **field_labels.value_labels("level", label_lang())}
    head = [say("范围", "Scope"), say("宗地数", "Parcels"), say("表2指数", "Index")] + [label(i) for i in indicators]
    rows = [[names.get(text_of(rec.get("row")), text_of(rec.get("row"))), fmt_num(rec.get("n_parcels"), 0),
             fmt_num(rec.get("t2_score"), 3)] + [fmt_num(rec.get(i), 2) for i in indicators]
            for rec in levels.to_dict("records")]
    return _html_table(head, rows, "level-table")


def zone_sections(zones, aliases=None, area_unit="mu", levels=None):
    """The Table 2 evaluation of each zone: index, rank in its level, the indicators below the district, and
    each indicator's raw value beside its ratio to the district (a composite can hide what they show); with
    `levels` (OUTPUT_LEVELS) first the district and each level."""
    if zones is None or "t2_score" not in zones:
        return []
    aliases = aliases or {}
    # The Table 2 indicators in use have a ratio to their level; without levels, every ratio to the district.
    suffix = "_vs_level" if any(str(c).endswith("_vs_level") and c != "t2_vs_level" for c in zones.columns) \
        else "_vs_all"
    indicators = [c[:-len(suffix)] for c in zones.columns
                  if str(c).endswith(suffix) and c != "t2_vs_level" and c[:-len(suffix)] in zones]
    known = {"n_parcels", "area_m2", "zone_level", "fid"} | {c for c in zones.columns if str(c).startswith(
        ("n_", "area_", "t2_", "mean_", "ineff_"))} | {c for c in zones.columns if "_vs_" in str(c)}
    known |= set(load_catalogue().raw) | set(load_catalogue().indicators)
    names = [c for c in zones.columns if c not in known and zones[c].dtype == object]
    name_col = names[0] if names else None
    lang = label_lang()
    level_names = field_labels.value_labels("level", lang)
    order = {v: i for i, v in enumerate(level_names)}
    rows = zones.assign(_order=zones.get("zone_level", pd.Series(None, index=zones.index, dtype=object))
                        .map(order).fillna(len(order)))
    rows = rows.sort_values(["_order", "t2_score"], ascending=[True, False], kind="stable")

    def label(column):
        # The layer's own aliases are Chinese (aggregatezones): an English report labels from the store.
        own = aliases.get(column) if lang == "zh" else None
        return own or field_labels.field_alias(column, lang, area_unit) or column

    head = [say("分区", "Zone"), say("层级", "Level"), say("表2指数", "Index"), say("同层排名", "Rank"),
            say("最弱指标", "Weakest vs the district")]
    head += [label(i) for i in indicators]
    body = []
    for rec in rows.to_dict("records"):
        level = text_of(rec.get("zone_level"))
        cells = [text_of(rec.get(name_col)) if name_col else "", level_names.get(level, level),
                 fmt_num(rec.get("t2_score"), 3), text_of(rec.get("t2_rank_level")),
                 _weakest(text_of(rec.get("t2_weak")), label)]
        cells += [f"{fmt_num(rec.get(i), 2)} / {fmt_num(rec.get(i + '_vs_all'), 2)}" for i in indicators]
        body.append(cells)
    note = _note('指数 = 各指标相对全域之比（成本型取倒数，上限 2）的加权平均，全域 = 1；县域论文提醒"过度降维或标准化可能'
                 '掩盖重要的原始属性"，故原值与比值并列：分区表每格为"原值 / 相对全域"，"最弱指标"为低于全域最多的三项（图层字段 '
                 't2_weak 列出全部）',
                 'index = weighted mean of each indicator relative to the district (inverted for cost indicators, capped '
            'at 2), district = 1; raw values are shown beside it because a composite can hide what the indicators '
            'show: each zone cell is "value / ratio to the district"; the weakest three below the district are '
            'listed (t2_weak in the layer has all).')
    scope = level_table(levels, indicators, label) if levels is not None and "row" in levels else ""
    return [("zones", _title("zones"),
             heading("zones", titles=TITLES) + note + scope + _html_table(head, body, "zone-table"))]


def capability_sections(frame, area_unit="mu", zones=None, zone_aliases=None, levels=None):
    """Every section above that the evaluated layer's fields (and the zone summary, when given) allow."""
    area = area_in_unit(frame, area_unit)
    unit = say(unit_label(area_unit, 'zh'), unit_label(area_unit, 'en'), " / ")
    return (potential_sections(frame, area, unit) + persistence_sections(frame, area, unit) +
            contract_sections(frame, area, unit) + zone_sections(zones, zone_aliases, area_unit, levels))
