"""The four decision-support algorithms headless: the sample county is evaluated through qgis_process.bin (twice,
with different tier cuts, as two yearly rounds), then suggestpaths, renewalscenarios, comparerounds and
twoevaluations run on it through qgis_process.bin too, and landeval:report gathers them. Every check holds
whatever the data: fields present, values in range, counts that must agree between outputs."""
from collections import Counter

import numpy as np
import pytest

pytestmark = pytest.mark.slow

N_PARCELS = 2000
PATHS = {"highstd_factory", "capacity_upgrade", "upgrade_relet", "to_research", "to_other", "eco_restoration",
         "reclaim", "rectify", "exit"}
ZONES = {"must_exit", "encouraged_exit", "may_exit"}
PATTERNS = ("concentration", "clustering", "integration")
QUADRANT_LIST = {"hv_hp": "A", "lv_hp": "B", "hv_lp": "C", "lv_lp": "D"}


@pytest.fixture(scope="module")
def county(e2e, plugin_profile, tmp_path_factory):
    """Paths of the two evaluated rounds and of the parks with their scale level, all written headless."""
    out = tmp_path_factory.mktemp("county")

    run = e2e.runner(plugin_profile)
    common = {**e2e.sample_inputs(), "PRESET": "jiangning"}
    r1 = run("evaluate", {**common, "OUTPUT": out / "r1.gpkg"})["OUTPUT"]
    r2 = run("evaluate", {**common, "TIER_METHOD": 0, "TIER_BREAKS": "10,40,40,10", "OUTPUT": out / "r2.gpkg"})["OUTPUT"]
    parks = run("classifyscale", {"PARCELS": r1, "PARKS": e2e.layer("parks"), "ZONE_TYPE_FIELD": "园区类型",
                                  "SHARE_FIELD": "工业用地占比", "DEV_BOUNDARY": e2e.layer("dev_boundary"),
                                  "OUTPUT": out / "levels.gpkg", "OUTPUT_PARKS": out / "parks.gpkg"})["OUTPUT_PARKS"]
    return {"dir": out, "r1": r1, "r2": r2, "parks": parks, "run": run}


@pytest.fixture(scope="module")
def evaluated(e2e, county):
    table = e2e.read(county["r1"])
    assert len(table) == N_PARCELS
    return table


@pytest.fixture(scope="module")
def paths(county):
    return county["run"]("suggestpaths", {"INPUT": county["r1"], "OUTPUT": county["dir"] / "paths.gpkg"})


@pytest.fixture(scope="module")
def scenarios(county):
    d = county["dir"]
    return county["run"]("renewalscenarios", {
        "INPUT": county["r1"], "PARKS": county["parks"], "PARK_NAME_FIELD": "园区名称", "TOWN_FIELD": "街镇",
        "PARK_TOWN_FIELD": "所属街镇", "OUTPUT": d / "sc.gpkg", "OUTPUT_LINES": d / "moves.gpkg",
        "OUTPUT_TABLE": d / "sc_table.gpkg"})


@pytest.fixture(scope="module")
def rounds(county):
    d = county["dir"]
    return county["run"]("comparerounds", {
        "EARLIER": county["r1"], "LATER": county["r2"], "ID_FIELD": "宗地编号", "OUTPUT": d / "rounds.gpkg",
        "OUTPUT_TIER_MATRIX": d / "tiers.gpkg", "OUTPUT_CATEGORY_MATRIX": d / "categories.gpkg"})


@pytest.fixture(scope="module")
def two(e2e, county):
    d = county["dir"]
    return county["run"]("twoevaluations", {"INPUT": county["r1"], "POIS": e2e.layer("pois"),
                                            "OUTPUT": d / "two.gpkg", "OUTPUT_LIST": d / "abcd.gpkg"})


