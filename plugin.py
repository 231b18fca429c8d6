"""The QGIS plugin object: registers the Processing provider and, on the desktop, the dock."""
import os

from qgis.core import QgsApplication

from .translation import message_of, remove_translator, tr

PLUGIN_DIR = os.path.dirname(__file__)


class LandEvalPlugin:
    """Headless-safe: only initGui() touches iface, because qgis_process never calls it."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.action = None
        self.dock = None

    def initProcessing(self):  # noqa: N802 - QGIS API name
        from .algorithms.provider import LandEvalProvider

        self.provider = LandEvalProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 - QGIS API name
        from qgis.PyQt.QtGui import QIcon
        # QAction moved to QtGui in Qt6; QGIS's qgis.PyQt.QtWidgets still exports it there on both.
        from qgis.PyQt.QtWidgets import QAction

        self.initProcessing()
        self._warn_missing_packages()
        icon = QIcon(os.path.join(PLUGIN_DIR, "resources", "icons", "landeval.svg"))
        self.action = QAction(icon, tr("LandEval weight sets"), self.iface.mainWindow())
        self.action.setCheckable(True)
        self.action.toggled.connect(self._toggle_dock)
        self.iface.addPluginToMenu("&LandEval", self.action)
        self.iface.addToolBarIcon(self.action)

    def _warn_missing_packages(self):
        """On the desktop the log is easy to miss: show what to install in the message bar as well."""
        from qgis.core import Qgis

        from .core.dependencies import missing_dependency_message

        message = missing_dependency_message()
        if message:
            self.iface.messageBar().pushMessage("LandEval", message, Qgis.MessageLevel.Critical, 0)

    def _toggle_dock(self, visible):
        from qgis.PyQt.QtCore import Qt

        if self.dock is None and visible:
            from qgis.core import Qgis

            from .core.errors import LandEvalError
            from .ui.dock import WeightSetDock

            try:
                self.dock = WeightSetDock(self.iface, self.iface.mainWindow())
            except LandEvalError as err:  # e.g. the provider the dock reads its algorithms from is missing
                self.iface.messageBar().pushMessage("LandEval", message_of(err), Qgis.MessageLevel.Critical, 0)
                self.action.setChecked(False)
                return
            self.dock.visibilityChanged.connect(self.action.setChecked)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        if self.dock is not None:
            self.dock.setVisible(visible)

    def unload(self):
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None:
            self.iface.removePluginMenu("&LandEval", self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
