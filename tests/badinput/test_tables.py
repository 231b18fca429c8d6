"""Department tables as they arrive: GBK or UTF-8 CSV (as a file or as a layer opened with the wrong encoding),
XLSX with a title row merged above the headers, numbers typed as text. Through landeval:entropyweights, the
first algorithm that reads a table; computeindicators meets the same reader (test_algorithm_inputs.py)."""
import json

import numpy as np
import openpyxl
import pandas as pd
import pytest
from qgis.core import QgsProject, QgsVectorLayer

from landeval.core import weighting

from .conftest import memory_layer, refused, succeeded

HEADER = "宗地编号,总税收,容积率\n"
ROWS = 'P1,暂无,1.2\nP2,"1,234",0.8\nP3,12万,—\nP4,5,2.0\nP5,3.5,1.0\n'
# What a careful person reads in those cells: 暂无 and — are no data, "1,234" is 1234, 12万 in a 万元 column is 12.
TAX = [np.nan, 1234.0, 12.0, 5.0, 3.5]
PLOT_RATIO = [1.2, 0.8, np.nan, 2.0, 1.0]


def write_csv(tmp_path, encoding, name="enterprises.csv"):
    path = tmp_path / name
    path.write_bytes((HEADER + ROWS).encode(encoding))
    return str(path)


def expected_weights():
    w = weighting.entropy_weights(pd.DataFrame({"总税收": TAX, "容积率": PLOT_RATIO}))
    return {"总税收": float(w["总税收"]), "容积率": float(w["容积率"])}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_file_in_any_chinese_encoding_reads_the_same_numbers(provider, tmp_path, encoding):
    path = write_csv(tmp_path, encoding)
    result = succeeded("entropyweights", {"INPUT": path, "FIELDS": "总税收;容积率"},
                       "总税收: 1 cell(s) marked as having no data ('暂无') read as missing",
                       "容积率: 1 cell(s) marked as having no data ('—') read as missing")
    assert json.loads(result.results["WEIGHTS"]) == pytest.approx(expected_weights())


def test_text_that_is_not_a_number_is_named_in_a_warning(provider, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + "P1,约5,1\nP2,3,2\nP3,4,0.5\nP4,见附件,1.5\n", encoding="utf-8")
    result = succeeded("entropyweights", {"INPUT": str(path), "FIELDS": "总税收;容积率"},
                       "总税收: 2 cell(s) are not numbers and were read as missing: '约5', '见附件'",
                       "Correct them in the source table")
    w = weighting.entropy_weights(pd.DataFrame({"总税收": [np.nan, 3, 4, np.nan], "容积率": [1, 2, 0.5, 1.5]}))
    assert json.loads(result.results["WEIGHTS"])["总税收"] == pytest.approx(float(w["总税收"]))


def _project_owned(layer):
    """Hand the layer to the project, which frees it when QGIS exits.

    A refused run's exception passes through sip and its frames (which reach this test's locals) are never
    freed; a layer owned by Python would then be deleted after exitQgis(), crashing the interpreter.
    """
    QgsProject.instance().addMapLayer(layer, False)
    return layer


def test_gbk_csv_opened_as_utf8_layer_says_encoding(provider, tmp_path):
    layer = _project_owned(QgsVectorLayer(write_csv(tmp_path, "gbk"), "enterprises", "ogr"))
    layer.setProviderEncoding("UTF-8")
    refused("entropyweights", {"INPUT": layer, "FIELDS": "总税收;容积率"},
            "Field '总税收' is not in the input layer", "GBK/GB18030 text opened as UTF-8",
            "Data source encoding to GB18030")


def test_utf8_csv_opened_as_gbk_layer_says_encoding(provider, tmp_path):
    layer = _project_owned(QgsVectorLayer(write_csv(tmp_path, "utf-8"), "enterprises", "ogr"))
    layer.setProviderEncoding("GB18030")
    refused("entropyweights", {"INPUT": layer, "FIELDS": "总税收;容积率"},
            "Field '总税收' is not in the input layer", "UTF-8 text opened as GBK/GB18030",
            "Data source encoding to UTF-8")


