"""The traffic inspector's rows: every frame and heart-beat in and out, byte-exact.

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

from explorer.ui.body_format import visible_bytes

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
