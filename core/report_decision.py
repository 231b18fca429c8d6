"""The decision-support part of the HTML report (no QGIS): redevelopment paths and clearance zones, the renewal
scenario comparison, the two evaluations' quadrants and ABCD list, and the comparison with an earlier round.

`decision_sections(...)` returns the sections for whichever of those outputs it is given, as
[(anchor id, Chinese title, HTML)] for `core.report_html.build_report(extra_sections=…)`; a section whose
output is absent is left out. Every table is recounted from the layers' own fields (path, clearance_zone,
quadrant, abcd_list, change, tier_old/tier_new …), so the report says what the layers hold. Class labels come
from the shipped rule files (both languages); `labels` adds those of a custom rule file (e.g. the value maps
the decision algorithms store with their outputs).
"""
import numpy as np
import pandas as pd

from .decision import monitoring
from .decision.paths import value_labels as path_value_labels
from .decision.rules import label, load_clearance_rules, load_path_rules, load_quadrant_rules
from .decision.scenarios import PATTERN_LABELS, SUMMARY_LABELS
from .labels import pairs as label_pairs
from .report_html import (
    area_in_unit,
    class_label,
    counts_table,
    esc,
    fmt_int,
    fmt_num,
    heading,
    in_label_language,
    label_lang,
    list_table,
    pair,
    parcel_columns,
    report_language,
    say,
    say_both,
    say_both_html,
    say_html,
    text_of,
)
from .units import unit_label

TITLES = label_pairs("report.decision_title")
NONE_LABEL = label_pairs("common")["none"]
# Row labels of a transition matrix besides the classes.
_MATRIX = label_pairs("report.matrix")
MATRIX_LABELS = {monitoring.NEW_ROW: _MATRIX["new"], monitoring.GONE_COLUMN: _MATRIX["gone"],
                 "total": _MATRIX["total"], "": _MATRIX["empty"]}
MATRIX_CORNER = pair("report.say.earlier_later")
# How each comparison-table column is printed: counts whole, areas and per-area figures with decimals.
_INTEGER_COLUMNS = ("moved", "unplaced", "relocated_floor_m2", "cost_relocation", "cost_demolition",
                    "cost_construction", "cost_compensation", "cost_total")
_AREA_COLUMNS = ("relocated_area", "land_needed", "freed_quota", "industrial_land")


def shipped_labels():
    """{field: {id: (zh, en)}} for path, clearance_zone, quadrant and change from the shipped rule files."""
    paths, clearance = load_path_rules("paths"), load_clearance_rules("clearance")
    zh, en = path_value_labels(paths, clearance, "zh"), path_value_labels(paths, clearance, "en")
    out = {field: {k: (zh[field][k], en[field][k]) for k in zh[field]} for field in zh}
    rules = load_quadrant_rules("quadrants")
    out["quadrant"] = {q["id"]: (label(q, "zh"), label(q, "en")) for q in rules["quadrants"]}
    out["change"] = {c: (t["zh"], t["en"]) for c, t in monitoring.CHANGE_LABELS.items()}
    return out


def merged_labels(extra=None):
    """Shipped labels plus `extra` ({field: {id: text}}) for ids the shipped rule files do not know."""
    out = shipped_labels()
    for field, mapping in (extra or {}).items():
        known = out.setdefault(field, {})
        for code, text in mapping.items():
            known.setdefault(code, (text, text))
    return out


def grouped_counts(values, area, classes):
    """Counts and areas per class in the order of `classes` ({id: (zh, en)}; zero rows kept), then any other
    value found, then the parcels without a value ("无 None"). A DataFrame for report_html.counts_table."""
    text = pd.Series(values, dtype=object).map(text_of)
    count = text.value_counts()
    area_sum = pd.Series(np.asarray(area, dtype=float)).groupby(text.to_numpy()).sum()
    order = list(classes) + sorted(v for v in count.index if v and v not in classes)
    rows = [dict(value=v, zh=classes.get(v, (v, v))[0], en=classes.get(v, (v, v))[1], colour=None,
                 count=int(count.get(v, 0)), area=float(area_sum.get(v, 0.0))) for v in order]
    if count.get("", 0):
        rows.append(dict(value="", zh=NONE_LABEL[0], en=NONE_LABEL[1], colour=None, count=int(count[""]),
                         area=float(area_sum.get("", 0.0))))
    return pd.DataFrame(rows, columns=["value", "zh", "en", "colour", "count", "area"])


