"""The evaluation report as one self-contained HTML page (no QGIS): tables, inline SVG charts, run settings.

`build_report(frame, info, map_png)` takes the evaluated parcels as a DataFrame (output fields of
docs/design.md under their ids, plus `parcel_id` / `town` when known), a dict describing the run and the map
image as PNG bytes, and returns the page. Nothing is fetched from the network: styles are inline, the map is a
base64 data URI and the charts are SVG, so the file can be mailed or archived as is.

Classes are listed in the order and colours of the map styles (resources/styles/palette.yaml) and labelled
with the value labels the attribute table uses (core.labels), so report, map and table agree.
"""
import base64
import contextlib
import contextvars
import datetime
import functools
import html
import os
import re
import unicodedata

import numpy as np
import pandas as pd
import yaml

from . import labels
from .catalogue import load_catalogue
from .conditions import fields_of
from .tables import Note
from .units import M2_PER_UNIT, unit_label

PALETTE_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "styles", "palette.yaml")
CLASS_FIELDS = ("tier", "category", "ineff_type", "level")


def pair(key, **values):
    """(zh, en) of a fixed report text in the label store (resources/labels.yaml), a template filled in with
    `values` when given: pair("report.say.weight_set") == ("权重方案", "Weight set")."""
    texts = (labels.label(key, "zh"), labels.label(key, "en"))
    return tuple(text.format(**values) for text in texts) if values else texts


HEADINGS = {
    "settings": pair("report.say.run_settings"),
    "overview": pair("report.say.overview"),
    "map": pair("report.say.heading_tier_map"),
    "tier": pair("report.say.by_tier"),
    "category": pair("report.say.by_final_category"),
    "ineff_type": pair("report.say.by_inefficiency_type"),
    "level": pair("report.say.by_scale_level"),
    "charts": pair("report.say.charts"),
    "histogram": pair("report.say.heading_histogram"),
    "tier_by_level": pair("report.say.tier_shares_by_scale_level"),
    "weakest": pair("report.say.heading_weakest"),
    "inefficient": pair("report.say.heading_inefficient_list"),
    "verification": pair("report.say.parcels_needing_verification"),
    "quality": pair("report.say.data_quality"),
}
# The report's LANGUAGE: Chinese only, English only, or both (Chinese first, English after, as the headings
# have always been paired). Held in a context variable so every section, in this module and in report_decision,
# report_capabilities and report_robustness, speaks the same one without threading it through each call.
REPORT_LANGUAGES = ("zh", "en", "bilingual")
HTML_LANG = dict(zip(REPORT_LANGUAGES, ("zh-CN", "en", "zh-CN")))  # the <html lang> of each
_LANGUAGE = contextvars.ContextVar("landeval_report_language", default="bilingual")
MAX_LIST_ROWS = 1000  # a province-wide run lists the weakest parcels; the layer holds the rest
EMPTY = pair("report.say.empty")


