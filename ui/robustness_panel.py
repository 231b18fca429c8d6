"""The dock's *Robustness* action: landeval:robustness on the evaluated layer chosen under Apply, with the
weight set shown in the dock (written to a temporary YAML as Apply does), through the dock's AlgorithmRunner
(background task, Processing history, the styled output loaded); the three counts are shown when it ends.

Method, draws and spread are built from the algorithm's own parameter definitions, so their labels, help,
defaults and limits are the ones Processing shows.
"""

from qgis.core import Qgis
from qgis.gui import QgsDoubleSpinBox, QgsSpinBox
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ..core import labels
from ..core.errors import ConfigError, LandEvalError
from ..translation import message_of, tr
from . import weight_file
from .decision_panel import algorithm_definition
from .run_feedback import RunFeedback
from .tier_preview import TierPreview
from .weight_set_bar import problems_text

ROBUSTNESS = "landeval:robustness"
COUNTS = ("ROBUST_INEFFICIENT", "CONTESTED", "ROBUST_RETAINED")


def counts_text(outputs, lang="zh"):
    """"稳健低效 12 · 存疑 3 · 稳健保留 40" from the algorithm's count outputs."""
    names = labels.value_labels("robust_class", lang)
    return " · ".join(f"{names[key.lower()]} {int(outputs.get(key) or 0):,}" for key in COUNTS)


class RobustnessPanel(QWidget):
    """`apply_panel` gives the evaluated layer; `runner` is the dock's AlgorithmRunner; `document()` the weight
    set shown in the dock; `language()` the dock's language ("zh"/"en") for the summary."""

    message = pyqtSignal(str, int)

    def __init__(self, apply_panel, runner, document, language, parent=None):
        super().__init__(parent)
        self.apply_panel = apply_panel
        self.runner = runner
        self.document = document
        self.language = language
        algorithm = algorithm_definition(ROBUSTNESS)
        method = algorithm.parameterDefinition("METHOD")
        self.method = QComboBox(self)
        self.method.addItems(method.options())
        self.method.setCurrentIndex(int(method.defaultValue() or 0))
        self.method.setToolTip(method.help())
        draws = algorithm.parameterDefinition("DRAWS")
        self.draws = QgsSpinBox(self)
        self.draws.setRange(int(draws.minimum()), int(draws.maximum()))
        self.draws.setClearValue(int(draws.defaultValue()))
        self.draws.setValue(int(draws.defaultValue()))
        self.draws.setToolTip(draws.help())
        spread = algorithm.parameterDefinition("SPREAD")
        self.spread = QgsDoubleSpinBox(self)
        self.spread.setDecimals(2)
        self.spread.setSingleStep(0.05)
        self.spread.setRange(spread.minimum(), spread.maximum())
        self.spread.setClearValue(float(spread.defaultValue()))
        self.spread.setValue(float(spread.defaultValue()))
        self.spread.setToolTip(spread.help())
        self.run_button = QPushButton(tr("Robustness"), self)
        self.run_button.setToolTip(algorithm.shortHelpString()[:400])
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.run_feedback = RunFeedback(self, runner, self.cancel_button, lambda aid: aid == ROBUSTNESS,
                                        self.message.emit)
        self.progress = self.run_feedback.progress
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(method.description(), self.method)
        form.addRow(draws.description(), self.draws)
        form.addRow(spread.description(), self.spread)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)
        form.addRow(self.summary)

        self.runner.started.connect(self._on_started)
        self.runner.finished.connect(self._on_finished)
        apply_panel.evaluated_combo.layerChanged.connect(self._update_button)
        self._update_button()

    def evaluated_layer(self):
        layer = self.apply_panel.evaluated_layer()
        return layer if layer is not None and TierPreview.is_evaluated(layer) else None

    def _update_button(self, *_args):
        self.run_button.setEnabled(self.evaluated_layer() is not None and not self.runner.running)

    def run(self):
        """Start landeval:robustness on the evaluated layer; False (with a message) when it cannot."""
        layer = self.evaluated_layer()
        if layer is None:
            self.message.emit(tr("Choose an evaluated layer under Apply first."), Qgis.MessageLevel.Warning)
            return False
        try:
            path = weight_file.write_for_run(self.document())
            params = {"INPUT": layer.id(), "WEIGHT_SET": path, "METHOD": self.method.currentIndex(),
                      "DRAWS": self.draws.value(), "SPREAD": self.spread.value()}
            name = tr("{layer} — robustness").format(layer=layer.name())
            self.runner.start(ROBUSTNESS, params, names={"OUTPUT": name})
        except ConfigError as err:
            self.message.emit(problems_text(tr("Cannot run, the weight set has problems"), err.problems),
                              Qgis.MessageLevel.Warning)
            return False
        except LandEvalError as err:
            self.message.emit(message_of(err), Qgis.MessageLevel.Critical)
            return False
        return True

    def _on_started(self, algorithm_id):
        self._update_button()
        if algorithm_id != ROBUSTNESS:
            return
        self.run_feedback.begin()
        self.summary.setText(tr("Drawing weights…"))

    def _on_finished(self, ok, result, message):
        self._update_button()
        if result.algorithm_id != ROBUSTNESS or not self.run_feedback.end(ok, message, self.summary):
            return
        text = counts_text(result.outputs, self.language())
        self.summary.setText(text)
        self.message.emit(tr("Robustness: {counts}").format(counts=text), Qgis.MessageLevel.Success)