def test_suggestpaths_headless(e2e, paths, evaluated):
    t, geometry = e2e.read(paths["OUTPUT"]), e2e.geometry_type(paths["OUTPUT"])
    assert len(t) == N_PARCELS and geometry == "Multi Polygon"
    assert {"path", "path_reason", "path_rule", "clearance_zone"} <= set(t.columns)
    assert set(evaluated.columns) <= set(t.columns)  # the evaluated fields are kept
    has_path = t["path"].notna()
    assert set(t.loc[has_path, "path"]) <= PATHS and set(t["clearance_zone"].dropna()) <= ZONES
    target = (t["inefficient"] == 1) & (t["category"] != "in_progress")
    assert target.sum() > 0 and (has_path == target).all()  # a path for every inefficient parcel, no other
    assert t.loc[has_path, "path_reason"].str.len().gt(0).all() and t.loc[has_path, "path_rule"].notna().all()
    outside = t["inside_dev_boundary"] == 0
    assert outside.any() and (t["clearance_zone"].notna() == outside).all()
    eco = target & (t["ineff_type"] == "green") & (t["redline_share"] > 0.5)
    assert (t.loc[eco, "path"] == "eco_restoration").all()


def test_renewalscenarios_headless(e2e, scenarios, evaluated):
    t = e2e.read(scenarios["OUTPUT"])
    s, geometry = e2e.read(scenarios["OUTPUT_TABLE"]), e2e.geometry_type(scenarios["OUTPUT_TABLE"])
    lines, line_type = e2e.read(scenarios["OUTPUT_LINES"]), e2e.geometry_type(scenarios["OUTPUT_LINES"])
    assert len(t) == N_PARCELS and geometry == "None" and "Line String" in line_type
    assert list(s["pattern"]) == ["current", *PATTERNS]
    s = s.set_index("pattern")
    for p in PATTERNS:
        moved = t[f"dest_{p}"].notna()
        assert {f"dest_{p}", f"dist_{p}", f"cost_{p}"} <= set(t.columns)
        assert s.loc[p, "moved"] == moved.sum() == (lines["pattern"] == p).sum()
        assert (t.loc[moved, "level"] == "block").all()  # only blocks move, into bases and communities
        assert (t.loc[moved, f"dist_{p}"] >= 0).all() and (t.loc[moved, f"cost_{p}"] > 0).all()
        assert t.loc[~moved, [f"dist_{p}", f"cost_{p}"]].isna().all().all()
        assert s.loc[p, "cost_total"] == pytest.approx(t.loc[moved, f"cost_{p}"].sum(), rel=1e-9)
    assert s.loc["concentration", "moved"] == (t["level"] == "block").sum() - s.loc["concentration", "unplaced"]
    costs = ["cost_relocation", "cost_demolition", "cost_construction", "cost_compensation"]
    assert np.allclose(s[costs].sum(axis=1), s["cost_total"]) and (s[costs] >= 0).all().all()
    assert np.allclose(s["freed_quota"], s["relocated_area"] - s["land_needed"])
    assert np.allclose(s["industrial_land"], s.loc["current", "industrial_land"] - s["freed_quota"])
    assert s.loc["current", "industrial_land"] == pytest.approx(evaluated["area_mu"].sum(), rel=1e-9)
    assert s.loc["current", ["moved", "cost_total"]].sum() == 0
    # Output stays, land shrinks: output per 亩 rises exactly by the ratio of land before and after.
    ratio = s.loc["current", "industrial_land"] / s["industrial_land"]
    assert np.allclose(s["output_per_area"], s.loc["current", "output_per_area"] * ratio)


