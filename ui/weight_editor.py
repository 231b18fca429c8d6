"""The dock's weight editor: one level chosen at a time (the element level, or one element's indicators) and
three ways to set its weights, one tab each — the tree (WeightsPanel), AHP (AHPEditor) and entropy/CRITIC
blended with the tree's weights (ObjectiveWeightsPanel).

The editor keeps the three on the same level and writes what AHP or the objective methods derive into the tree
(one undoable edit). AHP matrices are remembered per level while the set stays open, so switching levels does
not lose the judgements typed.
"""
from qgis.core import Qgis
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ..core.weighting import rounded_shares
from ..translation import tr
from .ahp_editor import AHPEditor, matrix_from_weights
from .objective_panel import ObjectiveWeightsPanel
from .weight_model import ROOT, WEIGHT_DECIMALS
from .weights_panel import WeightsPanel


class WeightEditor(QWidget):
    """`model` is the dock's WeightTreeModel; `read_columns(fields) -> DataFrame` reads the evaluated layer for
    the objective methods. `message(text, Qgis level, seconds)` reports to the dock."""

    message = pyqtSignal(str, int, int)

    def __init__(self, model, read_columns, parent=None):
        super().__init__(parent)
        self.model = model
        self._ahp_matrices = {}   # {level key: the AHP matrix typed for that level}
        self.level_combo = QComboBox(self)
        self.weights = WeightsPanel(model, self)
        self.ahp_editor = AHPEditor(self)
        self.objective = ObjectiveWeightsPanel(read_columns, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.weights, tr("Weights"))
        self.tabs.addTab(self.ahp_editor, tr("AHP"))
        self.tabs.addTab(self.objective, tr("Entropy/CRITIC"))
        level_row = QHBoxLayout()
        level_row.addWidget(QLabel(tr("Level:"), self))
        level_row.addWidget(self.level_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(level_row)
        layout.addWidget(self.tabs, 1)
        self._connect()

    def _connect(self):
        self.model.modelReset.connect(self._on_reset)
        for structure_changed in (self.model.rowsInserted, self.model.rowsRemoved, self.model.rowsMoved,
                                  self.model.layoutChanged):
            structure_changed.connect(self._refresh_levels)
        self.model.weightsChanged.connect(self._on_weights_changed)
        self.level_combo.currentIndexChanged.connect(self._on_level_changed)
        self.weights.levelSelected.connect(self.select_level)
        self.weights.ahpRequested.connect(self.show_ahp)
        self.weights.message.connect(self.message)
        self.ahp_editor.weightsAccepted.connect(self._use_ahp_weights)
        self.ahp_editor.model.matrixChanged.connect(self._remember_matrix)
        self.ahp_editor.reset_button.clicked.connect(self._ahp_from_tree)
        self.objective.weightsAccepted.connect(self._use_objective_weights)

    @property
    def tree(self):
        return self.weights.tree

    # -- levels (shared by normalize, AHP and objective weights) --------------------------------------------
    def current_level(self):
        # The combo keeps the element row (-1 for the element level): ints survive QVariant, tuples do not.
        row = self.level_combo.currentData()
        return ROOT if row is None or row < 0 else (row,)

    def select_level(self, level):
        index = self.level_combo.findData(level[0] if level else -1)
        if index >= 0:
            self.level_combo.setCurrentIndex(index)

    def show_ahp(self, level):
        """Open the AHP tab on `level` (the tree's context menu)."""
        self.select_level(level)
        self.tabs.setCurrentWidget(self.ahp_editor)

    def _on_reset(self):
        # A new set (loaded, restored from the project): the matrices typed for the old one no longer apply.
        self._ahp_matrices.clear()
        self.tree.expandAll()
        self._refresh_levels()

    def _refresh_levels(self, *_args):
        current = self.current_level()
        self.level_combo.blockSignals(True)
        self.level_combo.clear()
        self.level_combo.addItem(self.model.level_label(ROOT), -1)
        for row in range(len(self.model.elements)):
            self.level_combo.addItem(self.model.level_label((row,)), row)
        index = self.level_combo.findData(current[0] if current else -1)
        self.level_combo.setCurrentIndex(index if index >= 0 else 0)
        self.level_combo.blockSignals(False)
        self._on_level_changed()

    def _level_key(self, level):
        return "elements" if not level else self.model.item(level)["id"]

    def _level_exists(self, level):
        return not level or level[0] < len(self.model.elements)

    def _level_names(self, level):
        return [self.model.display_name(level + (row,)) for row in range(len(self.model.level_items(level)))]

    def _on_level_changed(self, *_args):
        level = self.current_level()
        if not self._level_exists(level):
            return
        self.weights.show_level(level)
        names = self._level_names(level)
        weights = self.model.level_weights(level)
        matrix = self._ahp_matrices.get(self._level_key(level))
        if matrix is None or len(matrix) != len(names):
            matrix = matrix_from_weights(weights)
        self.ahp_editor.set_level(names, matrix)
        self.objective.set_level(self._objective_columns(level), names, weights)

    def _on_weights_changed(self):
        level = self.current_level()
        if self._level_exists(level):
            self.objective.set_level(self._objective_columns(level), self._level_names(level),
                                     self.model.level_weights(level))

    def _objective_columns(self, level):
        """The layer columns the objective methods read for a level: the element scores s_<id> for the
        element level (what the evaluation writes), the indicator fields for an indicator level."""
        if not level:
            return [{"id": e["id"], "field": f"s_{e['id']}", "direction": "benefit"} for e in self.model.elements]
        return [{"id": item["id"], "field": item["id"], "direction": self.model.direction(level + (row,))}
                for row, item in enumerate(self.model.level_items(level))]

    # -- weights derived by AHP or the objective methods ----------------------------------------------------
    def _remember_matrix(self):
        if self.level_combo.count():
            self._ahp_matrices[self._level_key(self.current_level())] = self.ahp_editor.matrix()

    def _ahp_from_tree(self):
        self._ahp_matrices.pop(self._level_key(self.current_level()), None)
        self._on_level_changed()

    def _use_ahp_weights(self, weights):
        self.use_weights(weights, tr("AHP weights"))

    def _use_objective_weights(self, weights):
        self.use_weights(weights, tr("Combined subjective/objective weights"))

    def use_weights(self, weights, what):
        """Write `weights` (`what`: their name, e.g. "AHP weights") into the current level of the tree as one
        undoable edit."""
        level = self.current_level()
        if len(weights) != len(self.model.level_items(level)):
            return
        name = self.model.level_label(level)
        self.model.set_level_weights(level, rounded_shares(weights, WEIGHT_DECIMALS),
                                     tr("{weights} for {level}").format(weights=what, level=name))
        self.tabs.setCurrentIndex(0)
        self.message.emit(tr("{weights} written to {level} (undo: Ctrl+Z)").format(weights=what, level=name),
                          Qgis.MessageLevel.Success, 3)
