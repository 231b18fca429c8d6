"""The four decision-support algorithms through processing.run on small hand-made layers; the numbers behind
them are worked out in the core tests (test_paths, test_scenarios, test_monitoring, test_two_evaluations)."""
import sqlite3

import numpy as np
import pandas as pd
import pytest

MU = 10000.0 / 15.0


def gpkg(tmp_path, name):
    return str(tmp_path / f"{name}.gpkg")


def test_suggestpaths(run, qgs, tmp_path):
    # Four parcels of test_paths.CASES: A (green, 62 % red line, outside), E2 (efficiency, 150 亩, the firm
    # struck off — 增容技改 for "退出市场的占地100亩以上的工业用地", Jiangning lines 524–526), P (efficient,
    # outside), Q (redevelopment under way). Squares of the right area in EPSG:4547.
    df = pd.DataFrame({
        "parcel_id": ["A", "E2", "P", "Q"],
        "inefficient": [1, 1, 0, 1],
        "category": ["eco_exit", "identified", "retained", "in_progress"],
        "ineff_type": ["green", "efficiency", None, "efficiency"],
        "redline_share": [0.62, 0.0, 0.0, 0.0],
        "inside_dev_boundary": [0, 1, 0, 1],
        "level": ["block", "base", "block", "base"],
        "veto_failed": [1, 0, 0, 0],
        "area_m2": np.array([10, 150, 5, 5]) * MU,
        "registration_status": ["存续", "注销", "存续", "存续"],
    })
    layer = qgs.layer(df, [qgs.square(1000 * i, 0, 100) for i in range(4)])
    # LANGUAGE 0 still means Chinese (saved models and batches use the index; issue 13 added 2 = QGIS's language).
    out = run("suggestpaths", {"INPUT": layer, "LANGUAGE": 0, "OUTPUT": gpkg(tmp_path, "paths")})["OUTPUT"]
    table, written = qgs.read(out)
    got = dict(zip(table["parcel_id"], zip(table["path"], table["clearance_zone"])))
    assert got == {"A": ("eco_restoration", "must_exit"), "E2": ("capacity_upgrade", None),
                   "P": (None, "may_exit"), "Q": (None, None)}
    assert table.loc[1, "path_reason"].startswith("企业已退出市场（注销），用地 150 亩（100 亩以上）")
    assert list(table.columns[: len(df.columns) + 1]) == ["fid"] + list(df.columns)  # input fields kept
    # The GeoPackage carries its style: aliases and the Chinese value map of `path`.
    with sqlite3.connect(out.split("|")[0]) as db:
        (qml,) = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()
    assert "工改工（增容技改）" in qml and "必须清退区" in qml and "再开发路径" in qml


def test_suggestpaths_reports_rule_file_problems(run, qgs, tmp_path):
    from qgis.core import QgsProcessingException

    bad = tmp_path / "bad.yaml"
    bad.write_text("paths: []\nrules: []\n", encoding="utf-8")
    layer = qgs.layer(pd.DataFrame({"inefficient": [1]}), [qgs.square(0, 0, 10)])
    with pytest.raises(QgsProcessingException, match=r"paths: must be a non-empty list"):
        run("suggestpaths", {"INPUT": layer, "PATH_RULES": str(bad), "OUTPUT": "memory:"})


def test_renewalscenarios(run, qgs, tmp_path, district_parcels, district_parks):
    # The district of conftest.py as layers: parcels as small squares around their centroids (areas come from
    # area_m2), parks as their rectangles. Every number is the one worked out in test_scenarios.py.
    parcels = qgs.layer(district_parcels.drop(columns=["x", "y"]),
                        [qgs.square(x, y, 10) for x, y in zip(district_parcels["x"], district_parcels["y"])])
    rects = ["POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))", "POLYGON((5000 0,5500 0,5500 500,5000 500,5000 0))",
             "POLYGON((0 3000,300 3000,300 3300,0 3300,0 3000))"]
    parks = qgs.layer(district_parks.table, rects, name="parks")
    res = run("renewalscenarios", {
        "INPUT": parcels, "PARKS": parks, "PARK_NAME_FIELD": "name", "TOWN_FIELD": "town",
        "PARK_TOWN_FIELD": "town", "RELOCATION_COST": 100, "DEMOLITION_COST": 50, "CONSTRUCTION_COST": 2000,
        "COMPENSATION": 20, "OUTPUT": gpkg(tmp_path, "parcels"), "OUTPUT_LINES": gpkg(tmp_path, "lines"),
        "OUTPUT_TABLE": gpkg(tmp_path, "table"),
    })
    table, _ = qgs.read(res["OUTPUT"])
    assert table["dest_clustering"].tolist() == [None, None, "C1", "C2", "C1", None]
    assert table["dest_integration"].tolist() == [None, "B1", "C1", None, "B1", None]
    assert table["cost_concentration"].tolist()[1:] == pytest.approx([1410, 1375, 490, 825, 245])
    lines, layer = qgs.read(res["OUTPUT_LINES"])
    assert len(lines) == 11
    p4 = [f for f in layer.getFeatures() if f["pattern"] == "clustering" and f["parcel_id"] == "P4"][0]
    assert p4.geometry().asPolyline()[0].y() == pytest.approx(4000)
    assert p4.geometry().asPolyline()[1].y() == pytest.approx(3300)
    summary, _ = qgs.read(res["OUTPUT_TABLE"])
    s = summary.set_index("pattern")
    assert s.loc["concentration", "cost_total"] == pytest.approx(4345)
    assert s.loc["integration", "freed_quota"] == pytest.approx(30 - 11.75)
    assert s.loc["clustering", "output_per_area"] == pytest.approx(2121 / (134.5 - 17))



