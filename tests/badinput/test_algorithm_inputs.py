"""Weight sets, rule sets and indicator tables given to the scoring algorithms: files that are broken or
unsafe, weights that do not add up, indicators the layer does not have, numbers typed as text."""
import pytest
from qgis.PyQt.QtCore import QVariant

from .conftest import memory_layer, refused, save_gpkg, square, succeeded

X0, Y0 = 500000.0, 3500000.0


def indicator_layer(rows=None):
    """Three parcels with two indicator columns as a technician fills them in (text allowed)."""
    rows = rows or [("P1", 1.0, "3"), ("P2", 2.0, "暂无"), ("P3", 0.5, "12万")]
    return memory_layer("Polygon", "EPSG:4547", ["宗地编号:string", "plot_ratio:double", "tax_per_area:string"],
                        [(square(X0 + 200 * i, Y0), list(r)) for i, r in enumerate(rows)], name="indicators")


def weight_set(tmp_path, indicators, name="weights.yaml", extra=""):
    lines = "".join(f"      - {{id: {i}, weight: {w}}}\n" for i, w in indicators)
    path = tmp_path / name
    path.write_text(f"name: mine\n{extra}elements:\n  - id: e\n    weight: 1\n    indicators:\n{lines}",
                    encoding="utf-8")
    return str(path)


def scores(layer):
    return {f["宗地编号"]: (None if isinstance(f["score"], QVariant) else f["score"]) for f in layer.getFeatures()}


def test_wan_in_a_per_mu_money_column_is_read_in_wan_yuan(provider, tmp_path):
    ws = weight_set(tmp_path, [("plot_ratio", 0.5), ("tax_per_area", 0.5)])
    layer = indicator_layer([("P1", 1.0, "3"), ("P2", 2.0, "30"), ("P3", 0.5, "12万"), ("P4", 1.5, "暂无")])
    result = succeeded("scoreparcels", {"INPUT": layer, "WEIGHT_SET": ws, "OUTPUT": "memory:"},
                       "tax_per_area: 1 cell(s) marked as having no data ('暂无')")
    # tax_per_area is in 万元/亩, so "12万" is 12 (not 120 000): min-max over 3, 30, 12 gives 0, 1, 1/3;
    # plot ratios 1, 2, 0.5, 1.5 give 1/3, 1, 0, 2/3. P4 has no tax: scored on plot ratio alone (reweight).
    assert scores(result.results["OUTPUT"]) == pytest.approx({"P1": 1 / 6, "P2": 1.0, "P3": 1 / 6, "P4": 2 / 3})


def test_weight_set_naming_some_indicators_the_layer_lacks_is_warned(provider, tmp_path):
    ws = weight_set(tmp_path, [("plot_ratio", 0.5), ("employees_per_area", 0.5)])
    result = succeeded("scoreparcels", {"INPUT": indicator_layer(), "WEIGHT_SET": ws, "OUTPUT": "memory:"},
                       "e/employees_per_area: field 'employees_per_area' is not in the table",
                       "missing for every parcel")
    # Scored on plot ratio alone (reweight): 1, 2, 0.5 → 1/3, 1, 0.
    assert scores(result.results["OUTPUT"]) == pytest.approx({"P1": 1 / 3, "P2": 1.0, "P3": 0.0})


def test_weight_set_naming_only_indicators_the_layer_lacks_is_refused(provider, tmp_path):
    ws = weight_set(tmp_path, [("output_per_area", 0.5), ("employees_per_area", 0.5)])
    refused("scoreparcels", {"INPUT": indicator_layer(), "WEIGHT_SET": ws, "OUTPUT": "memory:"},
            "No indicator of weight set 'mine' has a value for any parcel",
            "output_per_area, employees_per_area", "run computeindicators first")


def test_evaluate_with_a_weight_set_the_data_cannot_feed_is_refused(provider, tmp_path):
    ws = weight_set(tmp_path, [("output_per_area", 0.5), ("employees_per_area", 0.5)])
    layer = memory_layer("Polygon", "EPSG:4547", ["宗地编号:string"], [(square(X0, Y0), ["P1"])])
    refused("evaluate", {"PARCELS": layer, "PARCEL_ID": "宗地编号", "PRESET": "jiangning", "WEIGHT_SET": ws,
                         "OUTPUT": "memory:"}, "No indicator of weight set")


