"""The robustness part of the HTML report (no QGIS): how sure each parcel's label is (landeval:robustness).

`robustness_sections(frame, area_unit, extra)` returns [(anchor id, Chinese title, HTML)] for
`core.report_html.build_report(extra_sections=…)` when the layer has `p_inefficient`: the counts per robust
class, the distribution of p, the one-at-a-time (tornado) chart when `extra["tornado"]` is given, the threshold
sweep 0.40–0.80 recounted from the layer's own score, veto_failed and category, and the contested parcels
with their base score and score interval.
"""
import numpy as np
import pandas as pd

from . import robustness
from .report_html import (
    SVG_FONT,
    area_in_unit,
    class_counts,
    counts_table,
    esc,
    fmt_int,
    fmt_num,
    heading,
    kv_table,
    list_table,
    pair,
    parcel_columns,
    report_language,
    say,
    say_both,
    say_both_html,
    text_width,
)
from .units import unit_label

TITLES = {
    "robustness": pair("report.say.heading_robustness"),
    "p_histogram": pair("report.say.heading_p_histogram"),
    "contested": pair("report.say.contested_parcels"),
    "tornado": pair("report.say.heading_tornado"),
    "sweep": pair("report.say.threshold_sweep"),
}
METHOD_LABELS = {"dirichlet": pair("report.say.dirichlet"), "uniform": pair("report.say.uniform"),
                 "ahp": pair("report.say.ahp_judgements")}


def _note(zh, en, html_zh=None, html_en=None):
    """A note paragraph in the report's language (html_*: the same text with markup, not escaped)."""
    return '<p class="note">' + say_both(html_zh or esc(zh), html_en or esc(en), " — ") + "</p>"
_DOWN, _UP = "#2c5aa0", "#e6550d"


