"""The library's tree: collections with their messages, filtered by a search text.

The library is small (hundreds of messages, not millions), so the tree is rebuilt from it on
every change, keeping the selection and which collections the user closed.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from explorer.library import Library, LibraryMessage
from explorer.ui.icons import icon

_KIND = Qt.ItemDataRole.UserRole  # ("collection", name) or ("message", collection, name)


class LibraryTree(QTreeWidget):
    """Collections (bold, with a count) and their messages (name, destinations)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryTree")
        self.setHeaderLabels([self.tr("Name"), self.tr("Destination")])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header().setStretchLastSection(True)
        self.header().resizeSection(0, 180)

    def collections(self) -> Iterator[QTreeWidgetItem]:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None:
                yield item

    def show_library(self, library: Library, text: str = "") -> None:
        """Rebuild from `library`, only what matches `text` when given."""
        selected = self.selected()
        closed = {item.text(0) for item in self.collections() if not item.isExpanded()}
        if text:
            found: dict[str, list[LibraryMessage]] = {}
            for collection, message in library.search(text):
                found.setdefault(collection.name, []).append(message)
            shown = list(found.items())
        else:
            shown = [(c.name, list(c.messages)) for c in library.collections]
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for name, messages in shown:
            if len(messages) == 1:
                count = self.tr("1 message")
            else:
                count = self.tr("{count} messages").format(count=len(messages))
            top = QTreeWidgetItem([name, count])
            top.setData(0, _KIND, ("collection", name))
            top.setFont(0, bold)
            top.setIcon(0, icon("file"))
            for message in messages:
                destinations = ", ".join(message.destinations)
                item = QTreeWidgetItem(top, [message.name, destinations])
                item.setData(0, _KIND, ("message", name, message.name))
                item.setToolTip(0, message.name)
                item.setToolTip(1, destinations)
            self.addTopLevelItem(top)
            top.setExpanded(bool(text) or name not in closed)
        if selected is not None:
            self.select(*selected)

    def selected(self) -> tuple[str, str | None] | None:
        """(collection, message name or None for the collection itself)."""
        items = self.selectedItems()
        if not items:
            return None
        kind = items[0].data(0, _KIND)
        return (kind[1], kind[2]) if kind[0] == "message" else (kind[1], None)

    def select(self, collection: str, message: str | None = None) -> bool:
        for top in self.collections():
            if top.text(0) != collection:
                continue
            if message is None:
                self.setCurrentItem(top)
                return True
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.text(0) == message:
                    top.setExpanded(True)
                    self.setCurrentItem(child)
                    return True
        return False
