"""Runs any `landeval:` algorithm for the dock in a background task, the way Processing's own dialog does.

QgsProcessingAlgRunnerTask keeps QGIS responsive and puts the run in the task manager (progress, cancel); the
command is written to the Processing history so it can be re-run, and the results go through Processing's
own result handling so the algorithms' layer post-processors (their styles, names, the LandEval group) apply.
Every feature-sink output is written to a GeoPackage in a fresh temporary folder; the ones the caller wants
to see are loaded into the project, the others stay files another run can read.
"""
import os
import tempfile
from dataclasses import dataclass, field

from qgis.core import (Qgis, QgsApplication, QgsProcessingAlgorithm, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                       QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, QgsProcessingParameterFeatureSink,
                       QgsProject)
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from ..core.errors import LandEvalError
from ..translation import tr


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


class _Feedback(QgsProcessingFeedback):
    """Keeps the errors the algorithm reported (its LandEvalError message among them) for the dock to show."""

    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 - QGIS API names
        self.errors.append(error)
        super().reportError(error, fatalError)


# Qgis.ProcessingAlgorithmFlag from QGIS 3.36 (the only spelling in QGIS 4), QgsProcessingAlgorithm.Flag before.
_FLAGS = getattr(Qgis, "ProcessingAlgorithmFlag", None)
NO_THREADING = _FLAGS.NoThreading if _FLAGS is not None else QgsProcessingAlgorithm.Flag.FlagNoThreading


def _file_of(source):
    return os.path.realpath(source.split("|")[0])


@dataclass
class RunResult:
    """What one run gave: `layers` {output name: layer loaded into the project}, `outputs` the algorithm's
    result map ({output name: file or value}, e.g. an unloaded GeoPackage another run reads)."""
    algorithm_id: str
    layers: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)

    @property
    def layer(self):
        """The main output (OUTPUT), or None."""
        return self.layers.get("OUTPUT")


class AlgorithmRunner(QObject):
    """One run at a time, shared by every part of the dock that runs an algorithm.

    Signals: started(algorithm id), progress(float 0–100), finished(ok, RunResult, message). A RunResult comes
    with every finish, failed ones too (then without layers), so each panel can tell its own runs apart.
    """

    started = pyqtSignal(str)
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
        return self._state is not None

    @property
    def algorithm_id(self):
        """Id of the algorithm running now, or None."""
        return self._state["algorithm"].id() if self._state else None

    def start(self, algorithm_id, inputs, load=None, names=None):
        """Start `algorithm_id` with `inputs` ({parameter name: value}); returns immediately.

        Each feature-sink output goes to a GeoPackage named after it in a new temporary folder. `load`: the
        outputs to load into the project (None: all of them), named from `names` ({output: layer name}) or
        the output's description until the algorithm's post-processor names them.
        """
        if self.running:
            raise LandEvalError("{algorithm} is still running; wait for it or cancel it.",
                                algorithm=self.algorithm_id)
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if algorithm is None:
            raise LandEvalError("The Processing algorithm {algorithm} is not available: enable the LandEval "
                                "plugin's provider (Settings ▸ Options ▸ Processing ▸ Providers).",
                                algorithm=algorithm_id)
        unknown = sorted(name for name in inputs if algorithm.parameterDefinition(name) is None)
        if unknown:
            raise LandEvalError("{algorithm} has no parameter {names}; update the plugin.",
                                algorithm=algorithm_id, names=", ".join(unknown))
        folder = tempfile.mkdtemp(prefix=f"landeval_{algorithm_id.split(':')[-1]}_")
        params = dict(inputs)
        files = {}
        for definition in algorithm.destinationParameterDefinitions():
            name = definition.name()
            if name in params or not isinstance(definition, QgsProcessingParameterFeatureSink):
                continue
            files[name] = os.path.join(folder, name.lower() + ".gpkg")
            if load is None or name in load:
                output = QgsProcessingOutputLayerDefinition(files[name], QgsProject.instance())
                output.destinationName = (names or {}).get(name) or definition.description()
                params[name] = output
            else:
                params[name] = files[name]
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        ok, problem = algorithm.checkParameterValues(params, self.context)
        if not ok:
            raise LandEvalError("{algorithm}: {problem}", algorithm=algorithm_id, problem=problem)
        self.feedback = _Feedback()
        self.feedback.progressChanged.connect(self.progress)
        _record_history(algorithm, params, self.context)
        loaded = {name: path for name, path in files.items() if load is None or name in load}
        self._state = {"algorithm": algorithm, "params": params, "loaded": loaded,
                       "before": set(QgsProject.instance().mapLayers())}
        if algorithm.flags() & NO_THREADING:
            QTimer.singleShot(0, self._run_here)
        else:
            self.task = QgsProcessingAlgRunnerTask(algorithm, params, self.context, self.feedback)
            self.task.executed.connect(self._on_executed)
            QgsApplication.taskManager().addTask(self.task)
        self.started.emit(algorithm_id)

    def _run_here(self):
        """Run a NoThreading algorithm in the main thread; its errors reach the feedback (catchExceptions)."""
        state = self._state
        # As Processing's dialog does for such runs: keep the window painting and Cancel clickable.
        self.feedback.progressChanged.connect(lambda _percent: QCoreApplication.processEvents())
        results, ok = state["algorithm"].run(state["params"], self.context, self.feedback)
        self._on_executed(ok, results)

    def cancel(self):
        if self.feedback is not None:
            self.feedback.cancel()

    def _on_executed(self, ok, results):
        state = self._state
        algorithm = state["algorithm"]
        result = RunResult(algorithm.id(), outputs=dict(results or {}))
        message = ""
        if ok:
            try:
                result.layers = self._load(algorithm, state)
                missing = sorted(set(state["loaded"]) - set(result.layers))
            except Exception as err:  # noqa: BLE001 - an exception escaping a Qt slot would abort QGIS
                missing = [f"({type(err).__name__}: {err})"]
            if missing:
                ok = False
                message = tr("{algorithm} finished but its output {names} could not be loaded; "
                             "see the Log Messages panel (Processing).").format(algorithm=algorithm.id(),
                                                                                names=", ".join(missing))
        else:
            reason = self.feedback.errors[-1].strip() if self.feedback.errors else (
                tr("see the Processing log (View ▸ Panels ▸ Log Messages) for the reason"))
            message = tr("Cancelled") if self.feedback.isCanceled() else tr("{algorithm} failed: {reason}").format(
                algorithm=algorithm.id(), reason=reason)
        # The run's context and feedback go with this call: kept until the next run, they held result layers
        # that outlived QGIS at exit (a crash in garbage collection). A slot may start the next run.
        self.task = self._state = self.context = self.feedback = None
        self.finished.emit(ok, result, message)

    def _load(self, algorithm, state):
        """Load the outputs into the project and find each by its file: {output name: layer}."""
        from processing.gui.Postprocessing import handleAlgorithmResults

        # `parameters` by name: QGIS 3.22 has a showResults argument before it, 3.40 does not.
        if not state["loaded"] or not handleAlgorithmResults(algorithm, self.context, self.feedback,
                                                             parameters=state["params"]):
            return {}
        by_file = {_file_of(path): name for name, path in state["loaded"].items()}
        layers = {}
        for layer_id, layer in QgsProject.instance().mapLayers().items():
            name = by_file.get(_file_of(layer.source()))
            if layer_id in state["before"] or name is None:
                continue
            # Opened in the main thread and styled from the file by styling.finish_output's post-processor.
            layers[name] = layer
        return layers
