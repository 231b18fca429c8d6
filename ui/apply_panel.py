"""The dock's "Apply" box: the inputs of landeval:evaluate, the run with progress and cancel, the evaluated
layer with its tier counts, and the live preview of tier changes while weights are edited.

Two layers matter here and are kept apart: the *parcels* the evaluation reads (input, never modified), and
the *evaluated* layer that holds score, tier and the indicator columns (the result of a run, or one the user
picks). Apply always reads the parcels; the preview and the objective weights read the evaluated layer.
"""

from qgis.core import Qgis, QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsCollapsibleGroupBox, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.catalogue import load_catalogue
from ..core.errors import ConfigError, LandEvalError
from ..translation import message_of, tr
from . import weight_file
from .algorithm_runner import AlgorithmRunner
from .run_feedback import RunFeedback
from .tier_preview import TierPreview, tier_summary
from .weight_set_bar import problems_text

EVALUATE = "landeval:evaluate"
PREVIEW_DELAY_MS = 300  # weight edits come in bursts (spin box arrows); recompute once they pause
# Optional overlay inputs of landeval:evaluate: parameter name → layer filter.
OVERLAYS = (("PARKS", QgsMapLayerProxyModel.Filter.PolygonLayer),
            ("ECO_REDLINE", QgsMapLayerProxyModel.Filter.PolygonLayer),
            ("DEV_BOUNDARY", QgsMapLayerProxyModel.Filter.PolygonLayer),
            ("POIS", QgsMapLayerProxyModel.Filter.PointLayer))


def overlay_labels():
    """{overlay parameter: its label}; a function, so the labels follow the translation installed when the
    dock is built rather than the one of the first import."""
    return {"PARKS": tr("Parks (scale levels)"), "ECO_REDLINE": tr("Eco red line"),
            "DEV_BOUNDARY": tr("Dev. boundary"), "POIS": tr("POIs (public services)")}


def layer_combo(parent, filters, optional):
    combo = QgsMapLayerComboBox(parent)
    combo.setFilters(filters)
    combo.setAllowEmptyLayer(optional)
    if optional:
        combo.setLayer(None)
    return combo


def guess_field(field_combo, layer, canonical_id):
    """Pick the column the catalogue recognises as `canonical_id` (e.g. 宗地编号 for parcel_id)."""
    if layer is None:
        return
    column = load_catalogue().resolve_columns(layer.fields().names()).get(canonical_id)
    if column:
        field_combo.setField(column)


