"""The capabilities of issue 12 headless: the sample county is evaluated through qgis_process.bin, then
aggregatezones (Table 2 per park and level), potentialclasses, persistence (three rounds) and checkcontracts run
through qgis_process.bin too, and landeval:report gathers them. Checks that hold whatever the data, plus the
counts that must agree between outputs."""
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def county(e2e, plugin_profile, tmp_path_factory):
    out = tmp_path_factory.mktemp("capabilities")
    run = e2e.runner(plugin_profile)
    evaluated = run("evaluate", {**e2e.sample_inputs(), "PRESET": "jiangning", "OUTPUT": out / "ev.gpkg"})["OUTPUT"]
    return {"dir": out, "ev": evaluated, "run": run, "e2e": e2e, "profile": plugin_profile}


def test_zone_evaluation_potential_persistence_and_report(e2e, county):
    run, d, ev = county["run"], county["dir"], county["ev"]
    parcels = e2e.read(ev)
    res = run("aggregatezones", {"INPUT": ev, "ZONES": e2e.layer("parks"), "OUTPUT": d / "zones.gpkg",
                                 "OUTPUT_LEVELS": d / "levels.gpkg"})
    zones, levels = e2e.read(res["OUTPUT"]), e2e.read(res["OUTPUT_LEVELS"]).set_index("row")
    assert zones["t2_score"].between(0, 2).all() and (zones["t2_indicators"] > 0).all()
    assert set(zones["zone_level"]) <= {"base", "community", "block"}
    assert levels.loc["district", "t2_score"] == 1.0
    assert levels.loc["district", "n_parcels"] == len(parcels)
    assert levels.drop(index="district")["n_parcels"].sum() == parcels["level"].notna().sum()

    potential = e2e.read(run("potentialclasses", {"INPUT": ev, "OUTPUT": d / "potential.gpkg"})["OUTPUT"])
    # No supply or construction columns in the sample: every parcel is built, the underused classes are exactly
    # the inefficient parcels, split by the development boundary.
    counts = potential["potential"].value_counts()
    assert counts.sum() == (parcels["inefficient"] == 1).sum()
    urban = (parcels["inefficient"] == 1) & (parcels["inside_dev_boundary"] == 1)
    assert counts.get("underused_urban", 0) == urban.sum()

    # qgis_process 3.22 takes a multiple-layer parameter as the name repeated, one layer each.
    args = ["run", "landeval:persistence", "--"] + [f"ROUNDS={ev}"] * 3 + [
        "ID_FIELD=宗地编号", "N=3", f"OUTPUT={d / 'persistent.gpkg'}"]
    res = county["e2e"].run_qgis_process(args, county["profile"], timeout=600)["results"]
    persistent = e2e.read(res["OUTPUT"])
    assert persistent["persistent"].sum() == (parcels["inefficient"] == 1).sum()  # the same round three times
    assert set(persistent["history"]) <= {"111", "000"}

    html = d / "report.html"
    run("report", {"INPUT": d / "potential.gpkg", "ZONES": d / "zones.gpkg", "ZONE_LEVELS": d / "levels.gpkg",
                   "OUTPUT": html})
    page = html.read_text(encoding="utf-8")
    assert 'id="potential"' in page and 'id="zone-table"' in page and 'id="level-table"' in page


def test_checkcontracts_headless(e2e, county, tmp_path):
    from osgeo import ogr, osr

    path = tmp_path / "contracts.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    lyr = ds.CreateLayer("contracts", srs, ogr.wkbPolygon)
    for name, kind in (("宗地编号", ogr.OFTString), ("合同亩均税收", ogr.OFTReal), ("约定达产日期", ogr.OFTDate),
                       ("税收", ogr.OFTReal), ("area_m2", ogr.OFTReal)):
        lyr.CreateField(ogr.FieldDefn(name, kind))
    # 30 亩 each; tax 600 万元 = 20 万元/亩 against a contract of 25 (short by 5) and of 15 (met).
    for i, (pid, target) in enumerate((("A", 25.0), ("B", 15.0))):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("宗地编号", pid)
        f.SetField("合同亩均税收", target)
        f.SetField("约定达产日期", "2022/06/30")
        f.SetField("税收", 600.0)
        f.SetField("area_m2", 30 * 10000 / 15)
        x = 1000.0 * i
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x} 0,{x + 100} 0,{x + 100} 200,{x} 200,{x} 0))"))
        lyr.CreateFeature(f)
    ds = None
    out = county["run"]("checkcontracts", {"INPUT": path, "EVAL_DATE": "2024-12-31",
                                           "OUTPUT": tmp_path / "checked.gpkg"})["OUTPUT"]
    table = e2e.read(out).set_index("宗地编号")
    assert list(table["contract_breach"]) == [1, 0]
    assert table.loc["A", "gap_tax"] == pytest.approx(-5)