def test_comparerounds_headless(e2e, rounds, evaluated):
    t = e2e.read(rounds["OUTPUT"])
    m = e2e.read(rounds["OUTPUT_TIER_MATRIX"])
    c = e2e.read(rounds["OUTPUT_CATEGORY_MATRIX"])
    assert len(t) == N_PARCELS
    assert {"change", "tier_old", "tier_new", "tier_steps", "category_old", "category_new", "score_change"} <= set(
        t.columns)
    assert set(t["change"]) <= {"improved", "worsened", "unchanged"}  # same parcels in both rounds
    rated = t["tier_steps"].notna()
    assert (t.loc[rated & (t["tier_steps"] < 0), "change"] == "improved").all()
    assert (t.loc[rated & (t["tier_steps"] > 0), "change"] == "worsened").all()
    assert (t.loc[rated & (t["tier_steps"] == 0), "change"] == "unchanged").all()
    # Same scores in both rounds (only the tier cuts differ).
    assert t["score_change"].dropna().abs().max() < 1e-9
    for matrix, old, new in ((m, "tier_old", "tier_new"), (c, "category_old", "category_new")):
        matrix = matrix.set_index("from")
        assert matrix.loc["total", "total"] == N_PARCELS
        for cls, n in Counter(t[old].fillna("")).items():
            assert matrix.loc[cls, "total"] == n, (old, cls)
        for cls, n in Counter(t[new].fillna("")).items():
            assert matrix.loc["total", cls] == n, (new, cls)
        assert matrix.loc["new", "total"] == 0 and matrix.loc["total", "gone"] == 0
    # The later round cuts A at 10 % instead of 20 %: parcels leave A, none enter it.
    m = m.set_index("from")
    assert m.loc["A", "B"] > 0 and m.loc[["B", "C", "D"], "A"].sum() == 0
    assert Counter(t["tier_old"]) == Counter(evaluated["tier"])


def test_twoevaluations_headless(e2e, two, evaluated):
    t = e2e.read(two["OUTPUT"])
    abcd = e2e.read(two["OUTPUT_LIST"])
    assert len(t) == N_PARCELS
    assert {"poi_count", "value_score", "value_rank", "quadrant", "disposal", "abcd_list"} <= set(t.columns)
    value = t["value_score"].dropna()
    assert len(value) == N_PARCELS and value.between(0, 1).all()
    assert (t["poi_count"] >= 0).all()
    placed = t["quadrant"].notna()
    assert (placed == t["score"].notna()).all()
    assert set(t.loc[placed, "quadrant"]) <= set(QUADRANT_LIST)
    assert (t.loc[placed, "quadrant"].map(QUADRANT_LIST) == t.loc[placed, "abcd_list"]).all()
    high_perf = t["score"] >= 0.6
    high_value = t["value_score"] >= t["value_score"].median()
    assert (t.loc[placed & high_perf & high_value, "quadrant"] == "hv_hp").all()
    assert (t.loc[placed & ~high_perf & ~high_value, "quadrant"] == "lv_lp").all()
    assert list(abcd["abcd_list"]) == ["A", "B", "C", "D"]
    counted = Counter(t["abcd_list"].dropna())
    assert dict(zip(abcd["abcd_list"], abcd["parcels"])) == {k: counted.get(k, 0) for k in "ABCD"}
    areas = t.loc[placed].groupby("abcd_list")["area_mu"].sum()
    assert np.allclose(abcd.set_index("abcd_list")["area_mu"], areas.reindex(list("ABCD")).fillna(0.0))


def test_report_gathers_the_decision_outputs_headless(e2e, county, paths, scenarios, rounds, two):
    html = county["dir"] / "decision_report.html"
    county["run"]("report", {"INPUT": paths["OUTPUT"], "SCENARIOS": scenarios["OUTPUT_TABLE"],
                             "TWO_EVALUATIONS": two["OUTPUT"], "ROUNDS": rounds["OUTPUT"], "OUTPUT": html})
    page = html.read_text(encoding="utf-8")
    for anchor in ("paths", "clearance", "path_list", "scenarios", "quadrants", "abcd", "rounds"):
        assert f'id="{anchor}"' in page, anchor
    t = e2e.read(paths["OUTPUT"])
    assert f'id="n-paths">{t["path"].notna().sum():,}<' in page