class ApplyPanel(QWidget):
    """`document()` is a callable giving the current weight set; `runner` the dock's AlgorithmRunner (one run
    at a time across the dock); `message(text, Qgis level)` reports to the dock; `inputsChanged` tells the dock
    to remember the inputs in the project."""

    message = pyqtSignal(str, int)
    inputsChanged = pyqtSignal()

    def __init__(self, document, parent=None, runner=None):
        super().__init__(parent)
        self.document = document
        self.runner = runner or AlgorithmRunner(self)
        self.preview = TierPreview()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_inputs())
        layout.addWidget(self._build_overlays())
        layout.addLayout(self._build_run_row())
        layout.addLayout(self._build_result_row())
        layout.addWidget(self.tier_label)
        layout.addWidget(self.preview_label)
        self._connect()
        self._on_parcels_changed(self.parcels_combo.currentLayer())
        self._pick_evaluated()

    def _build_inputs(self):
        """The parcels and the enterprise table, each with its parcel id field."""
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.parcels_combo = layer_combo(self, QgsMapLayerProxyModel.Filter.PolygonLayer, False)
        self.parcel_id = QgsFieldComboBox(self)
        form.addRow(tr("Parcels"), self._pair(self.parcels_combo, self.parcel_id))
        self.enterprises_combo = layer_combo(self, QgsMapLayerProxyModel.Filter.VectorLayer, True)
        self.enterprise_parcel_id = QgsFieldComboBox(self)
        self.enterprise_parcel_id.setAllowEmptyFieldName(True)
        form.addRow(tr("Enterprises"), self._pair(self.enterprises_combo, self.enterprise_parcel_id))
        return form

    def _build_overlays(self):
        """The optional overlay layers, in a group box that starts collapsed."""
        self.overlays = {}
        spatial = QgsCollapsibleGroupBox(tr("Spatial inputs (optional)"), self)
        spatial_form = QFormLayout(spatial)
        labels = overlay_labels()
        for name, filters in OVERLAYS:
            self.overlays[name] = layer_combo(spatial, filters, True)
            spatial_form.addRow(labels[name], self.overlays[name])
            self.overlays[name].layerChanged.connect(self.inputsChanged)
        spatial.setCollapsed(True)
        return spatial

    def _build_run_row(self):
        """Progress, Apply and Cancel."""
        self.apply_button = QPushButton(tr("Apply"), self)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.run_feedback = RunFeedback(self, self.runner, self.cancel_button, lambda aid: aid == EVALUATE,
                                        self.message.emit)
        self.progress = self.run_feedback.progress
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.cancel_button)
        return buttons

    def _build_result_row(self):
        """The evaluated layer; also makes the tier and preview labels shown under it."""
        self.evaluated_combo = layer_combo(self, QgsMapLayerProxyModel.Filter.PolygonLayer, True)
        self.evaluated_combo.setToolTip(tr("A layer with score, tier and indicator columns (the result of Apply): "
                                           "tier counts, live preview and entropy/CRITIC read it."))
        self.tier_label = QLabel(self)
        self.preview_label = QLabel(self)
        for label in (self.tier_label, self.preview_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
        result_row = QHBoxLayout()
        result_row.addWidget(QLabel(tr("Evaluated"), self))
        result_row.addWidget(self.evaluated_combo, 1)
        return result_row

    def _connect(self):
        self.apply_button.clicked.connect(self.apply)
        self.parcels_combo.layerChanged.connect(self._on_parcels_changed)
        self.enterprises_combo.layerChanged.connect(self._on_enterprises_changed)
        self.parcel_id.fieldChanged.connect(self.inputsChanged)
        self.enterprise_parcel_id.fieldChanged.connect(self.inputsChanged)
        self.evaluated_combo.layerChanged.connect(self._on_evaluated_changed)
        self.runner.started.connect(self._on_run_started)
        self.runner.finished.connect(self._on_run_finished)

    def _pair(self, combo, field):
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(combo, 2)
        layout.addWidget(field, 1)
        return row

    # -- inputs ---------------------------------------------------------------------------------------------
    def _on_parcels_changed(self, layer):
        self.parcel_id.setLayer(layer)
        guess_field(self.parcel_id, layer, "parcel_id")
        self.apply_button.setEnabled(layer is not None and not self.runner.running)
        self.inputsChanged.emit()

    def _on_enterprises_changed(self, layer):
        self.enterprise_parcel_id.setLayer(layer)
        guess_field(self.enterprise_parcel_id, layer, "parcel_id")
        self.inputsChanged.emit()

    def inputs(self):
        """{parameter name: layer id or field name} of the evaluation inputs, for the project and the run."""
        layers = {"PARCELS": self.parcels_combo, "ENTERPRISES": self.enterprises_combo, **self.overlays}
        out = {name: combo.currentLayer().id() for name, combo in layers.items() if combo.currentLayer()}
        for name, combo in (("PARCEL_ID", self.parcel_id), ("ENTERPRISE_PARCEL_ID", self.enterprise_parcel_id)):
            if combo.currentField():
                out[name] = combo.currentField()
        if self.evaluated_layer() is not None:
            out["EVALUATED"] = self.evaluated_layer().id()
        return out

    def set_inputs(self, inputs):
        project = QgsProject.instance()
        layers = {"PARCELS": self.parcels_combo, "ENTERPRISES": self.enterprises_combo,
                  "EVALUATED": self.evaluated_combo, **self.overlays}
        for name, combo in layers.items():
            if name in inputs and project.mapLayer(inputs[name]) is not None:
                combo.setLayer(project.mapLayer(inputs[name]))
        for name, combo in (("PARCEL_ID", self.parcel_id), ("ENTERPRISE_PARCEL_ID", self.enterprise_parcel_id)):
            if inputs.get(name):
                combo.setField(inputs[name])

    # -- run ------------------------------------------------------------------------------------------------
    def apply(self):
        """Evaluate the parcels with the set as shown (written to a temporary YAML first), in the background."""
        if self.parcels_combo.currentLayer() is None:
            self.message.emit(tr("Choose the parcel layer first."), Qgis.MessageLevel.Warning)
            return False
        doc = self.document()
        try:
            path = weight_file.write_for_run(doc)
            params = {k: v for k, v in self.inputs().items() if k != "EVALUATED"}
            params["WEIGHT_SET"] = path
            if weight_file.validate(doc).has_rules:
                params["RULE_SET"] = path  # the same file: rules and weights travel together
            self.runner.start(EVALUATE, params,
                              names={"OUTPUT": f"{self.parcels_combo.currentLayer().name()} — LandEval"})
        except ConfigError as err:
            self.message.emit(problems_text(tr("Cannot apply, the weight set has problems"), err.problems),
                              Qgis.MessageLevel.Warning)
            return False
        except LandEvalError as err:
            self.message.emit(message_of(err), Qgis.MessageLevel.Critical)
            return False
        return True

    def _on_run_started(self, algorithm_id):
        # Any run of the dock's runner blocks Apply; only an evaluation shows its progress here.
        self.apply_button.setEnabled(False)
        if algorithm_id != EVALUATE:
            return
        self.run_feedback.begin()
        self.tier_label.setText(tr("Evaluating…"))

    def _on_run_finished(self, ok, result, message):
        self.apply_button.setEnabled(self.parcels_combo.currentLayer() is not None)
        if result.algorithm_id != EVALUATE or not self.run_feedback.end(ok, message, self.tier_label):
            return
        layer = result.layer
        self.preview.forget(layer.id())
        self.evaluated_combo.setLayer(layer)
        self.message.emit(tr("Evaluated: {layer}").format(layer=layer.name()), Qgis.MessageLevel.Success)

    # -- evaluated layer and preview ------------------------------------------------------------------------
    def evaluated_layer(self):
        return self.evaluated_combo.currentLayer()

    def _pick_evaluated(self):
        """Start on an evaluated layer of the project, if there is one."""
        for layer in QgsProject.instance().mapLayers().values():
            if layer.type() == layer.VectorLayer and TierPreview.is_evaluated(layer):
                self.evaluated_combo.setLayer(layer)
                return
        self._on_evaluated_changed(self.evaluated_combo.currentLayer())

    def _on_evaluated_changed(self, layer):
        evaluated = layer is not None and TierPreview.is_evaluated(layer)
        self.tier_label.setText(tier_summary(layer) if evaluated else (
            "" if layer is None else tr("This layer has no score / tier: apply the set to get one.")))
        self.inputsChanged.emit()
        self.update_preview()

    def schedule_preview(self):
        self._preview_timer.start()

    def update_preview(self):
        layer = self.evaluated_layer()
        if layer is None or not TierPreview.is_evaluated(layer):
            self.preview_label.setText(tr("Live preview: after one Apply, editing weights shows how many parcels "
                                          "change tier."))
            return
        try:
            change = self.preview.changes(layer, self.document())
        except ConfigError as err:
            problem = message_of(err.problems[0])
            self.preview_label.setText(tr("Preview paused: {problem}").format(problem=problem))
            return
        except LandEvalError as err:
            self.preview_label.setText(tr("Preview unavailable: {error}").format(error=message_of(err)))
            return
        self.preview_label.setText(change.html())
