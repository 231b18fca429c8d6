"""Data as offices send it (issue 18), through the Processing algorithms: units written in the headers of the
sample's enterprise table, a GBK Shapefile without a .cpg (given as a path, as qgis_process users do, and as a
layer loaded with garbled names, as in the dialog), and zero-padded enterprise ids against an integer parcel id.

Issue 18: "The sample's table with tax and output in 元 gives the same indicator values (to 1e-9 relative) as
the 万元 table, and the log names both conversions"; "A GBK Shapefile without `.cpg` evaluates headless with the
right Chinese field names and a warning; the zero-padded ids join an integer id field".
"""
import math
import os
from pathlib import Path

import pandas as pd
import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
SAMPLE_PARCELS = f"{SAMPLE / 'sample_county.gpkg'}|layername=parcels"
M2_PER_MU = 10000.0 / 15.0


class Log(QgsProcessingFeedback):
    """Every info and warning line of a run."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, text):  # noqa: N802 - QGIS API name
        self.infos.append(text)
        super().pushInfo(text)

    def pushWarning(self, text):  # noqa: N802 - QGIS API name
        self.warnings.append(text)
        super().pushWarning(text)


def _numbers(layer, key="宗地编号"):
    """{parcel id: {field: float}} of every numeric field of an output layer."""
    names = [f.name() for f in layer.fields() if f.isNumeric()]
    out = {}
    for feat in layer.getFeatures():
        out[feat[key]] = {n: (math.nan if feat[n] is None or (hasattr(feat[n], "isNull") and feat[n].isNull())
                              else float(feat[n])) for n in names}
    return out


@pytest.fixture(scope="module")
def yuan_table(tmp_path_factory):
    """The sample's enterprise table as a tax office exports it: 税收总额（元）, 工业总产值（元）, values ×10⁴."""
    table = pd.read_csv(SAMPLE / "enterprises.csv", encoding="gb18030", dtype=str, keep_default_na=False)
    for old, new in (("总税收", "税收总额（元）"), ("总产值", "工业总产值（元）")):
        numbers = pd.to_numeric(table[old], errors="coerce")
        table[old] = [repr(v * 1.0e4) if not math.isnan(v) else text for v, text in zip(numbers, table[old])]
        table = table.rename(columns={old: new})
    path = tmp_path_factory.mktemp("yuan") / "enterprises_yuan.csv"
    table.to_csv(path, index=False, encoding="gb18030")
    return path


def test_sample_in_yuan_gives_the_same_indicators_and_names_both_conversions(run, yuan_table):
    params = {"PARCELS": SAMPLE_PARCELS, "PARCEL_ID": "宗地编号", "OUTPUT": "TEMPORARY_OUTPUT"}
    wan = _numbers(run("computeindicators", {**params, "ENTERPRISES": str(SAMPLE / "enterprises.csv")})["OUTPUT"])
    log = Log()
    yuan = _numbers(run("computeindicators", {**params, "ENTERPRISES": str(yuan_table)}, feedback=log)["OUTPUT"])
    assert wan.keys() == yuan.keys() and len(wan) == 2000
    compared = 0
    for pid, fields in wan.items():
        for name, value in fields.items():
            other = yuan[pid][name]
            assert (math.isnan(value) and math.isnan(other)) or other == pytest.approx(value, rel=1e-9, abs=1e-12), \
                (pid, name, value, other)
            compared += not math.isnan(value)
    assert compared > 2000 * 10
    assert "税收总额（元）: in 元 (as the header says), converted to 万元 (× 0.0001) for 总税收 (tax)." in log.infos
    assert "工业总产值（元）: in 元 (as the header says), converted to 万元 (× 0.0001) for 总产值 (output_value)." \
        in log.infos
    # Both tables are plausible: no magnitude warning; the columns without a unit are named in one line.
    assert not [w for w in log.warnings if "plausible range" in w]
    assert any(i.startswith("No unit in the header of") and "总建筑面积 m²" in i for i in log.infos)


