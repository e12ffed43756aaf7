"""A foldable JSON tree whose nodes are created only when their parent is expanded.

A 10 MB document can hold hundreds of thousands of values; building a node for each would
take seconds. Here a node knows its value, and its children are made on first expansion, in
chunks of `CHUNK` through Qt's canFetchMore/fetchMore, so opening a big body costs one
`json.loads` plus a few hundred rows.
"""

from __future__ import annotations

import itertools
import json
from typing import Any, overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

CHUNK = 500
_PREVIEW = 120

Index = QModelIndex | QPersistentModelIndex


class _Node:
    __slots__ = ("children", "key", "parent", "row", "value")

    def __init__(self, key: str, value: Any, parent: _Node | None, row: int) -> None:
        self.key = key
        self.value = value
        self.parent = parent
        self.row = row
        self.children: list[_Node] = []

    def child_count(self) -> int:
        if isinstance(self.value, dict | list):
            return len(self.value)
        return 0

    def fetch(self, count: int) -> None:
        start = len(self.children)
        value = self.value
        if isinstance(value, dict):
            keys = itertools.islice(value, start, start + count)
            items = [(k, value[k]) for k in keys]
        elif isinstance(value, list):
            items = [(f"[{i}]", v) for i, v in enumerate(value[start : start + count], start)]
        else:
            return
        base = len(self.children)
        self.children.extend(_Node(str(k), v, self, base + i) for i, (k, v) in enumerate(items))


def _preview(value: Any) -> str:
    if isinstance(value, dict):
        return f"{{…}} {len(value)}"
    if isinstance(value, list):
        return f"[…] {len(value)}"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _PREVIEW else text[:_PREVIEW] + "…"


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return "number"
    return "string"


class JsonTreeModel(QAbstractItemModel):
    """Key, value preview and type of each JSON value; children fetched lazily."""

    def __init__(self, document: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node("", document, None, 0)
        self._root.fetch(CHUNK)

    def _node(self, index: Index) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, _Node)
            return node
        return self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Override QAbstractItemModel::index."""
        node = self._node(parent)
        if 0 <= row < len(node.children) and 0 <= column < 3:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: Index) -> QModelIndex: ...
    def parent(self, child: Index | None = None) -> QModelIndex | QObject | None:
        """Override QAbstractItemModel::parent (and keep QObject.parent working)."""
        if child is None:
            return super().parent()
        node = self._node(child)
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override: only the children fetched so far."""
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Override: a container shows its expander before its children exist."""
        if parent.isValid() and parent.column() != 0:
            return False
        return self._node(parent).child_count() > 0

    def child_count(self, index: Index) -> int:
        """How many children the value at `index` has (fetched or not)."""
        return self._node(index).child_count()

    def canFetchMore(self, parent: Index) -> bool:
        node = self._node(parent)
        return len(node.children) < node.child_count()

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        have = len(node.children)
        todo = min(CHUNK, node.child_count() - have)
        if todo <= 0:
            return
        self.beginInsertRows(parent, have, have + todo - 1)
        node.fetch(todo)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return node.key
            if column == 1:
                return _preview(node.value)
            return _type_name(node.value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Key"), self.tr("Value"), self.tr("Type"))[section]
        return None
