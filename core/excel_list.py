"""The inefficient-land list (低效用地清单) as a formatted Excel workbook, or a GB18030 CSV (no QGIS).

`list_rows(frame, cfg, unit)` turns evaluated parcels (output fields of docs/design.md under their ids,
`parcel_id` / `town` renamed) into the rows a reviewer reads, with Chinese headers carrying their units;
`summary_tables` counts parcels and sums areas by category, type, tier, street and level (counted as the
HTML report counts them, so the two agree); `write_workbook` writes one sheet per final category plus the
summary sheet with the run's settings; `write_csv` writes every row to one CSV for systems that import only
CSV.
"""
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import labels
from .catalogue import load_catalogue
from .errors import LandEvalError
from .frame_columns import coded_labels, id_labels, number_column, text_column
from .report_html import area_in_unit, class_counts, class_label, class_values
from .units import unit_label

# Indicators a reviewer checks first (the per-亩 figures of 亩均论英雄 and the land-use ratios); those the layer
# has are listed, in this order.
KEY_INDICATORS = ("plot_ratio", "building_density", "output_per_area", "tax_per_area", "value_added_per_area",
                  "employees_per_area")
SUMMARY_KINDS = (("category", "认定类别"), ("ineff_type", "低效类型"), ("tier", "分级"), ("town", "街镇"),
                 ("level", "规模层级"))
SUMMARY_SHEET = "汇总"
ID_HEADER = "宗地编号"
TOTAL = "合计"
# openpyxl number formats by kind of column.
FORMATS = {"area": "#,##0.00", "m2": "#,##0", "int": "0", "score": "0.000", "number": "#,##0.00", "share": "0.0%"}
HEADER_FILL = "1F3D6B"
TOTAL_FILL = "E8EEF7"
MAX_WIDTH = 48
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


@dataclass
class ListColumn:
    header: str
    kind: str      # a FORMATS key, or "text"
    total: bool    # summed in the totals row


def key_indicator_header(fid, unit):
    """'亩均税收（万元/亩）': the catalogue label (地均 read as 亩均 when the unit is 亩) with its unit."""
    catalogue = load_catalogue()
    name = catalogue.label(fid, "zh")
    if unit == "mu" and name.startswith("地均"):
        name = "亩均" + name[2:]
    unit_text = catalogue.unit_of(fid, unit, "zh")
    return f"{name}（{unit_text}）" if unit_text and unit_text != "fraction" else name


def list_rows(frame, cfg=None, unit="mu", park=None, decision_labels=None):
    """(rows, columns): the list's rows as a DataFrame with Chinese headers, plus a hidden `_category` code
    column for splitting the sheets; columns: [ListColumn] in sheet order (without `_category`)."""
    decision_labels = decision_labels or {}
    area_unit = area_in_unit(frame, unit)
    columns = [ListColumn(ID_HEADER, "text", False), ListColumn("街镇", "text", False)]
    data = {ID_HEADER: text_column(frame, "parcel_id"), "街镇": text_column(frame, "town")}
    if park is not None:
        columns.append(ListColumn("园区", "text", False))
        data["园区"] = pd.Series(park, index=frame.index).fillna("").astype(str)
    if "level" in frame:
        columns.append(ListColumn("规模层级", "text", False))
        data["规模层级"] = coded_labels(frame, "level", labels.value_labels("level"))
    area_header = f"面积（{unit_label(unit, 'zh')}）"
    columns += [ListColumn(area_header, "area", True), ListColumn("面积（m²）", "m2", True)]
    data[area_header] = area_unit
    data["面积（m²）"] = number_column(frame, "area_m2")
    if "n_enterprises" in frame:
        columns.append(ListColumn("企业数（家）", "int", True))
        data["企业数（家）"] = number_column(frame, "n_enterprises")
    if "enterprise_name" in frame:
        columns.append(ListColumn("主要企业", "text", False))
        data["主要企业"] = text_column(frame, "enterprise_name")
    for fid in KEY_INDICATORS:
        if fid in frame:
            header = key_indicator_header(fid, unit)
            columns.append(ListColumn(header, "number", False))
            data[header] = number_column(frame, fid)
    coded = [("score", "综合得分", "score", None), ("score_rank", "得分排名", "int", None)]
    for name, header, kind, _ in coded:
        if name in frame:
            columns.append(ListColumn(header, kind, False))
            data[header] = number_column(frame, name)
    texts = [
        ("veto_reasons", "一票否决项", lambda: id_labels(frame, "veto_reasons", "veto_reasons", cfg)),
        ("ineff_type", "低效类型", lambda: coded_labels(frame, "ineff_type", labels.value_labels("ineff_type", "zh", cfg))),
        ("ineff_flags", "低效标记", lambda: id_labels(frame, "ineff_flags", "ineff_flags", cfg)),
        ("category", "认定类别", lambda: coded_labels(frame, "category", labels.value_labels("category", "zh", cfg))),
        ("tier", "分级", lambda: coded_labels(frame, "tier", labels.value_labels("tier"))),
        ("weakest", "短板指标", lambda: id_labels(frame, "weakest", "weakest", cfg)),
        ("path", "建议路径", lambda: coded_labels(frame, "path", decision_labels.get("path", {}))),
        ("clearance_zone", "清退分区", lambda: coded_labels(frame, "clearance_zone",
                                                       decision_labels.get("clearance_zone", {}))),
        ("robust_class", "稳健性", lambda: coded_labels(frame, "robust_class", decision_labels.get("robust_class")
                                                                 or labels.value_labels("robust_class"))),
    ]
    for name, header, values in texts:
        if name in frame:
            columns.append(ListColumn(header, "text", False))
            data[header] = values()
    if "veto_unknown" in frame:
        columns.append(ListColumn("待核实否决项", "text", False))
        data["待核实否决项"] = id_labels(frame, "veto_unknown", "veto_reasons", cfg)
    if "needs_verification" in frame:
        columns.append(ListColumn("待核实", "text", False))
        data["待核实"] = np.where(number_column(frame, "needs_verification").fillna(0) == 1, "是", "")
    rows = pd.DataFrame(data, index=frame.index)
    rows["_category"] = text_column(frame, "category")
    return rows.reset_index(drop=True), columns


