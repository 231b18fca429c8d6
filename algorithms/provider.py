"""The `landeval` Processing provider."""
import os

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.dependencies import missing_dependency_message
from ..translation import tr

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "icons", "landeval.svg")


def algorithm_classes():
    """Every algorithm the provider offers; imported here so a missing package fails in one place."""
    from .registry import ALGORITHMS

    return ALGORITHMS


class LandEvalProvider(QgsProcessingProvider):
    def id(self):
        return "landeval"

    def name(self):
        return "LandEval"

    def longName(self):  # noqa: N802 - QGIS API name
        return tr("LandEval — industrial land evaluation")

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802 - QGIS API name
        return ICON

    def loadAlgorithms(self):  # noqa: N802 - QGIS API name
        # pandas and PyYAML are not part of every QGIS install; say what to install instead of failing.
        message = missing_dependency_message()
        if message:
            QgsMessageLog.logMessage(message, "LandEval", Qgis.MessageLevel.Critical)
            return
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
