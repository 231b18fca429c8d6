"""The dock's weight-set bar: which set is shown and where it lives — a shipped preset, a YAML file of the
user's, or the copy kept in the QGIS project — with open, save, save as, undo, redo, the language of the
labels, and a title line naming the set, its file and whether it has unsaved edits.

Reading, validating and writing files and the project entries is weight_file's; the bar decides what the
buttons do with them. Every change of the weights is kept in the project at once, except while a set is being
restored from the project or the default preset is being shown (`restoring()`).
"""
import contextlib
import os

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QToolBar, QVBoxLayout, QWidget

from ..core import config
from ..core.errors import ConfigError, LandEvalError
from ..translation import message_of, output_language, tr
from . import weight_file
from .weights_panel import theme_icon

SHOWN_PROBLEMS = 6  # a message bar is a few lines high; the rest are counted


def file_filter():
    """The file dialogs' filter for weight-set files."""
    return tr("Weight sets (*.yaml *.yml)")


def problems_text(what, problems):
    """`what:` and the first problems as bullets, then how many more."""
    shown = problems[:SHOWN_PROBLEMS]
    if len(problems) > SHOWN_PROBLEMS:
        shown.append(tr("… and {count} more").format(count=len(problems) - SHOWN_PROBLEMS))
    return what + ":\n" + "\n".join("• " + message_of(p) for p in shown)


