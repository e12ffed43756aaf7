"""The traffic inspector's rows: every frame and heart-beat in and out, byte-exact.

The session hands over the client's wire records (`add_records`, or `record` for one); that
only appends to a pending list. A timer publishes the pending records in one insert (and one
eviction range when the cap is hit), the same batching as the message log, so a busy
connection costs one model update per tick instead of one per frame.

Rows are kept as plain tuples of the record's fields (a `TrafficRecord` is made when one is
read): Python's garbage collector stops tracking a tuple of plain values, while 20,000
records that each live a second would be promoted to the oldest generation and make it
collect everything again and again (full collections stalled a flooded window for 200 ms).

A frame the parser read only by tolerating a deviation from the specification (lenient
mode: `Frame.violations`) is a marked row: a warning icon, a tint, and the rule and byte
offset in the Problem column, so a broken server's traffic can be read, not just refused.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor

from explorer.client import WireRecord
from explorer.session.heartbeats import HeartbeatTimeline
from explorer.stomp import Direction, Violation
from explorer.ui.body_format import visible_bytes
from explorer.ui.icons import icon
from explorer.ui.messages import describe_violation

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


class TrafficRecord(NamedTuple):
    """One wire record as shown: wall-clock time, direction, redacted bytes (a named tuple:
    one is made each time a row is read, so making one must be cheap)."""

    wall_time: float
    outbound: bool
    data: bytes
    heartbeat: bool
    violations: tuple[Violation, ...] = ()

    @property
    def problem(self) -> str:
        """The rules this record broke and where: "body-not-allowed @ 118"."""
        return ", ".join(f"{v.rule} @ {v.offset}" for v in self.violations)

    @property
    def command(self) -> str:
        if self.heartbeat:
            return "♥"
        end = self.data.find(b"\n")
        return self.data[: end if end >= 0 else 20].strip(b"\r\n").decode("ascii", "replace")


_Row = tuple[float, bool, bytes, bool, tuple[Violation, ...]]
"""A TrafficRecord's fields, in its order."""

# A warm tint that reads on the light and the dark palette alike.
_PROBLEM_TINT = QColor(255, 160, 0, 56)


class TrafficModel(QAbstractTableModel):
    """Time, direction, command, size, problems and the visible bytes of each record."""

    TIME, DIRECTION, FRAME, BYTES, PROBLEM, WIRE = range(6)
    COLUMNS = 6

    def __init__(self, parent: QObject | None = None, max_rows: int = MAX_ROWS) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._pending: list[_Row] = []
        self._max_rows = max_rows
        self.evicted = 0
        self.problems = 0  # shown rows with violations
        self.paused = False
        # The heart-beat panel's data, fed with the same records (GUI-free, drawn by
        # explorer.ui.heartbeat_view).
        self.heartbeats = HeartbeatTimeline()
        # wall clock = monotonic timestamp + offset (the tap uses time.monotonic()).
        self._offset = time.time() - time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)

    def add_records(self, records: Iterable[WireRecord]) -> None:
        """Take a batch of the client's wire records, with the violations of their frames
        (one pass without a call per record: a flooded connection hands over thousands)."""
        records = list(records)
        self.heartbeats.feed(records)
        offset, out = self._offset, Direction.OUT
        self._pending.extend(
            (
                r.timestamp + offset,
                r.direction is out,
                redact(r.data),
                r.is_heartbeat,  # a SockJS record (Layer.SOCKJS) is not a STOMP heart-beat
                r.frame.violations if r.frame is not None else (),
            )
            for r in records
        )
        self._queued()

    def record(
        self,
        timestamp: float,
        outbound: bool,
        data: bytes,
        heartbeat: bool,
        violations: tuple[Violation, ...] = (),
    ) -> None:
        """Take one wire record (O(1), no Qt calls but a timer)."""
        self._pending.append(
            (timestamp + self._offset, outbound, redact(data), heartbeat, violations)
        )
        self._queued()

    def _queued(self) -> None:
        """Keep at most a table's worth pending (a long pause) and publish on the timer."""
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
                self.problems -= sum(1 for r in self._rows[:drop] if r[4])
                del self._rows[:drop]
                self.endRemoveRows()
                self.evicted += drop
            if len(batch) > self._max_rows:
                self.evicted += len(batch) - self._max_rows
                batch = batch[-self._max_rows :]
        first = len(self._rows)
        self.beginInsertRows(root, first, first + len(batch) - 1)
        self.problems += sum(1 for r in batch if r[4])
        self._rows.extend(batch)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._pending.clear()
        self.problems = 0
        self.heartbeats.clear()
        self.endResetModel()

    def row_record(self, row: int) -> TrafficRecord:
        return TrafficRecord._make(self._rows[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = TrafficRecord._make(self._rows[index.row()])
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return datetime.fromtimestamp(rec.wall_time).strftime("%H:%M:%S.%f")[:-3]
            if column == self.DIRECTION:
                return "→" if rec.outbound else "←"
            if column == self.FRAME:
                return rec.command
            if column == self.BYTES:
                return str(len(rec.data))
            if column == self.PROBLEM:
                return rec.problem
            text = visible_bytes(rec.data[:_PREVIEW]).replace("↵\n", "↵")
            return text + ("…" if len(rec.data) > _PREVIEW else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if rec.violations:
                return "\n".join(describe_violation(v) for v in rec.violations)
            if column == self.DIRECTION:
                return self.tr("sent") if rec.outbound else self.tr("received")
            return None
        if rec.violations:
            if role == Qt.ItemDataRole.BackgroundRole:
                return _PROBLEM_TINT
            if role == Qt.ItemDataRole.DecorationRole and column == self.FRAME:
                return icon("warning")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.BYTES:
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
                self.tr("Problem"),
                self.tr("Wire bytes (␀ = NUL, ↵ = LF)"),
            )[section]
        return None
