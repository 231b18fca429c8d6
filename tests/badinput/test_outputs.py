"""Output paths that bite: the file exists already, the folder is read-only, the disk is full.

The rule: a failed run leaves the previous output exactly as it was and no partial or temporary file beside
it; the message names the file and the cause. Read-only and full file systems are real tmpfs mounts.
"""
import pytest
from qgis.core import QgsVectorLayer

from landeval.core.config import load_config

from .conftest import RecordingFeedback, fill_disk, folder_state, memory_layer, refused, save_gpkg, square, succeeded

CRITERIA = "plot_ratio;tax_per_area;output_per_area"
CONSISTENT = "1,2,4,1/2,1,2,1/4,1/2,1"
CYCLIC = "1,9,1/9,1/9,1,9,9,1/9,1"
PREVIOUS = "# last year's weights, kept by hand\nname: previous\n"


def ahp_params(out, matrix=CONSISTENT, **extra):
    return {"CRITERIA": CRITERIA, "MATRIX": matrix, "METHOD": 0, "OUTPUT_WEIGHT_SET": str(out), **extra}


def test_existing_weight_set_is_replaced_by_a_successful_run(provider, tmp_path):
    out = tmp_path / "weights.yaml"
    out.write_text(PREVIOUS, encoding="utf-8")
    succeeded("ahpweights", ahp_params(out))
    cfg = load_config(out)
    assert cfg.combined_weights() == pytest.approx({"plot_ratio": 4 / 7, "tax_per_area": 2 / 7,
                                                    "output_per_area": 1 / 7}, abs=1e-6)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["weights.yaml"]


def test_existing_weight_set_survives_a_refused_run(provider, tmp_path):
    out = tmp_path / "weights.yaml"
    out.write_text(PREVIOUS, encoding="utf-8")
    before = folder_state(tmp_path)
    refused("ahpweights", ahp_params(out, CYCLIC, STRICT=True), "STRICT")
    assert folder_state(tmp_path) == before


def test_read_only_folder_is_named_and_previous_file_kept(provider, read_only_folder):
    folder, make_read_only = read_only_folder
    out = folder / "weights.yaml"
    out.write_text(PREVIOUS, encoding="utf-8")
    make_read_only()
    before = folder_state(folder)
    refused("ahpweights", ahp_params(out), f"Cannot write {out}", "Read-only file system",
            "Choose a folder you can write to")
    assert folder_state(folder) == before


def test_full_disk_keeps_previous_file_and_leaves_no_partial_file(provider, tiny_disk):
    out = tiny_disk / "weights.yaml"
    out.write_text(PREVIOUS, encoding="utf-8")
    fill_disk(tiny_disk)
    before = folder_state(tiny_disk)
    refused("ahpweights", ahp_params(out), f"Cannot write {out}", "No space left on device", "free disk space")
    assert folder_state(tiny_disk) == before


# --------------------------------------------------------------------------------------- layer outputs
X0, Y0 = 500000.0, 3500000.0


