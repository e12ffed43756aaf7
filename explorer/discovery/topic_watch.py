"""Discovery over STOMP: subscribe to broker topics that describe destinations.

- ActiveMQ advisories: the broker replays one advisory per existing destination on
  SUBSCRIBE, then follows creations and removals; consumer advisories carry `consumerCount`.
- The sandbox broker publishes JSON snapshots on `/topic/sandbox.destinations`.

Messages are read from one `client.events()` stream filtered by our subscription ids, so
several subscriptions need no merging tasks, and the subscriptions keep nothing themselves
(`queue_messages=False`). After an automatic reconnect the client re-subscribes and the broker
replays again, so the list catches up.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence

from explorer.broker.destinations import DestinationKind, kind_of
from explorer.client import (
    Client,
    ConnectionLost,
    Disconnected,
    EventStream,
    MessageReceived,
    Subscription,
)
from explorer.discovery.advisories import (
    CONSUMER_ADVISORIES,
    DESTINATION_ADVISORIES,
    parse_advisory,
)
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.snapshot import SnapshotDiff

Parser = Callable[[Mapping[str, str], bytes], list[DiscoveredDestination]]

SANDBOX_TOPIC = "/topic/sandbox.destinations"


class TopicWatcher:
    """Subscribes to some topics and turns their messages into destination changes.

        async with advisory_watcher(client) as watcher:
            async for change in watcher:     # DiscoveredDestination
                ...

    `settled()` waits until the first burst (ActiveMQ's replay, the sandbox's first snapshot)
    has arrived: the stream was quiet for `quiet` seconds after the subscriptions were receipted.
    It only measures while someone iterates the watcher.
    """

    def __init__(
        self,
        client: Client,
        topics: Sequence[str],
        parse: Parser,
        *,
        receipt_timeout: float = 10.0,
    ) -> None:
        self.client = client
        self.topics = tuple(topics)
        self.parse = parse
        self.receipt_timeout = receipt_timeout
        self._stream: EventStream | None = None
        self._subscriptions: list[Subscription] = []
        self._ids: set[str] = set()
        self._last_message = time.monotonic()
        self._subscribed = asyncio.Event()

    async def start(self) -> None:
        """Subscribe with receipts, so a refusal raises here instead of passing silently."""
        self._stream = self.client.events()
        try:
            for topic in self.topics:
                sub = await self.client.subscribe(
                    topic,
                    ack="auto",
                    receipt=True,
                    timeout=self.receipt_timeout,
                    queue_messages=False,
                )
                self._subscriptions.append(sub)
                self._ids.add(sub.id)
        except BaseException:
            await self.stop()
            raise
        self._last_message = time.monotonic()
        self._subscribed.set()

    async def stop(self) -> None:
        """Unsubscribe (UNSUBSCRIBE is only sent while connected) and stop reading events."""
        subscriptions, self._subscriptions = self._subscriptions, []
        for sub in subscriptions:
            with contextlib.suppress(Exception):
                await sub.unsubscribe()
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    async def __aenter__(self) -> TopicWatcher:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    def __aiter__(self) -> AsyncIterator[DiscoveredDestination]:
        return self._changes()

    async def _changes(self) -> AsyncIterator[DiscoveredDestination]:
        stream = self._stream
        if stream is None:
            raise RuntimeError("start() the watcher first (or use `async with`)")
        async for event in stream:
            if isinstance(event, MessageReceived):
                message = event.message
                if message.subscription not in self._ids:
                    continue
                self._last_message = time.monotonic()
                headers: dict[str, str] = {}
                for name, value in message.headers:
                    headers.setdefault(name, value)  # first occurrence wins
                for change in self.parse(headers, message.body):
                    yield change
            elif isinstance(event, Disconnected) or (
                isinstance(event, ConnectionLost) and not event.reconnecting
            ):
                return

    async def settled(self, quiet: float = 0.5, limit: float = 10.0) -> None:
        """Return once no message came for `quiet` s (waiting at most `limit` s in all)."""
        deadline = time.monotonic() + limit
        await asyncio.wait_for(self._subscribed.wait(), limit)
        while time.monotonic() < deadline:
            idle = time.monotonic() - self._last_message
            if idle >= quiet:
                return
            await asyncio.sleep(quiet - idle)


def advisory_watcher(
    client: Client, *, consumers: bool = True, include_advisory: bool = False
) -> TopicWatcher:
    """ActiveMQ's destination (and consumer) advisories."""

    def parse(headers: Mapping[str, str], body: bytes) -> list[DiscoveredDestination]:
        change = parse_advisory(headers, body, include_advisory=include_advisory)
        return [] if change is None else [change]

    topics = DESTINATION_ADVISORIES + (CONSUMER_ADVISORIES if consumers else ())
    return TopicWatcher(client, topics, parse)


def _optional_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def parse_sandbox_snapshot(body: bytes | str) -> list[DiscoveredDestination] | None:
    """The sandbox's `{"destinations": [{destination, kind, depth, consumers, ...}]}` body."""
    try:
        document = json.loads(body)
    except ValueError:
        return None
    rows = document.get("destinations") if isinstance(document, dict) else None
    if not isinstance(rows, list):
        return None
    found: list[DiscoveredDestination] = []
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("destination"), str):
            continue
        destination = row["destination"]
        try:
            kind = DestinationKind(str(row.get("kind")))
        except ValueError:
            kind = kind_of(destination)
        found.append(
            DiscoveredDestination(
                destination,
                kind,
                Source.SANDBOX,
                depth=_optional_int(row.get("depth")),
                consumers=_optional_int(row.get("consumers")),
                enqueued=_optional_int(row.get("enqueued")),
                dequeued=_optional_int(row.get("dequeued")),
            )
        )
    return found


def sandbox_watcher(client: Client) -> TopicWatcher:
    """The sandbox's discovery topic: each snapshot is diffed against the previous one."""
    diff = SnapshotDiff()

    def parse(headers: Mapping[str, str], body: bytes) -> list[DiscoveredDestination]:
        snapshot = parse_sandbox_snapshot(body)
        return [] if snapshot is None else diff.update(snapshot)

    return TopicWatcher(client, (SANDBOX_TOPIC,), parse)