def summary_tables(frame, unit, cfg=None):
    """[(title, DataFrame with 类别/宗数/面积/占比 and a 合计 row)] by category, type, tier, street and level:
    the counts and areas of the HTML report (core.report_html.class_counts) for the parcels of `frame`."""
    area = area_in_unit(frame, unit)
    total_area = float(area.sum())
    area_header = f"面积（{unit_label(unit, 'zh')}）"
    out = []
    for kind, title in SUMMARY_KINDS:
        if kind not in frame:
            continue
        if kind == "town":
            towns = text_column(frame, "town").replace({"": "(空)"})
            grouped = pd.DataFrame({"t": towns, "a": area}).groupby("t", sort=True)["a"].agg(["count", "sum"])
            table = pd.DataFrame({title: grouped.index, "宗数": grouped["count"].to_numpy(),
                                  area_header: grouped["sum"].to_numpy()})
        else:
            counts = class_counts(frame, kind, area, cfg)
            table = pd.DataFrame({title: counts["zh"], "宗数": counts["count"], area_header: counts["area"]})
        table["面积占比"] = table[area_header] / total_area if total_area > 0 else np.nan
        totals = pd.DataFrame({title: [TOTAL], "宗数": [int(table["宗数"].sum())],
                               area_header: [float(table[area_header].sum())],
                               "面积占比": [1.0 if total_area > 0 else np.nan]})
        out.append((f"按{title}统计", pd.concat([table, totals], ignore_index=True)))
    return out


def sheet_name(label, used):
    """A valid, unique worksheet name (≤ 31 characters, none of []:*?/\\)."""
    name = _SHEET_BAD.sub("_", str(label) or "未分类")[:31]
    base, n = name, 2
    while name in used:
        suffix = f"({n})"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


def category_sheets(rows, frame, cfg=None):
    """[(sheet label, rows of that category)] in the categories' display order; categories without parcels
    are left out."""
    order = class_values(frame, "category", cfg) if "category" in frame else [""]
    out = []
    for code in order + sorted(set(rows["_category"]) - set(order)):
        part = rows[rows["_category"] == code]
        if len(part):
            out.append((class_label("category", code, "zh", cfg) if "category" in frame else "清单", part))
    return out


def display_width(values):
    """Widths of texts in Excel character units: CJK and full-width characters count two."""
    text = pd.Series(values).fillna("").astype(str)
    wide = text.str.count(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
    return text.str.len() + wide


def _fit_widths(sheet, headers, rows, formats):
    """Column widths from the longest header or cell (numbers measured as formatted), capped at MAX_WIDTH."""
    from openpyxl.utils import get_column_letter

    for j, header in enumerate(headers, start=1):
        cells = rows[header] if rows is not None and header in rows else pd.Series(dtype=object)
        if formats.get(header) not in (None, "text") and len(cells):
            numbers = pd.to_numeric(cells, errors="coerce").dropna()
            cells = numbers.map("{:,.2f}".format) if len(numbers) else numbers
        width = max([int(display_width([header]).iloc[0])] + display_width(cells).tolist())
        sheet.column_dimensions[get_column_letter(j)].width = min(MAX_WIDTH, width + 2)


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="9E9E9E")
    return {
        "header_font": Font(bold=True, color="FFFFFF"),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "header_align": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "total_font": Font(bold=True),
        "total_fill": PatternFill("solid", fgColor=TOTAL_FILL),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "title_font": Font(bold=True, size=14),
        "bold": Font(bold=True),
    }


