"""A foldable JSON tree whose nodes are created only when their parent is expanded.

A 10 MB document can hold hundreds of thousands of values; building a node for each would
take seconds. Here a node knows its value, and its children are made on first expansion, in
chunks of `CHUNK` through Qt's canFetchMore/fetchMore, so opening a big body costs one
`json.loads` plus a few hundred rows.

`JsonTreeView` is the view the message pane shows: its context menu copies a value or its
JSONPath and, on a number, offers "Chart this field" (`field_chart_requested(path, value)`,
the path in the JSONPath dialect of `explorer.search`, e.g. `$.sensors[0].temp`).
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QTreeView, QWidget

CHUNK = 500
_PREVIEW = 120

Index = QModelIndex | QPersistentModelIndex


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class _Node:
    __slots__ = ("children", "key", "name", "parent", "row", "value")

    def __init__(
        self, key: str, value: Any, parent: _Node | None, row: int, name: str | int = ""
    ) -> None:
        self.key = key
        self.value = value
        self.parent = parent
        self.row = row
        self.name = name  # the object key (str) or array position (int) in the parent
        self.children: list[_Node] = []

    def path(self) -> str:
        """This value's JSONPath from the document root, e.g. `$.items[2]['unit price']`."""
        parts: list[str] = []
        node: _Node | None = self
        while node is not None and node.parent is not None:
            name = node.name
            if isinstance(name, int):
                parts.append(f"[{name}]")
            elif _PLAIN_KEY.match(name):
                parts.append(f".{name}")
            else:
                escaped = name.replace("\\", "\\\\").replace("'", "\\'")
                parts.append(f"['{escaped}']")
            node = node.parent
        return "$" + "".join(reversed(parts))

    def child_count(self) -> int:
        if isinstance(self.value, dict | list):
            return len(self.value)
        return 0

    def fetch(self, count: int) -> None:
        start = len(self.children)
        value = self.value
        items: list[tuple[str, Any, str | int]]
        if isinstance(value, dict):
            keys = itertools.islice(value, start, start + count)
            items = [(str(k), value[k], str(k)) for k in keys]
        elif isinstance(value, list):
            items = [(f"[{i}]", v, i) for i, v in enumerate(value[start : start + count], start)]
        else:
            return
        base = len(self.children)
        self.children.extend(
            _Node(key, v, self, base + i, name) for i, (key, v, name) in enumerate(items)
        )


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

    def value(self, index: Index) -> Any:
        """The JSON value at `index` (the whole document for an invalid index)."""
        return self._node(index).value

    def path(self, index: Index) -> str:
        """The JSONPath of the value at `index` (`$` for the root)."""
        return self._node(index).path()

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


def is_chartable(value: Any) -> bool:
    """A JSON number (booleans are not numbers here)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


class JsonTreeView(QTreeView):
    """The JSON tree with a context menu: copy value, copy path, chart a number."""

    field_chart_requested = Signal(str, float)  # JSONPath, the value clicked
    field_filter_requested = Signal(str)  # a search expression: messages with this value
    copied = Signal(str)  # what was copied, in words, for feedback

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformRowHeights(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def json_model(self) -> JsonTreeModel | None:
        model = self.model()
        return model if isinstance(model, JsonTreeModel) else None

    def field_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu for the value at `index` (None off a row); tests trigger it."""
        model = self.json_model()
        if model is None or not index.isValid():
            return None
        value = model.value(index)
        path = model.path(index)
        menu = QMenu(self)
        copy_value = menu.addAction(self.tr("Copy value"))
        copy_value.setObjectName("jsonCopyValue")
        copy_value.triggered.connect(lambda: self._copy(_as_text(value), self.tr("Value copied")))
        copy_path = menu.addAction(self.tr("Copy path ({path})").format(path=_short(path)))
        copy_path.setObjectName("jsonCopyPath")
        copy_path.triggered.connect(lambda: self._copy(path, self.tr("Path copied")))
        menu.addSeparator()
        only = menu.addAction(self.tr("Show only messages with this value"))
        only.setObjectName("jsonFilterField")
        only.setToolTip(self.tr("Filter the log with a search on this JSON field"))
        expression = field_expression(path, value)
        only.triggered.connect(lambda: self.field_filter_requested.emit(expression))
        chart = menu.addAction(self.tr("Chart this field"))
        chart.setObjectName("jsonChartField")
        if is_chartable(value):
            chart.triggered.connect(lambda: self.field_chart_requested.emit(path, float(value)))
        else:
            chart.setEnabled(False)
            chart.setToolTip(self.tr("Only numbers can be charted"))
        return menu

    def _menu(self, pos: QPoint) -> None:
        menu = self.field_menu(self.indexAt(pos))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _copy(self, text: str, feedback: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(feedback)


def field_expression(path: str, value: Any) -> str:
    """The `explorer.search` expression for "this field has this value" (for an object or
    an array: "this field exists")."""
    if isinstance(value, dict | list):
        return path
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'{path} == "{escaped}"'
    return f"{path} == {json.dumps(value)}"


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=2)


def _short(path: str, limit: int = 40) -> str:
    return path if len(path) <= limit else "…" + path[-(limit - 1) :]
