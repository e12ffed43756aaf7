"""Discovery wired into a session: the broker's own listings feed the tree for as long as
the connection lives; a failing source is reported once until it recovers.

Discovery is a bonus: nothing it does can take the session down.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from typing import Protocol

from explorer.client import Client
from explorer.discovery.model import DiscoveredDestination
from explorer.discovery.service import (
    DiscoveryConfig,
    DiscoveryEvent,
    DiscoveryService,
    SourceProblem,
    SourceReady,
)
from explorer.session.notices import DiscoveryProblem, DiscoveryStopped, Notice
from explorer.session.ports import StompClient

STOP_TIMEOUT = 3.0


class DiscoveryFeed(Protocol):
    """What the session reads: `DiscoveryService`, or a fake in tests."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def get(self, timeout: float | None = None) -> DiscoveryEvent: ...

    def get_nowait_batch(self) -> list[DiscoveryEvent]: ...


DiscoveryFactory = Callable[[DiscoveryConfig, StompClient], DiscoveryFeed]


def default_discovery(config: DiscoveryConfig, client: StompClient) -> DiscoveryFeed:
    """The real service; its STOMP sources (advisories, the sandbox feed) need a real
    client, HTTP sources (Jolokia, management API) work with any."""
    return DiscoveryService(config, client if isinstance(client, Client) else None)


class DiscoveryRunner:
    """Reads one feed in batches and hands destinations and notices to the session."""

    def __init__(
        self,
        feed: DiscoveryFeed,
        on_destinations: Callable[[Sequence[DiscoveredDestination]], None],
        on_notice: Callable[[Notice], None],
    ) -> None:
        self._feed = feed
        self._on_destinations = on_destinations
        self._on_notice = on_notice
        self._task: asyncio.Task[None] | None = None
        self.problems: dict[str, Exception] = {}  # source → why it fails, until it recovers

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._run())

    async def _run(self) -> None:
        feed = self._feed
        try:
            await feed.start()
            while True:
                first = await feed.get()
                self._handle([first, *feed.get_nowait_batch()])
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self.problems["discovery"] = exc
            self._on_notice(DiscoveryStopped(exc))

    def _handle(self, events: list[DiscoveryEvent]) -> None:
        found: list[DiscoveredDestination] = []
        for event in events:
            if isinstance(event, SourceProblem):
                source = str(event.source)
                if source not in self.problems:
                    self._on_notice(DiscoveryProblem(source, event.error))
                self.problems[source] = event.error
            elif isinstance(event, SourceReady):
                self.problems.pop(str(event.source), None)
            else:
                found.append(event)
        if found:
            self._on_destinations(found)

    async def stop(self) -> None:
        """Cancel the reader, then stop the feed and wait for its tasks (a task left pending
        would be destroyed with the loop)."""
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._feed.stop(), STOP_TIMEOUT)
