"""Runs `landeval:evaluate` for the dock in a background task, the way Processing's own dialog does.

QgsProcessingAlgRunnerTask keeps QGIS responsive and puts the run in the task manager (progress, cancel); the
command is written to the Processing history so it can be re-run, and the result goes through Processing's
own result handling so the algorithm's layer post-processor (its style) applies.
"""
import os
import tempfile

from qgis.core import (QgsApplication, QgsProcessing, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                       QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFile,
                       QgsProcessingParameterVectorLayer, QgsProject)
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


def evaluate_parameters(algorithm, layer, config_path, output_path, layer_name):
    """Parameters for one run: the layer, the weight-set file and a GeoPackage output that the result
    handling loads into the project; every other parameter keeps its default. Raises LandEvalError when the
    algorithm has no such parameters or needs one more value without a default."""
    output = QgsProcessingOutputLayerDefinition(output_path, QgsProject.instance())
    output.destinationName = layer_name
    roles = (((QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer), layer.id()),
             ((QgsProcessingParameterFile,), config_path),
             ((QgsProcessingParameterFeatureSink,), output))
    params, filled = {}, set()
    for definition in algorithm.parameterDefinitions():
        for role, (kinds, value) in enumerate(roles):
            if role not in filled and isinstance(definition, kinds):
                params[definition.name()] = value
                filled.add(role)
                break
        else:
            optional = definition.flags() & definition.FlagOptional
            if not optional and definition.defaultValue() is None and not definition.isDestination():
                raise LandEvalError(f"{ALGORITHM_ID} needs a value for '{definition.description()}'; run it from "
                                    "the Processing toolbox (the dock fills only layer, weight set and output).")
    if len(filled) < len(roles):
        raise LandEvalError(f"{ALGORITHM_ID} has no input layer / weight-set file / output parameter as the dock "
                            "expects; run it from the Processing toolbox.")
    return params


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

    def start(self, layer, config_path):
        """Start evaluating `layer` with the weight-set file `config_path`; returns immediately."""
        if self.running:
            raise LandEvalError("An evaluation is already running; wait for it or cancel it.")
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM_ID)
        if algorithm is None:
            raise LandEvalError(f"The Processing algorithm {ALGORITHM_ID} is not available: enable the LandEval "
                                "plugin's provider (Settings ▸ Options ▸ Processing ▸ Providers).")
        out_dir = tempfile.mkdtemp(prefix="landeval_")
        output_path = os.path.join(out_dir, "evaluated.gpkg")
        name = f"{layer.name()} — LandEval"
        params = evaluate_parameters(algorithm, layer, config_path, output_path, name)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
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
            if layer is None:
                ok, message = False, "The evaluation finished but its result layer could not be loaded."
        else:
            message = "Cancelled / 已取消" if self.feedback.isCanceled() else (
                "The evaluation failed; see the Processing log (View ▸ Panels ▸ Log Messages) for the reason.")
        self.task = None
        self._state = None
        self.finished.emit(ok, layer, message)
