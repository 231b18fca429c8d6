"""The dossier and the list headless: the sample county evaluated and given paths through qgis_process.bin, then
landeval:dossier and landeval:exportlist through qgis_process.bin; pages, text and rows checked against the layer
read with OGR."""
import re
import shutil
import subprocess

import pytest

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils (scripts/setup.sh) missing")]

# A slice of the inefficient parcels keeps the run short on a shared machine; the whole county is measured in
# the README (728 pages).
FILTER = '"inefficient" = 1 AND "score_rank" > 1750'


def chosen(path, where):
    from osgeo import ogr

    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    lyr.SetAttributeFilter(where)
    return [(f.GetField("宗地编号"), f.GetField("category"), f.GetField("area_mu")) for f in lyr]


def test_dossier_and_list_headless(e2e, plugin_profile, tmp_path):
    import openpyxl

    run = e2e.runner(plugin_profile)
    evaluated = run("evaluate", {**e2e.sample_inputs(), "PRESET": "jiangning",
                                 "OUTPUT": tmp_path / "ev.gpkg"})["OUTPUT"]
    paths = run("suggestpaths", {"INPUT": evaluated, "OUTPUT": tmp_path / "paths.gpkg"})["OUTPUT"]
    parcels = chosen(paths, FILTER.replace('"', ""))
    assert parcels

    pdf = tmp_path / "dossiers.pdf"
    result = run("dossier", {"INPUT": paths, "FILTER": FILTER, "ECO_REDLINE": e2e.layer("eco_redline"),
                             "DEV_BOUNDARY": e2e.layer("dev_boundary"), "PARKS": e2e.layer("parks"), "OUTPUT": pdf})
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert int(result["PAGES"]) == len(parcels) == int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert f"宗地编号：{parcels[0][0]}" in text and "权重方案 jiangning" in text and "所在园区" in text
    assert "建议路径" in text or "认定类别：正在推进" in text  # suggestpaths gives every other inefficient parcel one

    xlsx = tmp_path / "list.xlsx"
    rows = run("exportlist", {"INPUT": paths, "FILTER": FILTER, "OUTPUT": xlsx})["ROWS"]
    assert int(rows) == len(parcels)
    book = openpyxl.load_workbook(xlsx)
    listed = [row[0] for name in book.sheetnames[1:] for row in book[name].iter_rows(min_row=2, values_only=True)
              if not str(row[0]).startswith("合计")]
    assert sorted(listed) == sorted(pid for pid, _, _ in parcels)
    header = [c.value for c in book[book.sheetnames[1]][1]]
    assert "建议路径" in header
