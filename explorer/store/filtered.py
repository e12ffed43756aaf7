"""The rows of a log that pass a filter, kept in step with the log's publishes.

Filtering happens here rather than in a `QSortFilterProxyModel`: the proxy calls back into
Python once per source row on every invalidation (about 10x slower at 100,000 rows, see
benchmarks/models_bench.py), while a plain list of the matching entries' packed bytes is cheap
in memory, O(1) for `entry(row)` and O(batch) per publish. Entries are ordered by sequence
number (as in the log), so the rows evicted from the log are always a prefix here too, found
by bisection.

A new filter over a big log does not scan it in one go (a million rows take seconds): made
with `FilteredRows.deferred(predicate, log)`, it starts empty and `scan(deadline)` looks at
the log from the newest row backwards, a slice at a time, returning the older matches for
the owner to `prepend`. New batches keep arriving through `accept`/`extend` meanwhile: they are
newer than anything scanned, so the order holds.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from explorer.store.errors import StoreError
from explorer.store.filters import Predicate
from explorer.store.message_log import MessageLog
from explorer.store.messages import LogEntry, packed_seq

# Rows looked at between two glances at the clock during a scan.
SCAN_CHUNK: Final = 256


class FilteredRows:
    """Matching entries, oldest first. The owner changes it only inside begin/end pairs."""

    def __init__(self, predicate: Predicate, entries: Iterable[LogEntry] = ()) -> None:
        self.predicate = predicate
        self._items: list[bytes] = [entry.packed for entry in entries if predicate(entry)]
        self._log: MessageLog | None = None
        self._scan_seq = 0  # rows of the log with a lower sequence number are still to scan
        self._scan_total = 0

    @classmethod
    def deferred(cls, predicate: Predicate, log: MessageLog) -> FilteredRows:
        """Empty rows over `log`, to be filled by `scan` slices (newest rows first)."""
        rows = cls(predicate)
        rows.restart(log)
        return rows

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[LogEntry]:
        return (LogEntry.from_packed(data) for data in self._items)

    def packed(self) -> list[bytes]:
        """A snapshot of the matching rows' packed bytes (for an export in another thread)."""
        return list(self._items)

    def entry(self, row: int) -> LogEntry:
        """The matching entry at `row`. O(1)."""
        if not 0 <= row < len(self._items):
            raise IndexError(f"row {row} out of range (filter shows {len(self)} rows)")
        return LogEntry.from_packed(self._items[row])

    def count_before(self, seq: int) -> int:
        """How many leading rows have a sequence number below `seq` (i.e. were evicted)."""
        items = self._items
        lo, hi = 0, len(items)
        while lo < hi:
            mid = (lo + hi) // 2
            if packed_seq(items[mid]) < seq:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def row_of(self, seq: int) -> int | None:
        """The row showing sequence number `seq`, or None."""
        row = self.count_before(seq)
        if row < len(self._items) and packed_seq(self._items[row]) == seq:
            return row
        return None

    def accept(self, entries: Iterable[LogEntry]) -> list[LogEntry]:
        """The entries of a batch that pass the filter (to size the insertion first)."""
        predicate = self.predicate
        return [entry for entry in entries if predicate(entry)]

    def drop_oldest(self, k: int) -> None:
        """Forget the `k` oldest rows."""
        if not 0 <= k <= len(self._items):
            raise StoreError(f"cannot drop {k} of {len(self)} filtered rows")
        # A memmove of the pointer array: microseconds even at a million rows, and the
        # evicted entries are released at once.
        del self._items[:k]

    def extend(self, accepted: list[LogEntry]) -> None:
        """Append entries already passed through `accept`."""
        self._items.extend(entry.packed for entry in accepted)

    def reset(self, entries: Iterable[LogEntry]) -> None:
        """Re-filter from scratch, at once (after a log reset or clear)."""
        predicate = self.predicate
        self._items = [entry.packed for entry in entries if predicate(entry)]
        self._log = None
        self._scan_seq = self._scan_total = 0

    # -- deferred scanning -------------------------------------------------------------------

    def restart(self, log: MessageLog) -> None:
        """Forget every row and scan `log` again from its newest row (see `scan`)."""
        self._items = []
        self._log = log
        self._scan_seq = log.first_seq + len(log)
        self._scan_total = len(log)

    @property
    def remaining(self) -> int:
        """Rows of the log still to scan (0 when the filter is complete)."""
        log = self._log
        if log is None:
            return 0
        return max(0, min(self._scan_seq - log.first_seq, len(log)))

    @property
    def progress(self) -> float:
        """How much of the scan is done, 0.0 to 1.0 (1.0 when there is nothing to scan)."""
        total = self._scan_total
        return 1.0 if not total else max(0.0, 1.0 - self.remaining / total)

    def scan(self, deadline: float, clock: Callable[[], float] = time.perf_counter) -> list[bytes]:
        """Look at older rows until `deadline` (a `clock()` value) or the oldest row; returns
        the matches found, oldest first, for `prepend` (storage is unchanged here)."""
        log = self._log
        remaining = self.remaining
        if log is None or not remaining:
            return []
        predicate = self.predicate
        from_packed = LogEntry.from_packed
        chunks: list[list[bytes]] = []
        stop = remaining
        while stop > 0:
            start = max(0, stop - SCAN_CHUNK)
            chunk = log.packed_range(start, stop)
            chunks.append([data for data in chunk if predicate(from_packed(data))])
            stop = start
            if clock() >= deadline:
                break
        self._scan_seq = log.first_seq + stop
        chunks.reverse()
        return [data for chunk in chunks for data in chunk]

    def prepend(self, older: list[bytes]) -> None:
        """Insert the matches `scan` returned before every row."""
        if older:
            self._items[0:0] = older
