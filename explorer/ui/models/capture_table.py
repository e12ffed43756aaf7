"""A capture's messages as a Qt table that reads pages from disk on demand.

A capture may hold millions of messages; the model never loads them all. It knows only
which sequence numbers it shows: every message of the capture (seq = first + row, the
capture's numbers are contiguous) or a search result (an array of seq, 8 bytes a row). When
the view paints a row, the model reads that row's page (`page_size` rows, one indexed query
on the capture's own read-only connection, a few milliseconds) and keeps the last
`max_pages` pages. `fetched_rows` counts what was read, so tests can check that opening
and scrolling read only what was shown.

Rows read as the live log's do (`explorer.ui.models.message_table`), with a Seq column in
front and the date in the Time column (a capture spans days).
"""

from __future__ import annotations

import array
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

from explorer.capture import Capture, CaptureError, CaptureRecord
from explorer.store import LogEntry
from explorer.ui.icons import icon
from explorer.ui.models.message_table import destination_text, direction_text, size_text

ModelIndex = QModelIndex | QPersistentModelIndex

PAGE_SIZE: Final = 128
MAX_PAGES: Final = 48
PREVIEW_BYTES: Final = 4096
"""Of each body, the rows read only this much (preview, tooltip); a row's whole message is
read when it is selected (`entry_at`). So a page of 10 MB bodies reads 0.5 MB, not 1.3 GB."""
_TOOLTIP_HEADERS: Final = 20
_TOOLTIP_CHARS: Final = 600


@dataclass(frozen=True, slots=True)
class _Row:
    """One fetched row: the entry (for the detail pane and tooltips) and its cell texts."""

    seq: int
    entry: LogEntry | None  # None: the message was evicted since the capture was opened
    texts: tuple[str, str, str, str, str, str, str]


def when_text(timestamp: float, with_date: bool = True) -> str:
    """Local time with milliseconds, after the date unless told: "2026-11-30 09:15:02.123"."""
    seconds = int(timestamp)
    millis = int((timestamp - seconds) * 1000)
    shape = "%Y-%m-%d %H:%M:%S" if with_date else "%H:%M:%S"
    return f"{time.strftime(shape, time.localtime(seconds))}.{millis:03d}"


def one_day(span: tuple[float, float] | None) -> bool:
    """True when the span lies within one local calendar day."""
    if span is None:
        return True
    first, last = (time.localtime(int(t))[:3] for t in span)
    return first == last


def entry_of(record: CaptureRecord) -> LogEntry:
    """The record as a log entry carrying its capture seq (for the message pane)."""
    return LogEntry(
        record.direction,
        record.command,
        record.headers,
        record.body,
        destination=record.destination,
        timestamp=record.received,
        seq=record.seq,
    )


