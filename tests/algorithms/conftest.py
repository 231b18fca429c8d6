"""Fixtures for the algorithm tests: run a landeval algorithm, hash files, the hand-made test layers."""
import hashlib
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def run(landeval_provider):
    """run("scoreparcels", {...}, context=None) → the result dict of processing.run("landeval:scoreparcels")."""
    import processing  # on sys.path only once pytest-qgis' qgis_processing fixture has run

    def _run(alg_id, params, context=None, feedback=None):
        return processing.run(f"landeval:{alg_id}", params, context=context, feedback=feedback)

    return _run


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def data_hashes():
    """Hashes of every file in tests/data; a test compares them after its runs (inputs are never edited)."""
    def snapshot():
        return {p.name: sha256(p) for p in sorted(DATA.iterdir()) if p.is_file()}

    before = snapshot()
    yield before
    assert snapshot() == before, "an algorithm changed an input file in tests/data"


@pytest.fixture
def evaluated(run, tmp_path):
    """The golden evaluation (golden_config.yaml, with parks) written to a GeoPackage (path)."""
    config = str(DATA / "golden_config.yaml")
    out = str(tmp_path / "ev.gpkg")
    run("evaluate", {"PARCELS": str(DATA / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号",
                     "ENTERPRISES": str(DATA / "enterprises_utf8.csv"), "WEIGHT_SET": config, "RULE_SET": config,
                     "PARKS": str(DATA / "parks.gpkg"), "OUTPUT": out})
    return out


@pytest.fixture
def base_params():
    """The evaluation inputs of tests/data (see make_test_data.py) as algorithm parameters."""
    return {
        "PARCELS": str(DATA / "parcels_4547.gpkg"),
        "PARCEL_ID": "宗地编号",
        "ENTERPRISES": str(DATA / "enterprises_utf8.csv"),
        "ECO_REDLINE": str(DATA / "redline_4490.gpkg"),
        "DEV_BOUNDARY": str(DATA / "dev_boundary.gpkg"),
        "POIS": str(DATA / "pois_4490.gpkg"),
        "POI_RADIUS": 200,
    }


def features_by(layer, key):
    """{key value: QgsFeature} of a layer or path."""
    from qgis.core import QgsVectorLayer

    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "out", "ogr")
    return {f[key]: f for f in layer.getFeatures()}


@pytest.fixture
def by_key():
    return features_by
