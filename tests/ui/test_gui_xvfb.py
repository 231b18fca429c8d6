"""A real QGIS window under Xvfb: the plugin enabled in a temporary profile opens the dock, loads the sample
county, applies the jiangning preset through landeval:evaluate and saves a screenshot of the main window.

Skipped only when Xvfb or the qgis binary is missing (scripts/setup.sh installs both, so CI runs it).
"""
import importlib.util
import shutil
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis") is None,
                                reason="xvfb-run or qgis is not installed (bash scripts/setup.sh installs them)")


def _launcher():
    spec = importlib.util.spec_from_file_location("dock_screenshot", ROOT / "scripts" / "dock_screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_real_qgis_window_opens_dock_applies_jiangning_and_saves_a_screenshot(tmp_path, qgis_app):
    from qgis.PyQt.QtGui import QImage

    out = tmp_path / "dock.png"
    status = _launcher().run(str(out), timeout=300)
    if not status["ok"] and "died on signal" in status.get("log_tail", ""):
        # QGIS itself crashed (once in CI on 3.44, not in 15 runs here, alone or under load). A second crash fails the test; a
        # single one is reported with QGIS's backtrace (gdb is installed for it) rather than hidden.
        warnings.warn(f"QGIS crashed once, second run follows:\n{status['log_tail']}")
        status = _launcher().run(str(out), timeout=300)
    assert status["ok"], f"{status.get('error')}\n--- QGIS output ---\n{status.get('log_tail')}"
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1600, 1000)
    # A blank or black grab would have a handful of colours; the map, tree and tables have many.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50
    assert "2000 parcels" in status["steps"][0]
    assert "Tiers (2000 parcels)" in status["tiers"] and "<b>A</b>" in status["tiers"]
    assert status["unchanged_weights_moved"] == 0          # the preview agrees with the evaluation it starts from
    assert "would change tier" in status["preview"]
