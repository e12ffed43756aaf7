"""The message log as a Qt table, published in batches so high message rates stay smooth.

`append()` only queues (O(1)); a single-shot `QTimer` (started only while something is
pending) calls `flush()`, which announces at most one removal range (evictions at the top) and
one insertion range (new rows at the bottom), or one model reset when the batch alone fills
the log. Storage changes only inside the matching begin/end pair.

Filtering runs in the store (`explorer.store.FilteredRows`): with a filter set the model shows
the matching entries only, kept in step with each publish. A new filter starts empty and scans
the log from the newest row back in slices of `SCAN_BUDGET_S` (one per event-loop turn, older
matches inserted at the top), so a filter over a million rows never freezes the window;
`filter_progress` reports how far it got. Pausing stops publishing, not ingesting.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import IO, Any, Final, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from explorer.store import (
    FilteredRows,
    FilterError,
    LogEntry,
    MessageFilter,
    MessageLog,
    Predicate,
    compile_filter,
    write_jsonl,
)
from explorer.ui.models.message_text import (
    column_titles,
    destination_text,
    direction_icon,
    direction_text,
    display_texts,
    size_text,
    time_text,
    tooltip,
)

__all__ = [
    "MessageTableModel",
    "destination_text",
    "direction_text",
    "size_text",
    "time_text",
]

ModelIndex = QModelIndex | QPersistentModelIndex

DEFAULT_INTERVAL_MS: Final = 75
# Under a firehose (a publish of at least FLOOD_ROWS rows) the next one waits FLOOD_INTERVAL_MS:
# nobody reads rows that scroll by at thousands a second, and each publish costs the view a
# repaint (a third of the window's painting time at 13 a second).
FLOOD_ROWS: Final = 1000
FLOOD_INTERVAL_MS: Final = 200
# How long one slice of a filter scan may take (the window answers between slices).
SCAN_BUDGET_S: Final = 0.025
# Display strings are cached per sequence number for the rows the view actually paints.
_CACHE_LIMIT: Final = 4096


class _Rows(Protocol):
    def __len__(self) -> int: ...
    def entry(self, row: int) -> LogEntry: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("MessageTableModel", text)


class MessageTableModel(QAbstractTableModel):
    """Rows of a `MessageLog` (oldest first) with columns Time, Direction, Destination, Size,
    Content type and Preview.

    Roles: `DisplayRole`, `ToolTipRole`, `TextAlignmentRole` (size right-aligned) and
    `EntryRole` (the `LogEntry`) / `SeqRole` (its sequence number) on every column.
    """

    EntryRole: Final = int(Qt.ItemDataRole.UserRole) + 1
    SeqRole: Final = int(Qt.ItemDataRole.UserRole) + 2

    TIME, DIRECTION, DESTINATION, SIZE, CONTENT_TYPE, PREVIEW = range(6)
    COLUMN_COUNT: Final = 6

    flushed = Signal(int, int)
    """After each publish: (rows inserted into this model, entries evicted from the log).

    A view autoscrolls on it (once per flush, only if it was at the bottom before) and the
    status bar refreshes its eviction count from `evicted_total`."""

    paused_changed = Signal(bool)

    filter_progress = Signal(float)
    """While a new filter scans the log: the share done (0.0 to 1.0); 1.0 once complete."""

    def __init__(
        self,
        log: MessageLog | None = None,
        parent: QObject | None = None,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._log = log if log is not None else MessageLog()
        self._rows: _Rows = self._log
        self._filtered: FilteredRows | None = None
        self._filter = MessageFilter()
        self._paused = False
        self._scheduled = False
        self._cache: dict[int, tuple[str, str, str, str, str, str]] = {}
        self._interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)
        self.scan_budget = SCAN_BUDGET_S
        self._scan_timer = QTimer(self)
        self._scan_timer.setSingleShot(True)
        self._scan_timer.setInterval(0)
        self._scan_timer.timeout.connect(self.continue_filter)

    # -- store access ----------------------------------------------------------------------

    @property
    def log(self) -> MessageLog:
        """The underlying log (read it freely; change it only through this model)."""
        return self._log

    @property
    def evicted_total(self) -> int:
        """Entries evicted by the log's caps so far (for the status bar)."""
        return self._log.evicted_total

    @property
    def pending_count(self) -> int:
        """Entries ingested but not shown yet (grows while paused)."""
        return self._log.pending_count

    def entry_at(self, row: int) -> LogEntry:
        """The entry shown at `row` (raises IndexError outside 0..rowCount-1)."""
        return self._rows.entry(row)

    def row_of_seq(self, seq: int) -> int | None:
        """The row showing sequence number `seq`, or None (evicted, filtered out, pending)."""
        if self._filtered is not None:
            return self._filtered.row_of(seq)
        return self._log.row_of(seq)

    def export_jsonl(self, fp: IO[str], rows: list[int] | None = None) -> int:
        """Write the given model rows (default: every row shown) as JSON Lines."""
        if rows is None:
            rows = list(range(len(self._rows)))
        return write_jsonl((self._rows.entry(row) for row in sorted(rows)), fp)

    def rows_snapshot(self, rows: list[int]) -> list[bytes]:
        """The packed bytes of the given model rows, oldest first (for an export)."""
        return [self._rows.entry(row).packed for row in sorted(rows)]

    def export_snapshot(self, filtered: bool) -> tuple[list[bytes], Predicate | None]:
        """What "Export all" (`filtered` False) or "Export filtered" writes, as a snapshot a
        worker thread may read while the log moves on: packed rows, plus the predicate still
        to apply when the filter has not finished scanning (the whole log is handed then)."""
        log = self._log
        rows = self._filtered
        if not filtered or rows is None:
            return log.packed_range(0, len(log)), None
        if rows.remaining:
            return log.packed_range(0, len(log)), rows.predicate
        return rows.packed(), None

    # -- ingest and publish ----------------------------------------------------------------

    def append(self, entry: LogEntry) -> LogEntry:
        """Queue one entry (O(1)); it appears at the next flush. Returns it with its seq."""
        self.append_all((entry,))
        return entry

    def append_all(self, entries: Iterable[LogEntry]) -> None:
        """Queue a batch of entries (one call per batch: the session's ingest path)."""
        self._log.append_all(entries)
        if not self._scheduled and not self._paused:
            self._scheduled = True
            self._timer.start()

    def flush(self) -> None:
        """Publish everything pending now (no-op while paused). Tests call this directly."""
        if self._scheduled:
            self._timer.stop()
            self._scheduled = False
        if self._paused:
            return
        log = self._log
        plan = log.prepare_publish()
        if plan is None:
            return
        evicted_before = log.evicted_total
        root = QModelIndex()
        filtered = self._filtered
        if plan.reset:
            self.beginResetModel()
            log.apply_reset(plan)
            if filtered is not None:
                filtered.restart(log)
            self._cache.clear()
            self.endResetModel()
            if filtered is not None:
                self.continue_filter()
            inserted = len(self._rows)
        elif filtered is None:
            if plan.evict:
                self.beginRemoveRows(root, 0, plan.evict - 1)
                log.drop_oldest(plan.evict)
                self.endRemoveRows()
            first = len(log)
            inserted = len(plan.packed)
            self.beginInsertRows(root, first, first + inserted - 1)
            log.extend_packed(plan.packed)
            self.endInsertRows()
        else:
            # The log is not what the view sees here: change it freely, then announce the
            # filtered rows that go and come.
            log.drop_oldest(plan.evict)
            log.extend_packed(plan.packed)
            gone = filtered.count_before(log.first_seq)
            if gone:
                self.beginRemoveRows(root, 0, gone - 1)
                filtered.drop_oldest(gone)
                self.endRemoveRows()
            accepted = filtered.accept(plan.entries)
            inserted = len(accepted)
            if accepted:
                first = len(filtered)
                self.beginInsertRows(root, first, first + inserted - 1)
                filtered.extend(accepted)
                self.endInsertRows()
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        flooded = len(plan.packed) + plan.dropped >= FLOOD_ROWS
        self._timer.setInterval(max(self._interval_ms, FLOOD_INTERVAL_MS if flooded else 0))
        self.flushed.emit(inserted, log.evicted_total - evicted_before)

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        """Stop publishing (the view stays still); ingest continues into the pending batch."""
        if not self._paused:
            self._paused = True
            self._timer.stop()
            self._scheduled = False
            self.paused_changed.emit(True)

    def resume(self) -> None:
        """Publish what arrived while paused, at once, and go back to timed publishing."""
        if self._paused:
            self._paused = False
            self.paused_changed.emit(False)
            self.flush()

    def set_paused(self, paused: bool) -> None:
        """`pause()` or `resume()`, for a checkable button's `toggled` signal."""
        if paused:
            self.pause()
        else:
            self.resume()

    def clear(self) -> None:
        """Forget every row and everything pending."""
        self._timer.stop()
        self._scheduled = False
        self.beginResetModel()
        self._log.clear()
        if self._filtered is not None:
            self._filtered.restart(self._log)
        self._cache.clear()
        self.endResetModel()

    def set_limits(self, max_count: int, max_bytes: int) -> None:
        """Change the log's caps; rows that no longer fit are evicted (model reset)."""
        self.beginResetModel()
        self._log.set_limits(max_count, max_bytes)
        if self._filtered is not None:
            self._filtered.restart(self._log)
        self._cache.clear()
        self.endResetModel()
        if self._filtered is not None:
            self.continue_filter()

    # -- filtering -------------------------------------------------------------------------

    @property
    def message_filter(self) -> MessageFilter:
        """The filter in force (empty: every row)."""
        return self._filter

    def set_filter(
        self,
        text: str = "",
        regex: str = "",
        destination: str = "",
        *,
        destination_prefix: bool = False,
        header: str = "",
        direction: str = "",
        expression: str = "",
    ) -> str | None:
        """Show only matching rows (see `MessageFilter` for each field's meaning).

        Returns None on success, or a message for the filter box when the filter is invalid
        (bad regex, header without a name); the previous filter then stays in force.
        """
        spec = MessageFilter(
            text, regex, destination, destination_prefix, header, direction, expression
        )
        error = self.try_filter(spec)
        return None if error is None else str(error)

    def apply_filter(self, spec: MessageFilter) -> str | None:
        """`set_filter` with a ready `MessageFilter`."""
        error = self.try_filter(spec)
        return None if error is None else str(error)

    def try_filter(self, spec: MessageFilter) -> FilterError | None:
        """Like `apply_filter`, returning the structured error (the window words it)."""
        try:
            predicate = compile_filter(spec)
        except FilterError as exc:
            return exc
        self._scan_timer.stop()
        self.beginResetModel()
        self._filter = spec
        if spec.is_empty:
            self._filtered = None
            self._rows = self._log
        else:
            self._filtered = FilteredRows.deferred(predicate, self._log)
            self._rows = self._filtered
        self._cache.clear()
        self.endResetModel()
        self.continue_filter()
        return None

    @property
    def is_filtering(self) -> bool:
        """True while a new filter is still scanning older rows."""
        return self._filtered is not None and self._filtered.remaining > 0

    def continue_filter(self) -> None:
        """Scan one slice of the log for the filter (the model's timer calls it; tests too),
        inserting older matches at the top, and schedule the next slice."""
        filtered = self._filtered
        if filtered is None or not filtered.remaining:
            self._scan_timer.stop()
            self.filter_progress.emit(1.0)
            return
        older = filtered.scan(time.perf_counter() + self.scan_budget)
        if older:
            self.beginInsertRows(QModelIndex(), 0, len(older) - 1)
            filtered.prepend(older)
            self.endInsertRows()
        if filtered.remaining:
            self._scan_timer.start()
        self.filter_progress.emit(filtered.progress)

    def finish_filter(self) -> None:
        """Scan everything left now (tests, exports that need the complete list)."""
        budget, self.scan_budget = self.scan_budget, float("inf")
        try:
            self.continue_filter()
        finally:
            self.scan_budget = budget

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        rows = self._rows
        if not 0 <= row < len(rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            entry = rows.entry(row)
            texts = self._cache.get(entry.seq)
            if texts is None:
                texts = self._cache[entry.seq] = display_texts(entry)
            return texts[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.DIRECTION:
            outgoing = rows.entry(row).direction == "out"
            return direction_icon(outgoing)
        if role == self.EntryRole:
            return rows.entry(row)
        if role == self.SeqRole:
            return rows.entry(row).seq
        if role == Qt.ItemDataRole.ToolTipRole:
            entry = rows.entry(row)
            if index.column() == self.DIRECTION:
                return _tr("Sent") if entry.direction == "out" else _tr("Received")
            return tooltip(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.SIZE:
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