def grid_parcels(n, geometry="Polygon"):
    """n parcels of 100 m × 100 m in EPSG:4547 with floor area, tax and output (enough to rank and tier)."""
    rows = [(square(X0 + (i % 100) * 120, Y0 + (i // 100) * 120),
             [f"P{i:05d}", 5000.0 + 37 * (i % 50), 5.0 + i % 7, 100.0 + 13 * (i % 11)]) for i in range(n)]
    if geometry == "MultiPolygon":
        rows = [("MULTI" + wkt.replace("((", "(((").replace("))", ")))"), attrs) for wkt, attrs in rows]
    return memory_layer(geometry, "EPSG:4547", ["宗地编号:string", "总建筑面积:double", "总税收:double",
                                                 "总产值:double"], rows, name="parcels")


def evaluate_params(layer, out, **extra):
    return {"PARCELS": layer, "PARCEL_ID": "宗地编号", "PRESET": "jiangning", "OUTPUT": str(out), **extra}


def feature_count(path):
    layer = QgsVectorLayer(str(path), "check", "ogr")
    assert layer.isValid(), path
    return layer.featureCount()


@pytest.fixture
def big_layer():
    return grid_parcels(5000)  # about 2 MB as a GeoPackage: more than the 1 MiB test disk holds


@pytest.fixture
def previous_output(provider, tmp_path):
    """A GeoPackage written by an earlier run of 20 parcels, in its own folder."""
    folder = tmp_path / "results"
    folder.mkdir()
    out = folder / "evaluation.gpkg"
    succeeded("evaluate", evaluate_params(grid_parcels(20), out))
    assert feature_count(out) == 20
    return out


def test_existing_output_is_replaced_whole_by_a_successful_run(provider, previous_output):
    result = succeeded("evaluate", evaluate_params(grid_parcels(30), previous_output))
    assert result.results["OUTPUT"] == str(previous_output)
    assert feature_count(previous_output) == 30
    assert sorted(p.name for p in previous_output.parent.iterdir()) == ["evaluation.gpkg"]


def test_existing_output_survives_a_refused_run(provider, previous_output):
    before = folder_state(previous_output.parent)
    refused("evaluate", {**evaluate_params(grid_parcels(30), previous_output), "PARCEL_ID": "ZDBH"},
            "Field 'ZDBH' is not in the parcel layer")
    assert folder_state(previous_output.parent) == before


def test_cancel_in_the_middle_keeps_the_previous_output(provider, previous_output, big_layer):
    before = folder_state(previous_output.parent)
    feedback = RecordingFeedback(cancel_at=50)
    refused("evaluate", evaluate_params(big_layer, previous_output), "Cancelled by the user",
            "the output was not completed", feedback=feedback)
    assert 50 <= feedback.max_progress < 100
    assert folder_state(previous_output.parent) == before


def test_output_on_a_full_disk_keeps_the_previous_output_and_no_partial_file(provider, tiny_disk, big_layer):
    out = tiny_disk / "evaluation.gpkg"
    succeeded("evaluate", evaluate_params(grid_parcels(20), out))
    before = folder_state(tiny_disk)
    refused("evaluate", evaluate_params(big_layer, out), f"{out} could not be written completely",
            "5000 feature(s) written", "the disk may be full", "an existing file there was left as it was")
    assert folder_state(tiny_disk) == before
    assert feature_count(out) == 20


def test_output_in_a_read_only_folder_is_refused_naming_it(provider, read_only_folder):
    folder, make_read_only = read_only_folder
    out = folder / "evaluation.gpkg"
    succeeded("evaluate", evaluate_params(grid_parcels(20), out))
    make_read_only()
    before = folder_state(folder)
    refused("evaluate", evaluate_params(grid_parcels(30), out), f"Cannot write {out}", "Read-only file system")
    assert folder_state(folder) == before


def test_output_in_a_missing_folder_is_refused_naming_it(provider, tmp_path):
    out = tmp_path / "no_such_folder" / "evaluation.gpkg"
    refused("evaluate", evaluate_params(grid_parcels(5), out), f"Cannot write {out}", "No such file or directory")
    assert not out.parent.exists()


def test_shapefile_output_replaces_every_sidecar(provider, tmp_path):
    out = tmp_path / "evaluation.shp"
    succeeded("evaluate", evaluate_params(grid_parcels(10), out))
    succeeded("evaluate", evaluate_params(grid_parcels(12), out))
    assert feature_count(out) == 12
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_memory_and_temporary_outputs_are_not_staged(provider):
    for dest in ("memory:", "TEMPORARY_OUTPUT"):
        result = succeeded("evaluate", evaluate_params(grid_parcels(10), dest))
        layer = result.results["OUTPUT"]
        layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "t", "ogr")
        assert layer.featureCount() == 10


def test_bulk_geopackage_path_keeps_the_previous_output_on_a_full_disk_and_on_cancel(provider, tiny_disk, tmp_path,
                                                                                    monkeypatch):
    """A multipolygon GeoPackage parcel layer written to a GeoPackage goes through the SQL fill of bulk_io
    instead of the feature loop: the same guarantees hold there."""
    from landeval.qgis_io import bulk_io

    filled = []
    original = bulk_io.fill_geopackage
    monkeypatch.setattr(bulk_io, "fill_geopackage", lambda *a, **k: filled.append(original(*a, **k)) or filled[-1])
    source = save_gpkg(grid_parcels(5000, "MultiPolygon"), tmp_path / "parcels.gpkg")
    out = tiny_disk / "evaluation.gpkg"
    succeeded("evaluate", evaluate_params(grid_parcels(20), out))
    before = folder_state(tiny_disk)
    refused("evaluate", evaluate_params(source, out), "Writing evaluation.gpkg failed: database or disk is full",
            "Check the free disk space")
    assert folder_state(tiny_disk) == before
    elsewhere = tmp_path / "results"
    elsewhere.mkdir()
    previous = elsewhere / "evaluation.gpkg"
    succeeded("evaluate", evaluate_params(grid_parcels(20), previous))
    before = folder_state(elsewhere)
    refused("evaluate", evaluate_params(source, previous), "Cancelled by the user",
            feedback=RecordingFeedback(cancel_at=50))
    assert folder_state(elsewhere) == before
    succeeded("evaluate", evaluate_params(source, previous))
    assert feature_count(previous) == 5000
    assert filled[-1] == 5000, "the SQL fill was not used"
