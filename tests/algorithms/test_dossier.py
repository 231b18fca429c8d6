"""landeval:dossier through processing.run on the golden evaluation: one A4 page per chosen parcel (pdfinfo),
the page's text (pdftotext), the Chinese font embedded (pdffonts), one file per parcel, the shipped template
loading in a layout, the algorithm inside a model."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
CONFIG = str(DATA / "golden_config.yaml")
TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "layouts" / "dossier.qpt"

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils (scripts/setup.sh) missing")


def poppler(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pages_of(pdf):
    return int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)), re.M).group(1))


def inefficient_ids(path):
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    layer = QgsVectorLayer(str(path), "ev", "ogr")
    return [f["宗地编号"] for f in layer.getFeatures(QgsFeatureRequest().setFilterExpression('"inefficient" = 1'))]


def test_one_page_per_inefficient_parcel_with_its_text_and_fonts(run, evaluated, tmp_path, data_hashes):
    from landeval.core.config import load_config

    ids = inefficient_ids(evaluated)
    assert ids, "the golden evaluation has inefficient parcels"
    out = tmp_path / "dossiers.pdf"
    result = run("dossier", {"INPUT": evaluated, "WEIGHT_SET": CONFIG, "PARKS": str(DATA / "parks.gpkg"),
                             "ECO_REDLINE": str(DATA / "redline_4490.gpkg"), "OUTPUT": str(out)})
    assert result["PAGES"] == len(ids) == pages_of(out)
    assert "Page size:       595 x 842 pts (A4)" in poppler("pdfinfo", str(out))
    page1 = poppler("pdftotext", "-f", "1", "-l", "1", "-layout", str(out), "-")
    # The blocks: identity, indicator table, sub-scores, score against the threshold, category, tier,
    # data-quality notes, footer with date, weight set and digest.
    for text in (f"宗地编号：{ids[0]}", "用地面积", "指标明细", "区中位数", "得分贡献", "要素得分", "综合得分",
                 "阈值 0.150", "认定类别", "分级", "数据质量说明", "权重方案 golden",
                 load_config(CONFIG).digest()[:16]):
        assert text in page1, text
    assert re.search(rf"第\s*1\s*/\s*{len(ids)}\s*页", page1)
    fonts = poppler("pdffonts", str(out))
    line = next(row for row in fonts.splitlines() if "WenQuanYi" in row)
    assert line.split()[-5] == "yes", fonts  # the "emb" column


def test_one_file_per_parcel_named_by_id(run, evaluated, tmp_path):
    ids = inefficient_ids(evaluated)[:2]
    expression = '"宗地编号" IN ({})'.format(", ".join(f"'{i}'" for i in ids))
    result = run("dossier", {"INPUT": evaluated, "WEIGHT_SET": CONFIG, "FILTER": expression,
                             "ONE_FILE_PER_PARCEL": True, "OUTPUT": str(tmp_path / "files.pdf")})
    folder = Path(result["OUTPUT"])
    assert folder == tmp_path / "files" and result["PAGES"] == 2
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{i}.pdf" for i in ids)
    assert all(pages_of(p) == 1 for p in folder.iterdir())


def test_a_filter_matching_nothing_says_so(run, evaluated, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="No parcel .* matches FILTER"):
        run("dossier", {"INPUT": evaluated, "WEIGHT_SET": CONFIG, "FILTER": '"score" > 5',
                        "OUTPUT": str(tmp_path / "none.pdf")})
    with pytest.raises(QgsProcessingException, match="nosuchfield"):
        run("dossier", {"INPUT": evaluated, "WEIGHT_SET": CONFIG, "FILTER": '"nosuchfield" = 1',
                        "OUTPUT": str(tmp_path / "none.pdf")})
    assert not (tmp_path / "none.pdf").exists()


def test_the_shipped_template_loads_in_a_layout(qgis_app):
    from qgis.core import QgsPrintLayout, QgsProject, QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    doc = QDomDocument()
    assert doc.setContent(TEMPLATE.read_text(encoding="utf-8"))[0]
    project = QgsProject()  # a layout needs its project alive
    layout = QgsPrintLayout(project)
    _, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
    assert ok
    page = layout.pageCollection().page(0).pageSize()
    assert (round(page.width()), round(page.height())) == (210, 297)
    for item_id in ("map", "scalebar", "north_arrow", "legend", "title", "identity", "result", "notes", "footer",
                    "elements", "indicators"):
        assert layout.itemById(item_id) is not None, item_id


def test_dossier_runs_inside_a_model(landeval_provider, evaluated, tmp_path):
    from qgis.core import (QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm,
                           QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource,
                           QgsProcessingModelParameter, QgsProcessingParameterVectorLayer)

    model = QgsProcessingModelAlgorithm("deliverables", "test")
    model.addModelParameter(QgsProcessingParameterVectorLayer("layer", "layer"), QgsProcessingModelParameter("layer"))
    for alg, out in (("dossier", "d.pdf"), ("exportlist", "l.xlsx")):
        child = QgsProcessingModelChildAlgorithm(f"landeval:{alg}")
        child.setChildId(alg)
        child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("layer")])
        child.addParameterSources("OUTPUT", [QgsProcessingModelChildParameterSource.fromStaticValue(
            str(tmp_path / out))])
        model.addChildAlgorithm(child)
    results, ok = model.run({"layer": evaluated}, QgsProcessingContext(), QgsProcessingFeedback())
    assert ok
    import openpyxl

    n = len(inefficient_ids(evaluated))
    assert pages_of(tmp_path / "d.pdf") == n
    book = openpyxl.load_workbook(tmp_path / "l.xlsx")
    # One header and one totals row on every category sheet.
    assert sum(book[name].max_row - 2 for name in book.sheetnames[1:]) == n
