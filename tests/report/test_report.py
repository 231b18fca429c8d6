"""The HTML report and the map: every section, counts equal to the layer's, a map in the tier colours."""
import base64
import re
from collections import Counter

import pytest

from landeval.core import report_html


def is_null(value):
    from qgis.core import NULL

    return value is None or value == NULL or (isinstance(value, float) and value != value)


def layer_values(layer, field):
    """Values of one field; NULL as None."""
    return [None if is_null(f[field]) else f[field] for f in layer.getFeatures()]


def table_counts(page, kind):
    """{stored value: parcel count} read back from the report's by-<kind> table."""
    table = re.search(rf'<table class="classes" id="by-{kind}">(.*?)</table>', page, re.S).group(1)
    rows = re.findall(r'<tr data-value="([^"]*)">.*?<td class="count">([\d,]+)</td>', table, re.S)
    return {value: int(count.replace(",", "")) for value, count in rows}


def png_image(data):
    from qgis.PyQt.QtGui import QImage

    image = QImage()
    assert image.loadFromData(data, "PNG")
    return image


def colour_histogram(image, step=2):
    from qgis.PyQt.QtGui import QColor

    counts = Counter()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            counts[QColor(image.pixel(x, y)).name()] += 1
    return counts


@pytest.fixture
def report_page(evaluated_layer, tmp_path):
    from landeval.qgis_io.report_io import write_report

    info = {"preset": "jiangning", "digest": "ab" * 32, "threshold": 0.6, "review_band": 0.05,
            "tier_method": "quantile", "tier_breaks": [20, 55, 20, 5], "area_unit": "mu", "elapsed_s": 1.25,
            "warnings": ["63 parcel id(s) of the enterprise table match no parcel."],
            "quality": {"unmatched_enterprises": 63, "repaired_geometries": 5}}
    written = write_report(evaluated_layer, str(tmp_path / "report.html"), info, None, str(tmp_path / "map.png"),
                           lang="bilingual")
    return (tmp_path / "report.html").read_text(encoding="utf-8"), written


def test_map_is_drawn_in_the_tier_colours(evaluated_layer):
    from landeval.qgis_io.report_map import render_map

    image = png_image(render_map(evaluated_layer, "tier", width=800, height=600))
    assert image.width() == 800 + 420 and image.height() == 600
    colours = colour_histogram(image)
    total = sum(colours.values())
    assert colours["#ffffff"] < 0.8 * total  # not blank
    present = set(layer_values(evaluated_layer, "tier"))
    for cls in report_html.palette()["tier"]:
        if cls["value"] in present:
            assert colours[cls["color"]] > 200, cls  # solid fills in each tier's own colour


def test_map_follows_the_style_kind(evaluated_layer):
    from landeval.qgis_io.report_map import render_map

    colours = colour_histogram(png_image(render_map(evaluated_layer, "level", width=600, height=450)))
    for cls in report_html.palette()["level"]:
        assert colours[cls["color"]] > 100
    assert colours[report_html.colour_of("tier", "A")] == 0


def test_report_has_every_section(report_page):
    page, written = report_page
    for key in report_html.HEADINGS:
        assert f'id="{key}"' in page, key
    zh, en = report_html.HEADINGS["quality"]
    assert zh in page and en in page  # bilingual headings
    assert "jiangning" in page and "ab" * 8 in page and "0.60" in page and "20, 55, 20, 5" in page
    assert re.search(r"QGIS 版本 QGIS version</th><td>3\.\d+", page)
    assert "0.1" in re.search(r"LandEval version</th><td>([^<]*)", page).group(1)


def test_report_is_self_contained(report_page, tmp_path):
    page, written = report_page
    urls = set(re.findall(r"""(?:src|href)=["']([^"'#][^"']*)""", page))
    assert all(u.startswith("data:image/png;base64,") for u in urls), urls
    assert "<script" not in page and "@import" not in page
    data = re.search(r'id="map-image" alt="[^"]*" src="data:image/png;base64,([^"]+)"', page).group(1)
    inline = base64.b64decode(data)
    assert inline == (tmp_path / "map.png").read_bytes() and written["map"] == str(tmp_path / "map.png")
    png_image(inline)


