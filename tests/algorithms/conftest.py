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
def data_dir():
    return DATA
