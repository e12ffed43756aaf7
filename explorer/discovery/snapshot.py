"""Turn repeated full listings (Jolokia, management API) into changes.

A polled source returns everything it sees each time; the tree only needs what is new, what
changed (counts) and what disappeared (marked gone, never dropped).
"""

from __future__ import annotations

from collections.abc import Iterable

from explorer.discovery.model import DiscoveredDestination


class SnapshotDiff:
    """Remembers the previous listing of one source."""

    def __init__(self) -> None:
        self._previous: dict[str, DiscoveredDestination] = {}

    @property
    def current(self) -> list[DiscoveredDestination]:
        return list(self._previous.values())

    def update(self, listing: Iterable[DiscoveredDestination]) -> list[DiscoveredDestination]:
        """The records that differ from the previous listing, plus `gone` ones for the missing."""
        now = {record.destination: record for record in listing}
        changes = [record for name, record in now.items() if self._previous.get(name) != record]
        changes.extend(
            record.removed() for name, record in self._previous.items() if name not in now
        )
        self._previous = now
        return changes
