"""Never destroy a file (issue 20, section 1), through processing.run.

Issue 20: "`landeval:evaluate … PARCELS=county.gpkg|layername=parcels … OUTPUT=county.gpkg` exits 0 and replaces
the whole GeoPackage: the parks, red line, boundary and POI layers it also held are gone. … Every algorithm must
refuse, before any work, an output or report destination that is one of the run's input files (the same file by
any spelling: relative path, symlink, `|layername=` suffix, `ogr:dbname=` form), naming both parameters. Writing
a *new table* into an existing GeoPackage (`OUTPUT=ogr:dbname='county.gpkg' table="evaluated" (geom)`) must keep
working and keep the other layers — test it."

Every refused run here is checked by the harness (inputs byte for byte) and, stricter, by the whole folder:
the same files with the same bytes and nothing added (no staging folder, no SQLite side file).
"""
import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProcessing, QgsVectorLayer

from landeval.algorithms.registry import ALGORITHMS

from .conftest import refused, succeeded

DATA = Path(__file__).resolve().parents[1] / "data"
# Algorithms that read no file at all, so no destination of theirs can be one of their inputs.
READS_NO_FILE = {"ahpweights"}
INPUT_TYPES = {"source", "vector", "raster", "layer", "multilayer", "file", "mesh", "pointcloud", "vectortile"}
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


