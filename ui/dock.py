"""The weight-set dock: start from a preset or a YAML file, edit the weight tree, derive weights (AHP,
entropy / CRITIC), check each level, keep the set in the project, apply it to a parcel layer, and run the
decision-support and robustness algorithms on the evaluated layer.

The dock only stacks its panels, each owning its widgets and signals, and routes their messages to one
message bar: WeightSetBar (presets, files, project, undo, language, title), WeightEditor (level, tree, AHP,
entropy/CRITIC), ApplyPanel (inputs, run, tier preview), DecisionPanel and RobustnessPanel. The weights live in
one WeightTreeModel; the three run panels share one AlgorithmRunner (one run at a time).
"""
from qgis.core import Qgis, QgsProject
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsMessageBar
from qgis.PyQt.QtWidgets import QFrame, QGroupBox, QScrollArea, QVBoxLayout, QWidget

from ..qgis_io.layer_io import read_frame
from ..core.catalogue import load_catalogue
from ..core.errors import LandEvalError
from ..translation import tr
from . import weight_file
from .algorithm_runner import AlgorithmRunner
from .apply_panel import ApplyPanel
from .decision_panel import DecisionPanel
from .robustness_panel import RobustnessPanel
from .tier_preview import layer_name
from .weight_editor import WeightEditor
from .weight_model import WeightTreeModel
from .weight_set_bar import WeightSetBar

DEFAULT_PRESET = "jiangning"
# Seconds an informational message of each run panel stays; warnings and errors stay until closed.
INFO_SECONDS = {"apply": 5, "decision": 8, "robustness": 8}


def _part(part, name):
    """A dock attribute that is `name` of the panel `part` (the names the dock had before it was split)."""
    return property(lambda dock: getattr(getattr(dock, part), name), doc=f"{part}.{name}")


def _boxed(box, panel):
    """`panel` as the only content of the group box `box`; returns the box."""
    QVBoxLayout(box).addWidget(panel)
    return box


