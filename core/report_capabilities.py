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
    pair,
    report_language,
    say,
    say_both,
    text_of,
)
from .units import unit_label

TITLES = {
    "potential": pair("report.say.by_potential_class"),
    "persistence": pair("report.say.persistently_inefficient_parcels"),
    "contracts": pair("report.say.land_contract_compliance"),
    "contract_breaches": pair("report.say.parcels_in_breach"),
    "zones": pair("report.say.zone_evaluation_table_2"),
}


def _title(key):
    """A section's title for the navigation: Chinese in a bilingual report (short), else the report's language."""
    return TITLES[key][0] if report_language() == "bilingual" else say_both(*TITLES[key])


def _note(zh, en, element_id=None):
    attribute = f' id="{element_id}"' if element_id else ""
    return f'<p class="note"{attribute}>' + esc(say_both(zh, en, " — ")) + "</p>"


def _pairs(mapping):
    return {k: (v["zh"], v["en"]) for k, v in mapping.items()}


def _parcel_key(frame):
    return [("parcel_id", *pair("report.say.parcel"), text_of)] if "parcel_id" in frame else []


def potential_sections(frame, area, unit):
    """Counts and areas of the four potential classes (county paper §2, Figure 1)."""
    if "potential" not in frame:
        return []
    table = grouped_counts(frame["potential"], area, _pairs(CLASS_LABELS))
    note = _note(*pair("report.say.note_potential"))
    return [("potential", _title("potential"),
             heading("potential", titles=TITLES) + note + counts_table(table, unit, "by-potential"))]


def persistence_sections(frame, area, unit):
    """How many parcels are flagged in each of the last N rounds, and which."""
    if "persistent" not in frame:
        return []
    flag = pd.to_numeric(frame["persistent"], errors="coerce").fillna(0).to_numpy() == 1
    table = grouped_counts(np.where(flag, "1", "0"), area,
                           {"1": pair("report.say.persistent"), "0": pair("report.say.not_persistent")})
    listed = frame.assign(_area=area)[flag]
    columns = _parcel_key(frame) + [
        ("_area", *pair("report.say.area_in_unit", unit=unit), fmt_num), ("history", *pair("report.say.history_oldest_latest"), text_of),
        ("streak", *pair("report.say.streak"), text_of), ("tier", *pair("report.say.tier_latest"), text_of),
        ("category", *pair("report.say.category_latest"), text_of)]
    note = _note(*pair("report.say.note_persistence"))
    return [("persistence", _title("persistence"),
             heading("persistence", titles=TITLES) + counts_table(table, unit, "by-persistence") + note +
             (list_table(listed, columns, "persistent-table") if len(listed) else
              _note(*pair("report.say.no_persistently_flagged_parcel"), "persistent-none")))]


def contract_sections(frame, area, unit):
    """Parcels per contract milestone, breaches and their gaps (Jiangning 双合同 assessments)."""
    if "contract_breach" not in frame:
        return []
    stage = frame["contract_stage"] if "contract_stage" in frame else pd.Series(None, index=frame.index, dtype=object)
    stages = grouped_counts(stage, area, _pairs(CONTRACT_STAGES))
    breach = pd.to_numeric(frame["contract_breach"], errors="coerce").to_numpy()
    state = np.where(breach == 1, "breach", np.where(breach == 0, "met", ""))
    verdict = grouped_counts(state, area, {"breach": pair("report.say.breached"), "met": pair("report.say.met")})
    lang = label_lang()
    shortfall = {k: v[lang] for k, v in SHORTFALL_LABELS.items()}

    def reasons(value):
        return list_separator().join(shortfall.get(k, k) for k in text_of(value).split(";") if k)

    listed = frame.assign(_area=area)[breach == 1]
    columns = _parcel_key(frame) + [
        ("_area", *pair("report.say.area_in_unit", unit=unit), fmt_num),
        ("contract_stage", *pair("report.say.milestone"), lambda v: CONTRACT_STAGES.get(text_of(v), {}).get(lang, text_of(v))),
        ("contract_shortfalls", *pair("report.say.shortfalls"), reasons),
        ("gap_investment", *pair("report.say.investment_gap"), fmt_num), ("gap_output", *pair("report.say.output_gap"), fmt_num),
        ("gap_tax", *pair("report.say.tax_gap"), fmt_num), ("gap_plot_ratio", *pair("report.say.plot_ratio_gap"),
                                                         lambda v: fmt_num(v, 2)),
        ("gap_completion_days", *pair("report.say.days_late"), lambda v: fmt_num(v, 0))]
    note = _note(*pair("report.say.note_contracts"))
    return [("contracts", _title("contracts"),
             heading("contracts", titles=TITLES) + note + counts_table(verdict, unit, "by-breach") +
             counts_table(stages, unit, "by-contract-stage") + heading("contract_breaches", 3, TITLES) +
             (list_table(listed, columns, "breach-table") if len(listed) else
              _note(*pair("report.say.no_parcel_in_breach"), "breach-none")))]


def _html_table(head, rows, table_id):
    return (f'<table class="list" id="{table_id}"><tr>' + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>" +
            "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>" for cells in rows) + "</table>")


def _weakest(text, label, shown=3):
    """The first `shown` of a worst-first ;-joined indicator list, labelled (the layer's t2_weak has them all)."""
    items = [i for i in text.split(";") if i]
    return list_separator().join(label(i) for i in items[:shown]) + ("…" if len(items) > shown else "")


def level_table(levels, indicators, label):
    """The district and each level (aggregatezones' OUTPUT_LEVELS): parcels, index, every indicator's value."""
    names = {"district": say("report.say.district"), **field_labels.value_labels("level", label_lang())}
    head = [say("report.say.scope"), say("report.say.parcels"), say("report.say.index")] + [label(i) for i in indicators]
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

    head = [say("report.say.zone"), say("report.say.level"), say("report.say.index"), say("report.say.rank"),
            say("report.say.weakest_vs_the_district")]
    head += [label(i) for i in indicators]
    body = []
    for rec in rows.to_dict("records"):
        level = text_of(rec.get("zone_level"))
        cells = [text_of(rec.get(name_col)) if name_col else "", level_names.get(level, level),
                 fmt_num(rec.get("t2_score"), 3), text_of(rec.get("t2_rank_level")),
                 _weakest(text_of(rec.get("t2_weak")), label)]
        cells += [f"{fmt_num(rec.get(i), 2)} / {fmt_num(rec.get(i + '_vs_all'), 2)}" for i in indicators]
        body.append(cells)
    note = _note(*pair("report.say.note_zone_index"))
    scope = level_table(levels, indicators, label) if levels is not None and "row" in levels else ""
    return [("zones", _title("zones"),
             heading("zones", titles=TITLES) + note + scope + _html_table(head, body, "zone-table"))]


def capability_sections(frame, area_unit="mu", zones=None, zone_aliases=None, levels=None):
    """Every section above that the evaluated layer's fields (and the zone summary, when given) allow."""
    area = area_in_unit(frame, area_unit)
    unit = say_both(unit_label(area_unit, 'zh'), unit_label(area_unit, 'en'), " / ")
    return (potential_sections(frame, area, unit) + persistence_sections(frame, area, unit) +
            contract_sections(frame, area, unit) + zone_sections(zones, zone_aliases, area_unit, levels))
