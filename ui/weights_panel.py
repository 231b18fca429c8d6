"""The dock's "Weights" tab: the weight tree with its edit buttons (add, remove, move), "normalize this
level" and the Σ check of every level.

Every edit goes through WeightTreeModel (and so its undo stack); the panel only turns clicks into model calls
and tells the editor around it which level the user is on (`levelSelected`) or wants AHP for (`ahpRequested`).
"""
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMenu,
                                 QPushButton, QToolButton, QTreeView, QVBoxLayout, QWidget)

from ..translation import tr
from .delegates import WeightTreeDelegate
from .weight_model import NAME, ROOT

NAME_WIDTH = 170  # px; the number columns size to their contents


def theme_icon(name):
    """A QGIS theme icon, e.g. "/mActionAdd.svg"."""
    return QgsApplication.getThemeIcon(name)


class WeightsPanel(QWidget):
    """`model` is the dock's WeightTreeModel. `level` is the level the editor shows (ROOT or (element row,)):
    what the Normalize button normalizes. `message(text, Qgis level, seconds)` reports to the dock."""

    message = pyqtSignal(str, int, int)
    levelSelected = pyqtSignal(object)   # a level path; tuples pass through an `object` signal unchanged
    ahpRequested = pyqtSignal(object)

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.level = ROOT
        self.tree = self._build_tree()
        self.normalize_button = QPushButton(tr("Normalize level"), self)
        self.normalize_button.clicked.connect(self._normalize_shown_level)
        self.sum_label = QLabel(self)
        self.sum_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self._build_buttons())
        layout.addWidget(self.sum_label)
        self.model.weightsChanged.connect(self._show_sums)

    def _build_tree(self):
        tree = QTreeView(self)
        tree.setModel(self.model)
        tree.setItemDelegate(WeightTreeDelegate(tree))
        tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        tree.setAlternatingRowColors(True)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._tree_menu)
        header = tree.header()
        # Names get a fixed, adjustable width: stretched, they were squeezed to nothing by the number columns.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        tree.setColumnWidth(NAME, NAME_WIDTH)
        tree.selectionModel().currentChanged.connect(self._on_tree_current)
        return tree

    def _build_buttons(self):
        buttons = QHBoxLayout()
        for text, icon, slot, tip in (
                (tr("Element"), "/mActionAdd.svg", self.add_element, tr("Add an element")),
                (tr("Indicator"), "/mActionAdd.svg", self.add_indicator, tr("Add a catalogue indicator")),
                ("", "/mActionRemove.svg", self.remove_current, tr("Remove the selected row")),
                ("", "/mActionArrowUp.svg", self.move_up, tr("Move up")),
                ("", "/mActionArrowDown.svg", self.move_down, tr("Move down"))):
            button = QToolButton(self)
            button.setIcon(theme_icon(icon))
            button.setText(text)
            button.setToolTip(tip)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text
                                      else Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.clicked.connect(slot)  # add_indicator takes clicked's `checked` (False) as "ask the user"
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.normalize_button)
        return buttons

    def _tell(self, text, level=Qgis.MessageLevel.Info, seconds=6):
        self.message.emit(text, level, seconds)

    # -- the level the editor shows -------------------------------------------------------------------------
    def show_level(self, level):
        """Make `level` the one Normalize acts on and name it on the button."""
        self.level = level
        self.normalize_button.setText(tr("Normalize: {level}").format(level=self.model.level_label(level)))

    def _normalize_shown_level(self):
        self.normalize_level(self.level)

    def _on_tree_current(self, current, _previous):
        path = self.model.path(current)
        if path:
            self.levelSelected.emit(path[:1])

    def _show_sums(self):
        off = self.model.off_levels()
        total = self.model.level_sum(ROOT)
        if off:
            names = ", ".join(self.model.level_label(p) for p in off)
            self.sum_label.setText(f"<span style='color:#c0392b'>⚠ Σ ≠ 1: {names}</span> — "
                                   + tr("select the level and “Normalize”."))
        else:
            self.sum_label.setText("<span style='color:#1e8449'>✓ {}</span> ".format(tr("Every level sums to 1"))
                                   + tr("(elements Σ = {total}).").format(total=f"{total:.4f}"))

    # -- tree edits -----------------------------------------------------------------------------------------
    def current_path(self):
        return self.model.path(self.tree.currentIndex())

    def add_element(self):
        element_id, ok = QInputDialog.getText(self, tr("Add element"), tr("Element id (letters, digits, _):"))
        if not ok or not element_id.strip():
            return
        try:
            path = self.model.add_element(element_id.strip())
        except ValueError as err:
            self._tell(str(err), Qgis.MessageLevel.Warning)
            return
        self.tree.setCurrentIndex(self.model.index_for(path))

    def add_indicator(self, indicator_id=None):
        """Add `indicator_id` (asked for from the catalogue when None) to the selected row's element."""
        path = self.current_path()
        if not path:
            self._tell(tr("Select the element to add the indicator to."), Qgis.MessageLevel.Warning)
            return
        indicator_id = indicator_id or self._ask_indicator()
        if not indicator_id:
            return
        try:
            new_path = self.model.add_indicator(path[0], indicator_id)
        except ValueError as err:
            self._tell(str(err), Qgis.MessageLevel.Warning)
            return
        self.tree.expand(self.model.index_for(path[:1]))
        self.tree.setCurrentIndex(self.model.index_for(new_path))

    def _ask_indicator(self):
        """The catalogue indicator the user picks among those not in the set yet; None when cancelled."""
        catalogue, used, lang = self.model.catalogue, set(self.model.combined_weights()), self.model.language
        choices = {f"{catalogue.label(iid, lang)} ({iid})": iid for iid in catalogue.indicators if iid not in used}
        text, ok = QInputDialog.getItem(self, tr("Add indicator"), tr("Catalogue indicator:"),
                                        list(choices), 0, False)
        return choices[text] if ok else None

    def remove_current(self):
        path = self.current_path()
        if path:
            self.model.remove(path)

    def move_current(self, delta):
        path = self.current_path()
        if path and self.model.move(path, delta):
            self.tree.setCurrentIndex(self.model.index_for(path[:-1] + (path[-1] + delta,)))

    def move_up(self):
        self.move_current(-1)

    def move_down(self):
        self.move_current(1)

    def normalize_level(self, level):
        if not self.model.normalize_level(level):
            self._tell(tr("Every weight of this level is 0: set at least one first."), Qgis.MessageLevel.Warning)

    def _tree_menu(self, point):
        path = self.model.path(self.tree.indexAt(point))
        menu = QMenu(self)
        for level in [ROOT] + ([path[:1]] if path else []):
            name = self.model.level_label(level)
            menu.addAction(tr("Normalize {level}").format(level=name), lambda lv=level: self.normalize_level(lv))
            menu.addAction(tr("AHP for {level}").format(level=name), lambda lv=level: self.ahpRequested.emit(lv))
        menu.exec(self.tree.viewport().mapToGlobal(point))