def everything_in(folder):
    """{relative path: sha256 or 'dir'} of every entry under `folder`, hidden ones included."""
    state = {}
    for path in sorted(Path(folder).rglob("*")):
        key = str(path.relative_to(folder))
        state[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def make_county(folder):
    """county.gpkg as an office keeps it: the parcels and the parks in one GeoPackage."""
    from osgeo import gdal

    county = folder / "county.gpkg"
    gdal.VectorTranslate(str(county), str(DATA / "parcels_4547.gpkg"), format="GPKG", layerName="parcels")
    gdal.VectorTranslate(str(county), str(DATA / "parks.gpkg"), format="GPKG", layerName="parks",
                         accessMode="update")
    return county


def rows(path, table):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
    finally:
        con.close()


def tables(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")}
    finally:
        con.close()


def evaluate_params(parcels, output, **extra):
    return {"PARCELS": parcels, "PARCEL_ID": "宗地编号", "ENTERPRISES": str(DATA / "enterprises_utf8.csv"),
            "PRESET": "jiangning", "OUTPUT": output, **extra}


# ------------------------------------------------------------------------- every algorithm, every output
def _algorithm(alg_id):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(f"landeval:{alg_id}")


def _input_file(definition, folder):
    """A file of the kind `definition` reads, in `folder` (a copy: the run must leave it as it is)."""
    if definition.type() == "file":
        extension = definition.extension() or "yaml"
        path = folder / f"{definition.name().lower()}.{extension}"
        path.write_text(WEIGHTS_ONLY, encoding="utf-8")
        return str(path)
    path = folder / f"{definition.name().lower()}.gpkg"
    shutil.copy(DATA / "parcels_4547.gpkg", path)
    return str(path)


def _mandatory_values(alg, folder):
    """A value for every mandatory parameter without a default: a refused run must not fail on anything else."""
    values = {}
    for d in alg.parameterDefinitions():
        if d.flags() & d.FlagOptional or d.defaultValue() is not None:
            continue
        if d.isDestination():
            values[d.name()] = (str(folder / f"{d.name().lower()}.html") if d.type() == "fileDestination"
                                else QgsProcessing.TEMPORARY_OUTPUT)
        elif d.type() in INPUT_TYPES:
            values[d.name()] = _input_file(d, folder)
        elif d.type() == "field":
            values[d.name()] = "宗地编号"
        else:
            values[d.name()] = "a;b"
    return values


def _declared(cls):
    """(destination parameters, file-reading parameters) of an algorithm class, from its own declarations."""
    alg = cls()
    alg.initAlgorithm()
    definitions = alg.parameterDefinitions()
    return ([d.name() for d in definitions if d.isDestination()],
            [d.name() for d in definitions if not d.isDestination() and d.type() in INPUT_TYPES])


DECLARED = {cls.NAME: _declared(cls) for cls in ALGORITHMS}
WRITING = sorted(name for name, (dests, _) in DECLARED.items() if dests and name not in READS_NO_FILE)


def test_every_algorithm_with_an_output_reads_a_file_or_is_listed(provider):
    """WRITING (below) must not miss a present or future algorithm: each one with an output either reads a
    file, and is tested below, or reads none (READS_NO_FILE), so none of its outputs can overwrite an input."""
    assert {name for name, (dests, inputs) in DECLARED.items() if dests and not inputs} == READS_NO_FILE
    assert len(WRITING) == len([n for n, (dests, _) in DECLARED.items() if dests]) - len(READS_NO_FILE) >= 13


@pytest.mark.parametrize("alg_id", WRITING)
def test_every_output_over_any_input_is_refused_and_every_file_left_as_it_was(provider, tmp_path, alg_id):
    """For each destination of the algorithm and each parameter that reads a file: destination = that file."""
    alg = _algorithm(alg_id)
    destinations, inputs = DECLARED[alg_id]
    for dest in destinations:
        for source in inputs:
            folder = tmp_path / f"{dest}-{source}"
            folder.mkdir()
            params = _mandatory_values(alg, folder)
            path = params.get(source) or _input_file(alg.parameterDefinition(source), folder)
            params[source] = params[dest] = path
            before = everything_in(folder)
            refused(alg_id, params, f"{dest} would overwrite {source}", os.path.basename(path))
            assert everything_in(folder) == before, f"{alg_id}: {dest}={source} changed the folder"


# ----------------------------------------------------------------------------- the same file, any spelling
@pytest.mark.parametrize("spelling", ["absolute", "relative", "symlink", "bare name", "file url", "same table",
                                      "same table by symlink", "table of a plain input"])
def test_the_issue_case_is_refused_by_any_spelling(provider, tmp_path, monkeypatch, spelling):
    county = make_county(tmp_path)
    (tmp_path / "link.gpkg").symlink_to(county)
    monkeypatch.chdir(tmp_path)
    parcels, output = f"{county}|layername=parcels", {
        "absolute": str(county),
        "relative": "county.gpkg",
        "symlink": str(tmp_path / "link.gpkg"),
        "bare name": str(tmp_path / "county"),  # Processing adds the default extension, .gpkg
        "file url": county.as_uri(),
        "same table": f"ogr:dbname='{county}' table=\"parcels\" (geom)",
        "same table by symlink": "ogr:dbname='link.gpkg' table=\"PARCELS\" (geom)",
        "table of a plain input": f"ogr:dbname='{county}' table=\"parcels\" (geom)",
    }[spelling]
    if spelling == "relative":
        parcels = "county.gpkg|layername=parcels"
    if spelling == "table of a plain input":
        parcels = str(county)  # OGR opens the first layer, parcels
    before = everything_in(tmp_path)
    result = refused("evaluate", evaluate_params(parcels, output), "OUTPUT would overwrite PARCELS",
                     str(county.resolve()))
    assert everything_in(tmp_path) == before
    if "table" in spelling:
        assert "Choose another table name" in result.message
    else:
        assert "replace the whole file and every layer in it" in result.message
        assert f"OUTPUT=ogr:dbname='{county.resolve()}' table=\"evaluated\" (geom)" in result.message


def test_report_over_an_input_is_refused(provider, tmp_path):
    county = make_county(tmp_path)
    out = str(tmp_path / "evaluated.gpkg")
    before = everything_in(tmp_path)
    refused("evaluate", evaluate_params(f"{county}|layername=parcels", out, PARKS=f"{county}|layername=parks",
                                        REPORT=str(county)), "REPORT would overwrite PARCELS")
    assert everything_in(tmp_path) == before


def test_report_over_the_weight_set_is_refused(provider, tmp_path):
    weights = tmp_path / "weights.yaml"
    weights.write_text(WEIGHTS_ONLY, encoding="utf-8")
    before = everything_in(tmp_path)
    refused("evaluate", evaluate_params(str(DATA / "parcels_4547.gpkg"), "TEMPORARY_OUTPUT",
                                        WEIGHT_SET=str(weights), REPORT=str(weights)),
            "REPORT would overwrite WEIGHT_SET")
    assert everything_in(tmp_path) == before


def test_two_outputs_of_one_run_in_one_file_are_refused(provider, tmp_path):
    """Not an input, but the second would replace the first: the run's own result would be lost."""
    out = tmp_path / "result.gpkg"
    out.write_bytes(b"last year's result")
    refused("evaluate", evaluate_params(str(DATA / "parcels_4547.gpkg"), str(out), REPORT=str(out)),
            "OUTPUT and REPORT both write")
    assert out.read_bytes() == b"last year's result"


# ------------------------------------------------------------------------------------ a new table is fine
def test_a_new_table_in_the_input_geopackage_is_written_and_every_other_layer_kept(provider, tmp_path):
    county = make_county(tmp_path)
    parcels_before, parks_before = rows(county, "parcels"), rows(county, "parks")
    # Not through the harness: it rightly fails any run that changes an input file's bytes, and a new table
    # does; what must hold is that every layer the file held reads back the same.
    from qgis import processing

    results = processing.run("landeval:evaluate", evaluate_params(
        f"{county}|layername=parcels", f"ogr:dbname='{county}' table=\"evaluated\" (geom)",
        PARKS=f"{county}|layername=parks"))
    assert {"parcels", "parks", "evaluated"} <= tables(county)
    assert rows(county, "parcels") == parcels_before
    assert rows(county, "parks") == parks_before
    evaluated = QgsVectorLayer(results["OUTPUT"], "evaluated", "ogr")
    assert evaluated.isValid()
    assert evaluated.featureCount() == len(parcels_before)
    assert {"tier", "category", "level"} <= set(evaluated.fields().names())


# ------------------------------------------------------------------------------- headless defaults, files
def test_weight_set_without_preset_takes_the_rules_from_presets_default(provider, tmp_path):
    """Issue 20: "Today `evaluate … WEIGHT_SET=w.yaml` without `PRESET` fails … although PRESET declares
    `jiangning` as its default … A weight set without rules takes its rules from PRESET, and a message says
    which half (weights or rules) is missing from where." """
    weights = tmp_path / "w.yaml"
    weights.write_text(WEIGHTS_ONLY, encoding="utf-8")
    params = evaluate_params(str(DATA / "parcels_4547.gpkg"), "TEMPORARY_OUTPUT", WEIGHT_SET=str(weights))
    del params["PRESET"]
    result = succeeded("evaluate", params)
    assert (f"Weights from WEIGHT_SET {weights}; rules (vetoes, types, categories, tiers) from PRESET jiangning, "
            f"as {weights} has none.") in result.feedback.infos
    with_preset = succeeded("evaluate", {**params, "PRESET": "jiangning"})
    tiers = [{f["宗地编号"]: f["tier"] for f in r.results["OUTPUT"].getFeatures()}
             if isinstance(r.results["OUTPUT"], QgsVectorLayer) else
             {f["宗地编号"]: f["tier"] for f in QgsVectorLayer(r.results["OUTPUT"]).getFeatures()}
             for r in (result, with_preset)]
    assert tiers[0] == tiers[1]


def test_rules_a_weight_set_holds_are_said_to_be_passed_over(provider, tmp_path):
    full = tmp_path / "full.yaml"
    full.write_text((DATA / "golden_config.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = succeeded("evaluate", evaluate_params(str(DATA / "parcels_4547.gpkg"), "TEMPORARY_OUTPUT",
                                                   WEIGHT_SET=str(full)),
                       f"{full} also holds rules, which are not used. Give the file as RULE_SET too")
    assert "rules (vetoes, types, categories, tiers) from PRESET jiangning" in result.feedback.warning_text()


@pytest.mark.parametrize("alg_id, name", [("evaluate", "WEIGHT_SET"), ("evaluate", "RULE_SET"),
                                          ("scoreparcels", "WEIGHT_SET"), ("checkvetoes", "RULE_SET"),
                                          ("classifyparcels", "RULE_SET")])
def test_a_weight_or_rule_set_that_does_not_exist_is_named(provider, tmp_path, alg_id, name):
    """Issue 20: "A `WEIGHT_SET` or `RULE_SET` path that does not exist must say that this file does not exist
    (today: "Choose a PRESET or give a WEIGHT_SET / RULE_SET file")." """
    missing = tmp_path / "nowhere.yaml"
    params = ({"PARCELS": str(DATA / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号"} if alg_id == "evaluate"
              else {"INPUT": str(DATA / "parcels_4547.gpkg")})
    result = refused(alg_id, {**params, name: str(missing), "OUTPUT": "TEMPORARY_OUTPUT"},
                     f"{name}: the file {missing} does not exist")
    assert "Choose a PRESET" not in result.message
