"""The discovery feed: which destinations the sandbox holds, with depth and consumer counts.

The app's destination tree shows these rows the same way as broker discovery. Changes are
coalesced: at most one snapshot per `interval`, and only when something changed. The same
snapshot goes to `watch()` iterators, listener callbacks, and STOMP subscribers of
`/topic/sandbox.destinations` (as JSON), so any client can discover the sandbox.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
from collections.abc import Callable
from types import TracebackType
from typing import Final

from explorer.sandbox.destinations import (
    DISCOVERY_TOPIC,
    DestinationInfo,
    Destinations,
    Subscription,
)
from explorer.sandbox.tasks import finish_cancelled

log = logging.getLogger(__name__)

Snapshot = list[DestinationInfo]
Listener = Callable[[Snapshot], None]

JSON_HEADERS: Final = (("content-type", "application/json;charset=utf-8"),)


def snapshot_json(rows: Snapshot) -> bytes:
    """The JSON body sent on `/topic/sandbox.destinations`:
    `{"destinations": [{"destination", "kind", "depth", "consumers", "enqueued", "dequeued"}]}`."""
    payload = {"destinations": [dataclasses.asdict(row) for row in rows]}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class DestinationWatch:
    """An async iterator of snapshots: the first is the current state, then one per change.
    A slow reader only ever sees the latest snapshot. Close it (or use `async with`)."""

    def __init__(self, feed: DiscoveryFeed, initial: Snapshot) -> None:
        self._feed = feed
        self._latest: Snapshot | None = initial
        self._event = asyncio.Event()
        self._closed = False

    def push(self, rows: Snapshot) -> None:
        self._latest = rows
        self._event.set()

    def close(self) -> None:
        self._closed = True
        self._feed.forget(self)
        self._event.set()

    def __aiter__(self) -> DestinationWatch:
        return self

    async def __anext__(self) -> Snapshot:
        while self._latest is None:
            if self._closed:
                raise StopAsyncIteration
            self._event.clear()
            await self._event.wait()
        rows, self._latest = self._latest, None
        return rows

    async def __aenter__(self) -> DestinationWatch:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class DiscoveryFeed:
    """Coalesces destination changes into snapshots for watchers, listeners and STOMP."""

    def __init__(self, destinations: Destinations, interval: float = 0.5) -> None:
        self._destinations = destinations
        self.interval = interval
        self._dirty = asyncio.Event()
        self._last: Snapshot | None = None
        self._watches: set[DestinationWatch] = set()
        self._listeners: list[Listener] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="sandbox-discovery")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await finish_cancelled(self._task, "the discovery feed")
            self._task = None
        for watch in list(self._watches):
            watch.close()

    def mark_changed(self) -> None:
        self._dirty.set()

    def watch(self) -> DestinationWatch:
        rows = self._destinations.snapshot()
        self._resync(rows)
        watch = DestinationWatch(self, rows)
        self._watches.add(watch)
        return watch

    def _resync(self, given: Snapshot) -> None:
        """Someone just got `given` outside the feed; if it is not what everyone else last
        got, make the next emit go out even when the state returns to the old snapshot."""
        if given != self._last:
            self._last = None
            self.mark_changed()

    def forget(self, watch: DestinationWatch) -> None:
        self._watches.discard(watch)

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(snapshot)` on every change; returns a function that removes it."""
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    def send_snapshot(self, subscription: Subscription) -> None:
        """The current snapshot, to one new subscriber of the discovery topic."""
        rows = self._destinations.snapshot()
        self._resync(rows)
        self._destinations.publish(
            DISCOVERY_TOPIC, JSON_HEADERS, snapshot_json(rows), only=subscription
        )

    async def _run(self) -> None:
        while True:
            await self._dirty.wait()
            self._dirty.clear()
            self.emit()
            await asyncio.sleep(self.interval)

    def emit(self) -> None:
        """Send the snapshot now if it differs from the last one sent."""
        rows = self._destinations.snapshot()
        if rows == self._last:
            return
        self._last = rows
        for watch in list(self._watches):
            watch.push(rows)
        for listener in list(self._listeners):
            try:
                listener(rows)
            except Exception:
                log.exception("sandbox discovery listener %r failed", listener)
        if self._destinations.has_subscribers(DISCOVERY_TOPIC):
            self._destinations.publish(DISCOVERY_TOPIC, JSON_HEADERS, snapshot_json(rows))
