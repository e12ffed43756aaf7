"""The recent messages of each destination: what the tree shows when a node is selected.

Like MQTT Explorer's per-topic history, each destination keeps a ring of its newest messages
(`per_destination`, 100 by default), in and out. The log may evict a message long before a
quiet destination gets a new one, so the rings hold their own references; two caps keep them
bounded whatever the traffic: a total number of messages and a total of bytes. Over a cap,
the destination that was updated longest ago gives up its oldest messages first, so a busy
topic never empties the history of the one you are looking at only because it is quiet.

The rings hold each message's packed bytes (`LogEntry.packed`, the very object the log keeps,
so a message in both costs the history a reference, not a copy) and make `LogEntry` wrappers
when read: bytes are invisible to Python's cyclic garbage collector, 200,000 wrappers are not
(a full collection over them stalled the window for hundreds of milliseconds).
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Iterable
from typing import Final

from explorer.store.errors import StoreError
from explorer.store.messages import LogEntry

DEFAULT_PER_DESTINATION: Final = 100
DEFAULT_MAX_TOTAL: Final = 50_000
DEFAULT_MAX_BYTES: Final = 32 * 1024 * 1024


class DestinationHistory:
    """Rings of recent messages, one per destination, under a total count and byte cap."""

    def __init__(
        self,
        per_destination: int = DEFAULT_PER_DESTINATION,
        *,
        max_total: int = DEFAULT_MAX_TOTAL,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        if per_destination < 1 or max_total < 1 or max_bytes < 1:
            raise StoreError("history caps must be positive")
        self.per_destination = per_destination
        self.max_total = max_total
        self.max_bytes = max_bytes
        # Least recently updated first: eviction takes from the front.
        self._rings: OrderedDict[str, deque[bytes]] = OrderedDict()
        self._total = 0
        self._bytes = 0
        self.generation = 0
        """Grows with every change (views compare it to know they are stale)."""

    def __len__(self) -> int:
        """Messages held, all destinations together."""
        return self._total

    @property
    def total_bytes(self) -> int:
        return self._bytes

    def destinations(self) -> list[str]:
        """Destinations with a history, least recently updated first."""
        return list(self._rings)

    def entries(self, destination: str) -> list[LogEntry]:
        """The destination's messages, oldest first (a copy)."""
        ring = self._rings.get(destination)
        return [LogEntry.from_packed(data) for data in ring] if ring is not None else []

    def latest(self, destination: str) -> LogEntry | None:
        ring = self._rings.get(destination)
        return LogEntry.from_packed(ring[-1]) if ring else None

    def previous(self, destination: str, entry: LogEntry) -> LogEntry | None:
        """The message before `entry` on its destination (for "diff with previous")."""
        ring = self._rings.get(destination)
        if not ring:
            return None
        wanted = entry.packed
        before: bytes | None = None
        for candidate in ring:
            if candidate == wanted:
                return None if before is None else LogEntry.from_packed(before)
            before = candidate
        return None

    def extend(self, entries: Iterable[LogEntry]) -> None:
        """Add messages (in arrival order); entries without a destination are skipped."""
        rings = self._rings
        keep = self.per_destination
        added = 0
        for entry in entries:
            destination = entry.destination
            if not destination:
                continue
            ring = rings.get(destination)
            if ring is None:
                ring = rings[destination] = deque()
            else:
                rings.move_to_end(destination)
            if len(ring) >= keep:
                self._forget(ring.popleft())
            data = entry.packed
            ring.append(data)
            self._total += 1
            self._bytes += len(data)
            added += 1
        if added:
            self.generation += 1
            self._enforce_caps()

    def clear(self) -> None:
        self._rings.clear()
        self._total = self._bytes = 0
        self.generation += 1

    def _forget(self, data: bytes) -> None:
        self._total -= 1
        self._bytes -= len(data)

    def _enforce_caps(self) -> None:
        rings = self._rings
        while (self._total > self.max_total or self._bytes > self.max_bytes) and rings:
            destination, ring = next(iter(rings.items()))
            if len(rings) == 1 and len(ring) == 1:
                return  # one huge message: keep the newest, whatever its size
            self._forget(ring.popleft())
            if not ring:
                del rings[destination]
