"""The traffic inspector: every frame and heart-beat in and out, byte-exact, per connection.

The client's wire tap calls `TrafficModel.record` synchronously for each record; that only
appends to a pending list. A timer publishes the pending records in one insert (and one
eviction range when the cap is hit), the same batching as the message log, so a busy
connection costs one model update per tick instead of one per frame.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.ui.body_format import hex_dump, human_size, visible_bytes
from explorer.ui.icons import icon
from explorer.ui.message_detail import monospace_font

MAX_ROWS = 20_000
FLUSH_MS = 100
_PREVIEW = 160
# Defence in depth: the client already redacts, but nothing that looks like a passcode header
# in a CONNECT/STOMP frame may ever be displayed.
_PASSCODE = re.compile(rb"^(passcode:)[^\r\n]*", re.MULTILINE)

Index = QModelIndex | QPersistentModelIndex


def redact(data: bytes) -> bytes:
    """CONNECT/STOMP frames with their passcode header value replaced by ***."""
    if data.startswith((b"CONNECT", b"STOMP")) and b"passcode:" in data:
        return _PASSCODE.sub(rb"\1***", data)
    return data


@dataclass(frozen=True, slots=True)
class TrafficRecord:
    """One wire record as shown: wall-clock time, direction, redacted bytes."""

    wall_time: float
    outbound: bool
    data: bytes
    heartbeat: bool

    @property
    def command(self) -> str:
        if self.heartbeat:
            return "♥"
        end = self.data.find(b"\n")
        return self.data[: end if end >= 0 else 20].strip(b"\r\n").decode("ascii", "replace")


class TrafficModel(QAbstractTableModel):
    """Time, direction, command, size and the visible bytes of each record."""

    COLUMNS = 5

    def __init__(self, parent: QObject | None = None, max_rows: int = MAX_ROWS) -> None:
        super().__init__(parent)
        self._rows: list[TrafficRecord] = []
        self._pending: list[TrafficRecord] = []
        self._max_rows = max_rows
        self.evicted = 0
        self.paused = False
        # wall clock = monotonic timestamp + offset (the tap uses time.monotonic()).
        self._offset = time.time() - time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)

    def record(self, timestamp: float, outbound: bool, data: bytes, heartbeat: bool) -> None:
        """Take one wire record (called from the wire tap: O(1), no Qt calls but a timer)."""
        self._pending.append(
            TrafficRecord(timestamp + self._offset, outbound, redact(data), heartbeat)
        )
        if len(self._pending) > self._max_rows:
            dropped = len(self._pending) - self._max_rows
            del self._pending[:dropped]
            self.evicted += dropped
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Publish pending records: one remove range for evictions, one insert range."""
        if self.paused or not self._pending:
            self._timer.stop()
            return
        batch, self._pending = self._pending, []
        root = QModelIndex()
        overflow = len(self._rows) + len(batch) - self._max_rows
        if overflow > 0:
            drop = min(overflow, len(self._rows))
            if drop:
                self.beginRemoveRows(root, 0, drop - 1)
                del self._rows[:drop]
                self.endRemoveRows()
                self.evicted += drop
            if len(batch) > self._max_rows:
                self.evicted += len(batch) - self._max_rows
                batch = batch[-self._max_rows :]
        first = len(self._rows)
        self.beginInsertRows(root, first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._pending.clear()
        self.endResetModel()

    def row_record(self, row: int) -> TrafficRecord:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return datetime.fromtimestamp(rec.wall_time).strftime("%H:%M:%S.%f")[:-3]
            if column == 1:
                return "→" if rec.outbound else "←"
            if column == 2:
                return rec.command
            if column == 3:
                return str(len(rec.data))
            text = visible_bytes(rec.data[:_PREVIEW]).replace("↵\n", "↵")
            return text + ("…" if len(rec.data) > _PREVIEW else "")
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return self.tr("sent") if rec.outbound else self.tr("received")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Time"),
                self.tr("Dir"),
                self.tr("Frame"),
                self.tr("Bytes"),
                self.tr("Wire bytes (␀ = NUL, ↵ = LF)"),
            )[section]
        return None


class TrafficView(QWidget):
    """The inspector tab: the record table plus the selected record in full (text and hex)."""

    def __init__(self, model: TrafficModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trafficInspector")
        self.model = model
        self.table = QTableView()
        self.table.setObjectName("trafficView")
        self.table.setModel(model)
        self.table.setProperty("monospace", True)
        self.table.setToolTip(self.tr("Every frame and heart-beat on the wire; passcodes as ***"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((0, 100), (1, 36), (2, 110), (3, 64)):
            header.resizeSection(column, width)
        self.table.setFont(monospace_font())
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        model.rowsInserted.connect(self._after_insert)
        model.rowsAboutToBeInserted.connect(self._before_insert)
        self._at_bottom = True

        self.detail = QPlainTextEdit()
        self.detail.setObjectName("trafficDetail")
        self.detail.setReadOnly(True)
        self.detail.setFont(monospace_font())
        self.detail.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.detail.setToolTip(self.tr("The selected record, byte-exact, then as hex"))

        self.heartbeats = QCheckBox(self.tr("Heart-beats"))
        self.heartbeats.setChecked(True)
        self.heartbeats.setToolTip(self.tr("Show heart-beat records"))
        self.heartbeats.toggled.connect(self._filter_heartbeats)
        self.count = QLabel()
        self.count.setProperty("hint", True)
        clear = QPushButton(icon("clear"), self.tr("Clear"))
        clear.setToolTip(self.tr("Forget the records shown so far"))
        clear.clicked.connect(model.clear)
        bar = QHBoxLayout()
        bar.addWidget(self.heartbeats)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(clear)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def _before_insert(self) -> None:
        bar = self.table.verticalScrollBar()
        self._at_bottom = bar.value() >= bar.maximum() - 2

    def _after_insert(self, _parent: QModelIndex, first: int, last: int) -> None:
        if not self.heartbeats.isChecked():
            for row in range(first, last + 1):
                if self.model.row_record(row).heartbeat:
                    self.table.setRowHidden(row, True)
        if self._at_bottom:
            self.table.scrollToBottom()
        self.count.setText(self.tr("{count} records").format(count=self.model.rowCount()))

    def _filter_heartbeats(self, show: bool) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_record(row).heartbeat:
                self.table.setRowHidden(row, not show)

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        rec = self.model.row_record(current.row())
        self.detail.setPlainText(
            visible_bytes(rec.data) + "\n\n" + human_size(len(rec.data)) + "\n" + hex_dump(rec.data)
        )