def _write_table(sheet, top, headers, rows, kinds, styles, total_row=None):
    """Write a header row at `top` and the rows below it; returns the row after the last one written."""
    for j, header in enumerate(headers, start=1):
        cell = sheet.cell(row=top, column=j, value=header)
        cell.font, cell.fill, cell.alignment, cell.border = (styles["header_font"], styles["header_fill"],
                                                             styles["header_align"], styles["border"])
    values = [rows[h].astype(object).where(rows[h].notna(), None).tolist() for h in headers]
    r = top
    for r, row in enumerate(zip(*values), start=top + 1):
        for j, (header, value) in enumerate(zip(headers, row), start=1):
            if isinstance(value, (np.integer, np.floating)):
                value = value.item()
            cell = sheet.cell(row=r, column=j, value=value)
            cell.border = styles["border"]
            kind = kinds.get(header, "text")
            if kind in FORMATS:
                cell.number_format = FORMATS[kind]
    if total_row is not None:
        r += 1
        for j, header in enumerate(headers, start=1):
            value = total_row.get(header)
            if isinstance(value, (np.integer, np.floating)):
                value = value.item()
            cell = sheet.cell(row=r, column=j, value=value)
            cell.font, cell.fill, cell.border = styles["total_font"], styles["total_fill"], styles["border"]
            kind = kinds.get(header, "text")
            if kind in FORMATS:
                cell.number_format = FORMATS[kind]
    return r + 1


def totals_of(rows, columns):
    """The totals row of a category sheet: the parcel count under the id, sums of the summed columns."""
    total = {ID_HEADER: f"{TOTAL}（{len(rows)} 宗）"}
    for col in columns:
        if col.total:
            total[col.header] = float(pd.to_numeric(rows[col.header], errors="coerce").sum())
    return total


def write_workbook(path, columns, sheets, summary, settings):
    """Write the workbook: the summary sheet first (title, the run's settings, the summary tables), then one
    sheet per category with a frozen header row, fitted widths, number formats and a totals row.

    sheets: [(label, rows)] from category_sheets; summary: from summary_tables; settings: [(name, value)]."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise LandEvalError("Writing .xlsx needs the Python package openpyxl in QGIS's Python (Debian/Ubuntu: apt "
                            "install python3-openpyxl); or write a .csv instead.") from None
    styles = _styles()
    book = Workbook()
    sheet = book.active
    used = {SUMMARY_SHEET}
    sheet.title = SUMMARY_SHEET
    sheet.cell(row=1, column=1, value="低效用地清单汇总").font = styles["title_font"]
    r = 3
    for name, value in settings:
        sheet.cell(row=r, column=1, value=name).font = styles["bold"]
        sheet.cell(row=r, column=2, value=value)
        r += 1
    for title, table in summary:
        r += 1
        sheet.cell(row=r, column=1, value=title).font = styles["bold"]
        headers = list(table.columns)
        kinds = {headers[1]: "int", headers[2]: "area", headers[3]: "share"}
        r = _write_table(sheet, r + 1, headers, table.iloc[:-1], kinds, styles, table.iloc[-1].to_dict())
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["C"].width = 16
    sheet.column_dimensions["D"].width = 12
    headers = [c.header for c in columns]
    kinds = {c.header: c.kind for c in columns}
    for label, part in sheets:
        ws = book.create_sheet(sheet_name(label, used))
        _write_table(ws, 1, headers, part, kinds, styles, totals_of(part, columns))
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(headers)).column_letter}{len(part) + 1}"
        _fit_widths(ws, headers, part, kinds)
    book.save(path)
    return path


def write_csv(path, rows, columns):
    """Every row in one CSV in GB18030 (the encoding Chinese government systems import), headers in Chinese."""
    table = rows[[c.header for c in columns]].copy()
    for col in columns:
        if col.kind in ("int", "m2"):
            table[col.header] = pd.to_numeric(table[col.header], errors="coerce").round().astype("Int64")
    table.to_csv(path, index=False, encoding="gb18030")
    return path
