"""Editors for the weight tree's columns: a spin box for weights, lists for direction and normalization."""
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QDoubleSpinBox, QStyledItemDelegate

from ..translation import tr
from .weight_model import DIRECTION, DIRECTIONS, NORMALIZATION, NORMALIZATIONS, WEIGHT, value_names


class WeightTreeDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API name
        column = index.column()
        if column == WEIGHT:
            spin = QDoubleSpinBox(parent)
            spin.setRange(0.0, 1.0)
            spin.setDecimals(4)
            spin.setSingleStep(0.01)
            return spin
        if column in (DIRECTION, NORMALIZATION):
            combo = QComboBox(parent)
            if column == NORMALIZATION:
                combo.addItem(tr("(default of the set)"), "")
            names = value_names()
            for value in DIRECTIONS if column == DIRECTION else NORMALIZATIONS:
                combo.addItem(names.get(value, value), value)
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):  # noqa: N802 - Qt API name
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0.0))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value or ""), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt API name
        if isinstance(editor, QDoubleSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
