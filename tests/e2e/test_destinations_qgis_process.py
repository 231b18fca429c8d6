"""Never destroy a file (issue 20, section 1), headless through qgis_process exactly as the issue typed it.

Issue 20: "`landeval:evaluate … PARCELS=county.gpkg|layername=parcels … OUTPUT=county.gpkg` exits 0 and replaces
the whole GeoPackage … Writing a *new table* into an existing GeoPackage
(`OUTPUT=ogr:dbname='county.gpkg' table="evaluated" (geom)`) must keep working and keep the other layers — test
it." and "Today `evaluate … WEIGHT_SET=w.yaml` without `PRESET` fails with "Choose a PRESET or give a WEIGHT_SET /
RULE_SET file" although PRESET declares `jiangning` as its default (the dialog always passes it); the same run
with `PRESET=jiangning` added works."

The runs use the relative paths of the issue (qgis_process runs in the county's folder).
"""
import hashlib
import sqlite3
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "data"
EVALUATE = "landeval:evaluate"
WEIGHTS_ONLY = """name: mine
elements:
  - id: land
    weight: 0.4
    indicators:
      - {id: plot_ratio, weight: 1.0, direction: benefit}
  - id: economy
    weight: 0.6
    indicators:
      - {id: tax_per_area, weight: 0.5, direction: benefit}
      - {id: output_per_area, weight: 0.5, direction: benefit}
"""


@pytest.fixture
def county(tmp_path):
    """county.gpkg holding the parcels and the parks, and the enterprise table beside it."""
    from osgeo import gdal

    path = tmp_path / "county.gpkg"
    gdal.VectorTranslate(str(path), str(DATA / "parcels_4547.gpkg"), format="GPKG", layerName="parcels")
    gdal.VectorTranslate(str(path), str(DATA / "parks.gpkg"), format="GPKG", layerName="parks", accessMode="update")
    (tmp_path / "firms.csv").write_bytes((DATA / "enterprises_utf8.csv").read_bytes())
    return path


def inputs(**extra):
    return {"PARCELS": "county.gpkg|layername=parcels", "PARCEL_ID": "宗地编号", "ENTERPRISES": "firms.csv", **extra}


def everything_in(folder):
    return {str(p.relative_to(folder)): "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*"))}


def rows(path, table):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
    finally:
        con.close()


def tiers(path, table):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(con.execute(f'SELECT "宗地编号", tier FROM "{table}"').fetchall())
    finally:
        con.close()


@pytest.mark.parametrize("output", ["county.gpkg", "ogr:dbname='county.gpkg' table=\"parcels\" (geom)"])
def test_output_over_the_parcels_file_is_refused_and_the_file_kept_byte_for_byte(e2e, plugin_profile, county,
                                                                                  output):
    before = everything_in(county.parent)
    done = e2e.call_qgis_process(["run", EVALUATE, *e2e.param_args(inputs(PRESET="jiangning", OUTPUT=output))],
                                 plugin_profile, cwd=county.parent)
    assert done.returncode != 0, done.stdout
    assert "OUTPUT would overwrite PARCELS" in done.stderr + done.stdout, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert everything_in(county.parent) == before


def test_a_new_table_in_the_county_geopackage_keeps_the_parcels_and_the_parks(e2e, plugin_profile, county):
    parcels, parks = rows(county, "parcels"), rows(county, "parks")
    result = e2e.run_qgis_process(
        ["run", EVALUATE, *e2e.param_args(inputs(PARKS="county.gpkg|layername=parks",
                                                 OUTPUT="ogr:dbname='county.gpkg' table=\"evaluated\" (geom)"))],
        plugin_profile, cwd=county.parent)
    assert result["results"]["OUTPUT"].endswith("county.gpkg|layername=evaluated")
    assert rows(county, "parcels") == parcels
    assert rows(county, "parks") == parks
    assert len(tiers(county, "evaluated")) == len(parcels)


def test_weight_set_without_preset_runs_with_presets_default_and_says_where_the_rules_came_from(
        e2e, plugin_profile, county):
    (county.parent / "w.yaml").write_text(WEIGHTS_ONLY, encoding="utf-8")
    without = e2e.run_qgis_process(["run", EVALUATE, *e2e.param_args(inputs(WEIGHT_SET="w.yaml",
                                                                            OUTPUT="without.gpkg"))],
                                   plugin_profile, cwd=county.parent)
    e2e.run_qgis_process(["run", EVALUATE, *e2e.param_args(inputs(WEIGHT_SET="w.yaml", PRESET="jiangning",
                                                                  OUTPUT="with.gpkg"))],
                         plugin_profile, cwd=county.parent)
    assert "Weights from WEIGHT_SET w.yaml; rules (vetoes, types, categories, tiers) from PRESET jiangning, " \
           "as w.yaml has none." in without["log"]["info"]
    assert tiers(county.parent / "without.gpkg", "without") == tiers(county.parent / "with.gpkg", "with")


def test_a_weight_set_that_does_not_exist_is_named(e2e, plugin_profile, county):
    done = e2e.call_qgis_process(["run", EVALUATE, *e2e.param_args(inputs(WEIGHT_SET="w2024.yaml",
                                                                          OUTPUT="out.gpkg"))],
                                 plugin_profile, cwd=county.parent)
    assert done.returncode != 0
    assert f"WEIGHT_SET: the file {county.parent / 'w2024.yaml'} does not exist" in done.stderr + done.stdout
    assert "Choose a PRESET" not in done.stderr + done.stdout