def _title(key):
    """A section's title for the navigation: Chinese in a bilingual report (short), else the report's language."""
    return TITLES[key][0] if report_language() == "bilingual" else say_both(*TITLES[key])


def _label_of(mapping):
    """Cell formatter: an id shown as its label (Chinese, or English in an English report)."""
    i = 1 if label_lang() == "en" else 0
    return lambda value: mapping.get(text_of(value), (text_of(value), text_of(value)))[i]


def _note(zh, en):
    return '<p class="note">' + esc(say_both(zh, en, " — ")) + "</p>"


# --- paths and clearance zones (fields of the evaluated layer, written by landeval:suggestpaths) -------------
def path_sections(frame, area, unit, labels, cfg=None):
    out = []
    if "path" in frame:
        table = grouped_counts(frame["path"], area, labels["path"])
        out.append(("paths", _title("paths"), heading("paths", titles=TITLES) +
                    _note(*pair("report.say.note_paths")) +
                    counts_table(table, unit, "by-path")))
    if "clearance_zone" in frame:
        table = grouped_counts(frame["clearance_zone"], area, labels["clearance_zone"])
        out.append(("clearance", _title("clearance"), heading("clearance", titles=TITLES) +
                    _note(*pair("report.say.note_clearance")) +
                    counts_table(table, unit, "by-clearance")))
    if "path" in frame:
        listed = frame.assign(_area=area)[frame["path"].map(text_of) != ""]
        order = {v: i for i, v in enumerate(labels["path"])}
        listed = listed.assign(_order=listed["path"].map(text_of).map(order).fillna(len(order)))
        listed = listed.sort_values([c for c in ("_order", "score") if c in listed], kind="stable",
                                    na_position="last")
        columns = parcel_columns(unit, cfg) + [
            ("path", *pair("report.say.path"), _label_of(labels["path"])),
            ("clearance_zone", *pair("report.say.clearance_zone"), _label_of(labels["clearance_zone"])),
            ("path_reason", *pair("report.say.why"), text_of)]
        out.append(("path_list", _title("path_list"), heading("path_list", titles=TITLES) +
                    '<p class="note">' + say("report.say.paths_listed", count=f"{len(listed):,}") + "</p>" +
                    list_table(listed, columns, "path-table")))
    return out


# --- renewal scenarios (the comparison table of landeval:renewalscenarios) ----------------------------------
def _pattern_label(pattern, lang):
    """A renewal pattern's label; an unknown pattern (a custom table) shows its id."""
    return PATTERN_LABELS[pattern][lang] if pattern in PATTERN_LABELS else pattern


def _scenario_cell(column, value):
    if column in _INTEGER_COLUMNS:
        return fmt_int(None if value is None or pd.isna(value) else round(float(value)))
    return fmt_num(value, 1 if column in _AREA_COLUMNS else 2)


def scenario_section(table, aliases=None):
    """The comparison table transposed: one row per figure, one column per pattern (the first the current
    state). aliases: the table layer's Chinese field aliases, which carry its area unit (腾退用地面积(亩))."""
    aliases = aliases or {}
    patterns = table["pattern"].map(text_of).tolist() if "pattern" in table else [str(i) for i in table.index]
    head = "".join(f'<th data-pattern="{esc(p)}">{_pair(_pattern_label(p, "zh"), _pattern_label(p, "en"))}</th>'
                   for p in patterns)
    rows = []
    for column, text in SUMMARY_LABELS.items():
        if column == "pattern" or column not in table:
            continue
        cells = "".join(f'<td class="count">{_scenario_cell(column, v)}</td>' for v in table[column].tolist())
        # The layer's own Chinese alias carries its area unit; English has the label alone.
        alias = aliases.get(column)
        zh, en = in_label_language(alias, "zh") or text["zh"], in_label_language(alias, "en") or text["en"]
        rows.append(f'<tr data-figure="{column}"><th>{say_both_html(zh, en)}'
                    f'</th>{cells}</tr>')
    note = _note(*pair("report.say.note_scenarios"))
    return [("scenarios", _title("scenarios"), heading("scenarios", titles=TITLES) + note +
             f'<table class="list" id="scenario-table"><tr><th>{say_html("report.say.figure")}</th>{head}</tr>'
             f'{"".join(rows)}</table>')]


