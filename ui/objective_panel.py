"""Objective weights (entropy, CRITIC) for one level from a layer's indicator columns, blended with the
subjective weights of the tree by a slider (α = share of the subjective weights).

Categorical indicators have no numeric column to measure dispersion on: they keep their subjective weight and
the numeric indicators share the rest in proportion to their objective weights.
"""
import numpy as np
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSlider, QTableWidget,
                                 QTableWidgetItem, QVBoxLayout, QWidget)

from ..core import weighting
from ..core.errors import LandEvalError
from ..translation import message_of, tr

METHODS = ("entropy", "critic")
_FUNCTIONS = {"entropy": weighting.entropy_weights, "critic": weighting.critic_weights}


def objective_level_weights(frame, indicators, subjective, method):
    """Objective weights for one level.

    `frame` holds one column per indicator field; `indicators` is a list of dicts with `id`, `field`, `direction`;
    `subjective` the level's current weights. Rows with a missing value are left out (the methods need complete
    rows). Returns (weights ndarray summing like `subjective`, number of rows used, ids kept fixed).
    """
    subjective = np.asarray(subjective, dtype=float)
    numeric = [i for i, ind in enumerate(indicators) if ind.get("direction") != "categorical"]
    categorical = [i for i in range(len(indicators)) if i not in numeric]
    if len(numeric) < 2:
        raise LandEvalError("Objective weights need at least two numeric indicators in the level; "
                            "this one has {count}.", count=len(numeric))
    values = frame[[indicators[i]["field"] for i in numeric]].to_numpy(dtype=float)
    complete = ~np.isnan(values).any(axis=1)
    cost = [k for k, i in enumerate(numeric) if indicators[i].get("direction") == "cost"]
    objective = np.asarray(_FUNCTIONS[method](values[complete], cost=cost), dtype=float)
    out = subjective.copy()
    out[numeric] = objective * (subjective.sum() - subjective[categorical].sum())
    fixed = [indicators[i]["id"] for i in categorical]
    return out, int(complete.sum()), fixed


class ObjectiveWeightsPanel(QWidget):
    """Shows subjective, objective and combined weights of a level; `weightsAccepted` sends the combined ones.

    The dock supplies `frame_reader(fields) -> DataFrame` (one read of the current layer) and calls
    `set_level(indicators, subjective)` when the level changes.
    """

    weightsAccepted = pyqtSignal(list)

    def __init__(self, frame_reader, parent=None):
        super().__init__(parent)
        self.frame_reader = frame_reader
        self.indicators = []
        self.names = []
        self.subjective = np.zeros(0)
        self.objective = None
        self.method = QComboBox(self)
        labels = {"entropy": tr("Entropy"), "critic": tr("CRITIC")}
        for key in METHODS:
            self.method.addItem(labels[key], key)
        self.compute_button = QPushButton(tr("Compute from layer"), self)
        self.compute_button.clicked.connect(self.compute)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 100)
        self.slider.setValue(50)
        self.slider.valueChanged.connect(self._refresh)
        self.alpha_label = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([tr("Indicator"), tr("Subjective"), tr("Objective"), tr("Combined")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.use_button = QPushButton(tr("Use combined weights"), self)
        self.use_button.clicked.connect(lambda: self.weightsAccepted.emit([float(w) for w in self.combined()]))
        top = QHBoxLayout()
        top.addWidget(self.method)
        top.addWidget(self.compute_button, 1)
        blend = QHBoxLayout()
        blend.addWidget(QLabel(tr("objective"), self))
        blend.addWidget(self.slider, 1)
        blend.addWidget(QLabel(tr("subjective"), self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(blend)
        layout.addWidget(self.alpha_label)
        layout.addWidget(self.status)
        layout.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignRight)
        self._refresh()

    @property
    def alpha(self):
        return self.slider.value() / 100.0

    def set_level(self, indicators, names, subjective):
        """`indicators`: dicts with id, field, direction (or an empty list for a level without columns)."""
        same = [i["id"] for i in indicators] == [i["id"] for i in self.indicators]
        self.indicators, self.names = list(indicators), list(names)
        self.subjective = np.asarray(subjective, dtype=float)
        if not same:
            self.objective = None
            self.status.setText("")
        self.compute_button.setEnabled(bool(indicators))
        self._refresh()

    def compute(self):
        try:
            frame = self.frame_reader([i["field"] for i in self.indicators
                                       if i.get("direction") != "categorical"])
            self.objective, rows, fixed = objective_level_weights(
                frame, self.indicators, self.subjective, self.method.currentData())
        except LandEvalError as err:
            self.objective = None
            self.status.setText(f"<span style='color:#c0392b'>{message_of(err)}</span>")
        else:
            note = tr("{count} complete parcel(s) used.").format(count=rows)
            if fixed:
                note += " " + tr("Categorical, kept at their subjective weight: {ids}.").format(ids=", ".join(fixed))
            self.status.setText(note)
        self._refresh()

    def combined(self):
        if self.objective is None:
            return self.subjective
        return np.asarray(weighting.combine_weights(self.subjective, self.objective, alpha=self.alpha), dtype=float)

    def _refresh(self):
        self.alpha_label.setText(tr("α = {alpha}: w = α·subjective + (1 − α)·objective").format(
            alpha=f"{self.alpha:.2f}"))
        combined = self.combined()
        self.table.setRowCount(len(self.indicators))
        for row, name in enumerate(self.names):
            values = [name, f"{self.subjective[row]:.4f}",
                      "—" if self.objective is None else f"{self.objective[row]:.4f}", f"{combined[row]:.4f}"]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                self.table.setItem(row, column, item)
        self.use_button.setEnabled(self.objective is not None)
        self.slider.setEnabled(self.objective is not None)
