"""Runs `landeval:evaluate` for the dock in a background task, the way Processing's own dialog does.

QgsProcessingAlgRunnerTask keeps QGIS responsive and puts the run in the task manager (progress, cancel); the
command is written to the Processing history so it can be re-run, and the result goes through Processing's
own result handling so the algorithm's layer post-processor (its style) applies.
"""
import os
import tempfile

from qgis.core import (QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback,
                       QgsProcessingOutputLayerDefinition, QgsProject)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.errors import LandEvalError

ALGORITHM_ID = "landeval:evaluate"


def _record_history(algorithm, parameters, context):
    """Add the run to Processing's history (3.24+ history registry; 3.22 ProcessingLog)."""
    command = algorithm.asPythonCommand(parameters, context)
    if not command:
        return
    try:
        from qgis.gui import QgsGui

        registry = QgsGui.historyProviderRegistry()
        registry.addEntry("processing", {"python_command": command, "algorithm_id": algorithm.id(),
                                         "parameters": {k: str(v) for k, v in parameters.items()}})
        return
    except (ImportError, AttributeError):
        pass
    try:
        from processing.core.ProcessingLog import ProcessingLog

        ProcessingLog.addToLog(command)
    except ImportError:
        pass


class EvaluateRunner(QObject):
    """One run at a time. Signals: progress(float 0–100), finished(ok, result layer or None, message)."""

    progress = pyqtSignal(float)
    finished = pyqtSignal(bool, object, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.task = None
        self.feedback = None
        self.context = None
        self._state = None

    @property
    def running(self):
        return self.task is not None

    def start(self, inputs, layer_name):
        """Start the run with `inputs` ({parameter name: value}: PARCELS, PARCEL_ID, ENTERPRISES, WEIGHT_SET, …);
        the result goes to a GeoPackage loaded as `layer_name`. Returns immediately."""
        if self.running:
            raise LandEvalError("An evaluation is already running; wait for it or cancel it.")
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM_ID)
        if algorithm is None:
            raise LandEvalError(f"The Processing algorithm {ALGORITHM_ID} is not available: enable the LandEval "
                                "plugin's provider (Settings ▸ Options ▸ Processing ▸ Providers).")
        unknown = sorted(name for name in inputs if algorithm.parameterDefinition(name) is None)
        if unknown:
            raise LandEvalError(f"{ALGORITHM_ID} has no parameter {', '.join(unknown)}; update the plugin.")
        output = QgsProcessingOutputLayerDefinition(
            os.path.join(tempfile.mkdtemp(prefix="landeval_"), "evaluated.gpkg"), QgsProject.instance())
        output.destinationName = layer_name
        params = dict(inputs, OUTPUT=output)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        ok, problem = algorithm.checkParameterValues(params, self.context)
        if not ok:
            raise LandEvalError(f"{ALGORITHM_ID}: {problem}")
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(self.progress.emit)
        _record_history(algorithm, params, self.context)
        self._state = (algorithm, params, set(QgsProject.instance().mapLayers()))
        self.task = QgsProcessingAlgRunnerTask(algorithm, params, self.context, self.feedback)
        self.task.executed.connect(self._on_executed)
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self):
        if self.feedback is not None:
            self.feedback.cancel()

    def _on_executed(self, ok, results):
        algorithm, params, before = self._state
        layer, message = None, ""
        if ok:
            from processing.gui.Postprocessing import handleAlgorithmResults

            if handleAlgorithmResults(algorithm, self.context, self.feedback, False, params):
                added = [lyr for lid, lyr in QgsProject.instance().mapLayers().items() if lid not in before]
                layer = added[0] if added else None
            if layer is not None:
                # The algorithm opened (and styled) this layer inside the worker thread; its GeoPackage
                # connection from there fails in the main thread ("unable to open database file", feature
                # count -1). Reopening the provider here gives it a connection of this thread.
                layer.dataProvider().reloadData()
            if layer is None:
                ok, message = False, "The evaluation finished but its result layer could not be loaded."
        else:
            message = "Cancelled / 已取消" if self.feedback.isCanceled() else (
                "The evaluation failed; see the Processing log (View ▸ Panels ▸ Log Messages) for the reason.")
        self.task = None
        self._state = None
        self.finished.emit(ok, layer, message)