def _pair(zh, en):
    """A column head: Chinese over English in a bilingual report, else the one language."""
    if report_language() == "bilingual":
        return f'{esc(zh)}<br><span class="en">{esc(en)}</span>'
    return esc(say_both(zh, en))


# --- two evaluations (landeval:twoevaluations) ---------------------------------------------------------------
def two_evaluation_sections(frame, area, unit, labels):
    """Quadrant counts with each quadrant's ABCD class and disposal hint (as the layer states them), and the
    ABCD list counted from the layer's abcd_list field."""
    rules = load_quadrant_rules("quadrants")
    quadrant = frame["quadrant"].map(text_of)
    table = grouped_counts(quadrant, area, labels["quadrant"])
    shipped = {q["id"]: q for q in rules["quadrants"]}
    # A custom quadrant rule file may give other classes and hints: the layer's own fields win.
    list_of = _first_per(quadrant, frame["abcd_list"]) if "abcd_list" in frame else {}
    hint_of = _first_per(quadrant, frame["disposal"]) if "disposal" in frame else {}
    table["abcd"] = [list_of.get(v) or shipped.get(v, {}).get("list", "") for v in table["value"]]
    table["hint"] = [in_label_language(hint_of.get(v)) or
                     (label(shipped[v], label_lang(), key="disposal") if v in shipped else hint_of.get(v, ""))
                     for v in table["value"]]
    extra = [("abcd", *pair("report.say.list")), ("hint", *pair("report.say.disposal"))]
    out = [("quadrants", _title("quadrants"), heading("quadrants", titles=TITLES) +
            _note(*pair("report.say.quadrant_fields", performance=rules["performance"]["field"],
                       value=rules["value"]["field"])) +
            counts_table(table, unit, "by-quadrant", extra))]
    if "abcd_list" in frame:
        classes = {c: pair("report.say.abcd_class", tier=c) for c in ("A", "B", "C", "D")}
        table = grouped_counts(frame["abcd_list"], area, classes)
        out.append(("abcd", _title("abcd"), heading("abcd", titles=TITLES) + counts_table(table, unit, "by-abcd")))
    return out


def _first_per(keys, values):
    """{key: first non-empty text of `values` among the rows with that key}."""
    text = pd.Series(values.map(text_of).to_numpy(), index=keys.to_numpy())
    text = text[(text != "") & (text.index != "")]
    return text.groupby(level=0).first().to_dict()


# --- round comparison (landeval:comparerounds) ----------------------------------------------------------------
def _matrix_table(matrix, kind, table_id, cfg=None):
    def name(value):
        if value in MATRIX_LABELS:
            return MATRIX_LABELS[value]
        return (class_label(kind, value, "zh", cfg), class_label(kind, value, "en", cfg))

    head = "".join(f'<th data-to="{esc(c)}">{_pair(*name(c))}</th>' for c in matrix.columns)
    body = "".join(f'<tr data-from="{esc(r)}"><th>{say_both_html(*name(r))}</th>' +
                   "".join(f'<td class="count">{int(n):,}</td>' for n in row) + "</tr>"
                   for r, row in zip(matrix.index, matrix.to_numpy()))
    corner = _pair(*MATRIX_CORNER)
    return f'<table class="list" id="{table_id}"><tr><th>{corner}</th>{head}</tr>{body}</table>'


