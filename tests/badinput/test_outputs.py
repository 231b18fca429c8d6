"""Output paths that bite: the file exists already, the folder is read-only, the disk is full.

The rule: a failed run leaves the previous output exactly as it was and no partial or temporary file beside
it; the message names the file and the cause. Read-only and full file systems are real tmpfs mounts.
"""
import pytest

from landeval.core.config import load_config

from .conftest import fill_disk, folder_state, refused, succeeded

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
