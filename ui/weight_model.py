"""The weight tree: elements (要素层) and their indicators (指标层) of one weight set, as a Qt item model.

The model edits the weight half of a config document (the dict a weight-set YAML file holds); every other key
of the document passes through untouched. All edits go through the model's QUndoStack, so the tree, the AHP
editor, the objective-weight panel and "normalize this level" share one undo history.
"""
import copy

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QAbstractItemModel, QModelIndex, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import QUndoStack

from ..core import weighting
from ..core.catalogue import DIRECTIONS
from ..core.config import NORMALIZATIONS
from ..core.labels import LANGUAGES
from ..translation import tr
from .weight_commands import (InsertRowCommand, LevelWeightsCommand, MoveRowCommand, RemoveRowCommand,
                              SetValueCommand)

NAME, WEIGHT, LEVEL_SUM, COMBINED, DIRECTION, NORMALIZATION, FIELD = range(7)
COLUMNS = 7
# Weights written by the dock keep this many decimals: readable in the YAML, and far finer than any weight a
# planner would type. A level is marked "off" with core.weighting's own tolerance, so the tree never calls a
# level fine that loading the file would refuse.
WEIGHT_DECIMALS = 6

ROOT = ()
_ELEMENT_MARK = object()  # internalPointer of element indexes; an indicator's is its element's dict
_OFF_COLOUR = QColor("#c0392b")


def headers():
    """The column titles, in the translation installed now (the tree asks each time it paints them)."""
    return (tr("Name"), tr("Weight"), tr("Σ level"), tr("Combined weight"), tr("Direction"), tr("Normalization"),
            tr("Field"))


def value_names():
    """{direction or normalization id: the name the tree and its editors show}; the YAML keeps the ids, so an id
    a newer core adds and this list lacks shows as itself."""
    return {"benefit": tr("benefit"), "cost": tr("cost"), "categorical": tr("categorical"),
            "minmax": tr("minmax"), "benchmark": tr("benchmark"), "percentile": tr("percentile"),
            "zscore": tr("zscore")}


def level_is_off(weights):
    """A level to mark in the tree: it has weights and they do not sum to 1 (core's own check)."""
    return bool(weights) and not weighting.sums_to_one(weights)