# ------------------------------------------------------------------------------------- config files
def test_malformed_weight_set_names_file_line_and_column(provider, tmp_path):
    path = tmp_path / "weights.yaml"
    path.write_text("name: mine\nelements:\n  - id: e\n    weight: 1\n    indicators:\n"
                    "      - {id: plot_ratio, weight: 1\n", encoding="utf-8")
    refused("scoreparcels", {"INPUT": indicator_layer(), "WEIGHT_SET": str(path), "OUTPUT": "memory:"},
            str(path), "line 7, column 1: not valid YAML")


@pytest.mark.parametrize("alg, key", [("scoreparcels", "WEIGHT_SET"), ("evaluate", "RULE_SET"),
                                      ("checkvetoes", "RULE_SET"), ("computeindicators", "FIELD_MAP")])
def test_yaml_that_builds_python_objects_is_refused_and_runs_nothing(provider, tmp_path, alg, key):
    marker = tmp_path / "executed"
    path = tmp_path / "evil.yaml"
    path.write_text(f"name: evil\nthreshold: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    layer = indicator_layer()
    params = {"scoreparcels": {"INPUT": layer}, "checkvetoes": {"INPUT": layer},
              "evaluate": {"PARCELS": layer, "PARCEL_ID": "宗地编号", "PRESET": "jiangning"},
              "computeindicators": {"PARCELS": layer, "PARCEL_ID": "宗地编号"}}[alg]
    refused(alg, {**params, key: str(path), "OUTPUT": "memory:"}, str(path), "refused tag",
            "LandEval reads plain YAML only")
    assert not marker.exists(), "the YAML file ran a command"


def test_weights_not_summing_to_one_are_refused_with_the_sum(provider, tmp_path):
    ws = weight_set(tmp_path, [("plot_ratio", 0.5), ("tax_per_area", 0.4)])
    refused("scoreparcels", {"INPUT": indicator_layer(), "WEIGHT_SET": ws, "OUTPUT": "memory:"},
            "elements[0].indicators: the indicator weights sum to 0.9, not 1", "correct them so each level sums to 1")


def test_negative_weight_is_refused_naming_it(provider, tmp_path):
    ws = weight_set(tmp_path, [("plot_ratio", 1.5), ("tax_per_area", -0.5)])
    refused("evaluate", {"PARCELS": indicator_layer(), "PARCEL_ID": "宗地编号", "PRESET": "jiangning",
                         "WEIGHT_SET": ws, "OUTPUT": "memory:"},
            "elements[0].indicators[1].weight: negative weight -0.5; weights must be ≥ 0")


def test_missing_weight_set_file_is_named(provider, tmp_path):
    missing = tmp_path / "nowhere.yaml"
    result = refused("scoreparcels", {"INPUT": indicator_layer(), "WEIGHT_SET": str(missing), "OUTPUT": "memory:"})
    assert "nowhere.yaml" in result.message


def test_file_inputs_are_byte_for_byte_unchanged_by_a_full_run(provider, tmp_path):
    """GeoPackage parcels, a GBK CSV and an XLSX enterprise table, YAML files: hashed by the harness before and
    after, together with a check that no SQLite side file is left beside the GeoPackage."""
    import openpyxl

    layer = memory_layer("Polygon", "EPSG:4547", ["宗地编号:string", "总建筑面积:double"],
                         [(square(X0 + 200 * i, Y0), [f"P{i}", 5000.0 * (i + 1)]) for i in range(4)])
    gpkg = save_gpkg(layer, tmp_path / "parcels.gpkg")
    csv = tmp_path / "firms.csv"
    csv.write_bytes("宗地编号,企业编号,总税收,总产值\nP0,E1,3,100\nP1,E2,暂无,200\nP2,E3,12万,-5\n".encode("gbk"))
    book = openpyxl.Workbook()
    book.active.append(["宗地编号", "企业编号", "总税收", "总产值"])
    for row in (["P0", "E1", 3, 100], ["P1", "E2", 7, 200], ["P3", "E4", 1, 50]):
        book.active.append(row)
    xlsx = tmp_path / "firms.xlsx"
    book.save(xlsx)
    ws = weight_set(tmp_path, [("plot_ratio", 0.5), ("tax_per_area", 0.5)])
    for table in (csv, xlsx):
        result = succeeded("evaluate", {"PARCELS": gpkg, "PARCEL_ID": "宗地编号", "ENTERPRISES": str(table),
                                        "PRESET": "jiangning", "WEIGHT_SET": ws,
                                        "OUTPUT": str(tmp_path / f"out_{table.suffix[1:]}.gpkg")})
        assert result.results["PARCELS_WITHOUT_ENTERPRISE"] == 1