class WeightSetDock(QgsDockWidget):
    """The dock: a scrolling column of panels over one weight tree model and one algorithm runner."""

    # Widgets and actions of the panels, by the names scripts and tests reach them under.
    preset_combo, language_combo, title = (_part("file_bar", n) for n in ("preset_combo", "language_combo", "title"))
    open_action, save_action, save_as_action, undo_action, redo_action = (
        _part("file_bar", n) for n in ("open_action", "save_action", "save_as_action", "undo_action", "redo_action"))
    load, open_file, save, save_as, save_to, restore_from_project, file_path = (
        _part("file_bar", n) for n in ("load", "open_file", "save", "save_as", "save_to", "restore_from_project",
                                       "file_path"))
    level_combo, tabs, ahp_editor, objective, current_level, _select_level = (
        _part("editor", n) for n in ("level_combo", "tabs", "ahp_editor", "objective", "current_level",
                                     "select_level"))
    tree, sum_label, normalize_button, normalize_level, current_path = (
        _part("weights_panel", n) for n in ("tree", "sum_label", "normalize_button", "normalize_level",
                                            "current_path"))
    add_element, add_indicator, remove_current, move_current = (
        _part("weights_panel", n) for n in ("add_element", "add_indicator", "remove_current", "move_current"))

    def __init__(self, iface, parent=None):
        super().__init__(tr("LandEval weight set"), parent)
        self.setObjectName("LandEvalWeightSetDock")
        self.iface = iface
        # The scrolling body comes first: Qt deletes children in the order they were made, so the panels go
        # before the model, whose undo stack signals its clearing as it is deleted.
        body = self._scrolling_body()
        self.catalogue = load_catalogue()
        self.model = WeightTreeModel(self.catalogue, self)
        self.runner = AlgorithmRunner(self)
        self.message_bar = QgsMessageBar(body)
        self.file_bar = WeightSetBar(self.model, body)
        self.editor = WeightEditor(self.model, self._read_layer_columns, body)
        self.weights_panel = self.editor.weights
        self._build_run_boxes(body)
        self._lay_out(body)
        self._connect()
        self._show_first_set()

    # -- building -------------------------------------------------------------------------------------------
    def _build_run_boxes(self, body):
        """The Apply box and the two collapsible boxes of the runs on the evaluated layer."""
        self.apply_box = QGroupBox(tr("Apply to parcels"), body)
        self.apply_panel = ApplyPanel(self.model.document, self.apply_box, self.runner)
        _boxed(self.apply_box, self.apply_panel)
        self.decision_box = QgsCollapsibleGroupBox(tr("Decision support"), body)
        self.decision_box.setObjectName("LandEvalDecisionBox")
        self.decision_panel = DecisionPanel(self.apply_panel, self.runner, self.model.document, self._language,
                                            self.decision_box)
        _boxed(self.decision_box, self.decision_panel)
        self.decision_box.setCollapsed(True)
        self._sync_decision_box()
        self.robustness_box = QgsCollapsibleGroupBox(tr("Robustness of the identification"), body)
        self.robustness_box.setObjectName("LandEvalRobustnessBox")
        self.robustness_panel = RobustnessPanel(self.apply_panel, self.runner, self.model.document,
                                                self._language, self.robustness_box)
        _boxed(self.robustness_box, self.robustness_panel)

    def _scrolling_body(self):
        """The dock's widget: a scroll area around an empty body for the panels."""
        # Expanded, everything is taller than many screens: the dock scrolls rather than stretching QGIS.
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        scroll.setWidget(body)
        self.setWidget(scroll)
        return body

    def _lay_out(self, body):
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.message_bar, self.file_bar):
            layout.addWidget(widget)
        layout.addWidget(self.editor, 1)
        for widget in (self.apply_box, self.decision_box, self.robustness_box):
            layout.addWidget(widget)

    def _connect(self):
        self.file_bar.message.connect(self._tell)
        self.editor.message.connect(self._tell)
        self.apply_panel.message.connect(self._tell_apply)
        self.decision_panel.message.connect(self._tell_decision)
        self.robustness_panel.message.connect(self._tell_robustness)
        self.model.weightsChanged.connect(self.apply_panel.schedule_preview)
        self.apply_panel.inputsChanged.connect(self._store_inputs)
        self.decision_box.collapsedStateChanged.connect(self._sync_decision_box)
        self.robustness_box.collapsedStateChanged.connect(self._sync_robustness_box)
        QgsProject.instance().readProject.connect(self._on_project_read)

    def _show_first_set(self):
        """The set the project keeps, else the default preset (not written to the project: nothing chose it)."""
        if not self.file_bar.restore_from_project():
            with self.file_bar.restoring():
                try:
                    self.load(DEFAULT_PRESET)
                except LandEvalError:
                    self.model.set_document({"elements": []})
        self.apply_panel.update_preview()

    def _language(self):
        return self.model.language

    def _sync_decision_box(self, *_args):
        # A collapsed group box still reserves its contents' minimum height; hiding them gives it back. The
        # box tells its state only while shown (it restores the last one on its first show), hence showEvent.
        self.decision_panel.setVisible(not self.decision_box.isCollapsed())

    def _sync_robustness_box(self, collapsed):
        self.robustness_panel.setVisible(not collapsed)

    def showEvent(self, event):  # noqa: N802 - Qt API name
        super().showEvent(event)
        self._sync_decision_box()

    # -- messages -------------------------------------------------------------------------------------------
    def _tell(self, text, level=Qgis.MessageLevel.Info, duration=6):
        self.message_bar.pushMessage("LandEval", text, level=level, duration=duration)

    def _tell_run(self, text, level, panel):
        # A problem stays until closed; news (Info, and Success, which QGIS numbers above Critical) goes.
        stays = level in (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical)
        self._tell(text, level, 0 if stays else INFO_SECONDS[panel])

    def _tell_apply(self, text, level):
        self._tell_run(text, level, "apply")

    def _tell_decision(self, text, level):
        self._tell_run(text, level, "decision")

    def _tell_robustness(self, text, level):
        self._tell_run(text, level, "robustness")

    # -- the project ----------------------------------------------------------------------------------------
    def _on_project_read(self, *_args):
        self.file_bar.restore_from_project()
        with self.file_bar.restoring():
            self.apply_panel.set_inputs(weight_file.restore_inputs(QgsProject.instance()))

    def _store_inputs(self):
        if not self.file_bar.is_restoring:
            weight_file.store_inputs(QgsProject.instance(), self.apply_panel.inputs())

    # -- layer ----------------------------------------------------------------------------------------------
    def _read_layer_columns(self, fields):
        layer = self.apply_panel.evaluated_layer()
        if layer is None:
            raise LandEvalError("Choose the evaluated layer (with indicator columns) under “Apply” first; "
                                "apply the set once to get one.")
        return read_frame(layer, fields, what=layer_name(layer))[0]