class CaptureTableModel(QAbstractTableModel):
    """Rows of a `Capture`, oldest first: all of them, or the seqs of a search result.

    Roles: `DisplayRole`, `ToolTipRole`, `DecorationRole` (direction arrow),
    `TextAlignmentRole`, `EntryRole` (a preview `LogEntry`: seq = the capture's, the body cut
    to `PREVIEW_BYTES`; `entry_at(row)` reads the whole message) and `SeqRole`.
    """

    EntryRole: Final = int(Qt.ItemDataRole.UserRole) + 1
    SeqRole: Final = int(Qt.ItemDataRole.UserRole) + 2

    SEQ, TIME, DIRECTION, DESTINATION, SIZE, CONTENT_TYPE, PREVIEW = range(7)
    COLUMN_COUNT: Final = 7

    def __init__(
        self,
        capture: Capture,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ) -> None:
        super().__init__(parent)
        self.capture = capture
        self.page_size = page_size
        self.max_pages = max_pages
        self._first = 1
        self._total = 0
        self._seqs: array.array[int] | None = None
        self._pages: OrderedDict[int, list[_Row]] = OrderedDict()
        self.fetched_rows = 0
        """Rows read from the file so far (every page fetch adds its rows)."""
        self.read_error: CaptureError | None = None
        """The last error reading a page (the rows show as unreadable), None when fine."""
        self._icons: dict[bool, QIcon] = {}
        self.with_date = True
        """The Time column shows the date too (a capture over several days)."""
        self._read_bounds()

    # -- what is shown ---------------------------------------------------------------------

    def _read_bounds(self) -> None:
        self.with_date = not one_day(self.capture.time_range())
        bounds = self.capture.bounds()
        if bounds is None:
            self._first, self._total = 1, 0
        else:
            self._first, self._total = bounds[0], bounds[1] - bounds[0] + 1

    @property
    def total(self) -> int:
        """Messages in the capture (as of opening or the last `reload`)."""
        return self._total

    @property
    def is_search_result(self) -> bool:
        return self._seqs is not None

    @property
    def cached_rows(self) -> int:
        """Rows held in memory now (at most `page_size * max_pages`)."""
        return sum(len(rows) for rows in self._pages.values())

    def reload(self) -> None:
        """Read the capture's bounds again (a capture still being recorded grows) and show
        every message."""
        self.beginResetModel()
        self._read_bounds()
        self._seqs = None
        self._pages.clear()
        self.endResetModel()

    def show_all(self) -> None:
        """Every message of the capture."""
        if self._seqs is None:
            return
        self.beginResetModel()
        self._seqs = None
        self._pages.clear()
        self.endResetModel()

    def show_seqs(self, seqs: array.array[int]) -> None:
        """Only these messages (ascending sequence numbers, e.g. `Capture.search`'s)."""
        self.beginResetModel()
        self._seqs = seqs
        self._pages.clear()
        self.endResetModel()

    def shown_seqs(self) -> array.array[int] | None:
        """The sequence numbers shown (a search result), or None for every message."""
        return self._seqs

    def seq_at(self, row: int) -> int:
        """The sequence number shown at `row` (IndexError outside the rows)."""
        if not 0 <= row < self.rowCount():
            raise IndexError(row)
        seqs = self._seqs
        return seqs[row] if seqs is not None else self._first + row

    def row_of_seq(self, seq: int) -> int | None:
        """The row showing `seq`, or None when it is not shown."""
        seqs = self._seqs
        if seqs is None:
            row = seq - self._first
            return row if 0 <= row < self._total else None
        low, high = 0, len(seqs)
        while low < high:  # bisect over the array without copying it
            mid = (low + high) // 2
            if seqs[mid] < seq:
                low = mid + 1
            else:
                high = mid
        return low if low < len(seqs) and seqs[low] == seq else None

    def entry_at(self, row: int) -> LogEntry | None:
        """The message at `row` read whole from the file (None if it was evicted)."""
        record = self.capture.get(self.seq_at(row))
        return entry_of(record) if record is not None else None

    # -- pages -------------------------------------------------------------------------------

    def _row(self, row: int) -> _Row:
        number = row // self.page_size
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
        else:
            self._pages.move_to_end(number)
        return page[row - number * self.page_size]

    def _fetch(self, number: int) -> list[_Row]:
        start = number * self.page_size
        stop = min(start + self.page_size, self.rowCount())
        seqs = [self.seq_at(row) for row in range(start, stop)]
        try:
            if self._seqs is None:
                records = self.capture.page(
                    after=seqs[0] - 1, limit=len(seqs), body_limit=PREVIEW_BYTES
                )
            else:
                records = self.capture.records(seqs, body_limit=PREVIEW_BYTES)
        except CaptureError as exc:
            self.read_error = exc
            records = []
        by_seq = {record.seq: record for record in records}
        rows = [_make_row(seq, by_seq.get(seq), self.with_date) for seq in seqs]
        self.fetched_rows += len(records)
        self._pages[number] = rows
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        return rows

    def _direction_icon(self, outgoing: bool) -> QIcon:
        found = self._icons.get(outgoing)
        if found is None:
            found = self._icons[outgoing] = icon("arrow-out" if outgoing else "arrow-in")
        return found

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._seqs) if self._seqs is not None else self._total

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _column_titles()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (self.SEQ, self.SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row(index.row()).texts[column]
        if role == self.SeqRole:
            return self.seq_at(index.row())
        if role == self.EntryRole:
            return self._row(index.row()).entry
        if role == Qt.ItemDataRole.DecorationRole and column == self.DIRECTION:
            entry = self._row(index.row()).entry
            return None if entry is None else self._direction_icon(entry.direction == "out")
        if role == Qt.ItemDataRole.ToolTipRole:
            entry = self._row(index.row()).entry
            if entry is None:
                return QCoreApplication.translate(
                    "CaptureTableModel", "This message was evicted by the capture's caps."
                )
            if column == self.DIRECTION:
                return (
                    QCoreApplication.translate("CaptureTableModel", "Sent")
                    if entry.direction == "out"
                    else QCoreApplication.translate("CaptureTableModel", "Received")
                )
            return _tooltip(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.SEQ, self.SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def _column_titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("CaptureTableModel", "#"),
        QCoreApplication.translate("CaptureTableModel", "Time"),
        QCoreApplication.translate("CaptureTableModel", "Direction"),
        QCoreApplication.translate("CaptureTableModel", "Destination"),
        QCoreApplication.translate("CaptureTableModel", "Size"),
        QCoreApplication.translate("CaptureTableModel", "Content type"),
        QCoreApplication.translate("CaptureTableModel", "Preview"),
    )


def _make_row(seq: int, record: CaptureRecord | None, with_date: bool = True) -> _Row:
    if record is None:
        return _Row(
            seq,
            None,
            (
                f"{seq:,}",
                "",
                "",
                QCoreApplication.translate("CaptureTableModel", "(evicted)"),
                "",
                "",
                "",
            ),
        )
    entry = entry_of(record)
    texts = (
        f"{seq:,}",
        when_text(record.received, with_date),
        direction_text(entry),
        destination_text(record.destination),
        size_text(record.size),
        entry.content_type,
        entry.preview,
    )
    return _Row(seq, entry, texts)


def _tooltip(entry: LogEntry) -> str:
    lines = [f"#{entry.seq} {entry.command} {entry.destination}".rstrip()]
    headers = entry.headers
    lines.extend(f"{name}:{value}" for name, value in headers[:_TOOLTIP_HEADERS])
    if len(headers) > _TOOLTIP_HEADERS:
        more = len(headers) - _TOOLTIP_HEADERS
        lines.append(
            QCoreApplication.translate("CaptureTableModel", "… {count} more header(s)").format(
                count=more
            )
        )
    if entry.body:
        lines.append("")
        if entry.is_text:
            lines.append(str(entry.body_view()[: _TOOLTIP_CHARS * 4], "utf-8", "ignore")[:600])
        else:
            lines.append(entry.preview)
    return "\n".join(lines)