@functools.lru_cache(maxsize=1)
def palette():
    """{kind: [class dicts]} from resources/styles/palette.yaml (value, color, zh, en)."""
    with open(PALETTE_PATH, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {kind: style["classes"] for kind, style in data["styles"].items()}


def colour_of(kind, value):
    for cls in palette().get(kind, []):
        if cls.get("value") == value:
            return cls["color"]
    return "#ffffff"


@contextlib.contextmanager
def language(lang):
    """Render the report sections built inside the block in `lang` (one of REPORT_LANGUAGES)."""
    if lang not in REPORT_LANGUAGES:
        raise ValueError(f"report language must be one of {REPORT_LANGUAGES}, not {lang!r}")
    token = _LANGUAGE.set(lang)
    try:
        yield lang
    finally:
        _LANGUAGE.reset(token)


def report_language():
    """The language the report is being rendered in ("zh", "en" or "bilingual")."""
    return _LANGUAGE.get()


def label_lang():
    """The language of single labels (class names, indicator names): English only in an English report."""
    return "en" if _LANGUAGE.get() == "en" else "zh"


def in_label_language(text, lang=None):
    """`text` when it is written in `lang` (default: the report's label language) — Chinese characters in it
    exactly when that is Chinese — else None. A layer's stored texts (aliases, disposal hints) follow the language
    of the run that wrote it, which need not be the report's."""
    lang = lang or label_lang()
    if not text:
        return None
    # Chinese: more Chinese characters than Latin letters (an English alias may carry a unit such as 万元).
    chinese = len(re.findall(r"[\u4e00-\u9fff]", str(text))) > len(re.findall(r"[A-Za-z]", str(text)))
    english = not re.search(r"[\u4e00-\u9fff]", str(text))
    return text if (chinese if lang == "zh" else english) else None


def list_separator():
    """Between the items of a list of labels: the Chinese semicolon, or "; " in an English report."""
    return "; " if label_lang() == "en" else "；"


def say(key, sep=" ", **values):
    """The fixed text `key` of the label store in the report's language: Chinese, English, or both (Chinese
    first, joined by `sep`); a template is filled in with `values`."""
    return say_both(*pair(key, **values), sep)


def say_html(key, **values):
    """say() for HTML: escaped, the English half of a bilingual text in grey (span.en)."""
    return say_both_html(*pair(key, **values))


def say_both(zh, en, sep=" "):
    """A text known in both languages (a class label, an indicator name, a layer's alias) in the report's
    language: `zh`, `en`, or both (Chinese first). Fixed texts of the report go through say(key)."""
    lang = _LANGUAGE.get()
    return zh if lang == "zh" else en if lang == "en" else f"{zh}{sep}{en}"


def say_both_html(zh, en):
    """say_both() for HTML: escaped, the English half of a bilingual text in grey (span.en)."""
    lang = _LANGUAGE.get()
    if lang != "bilingual":
        return esc(zh if lang == "zh" else en)
    return f'{esc(zh)} <span class="en">{esc(en)}</span>'


def esc(value):
    return html.escape("" if value is None else str(value))


def heading(key, level=2, titles=None):
    """A heading in the report's language whose id is `key` (the anchor the navigation links to); titles:
    {key: (zh, en)}."""
    zh, en = (titles or HEADINGS)[key]
    return f'<h{level} id="{key}">{say_both_html(zh, en)}</h{level}>'


def fmt_int(value):
    return "—" if value is None or pd.isna(value) else f"{int(value):,}"


def fmt_num(value, digits=1):
    return "—" if value is None or pd.isna(value) else f"{float(value):,.{digits}f}"


def fmt_pct(part, whole):
    return "—" if not whole else f"{100.0 * part / whole:.1f}%"


# --- data preparation -----------------------------------------------------------------------------------------
def class_values(frame, kind, cfg=None):
    """Stored values of a class field in display order: the palette's order, then any others found."""
    known = [c["value"] for c in palette().get(kind, [])] if kind in palette() else []
    known += [v for v in labels.value_labels(kind, "zh", cfg) if v not in known]
    found = [v for v in pd.unique(frame[kind].fillna("").astype(str)) if v not in known] if kind in frame else []
    return known + sorted(found)


def class_label(kind, value, lang, cfg=None):
    if value == "" and kind != "ineff_type":
        return EMPTY[0 if lang == "zh" else 1]
    if lang == "report":  # the report's language: one label, or Chinese then English
        return say_both(class_label(kind, value, "zh", cfg), class_label(kind, value, "en", cfg))
    return labels.value_labels(kind, lang, cfg).get(value, value)


def class_counts(frame, kind, area, cfg=None):
    """DataFrame value, zh, en, colour, count, area for every class of `kind` (zero rows included)."""
    values = frame[kind].fillna("").astype(str)
    count = values.value_counts()
    area_sum = pd.Series(area, index=frame.index).groupby(values).sum()
    rows = []
    for value in class_values(frame, kind, cfg):
        n = int(count.get(value, 0))
        if n == 0 and value not in [c["value"] for c in palette().get(kind, [])]:
            continue
        rows.append(dict(value=value, zh=class_label(kind, value, "zh", cfg), en=class_label(kind, value, "en", cfg),
                         colour=colour_of(kind, value), count=n, area=float(area_sum.get(value, 0.0))))
    return pd.DataFrame(rows, columns=["value", "zh", "en", "colour", "count", "area"])


def area_in_unit(frame, unit):
    """Parcel areas in `unit` from area_<unit>, or area_m2 converted; zeros when the layer has neither."""
    if f"area_{unit}" in frame:
        return pd.to_numeric(frame[f"area_{unit}"], errors="coerce").fillna(0.0).to_numpy()
    if "area_m2" in frame:
        return pd.to_numeric(frame["area_m2"], errors="coerce").fillna(0.0).to_numpy() / M2_PER_UNIT[unit]
    return np.zeros(len(frame))


def flag(frame, name):
    """A 0/1 output field as a boolean array (missing = False)."""
    if name not in frame:
        return np.zeros(len(frame), bool)
    return pd.to_numeric(frame[name], errors="coerce").fillna(0).to_numpy() == 1


def weakest_counts(frame):
    """How often each indicator id is among the `weakest` of the inefficient parcels, most frequent first."""
    if "weakest" not in frame:
        return pd.Series(dtype=int)
    ids = frame.loc[flag(frame, "inefficient"), "weakest"].dropna().astype(str).str.split(";").explode()
    ids = ids[ids.str.len() > 0]
    return ids.value_counts()


# --- SVG charts -------------------------------------------------------------------------------------------------
SVG_FONT = 'font-family="sans-serif" font-size="12"'


def svg_histogram(scores, threshold=None, bins=20, width=680, height=260):
    """Score histogram on [0, 1]; bars below the threshold in the D colour, the others in B; dashed threshold."""
    scores = np.asarray(scores, dtype=float)
    scores = scores[np.isfinite(scores)]
    counts, edges = np.histogram(np.clip(scores, 0, 1), bins=bins, range=(0, 1))
    left, right, top, bottom = 50, 20, 20, 40
    pw, ph = width - left - right, height - top - bottom
    ymax = max(int(counts.max()) if len(counts) else 1, 1)
    parts = [f'<svg class="chart" id="chart-histogram" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" {SVG_FONT}>']
    low, high = colour_of("tier", "D"), colour_of("tier", "B")
    for i, n in enumerate(counts):
        x = left + pw * edges[i]
        w = pw * (edges[i + 1] - edges[i]) - 1
        h = ph * n / ymax
        fill = low if threshold is not None and edges[i + 1] <= threshold + 1e-9 else high
        parts.append(f'<rect x="{x:.1f}" y="{top + ph - h:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}">'
                     f'<title>{edges[i]:.2f}–{edges[i + 1]:.2f}: {n}</title></rect>')
    parts.append(f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="#333"/>')
    for t in np.linspace(0, 1, 6):
        x = left + pw * t
        parts.append(f'<line x1="{x:.1f}" y1="{top + ph}" x2="{x:.1f}" y2="{top + ph + 4}" stroke="#333"/>'
                     f'<text x="{x:.1f}" y="{top + ph + 18}" text-anchor="middle">{t:.1f}</text>')
    for t in np.linspace(0, ymax, 5):
        y = top + ph - ph * t / ymax
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{int(round(t))}</text>'
                     f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#ddd"/>')
    if threshold is not None:
        x = left + pw * float(threshold)
        parts.append(f'<line id="threshold-line" x1="{x:.1f}" y1="{top - 5}" x2="{x:.1f}" y2="{top + ph}" '
                     f'stroke="#000" stroke-width="2" stroke-dasharray="6,4"/>'
                     f'<text x="{x + 6:.1f}" y="{top + 8}">{esc(say("report.say.chart_threshold"))} {float(threshold):.2f}</text>')
    parts.append(f'<text x="{left + pw / 2}" y="{height - 4}" text-anchor="middle">{esc(say("report.say.chart_score"))}</text></svg>')
    return "".join(parts)


def svg_stacked(rows, classes, width=680, bar=26):
    """100 % stacked horizontal bars: rows = [(label, {value: count})], classes = [(value, label, colour)]."""
    left, right, legend_h = 250, 20, 28
    pw = width - left - right
    height = legend_h + len(rows) * (bar + 10) + 10
    parts = [f'<svg class="chart" id="chart-tier-by-level" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" {SVG_FONT}>']
    x = left
    for value, label, colour in classes:
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}" stroke="#555"/>'
                     f'<text x="{x + 16}" y="16">{esc(label)}</text>')
        x += pw / max(len(classes), 1)
    for i, (label, counts) in enumerate(rows):
        y = legend_h + i * (bar + 10)
        total = sum(counts.values())
        parts.append(f'<text x="{left - 8}" y="{y + bar / 2 + 4}" text-anchor="end">{esc(label)}</text>')
        x = float(left)
        for value, cls_label, colour in classes:
            n = counts.get(value, 0)
            if not total or not n:
                continue
            w = pw * n / total
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}" stroke="#fff">'
                         f'<title>{esc(label)} · {esc(cls_label)}: {n} ({100 * n / total:.1f}%)</title></rect>')
            if w > 34:
                dark = _is_dark(colour)
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + bar / 2 + 4}" text-anchor="middle" '
                             f'fill="{"#fff" if dark else "#000"}">{100 * n / total:.0f}%</text>')
            x += w
    parts.append("</svg>")
    return "".join(parts)


