"""`destinationHistory`: the recent messages of the node selected in the tree.

MQTT Explorer answers "what is on this topic?" with the topic's last value and its history;
this panel does that for a STOMP destination, from the session's per-destination ring
(`explorer.store.history`): newest first, in and out, time, size and a preview. Selecting a
row shows the message in the message pane and, with "Diff with previous" on, compares it
with the message before it on the same destination (`messageDiff`, below the list).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.store import IN, LogEntry
from explorer.store.history import DestinationHistory
from explorer.ui.icons import icon
from explorer.ui.message_diff import MessageDiff

REFRESH_MS = 500
ENTRY_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class HistoryPanel(QWidget):
    """The selected destination's ring, newest first, with a diff below it."""

    entry_selected = Signal(object)  # LogEntry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("destinationHistory")
        self.history: DestinationHistory | None = None
        self.destination = ""
        self._generation = -1

        self.title = QLabel()
        self.title.setObjectName("historyTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diff_button = QToolButton()
        self.diff_button.setObjectName("diffWithPrevious")
        self.diff_button.setIcon(icon("diff"))
        self.diff_button.setText(self.tr("Diff with previous"))
        self.diff_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.diff_button.setCheckable(True)
        self.diff_button.setToolTip(
            self.tr(
                "Compare the selected message with the one before it on this destination "
                "(headers and body, JSON aware)"
            )
        )
        self.diff_button.toggled.connect(self._diff_toggled)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.diff_button)

        self.rows = QTreeWidget()
        self.rows.setObjectName("historyList")
        self.rows.setRootIsDecorated(False)
        self.rows.setUniformRowHeights(True)
        self.rows.setAlternatingRowColors(True)
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows.setHeaderLabels([self.tr("Time"), "", self.tr("Size"), self.tr("Preview")])
        self.rows.setToolTip(self.tr("Recent messages of the selected destination, newest first"))
        header = self.rows.header()
        header.setStretchLastSection(True)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.rows.currentItemChanged.connect(lambda item, _old: self._picked(item))
        self.empty = QLabel()
        self.empty.setObjectName("historyEmpty")
        self.empty.setProperty("hint", True)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A note may shrink to nothing: the dock must not make the window taller.
        self.empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)

        self.diff = MessageDiff()
        self.diff.hide()
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.rows)
        self.split.addWidget(self.diff)
        self.split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.split, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.show_destination(None, "")

    # -- what the window calls ---------------------------------------------------------------

    def show_destination(self, history: DestinationHistory | None, destination: str) -> None:
        """Follow `destination` of `history` (None or "": nothing selected)."""
        self.history = history
        self.destination = destination
        self._generation = -1
        self.rows.clear()
        self.diff.clear()
        self.refresh()

    def entries(self) -> list[LogEntry]:
        """The rows, newest first."""
        return [item.data(0, ENTRY_ROLE) for item in self._items()]

    def _items(self) -> list[QTreeWidgetItem]:
        rows = self.rows
        return [item for i in range(rows.topLevelItemCount()) if (item := rows.topLevelItem(i))]

    def select_entry(self, entry: LogEntry) -> bool:
        for item in self._items():
            if item.data(0, ENTRY_ROLE) == entry:
                self.rows.setCurrentItem(item)
                return True
        return False

    def refresh(self) -> None:
        """Rebuild the rows when the ring changed (polled: cheap, at most 100 rows)."""
        history = self.history
        if history is None or not self.destination:
            self._set_empty(self.tr("Select a destination in the tree to see its messages."))
            return
        if history.generation == self._generation:
            return
        self._generation = history.generation
        entries = history.entries(self.destination)
        if not entries:
            self._set_empty(
                self.tr(
                    "No messages on {destination} yet. Subscribe to it (right-click it in "
                    "the tree) or send one."
                ).format(destination=self.destination)
            )
            return
        self.title.setText(
            self.tr("{destination} · {count} recent message(s)").format(
                destination=self.destination, count=len(entries)
            )
        )
        self.empty.hide()
        self.split.show()
        current = self.rows.currentItem()
        selected = current.data(0, ENTRY_ROLE) if current is not None else None
        self.rows.setUpdatesEnabled(False)
        self.rows.blockSignals(True)
        self.rows.clear()
        items = [self._item(entry) for entry in reversed(entries)]
        self.rows.addTopLevelItems(items)
        if selected is not None:
            for item in items:
                if item.data(0, ENTRY_ROLE) == selected:
                    self.rows.setCurrentItem(item)
                    break
        self.rows.blockSignals(False)
        self.rows.setUpdatesEnabled(True)

    # -- internals ---------------------------------------------------------------------------

    def _set_empty(self, text: str) -> None:
        self.title.setText(self.destination or self.tr("History"))
        self.empty.setText(text)
        self.empty.show()
        self.split.hide()

    def _item(self, entry: LogEntry) -> QTreeWidgetItem:
        stamp = time.strftime("%H:%M:%S", time.localtime(entry.timestamp))
        millis = int(entry.timestamp * 1000) % 1000
        received = entry.direction == IN
        item = QTreeWidgetItem([f"{stamp}.{millis:03d}", "", f"{entry.size:,} B", entry.preview])
        item.setIcon(1, icon("arrow-in" if received else "arrow-out"))  # as in the log
        item.setToolTip(1, self.tr("received") if received else self.tr("sent"))
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(0, ENTRY_ROLE, entry)
        return item

    def _picked(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        entry: LogEntry = item.data(0, ENTRY_ROLE)
        self.entry_selected.emit(entry)
        if self.diff_button.isChecked():
            self._show_diff(entry)

    def _diff_toggled(self, on: bool) -> None:
        self.diff.setVisible(on)
        item = self.rows.currentItem()
        items = self._items()
        if on and item is None and items:
            self.rows.setCurrentItem(items[0])
        elif on and item is not None:
            self._show_diff(item.data(0, ENTRY_ROLE))

    def _show_diff(self, entry: LogEntry) -> None:
        history = self.history
        if history is None:
            return
        self.diff.show_diff(history.previous(self.destination, entry), entry)