class WeightSetBar(QWidget):
    """`model` is the dock's WeightTreeModel. `message(text, Qgis level, seconds)` reports to the dock
    (0 seconds: until closed)."""

    message = pyqtSignal(str, int, int)

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.file_path = None
        self.preset = None
        self._restoring = False
        self.preset_combo = QComboBox(self)
        self.preset_combo.setToolTip(tr("Shipped weight sets"))
        for name in config.list_presets():
            self.preset_combo.addItem(name, name)
        use = QPushButton(tr("Use preset"), self)
        use.clicked.connect(self._use_preset)
        self.language_combo = QComboBox(self)
        self.language_combo.setToolTip(tr("Language of the labels: names in the tree and the texts the runs "
                                          "write into their outputs"))
        # Each language is named in itself, as language pickers do, whatever the interface's language.
        self.language_combo.addItem("中文", "zh")
        self.language_combo.addItem("English", "en")
        # The labels start in QGIS's language; the combo lets a user write outputs for readers of the other.
        self.language_combo.setCurrentIndex(self.language_combo.findData(output_language()))
        self.model.set_language(self.language_combo.currentData())
        self.language_combo.currentIndexChanged.connect(self._on_language)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.preset_combo, 1)
        row.addWidget(use)
        row.addWidget(self._build_toolbar())
        row.addWidget(self.language_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.title)
        self.model.undo_stack.cleanChanged.connect(self.update_title)
        self.model.weightsChanged.connect(self._on_weights_changed)

    def _build_toolbar(self):
        toolbar = QToolBar(self)
        toolbar.setIconSize(toolbar.iconSize() * 0.8)
        self.open_action = toolbar.addAction(theme_icon("/mActionFileOpen.svg"), tr("Open YAML…"), self.open_file)
        self.save_action = toolbar.addAction(theme_icon("/mActionFileSave.svg"), tr("Save"), self.save)
        self.save_as_action = toolbar.addAction(theme_icon("/mActionFileSaveAs.svg"), tr("Save as…"),
                                                self.save_as)
        toolbar.addSeparator()
        self.undo_action = self.model.undo_stack.createUndoAction(self, tr("Undo"))
        self.undo_action.setIcon(theme_icon("/mActionUndo.svg"))
        self.redo_action = self.model.undo_stack.createRedoAction(self, tr("Redo"))
        self.redo_action.setIcon(theme_icon("/mActionRedo.svg"))
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            toolbar.addAction(action)
        self.undo_action.setShortcut("Ctrl+Z")
        self.redo_action.setShortcut("Ctrl+Shift+Z")
        return toolbar

    def _tell(self, text, level=Qgis.MessageLevel.Info, seconds=6):
        self.message.emit(text, level, seconds)

    def _tell_problems(self, what, problems):
        self._tell(problems_text(what, problems), Qgis.MessageLevel.Warning, 0)

    def _use_preset(self):
        self.load(self.preset_combo.currentData())

    def _on_language(self, _index):
        self.model.set_language(self.language_combo.currentData())

    # -- presets and files ----------------------------------------------------------------------------------
    def load(self, path_or_preset):
        """Show a preset (by name) or a YAML file; a file with problems opens too, with the problems listed."""
        doc, problems = weight_file.read_weight_file(path_or_preset)
        is_file = os.path.isfile(str(path_or_preset))
        self.file_path = str(path_or_preset) if is_file else None
        self.preset = None if is_file else str(path_or_preset)
        self.model.set_document(doc)
        self.model.undo_stack.setClean()
        shown = self.preset_combo.findData(self.preset)
        if shown >= 0:
            self.preset_combo.setCurrentIndex(shown)
        self.update_title()
        if problems:
            self._tell_problems(tr("The file opened, but it is not a valid weight set yet"), problems)
        return doc

    def open_file(self):
        path, _filter = QFileDialog.getOpenFileName(self, tr("Open weight set"), self._start_dir(),
                                                    file_filter())
        if path:
            try:
                self.load(path)
            except LandEvalError as err:
                self._tell(message_of(err), Qgis.MessageLevel.Critical, 0)

    def save(self):
        if not self.file_path or self._is_shipped(self.file_path):
            return self.save_as()
        return self.save_to(self.file_path)

    def save_as(self):
        path, _filter = QFileDialog.getSaveFileName(self, tr("Save weight set as"), self._start_dir(),
                                                    file_filter())
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
            self._tell_problems(tr("Not saved: fix these first"), err.problems)
            return False
        except OSError as err:
            self._tell(tr("Cannot write {path}: {error}").format(path=path, error=err), Qgis.MessageLevel.Critical, 0)
            return False
        self.file_path, self.preset = path, None
        self.model.undo_stack.setClean()
        self.store_in_project()
        self.update_title()
        self._tell(tr("Saved {path}").format(path=path), Qgis.MessageLevel.Success, 3)
        return True

    def _start_dir(self):
        if self.file_path:
            return os.path.dirname(self.file_path)
        return QgsProject.instance().homePath() or os.path.expanduser("~")

    @staticmethod
    def _is_shipped(path):
        # Presets ship with the plugin and are replaced on update: edits go to a file of the user's.
        return os.path.dirname(os.path.abspath(path)) == os.path.abspath(str(config.PRESETS_DIR))

    # -- the project ----------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def restoring(self):
        """Inside, changes are not written back to the project (they come from it, or are the default)."""
        was, self._restoring = self._restoring, True
        try:
            yield
        finally:
            self._restoring = was

    @property
    def is_restoring(self):
        return self._restoring

    def restore_from_project(self):
        """Show the set stored in the current project; False when it stores none."""
        try:
            doc, path = weight_file.restore_from_project(QgsProject.instance())
        except LandEvalError as err:
            self._tell(message_of(err), Qgis.MessageLevel.Warning, 0)
            return False
        if doc is None:
            return False
        with self.restoring():
            self.file_path, self.preset = path, None
            self.model.set_document(doc)
            self.update_title()
        return True

    def store_in_project(self):
        if not self._restoring:
            weight_file.store_in_project(QgsProject.instance(), self.model.document(), self.file_path)

    def _on_weights_changed(self):
        self.store_in_project()
        self.update_title()

    def update_title(self, *_args):
        doc = self.model.document()
        label = doc.get("label")
        lang = self.model.language
        text = label.get(lang) or label.get("zh") if isinstance(label, dict) else (label or "")
        where = self.file_path or (tr("preset {name}").format(name=self.preset) if self.preset else tr("unsaved"))
        dirty = "" if self.model.undo_stack.isClean() else " <b>*</b>"
        self.title.setText(f"<b>{doc.get('name', '')}</b> {text} — <i>{where}</i>{dirty}")