def test_yuan_taken_as_wan_yuan_is_flagged_with_the_mix_up(run, tmp_path):
    # The report: the 元 values under headers without a unit were taken as 万元 without a word.
    table = pd.read_csv(SAMPLE / "enterprises.csv", encoding="gb18030", dtype=str, keep_default_na=False)
    tax = pd.to_numeric(table["总税收"], errors="coerce") * 1.0e4
    table["总税收"] = tax.map(lambda v: "" if math.isnan(v) else repr(v))
    path = tmp_path / "ent.csv"
    table.to_csv(path, index=False, encoding="gb18030")
    log = Log()
    run("computeindicators", {"PARCELS": SAMPLE_PARCELS, "PARCEL_ID": "宗地编号", "ENTERPRISES": str(path),
                              "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    flagged = [w for w in log.warnings if w.startswith("地均税收 (tax_per_area): the median")]
    assert len(flagged) == 1
    assert "总税收 (tax) holding values in 元 but read as 万元 makes tax_per_area 10⁴ times too large" in flagged[0]


def test_report_lists_the_conversions_in_its_data_quality_section(run, yuan_table, tmp_path):
    report = tmp_path / "report.html"
    run("evaluate", {"PARCELS": SAMPLE_PARCELS, "PARCEL_ID": "宗地编号", "ENTERPRISES": str(yuan_table),
                     "PRESET": "jiangning", "OUTPUT": str(tmp_path / "ev.gpkg"), "REPORT": str(report)})
    html = report.read_text(encoding="utf-8")
    quality = html[html.index('id="quality"'):]
    notes = quality[quality.index('id="data-notes"'):quality.index("</ul>", quality.index('id="data-notes"'))]
    assert "税收总额（元）: in 元 (as the header says), converted to 万元 (× 0.0001)" in notes
    assert "工业总产值（元）: in 元" in notes and "No unit in the header of" in notes


def test_field_map_unit_and_a_unit_of_the_wrong_kind(run, tmp_path):
    from qgis.core import QgsProcessingException

    table = pd.read_csv(SAMPLE / "enterprises.csv", encoding="gb18030", dtype=str, keep_default_na=False)
    table = table.rename(columns={"总税收": "实缴税金"})
    table["实缴税金"] = pd.to_numeric(table["实缴税金"], errors="coerce").map(
        lambda v: "" if math.isnan(v) else repr(v * 1.0e4))
    csv = tmp_path / "ent.csv"
    table.to_csv(csv, index=False, encoding="utf-8")
    field_map = tmp_path / "map.yaml"
    field_map.write_text("tax: {field: 实缴税金, unit: 元}\n", encoding="utf-8")
    params = {"PARCELS": SAMPLE_PARCELS, "PARCEL_ID": "宗地编号", "ENTERPRISES": str(csv),
              "FIELD_MAP": str(field_map), "OUTPUT": "TEMPORARY_OUTPUT"}
    log = Log()
    got = _numbers(run("computeindicators", params, feedback=log)["OUTPUT"])
    wan = _numbers(run("computeindicators", {**params, "ENTERPRISES": str(SAMPLE / "enterprises.csv"),
                                             "FIELD_MAP": None})["OUTPUT"])
    pid = next(p for p, f in wan.items() if not math.isnan(f["tax_per_area"]))
    assert got[pid]["tax_per_area"] == pytest.approx(wan[pid]["tax_per_area"], rel=1e-9)
    assert "实缴税金: in 元 (as FIELD_MAP says), converted to 万元 (× 0.0001) for 总税收 (tax)." in log.infos
    field_map.write_text("tax: {field: 实缴税金, unit: 亩}\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"Column '实缴税金': FIELD_MAP gives its unit as '亩'"):
        run("computeindicators", params)


# -------------------------------------------------------------------------------------- GBK Shapefile, ids
@pytest.fixture
def gbk_parcels(tmp_path, write_gbk_shapefile):
    path = tmp_path / "parcels_gbk.shp"
    write_gbk_shapefile(path, [1, 2, 3])
    return path


@pytest.fixture
def padded_firms(tmp_path):
    path = tmp_path / "firms.csv"
    # Ids with leading zeros, as a system or an Excel round-trip writes them; tax in 万元.
    path.write_text("宗地编号,企业名称,总税收\n0001,甲公司,30\n0002,乙公司,45\n0002,丙公司,15\n", encoding="gb18030")
    return path


def test_gbk_shapefile_path_reads_chinese_names_with_a_warning(run, gbk_parcels, padded_firms):
    log = Log()
    out = run("computeindicators", {"PARCELS": str(gbk_parcels), "PARCEL_ID": "宗地编号",
                                    "ENTERPRISES": str(padded_firms), "OUTPUT": "TEMPORARY_OUTPUT"},
              feedback=log)
    layer = out["OUTPUT"]
    assert {"宗地编号", "总建筑面积", "土地用途", "plot_ratio", "tax_per_area"} <= set(layer.fields().names())
    got = {f["宗地编号"]: f for f in layer.getFeatures()}
    assert got[1]["土地用途"] == "工业用地"
    assert got[1]["plot_ratio"] == pytest.approx(2.0)  # 20 000 m² of floor on 10 000 m²
    # Zero-padded ids joined to the integer field: parcel 1 pays 30 万元 on 15 亩, parcel 2 45 + 15 = 60 万元.
    assert got[1]["tax_per_area"] == pytest.approx(2.0) and got[2]["tax_per_area"] == pytest.approx(4.0)
    assert out["UNMATCHED_ENTERPRISES"] == 0
    warning = [w for w in log.warnings if "has no .cpg file" in w]
    assert len(warning) == 1 and "read as GB18030" in warning[0] and "parcels_gbk.cpg" in warning[0]
    assert any("compared as numbers" in i and "0001 = 1" in i for i in log.infos)


def test_gbk_shapefile_loaded_with_garbled_names_as_in_the_dialog(run, gbk_parcels):
    loaded = QgsVectorLayer(str(gbk_parcels), "parcels", "ogr")
    garbled = loaded.fields().names()
    assert "宗地编号" not in garbled and any("\ufffd" in n for n in garbled)  # what the dialog offers
    log = Log()
    out = run("computeindicators", {"PARCELS": loaded, "PARCEL_ID": garbled[0], "OUTPUT": "TEMPORARY_OUTPUT"},
              feedback=log)
    assert "宗地编号" in out["OUTPUT"].fields().names()
    assert [f["plot_ratio"] for f in out["OUTPUT"].getFeatures()] == pytest.approx([2.0, 2.0, 2.0])
    assert any("read as GB18030" in w for w in log.warnings)
    assert loaded.fields().names() == garbled  # the user's layer is left as it was


def test_a_shapefile_with_its_cpg_is_read_as_it_says(run, gbk_parcels):
    gbk_parcels.with_suffix(".cpg").write_text("GB18030", encoding="ascii")
    log = Log()
    out = run("computeindicators", {"PARCELS": str(gbk_parcels), "PARCEL_ID": "宗地编号",
                                    "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    assert "宗地编号" in out["OUTPUT"].fields().names()
    assert not [w for w in log.warnings if ".cpg" in w]


def test_text_ids_that_match_only_without_zeros_are_diagnosed(run, tmp_path):
    parcels = tmp_path / "parcels.csv"
    firms = tmp_path / "firms.csv"
    firms.write_text("宗地编号,总税收\n0001,1\n0002,2\n0003,3\n", encoding="utf-8")
    path = tmp_path / "p.gpkg"
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    layer = ds.CreateLayer("p", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("宗地编号", ogr.OFTString))
    for i in range(3):
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetField("宗地编号", str(i + 1))
        x = 500000 + 200 * i
        feat.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} 3500000,{x + 100} 3500000,{x + 100} 3500100,{x} 3500100,{x} 3500000))"))
        layer.CreateFeature(feat)
    ds = None
    del parcels
    log = Log()
    out = run("computeindicators", {"PARCELS": str(path), "PARCEL_ID": "宗地编号", "ENTERPRISES": str(firms),
                                    "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    assert out["UNMATCHED_ENTERPRISES"] == 3  # text against text: zeros are not stripped silently
    hint = [w for w in log.warnings if "would match a parcel if leading zeros were ignored" in w]
    assert len(hint) == 1 and "(0001 ~ 1, 0002 ~ 2, 0003 ~ 3)" in hint[0]


def test_a_loaded_shapefile_whose_encoding_the_user_set_is_read_as_it_is(run, gbk_parcels):
    loaded = QgsVectorLayer(str(gbk_parcels), "parcels", "ogr")
    loaded.setProviderEncoding("GB18030")  # Layer Properties → Source → Data source encoding
    log = Log()
    out = run("computeindicators", {"PARCELS": loaded, "PARCEL_ID": "宗地编号", "OUTPUT": "TEMPORARY_OUTPUT"},
              feedback=log)
    assert "宗地编号" in out["OUTPUT"].fields().names()
    assert not [w for w in log.warnings if ".cpg" in w]
