"""A capture's destinations as a tree, with the counts the recorder kept.

The tree of a capture never changes while it is open (a reload builds it again), so a
`QStandardItemModel` built once from `Capture.destinations()` is all it needs: the same
split rule as the live tree, and each folder adding up its children. Frames without a
destination (CONNECT, RECEIPT, ...) are not a node.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from explorer.capture import DestinationCount
from explorer.store import SPLIT_RULES
from explorer.store.destinations import split_destination
from explorer.ui.models.message_table import size_text

PathRole: Final = int(Qt.ItemDataRole.UserRole) + 1
"""The node's path: a destination, or a folder's common prefix."""
IsDestinationRole: Final = int(Qt.ItemDataRole.UserRole) + 2
"""True when messages were recorded on exactly this path."""
DestinationsRole: Final = int(Qt.ItemDataRole.UserRole) + 3
"""The recorded destinations at or under this node (a list of str)."""

NAME, MESSAGES, BYTES = range(3)


class _Node:
    __slots__ = ("bytes", "children", "destination", "messages", "name", "path")

    def __init__(self, name: str, path: str) -> None:
        self.name = name
        self.path = path
        self.destination = False
        self.messages = 0
        self.bytes = 0
        self.children: dict[str, _Node] = {}


def capture_tree(
    destinations: Iterable[DestinationCount], split_rule: str = "/.", parent: QObject | None = None
) -> QStandardItemModel:
    """The tree model of a capture's destinations (columns Destination, Messages, Size)."""
    rule = split_rule if split_rule in SPLIT_RULES else "/."
    root = _Node("", "")
    for count in destinations:
        if not count.destination:
            continue
        node = root
        node.messages += count.messages
        for name, path in split_destination(count.destination, rule):
            node = node.children.setdefault(path, _Node(name, path))
            node.messages += count.messages
            node.bytes += count.bytes
        node.destination = True
    model = QStandardItemModel(parent)
    model.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("CaptureTreeModel", "Destination"),
            QCoreApplication.translate("CaptureTreeModel", "Messages"),
            QCoreApplication.translate("CaptureTreeModel", "Size"),
        ]
    )
    for child in sorted(root.children.values(), key=lambda n: n.name):
        model.appendRow(_items(child))
    return model


def _items(node: _Node) -> list[QStandardItem]:
    name = QStandardItem(node.name)
    name.setData(node.path, PathRole)
    name.setData(node.destination, IsDestinationRole)
    name.setData(_destinations(node), DestinationsRole)
    name.setToolTip(node.path)
    messages = QStandardItem(f"{node.messages:,}")
    size = QStandardItem(size_text(node.bytes))
    for item in (name, messages, size):
        item.setEditable(False)
    for item in (messages, size):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for child in sorted(node.children.values(), key=lambda n: n.name):
        name.appendRow(_items(child))
    return [name, messages, size]


def _destinations(node: _Node) -> list[str]:
    out = [node.path] if node.destination else []
    for child in node.children.values():
        out.extend(_destinations(child))
    return out