def _is_dark(colour):
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b < 128


def text_width(text, size=12):
    """Rough width in pixels of `text` in the charts' sans-serif font: CJK characters are about one em wide,
    Latin ones a little over half (enough to keep a long bilingual label inside the SVG)."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else 0.55 * size for ch in str(text))


def svg_bars(items, width=680, bar=20, colour="#2c5aa0"):
    """Horizontal bars: items = [(label, value)], largest first. The label column is as wide as the longest
    label (at most 60 % of the chart)."""
    left, right = int(min(max([260] + [text_width(label) + 16 for label, _ in items]), 0.6 * width)), 60
    pw = width - left - right
    height = max(len(items), 1) * (bar + 8) + 10
    vmax = max([v for _, v in items] + [1])
    parts = [f'<svg class="chart" id="chart-weakest" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" {SVG_FONT}>']
    for i, (label, value) in enumerate(items):
        y = 5 + i * (bar + 8)
        w = pw * value / vmax
        parts.append(f'<text x="{left - 8}" y="{y + bar / 2 + 4}" text-anchor="end">{esc(label)}</text>'
                     f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}"/>'
                     f'<text x="{left + w + 6:.1f}" y="{y + bar / 2 + 4}">{value:,}</text>')
    parts.append("</svg>")
    return "".join(parts)


# --- HTML sections ----------------------------------------------------------------------------------------------
def kv_table(rows, table_id):
    body = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="kv" id="{table_id}">{body}</table>'


def settings_section(info):
    label = info.get("label")
    if isinstance(label, dict):  # a weight set's {zh, en} label
        label = say_both(label.get("zh") or label.get("en") or "", label.get("en") or label.get("zh") or "", " / ")
    threshold = info.get("threshold")
    breaks = info.get("tier_breaks")
    digest = info.get("digest") or ""
    rows = [
        (say("report.say.weight_set"), esc(info.get("preset") or "—") + (f" — {esc(label)}" if label else "")),
        (say("report.say.digest_sha256"), f'<code title="{esc(digest)}">{esc(digest[:16]) or "—"}</code>'),
        (say("report.say.identification"), esc({
            "score": say("report.say.identification_score"),
            "screening": say("report.say.identification_screening")}
            .get(info.get("identification"), "—"))),
        (say("report.say.veto_without_data"), esc({
            "verify": say("report.say.needs_verification"), "pass": say("report.say.passed"),
            "fail": say("report.say.failed")}.get(info.get("veto_unknown"), "—"))),
        (say("report.say.threshold"), "—" if threshold is None else f"{float(threshold):.2f}"),
        (say("report.say.review_band"), "—" if info.get("review_band") is None else f"{float(info['review_band']):.2f}"),
        (say("report.say.tier_method"), esc(info.get("tier_method") or "—")),
        (say("report.say.tier_breaks"), esc("—" if not breaks else ", ".join(f"{b:g}" for b in breaks)
                                   if isinstance(breaks, (list, tuple)) else f"{breaks:g}")),
        (say("report.say.area_unit"), esc(say_both(unit_label(info['area_unit'], 'zh'), unit_label(info['area_unit'], 'en'),
                                              " / "))),
        (say("report.say.layer"), esc(info.get("layer") or "—")),
        (say("report.say.date"), esc(info.get("date") or datetime.datetime.now().strftime("%Y-%m-%d %H:%M"))),
        (say("report.say.qgis_version"), esc(info.get("qgis_version") or "—")),
        (say("report.say.landeval_version"), esc(info.get("plugin_version") or "—")),
        (say("report.say.elapsed"), "—" if info.get("elapsed_s") is None else f"{float(info['elapsed_s']):.1f} s"),
    ]
    return heading("settings") + kv_table(rows, "settings-table")


def overview_section(frame, area, unit):
    n = len(frame)
    ineff = flag(frame, "inefficient")
    rows = [
        (say("report.say.parcels"), f'<span id="n-parcels">{n:,}</span>'),
        (say("report.say.total_area") + f" ({unit})", fmt_num(area.sum())),
        (say("report.say.inefficient_parcels"),
         f'<span id="n-inefficient">{int(ineff.sum()):,}</span> ({fmt_pct(ineff.sum(), n)})'),
        (say("report.say.inefficient_area") + f" ({unit})", f"{fmt_num(area[ineff].sum())} ({fmt_pct(area[ineff].sum(), area.sum())})"),
        (say("report.say.veto_failed"), f'<span id="n-veto">{int(flag(frame, "veto_failed").sum()):,}</span>'),
        (say("report.say.in_the_review_band"), f'<span id="n-review">{int(flag(frame, "review").sum()):,}</span>'),
    ]
    if "needs_verification" in frame:
        verify = flag(frame, "needs_verification")
        # 现状保留 is "clean" only where every veto could be checked (docs/methods.md, unknown vetoes).
        retained = (frame["category"].fillna("").astype(str) == "retained").to_numpy() if "category" in frame \
            else ~flag(frame, "inefficient")
        rows += [
            (say("report.say.needs_verification_veto_data_missing", ""),
             f'<span id="n-verify">{int(verify.sum()):,}</span>'),
            (say("report.say.retained_every_veto_checked"),
             f'<span id="n-retained-clean">{int((retained & ~verify).sum()):,}</span>'),
            (say("report.say.retained_not_yet_verified"),
             f'<span id="n-retained-unverified">{int((retained & verify).sum()):,}</span>'),
        ]
    return heading("overview") + kv_table(rows, "overview-table")


def counts_table(table, unit, table_id, extra=()):
    """Counts and areas per class with their shares and a total row.

    table: DataFrame value, zh, en, colour (None: no swatch), count, area — one row per class, together
    covering every parcel. extra: [(column, zh, en)] further columns of `table` shown as text after the class.
    """
    n, total_area = int(table["count"].sum()), float(table["area"].sum())
    body = []
    for row in table.to_dict("records"):
        swatch = f'<span class="swatch" style="background:{row["colour"]}"></span>' if row["colour"] else ""
        more = "".join(f"<td>{esc(row[col])}</td>" for col, _, _ in extra)
        body.append(f'<tr data-value="{esc(row["value"])}">{_class_cells(swatch, row["zh"], row["en"])}'
                    f'{more}<td class="count">{row["count"]:,}</td>'
                    f'<td>{fmt_pct(row["count"], n)}</td><td class="area">{fmt_num(row["area"])}</td>'
                    f'<td>{fmt_pct(row["area"], total_area)}</td></tr>')
    more_head = "".join(f"<th>{esc(say_both(zh, en))}</th>" for _, zh, en in extra)
    class_head = ("<th>{}</th><th>{}</th>".format(*pair("report.say.class")) if report_language() == "bilingual"
                  else f"<th>{say('report.say.class')}</th>")
    head = (f"<tr>{class_head}{more_head}<th>{say('report.say.parcels')}</th><th>{say('report.say.share')}</th>"
            f"<th>{say('report.say.area')} ({esc(unit)})</th><th>{say('report.say.area_share')}</th></tr>")
    foot = (f'<tr class="total">{_class_cells("", *pair("report.say.total"))}{"<td></td>" * len(extra)}'
            f'<td class="count">{n:,}</td><td>100%</td><td class="area">{fmt_num(total_area)}</td><td>100%</td></tr>')
    return f'<table class="classes" id="{table_id}">{head}{"".join(body)}{foot}</table>'


def _class_cells(swatch, zh, en):
    """The class cell(s) of a counts table: Chinese and English side by side in a bilingual report, else one."""
    if report_language() == "bilingual":
        return f'<td>{swatch}{esc(zh)}</td><td class="en">{esc(en)}</td>'
    return f'<td>{swatch}{esc(say_both(zh, en))}</td>'


def class_section(frame, kind, area, unit, cfg=None):
    return heading(kind) + counts_table(class_counts(frame, kind, area, cfg), unit, f"by-{kind}")


def list_table(rows, columns, table_id, limit=MAX_LIST_ROWS):
    """A parcel list: rows (DataFrame, already ordered), columns [(column, zh, en, format)] where format turns
    one cell value into text (escaped here). Shows at most `limit` rows and says so when there are more."""
    columns = [c for c in columns if c[0] in rows]
    shown = rows.head(limit)
    if report_language() == "bilingual":
        head = "".join(f"<th>{esc(zh)}<br><span class=\"en\">{esc(en)}</span></th>" for _, zh, en, _ in columns)
    else:
        head = "".join(f"<th>{esc(say_both(zh, en))}</th>" for _, zh, en, _ in columns)
    body = "".join("<tr>" + "".join(f"<td>{esc(fmt(rec.get(col)))}</td>" for col, _, _, fmt in columns) + "</tr>"
                   for rec in shown.to_dict("records"))
    note = ""
    if len(rows) > len(shown):
        note = '<p class="note">' + esc(say("report.say.first_of_listed", " — ", shown=f"{len(shown):,}",
                                          total=f"{len(rows):,}")) + "</p>"
    return note + f'<table class="list" id="{table_id}"><tr>{head}</tr>{body}</table>'


def text_of(value):
    """A cell as plain text: missing values (None, NaN, NULL read as NaN) empty."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def charts_section(frame, info, cfg=None):
    parts = [heading("charts"), heading("histogram", 3)]
    if "score" in frame:
        parts.append(svg_histogram(pd.to_numeric(frame["score"], errors="coerce"), info.get("threshold")))
    if "level" in frame and "tier" in frame:
        parts.append(heading("tier_by_level", 3))
        tiers = frame["tier"].fillna("").astype(str)
        levels = frame["level"].fillna("").astype(str)
        classes = [(c["value"], c["value"], c["color"]) for c in palette()["tier"]]
        rows = [(class_label('level', v, 'report', cfg),
                 tiers[levels == v].value_counts().to_dict()) for v in class_values(frame, "level", cfg)
                if (levels == v).any()]
        rows.append((say("report.say.all"), tiers.value_counts().to_dict()))
        parts.append(svg_stacked(rows, classes))
    weakest = weakest_counts(frame).head(12)
    if len(weakest):
        cat = load_catalogue()
        parts.append(heading("weakest", 3))
        parts.append('<p class="note">' + esc(say(
            "report.say.note_weakest_counts", " — ")) + "</p>")
        parts.append(svg_bars([(say_both(cat.label(i, 'zh'), cat.label(i, 'en')), int(n)) for i, n in weakest.items()]))
    return "".join(parts)


