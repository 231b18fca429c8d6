"""The weight-set dock: start from a preset or a YAML file, edit the weight tree, derive weights (AHP,
entropy / CRITIC), check each level, keep the set in the project, apply it to a parcel layer, and run the
decision-support algorithms on the evaluated layer.

This module only composes the widgets and routes signals; the tree is WeightTreeModel, weights come from
core.weighting, files and project storage from weight_file, the inputs, run and tier preview from ApplyPanel,
the decision-support runs from DecisionPanel; both panels share one AlgorithmRunner (one run at a time).
"""
import os

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsMessageBar
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFrame, QGroupBox, QHBoxLayout,
                                 QHeaderView, QInputDialog, QLabel, QMenu, QPushButton, QScrollArea, QTabWidget,
                                 QToolBar, QToolButton, QTreeView, QVBoxLayout, QWidget)

from ..algorithms.layer_io import read_frame
from ..core import config
from ..core.catalogue import load_catalogue
from ..core.errors import ConfigError, LandEvalError
from ..core.weighting import rounded_shares
from . import weight_file
from .ahp_editor import AHPEditor, matrix_from_weights
from .algorithm_runner import AlgorithmRunner
from .delegates import WeightTreeDelegate
from .apply_panel import ApplyPanel
from .decision_panel import DecisionPanel
from .objective_panel import ObjectiveWeightsPanel
from .robustness_panel import RobustnessPanel
from .weight_model import NAME, ROOT, WEIGHT_DECIMALS, WeightTreeModel

DEFAULT_PRESET = "jiangning"


def _icon(name):
    return QgsApplication.getThemeIcon(name)


class WeightSetDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__("LandEval weight set / 权重方案", parent)
        self.setObjectName("LandEvalWeightSetDock")
        self.iface = iface
        self.catalogue = load_catalogue()
        self.model = WeightTreeModel(self.catalogue, self)
        self.file_path = None
        self._preset = None
        self._ahp_matrices = {}
        self._storing = True

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.message_bar = QgsMessageBar(body)
        layout.addWidget(self.message_bar)
        layout.addLayout(self._build_source_row(body))
        self.title = QLabel(body)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        level_row = QHBoxLayout()
        level_row.addWidget(QLabel("Level 层级:", body))
        self.level_combo = QComboBox(body)
        level_row.addWidget(self.level_combo, 1)
        layout.addLayout(level_row)
        self.tabs = QTabWidget(body)
        self.tabs.addTab(self._build_tree_tab(), "Weights 权重")
        self.ahp_editor = AHPEditor(body)
        self.tabs.addTab(self.ahp_editor, "AHP 层次分析")
        self.objective = ObjectiveWeightsPanel(self._read_layer_columns, body)
        self.tabs.addTab(self.objective, "Entropy/CRITIC 客观赋权")
        layout.addWidget(self.tabs, 1)
        self.runner = AlgorithmRunner(self)
        apply_box = QGroupBox("Apply to parcels 应用到宗地图层", body)
        self.apply_panel = ApplyPanel(self.model.document, apply_box, self.runner)
        QVBoxLayout(apply_box).addWidget(self.apply_panel)
        layout.addWidget(apply_box)
        self.decision_box = QgsCollapsibleGroupBox("Decision support / 决策支持", body)
        self.decision_box.setObjectName("LandEvalDecisionBox")
        self.decision_panel = DecisionPanel(self.apply_panel, self.runner, self.model.document,
                                            lambda: self.model.language, self.decision_box)
        QVBoxLayout(self.decision_box).addWidget(self.decision_panel)
        self.decision_box.collapsedStateChanged.connect(self._sync_decision_box)
        self.decision_box.setCollapsed(True)
        self._sync_decision_box()
        layout.addWidget(self.decision_box)
        self.robustness_box = QgsCollapsibleGroupBox("Robustness / 识别结果稳健性", body)
        self.robustness_box.setObjectName("LandEvalRobustnessBox")
        self.robustness_panel = RobustnessPanel(self.apply_panel, self.runner, self.model.document,
                                                lambda: self.model.language, self.robustness_box)
        QVBoxLayout(self.robustness_box).addWidget(self.robustness_panel)
        self.robustness_box.collapsedStateChanged.connect(
            lambda collapsed: self.robustness_panel.setVisible(not collapsed))
        layout.addWidget(self.robustness_box)
        # Expanded, everything is taller than many screens: the dock scrolls rather than stretching QGIS.
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)

        self.model.weightsChanged.connect(self._on_weights_changed)
        self.model.modelReset.connect(self._refresh_levels)
        self.model.rowsInserted.connect(self._refresh_levels)
        self.model.rowsRemoved.connect(self._refresh_levels)
        self.model.rowsMoved.connect(self._refresh_levels)
        self.model.layoutChanged.connect(self._refresh_levels)
        self.model.undo_stack.cleanChanged.connect(self._update_title)
        self.level_combo.currentIndexChanged.connect(self._on_level_changed)
        self.ahp_editor.weightsAccepted.connect(lambda w: self._use_weights(w, "AHP"))
        self.ahp_editor.model.matrixChanged.connect(self._remember_matrix)
        self.ahp_editor.reset_button.clicked.connect(self._ahp_from_tree)
        self.objective.weightsAccepted.connect(lambda w: self._use_weights(w, "combined subjective/objective"))
        self.apply_panel.message.connect(lambda text, level: self._tell(text, level, 0 if level >= Qgis.MessageLevel.Warning
                                                                        else 5))
        self.apply_panel.inputsChanged.connect(self._store_inputs)
        self.decision_panel.message.connect(lambda text, level: self._tell(text, level, 0 if level >= Qgis.MessageLevel.Warning
                                                                           else 8))
        self.robustness_panel.message.connect(lambda text, level: self._tell(text, level, 0 if level >= Qgis.MessageLevel.Warning
                                                                             else 8))
        QgsProject.instance().readProject.connect(self._on_project_read)

        self._storing = False
        if not self.restore_from_project():
            self._storing = True
            try:
                self.load(DEFAULT_PRESET)
            except LandEvalError:
                self.model.set_document({"elements": []})
            self._storing = False
        self.apply_panel.update_preview()

    # -- building -------------------------------------------------------------------------------------------
    def _build_source_row(self, parent):
        row = QHBoxLayout()
        self.preset_combo = QComboBox(parent)
        self.preset_combo.setToolTip("Shipped weight sets 内置方案")
        for name in config.list_presets():
            self.preset_combo.addItem(name, name)
        use = QPushButton("Use preset 使用", parent)
        use.clicked.connect(lambda: self.load(self.preset_combo.currentData()))
        toolbar = QToolBar(parent)
        toolbar.setIconSize(toolbar.iconSize() * 0.8)
        self.open_action = toolbar.addAction(_icon("/mActionFileOpen.svg"), "Open YAML… 打开", self.open_file)
        self.save_action = toolbar.addAction(_icon("/mActionFileSave.svg"), "Save 保存", self.save)
        self.save_as_action = toolbar.addAction(_icon("/mActionFileSaveAs.svg"), "Save as… 另存为", self.save_as)
        toolbar.addSeparator()
        self.undo_action = self.model.undo_stack.createUndoAction(self, "Undo 撤销")
        self.undo_action.setIcon(_icon("/mActionUndo.svg"))
        self.redo_action = self.model.undo_stack.createRedoAction(self, "Redo 重做")
        self.redo_action.setIcon(_icon("/mActionRedo.svg"))
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            toolbar.addAction(action)
        self.undo_action.setShortcut("Ctrl+Z")
        self.redo_action.setShortcut("Ctrl+Shift+Z")
        self.language_combo = QComboBox(parent)
        self.language_combo.addItem("中文", "zh")
        self.language_combo.addItem("English", "en")
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.model.set_language(self.language_combo.currentData()))
        row.addWidget(self.preset_combo, 1)
        row.addWidget(use)
        row.addWidget(toolbar)
        row.addWidget(self.language_combo)
        return row

    def _build_tree_tab(self):
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeView(tab)
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(WeightTreeDelegate(self.tree))
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.tree.setAlternatingRowColors(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        header = self.tree.header()
        # Names get a fixed, adjustable width: stretched, they were squeezed to nothing by the number columns.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(NAME, 170)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        for text, icon, slot, tip in (
                ("Element", "/mActionAdd.svg", self.add_element, "Add an element 添加要素"),
                ("Indicator", "/mActionAdd.svg", self.add_indicator, "Add a catalogue indicator 添加指标"),
                ("", "/mActionRemove.svg", self.remove_current, "Remove the selected row 删除"),
                ("", "/mActionArrowUp.svg", lambda: self.move_current(-1), "Move up 上移"),
                ("", "/mActionArrowDown.svg", lambda: self.move_current(1), "Move down 下移")):
            button = QToolButton(tab)
            button.setIcon(_icon(icon))
            button.setText(text)
            button.setToolTip(tip)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text else Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.normalize_button = QPushButton("Normalize level 归一化", tab)
        self.normalize_button.clicked.connect(lambda: self.normalize_level(self.current_level()))
        buttons.addWidget(self.normalize_button)
        layout.addLayout(buttons)
        self.sum_label = QLabel(tab)
        self.sum_label.setWordWrap(True)
        layout.addWidget(self.sum_label)
        return tab

    def _sync_decision_box(self, *_args):
        # A collapsed group box still reserves its contents' minimum height; hiding them gives it back. The
        # box tells its state only while shown (it restores the last one on its first show), hence showEvent.
        self.decision_panel.setVisible(not self.decision_box.isCollapsed())

    def showEvent(self, event):  # noqa: N802 - Qt API name
        super().showEvent(event)
        self._sync_decision_box()

    # -- messages -------------------------------------------------------------------------------------------
    def _tell(self, text, level=Qgis.MessageLevel.Info, duration=6):
        self.message_bar.pushMessage("LandEval", text, level=level, duration=duration)

    def _tell_problems(self, what, problems):
        shown = problems[:6] + ([f"… and {len(problems) - 6} more"] if len(problems) > 6 else [])
        self._tell(what + ":\n" + "\n".join("• " + p for p in shown), Qgis.MessageLevel.Warning, 0)

    # -- documents: presets, files, project -----------------------------------------------------------------
    def load(self, path_or_preset):
        """Show a preset (by name) or a YAML file; a file with problems opens too, with the problems listed."""
        doc, problems = weight_file.read_weight_file(path_or_preset)
        is_file = os.path.isfile(str(path_or_preset))
        self.file_path = str(path_or_preset) if is_file else None
        self._preset = None if is_file else str(path_or_preset)
        self._ahp_matrices.clear()
        self.model.set_document(doc)
        self.tree.expandAll()
        self.model.undo_stack.setClean()
        shown = self.preset_combo.findData(self._preset)
        if shown >= 0:
            self.preset_combo.setCurrentIndex(shown)
        self._update_title()
        if problems:
            self._tell_problems("The file opened, but it is not a valid weight set yet 方案有问题", problems)
        return doc

    def open_file(self):
        path, _filter = QFileDialog.getOpenFileName(self, "Open weight set 打开权重方案", self._start_dir(),
                                                    "Weight sets (*.yaml *.yml)")
        if path:
            try:
                self.load(path)
            except LandEvalError as err:
                self._tell(str(err), Qgis.MessageLevel.Critical, 0)

    def save(self):
        if not self.file_path or self._is_shipped(self.file_path):
            return self.save_as()
        return self.save_to(self.file_path)

    def save_as(self):
        path, _filter = QFileDialog.getSaveFileName(self, "Save weight set as 另存为", self._start_dir(),
                                                    "Weight sets (*.yaml *.yml)")
        if not path:
            return False
        if not path.lower().endswith((".yaml", ".yml")):
            path += ".yaml"
        return self.save_to(path)

    def save_to(self, path):
        """Validate and write the set; on success the dock works on that file from now on."""
        try:
            weight_file.write_weight_file(self.model.document(), path)
        except ConfigError as err:
            self._tell_problems("Not saved: fix these first 未保存", err.problems)
            return False
        except OSError as err:
            self._tell(f"Cannot write {path}: {err}", Qgis.MessageLevel.Critical, 0)
            return False
        self.file_path, self._preset = path, None
        self.model.undo_stack.setClean()
        self._store_in_project()
        self._update_title()
        self._tell(f"Saved {path}", Qgis.MessageLevel.Success, 3)
        return True

    def restore_from_project(self):
        """Show the set stored in the current project; False when it stores none."""
        try:
            doc, path = weight_file.restore_from_project(QgsProject.instance())
        except LandEvalError as err:
            self._tell(str(err), Qgis.MessageLevel.Warning, 0)
            return False
        if doc is None:
            return False
        self._storing = True
        try:
            self.file_path, self._preset = path, None
            self._ahp_matrices.clear()
            self.model.set_document(doc)
            self.tree.expandAll()
            self._update_title()
        finally:
            self._storing = False
        return True

    def _on_project_read(self, *_args):
        self.restore_from_project()
        self._storing = True
        try:
            self.apply_panel.set_inputs(weight_file.restore_inputs(QgsProject.instance()))
        finally:
            self._storing = False

    def _store_in_project(self):
        if not self._storing:
            weight_file.store_in_project(QgsProject.instance(), self.model.document(), self.file_path)

    def _start_dir(self):
        if self.file_path:
            return os.path.dirname(self.file_path)
        return QgsProject.instance().homePath() or os.path.expanduser("~")

    @staticmethod
    def _is_shipped(path):
        # Presets ship with the plugin and are replaced on update: edits go to a file of the user's.
        return os.path.dirname(os.path.abspath(path)) == os.path.abspath(str(config.PRESETS_DIR))

    def _update_title(self, *_args):
        doc = self.model.document()
        label = doc.get("label")
        lang = self.model.language
        text = label.get(lang) or label.get("zh") if isinstance(label, dict) else (label or "")
        where = self.file_path or (f"preset {self._preset}" if self._preset else "unsaved")
        dirty = "" if self.model.undo_stack.isClean() else " <b>*</b>"
        self.title.setText(f"<b>{doc.get('name', '')}</b> {text} — <i>{where}</i>{dirty}")

    # -- tree edits -----------------------------------------------------------------------------------------
    def current_path(self):
        return self.model.path(self.tree.currentIndex())

    def current_level(self):
        # The combo keeps the element row (-1 for the element level): ints survive QVariant, tuples do not.
        row = self.level_combo.currentData()
        return ROOT if row is None or row < 0 else (row,)

    def add_element(self):
        element_id, ok = QInputDialog.getText(self, "Add element 添加要素",
                                              "Element id (letters, digits, _) 要素编号:")
        if not ok or not element_id.strip():
            return
        try:
            path = self.model.add_element(element_id.strip())
        except ValueError as err:
            self._tell(str(err), Qgis.MessageLevel.Warning)
            return
        self.tree.setCurrentIndex(self.model.index_for(path))

    def add_indicator(self, indicator_id=None):
        path = self.current_path()
        if not path:
            self._tell("Select the element to add the indicator to 请先选择要素", Qgis.MessageLevel.Warning)
            return
        if not indicator_id:
            used = set(self.model.combined_weights())
            lang = self.model.language
            choices = [(iid, f"{self.catalogue.label(iid, lang)} ({iid})")
                       for iid in self.catalogue.indicators if iid not in used]
            text, ok = QInputDialog.getItem(self, "Add indicator 添加指标", "Catalogue indicator 指标:",
                                            [c[1] for c in choices], 0, False)
            if not ok:
                return
            indicator_id = dict((c[1], c[0]) for c in choices)[text]
        try:
            new_path = self.model.add_indicator(path[0], indicator_id)
        except ValueError as err:
            self._tell(str(err), Qgis.MessageLevel.Warning)
            return
        self.tree.expand(self.model.index_for(path[:1]))
        self.tree.setCurrentIndex(self.model.index_for(new_path))

    def remove_current(self):
        path = self.current_path()
        if path:
            self.model.remove(path)

    def move_current(self, delta):
        path = self.current_path()
        if path and self.model.move(path, delta):
            self.tree.setCurrentIndex(self.model.index_for(path[:-1] + (path[-1] + delta,)))

    def normalize_level(self, level):
        if not self.model.normalize_level(level):
            self._tell("Every weight of this level is 0: set at least one first.", Qgis.MessageLevel.Warning)

    def _use_weights(self, weights, method):
        level = self.current_level()
        if len(weights) != len(self.model.level_items(level)):
            return
        self.model.set_level_weights(level, rounded_shares(weights, WEIGHT_DECIMALS),
                                     f"{method} weights for {self.model.level_label(level)}")
        self.tabs.setCurrentIndex(0)
        self._tell(f"{method} weights written to {self.model.level_label(level)} (undo: Ctrl+Z)", Qgis.MessageLevel.Success, 3)

    def _tree_menu(self, point):
        path = self.model.path(self.tree.indexAt(point))
        menu = QMenu(self)
        levels = [ROOT] + ([path[:1]] if path else [])
        for level in levels:
            menu.addAction(f"Normalize {self.model.level_label(level)}", lambda lv=level: self.normalize_level(lv))
            menu.addAction(f"AHP for {self.model.level_label(level)}",
                           lambda lv=level: (self._select_level(lv), self.tabs.setCurrentWidget(self.ahp_editor)))
        menu.exec(self.tree.viewport().mapToGlobal(point))

    # -- levels (shared by normalize, AHP and objective weights) --------------------------------------------
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

    def _select_level(self, level):
        index = self.level_combo.findData(level[0] if level else -1)
        if index >= 0:
            self.level_combo.setCurrentIndex(index)

    def _on_tree_current(self, current, _previous):
        path = self.model.path(current)
        if path:
            self._select_level(path[:1])

    def _level_key(self, level):
        return "elements" if not level else self.model.item(level)["id"]

    def _on_level_changed(self, *_args):
        level = self.current_level()
        if level and level[0] >= len(self.model.elements):
            return
        self.normalize_button.setText(f"Normalize 归一化: {self.model.level_label(level)}")
        names = [self.model.display_name(level + (row,)) for row in range(len(self.model.level_items(level)))]
        weights = self.model.level_weights(level)
        matrix = self._ahp_matrices.get(self._level_key(level))
        if matrix is None or len(matrix) != len(names):
            matrix = matrix_from_weights(weights)
        self.ahp_editor.set_level(names, matrix)
        self.objective.set_level(self._objective_columns(level), names, weights)

    def _objective_columns(self, level):
        """The layer columns the objective methods read for a level: the element scores s_<id> for the
        element level (what the evaluation writes), the indicator fields for an indicator level."""
        if not level:
            return [{"id": e["id"], "field": f"s_{e['id']}", "direction": "benefit"} for e in self.model.elements]
        return [{"id": item["id"], "field": item["id"], "direction": self.model.direction(level + (row,))}
                for row, item in enumerate(self.model.level_items(level))]

    def _remember_matrix(self):
        if self.level_combo.count():
            self._ahp_matrices[self._level_key(self.current_level())] = self.ahp_editor.matrix()

    def _ahp_from_tree(self):
        self._ahp_matrices.pop(self._level_key(self.current_level()), None)
        self._on_level_changed()

    def _on_weights_changed(self):
        off = self.model.off_levels()
        total = self.model.level_sum(ROOT)
        if off:
            names = ", ".join(self.model.level_label(p) for p in off)
            self.sum_label.setText(f"<span style='color:#c0392b'>⚠ Σ ≠ 1: {names}</span> — "
                                   "select the level and “Normalize”. 权重之和不为 1。")
        else:
            self.sum_label.setText(f"<span style='color:#1e8449'>✓ Every level sums to 1</span> "
                                   f"(elements Σ = {total:.4f}). 各层权重之和均为 1。")
        level = self.current_level()
        if not level or level[0] < len(self.model.elements):
            self.objective.set_level(self._objective_columns(level),
                                     [self.model.display_name(level + (r,))
                                      for r in range(len(self.model.level_items(level)))],
                                     self.model.level_weights(level))
        self._store_in_project()
        self._update_title()
        self.apply_panel.schedule_preview()

    # -- layer ----------------------------------------------------------------------------------------------
    def _read_layer_columns(self, fields):
        layer = self.apply_panel.evaluated_layer()
        if layer is None:
            raise LandEvalError("Choose the evaluated layer (with indicator columns) under “Apply” first; "
                                "apply the set once to get one. 请先选择已评价图层。")
        return read_frame(layer, fields, what=f"layer '{layer.name()}'")[0]

    def _store_inputs(self):
        if not self._storing:
            weight_file.store_inputs(QgsProject.instance(), self.apply_panel.inputs())
