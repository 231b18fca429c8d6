"""Shared test set-up: import the checkout as the `landeval` package and register the provider once."""
import hashlib
import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _package_parent():
    # The checkout may live in a folder of any name; the plugin's relative imports need it to be
    # importable as `landeval`, so a symlink named landeval points at it from a private temp folder.
    parent = Path(tempfile.gettempdir()) / ("landeval-pkg-" + hashlib.sha1(str(ROOT).encode()).hexdigest()[:10])
    link = parent / "landeval"
    parent.mkdir(exist_ok=True)
    if not link.is_symlink() or Path(os.readlink(link)) != ROOT:
        tmp = parent / f"landeval.{os.getpid()}"
        tmp.symlink_to(ROOT, target_is_directory=True)
        os.replace(tmp, link)
    return parent


sys.path.insert(0, str(_package_parent()))


@pytest.fixture(scope="session")
def landeval_provider(qgis_app, qgis_processing):
    """The `landeval` provider, registered once for the whole session."""
    from qgis.core import QgsApplication

    from landeval.algorithms.provider import LandEvalProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("landeval")
    if provider is None:
        provider = LandEvalProvider()
        registry.addProvider(provider)
    return provider


def pytest_sessionfinish(session, exitstatus):
    session.config._landeval_exit_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without CPython's finalization once pytest has reported.

    pytest-qgis calls exitQgis() when the session ends; any QGIS object still alive then (a failed test's
    traceback keeps its layers, for one) is deleted during interpreter finalization and crashes it, turning a
    clean result into exit 139. The result pytest computed is the answer, so exit with it now.
    """
    status = getattr(config, "_landeval_exit_status", None)
    if status is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