def parcel_columns(unit, cfg=None):
    """The columns every parcel list starts with: [(column, zh, en, format)] (see list_table)."""
    def coded(col):
        return lambda value: class_label(col, text_of(value), label_lang(), cfg)

    return [("parcel_id", *pair("report.say.parcel"), text_of), ("town", *pair("report.say.town"), text_of),
            ("_area", *pair("report.say.area_in_unit", unit=unit), fmt_num),
            ("score", *pair("report.say.score_short"), lambda v: fmt_num(v, 3)),
            ("tier", *pair("report.say.tier"), coded("tier")), ("category", *pair("report.say.category"), coded("category"))]


def inefficient_section(frame, area, unit, cfg=None):
    ineff = frame[flag(frame, "inefficient")].copy()
    ineff["_area"] = area[flag(frame, "inefficient")]
    order = {v: i for i, v in enumerate(class_values(frame, "category", cfg))} if "category" in frame else {}
    if "category" in ineff:
        ineff["_cat"] = ineff["category"].fillna("").astype(str).map(order)
    sort_cols = [c for c in ("_cat", "score") if c in ineff]
    ineff = ineff.sort_values(sort_cols, kind="stable", na_position="last") if sort_cols else ineff
    def ids(col):
        return lambda value: labels.translate_ids(value if isinstance(value, str) else "", col, label_lang(), cfg)

    columns = parcel_columns(unit, cfg) + [
        ("ineff_type", *pair("report.say.type"), lambda v: class_label("ineff_type", text_of(v), label_lang(), cfg)),
        ("veto_reasons", *pair("report.say.failed_vetoes"), ids("veto_reasons")),
        ("weakest", *pair("report.say.weakest_indicators"), ids("weakest"))]
    listed = f'<span id="n-listed">{len(ineff):,}</span>'
    return (heading("inefficient") + '<p class="note">' + say(
        "report.say.inefficient_listed", listed=listed) + "</p>" +
            list_table(ineff, columns, "inefficient-table"))