def test_class_counts_and_areas_match_the_layer(report_page, evaluated_layer):
    page, _ = report_page
    for kind in ("tier", "category", "ineff_type", "level"):
        counted = Counter("" if v is None else str(v) for v in layer_values(evaluated_layer, kind))
        reported = {k: v for k, v in table_counts(page, kind).items() if v}
        assert reported == dict(counted), kind
    # every parcel is 60 亩: the area column is 60 × the count
    tier_table = re.search(r'id="by-tier">(.*?)</table>', page, re.S).group(1)
    b_row = re.search(r'data-value="B">.*?class="area">([\d,.]+)<', tier_table, re.S).group(1)
    assert float(b_row.replace(",", "")) == pytest.approx(60.0 * Counter(layer_values(evaluated_layer, "tier"))["B"])
    assert re.search(r'class="total">.*?class="count">48<', tier_table, re.S)


def test_overview_list_and_quality_match_the_layer(report_page, evaluated_layer):
    page, _ = report_page
    inefficient = [f for f in evaluated_layer.getFeatures() if f["inefficient"] == 1]
    assert re.search(r'id="n-parcels">48<', page)
    assert re.search(rf'id="n-inefficient">{len(inefficient)}<', page)
    assert re.search(rf'id="n-veto">{sum(f["veto_failed"] for f in evaluated_layer.getFeatures())}<', page)
    listed = re.search(r'id="inefficient-table">(.*?)</table>', page, re.S).group(1)
    ids = re.findall(r"<tr><td>(T\d{3})</td>", listed)
    assert sorted(ids) == sorted(f["宗地编号"] for f in inefficient)
    assert "无合法工业用地证" in listed and "地均税收" in listed  # reasons in words: veto and weakest labels
    assert re.search(r'id="q-unmatched">63<', page) and re.search(r'id="q-repaired">5<', page)
    no_firm = sum(1 for f in evaluated_layer.getFeatures() if f["n_enterprises"] == 0)
    assert re.search(rf'id="q-nofirm">{no_firm}<', page)
    missing_pr = layer_values(evaluated_layer, "plot_ratio").count(None)
    assert re.search(rf'data-indicator="plot_ratio">.*?class="count">{missing_pr}<', page, re.S)
    assert "63 parcel id(s) of the enterprise table match no parcel." in page


def test_charts(report_page, evaluated_layer):
    page, _ = report_page
    hist = re.search(r'<svg class="chart" id="chart-histogram".*?</svg>', page, re.S).group(0)
    bars = [int(n) for n in re.findall(r"<title>[\d.]+–[\d.]+: (\d+)</title>", hist)]
    scored = [v for v in layer_values(evaluated_layer, "score") if v is not None]
    assert sum(bars) == len(scored) and len(bars) == 20
    # the threshold line sits at 0.6 of the plot width (x from 50 to 660)
    x = float(re.search(r'id="threshold-line" x1="([\d.]+)"', hist).group(1))
    assert x == pytest.approx(50 + 0.6 * 610, abs=0.1)
    stacked = re.search(r'id="chart-tier-by-level".*?</svg>', page, re.S).group(0)
    assert "产业基地" in stacked and "全部 All" in stacked
    weakest = re.search(r'id="chart-weakest".*?</svg>', page, re.S).group(0)
    ineff = [f for f in evaluated_layer.getFeatures() if f["inefficient"] == 1]
    n_tax = sum("tax_per_area" in f["weakest"] for f in ineff)
    assert re.search(rf"地均税收 Tax per area</text>.*?>{n_tax}</text>", weakest, re.S)


def test_report_algorithm_describes_the_preset(landeval_provider, evaluated_layer, tmp_path):
    import processing

    from landeval.core.config import load_config

    out = tmp_path / "alg_report.html"
    result = processing.run("landeval:report", {"INPUT": evaluated_layer, "LANGUAGE": 3, "PRESET": "jiangning",
                                                "OUTPUT": str(out), "MAP": str(tmp_path / "m.png")})
    page = out.read_text(encoding="utf-8")
    assert result["OUTPUT"] == str(out) and (tmp_path / "m.png").stat().st_size > 10000
    assert load_config("jiangning").digest()[:16] in page
    assert "江宁区低效工业用地识别" in page


def test_report_refuses_a_layer_without_results(qgis_app, tmp_path):
    from qgis.core import QgsVectorLayer

    from landeval.qgis_io.report_io import write_report
    from landeval.core.errors import LandEvalError

    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=宗地编号:string", "raw", "memory")
    with pytest.raises(LandEvalError, match="neither 'score' nor 'tier'"):
        write_report(layer, str(tmp_path / "r.html"), {})
