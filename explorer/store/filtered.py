"""The rows of a log that pass a filter, kept in step with the log's publishes.

Filtering happens here rather than in a `QSortFilterProxyModel`: the proxy calls back into
Python once per source row on every invalidation (about 10x slower at 100,000 rows, see
benchmarks/models_bench.py), while a plain list of the matching entries' packed bytes is cheap
in memory, O(1) for `entry(row)` and O(batch) per publish. Entries are ordered by sequence
number (as in the log), so the rows evicted from the log are always a prefix here too, found
by bisection.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from explorer.store.errors import StoreError
from explorer.store.filters import Predicate
from explorer.store.messages import LogEntry, packed_seq


class FilteredRows:
    """Matching entries, oldest first. The owner changes it only inside begin/end pairs."""

    def __init__(self, predicate: Predicate, entries: Iterable[LogEntry] = ()) -> None:
        self.predicate = predicate
        self._items: list[bytes] = [entry.packed for entry in entries if predicate(entry)]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[LogEntry]:
        return (LogEntry.from_packed(data) for data in self._items)

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
        """Re-filter from scratch (after a log reset or clear)."""
        predicate = self.predicate
        self._items = [entry.packed for entry in entries if predicate(entry)]