def _used(matrix, order):
    """The matrix without the rows and columns of classes no parcel has in either round."""
    keep = [c for c in order if matrix.loc[c, "total"] or matrix.loc["total", c]] if len(matrix) else []
    extra = [c for c in matrix.index if c not in order and c not in (monitoring.NEW_ROW, "total")]
    rows = keep + extra + [monitoring.NEW_ROW, "total"]
    cols = keep + extra + [monitoring.GONE_COLUMN, "total"]
    return matrix.loc[rows, cols]


def round_sections(frame, area, unit, labels, cfg=None):
    """Change counts, tier and category transition matrices (monitoring.transition_matrix over the layer's
    tier_old / tier_new, presence read from `change`) and the list of worsened parcels."""
    change = frame["change"].map(text_of)
    table = grouped_counts(change, area, labels["change"])
    parts = [heading("rounds", titles=TITLES),
             _note(*pair("report.say.note_rounds")), counts_table(table, unit, "by-change")]
    in_old = (change != "appeared").to_numpy()
    in_new = (change != "disappeared").to_numpy()
    for kind, old, new, order, key in (("tier", "tier_old", "tier_new", monitoring.TIER_ORDER, "tier_transitions"),
                                       ("category", "category_old", "category_new", monitoring.CATEGORY_ORDER,
                                        "category_transitions")):
        if old in frame and new in frame:
            matrix = monitoring.transition_matrix(frame[old].map(text_of), frame[new].map(text_of), in_old, in_new,
                                                  order)
            parts += [heading(key, 3, TITLES), _matrix_table(_used(matrix, order), kind, f"{kind}-matrix", cfg)]
    worse = frame.assign(_area=area)[(change == "worsened").to_numpy()]
    if "tier_steps" in worse:
        worse = worse.sort_values("tier_steps", ascending=False, kind="stable")

    def coded(kind):
        return lambda value: class_label(kind, text_of(value), label_lang(), cfg)

    columns = [("parcel_id", *pair("report.say.parcel"), text_of), ("_area", *pair("report.say.area_in_unit", unit=unit), fmt_num),
               ("tier_old", *pair("report.say.tier_before"), coded("tier")),
               ("tier_new", *pair("report.say.tier_now"), coded("tier")),
               ("category_old", *pair("report.say.category_before"), coded("category")),
               ("category_new", *pair("report.say.category_now"), coded("category")),
               ("score_change", *pair("report.say.score_change"), lambda v: fmt_num(v, 3))]
    parts.append(heading("worsened", 3, TITLES))
    parts.append(list_table(worse, columns, "worsened-table") if len(worse) else
                 '<p class="note" id="worsened-none">' + esc(say("report.say.no_parcel_worsened", " — ")) +
                 "</p>")
    return [("rounds", _title("rounds"), "".join(parts))]


def decision_sections(frame, area_unit="mu", scenarios=None, scenario_aliases=None, two_evaluations=None,
                      rounds=None, labels=None, cfg=None):
    """The decision-support sections for what is given (see the module docstring).

    frame: the evaluated layer (path sections when it has `path` / `clearance_zone`; quadrant sections when
    it has `quadrant` and no `two_evaluations` is given); scenarios: the comparison table of
    renewalscenarios (scenario_aliases: its field aliases); two_evaluations: the twoevaluations layer;
    rounds: the comparerounds layer; labels: {field: {id: text}} for ids of custom rule files.
    Areas are in `area_unit`, from each frame's area_<unit> or area_m2 (zero where a frame has neither).
    """
    labels = merged_labels(labels)
    unit = say_both(unit_label(area_unit, 'zh'), unit_label(area_unit, 'en'), " / ")
    out = path_sections(frame, area_in_unit(frame, area_unit), unit, labels, cfg)
    if scenarios is not None and len(scenarios):
        out += scenario_section(scenarios, scenario_aliases)
    quadrant_frame = two_evaluations if two_evaluations is not None else frame
    if "quadrant" in quadrant_frame:
        out += two_evaluation_sections(quadrant_frame, area_in_unit(quadrant_frame, area_unit), unit, labels)
    if rounds is not None and "change" in rounds:
        out += round_sections(rounds, area_in_unit(rounds, area_unit), unit, labels, cfg)
    return out