def test_comparerounds(run, qgs, tmp_path, rounds):
    # The rounds of test_monitoring.py, in another feature order per round; the disappeared parcel P6 is
    # drawn with its outline from the earlier layer.
    old, new = rounds
    at = {f"P{i}": qgs.square(100 * i, 0, 40) for i in range(1, 8)}
    earlier = qgs.layer(old, [at[k] for k in old["parcel_id"]], name="r2023")
    later = qgs.layer(new, [at[k] for k in new["parcel_id"]], name="r2024")
    res = run("comparerounds", {"EARLIER": earlier, "LATER": later, "OUTPUT": gpkg(tmp_path, "changes"),
                                "OUTPUT_TIER_MATRIX": gpkg(tmp_path, "tiers"),
                                "OUTPUT_CATEGORY_MATRIX": gpkg(tmp_path, "categories")})
    table, layer = qgs.read(res["OUTPUT"])
    assert dict(zip(table["parcel_id"], table["change"])) == {
        "P1": "worsened", "P2": "unchanged", "P3": "improved", "P4": "unchanged", "P5": "worsened",
        "P6": "disappeared", "P7": "appeared"}
    p6 = [f for f in layer.getFeatures() if f["parcel_id"] == "P6"][0]
    assert p6.geometry().centroid().asPoint().x() == pytest.approx(600)
    tiers, _ = qgs.read(res["OUTPUT_TIER_MATRIX"])
    m = tiers.set_index("from")
    assert m.loc["C", "B"] == 1 and m.loc["C", "gone"] == 1 and m.loc["new", "A"] == 1
    assert m.loc["total", "total"] == 7
    cats, _ = qgs.read(res["OUTPUT_CATEGORY_MATRIX"])
    assert cats.set_index("from").loc["identified", "in_progress"] == 1
    with sqlite3.connect(res["OUTPUT"].split("|")[0]) as db:
        (qml,) = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()
    # The suite runs in English: the change classes' value map is in the run's language (labels.yaml
    # change.worsened: en "Worsened").
    assert 'attr="change"' in qml and "Worsened" in qml and "恶化" not in qml


def test_twoevaluations(run, qgs, tmp_path):
    # Inputs placed so that the indicators are those of test_two_evaluations.test_value_score_by_hand:
    # dist_centre 400 / 1000 / 4600 m, road length within 1 km 2 / 1 / 0 km, POIs 10 / 0 / 5,
    # surrounding use 住宅用地 / 耕地 / none; performance scores 0.3 / 0.9 / 0.7.
    parcels = qgs.layer(pd.DataFrame({"parcel_id": ["P1", "P2", "P3"], "score": [0.3, 0.9, 0.7]}),
                        [qgs.square(0, 0, 10), qgs.square(3000, 0, 10), qgs.square(0, 5000, 10)])
    centres = qgs.layer(pd.DataFrame({"n": [1, 2]}), ["POINT(0 400)", "POINT(3000 1000)"], kind="Point",
                        name="centres")
    roads = qgs.layer(pd.DataFrame({"n": [1, 2, 3]}),
                      ["LINESTRING(-500 100, 500 100)", "LINESTRING(-500 -100, 500 -100)",
                       "LINESTRING(2500 100, 3500 100)"], kind="LineString", name="roads")
    pois = qgs.layer(pd.DataFrame({"n": list(range(15))}),
                     [f"POINT({10 * i} 10)" for i in range(10)] + [f"POINT({10 * i} 5010)" for i in range(5)],
                     kind="Point", name="pois")
    landuse = qgs.layer(pd.DataFrame({"dlmc": ["住宅用地", "耕地", "林地"]}),
                        [qgs.square(100, 0, 50), qgs.square(3100, 0, 50), qgs.square(0, 9000, 50)], name="landuse")
    res = run("twoevaluations", {"INPUT": parcels, "CENTRES": centres, "ROADS": roads, "POIS": pois,
                                 "LANDUSE": landuse, "LANDUSE_FIELD": "dlmc", "OUTPUT": gpkg(tmp_path, "two"),
                                 "LANGUAGE": 0,
                                 "OUTPUT_LIST": gpkg(tmp_path, "abcd")})
    table, _ = qgs.read(res["OUTPUT"])
    assert table["dist_centre"].tolist() == pytest.approx([400, 1000, 4600])
    assert table["road_density"].tolist() == pytest.approx([2 / np.pi, 1 / np.pi, 0])
    assert table["poi_count"].tolist() == [10, 0, 5]
    assert table["surrounding_use"].tolist() == ["住宅用地", "耕地", None]
    p1 = (0.15 * 1 + 0.2 * 1 + 0.15 * 1 + 0.15 * 0.9) / 0.65
    p2 = (0.15 * 3600 / 4200 + 0.2 * 0.5 + 0.15 * 0 + 0.15 * 0.2) / 0.65
    p3 = (0.15 * 0 + 0.2 * 0 + 0.15 * 0.5) / 0.5
    assert table["value_score"].tolist() == pytest.approx([p1, p2, p3])
    assert table["quadrant"].tolist() == ["hv_lp", "hv_hp", "lv_hp"]
    assert table["abcd_list"].tolist() == ["C", "A", "B"]
    assert table["disposal"].iloc[0] == "重点盘活：优先更新改造、转型升级"
    abcd, _ = qgs.read(res["OUTPUT_LIST"])
    assert abcd["parcels"].tolist() == [1, 1, 1, 0]
    assert abcd["area_mu"].tolist() == pytest.approx([0.6, 0.6, 0.6, 0])  # 20 m squares: 400 m² = 0.6 亩
    with sqlite3.connect(res["OUTPUT"].split("|")[0]) as db:
        (qml,) = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()
    assert 'attr="quadrant"' in qml and "高价值·低绩效" in qml
