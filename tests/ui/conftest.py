"""Shared by the dock tests: waiting for a background run while Qt's event loop keeps going."""
import time

import pytest


@pytest.fixture
def wait_for():
    """wait_for(condition, seconds=120): process Qt events until condition() is true, else fail."""
    from qgis.PyQt.QtCore import QCoreApplication

    def _wait(condition, seconds=120):
        end = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > end:
                raise AssertionError(f"not done within {seconds} s")
            QCoreApplication.processEvents()
            time.sleep(0.01)

    return _wait


@pytest.fixture
def history():
    """history() → the Processing history's commands, oldest first (3.22: ProcessingLog's file; 3.24+: the
    history provider registry, where ProcessingLog no longer exists)."""
    def _commands():
        try:
            from processing.core.ProcessingLog import ProcessingLog
        except ImportError:
            from qgis.gui import QgsGui

            entries = QgsGui.historyProviderRegistry().queryEntries()
            entries = sorted((e for e in entries if e.providerId == "processing"), key=lambda e: e.timestamp)
            return [e.entry.get("python_command", "") for e in entries]
        with open(ProcessingLog.logFilename(), encoding="utf-8") as log:
            return log.read().strip().splitlines()

    return _commands


@pytest.fixture(scope="session", autouse=True)
def real_layer_tree_view(qgis_iface):
    """Give pytest-qgis's stand-in iface the real layer tree view QGIS's desktop has.

    From QGIS 3.44 on, Processing's result loader hands iface.layerTreeView() to C++
    (QgsProcessingGuiUtils.addResultLayers), which refuses the MagicMock pytest-qgis returns for methods it
    does not implement; older versions only called it from Python, where the mock passed.
    """
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    # Without legend nodes: drawing their symbol previews evaluates the project's expression scope in the
    # main thread, and QGIS 3.44 crashed (QgsProject::createExpressionContextScope) when a Processing task
    # thread built a feature source from a project layer at the same moment, 2 runs of tests/ui in 6.
    model.setFlag(QgsLayerTreeModel.Flag.ShowLegend, False)
    view = QgsLayerTreeView(qgis_iface.mainWindow())
    view.setModel(model)
    model.setParent(view)
    qgis_iface.layerTreeView = lambda: view
    yield view
    del qgis_iface.layerTreeView
