"""What every LandEval algorithm shares: naming, help, and turning engine errors into Processing errors."""
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import LandEvalError


class LandEvalAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, DISPLAY, GROUP_ID, GROUP, HELP and implement initAlgorithm() and run()."""

    NAME = ""
    DISPLAY = ""
    GROUP = "Evaluation / 评价"
    GROUP_ID = "evaluation"
    HELP = ""

    def tr(self, text):
        return QCoreApplication.translate("LandEval", text)

    def createInstance(self):  # noqa: N802 - QGIS API name
        return type(self)()

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 - QGIS API name
        return self.tr(self.DISPLAY)

    def group(self):
        return self.tr(self.GROUP)

    def groupId(self):  # noqa: N802 - QGIS API name
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802 - QGIS API name
        return self.tr(self.HELP)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        # The engine raises LandEvalError with a message meant for the technician; Processing shows a
        # QgsProcessingException as a plain message instead of a Python traceback.
        try:
            return self.run(parameters, context, feedback)
        except LandEvalError as err:
            raise QgsProcessingException(str(err)) from None

    def run(self, parameters, context, feedback):
        raise NotImplementedError
