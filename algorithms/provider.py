"""The `landeval` Processing provider."""
import os

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "icons", "landeval.svg")


def _missing_runtime_packages():
    """pandas and PyYAML are not part of every QGIS install; say so instead of failing on import."""
    missing = []
    for name in ("numpy", "pandas", "yaml"):
        try:
            __import__(name)
        except ImportError:
            missing.append("PyYAML" if name == "yaml" else name)
    return missing


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
        return "LandEval — industrial land evaluation / 工业用地评价"

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802 - QGIS API name
        return ICON

    def loadAlgorithms(self):  # noqa: N802 - QGIS API name
        missing = _missing_runtime_packages()
        if missing:
            QgsMessageLog.logMessage(
                "LandEval needs the Python packages {} in QGIS's Python; install them "
                "(Debian/Ubuntu: apt install python3-pandas python3-yaml; OSGeo4W: the python3-pandas and "
                "python3-pyyaml packages) and restart QGIS.".format(", ".join(missing)),
                "LandEval",
                Qgis.MessageLevel.Critical,
            )
            return
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
