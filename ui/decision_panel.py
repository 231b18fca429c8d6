"""The dock's "Decision support" box: the four decision-support algorithms and the two documents a
bureau files (parcel dossiers, the inefficient-land list; see documents.py) run on the evaluated layer chosen
under Apply, each through the dock's AlgorithmRunner (Processing history, styled outputs loaded), each with a
one-line summary of what came out.

The extra inputs each algorithm asks for (layers, radius, unit costs) are built from the algorithm's own
parameter definitions, so their labels, help, defaults and limits are the ones Processing shows. Renewal
scenarios need parks with a level: a parks layer without one (the raw one under Apply) is classified first
with landeval:classifyscale, a second run of its own in the history.
"""

from qgis.core import Qgis, QgsApplication, QgsFieldProxyModel, QgsMapLayerProxyModel, QgsProcessing
from qgis.gui import QgsDoubleSpinBox, QgsFieldComboBox
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QPushButton, QTabWidget,
                                 QVBoxLayout, QWidget)

from ..core.errors import ConfigError, LandEvalError
from ..core.labels import LANGUAGES
from ..core.units import AREA_UNITS
from ..translation import message_of, tr
from . import decision_summary, weight_file
from .documents import DOSSIER, EXPORT_LIST, DocumentOptions, document_summary
from .apply_panel import guess_field, layer_combo
from .run_feedback import RunFeedback
from .tier_preview import TierPreview
from .weight_set_bar import problems_text

PATHS = "landeval:suggestpaths"
TWO_EVALUATIONS = "landeval:twoevaluations"
SCENARIOS = "landeval:renewalscenarios"
ROUNDS = "landeval:comparerounds"
SCALE = "landeval:classifyscale"
# The optional layers twoevaluations reads, in the order its dialog lists them.
VALUE_LAYERS = ("CENTRES", "TRANSIT", "ROADS", "POIS", "LANDUSE")
COSTS = ("RELOCATION_COST", "DEMOLITION_COST", "CONSTRUCTION_COST", "COMPENSATION")
LEVEL = "level"  # the field renewalscenarios reads on parcels and parks (its PARK_LEVEL_FIELD default)
_FILTERS = {QgsProcessing.SourceType.TypeVectorPoint: QgsMapLayerProxyModel.Filter.PointLayer,
            QgsProcessing.SourceType.TypeVectorLine: QgsMapLayerProxyModel.Filter.LineLayer,
            QgsProcessing.SourceType.TypeVectorPolygon: QgsMapLayerProxyModel.Filter.PolygonLayer}


def titles():
    """{algorithm id: the title of its tab} in the translation installed now (the dock is built after it)."""
    return {PATHS: tr("Paths"), TWO_EVALUATIONS: tr("Two evaluations"), SCENARIOS: tr("Scenarios"),
            ROUNDS: tr("Rounds"), DOSSIER: tr("Dossiers"), EXPORT_LIST: tr("List")}


def algorithm_definition(algorithm_id):
    """The registered algorithm, for reading its parameter definitions (labels, help, defaults, limits).

    The plugin registers its provider in initProcessing, which initGui runs before the dock can be opened,
    so a missing algorithm means the provider failed to load or was removed: say so instead of guessing."""
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    if algorithm is None:
        raise LandEvalError("The Processing algorithm {algorithm} is not registered: the LandEval provider "
                            "is missing from the Processing toolbox. Enable the LandEval plugin (Plugins › Manage "
                            "and Install Plugins) or reinstall it, then reopen the dock.", algorithm=algorithm_id)
    return algorithm


def _has_field(layer, name):
    return layer is not None and layer.fields().lookupField(name) >= 0


