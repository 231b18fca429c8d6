"""Undo commands for the weight tree: each one calls the model's private edit primitives.

Commands address items by row paths ((element row,) or (element row, indicator row)). That is safe because an
undo stack replays commands strictly in reverse order, so the rows a command saw are the rows it gets back.
"""
import copy

from qgis.PyQt.QtWidgets import QUndoCommand


class SetValueCommand(QUndoCommand):
    """Set (or, with value None, remove) one key of an element or indicator."""

    def __init__(self, model, path, key, value, text):
        super().__init__(text)
        self.model, self.path, self.key, self.value = model, tuple(path), key, value
        self.old = copy.deepcopy(model.item(self.path).get(key))

    def redo(self):
        self.model._set_value(self.path, self.key, self.value)

    def undo(self):
        self.model._set_value(self.path, self.key, self.old)


class LevelWeightsCommand(QUndoCommand):
    """Replace the weights of one level (siblings). Any `marks` are dropped: the level now holds weights."""

    def __init__(self, model, parent_path, weights, text):
        super().__init__(text)
        self.model, self.parent_path = model, tuple(parent_path)
        self.weights = [float(w) for w in weights]
        self.old = [{k: copy.deepcopy(item[k]) for k in ("weight", "marks") if k in item}
                    for item in model.level_items(self.parent_path)]

    def redo(self):
        self.model._set_level_weights(self.parent_path, [{"weight": w} for w in self.weights])

    def undo(self):
        self.model._set_level_weights(self.parent_path, self.old)


class InsertRowCommand(QUndoCommand):
    def __init__(self, model, parent_path, row, item, text):
        super().__init__(text)
        self.model, self.parent_path, self.row, self.item = model, tuple(parent_path), row, copy.deepcopy(item)

    def redo(self):
        self.model._insert(self.parent_path, self.row, copy.deepcopy(self.item))

    def undo(self):
        self.model._remove(self.parent_path, self.row)


class RemoveRowCommand(QUndoCommand):
    def __init__(self, model, parent_path, row, text):
        super().__init__(text)
        self.model, self.parent_path, self.row = model, tuple(parent_path), row
        self.item = copy.deepcopy(model.level_items(self.parent_path)[row])

    def redo(self):
        self.model._remove(self.parent_path, self.row)

    def undo(self):
        self.model._insert(self.parent_path, self.row, copy.deepcopy(self.item))


class MoveRowCommand(QUndoCommand):
    def __init__(self, model, parent_path, row, delta, text):
        super().__init__(text)
        self.model, self.parent_path, self.row, self.delta = model, tuple(parent_path), row, delta

    def redo(self):
        self.model._move(self.parent_path, self.row, self.row + self.delta)

    def undo(self):
        self.model._move(self.parent_path, self.row + self.delta, self.row)
