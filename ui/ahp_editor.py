"""AHP pairwise-comparison editor for one level: Saaty 1–9 matrix, live λmax / CI / CR, worst comparison.

The arithmetic is core.weighting.ahp; this module only keeps the matrix reciprocal while a person edits it.
"""
import math
from fractions import Fraction

import numpy as np
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QStyledItemDelegate,
                                 QTableView, QVBoxLayout, QWidget)

from ..core import weighting
from ..core.errors import LandEvalError
from ..translation import message_of, tr

SAATY_VALUES = tuple([Fraction(1, k) for k in range(9, 1, -1)] + [Fraction(k) for k in range(1, 10)])
_WORST = QColor("#f5b041")
_DIAGONAL = QColor("#e5e5e5")


def saaty_text(value):
    return str(Fraction(value).limit_denominator(9))


def nearest_saaty(ratio):
    """The Saaty scale value closest to a ratio on a log scale (where the scale is evenly spaced in spirit)."""
    ratio = min(max(float(ratio), 1 / 9), 9.0)
    return min(SAATY_VALUES, key=lambda s: abs(math.log(ratio) - math.log(float(s))))


def matrix_from_weights(weights):
    """A reciprocal Saaty matrix whose comparisons approximate w_i / w_j; a zero weight compares as equal."""
    n = len(weights)
    matrix = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if weights[i] > 0 and weights[j] > 0:
                matrix[i, j] = float(nearest_saaty(weights[i] / weights[j]))
                matrix[j, i] = 1.0 / matrix[i, j]
    return matrix


class PairwiseMatrixModel(QAbstractTableModel):
    """n×n reciprocal matrix: setting a_ij sets a_ji = 1/a_ij; the diagonal stays 1."""

    matrixChanged = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names = []
        self.matrix = np.ones((0, 0))
        self.worst = None

    def set_matrix(self, names, matrix):
        self.beginResetModel()
        self.names = list(names)
        self.matrix = np.array(matrix, dtype=float)
        self.worst = None
        self.endResetModel()
        self.matrixChanged.emit()

    def set_worst(self, pair):
        self.worst = tuple(pair) if pair is not None else None
        if self.names:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.names) - 1, len(self.names) - 1))

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API name
        return 0 if parent.isValid() else len(self.names)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API name
        return 0 if parent.isValid() else len(self.names)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API name
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and section < len(self.names):
            return self.names[section]
        return None

    def flags(self, index):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() != index.column():
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        i, j = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return saaty_text(self.matrix[i, j])
        if role == Qt.ItemDataRole.EditRole:
            return float(self.matrix[i, j])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if i == j:
                return QBrush(_DIAGONAL)
            if self.worst is not None and {i, j} == set(self.worst):
                return QBrush(_WORST)
        if role == Qt.ItemDataRole.FontRole and i > j:
            font = QFont()
            font.setItalic(True)  # below the diagonal: the reciprocal, follows the upper cell
            return font
        if role == Qt.ItemDataRole.ToolTipRole and i != j:
            return tr("How much more important is {row} than {column}? (1 = equal, 9 = extreme)").format(
                row=self.names[i], column=self.names[j])
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802 - Qt API name
        i, j = index.row(), index.column()
        if role != Qt.ItemDataRole.EditRole or i == j:
            return False
        value = float(nearest_saaty(float(value)))
        self.matrix[i, j] = value
        self.matrix[j, i] = 1.0 / value
        self.dataChanged.emit(index, index)
        self.dataChanged.emit(self.index(j, i), self.index(j, i))
        self.matrixChanged.emit()
        return True


class SaatyDelegate(QStyledItemDelegate):
    """Offers exactly the 17 Saaty values 1/9 … 1 … 9."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API name
        combo = QComboBox(parent)
        for value in SAATY_VALUES:
            combo.addItem(str(value), float(value))
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor, index):  # noqa: N802 - Qt API name
        editor.setCurrentIndex(SAATY_VALUES.index(nearest_saaty(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt API name
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AHPEditor(QWidget):
    """Edits one level's pairwise matrix; `weightsAccepted` carries the priority vector to the tree."""

    weightsAccepted = pyqtSignal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = PairwiseMatrixModel(self)
        self.result = None
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(SaatyDelegate(self.table))
        self.table.setEditTriggers(QTableView.EditTrigger.AllEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.weights_label = QLabel(self)
        self.weights_label.setWordWrap(True)
        self.use_button = QPushButton(tr("Use these weights"), self)
        self.use_button.clicked.connect(self._accept)
        self.reset_button = QPushButton(tr("From current weights"), self)
        self.reset_button.setToolTip(tr("Rebuild the matrix from the tree's weights "
                                        "(ratios snapped to the 1–9 scale)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Row vs column, Saaty scale 1–9; entering a_ij sets a_ji = 1/a_ij."), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.weights_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        layout.addLayout(buttons)
        self.model.matrixChanged.connect(self._recompute)

    def set_level(self, names, matrix):
        self.model.set_matrix(names, matrix)

    def matrix(self):
        return self.model.matrix.copy()

    def _recompute(self):
        n = len(self.model.names)
        self.use_button.setEnabled(n > 0)
        if n == 0:
            self.result = None
            self.summary.setText(tr("Choose a level with at least one item."))
            self.weights_label.clear()
            return
        try:
            # Positions as labels: the worst pair then names cells, whatever the display names are.
            self.result = weighting.ahp(self.model.matrix, labels=[str(i) for i in range(n)])
        except LandEvalError as err:
            self.result = None
            self.summary.setText(f"<span style='color:#c0392b'>{message_of(err)}</span>")
            self.use_button.setEnabled(False)
            return
        r = self.result
        ok = bool(r.consistent)
        if ok:
            verdict = "<b style='color:#1e8449'>✓ {}</b>".format(tr("consistent"))
        else:
            advice = tr("inconsistent — revise the highlighted comparison")
            verdict = f"<b style='color:#c0392b'>✗ {advice}</b>"
        text = f"λmax = {r.lambda_max:.4f} &nbsp; CI = {r.ci:.4f} &nbsp; CR = {r.cr:.4f} " \
               f"{'≤' if ok else '>'} {weighting.CR_LIMIT:.2f} &nbsp; {verdict}"
        # With two items every reciprocal matrix is consistent: no comparison to point at.
        worst = (int(r.worst_pair.row), int(r.worst_pair.col)) if n > 2 else None
        self.model.set_worst(worst)
        if worst is not None:
            i, j = worst
            worst_text = tr("Most inconsistent: <b>{row} vs {column}</b> = {given} (the weights imply ≈ {implied})")
            text += "<br>" + worst_text.format(row=self.model.names[i], column=self.model.names[j],
                                               given=saaty_text(r.worst_pair.given),
                                               implied=f"{r.worst_pair.consistent:.2f}")
        self.summary.setText(text)
        self.weights_label.setText(tr("Weights") + ": " + ", ".join(
            f"{name} {w:.4f}" for name, w in zip(self.model.names, r.weights)))

    def _accept(self):
        if self.result is not None:
            self.weightsAccepted.emit([float(w) for w in self.result.weights])
