"""The session's wire tap: every frame and heart-beat in and out, handed to the owner once per
turn of the event loop.

Only the traffic inspector, recordings and the liveness check use it. Log entries and tree
counts come from the event stream (`explorer.session.intake`): one route per purpose, so a
MESSAGE reaches the log once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from explorer.client import Direction, WireRecord
from explorer.session.stats import Counters

__all__ = ["WireTap"]


class WireTap:
    """Records batched until the loop's next turn, then reported; `record` is the client's
    `wire_tap`."""

    def __init__(self, counters: Counters, report: Callable[[Sequence[WireRecord]], None]) -> None:
        self._counters = counters
        self._report = report
        self._records: list[WireRecord] = []

    def record(self, record: WireRecord) -> None:
        """Called by the client, synchronously, for each record."""
        if record.direction is Direction.IN:
            self._counters.last_in = record.timestamp
        records = self._records
        records.append(record)
        if len(records) == 1:
            try:
                asyncio.get_running_loop().call_soon(self.flush)
            except RuntimeError:  # the client closing outside the loop (teardown)
                self.flush()

    def flush(self) -> None:
        """Report what was recorded since the last flush."""
        records, self._records = self._records, []
        if records:
            self._report(records)