def verification_section(frame, area, unit, cfg=None):
    """The parcels whose vetoes could not all be checked, with the vetoes that lack data: what to collect for
    whom before the list is official."""
    if "needs_verification" not in frame:
        return heading("verification") + '<p class="note">' + esc(say(
            "report.say.note_no_verification_field", " — ")) + "</p>"
    verify = flag(frame, "needs_verification")
    rows = frame[verify].copy()
    rows["_area"] = area[verify]
    if "category" in rows:
        order = {v: i for i, v in enumerate(class_values(frame, "category", cfg))}
        rows = rows.assign(_cat=rows["category"].fillna("").astype(str).map(order)).sort_values(
            "_cat", kind="stable")

    cat = load_catalogue()
    vetoes = {rule.id: rule for rule in cfg.vetoes} if cfg is not None else {}

    def unknown(value):
        # The question the data must answer (是否有合法工业用地证), not the veto's failure label: nothing failed.
        ids = [i for i in (value if isinstance(value, str) else "").split(";") if i]
        fields = [next(iter(fields_of(vetoes[i].when)), i) if i in vetoes else i for i in ids]
        lang = label_lang()
        return list_separator().join(cat.label(f, lang) if cat.get(f) is not None else
                                        labels.translate_ids(i, "veto_unknown", lang, cfg) for i, f in zip(ids, fields))

    columns = parcel_columns(unit, cfg) + [("veto_unknown", *pair("report.say.vetoes_without_data"), unknown)]
    listed = f'<span id="n-verify-listed">{len(rows):,}</span>'
    return (heading("verification") + '<p class="note">' + say(
        "report.say.verification_listed", " — ", listed=listed) + "</p>" +
        list_table(rows, columns, "verification-table"))


