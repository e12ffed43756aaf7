"""The destination tree as a Qt item model, published in batches.

The pure `DestinationTree` records messages and discovery results at any rate; this model's
timer (every 300 ms while the tree has changes, including decaying rates) calls `flush()`,
which inserts new nodes with one `beginInsertRows` per parent range and emits one
`dataChanged` per parent for the nodes whose counters changed. A node that counted a message
flashes (`Qt.BackgroundRole` fading over `FLASH_SECONDS`), and so do its folders.

The model keeps what is *visible*, so the view never sees a node before it was announced:
without a filter, how many of each node's children are published (a row is then the node's
own index among its parent's children, so a reset of 50,000 nodes allocates almost nothing);
with a filter, the set the tree's `matching()` returns, and child lists made only for the
folders a view opens (a filter matching 50,000 nodes builds a few hundred rows). Internal
pointers are tree nodes, which the tree keeps alive forever; the model never stores a
`QModelIndex`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any, Final, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from explorer.store import DestinationNode, DestinationTree
from explorer.ui.models.destination_text import node_tooltip, source_words

ModelIndex = QModelIndex | QPersistentModelIndex

DEFAULT_INTERVAL_MS: Final = 300
# Above this many nodes to insert in one flush, one model reset is cheaper than many inserts.
RESET_THRESHOLD: Final = 2000
# How long a node that got a message stays highlighted (fading).
FLASH_SECONDS: Final = 0.8


def _tr(text: str) -> str:
    return QCoreApplication.translate("DestinationTreeModel", text)


class DestinationTreeModel(QAbstractItemModel):
    """Columns Destination, Rate (/s), Last seen, Depth, Consumers, Sources.

    Messages received and sent are counted apart and shown as badges beside the name (a
    delegate of the view draws `InCountRole` and `OutCountRole`), never as their sum.
    Custom roles: `NodeRole` (the `DestinationNode`), `DestinationRole` (its full path: the
    destination to subscribe or send to; for a folder, the common prefix), `IsDestinationRole`
    (True for real destinations, False for folders), `SourcesRole` (a dict source -> dict of
    depth/consumers/enqueued/dequeued/gone), `InCountRole` / `OutCountRole` (messages received
    / sent here and below).
    """

    NodeRole: Final = int(Qt.ItemDataRole.UserRole) + 1
    DestinationRole: Final = int(Qt.ItemDataRole.UserRole) + 2
    IsDestinationRole: Final = int(Qt.ItemDataRole.UserRole) + 3
    SourcesRole: Final = int(Qt.ItemDataRole.UserRole) + 4
    InCountRole: Final = int(Qt.ItemDataRole.UserRole) + 5
    OutCountRole: Final = int(Qt.ItemDataRole.UserRole) + 6

    NAME, RATE, LAST_SEEN, DEPTH, CONSUMERS, SOURCES = range(6)
    COLUMN_COUNT: Final = 6
    _NUMERIC: Final = frozenset({RATE, DEPTH, CONSUMERS})

    flushed = Signal(int, int)
    """After each publish: (nodes inserted, nodes updated). A filtered view may expand on it."""

    def __init__(
        self,
        tree: DestinationTree | None = None,
        parent: QObject | None = None,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._tree = tree if tree is not None else DestinationTree()
        self._needle = ""
        # Unfiltered: published children per parent (rows are `node.row`).
        self._count: dict[DestinationNode, int] = {}
        # Filtered: the nodes shown, and (made when first asked) the visible children of a
        # parent and the rows of those children.
        self._shown: set[DestinationNode] = set()
        self._kids: dict[DestinationNode, list[DestinationNode]] = {}
        self._row: dict[DestinationNode, int] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._gone_font = QFont()
        self._gone_font.setItalic(True)
        self._gone_font.setStrikeOut(True)
        # Monotonic time each recently counted node (and its folders) got a message.
        self._flash: dict[DestinationNode, float] = {}
        self.flash_colour = QColor(255, 193, 7)
        """The highlight a node fades from (the theme sets it for light and dark)."""
        self.clock = time.monotonic
        self.shows_children: Callable[[DestinationNode], bool] | None = None
        """Set by a view: False for a folder whose rows nobody sees (collapsed). Changes under
        it are not announced (a view asks for fresh data when it opens the folder), so a
        tree of 50,000 live destinations does not emit thousands of dataChanged per tick."""
        self._rebuild()
        self.schedule()

    # -- store access ----------------------------------------------------------------------

    @property
    def tree(self) -> DestinationTree:
        """The underlying tree. After changing it directly, call `schedule()`."""
        return self._tree

    def record_message(
        self, destination: str, direction: str, timestamp: float | None = None
    ) -> DestinationNode | None:
        """`DestinationTree.record_message`, then schedule a publish."""
        node = self._tree.record_message(destination, direction, timestamp)
        self.schedule()
        return node

    def upsert(self, destination: str, source: str, **counts: int | None) -> DestinationNode | None:
        """`DestinationTree.upsert`, then schedule a publish."""
        node = self._tree.upsert(destination, source, **counts)
        self.schedule()
        return node

    def mark_gone(self, destination: str, source: str) -> bool:
        """`DestinationTree.mark_gone`, then schedule a publish."""
        found = self._tree.mark_gone(destination, source)
        self.schedule()
        return found

    def schedule(self) -> None:
        """Make sure the publish timer runs (it stops itself when the tree is quiet)."""
        if not self._timer.isActive() and self._tree.has_changes:
            self._timer.start()

    def node_at(self, index: ModelIndex) -> DestinationNode | None:
        """The node behind `index` (None for the invisible root)."""
        if not index.isValid():
            return None
        node: DestinationNode = index.internalPointer()
        return node

    def index_of(self, node_or_path: DestinationNode | str, column: int = 0) -> QModelIndex:
        """The index showing a node (or path); invalid when it is not visible (yet)."""
        node = self._tree.node(node_or_path) if isinstance(node_or_path, str) else node_or_path
        row = None if node is None else self._row_of(node)
        if row is None:
            return QModelIndex()
        return self.createIndex(row, column, node)

    # -- the visible structure ---------------------------------------------------------------

    def _row_of(self, node: DestinationNode) -> int | None:
        """The node's row, None when it is not visible."""
        parent = node.parent
        if parent is None:
            return None
        if self._needle:
            if node not in self._shown:
                return None
            self._kids_for(parent)
            return self._row[node]
        if node.row >= self._count.get(parent, 0):
            return None
        return node.row

    def _kids_for(self, parent: DestinationNode) -> list[DestinationNode]:
        """A filtered parent's visible children, made on first use (its ancestors are shown:
        `matching()` adds them)."""
        kids = self._kids.get(parent)
        if kids is None:
            shown = self._shown
            kids = self._kids[parent] = [c for c in parent.children if c in shown]
            rows = self._row
            for row, child in enumerate(kids):
                rows[child] = row
        return kids

    def _kid_count(self, parent: DestinationNode) -> int:
        if self._needle:
            if parent is not self._tree.root and parent not in self._shown:
                return 0
            return len(self._kids_for(parent))
        return self._count.get(parent, 0)

    def _kid(self, parent: DestinationNode, row: int) -> DestinationNode:
        if self._needle:
            return self._kids_for(parent)[row]
        return parent.children[row]

    # -- publish ---------------------------------------------------------------------------

    def _tick(self) -> None:
        self.flush()
        if not self._tree.has_changes:
            self._timer.stop()

    def flush(self) -> None:
        """Publish new nodes and changed counters now. Tests call this directly."""
        changes = self._tree.take_changes()
        if not changes:
            return
        self._note_flashes(changes.counted)
        additions = self._visible_additions(changes.new_nodes)
        if len(additions) > RESET_THRESHOLD:
            self.beginResetModel()
            self._rebuild()
            self.endResetModel()
            self.flushed.emit(len(additions), 0)
            return
        self._insert(additions)
        updated = self._emit_changed(changes.dirty)
        self.flushed.emit(len(additions), updated)

    def _note_flashes(self, counted: set[DestinationNode]) -> None:
        """Remember when nodes (and their folders) got a message; forget faded ones."""
        now = self.clock()
        flash = self._flash
        if flash:
            faded = [node for node, when in flash.items() if now - when >= FLASH_SECONDS]
            for node in faded:
                del flash[node]
        root = self._tree.root
        for node in counted:
            current: DestinationNode | None = node
            while current is not None and current is not root and flash.get(current) != now:
                flash[current] = now
                current = current.parent

    def flash_strength(self, node: DestinationNode) -> float:
        """1.0 just after a message, fading to 0.0 over FLASH_SECONDS."""
        when = self._flash.get(node)
        if when is None:
            return 0.0
        return max(0.0, 1.0 - (self.clock() - when) / FLASH_SECONDS)

    def _visible_additions(self, new_nodes: list[DestinationNode]) -> list[DestinationNode]:
        """New nodes to show, plus hidden ancestors a filter match needs, top-down."""
        if not self._needle:
            return new_nodes
        needle = self._needle
        root = self._tree.root
        additions: list[DestinationNode] = []
        planned: set[DestinationNode] = set()
        for node in new_nodes:
            if needle not in node.path.lower():
                continue
            chain: list[DestinationNode] = []
            current: DestinationNode | None = node
            while current is not None and current is not root:
                if current in planned or self._row_of(current) is not None:
                    break
                chain.append(current)
                current = current.parent
            for item in reversed(chain):
                planned.add(item)
                additions.append(item)
        return additions

    def _insert(self, additions: list[DestinationNode]) -> None:
        groups: dict[DestinationNode, list[DestinationNode]] = {}
        for node in additions:
            parent = node.parent
            assert parent is not None
            groups.setdefault(parent, []).append(node)
        filtered = bool(self._needle)
        for parent, nodes in groups.items():
            first = self._kid_count(parent)
            self.beginInsertRows(self._index_for(parent), first, first + len(nodes) - 1)
            if filtered:
                kids = self._kids_for(parent)  # made before the new ones are shown
                for offset, node in enumerate(nodes):
                    kids.append(node)
                    self._row[node] = first + offset
                    self._shown.add(node)
            else:  # new children are appended to the parent's list: rows are theirs
                self._count[parent] = first + len(nodes)
            self.endInsertRows()

    def _emit_changed(self, dirty: Iterable[DestinationNode]) -> int:
        spans: dict[DestinationNode, tuple[int, int]] = {}
        updated = 0
        for node in dirty:
            row = self._row_of(node)
            if row is None:
                continue
            parent = node.parent
            assert parent is not None
            span = spans.get(parent)
            spans[parent] = (row, row) if span is None else (min(span[0], row), max(span[1], row))
            updated += 1
        last = self.COLUMN_COUNT - 1
        shows = self.shows_children
        root = self._tree.root
        for parent, (first_row, last_row) in spans.items():
            if shows is not None and parent is not root and not shows(parent):
                continue
            self.dataChanged.emit(
                self.createIndex(first_row, 0, self._kid(parent, first_row)),
                self.createIndex(last_row, last, self._kid(parent, last_row)),
            )
        return updated

    def _index_for(self, node: DestinationNode) -> QModelIndex:
        if node is self._tree.root:
            return QModelIndex()
        row = self._row_of(node)
        assert row is not None, "a parent is published before its children"
        return self.createIndex(row, 0, node)

    def _rebuild(self) -> None:
        """Recompute the visible structure from the tree (inside a reset or at start)."""
        tree = self._tree
        tree.take_changes()  # everything becomes published now
        self._count, self._shown, self._kids, self._row = {}, set(), {}, {}
        if self._needle:
            self._shown = tree.matching(self._needle)
            return
        root = tree.root
        self._count = {node: len(node.children) for node in tree.folders()}
        self._count[root] = len(root.children)

    # -- filtering -------------------------------------------------------------------------

    @property
    def counts_known(self) -> set[str]:
        """Count names (depth, consumers, ...) some source reported (see the tree)."""
        return self._tree.counts_known

    @property
    def filter_text(self) -> str:
        return self._needle

    @property
    def visible_count(self) -> int:
        """Nodes the model shows now (all published nodes, or the filter's matches and their
        ancestors). A view should `expandAll()` only when this is small: QTreeView needs
        about a second to expand 50,000 nodes."""
        if self._needle:
            return len(self._shown)
        return sum(self._count.values())

    def set_filter(self, text: str) -> None:
        """Show nodes whose path contains `text` (case-insensitive) and their ancestors."""
        needle = text.strip().lower()
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        self._rebuild()
        self.endResetModel()

    # -- Qt model API ----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= self.COLUMN_COUNT or row < 0:
            return QModelIndex()
        parent_node = self._tree.root if not parent.isValid() else parent.internalPointer()
        if row >= self._kid_count(parent_node):
            return QModelIndex()
        return self.createIndex(row, column, self._kid(parent_node, row))

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: ModelIndex) -> QModelIndex: ...
    def parent(self, child: ModelIndex | None = None) -> QObject | QModelIndex | None:
        if child is None:
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        node: DestinationNode = child.internalPointer()
        parent = node.parent
        if parent is None or parent is self._tree.root:
            return QModelIndex()
        return self._index_for(parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self._kid_count(self._tree.root)
        if parent.column() != 0:
            return 0
        node: DestinationNode = parent.internalPointer()
        return self._kid_count(node)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMN_COUNT

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                _tr("Destination"),
                _tr("Rate (/s)"),
                _tr("Last seen"),
                _tr("Depth"),
                _tr("Consumers"),
                _tr("Sources"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                _tr("Destination; the badges count messages received (↓) and sent (↑)"),
                _tr("Messages per second over the last 5 s, received and sent"),
                _tr("When the newest message arrived or left"),
                _tr("Messages waiting in the queue, as discovery reports it"),
                _tr("Consumers of the destination, as discovery reports it"),
                _tr("Who lists this destination: discovery, your traffic, reply-to headers"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self._NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: DestinationNode = index.internalPointer()
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == self.NodeRole:
            return node
        if role == self.DestinationRole:
            return node.path
        if role == self.IsDestinationRole:
            return node.is_destination
        if role == self.InCountRole:
            return node.total_in
        if role == self.OutCountRole:
            return node.total_out
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._flash_brush(node)
        if role == self.SourcesRole:
            return {
                name: {
                    "depth": info.depth,
                    "consumers": info.consumers,
                    "enqueued": info.enqueued,
                    "dequeued": info.dequeued,
                    "gone": info.gone,
                }
                for name, info in node.sources.items()
            }
        if role == Qt.ItemDataRole.ToolTipRole:
            return node_tooltip(node)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == self.NAME and node.gone:
            return self._gone_font
        return None

    def _flash_brush(self, node: DestinationNode) -> QColor | None:
        if not self._flash:
            return None
        strength = self.flash_strength(node)
        if strength <= 0.0:
            return None
        colour = QColor(self.flash_colour)
        colour.setAlpha(round(70 * strength))
        return colour

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _display(self, node: DestinationNode, column: int) -> str:
        if column == self.NAME:
            return node.name
        if column in (self.DEPTH, self.CONSUMERS):
            value = node.count("depth" if column == self.DEPTH else "consumers")
            return "" if value is None else f"{value:,}"
        if column == self.RATE:
            rate = self._tree.rate(node)
            return f"{rate:.1f}" if rate else ""
        if column == self.LAST_SEEN:
            if node.last_seen is None:
                return ""
            return time.strftime("%H:%M:%S", time.localtime(node.last_seen))
        # depth and consumers have their columns
        return ", ".join(source_words(name) for name in sorted(node.sources))
