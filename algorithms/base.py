"""What every LandEval algorithm shares: naming, help, and turning engine errors into Processing errors."""
import html

from qgis.core import (QgsFeatureRequest, QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingFeatureSource, QgsProcessingFeatureSourceDefinition,
                       QgsProcessingParameterDefinition, QgsProcessingUtils, QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import LandEvalError
from ..qgis_io.destinations import refuse_overwriting_inputs
from ..translation import message_of


def with_declared_defaults(alg, parameters):
    """`parameters` plus the declared default of every input parameter the caller left out.

    The dialog always passes every parameter, defaults included; qgis_process and processing.run pass only
    what was typed. Filled in here, code reading `parameters.get(X)` sees what the dialog would have sent.
    Destinations are left alone: Processing decides what an omitted output means.
    """
    missing = {d.name(): d.defaultValue() for d in alg.parameterDefinitions()
               if not d.isDestination() and d.name() not in parameters and d.defaultValue() is not None}
    return {**missing, **parameters} if missing else parameters


LAYER_PARAMETER_TYPES = ("source", "vector")


def _refuse_overwriting_inputs(alg, parameters, context):
    """qgis_io.destinations.refuse_overwriting_inputs with the run's input and destination parameters."""
    definitions = alg.parameterDefinitions()
    inputs = [(d, parameters.get(d.name())) for d in definitions if not d.isDestination()]
    destinations = [(d, parameters.get(d.name())) for d in definitions if d.isDestination()]
    refuse_overwriting_inputs(inputs, destinations, context)


def _project_layer(parameters, name, context):
    """The layer of the open project that parameter `name` names, or None. Nothing is opened here: a path
    that is no project layer is left for the run to open itself."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if isinstance(value, str) and value:
        value = QgsProcessingUtils.mapLayerFromString(value, context, False)
    project = context.project()
    if not isinstance(value, QgsVectorLayer) or project is None:
        return None
    return value if project.mapLayer(value.id()) is value else None


def _own_copy(layer):
    """A copy of a project layer that only this run uses: the same data source, subset, encoding, CRS and
    aliases (clone), or, when the layer has unsaved edits, its features as they are shown (materialize)."""
    if layer.isModified():
        return layer.materialize(QgsFeatureRequest())
    return layer.clone()


class LandEvalAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, DISPLAY, GROUP_ID, GROUP, HELP and implement initAlgorithm() and execute()
    (not run(): that is QgsProcessingAlgorithm.run, which processing.run calls).

    HELP says what the algorithm does; OUTPUT_HELP lists the output fields with units; METHOD_HELP names the
    source of the method. The parameter list of the help is built from each parameter's own help text, so
    the two cannot drift apart. All five are English source strings that scripts/i18n.py extracts and
    displayName/group/shortHelpString translate; parameter descriptions and help go through params.tr.
    """

    NAME = ""
    DISPLAY = ""
    GROUP = "Evaluation"
    GROUP_ID = "evaluation"
    HELP = ""
    OUTPUT_HELP = ""
    METHOD_HELP = ""

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
        parts = [f"<p>{self.tr(self.HELP)}</p>"]
        items = [
            f"<li><b>{p.name()}</b> ({html.escape(p.description())}): {html.escape(p.help())}</li>"
            for p in self.parameterDefinitions()
            if not p.flags() & QgsProcessingParameterDefinition.Flag.FlagHidden
        ]
        if items:
            parts.append(f"<h3>{self.tr('Parameters')}</h3><ul>" + "".join(items) + "</ul>")
        if self.OUTPUT_HELP:
            parts.append(f"<h3>{self.tr('Output')}</h3><p>{self.tr(self.OUTPUT_HELP)}</p>")
        if self.METHOD_HELP:
            parts.append(f"<h3>{self.tr('Method and sources')}</h3><p>{self.tr(self.METHOD_HELP)}</p>")
        return "".join(parts)

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API name
        # Checked here too, so the dialog and qgis_process refuse an output that would overwrite an input
        # before the run starts; processAlgorithm checks again for callers that skip this step.
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            try:
                _refuse_overwriting_inputs(self, parameters, context)
            except LandEvalError as err:
                return False, message_of(err)
        return ok, message

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        # Processing calls this in the main thread, then runs processAlgorithm in a task thread when the run
        # comes from a dialog or the dock. A layer of the open project belongs to the main thread, where the
        # canvas and the legend read it while the task would: QGIS 3.44 crashed (QgsProject's expression
        # scope) when a task thread built a feature source from a project layer while the legend drew. So
        # every project layer is copied here, and its feature source built here, as QGIS's own feature-based
        # algorithms do; parameterAs* below hand the run these copies.
        self._own_layers, self._own_sources = {}, {}
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.type() not in LAYER_PARAMETER_TYPES:
                continue
            layer = _project_layer(parameters, name, context)
            if layer is None:
                continue
            value = parameters.get(name)
            if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
                    value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", "")):
                # A selection or a limit belongs to the project layer: keep its source, built here.
                self._own_sources[name] = super().parameterAsSource(parameters, name, context)
                continue
            copy = _own_copy(layer)
            self._own_layers[name] = copy
            self._own_sources[name] = QgsProcessingFeatureSource(copy, context, False)
        return True

    def parameterAsVectorLayer(self, parameters, name, context):  # noqa: N802 - QGIS API name
        own = getattr(self, "_own_layers", {}).get(name)
        return own if own is not None else super().parameterAsVectorLayer(parameters, name, context)

    def parameterAsSource(self, parameters, name, context):  # noqa: N802 - QGIS API name
        own = getattr(self, "_own_sources", {}).get(name)
        return own if own is not None else super().parameterAsSource(parameters, name, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        # Every algorithm sees the declared defaults and is refused an output that would overwrite one of its
        # inputs before any work: done here once, so present and future algorithms cannot forget it.
        # The engine raises LandEvalError with a message meant for the technician; Processing shows a
        # QgsProcessingException as a plain message instead of a Python traceback.
        # Raised outside the except block: the QgsProcessingException crosses sip and is never freed, so it
        # must not carry the engine error's traceback, whose frames hold the layers opened on the way.
        try:
            parameters = with_declared_defaults(self, parameters)
            _refuse_overwriting_inputs(self, parameters, context)
            return self.execute(parameters, context, feedback)
        except LandEvalError as err:
            message = message_of(err)
        raise QgsProcessingException(message)

    def execute(self, parameters, context, feedback):
        raise NotImplementedError
