"""The message log: a ring capped by count and bytes, with a pending batch for the Qt model.

Ingest and publish are separate steps. `append` (or `append_all` for a batch) only assigns
a sequence number and adds the entry's packed bytes to a pending list (O(1)); the model's
timer later calls `prepare_publish()` and applies the returned plan with `drop_oldest` /
`extend_packed` (or `apply_reset`) *inside* its begin/end pairs, so a row the view knows
about stays readable until the model has announced its removal.

Storage is a list used as a ring (head, count, capacity) so `entry(row)` is O(1) anywhere;
the list grows by doubling up to `max_count` and never shrinks except on `set_limits`. The
ring and the pending list hold each entry's packed bytes (see `explorer.store.messages`), not
`LogEntry` objects: bytes carry no references, so a million rows add nothing to Python's
garbage-collector passes, and the wrappers of a burst die young instead of surviving into the
oldest generation while they wait for the next publish (each full collection then walks
them all). `entry(row)` wraps the bytes in a fresh `LogEntry` (equal to the one appended).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Final

from explorer.store.errors import StoreError
from explorer.store.export import write_jsonl
from explorer.store.filters import Predicate
from explorer.store.messages import LogEntry, packed_body_size, packed_seq

DEFAULT_MAX_COUNT: Final = 100_000
DEFAULT_MAX_BYTES: Final = 256 * 1024 * 1024
_MIN_CAPACITY: Final = 1024


@dataclass(frozen=True, slots=True)
class PublishPlan:
    """One publish step, computed by `MessageLog.prepare_publish()`.

    Apply it either as `drop_oldest(evict)` then `extend_packed(packed)` (one removal range
    and one insertion range), or, when `reset` is true, as `apply_reset(plan)` inside a model
    reset. `dropped` counts pending entries that never become rows (the batch alone overflows
    the caps).
    """

    packed: list[bytes]
    evict: int
    dropped: int
    reset: bool

    @property
    def entries(self) -> list[LogEntry]:
        """The entries to add, as `LogEntry` wrappers (made on each call)."""
        return [LogEntry.from_packed(data) for data in self.packed]


class MessageLog:
    """Retained messages of one connection, oldest first.

    `max_count` caps the number of rows and `max_bytes` the sum of body sizes. The newest
    entry is always kept, even when its body alone is larger than `max_bytes`.
    """

    def __init__(
        self, max_count: int = DEFAULT_MAX_COUNT, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        _check_limits(max_count, max_bytes)
        self._max_count = max_count
        self._max_bytes = max_bytes
        self._ring: list[bytes | None] = [None] * min(max_count, _MIN_CAPACITY)
        self._head = 0
        self._count = 0
        self._bytes = 0
        self._pending: list[bytes] = []
        self._pending_bytes = 0
        self._pending_trimmed = False
        self._next_seq = 1
        self.evicted_total = 0
        """Entries evicted by the caps since creation (including ones never published)."""

    # -- limits ----------------------------------------------------------------------------

    @property
    def max_count(self) -> int:
        return self._max_count

    @property
    def max_bytes(self) -> int:
        return self._max_bytes

    def set_limits(self, max_count: int, max_bytes: int) -> int:
        """Change the caps, evicting the oldest rows that no longer fit; returns how many.

        This rebuilds the ring: a Qt model calls it inside beginResetModel/endResetModel.
        """
        _check_limits(max_count, max_bytes)
        self._max_count = max_count
        self._max_bytes = max_bytes
        evict = self._evictions_for(0, 0)
        self.drop_oldest(evict)
        packed = self._packed_rows()
        self._ring = [None] * max(min(max_count, _MIN_CAPACITY), len(packed))
        self._ring[: len(packed)] = packed
        self._head = 0
        return evict

    # -- reading ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[LogEntry]:
        for data in self._packed_rows():
            yield LogEntry.from_packed(data)

    def entry(self, row: int) -> LogEntry:
        """The entry at `row` (0 = oldest retained). O(1)."""
        if not 0 <= row < self._count:
            raise IndexError(f"row {row} out of range (log has {self._count} rows)")
        data = self._ring[(self._head + row) % len(self._ring)]
        assert data is not None
        return LogEntry.from_packed(data)

    @property
    def total_bytes(self) -> int:
        """Sum of the retained bodies' sizes."""
        return self._bytes

    @property
    def first_seq(self) -> int:
        """Sequence number of the oldest row; when empty, of the next row to come (the
        oldest pending entry, else the next one to be assigned). So `first_seq + len(log)`
        is always the first sequence number not published yet."""
        if self._count:
            return self._seq_at(0)
        return packed_seq(self._pending[0]) if self._pending else self._next_seq

    def row_of(self, seq: int) -> int | None:
        """The row holding sequence number `seq`, or None when it is gone or not published."""
        count = self._count
        if not count:
            return None
        # The log always holds a contiguous run of sequence numbers.
        row = seq - self._seq_at(0)
        return row if 0 <= row < count else None

    def by_seq(self, seq: int) -> LogEntry | None:
        """The retained entry with sequence number `seq`, if any."""
        row = self.row_of(seq)
        return None if row is None else self.entry(row)

    def packed_range(self, start: int, stop: int) -> list[bytes]:
        """The packed bytes of rows `start` to `stop - 1` (a list copy: cheap, no decoding);
        a snapshot a worker thread may read while the log changes."""
        if not 0 <= start <= stop <= self._count:
            raise IndexError(f"rows {start}..{stop} out of range (log has {self._count} rows)")
        ring, cap = self._ring, len(self._ring)
        first = (self._head + start) % cap if cap else 0
        length = stop - start
        if first + length <= cap:
            return ring[first : first + length]  # type: ignore[return-value]  # live range
        return ring[first:] + ring[: first + length - cap]  # type: ignore[return-value]

    def matching(self, predicate: Predicate) -> list[LogEntry]:
        """Retained entries (oldest first) for which `predicate` is true."""
        return [entry for entry in self if predicate(entry)]

    def export_jsonl(self, fp: IO[str], rows: Iterable[int] | None = None) -> int:
        """Write all rows (or the given ones) as JSON Lines; returns how many were written."""
        entries = self if rows is None else (self.entry(row) for row in rows)
        return write_jsonl(entries, fp)

    # -- ingest ----------------------------------------------------------------------------

    def append(self, entry: LogEntry) -> LogEntry:
        """Give `entry` the next sequence number and queue it for the next publish. O(1).

        The pending list is bounded: when it holds more than twice the caps (a long pause),
        its oldest entries are dropped and counted in `evicted_total`.
        """
        self.append_all((entry,))
        return entry

    def append_all(self, entries: Iterable[LogEntry]) -> None:
        """`append` each of `entries`, in order (a batch: one call)."""
        pending = self._pending
        seq = self._next_seq
        added = 0
        for entry in entries:
            entry._assign_seq(seq)
            seq += 1
            data = entry.packed
            pending.append(data)
            added += packed_body_size(data)
        self._next_seq = seq
        self._pending_bytes += added
        if len(pending) > 2 * self._max_count or self._pending_bytes > 2 * self._max_bytes:
            self._trim_pending()

    @property
    def pending_count(self) -> int:
        """Entries appended but not yet published."""
        return len(self._pending)

    def _trim_pending(self) -> None:
        keep = _fitting_tail(self._pending, self._max_count, self._max_bytes)
        dropped = len(self._pending) - keep
        if dropped:
            del self._pending[:dropped]
            self._pending_bytes = sum(map(packed_body_size, self._pending))
            self.evicted_total += dropped
            # Older than what was dropped, every published row must go too: the log is
            # always the newest contiguous run of what was appended.
            self._pending_trimmed = True

    # -- publish ---------------------------------------------------------------------------

    def overflow_if_added(self, entries: Sequence[LogEntry]) -> int:
        """How many of the oldest rows must go so that `entries` fit (they must fit alone)."""
        return self._evictions_for(len(entries), sum(e.size for e in entries))

    def _overflow_if_added_packed(self, packed: Sequence[bytes]) -> int:
        return self._evictions_for(len(packed), sum(map(packed_body_size, packed)))

    def prepare_publish(self) -> PublishPlan | None:
        """Take the pending batch and say how to apply it; None when nothing is pending."""
        batch = self._pending
        if not batch:
            return None
        self._pending = []
        self._pending_bytes = 0
        trimmed, self._pending_trimmed = self._pending_trimmed, False
        keep = _fitting_tail(batch, self._max_count, self._max_bytes)
        if trimmed or keep < len(batch) or keep >= self._max_count:
            return PublishPlan(batch[len(batch) - keep :], self._count, len(batch) - keep, True)
        evict = self._overflow_if_added_packed(batch)
        reset = evict > 0 and evict == self._count
        return PublishPlan(batch, evict, 0, reset)

    def drop_oldest(self, k: int) -> None:
        """Evict the `k` oldest rows (counted in `evicted_total`)."""
        if not 0 <= k <= self._count:
            raise StoreError(f"cannot drop {k} of {self._count} rows")
        ring, cap = self._ring, len(self._ring)
        head = self._head
        freed = 0
        for i in range(k):
            index = (head + i) % cap
            data = ring[index]
            assert data is not None
            freed += packed_body_size(data)
            ring[index] = None
        self._head = (head + k) % cap if cap else 0
        self._count -= k
        self._bytes -= freed
        self.evicted_total += k

    def extend(self, entries: Sequence[LogEntry]) -> None:
        """Add published entries after the newest row (the caller evicted room first)."""
        self.extend_packed([entry.packed for entry in entries])

    def extend_packed(self, packed: Sequence[bytes]) -> None:
        """`extend` with the entries' packed bytes (a `PublishPlan`'s `packed`)."""
        needed = self._count + len(packed)
        if needed > self._max_count:
            raise StoreError(
                f"{len(packed)} entries do not fit: drop {needed - self._max_count} first"
            )
        if needed > len(self._ring):
            self._grow(needed)
        ring, cap = self._ring, len(self._ring)
        tail = (self._head + self._count) % cap
        added = 0
        for data in packed:
            ring[tail] = data
            tail += 1
            if tail == cap:
                tail = 0
            added += packed_body_size(data)
        self._count = needed
        self._bytes += added

    def apply_reset(self, plan: PublishPlan) -> None:
        """Replace every row with `plan.entries` (the plan from `prepare_publish`)."""
        self.evicted_total += self._count + plan.dropped
        self._ring = [None] * max(min(self._max_count, _MIN_CAPACITY), len(plan.entries))
        self._head = 0
        self._count = 0
        self._bytes = 0
        self.extend_packed(plan.packed)

    def clear(self) -> None:
        """Forget every row and every pending entry (not counted as evictions)."""
        self._ring = [None] * min(self._max_count, _MIN_CAPACITY)
        self._head = 0
        self._count = 0
        self._bytes = 0
        self._pending = []
        self._pending_bytes = 0
        self._pending_trimmed = False

    # -- internals -------------------------------------------------------------------------

    def _evictions_for(self, add_count: int, add_bytes: int) -> int:
        evict = max(0, self._count + add_count - self._max_count)
        over = self._bytes + add_bytes - self._max_bytes
        if over > 0:
            freed = sum(self._body_size_at(row) for row in range(evict))
            while freed < over and evict < self._count:
                freed += self._body_size_at(evict)
                evict += 1
        return evict

    def _grow(self, needed: int) -> None:
        capacity = len(self._ring)
        while capacity < needed:
            capacity *= 2
        capacity = min(capacity, self._max_count)
        packed = self._packed_rows()
        ring: list[bytes | None] = [None] * capacity
        ring[: len(packed)] = packed
        self._ring = ring
        self._head = 0

    def _packed_rows(self) -> list[bytes]:
        ring, head, cap = self._ring, self._head, len(self._ring)
        if head + self._count <= cap:
            rows = ring[head : head + self._count]
        else:
            rows = ring[head:] + ring[: head + self._count - cap]
        return rows  # type: ignore[return-value]  # no None inside the live range

    def _slot(self, row: int) -> bytes:
        data = self._ring[(self._head + row) % len(self._ring)]
        assert data is not None
        return data

    def _seq_at(self, row: int) -> int:
        return packed_seq(self._slot(row))

    def _body_size_at(self, row: int) -> int:
        return packed_body_size(self._slot(row))


def _fitting_tail(packed: Sequence[bytes], max_count: int, max_bytes: int) -> int:
    """How many of the newest entries fit the caps on their own (at least one)."""
    total = 0
    kept = 0
    for data in reversed(packed):
        if kept >= max_count:
            break
        total += packed_body_size(data)
        if total > max_bytes and kept:
            break
        kept += 1
    return kept


def _check_limits(max_count: int, max_bytes: int) -> None:
    if max_count < 1:
        raise StoreError(f"the log must keep at least one message (max_count={max_count})")
    if max_bytes < 1:
        raise StoreError(f"max_bytes must be positive (got {max_bytes})")