def quality_section(frame, info):
    quality = info.get("quality") or {}
    cat = load_catalogue()
    no_firm = None
    if "n_enterprises" in frame:
        n_firms = pd.to_numeric(frame["n_enterprises"], errors="coerce").fillna(0)
        no_firm = int((n_firms == 0).sum())
    missing_any = int((pd.to_numeric(frame["missing_count"], errors="coerce").fillna(0) > 0).sum()) \
        if "missing_count" in frame else None
    rows = [
        (say("report.say.enterprises_matching_no_parcel"),
         f'<span id="q-unmatched">{fmt_int(quality.get("unmatched_enterprises"))}</span>'),
        (say("report.say.parcels_without_enterprises"), f'<span id="q-nofirm">{fmt_int(no_firm)}</span>'),
        (say("report.say.repaired_geometries"), f'<span id="q-repaired">{fmt_int(quality.get("repaired_geometries"))}</span>'),
        (say("report.say.parcels_with_missing_indicators"), f'<span id="q-missing">{fmt_int(missing_any)}</span>'),
    ]
    parts = [heading("quality"), kv_table(rows, "quality-table")]
    per_indicator = quality.get("indicators") or {
        ind: {"missing": int(pd.to_numeric(frame[ind], errors="coerce").isna().sum())}
        for ind in cat.indicators if ind in frame}
    listed = [(ind, e) for ind, e in per_indicator.items() if e.get("missing")]
    if listed:
        head = (f"<tr><th>{say('report.say.indicator')}</th><th>{say('report.say.missing')}</th>"
                f"<th>{say('report.say.reasons')}</th></tr>")
        body = "".join(
            f'<tr data-indicator="{esc(ind)}"><td>{say_both_html(cat.label(ind, "zh"), cat.label(ind, "en"))}'
            f'</td><td class="count">{e["missing"]:,}</td><td>'
            f'{esc("; ".join(f"{k}: {v}" for k, v in (e.get("reasons") or {}).items()))}</td></tr>'
            for ind, e in sorted(listed, key=lambda item: -item[1]["missing"]))
        parts.append(f'<table class="list" id="missing-table">{head}{body}</table>')
    messages = info.get("warnings") or []
    # What was done to the data (units converted, ids compared as numbers) is listed apart from the problems.
    notes = [m for m in messages if isinstance(m, Note)]
    if notes:
        parts.append(f"<h3>{say_html('report.say.how_the_data_were_read')}</h3><ul class=\"notes\" "
                     "id=\"data-notes\">" + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>")
    warnings = [m for m in messages if not isinstance(m, Note)]
    if warnings:
        parts.append(f"<h3>{say_html('report.say.warnings')}</h3><ul class=\"warnings\">" +
                     "".join(f"<li>{esc(w)}</li>" for w in warnings) + "</ul>")
    return "".join(parts)


CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",
sans-serif;margin:24px auto;max-width:1100px;color:#222;line-height:1.45;padding:0 16px}
h1{font-size:24px;border-bottom:3px solid #2c5aa0;padding-bottom:6px}h2{font-size:19px;margin-top:32px;
border-bottom:1px solid #bbb}h3{font-size:15px}.en{color:#666;font-weight:normal}
table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;
text-align:left;vertical-align:top}th{background:#f2f2f2}td.count,td.area{text-align:right}
table.kv th{width:280px}tr.total td{font-weight:bold;background:#fafafa}.swatch{display:inline-block;width:14px;
height:14px;margin-right:6px;vertical-align:-2px;border:1px solid #555}.note{color:#555;font-size:13px}
img.map{max-width:100%;border:1px solid #ccc}nav a{margin-right:12px;font-size:13px}
table.list{font-size:12px}ul.warnings,ul.notes{font-size:13px}
@media print{nav{display:none}h2{page-break-after:avoid}table{page-break-inside:auto}}
"""


def build_report(frame, info, map_png=None, cfg=None, extra_sections=(), lang=None):
    """The whole HTML page as a string (see the module docstring for the arguments).

    info keys used: preset, label, digest, threshold, review_band, tier_method, tier_breaks, area_unit,
    layer, date, qgis_version, plugin_version, elapsed_s, warnings (list of str), quality (dict: the
    engine's quality plus unmatched_enterprises, repaired_geometries). Missing keys show as "—".
    extra_sections: [(anchor id, title for the navigation, HTML)] placed before the data quality,
    e.g. core.report_decision.decision_sections(...), built in the same language.
    lang: "zh", "en" or "bilingual" (default: the language set with `language()`, else bilingual).
    """
    with language(lang or report_language()):
        return _build_report(frame, info, map_png, cfg, extra_sections)


def _build_report(frame, info, map_png, cfg, extra_sections):
    unit = info.get("area_unit") or "mu"
    info = dict(info, area_unit=unit)
    area = area_in_unit(frame, unit)
    unit_text = say_both(unit_label(unit, 'zh'), unit_label(unit, 'en'), " / ")
    sections = [settings_section(info), overview_section(frame, area, unit_text)]
    if map_png:
        data = base64.b64encode(map_png).decode("ascii")
        sections.append(heading("map") + f'<img class="map" id="map-image" alt="{esc(say("report.say.map_alt"))}" '
                                         f'src="data:image/png;base64,{data}">')
    sections += [class_section(frame, kind, area, unit_text, cfg) for kind in CLASS_FIELDS if kind in frame]
    sections += [charts_section(frame, info, cfg), inefficient_section(frame, area, unit_text, cfg)]
    sections.append(verification_section(frame, area, unit_text, cfg))
    sections += [body for _, _, body in extra_sections]
    sections.append(quality_section(frame, info))
    keys = ("settings", "overview", "map", *CLASS_FIELDS, "charts", "inefficient", "verification")
    # The navigation is short: Chinese titles in a bilingual report, as before.
    links = [(k, say_both(*HEADINGS[k]) if report_language() != "bilingual" else HEADINGS[k][0]) for k in keys]
    links += [(k, title) for k, title, _ in extra_sections]
    links.append(("quality", say_both(*HEADINGS["quality"]) if report_language() != "bilingual" else HEADINGS["quality"][0]))
    nav = "".join(f'<a href="#{k}">{esc(title)}</a>' for k, title in links)
    title = pair("report.say.report_title")
    return (f'<!DOCTYPE html><html lang="{HTML_LANG[report_language()]}"><head><meta charset="utf-8">'
            f'<title>{esc(say_both(*title, " — "))}</title>'
            f'<style>{CSS}</style></head><body><h1>{say_both_html(*title)}</h1><nav>{nav}</nav>{"".join(sections)}'
            f'<p class="note">LandEval {esc(info.get("plugin_version") or "")}</p></body></html>')