class WeightTreeModel(QAbstractItemModel):
    """Two-level tree. Paths: () is the element level, (e,) an element or its indicator level, (e, i) an
    indicator."""

    weightsChanged = pyqtSignal()

    def __init__(self, catalogue=None, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.language = "zh"
        self.undo_stack = QUndoStack(self)
        self._doc = {"elements": []}
        self.undo_stack.indexChanged.connect(self._on_undo_index)

    def _on_undo_index(self, _index):
        self.weightsChanged.emit()

    # -- document -------------------------------------------------------------------------------------------
    def set_document(self, doc):
        """Show a new config document (a dict as in the YAML); clears the undo history."""
        self.beginResetModel()
        self._doc = copy.deepcopy(doc)
        self._doc.setdefault("elements", [])
        for element in self._doc["elements"]:
            element.setdefault("indicators", [])
        self.endResetModel()
        self.undo_stack.clear()
        self.weightsChanged.emit()

    def document(self):
        """A copy of the current document, ready to save or to hand to core.config."""
        return copy.deepcopy(self._doc)

    @property
    def elements(self):
        return self._doc["elements"]

    def set_language(self, language):
        self.language = language
        if self.elements:
            self.layoutChanged.emit()

    # -- paths ----------------------------------------------------------------------------------------------
    def item(self, path):
        element = self.elements[path[0]]
        return element if len(path) == 1 else element["indicators"][path[1]]

    def level_items(self, parent_path):
        return self.elements if not parent_path else self.elements[parent_path[0]]["indicators"]

    def path(self, index):
        if not index.isValid():
            return ROOT
        pointer = index.internalPointer()
        if pointer is _ELEMENT_MARK:
            return (index.row(),)
        return (self._element_row(pointer), index.row())

    def index_for(self, path, column=NAME):
        if not path:
            return QModelIndex()
        parent = QModelIndex() if len(path) == 1 else self.index(path[0], 0)
        return self.index(path[-1], column, parent)

    def _element_row(self, element):
        for row, candidate in enumerate(self.elements):
            if candidate is element:
                return row
        raise LookupError("element no longer in the tree")

    # -- level arithmetic -----------------------------------------------------------------------------------
    def level_weights(self, parent_path):
        return weighting.level_weights(self.level_items(parent_path))

    def level_sum(self, parent_path):
        return sum(self.level_weights(parent_path))

    def off_levels(self):
        """Paths of the levels whose weights do not sum to 1 (ROOT for the element level)."""
        paths = [ROOT] + [(row,) for row in range(len(self.elements))]
        return [p for p in paths if level_is_off(self.level_weights(p))]

    def combined_weights(self):
        """{indicator id: element weight × indicator weight}, the weights the score applies."""
        out = {}
        for element, ew in zip(self.elements, self.level_weights(ROOT)):
            for indicator, iw in zip(element["indicators"], weighting.level_weights(element["indicators"])):
                out[indicator["id"]] = ew * iw
        return out

    def level_label(self, parent_path):
        if not parent_path:
            return tr("Elements")
        return tr("Indicators of {element}").format(element=self.display_name(parent_path))

    def default_direction(self, indicator_id):
        entry = self.catalogue.indicators.get(indicator_id) if self.catalogue is not None else None
        return entry.direction if entry is not None else None

    def direction(self, path):
        """An indicator's direction: its own, else the catalogue's (as core.config resolves it)."""
        item = self.item(path)
        return item.get("direction") or self.default_direction(item["id"]) or ""

    def display_name(self, path):
        item = self.item(path)
        label = item.get("label")
        if isinstance(label, dict) and label.get(self.language):
            return label[self.language]
        if isinstance(label, str) and label:
            return label
        if len(path) == 2 and self.catalogue is not None:
            return self.catalogue.label(item["id"], self.language)  # an unknown id comes back as is
        return item["id"]

    # -- undoable edits (public) ----------------------------------------------------------------------------
    def set_level_weights(self, parent_path, weights, text):
        self.undo_stack.push(LevelWeightsCommand(self, parent_path, weights, text))

    def normalize_level(self, parent_path):
        weights = self.level_weights(parent_path)
        if sum(weights) <= 0:
            return False
        self.set_level_weights(parent_path, weighting.rounded_shares(weights, WEIGHT_DECIMALS),
                               tr("Normalize {level}").format(level=self.level_label(parent_path)))
        return True

    def set_value(self, path, key, value, text=None):
        self.undo_stack.push(SetValueCommand(self, path, key, value, text or tr("Set {key}").format(key=key)))

    def add_element(self, element_id, label=None, row=None):
        if any(e["id"] == element_id for e in self.elements):
            raise ValueError(tr("An element with id '{id}' exists already.").format(id=element_id))
        n = len(self.elements)
        item = {"id": element_id, "label": label or dict.fromkeys(LANGUAGES, element_id),
                "weight": round(1.0 / (n + 1), WEIGHT_DECIMALS), "indicators": []}
        row = n if row is None else row
        self.undo_stack.push(InsertRowCommand(self, ROOT, row, item, tr("Add element {id}").format(id=element_id)))
        return (row,)

    def add_indicator(self, element_row, indicator_id):
        """Add a catalogue indicator to an element; it gets an equal share, so the level then needs
        normalizing (the tree marks it) unless the user sets the weights."""
        if indicator_id in self.combined_weights():
            raise ValueError(tr("Indicator '{id}' is already in the weight set.").format(id=indicator_id))
        level = self.level_items((element_row,))
        item = {"id": indicator_id, "weight": round(1.0 / (len(level) + 1), WEIGHT_DECIMALS),
                "direction": self.default_direction(indicator_id) or "benefit"}
        self.undo_stack.push(InsertRowCommand(self, (element_row,), len(level), item,
                                              tr("Add indicator {id}").format(id=indicator_id)))
        return (element_row, len(level))

    def remove(self, path):
        self.undo_stack.push(RemoveRowCommand(self, path[:-1], path[-1],
                                              tr("Remove {id}").format(id=self.item(path)["id"])))

    def move(self, path, delta):
        target = path[-1] + delta
        if not 0 <= target < len(self.level_items(path[:-1])):
            return False
        self.undo_stack.push(MoveRowCommand(self, path[:-1], path[-1], delta,
                                            tr("Move {id}").format(id=self.item(path)["id"])))
        return True

    # -- primitives the undo commands call ------------------------------------------------------------------
    def _set_value(self, path, key, value):
        item = self.item(path)
        if value is None:
            item.pop(key, None)
        else:
            item[key] = copy.deepcopy(value)
        self._row_changed(path)

    def _set_level_weights(self, parent_path, states):
        for item, state in zip(self.level_items(parent_path), states):
            item.pop("weight", None)
            item.pop("marks", None)
            item.update(copy.deepcopy(state))
        self._level_changed(parent_path)

    def _insert(self, parent_path, row, item):
        self.beginInsertRows(self.index_for(parent_path), row, row)
        self.level_items(parent_path).insert(row, item)
        self.endInsertRows()
        self._level_changed(parent_path)

    def _remove(self, parent_path, row):
        self.beginRemoveRows(self.index_for(parent_path), row, row)
        del self.level_items(parent_path)[row]
        self.endRemoveRows()
        self._level_changed(parent_path)

    def _move(self, parent_path, source, target):
        parent = self.index_for(parent_path)
        # Qt's destination row is "insert before", so moving down by one means row + 2.
        self.beginMoveRows(parent, source, source, parent, target + 1 if target > source else target)
        items = self.level_items(parent_path)
        items.insert(target, items.pop(source))
        self.endMoveRows()

    def _row_changed(self, path):
        self.dataChanged.emit(self.index_for(path, 0), self.index_for(path, COLUMNS - 1))
        if len(path) == 2:
            self._row_changed(path[:1])

    def _level_changed(self, parent_path):
        # Element weights feed every indicator's combined weight; indicator weights their element's sum.
        rows = self.level_items(parent_path)
        if rows:
            parent = self.index_for(parent_path)
            self.dataChanged.emit(self.index(0, 0, parent), self.index(len(rows) - 1, COLUMNS - 1, parent))
        if not parent_path:
            for row, element in enumerate(self.elements):
                if element["indicators"]:
                    parent = self.index(row, 0)
                    self.dataChanged.emit(self.index(0, COMBINED, parent),
                                          self.index(len(element["indicators"]) - 1, COMBINED, parent))
        else:
            self._row_changed(parent_path)

    # -- QAbstractItemModel ---------------------------------------------------------------------------------
    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _ELEMENT_MARK)
        return self.createIndex(row, column, self.elements[parent.row()])

    def parent(self, index):
        if not index.isValid() or index.internalPointer() is _ELEMENT_MARK:
            return QModelIndex()
        return self.createIndex(self._element_row(index.internalPointer()), 0, _ELEMENT_MARK)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API name
        if not parent.isValid():
            return len(self.elements)
        if parent.column() == 0 and parent.internalPointer() is _ELEMENT_MARK:
            return len(self.elements[parent.row()]["indicators"])
        return 0

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API name
        return COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API name
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        is_indicator = len(self.path(index)) == 2
        if index.column() in (NAME, WEIGHT) or (is_indicator and index.column() in (DIRECTION, NORMALIZATION, FIELD)):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        path = self.path(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(path, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(path, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(path, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._is_off(path, column):
                return QBrush(_OFF_COLOUR)
            if column in (NORMALIZATION, FIELD) and len(path) == 2 and not self.item(path).get(
                    "normalization" if column == NORMALIZATION else "field"):
                return QBrush(QColor("#808080"))  # an inherited default, not a value of this indicator
        if role == Qt.ItemDataRole.FontRole and len(path) == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and self._is_off(path, column):
            return QgsApplication.getThemeIcon("/mIconWarning.svg")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (WEIGHT, LEVEL_SUM, COMBINED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _is_off(self, path, column):
        if column == LEVEL_SUM and len(path) == 1:
            return level_is_off(self.level_weights(path))
        if column == WEIGHT:
            return level_is_off(self.level_weights(path[:-1]))
        return False

    def _weight(self, path):
        return self.level_weights(path[:-1])[path[-1]]

    def _display(self, path, column):
        item = self.item(path)
        if column == NAME:
            return self.display_name(path)
        if column == WEIGHT:
            return f"{self._weight(path):.4f}"
        if column == LEVEL_SUM:
            return f"Σ {self.level_sum(path):.4f}" if len(path) == 1 else None
        if column == COMBINED:
            weight = self._weight(path)
            return f"{weight * self._weight(path[:1]) if len(path) == 2 else weight:.4f}"
        if len(path) == 1:
            return None
        names = value_names()
        if column == DIRECTION:
            return names.get(self.direction(path), self.direction(path))
        if column == NORMALIZATION:
            if self.direction(path) == "categorical":
                return tr("(scores)")  # scored through its value→score map, whatever the normalization says
            own = item.get("normalization")
            if own:
                return names.get(own, own)
            default = self._doc.get("normalization", "minmax")
            return "({})".format(names.get(default, default))
        if column == FIELD:
            return item.get("field") or item["id"]
        return None

    def _edit_value(self, path, column):
        item = self.item(path)
        if column == WEIGHT:
            return self._weight(path)
        if column == NAME:
            return self.display_name(path)
        if column == DIRECTION:
            return self.direction(path) or "benefit"
        if column == NORMALIZATION:
            return item.get("normalization", "")
        if column == FIELD:
            return item.get("field", "")
        return None

    def _tooltip(self, path, column):
        item = self.item(path)
        if self._is_off(path, column):
            level = path if column == LEVEL_SUM else path[:-1]
            return tr("{level} sum to {total}, not 1: use “Normalize level” or fix a weight.").format(
                level=self.level_label(level), total=f"{self.level_sum(level):.4f}")
        if column == NAME:
            lines = [f"id: {item['id']}"]
            if isinstance(item.get("label"), dict):
                lines += [f"{k}: {v}" for k, v in item["label"].items()]
            elif len(path) == 2 and self.catalogue is not None:
                lines += [f"{lang}: {self.catalogue.label(item['id'], lang)}" for lang in LANGUAGES]
                unit = self.catalogue.unit_of(item["id"], self._doc.get("area_unit", "mu"))
                if unit:
                    lines.append(tr("unit: {unit}").format(unit=unit))
            return "\n".join(lines)
        if column == WEIGHT and weighting.level_uses_marks(self.level_items(path[:-1])):
            return tr("from {marks} importance marks; editing turns this level into weights").format(
                marks=item["marks"])
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802 - Qt API name
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        path = self.path(index)
        column = index.column()
        if column == WEIGHT:
            try:
                value = float(value)
            except (TypeError, ValueError):
                return False
            if value < 0 or value == self._weight(path):
                return value >= 0
            weights = self.level_weights(path[:-1])
            weights[path[-1]] = round(value, WEIGHT_DECIMALS)
            self.set_level_weights(path[:-1], weights,
                                   tr("Weight of {id} = {value}").format(id=self.item(path)["id"], value=f"{value:g}"))
            return True
        if column == NAME:
            text = str(value).strip()
            if not text or text == self.display_name(path):
                return bool(text)
            old = self.item(path).get("label")
            label = dict(old) if isinstance(old, dict) else {}
            if len(path) == 2 and not label and self.catalogue is not None:
                # Start from the catalogue's labels so renaming in one language keeps the other.
                label = {lang: self.catalogue.label(self.item(path)["id"], lang) for lang in LANGUAGES}
            label[self.language] = text
            self.set_value(path, "label", label, tr("Rename {id}").format(id=self.item(path)["id"]))
            return True
        if column == DIRECTION and value in DIRECTIONS:
            self.set_value(path, "direction", value, tr("Direction of {id}").format(id=self.item(path)["id"]))
            return True
        if column == NORMALIZATION and (value in NORMALIZATIONS or value in ("", None)):
            self.set_value(path, "normalization", value or None,
                           tr("Normalization of {id}").format(id=self.item(path)["id"]))
            return True
        if column == FIELD:
            text = str(value or "").strip()
            self.set_value(path, "field", text if text and text != self.item(path)["id"] else None,
                           tr("Field of {id}").format(id=self.item(path)["id"]))
            return True
        return False