def test_file_in_neither_encoding_is_refused_naming_the_file(provider, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(HEADER.encode("utf-8") + b"P1,\x80\xff\xfe\x81\x30,1\n")
    refused("entropyweights", {"INPUT": str(path), "FIELDS": "总税收;容积率"},
            str(path), "neither UTF-8 nor GBK/GB18030", "CSV UTF-8")


def write_xlsx(path, title_rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for title in title_rows:
        ws.append([title])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=3)
    ws.append(["宗地编号", "总税收", "容积率"])
    for row in (["P1", 3, 1.0], ["P2", 5, 2.0], ["P3", 1, 0.5]):
        ws.append(row)
    wb.save(path)
    return str(path)


def test_xlsx_with_merged_title_rows_says_delete_them(provider, tmp_path):
    path = write_xlsx(tmp_path / "企业.xlsx", ["2023年企业亩均效益评价表", "单位：万元"])
    refused("entropyweights", {"INPUT": path, "FIELDS": "总税收;容积率"},
            # GDAL 3.6 (QGIS 3.22) lists Field1, Field2, Field3; GDAL 3.10 (QGIS 3.40) names the first column
            # after the merged title: "2023年企业亩均效益评价表, Field2, Field3".
            "Field '总税收' is not in the input layer", "Field2, Field3",
            "delete the rows above the header row")


def test_xlsx_with_headers_in_row_one_reads(provider, tmp_path):
    path = write_xlsx(tmp_path / "企业.xlsx", [])
    result = succeeded("entropyweights", {"INPUT": path, "FIELDS": "总税收;容积率"})
    w = weighting.entropy_weights(pd.DataFrame({"总税收": [3, 5, 1], "容积率": [1.0, 2.0, 0.5]}))
    assert json.loads(result.results["WEIGHTS"]) == pytest.approx({k: float(v) for k, v in w.items()})


def test_missing_file_is_named(provider, tmp_path):
    missing = str(tmp_path / "nowhere.csv")
    result = refused("entropyweights", {"INPUT": missing, "FIELDS": "总税收;容积率"})
    assert "nowhere.csv" in result.message


def test_yes_no_text_in_a_numeric_field_is_not_a_number(provider, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + "P1,是,1\nP2,3,2\nP3,4,0.5\n", encoding="utf-8")
    succeeded("entropyweights", {"INPUT": str(path), "FIELDS": "总税收;容积率"},
              "总税收: 1 cell(s) are not numbers and were read as missing: '是'")


def test_a_field_with_fewer_than_two_values_is_refused_by_name(provider, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + "P1,暂无,1\nP2,—,2\nP3,5,0.5\n", encoding="utf-8")
    refused("entropyweights", {"INPUT": str(path), "FIELDS": "总税收;容积率"},
            "at least 2 parcels with a value", "总税收")


def test_title_row_hint_whichever_way_gdal_names_the_columns():
    from landeval.qgis_io.layer_io import _header_diagnosis

    hint = "delete the rows above the header row"
    assert hint in _header_diagnosis(["Field1", "Field2", "Field3"])  # GDAL 3.6
    assert hint in _header_diagnosis(["2023年企业亩均效益评价表", "Field2", "Field3"])  # GDAL ≥ 3.8
    assert _header_diagnosis(["宗地编号", "总税收", "Field3"]) == ""  # a real header with one blank cell


# Issue 18: "A unit LandEval cannot convert to the catalogue's dimension (亩 given for an amount of money) is
# refused with a message naming the column and the unit." The technician sees that message, not a traceback.
def test_a_header_unit_of_the_wrong_kind_is_refused_naming_column_and_unit(provider, tmp_path):
    path = tmp_path / "enterprises.csv"
    path.write_text("宗地编号,总税收（亩）\nP1,5\n", encoding="gbk")
    layer = memory_layer("Polygon", "EPSG:4547", ["宗地编号:string"],
                         [("POLYGON((0 0,100 0,100 100,0 100,0 0))", ["P1"])])
    refused("computeindicators", {"PARCELS": layer, "PARCEL_ID": "宗地编号", "ENTERPRISES": str(path),
                                  "OUTPUT": "TEMPORARY_OUTPUT"},
            "Column '总税收（亩）'", "'亩'", "kept in 万元", "cannot be converted")


def test_a_field_map_unit_nobody_knows_is_refused(provider, tmp_path):
    field_map = tmp_path / "map.yaml"
    field_map.write_text("tax: {field: 实缴税金, unit: 万万元}\n", encoding="utf-8")
    layer = memory_layer("Polygon", "EPSG:4547", ["宗地编号:string"],
                         [("POLYGON((0 0,100 0,100 100,0 100,0 0))", ["P1"])])
    refused("computeindicators", {"PARCELS": layer, "PARCEL_ID": "宗地编号", "FIELD_MAP": str(field_map),
                                  "OUTPUT": "TEMPORARY_OUTPUT"},
            "FIELD_MAP is not valid", "unit '万万元' is not a unit LandEval knows", "元, 千元, 万元, 亿元")