class DecisionPanel(QWidget):
    """`apply_panel` gives the evaluated layer and the overlay layers (parks, development boundary);
    `runner` is the dock's AlgorithmRunner; `document()` the weight set shown (its area unit) and
    `language()` the dock's language ("zh"/"en") for the texts the algorithms write and the summaries."""

    message = pyqtSignal(str, int)

    def __init__(self, apply_panel, runner, document, language, parent=None):
        super().__init__(parent)
        self.apply_panel = apply_panel
        self.runner = runner
        self.document = document
        self.language = language
        self.run_buttons = {}
        self.summaries = {}
        self.titles = titles()
        self._then = None      # what to run once classifyscale has given the parks their levels
        self._source = None    # name of the evaluated layer of the run under way, to name its outputs

        self.pages = QTabWidget(self)
        self.pages.addTab(self._paths_page(), self.titles[PATHS])
        self.pages.addTab(self._value_page(), self.titles[TWO_EVALUATIONS])
        self.pages.addTab(self._scenario_page(), self.titles[SCENARIOS])
        self.pages.addTab(self._rounds_page(), self.titles[ROUNDS])
        self.documents = {}
        for algorithm_id, text in ((DOSSIER, tr("Print dossiers")), (EXPORT_LIST, tr("Export the list"))):
            self.pages.addTab(self._document_page(algorithm_id, text), self.titles[algorithm_id])
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.run_feedback = RunFeedback(self, runner, self.cancel_button, self._ours, self.message.emit)
        self.progress = self.run_feedback.progress
        self.layer_label = QLabel(self)
        self.layer_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layer_label)
        layout.addWidget(self.pages)
        layout.addLayout(bottom)

        self.runner.started.connect(self._on_started)
        self.runner.finished.connect(self._on_finished)
        apply_panel.evaluated_combo.layerChanged.connect(self._on_evaluated_changed)
        apply_panel.overlays["PARKS"].layerChanged.connect(self._on_parks_changed)
        self._on_evaluated_changed(apply_panel.evaluated_layer())
        self._on_parks_changed(apply_panel.overlays["PARKS"].currentLayer())

    # -- pages ----------------------------------------------------------------------------------------------
    def _page(self, algorithm_id, button_text, rows):
        """A page: its form rows, the run button and the summary of the last run."""
        page = QWidget(self)
        form = QFormLayout(page)
        for label, widget in rows:
            form.addRow(label, widget)
        button = QPushButton(button_text, page)
        button.setToolTip(algorithm_definition(algorithm_id).shortHelpString()[:400])
        button.clicked.connect(lambda: self.run(algorithm_id))
        summary = QLabel(page)
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        summary.setOpenExternalLinks(True)  # the documents' summaries link the file written
        form.addRow(button)
        form.addRow(summary)
        self.run_buttons[algorithm_id] = button
        self.summaries[algorithm_id] = summary
        return page

    def _paths_page(self):
        self.boundary_note = QLabel(self)
        self.boundary_note.setWordWrap(True)
        return self._page(PATHS, tr("Suggest paths"), [("", self.boundary_note)])

    def _value_page(self):
        algorithm = algorithm_definition(TWO_EVALUATIONS)
        self.value_layers = {}
        rows = []
        for name in VALUE_LAYERS:
            definition = algorithm.parameterDefinition(name)
            # OR-ed from the first, not from an empty Filters(): QGIS 3.34+ moved that type to Qgis.LayerFilters.
            kinds = [_FILTERS.get(kind, QgsMapLayerProxyModel.Filter.VectorLayer) for kind in definition.dataTypes()]
            filters = kinds[0] if kinds else QgsMapLayerProxyModel.Filter.VectorLayer
            for kind in kinds[1:]:
                filters |= kind
            combo = layer_combo(self, filters, True)
            combo.setToolTip(definition.help())
            self.value_layers[name] = combo
            rows.append((definition.description(), combo))
        self.landuse_field = QgsFieldComboBox(self)
        self.landuse_field.setAllowEmptyFieldName(True)
        self.value_layers["LANDUSE"].layerChanged.connect(self.landuse_field.setLayer)
        rows.append((algorithm.parameterDefinition("LANDUSE_FIELD").description(), self.landuse_field))
        self.price_field = QgsFieldComboBox(self)
        self.price_field.setFilters(QgsFieldProxyModel.Filter.Numeric)
        self.price_field.setAllowEmptyFieldName(True)
        rows.append((algorithm.parameterDefinition("LAND_PRICE_FIELD").description(), self.price_field))
        self.radius = self._number(algorithm.parameterDefinition("RADIUS"), " m")
        rows.append((algorithm.parameterDefinition("RADIUS").description(), self.radius))
        return self._page(TWO_EVALUATIONS, tr("Two evaluations"), rows)

    def _scenario_page(self):
        algorithm = algorithm_definition(SCENARIOS)
        self.parks_note = QLabel(self)
        self.parks_note.setWordWrap(True)
        self.park_name_field = QgsFieldComboBox(self)
        self.park_town_field = QgsFieldComboBox(self)
        self.town_field = QgsFieldComboBox(self)
        rows = [("", self.parks_note)]
        for name, combo in (("PARK_NAME_FIELD", self.park_name_field), ("TOWN_FIELD", self.town_field),
                            ("PARK_TOWN_FIELD", self.park_town_field)):
            combo.setAllowEmptyFieldName(True)
            combo.setToolTip(algorithm.parameterDefinition(name).help())
            rows.append((algorithm.parameterDefinition(name).description(), combo))
        self.costs = {}
        for name in COSTS:
            definition = algorithm.parameterDefinition(name)
            self.costs[name] = self._number(definition)
            rows.append((definition.description(), self.costs[name]))
        return self._page(SCENARIOS, tr("Compare scenarios"), rows)

    def _rounds_page(self):
        algorithm = algorithm_definition(ROUNDS)
        self.earlier_combo = layer_combo(self, QgsMapLayerProxyModel.Filter.PolygonLayer, True)
        self.earlier_combo.setToolTip(algorithm.parameterDefinition("EARLIER").help())
        self.earlier_id = QgsFieldComboBox(self)
        self.later_id = QgsFieldComboBox(self)
        self.earlier_combo.layerChanged.connect(self._on_earlier_changed)
        return self._page(ROUNDS, tr("Compare rounds"), [
            (algorithm.parameterDefinition("EARLIER").description(), self.earlier_combo),
            (algorithm.parameterDefinition("EARLIER_ID_FIELD").description(), self.earlier_id),
            (algorithm.parameterDefinition("ID_FIELD").description(), self.later_id)])

    def _document_page(self, algorithm_id, button_text):
        self.documents[algorithm_id] = DocumentOptions(self, algorithm_definition(algorithm_id))
        return self._page(algorithm_id, button_text, self.documents[algorithm_id].rows)

    def _number(self, definition, suffix=""):
        """A spin box with the parameter's default, limits and help (the default is also the clear value)."""
        box = QgsDoubleSpinBox(self)
        box.setDecimals(2)
        box.setRange(max(definition.minimum(), 0.0), min(definition.maximum(), 1.0e9))
        box.setClearValue(float(definition.defaultValue()))
        box.setValue(float(definition.defaultValue()))
        box.setSuffix(suffix)
        box.setToolTip(definition.help())
        return box

    # -- inputs ---------------------------------------------------------------------------------------------
    def evaluated_layer(self):
        layer = self.apply_panel.evaluated_layer()
        return layer if layer is not None and TierPreview.is_evaluated(layer) else None

    def _on_evaluated_changed(self, layer):
        for combo in (self.price_field, self.town_field, self.later_id):
            combo.setLayer(layer)
        guess_field(self.town_field, layer, "town")
        guess_field(self.later_id, layer, "parcel_id")
        for options in self.documents.values():
            options.follow_layer(layer)
        self.earlier_combo.setExceptedLayerList([layer] if layer is not None else [])
        if layer is None or not TierPreview.is_evaluated(layer):
            self.layer_label.setText(tr("Choose an evaluated layer under Apply (or apply the set) to run these."))
        else:
            self.layer_label.setText(tr("On the evaluated layer: <b>{layer}</b>").format(layer=layer.name()))
        self.boundary_note.setText(
            "" if layer is None else
            tr("Boundary-dependent rules and clearance zones use the layer's inside_dev_boundary.")
            if _has_field(layer, "inside_dev_boundary") else
            tr("This layer has no inside_dev_boundary: paths ignore the development boundary and no clearance zones "
               "come out. Evaluate with the development boundary (Apply ▸ Spatial inputs) to get them."))
        self._update_buttons()

    def _on_parks_changed(self, layer):
        for combo in (self.park_name_field, self.park_town_field):
            combo.setLayer(layer)
        guess_field(self.park_town_field, layer, "town")
        if layer is not None and not self.park_name_field.currentField():
            named = [f for f in layer.fields().names() if f.lower() == "name" or f.endswith("名称")]
            self.park_name_field.setField(named[0] if named else "")
        self.parks_note.setText(
            tr("Parks: choose them under Apply ▸ Spatial inputs.") if layer is None else
            tr("Parks: <b>{layer}</b>").format(layer=layer.name()) if _has_field(layer, LEVEL) else
            tr("Parks: <b>{layer}</b> (levels from landeval:classifyscale first)").format(layer=layer.name()))

    def _on_earlier_changed(self, layer):
        self.earlier_id.setLayer(layer)
        guess_field(self.earlier_id, layer, "parcel_id")

    def _update_buttons(self):
        enabled = self.evaluated_layer() is not None and not self.runner.running
        for button in self.run_buttons.values():
            button.setEnabled(enabled)

    # -- runs -----------------------------------------------------------------------------------------------
    def run(self, algorithm_id):
        """Start one of the four algorithms on the evaluated layer; False (with a message) when it cannot."""
        layer = self.evaluated_layer()
        if layer is None:
            self.message.emit(tr("Choose an evaluated layer under Apply first."), Qgis.MessageLevel.Warning)
            return False
        build = {PATHS: self._paths_inputs, TWO_EVALUATIONS: self._value_inputs, SCENARIOS: self._scenario_run,
                 ROUNDS: self._rounds_inputs, DOSSIER: self._document_inputs(DOSSIER),
                 EXPORT_LIST: self._document_inputs(EXPORT_LIST)}[algorithm_id]
        try:
            inputs = build(layer)
            if inputs is None:  # scenarios: started classifyscale, the scenarios follow
                return True
            self._start(algorithm_id, inputs, layer.name())
        except ConfigError as err:
            self.message.emit(problems_text(tr("Cannot run, the weight set has problems"), err.problems),
                              Qgis.MessageLevel.Warning)
            return False
        except LandEvalError as err:
            self._then = None
            self.message.emit(message_of(err), Qgis.MessageLevel.Critical)
            return False
        return True

    def _start(self, algorithm_id, inputs, source_name, load=None):
        self._source = source_name
        self.runner.start(algorithm_id, inputs, load=load)

    def _language_index(self):
        lang = self.language()
        return LANGUAGES.index(lang) if lang in LANGUAGES else 0

    def _paths_inputs(self, layer):
        return {"INPUT": layer.id(), "LANGUAGE": self._language_index()}

    def _value_inputs(self, layer):
        inputs = {"INPUT": layer.id(), "LANGUAGE": self._language_index(), "RADIUS": self.radius.value()}
        inputs.update({name: combo.currentLayer().id() for name, combo in self.value_layers.items()
                       if combo.currentLayer() is not None})
        if "LANDUSE" in inputs and not self.landuse_field.currentField():
            raise LandEvalError("Choose the land-use class field of the land-use layer, or clear the layer.")
        for name, combo in (("LANDUSE_FIELD", self.landuse_field), ("LAND_PRICE_FIELD", self.price_field)):
            if combo.currentField() and (name != "LANDUSE_FIELD" or "LANDUSE" in inputs):
                inputs[name] = combo.currentField()
        return inputs

    def _scenario_run(self, layer):
        """The scenario inputs, or None after starting classifyscale when the parks (or parcels) lack levels."""
        parks = self.apply_panel.overlays["PARKS"].currentLayer()
        if parks is None:
            raise LandEvalError("Renewal scenarios need the parks: choose them under Apply ▸ Spatial inputs "
                                "(Parks).")
        town, park_town = self.town_field.currentField(), self.park_town_field.currentField()
        if bool(town) != bool(park_town):
            raise LandEvalError("Give both town fields (of the parcels and of the parks) to keep moves "
                                "within each town, or clear both to search the whole district.")
        unit = self.document().get("area_unit") or "mu"
        inputs = {"PARKS": parks.id(), "AREA_UNIT": AREA_UNITS.index(unit) if unit in AREA_UNITS else 0,
                  **{name: box.value() for name, box in self.costs.items()}}
        for name, value in (("PARK_NAME_FIELD", self.park_name_field.currentField()), ("TOWN_FIELD", town),
                            ("PARK_TOWN_FIELD", park_town)):
            if value:
                inputs[name] = value
        parcels_levelled, parks_levelled = _has_field(layer, LEVEL), _has_field(parks, LEVEL)
        if parcels_levelled and parks_levelled:
            return dict(inputs, INPUT=layer.id())
        scale = {"PARCELS": layer.id(), "PARKS": parks.id()}
        boundary = self.apply_panel.overlays["DEV_BOUNDARY"].currentLayer()
        if boundary is not None and not _has_field(layer, "inside_dev_boundary"):
            scale["DEV_BOUNDARY"] = boundary.id()
        # Plain values only: the layers may be removed from the project while classifyscale runs.
        layer_id, name = layer.id(), layer.name()

        def then(result):
            # The levels come from one classifyscale run: its park levels, and its parcel levels where the
            # evaluated layer has none (evaluated without parks).
            parcels = layer_id if parcels_levelled else result.outputs["OUTPUT"]
            levelled = inputs["PARKS"] if parks_levelled else result.outputs["OUTPUT_PARKS"]
            self._start(SCENARIOS, dict(inputs, INPUT=parcels, PARKS=levelled), name)

        self._then = then
        self._start(SCALE, scale, name, load=())
        return None

    def _document_inputs(self, algorithm_id):
        def build(layer):
            # The set as shown, written to a file the run reads (as Apply does).
            document = self.document()
            path = weight_file.write_for_run(document)
            overlays = {name: combo.currentLayer() for name, combo in self.apply_panel.overlays.items()}
            return self.documents[algorithm_id].inputs(layer, overlays, path, weight_file.validate(document).has_rules)
        return build

    def _rounds_inputs(self, layer):
        earlier = self.earlier_combo.currentLayer()
        if earlier is None or earlier.id() == layer.id():
            raise LandEvalError("Choose the earlier round's evaluated layer to compare with '{layer}'.",
                                layer=layer.name())
        if not self.later_id.currentField() or not self.earlier_id.currentField():
            raise LandEvalError("Choose the parcel id field of both rounds.")
        return {"EARLIER": earlier.id(), "LATER": layer.id(), "ID_FIELD": self.later_id.currentField(),
                "EARLIER_ID_FIELD": self.earlier_id.currentField()}

    # -- runner signals -------------------------------------------------------------------------------------
    def _ours(self, algorithm_id):
        return algorithm_id in self.titles or (algorithm_id == SCALE and self._then is not None)

    def _page_of(self, algorithm_id):
        return SCENARIOS if algorithm_id == SCALE else algorithm_id

    def _on_started(self, algorithm_id):
        self._update_buttons()
        if not self._ours(algorithm_id):
            return
        self.run_feedback.begin()
        step = tr("Park levels…") if algorithm_id == SCALE else tr("Running…")
        self.summaries[self._page_of(algorithm_id)].setText(step)

    def _on_finished(self, ok, result, message):
        algorithm_id = result.algorithm_id
        if not self._ours(algorithm_id):
            self._update_buttons()
            return
        then, self._then = self._then, None
        if algorithm_id == SCALE and ok:
            try:
                then(result)
                return
            except LandEvalError as err:
                ok, message = False, message_of(err)
        self._update_buttons()
        label = self.summaries[self._page_of(algorithm_id)]
        if not self.run_feedback.end(ok, message, label):
            return
        for layer in result.layers.values():
            layer.setName(f"{self._source} — {layer.name()}")
        try:
            text = self.summary(algorithm_id, result)
        except LandEvalError as err:
            text = tr("Outputs loaded; no summary: {error}").format(error=message_of(err))
        label.setText(text)
        self.message.emit(f"{self.titles[algorithm_id]}: {text}", Qgis.MessageLevel.Success)

    def summary(self, algorithm_id, result):
        lang, layers = self.language(), result.layers
        if algorithm_id in self.documents:
            return document_summary(algorithm_id, result.outputs)
        if algorithm_id == PATHS:
            return decision_summary.paths_summary(layers, lang)
        if algorithm_id == TWO_EVALUATIONS:
            return decision_summary.quadrant_summary(layers, lang)
        if algorithm_id == SCENARIOS:
            return decision_summary.scenario_summary(layers, lang, self.document().get("area_unit") or "mu")
        return decision_summary.change_summary(layers, lang)
