"""Issue 18 headless: "A GBK Shapefile without `.cpg` evaluates headless with the right Chinese field names and a
warning" — through qgis_process, where the user gives the path and cannot set a layer's encoding."""
import json

import pytest
from osgeo import ogr

pytestmark = pytest.mark.slow


def test_gbk_shapefile_without_cpg_evaluates_headless(e2e, plugin_profile, tmp_path, write_gbk_shapefile):
    parcels = tmp_path / "parcels_gbk.shp"
    write_gbk_shapefile(parcels, [1, 2, 3, 4, 5])
    firms = tmp_path / "firms.csv"
    firms.write_text("宗地编号,企业名称,总税收,总产值,从业人员\n0001,甲,30,300,20\n0002,乙,60,500,40\n"
                     "0003,丙,3,40,5\n0004,丁,12,150,10\n0005,戊,24,260,30\n", encoding="gb18030")
    out = tmp_path / "evaluated.gpkg"
    params = {"PARCELS": str(parcels), "PARCEL_ID": "宗地编号", "ENTERPRISES": str(firms), "PRESET": "jiangning",
              "OUTPUT": str(out)}
    done = e2e.call_qgis_process(["run", "landeval:evaluate", *e2e.param_args(params)], plugin_profile)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    log = json.loads(done.stdout)["log"]
    warning = [w for w in log["warning"] if "parcels_gbk.shp has no .cpg file" in w]
    assert len(warning) == 1 and "read as GB18030" in warning[0] and "parcels_gbk.cpg" in warning[0]
    # The integer 宗地编号 against 0001, 0002, …: compared as numbers, and said.
    assert any("compared as numbers" in line for line in log["info"])
    dataset = ogr.Open(str(out))  # kept: a layer outlived by its dataset crashes GDAL's Python bindings
    layer = dataset.GetLayer(0)
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    assert {"宗地编号", "总建筑面积", "土地用途", "tax_per_area", "tier"} <= set(names)
    rows = {f.GetField("宗地编号"): (f.GetField("土地用途"), f.GetField("tax_per_area")) for f in layer}
    # Parcel 1: 30 万元 on 10 000 m² = 15 亩 → 2 万元/亩; the GBK text value decoded too.
    assert rows[1][0] == "工业用地" and rows[1][1] == pytest.approx(2.0)
