"""landeval:exportlist through processing.run on the golden evaluation, the workbook read back with openpyxl:
sheets per category, Chinese headers with units, frozen header, number formats, totals, and a summary whose
counts and areas are the layer's own."""
from collections import Counter, defaultdict
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

DATA = Path(__file__).resolve().parents[1] / "data"
CONFIG = str(DATA / "golden_config.yaml")
# golden_config.yaml's category labels, in its precedence order.
CATEGORY_LABELS = {"in_progress": "正在推进", "eco_exit": "生态清退", "reported": "地方上报", "identified": "低效认定",
                   "retained": "现状保留"}


def inefficient_parcels(path):
    """[(id, category, area in 亩)] of the inefficient parcels, read from the layer."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    layer = QgsVectorLayer(str(path), "ev", "ogr")
    request = QgsFeatureRequest().setFilterExpression('"inefficient" = 1')
    return [(f["宗地编号"], f["category"], f["area_mu"]) for f in layer.getFeatures(request)]


def sheet_rows(sheet):
    header = [c.value for c in sheet[1]]
    return header, [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]


def test_workbook_sheets_headers_formats_and_totals(run, evaluated, tmp_path):
    parcels = inefficient_parcels(evaluated)
    out = tmp_path / "list.xlsx"
    result = run("exportlist", {"INPUT": evaluated, "RULE_SET": CONFIG, "PARKS": str(DATA / "parks.gpkg"),
                                "OUTPUT": str(out)})
    assert result["ROWS"] == len(parcels)
    book = openpyxl.load_workbook(out)
    by_category = defaultdict(list)
    for pid, category, area in parcels:
        by_category[CATEGORY_LABELS[category]].append((pid, area))
    # "One sheet per final category plus a summary sheet", in the categories' order.
    assert book.sheetnames == ["汇总"] + [v for v in CATEGORY_LABELS.values() if v in by_category]
    for name, expected in by_category.items():
        sheet = book[name]
        header, rows = sheet_rows(sheet)
        # "Chinese headers with units (面积（亩）, 亩均税收（万元/亩）)"
        assert header[:2] == ["宗地编号", "街镇"] and "面积（亩）" in header and "亩均税收（万元/亩）" in header
        assert {"园区", "综合得分", "一票否决项", "低效类型", "认定类别", "分级"} <= set(header)
        assert sheet.freeze_panes == "B2"
        body, total = rows[:-1], rows[-1]
        assert sorted(r["宗地编号"] for r in body) == sorted(pid for pid, _ in expected)
        assert {r["认定类别"] for r in body} == {name}
        # "a totals row"
        assert total["宗地编号"] == f"合计（{len(expected)} 宗）"
        assert total["面积（亩）"] == pytest.approx(sum(area for _, area in expected))
        area_col = header.index("面积（亩）") + 1
        assert sheet.cell(row=2, column=area_col).number_format == "#,##0.00"
        assert sheet.cell(row=2, column=header.index("综合得分") + 1).number_format == "0.000"
        assert sheet.column_dimensions["A"].width >= len(expected[0][0])


def test_summary_counts_and_areas_equal_the_layer(run, evaluated, tmp_path):
    parcels = inefficient_parcels(evaluated)
    out = tmp_path / "list.xlsx"
    run("exportlist", {"INPUT": evaluated, "RULE_SET": CONFIG, "OUTPUT": str(out)})
    sheet = openpyxl.load_workbook(out)["汇总"]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    settings = {row[0]: row[1] for row in cells[:15] if row[0]}
    assert settings["筛选条件"] == '"inefficient" = 1' and settings["清单宗数"] == len(parcels)
    assert settings["权重方案"].startswith("golden")
    start = next(i for i, row in enumerate(cells) if row[0] == "认定类别")
    table = {}
    for row in cells[start + 1:]:
        table[row[0]] = (row[1], row[2])
        if row[0] == "合计":
            break
    counts = Counter(CATEGORY_LABELS[c] for _, c, _ in parcels)
    for label, n in counts.items():
        assert table[label][0] == n
        assert table[label][1] == pytest.approx(sum(a for _, c, a in parcels if CATEGORY_LABELS[c] == label))
    assert table["合计"] == (len(parcels), pytest.approx(sum(a for _, _, a in parcels)))


def test_csv_in_gb18030(run, evaluated, tmp_path):
    out = tmp_path / "list.csv"
    result = run("exportlist", {"INPUT": evaluated, "OUTPUT": str(out)})
    lines = out.read_bytes().decode("gb18030").splitlines()
    assert lines[0].startswith("宗地编号,街镇,") and len(lines) == 1 + result["ROWS"]
    with pytest.raises(UnicodeDecodeError):
        out.read_bytes().decode("utf-8")