def svg_p_histogram(p, width=680, height=220, bins=20):
    """Bars of the parcels per p bin (0–1): red-brown from 0.9, amber in between, light grey below 0.1. Heights
    on a square-root scale with each count written on its bar: most parcels sit at 0 or 1, and the few in
    between are the point of the chart."""
    counts, edges = np.histogram(np.clip(np.asarray(p, dtype=float), 0, 1), bins=bins, range=(0, 1))
    left, right, top, bottom = 20, 20, 18, 40
    pw, ph = width - left - right, height - top - bottom
    ymax = max(int(counts.max()) if counts.size else 1, 1)
    parts = [f'<svg class="chart" id="chart-p" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'xmlns="http://www.w3.org/2000/svg" {SVG_FONT}>']
    for i, n in enumerate(counts):
        mid = (edges[i] + edges[i + 1]) / 2
        fill = "#7f2704" if mid > 0.9 else ("#bdbdbd" if mid < 0.1 else "#f1a340")
        h = ph * np.sqrt(n / ymax)
        x = left + pw * edges[i]
        parts.append(f'<rect x="{x:.1f}" y="{top + ph - h:.1f}" width="{pw / bins - 1:.1f}" '
                     f'height="{h:.1f}" fill="{fill}"><title>{edges[i]:.2f}–{edges[i + 1]:.2f}: {n}</title></rect>')
        if n:
            parts.append(f'<text x="{x + pw / bins / 2:.1f}" y="{top + ph - h - 3:.1f}" text-anchor="middle" '
                         f'font-size="10">{n:,}</text>')
    parts.append(f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="#333"/>')
    for t in np.linspace(0, 1, 6):
        parts.append(f'<text x="{left + pw * t:.1f}" y="{top + ph + 16}" text-anchor="middle">{t:.1f}</text>')
    caption = say("report.say.caption_p_histogram")
    parts.append(f'<text x="{left + pw / 2}" y="{height - 4}" text-anchor="middle">{esc(caption)}</text></svg>')
    return "".join(parts)


def svg_tornado(tornado, width=680, bar=18):
    """Parcels changing status when each element weight is lowered (left, blue) or raised (right, orange)."""
    rows = tornado.assign(total=tornado["down"] + tornado["up"]).sort_values("total", ascending=False, kind="stable")
    labels = [say_both(zh, en) for zh, en in zip(rows["zh"], rows["en"])]
    left = int(min(max([200] + [text_width(t) + 16 for t in labels]), 0.5 * width))
    pw = width - left - 20
    mid = left + pw / 2
    vmax = max(int(rows[["down", "up"]].to_numpy().max()) if len(rows) else 1, 1)
    height = 30 + len(rows) * (bar + 8)
    parts = [f'<svg class="chart" id="chart-tornado" width="{width}" height="{height}" viewBox="0 0 {width} '
             f'{height}" xmlns="http://www.w3.org/2000/svg" {SVG_FONT}>',
             f'<text x="{mid - 6}" y="14" text-anchor="end" fill="{_DOWN}">{esc(say("report.say.lowered"))}</text>'
             f'<text x="{mid + 6}" y="14" fill="{_UP}">{esc(say("report.say.raised"))}</text>']
    for i, (label, down, up) in enumerate(zip(labels, rows["down"], rows["up"])):
        y = 24 + i * (bar + 8)
        wd, wu = (pw / 2 - 30) * down / vmax, (pw / 2 - 30) * up / vmax
        parts.append(f'<text x="{left - 8}" y="{y + bar / 2 + 4}" text-anchor="end">{esc(label)}</text>'
                     f'<rect x="{mid - wd:.1f}" y="{y}" width="{wd:.1f}" height="{bar}" fill="{_DOWN}"/>'
                     f'<rect x="{mid:.1f}" y="{y}" width="{wu:.1f}" height="{bar}" fill="{_UP}"/>'
                     f'<text x="{mid - wd - 4:.1f}" y="{y + bar / 2 + 4}" text-anchor="end">{int(down):,}</text>'
                     f'<text x="{mid + wu + 4:.1f}" y="{y + bar / 2 + 4}">{int(up):,}</text>')
    parts.append(f'<line x1="{mid}" y1="20" x2="{mid}" y2="{height}" stroke="#333"/></svg>')
    return "".join(parts)


def _settings(settings):
    """The run's settings; nothing when the section is built from a layer alone (the draws are not known)."""
    if not settings or settings.get("draws") is None:
        return ""
    threshold_range = settings.get("threshold_range")
    threshold = (f"{threshold_range[0]:.2f}–{threshold_range[1]:.2f} (uniform)" if threshold_range
                 else fmt_num(settings.get("threshold"), 2))
    method = settings.get("method")
    rows = [(say("report.say.method"), esc(say_both(*METHOD_LABELS[method]) if method in METHOD_LABELS else method)),
            (say("report.say.spread"), fmt_num(settings.get("spread"), 2)),
            (say("report.say.draws"), fmt_int(settings.get("draws"))),
            (say("report.say.seed"), fmt_int(settings.get("seed"))), (say("report.say.threshold_short"), threshold),
            (say("report.say.confidence"), fmt_num(settings.get("confidence"), 2))]
    return kv_table(rows, "robustness-settings")


def _fixed(frame):
    """Parcels inefficient whatever the score, as core.robustness decides it from the layer's fields."""
    return robustness.fixed_status(frame)[0]


def robustness_sections(frame, area_unit="mu", extra=None):
    """The robustness sections (see the module docstring), or [] when the layer has no p_inefficient."""
    if "p_inefficient" not in frame:
        return []
    extra = extra or {}
    unit = say_both(unit_label(area_unit, 'zh'), unit_label(area_unit, 'en'), " / ")
    area = area_in_unit(frame, area_unit)
    p = pd.to_numeric(frame["p_inefficient"], errors="coerce").to_numpy(dtype=float)
    parts = [heading("robustness", 2, TITLES),
             _note(*pair("report.say.note_robustness")),
             _settings(extra.get("settings"))]
    if "robust_class" in frame:
        parts.append(counts_table(class_counts(frame, "robust_class", area), unit, "by-robust_class"))
    parts += [heading("p_histogram", 3, TITLES), svg_p_histogram(p[np.isfinite(p)])]
    tornado = extra.get("tornado")
    if tornado is not None and len(tornado):
        spread = (extra.get("settings") or {}).get("spread")
        parts += [heading("tornado", 3, TITLES),
                  _note(*pair("report.say.tornado_note", spread=fmt_num(spread, 2))),
                  svg_tornado(tornado), _tornado_table(tornado)]
    parts += [heading("sweep", 3, TITLES), _sweep(frame, area, unit)]
    # The list last: it may run to a thousand rows.
    parts += [heading("contested", 3, TITLES), _contested(frame, area, unit)]
    title = TITLES["robustness"][0] if report_language() == "bilingual" else say_both(*TITLES["robustness"])
    return [("robustness", title, "".join(parts))]


def _contested(frame, area, unit):
    if "robust_class" not in frame:
        return ""
    mask = frame["robust_class"].fillna("").astype(str).to_numpy() == "contested"
    rows = frame[mask].copy()
    rows["_area"] = area[mask]
    rows["_dist"] = (pd.to_numeric(rows["p_inefficient"], errors="coerce") - 0.5).abs()
    rows = rows.sort_values("_dist", kind="stable")
    columns = parcel_columns(unit)[:4] + [
        ("score_p05", *pair("report.say.score_p05"), lambda v: fmt_num(v, 3)),
        ("score_p95", *pair("report.say.score_p95"), lambda v: fmt_num(v, 3)),
        ("p_inefficient", *pair("report.say.p_inefficient"), lambda v: fmt_num(v, 3)),
        ("rank_p05", *pair("report.say.rank_p05"), fmt_int), ("rank_p95", *pair("report.say.rank_p95"), fmt_int)]
    count = f'<span id="n-contested">{len(rows):,}</span>'
    return (_note("", "", *pair("report.say.contested_listed", count=count)) + list_table(rows, columns, "contested-table"))


def _tornado_table(tornado):
    head = "<tr>" + "".join(f"<th>{esc(say_both(zh, en))}</th>" for zh, en in (
        pair("report.say.element"), pair("report.say.weight"), pair("report.say.changed_when_lowered"),
        pair("report.say.changed_when_raised"))) + "</tr>"
    body = "".join(f'<tr data-element="{esc(r.element)}"><td>{say_both_html(r.zh, r.en)}</td>'
                   f'<td class="count">{r.weight:.3f}</td><td class="count">{int(r.down):,}</td>'
                   f'<td class="count">{int(r.up):,}</td></tr>' for r in tornado.itertuples())
    return f'<table class="list" id="tornado-table">{head}{body}</table>'


def _sweep(frame, area, unit):
    if "score" not in frame:
        return _note(*pair("report.say.the_layer_has_no_score_field"))
    score = pd.to_numeric(frame["score"], errors="coerce").to_numpy(dtype=float)
    sweep = robustness.threshold_sweep(score, _fixed(frame), area)
    head = (f"<tr><th>{esc(say('report.say.threshold_short'))}</th><th>{esc(say('report.say.inefficient_parcels'))}</th>"
            f"<th>{esc(say('report.say.inefficient_area_short'))} ({esc(unit)})</th><th>{esc(say('report.say.share'))}</th></tr>")
    n = len(frame)
    body = "".join(f'<tr data-threshold="{r.threshold:.2f}"><td>{r.threshold:.2f}</td><td class="count">'
                   f'{r.inefficient:,}</td><td class="area">{fmt_num(r.area)}</td><td>'
                   f'{(100.0 * r.inefficient / n if n else 0):.1f}%</td></tr>' for r in sweep.itertuples())
    return (_note(*pair("report.say.note_sweep")) + f'<table class="list" id="sweep-table">{head}{body}</table>')
