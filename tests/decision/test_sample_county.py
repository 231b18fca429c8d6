"""The sample county end to end: evaluate it, then run the four decision-support algorithms on the result and
check what must hold whatever the data (every inefficient parcel gets a path, moves stay in their town, the
freed quota balances, matrices add up, quadrants follow the splits)."""
from pathlib import Path

import numpy as np
import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample_county.gpkg"
pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason="the sample county is not there")


def layer(name):
    return f"{SAMPLE}|layername={name}"


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory, landeval_provider):
    import processing

    out = tmp_path_factory.mktemp("sample")
    common = {"PARCELS": layer("parcels"), "PARCEL_ID": "宗地编号", "ENTERPRISES": str(SAMPLE.parent / "enterprises.csv"),
              "ENTERPRISE_PARCEL_ID": "宗地编号", "ECO_REDLINE": layer("eco_redline"),
              "DEV_BOUNDARY": layer("dev_boundary"), "POIS": layer("pois"), "PARKS": layer("parks"),
              "ZONE_TYPE_FIELD": "园区类型", "SHARE_FIELD": "工业用地占比", "PRESET": "jiangning"}
    first = processing.run("landeval:evaluate", {**common, "OUTPUT": str(out / "r1.gpkg")})["OUTPUT"]
    second = processing.run("landeval:evaluate", {**common, "TIER_METHOD": 0, "TIER_BREAKS": "10,40,40,10",
                                                  "OUTPUT": str(out / "r2.gpkg")})["OUTPUT"]
    parks = processing.run("landeval:classifyscale", {
        "PARCELS": first, "PARKS": layer("parks"), "ZONE_TYPE_FIELD": "园区类型", "SHARE_FIELD": "工业用地占比",
        "DEV_BOUNDARY": layer("dev_boundary"), "OUTPUT": str(out / "levels.gpkg"),
        "OUTPUT_PARKS": str(out / "parks.gpkg")})["OUTPUT_PARKS"]
    return {"dir": out, "r1": first, "r2": second, "parks": parks}


def test_paths_on_the_sample(run, qgs, evaluated):
    out = run("suggestpaths", {"INPUT": evaluated["r1"], "OUTPUT": str(evaluated["dir"] / "paths.gpkg")})["OUTPUT"]
    t, _ = qgs.read(out)
    target = (t["inefficient"] == 1) & (t["category"] != "in_progress")
    assert target.sum() > 0
    assert t.loc[target, "path"].notna().all() and t.loc[~target, "path"].isna().all()
    outside = t["inside_dev_boundary"] == 0
    assert t.loc[outside, "clearance_zone"].notna().all() and t.loc[~outside, "clearance_zone"].isna().all()
    eco = target & (t["ineff_type"] == "green") & (t["redline_share"] > 0.5)
    assert (t.loc[eco, "path"] == "eco_restoration").all()


def test_scenarios_on_the_sample(run, qgs, evaluated):
    d = evaluated["dir"]
    res = run("renewalscenarios", {"INPUT": evaluated["r1"], "PARKS": evaluated["parks"],
                                   "PARK_NAME_FIELD": "园区名称", "TOWN_FIELD": "街镇", "PARK_TOWN_FIELD": "所属街镇",
                                   "OUTPUT": str(d / "sc.gpkg"), "OUTPUT_LINES": str(d / "lines.gpkg"),
                                   "OUTPUT_TABLE": str(d / "table.gpkg")})
    t, _ = qgs.read(res["OUTPUT"])
    parks, _ = qgs.read(evaluated["parks"])
    town_of = dict(zip(parks["园区名称"], parks["所属街镇"]))
    moved = t["dest_clustering"].notna()
    assert moved.any()
    assert (t.loc[moved, "level"] == "block").all() and (t.loc[moved, "inside_dev_boundary"] == 0).all()
    assert (t.loc[moved, "dest_clustering"].map(town_of) == t.loc[moved, "街镇"]).all()
    assert (t.loc[t["dest_concentration"].notna(), "level"] == "block").all()
    s, _ = qgs.read(res["OUTPUT_TABLE"])
    s = s.set_index("pattern")
    assert s.loc["concentration", "moved"] == (t["level"] == "block").sum()
    assert np.allclose(s["freed_quota"], s["relocated_area"] - s["land_needed"])
    assert np.allclose(s["industrial_land"], s.loc["current", "industrial_land"] - s["freed_quota"])
    lines, _ = qgs.read(res["OUTPUT_LINES"])
    assert len(lines) == s["moved"].sum()


def test_two_evaluations_on_the_sample(run, qgs, evaluated):
    res = run("twoevaluations", {"INPUT": evaluated["r1"], "POIS": layer("pois"),
                                 "OUTPUT": str(evaluated["dir"] / "two.gpkg"),
                                 "OUTPUT_LIST": str(evaluated["dir"] / "abcd.gpkg")})
    t, _ = qgs.read(res["OUTPUT"])
    median = t["value_score"].median()
    scored = t["score"].notna() & t["value_score"].notna()
    high_perf, high_value = t["score"] >= 0.6, t["value_score"] >= median
    assert (t.loc[scored & high_perf & high_value, "abcd_list"] == "A").all()
    assert (t.loc[scored & ~high_perf & high_value, "quadrant"] == "hv_lp").all()
    assert t.loc[~scored, "quadrant"].isna().all()
    abcd, _ = qgs.read(res["OUTPUT_LIST"])
    assert abcd["parcels"].sum() == t["quadrant"].notna().sum()


def test_compare_rounds_on_the_sample(run, qgs, evaluated):
    d = evaluated["dir"]
    res = run("comparerounds", {"EARLIER": evaluated["r1"], "LATER": evaluated["r2"], "ID_FIELD": "宗地编号",
                                "OUTPUT": str(d / "cmp.gpkg"), "OUTPUT_TIER_MATRIX": str(d / "tm.gpkg"),
                                "OUTPUT_CATEGORY_MATRIX": str(d / "cm.gpkg")})
    t, _ = qgs.read(res["OUTPUT"])
    assert len(t) == 2000 and not t["change"].isin(["appeared", "disappeared"]).any()
    rank = {"A": 0, "B": 1, "C": 2, "D": 3}
    both = t["tier_old"].isin(list(rank)) & t["tier_new"].isin(list(rank))
    better = t["tier_new"].map(rank) < t["tier_old"].map(rank)
    assert (t.loc[both & better, "change"] == "improved").all()
    m, _ = qgs.read(res["OUTPUT_TIER_MATRIX"])
    m = m.set_index("from")
    assert m.loc["total", "total"] == 2000
    assert m.loc["A", "total"] == (t["tier_old"] == "A").sum() and m.loc["total", "A"] == (t["tier_new"] == "A").sum()
    # The later round cuts A at 10 % instead of 20 %: some parcels leave A, none can enter it.
    assert m.loc["A", "B"] > 0 and m.loc[["B", "C", "D"], "A"].sum() == 0
