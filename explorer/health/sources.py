"""Where health figures come from, per broker, and the sentence when there is nowhere.

- ActiveMQ: Jolokia (`JolokiaHealth`): QueueSize, ConsumerCount, EnqueueCount,
  DequeueCount of every queue and topic in one bulk read; the oldest message's age from the
  JMS timestamp at the head of each non-empty queue (Jolokia `browse()`, one message back,
  at most `max_age_lookups` queues per reading: second precision). Rates are derived from
  the counters by the monitor.
- RabbitMQ: the management API (`ManagementHealth`): per queue `messages`, `consumers`,
  `message_stats.publish` / `deliver_get` and the broker's own rates (`*_details.rate`),
  and `head_message_timestamp` when the producer set the AMQP `timestamp` (else no age).
  The management API refreshes its figures about every 5 s. Topics are routing keys on an
  exchange there: each STOMP topic subscription is a queue of its own, listed as such.
- The sandbox: its own feed, in process (`SandboxHealth(broker.snapshot)`) or over STOMP
  from `/topic/sandbox.destinations` (`SandboxFeedHealth(client)`): depth, consumers,
  counters; no age.

`unavailable_reason(kind, jolokia=..., management=...)` is the sentence for a broker that
offers none (Spring's simple broker, RabbitMQ without the management API, ...).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from explorer.broker.kind import BrokerKind
from explorer.client import Client, ClientError, Subscription
from explorer.discovery.naming import is_advisory_name
from explorer.discovery.rabbitmq_management import map_queue
from explorer.discovery.topic_watch import SANDBOX_TOPIC, parse_sandbox_snapshot
from explorer.health.model import Reading, Scope
from explorer.operations.admin import JolokiaAdmin, ManagementAdmin

MAX_AGE_LOOKUPS = 20


class HealthSource(Protocol):
    """Anything that can report the destinations of a scope right now."""

    name: str

    async def read(self, scope: Scope) -> list[Reading]: ...


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _float(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


class JolokiaHealth:
    """ActiveMQ figures over Jolokia."""

    name = "jolokia"
    ATTRIBUTES = ("QueueSize", "ConsumerCount", "EnqueueCount", "DequeueCount")

    def __init__(
        self,
        admin: JolokiaAdmin,
        *,
        oldest: bool = True,
        max_age_lookups: int = MAX_AGE_LOOKUPS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.admin = admin
        self.oldest = oldest
        self.max_age_lookups = max_age_lookups
        self.clock = clock

    async def read(self, scope: Scope) -> list[Reading]:
        table = await self.admin.read_destinations(self.ATTRIBUTES)
        rows = [
            (destination, attrs)
            for destination, attrs in sorted(table.items())
            if scope.covers(destination) and not is_advisory_name(destination.split("/", 2)[2])
        ]
        ages = await self._ages(rows) if self.oldest else {}
        return [
            Reading(
                destination=destination,
                kind="queue" if destination.startswith("/queue/") else "topic",
                depth=_int(attrs.get("QueueSize")),
                consumers=_int(attrs.get("ConsumerCount")),
                enqueued=_int(attrs.get("EnqueueCount")),
                dequeued=_int(attrs.get("DequeueCount")),
                oldest_age=ages.get(destination),
            )
            for destination, attrs in rows
        ]

    async def _ages(self, rows: Sequence[tuple[str, Mapping[str, Any]]]) -> dict[str, float]:
        ages: dict[str, float] = {}
        waiting: list[tuple[str, str]] = []
        for destination, attrs in rows:
            if not destination.startswith("/queue/"):
                continue
            if attrs.get("QueueSize") == 0:
                ages[destination] = 0.0
            elif len(waiting) < self.max_age_lookups:
                waiting.append((destination, str(attrs["_mbean"])))
        stamps = await self.admin.head_timestamps([mbean for _, mbean in waiting])
        now = self.clock()
        for (destination, _), stamp in zip(waiting, stamps, strict=True):
            if stamp is not None:
                ages[destination] = max(0.0, now - stamp)
        return ages


class ManagementHealth:
    """RabbitMQ figures over the management API (queues of one virtual host)."""

    name = "management"
    COLUMNS = (
        "name",
        "messages",
        "consumers",
        "message_stats",
        "head_message_timestamp",
        "durable",
        "auto_delete",
        "exclusive",
        "type",
    )

    def __init__(self, admin: ManagementAdmin, *, clock: Callable[[], float] = time.time) -> None:
        self.admin = admin
        self.clock = clock

    async def read(self, scope: Scope) -> list[Reading]:
        now = self.clock()
        readings: list[Reading] = []
        for item in await self.admin.queues(self.COLUMNS):
            mapped = map_queue(item)
            if not scope.covers(mapped.destination):
                continue
            stats = item.get("message_stats")
            stats = stats if isinstance(stats, Mapping) else {}
            head = _float(item.get("head_message_timestamp"))
            depth = mapped.depth
            age = max(0.0, now - head) if head is not None else (0.0 if depth == 0 else None)
            readings.append(
                Reading(
                    destination=mapped.destination,
                    kind="queue",
                    depth=depth,
                    consumers=mapped.consumers,
                    enqueued=mapped.enqueued,
                    dequeued=mapped.dequeued,
                    enqueue_rate=_rate(stats, "publish_details"),
                    dequeue_rate=_rate(stats, "deliver_get_details"),
                    oldest_age=age,
                )
            )
        readings.sort(key=lambda r: r.destination)
        return readings


def _rate(stats: Mapping[str, Any], name: str) -> float | None:
    details = stats.get(name)
    return _float(details.get("rate")) if isinstance(details, Mapping) else None


class SnapshotRow(Protocol):
    """A row of the sandbox's feed: `explorer.sandbox.DestinationInfo` in process, the
    parsed `DiscoveredDestination` over STOMP."""

    @property
    def destination(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def depth(self) -> int | None: ...
    @property
    def consumers(self) -> int | None: ...
    @property
    def enqueued(self) -> int | None: ...
    @property
    def dequeued(self) -> int | None: ...


def _sandbox_readings(rows: Sequence[SnapshotRow], scope: Scope) -> list[Reading]:
    return [
        Reading(
            destination=row.destination,
            kind=str(row.kind),
            depth=row.depth,
            consumers=row.consumers,
            enqueued=row.enqueued,
            dequeued=row.dequeued,
        )
        for row in sorted(rows, key=lambda r: r.destination)
        if scope.covers(row.destination)
    ]


class SandboxHealth:
    """The in-process sandbox's own feed: `SandboxHealth(broker.snapshot)`."""

    name = "sandbox"

    def __init__(self, snapshot: Callable[[], Sequence[SnapshotRow]]) -> None:
        self.snapshot = snapshot

    async def read(self, scope: Scope) -> list[Reading]:
        return _sandbox_readings(self.snapshot(), scope)


class SandboxFeedHealth:
    """Any sandbox over STOMP: the latest snapshot published on its discovery topic.

    `await start()` subscribes (the sandbox answers with the current snapshot at once and
    then one per change, at most twice a second); `await close()` unsubscribes.
    """

    name = "sandbox"

    def __init__(self, client: Client) -> None:
        self.client = client
        self._rows: Sequence[SnapshotRow] | None = None
        self._first = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._sub: Subscription | None = None

    async def start(self, timeout: float = 10.0) -> None:
        self._sub = await self.client.subscribe(SANDBOX_TOPIC, receipt=True, timeout=timeout)
        self._task = asyncio.create_task(self._follow(self._sub))
        async with asyncio.timeout(timeout):
            await self._first.wait()

    async def _follow(self, sub: Subscription) -> None:
        with contextlib.suppress(ClientError, StopAsyncIteration):
            async for message in sub:
                rows = parse_sandbox_snapshot(message.body)
                if rows is not None:
                    self._rows = list(rows)
                    self._first.set()

    async def read(self, scope: Scope) -> list[Reading]:
        return _sandbox_readings(self._rows or [], scope)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._sub is not None and self.client.connected:
            with contextlib.suppress(ClientError):
                await self._sub.unsubscribe()


def unavailable_reason(
    broker: BrokerKind, *, jolokia: bool = False, management: bool = False
) -> str | None:
    """Why no health figures can be had for this broker (None: they can)."""
    if broker is BrokerKind.SANDBOX:
        return None
    if broker is BrokerKind.ACTIVEMQ:
        if jolokia:
            return None
        return (
            "ActiveMQ reports destination figures through Jolokia only: add its URL to the "
            "profile (or --jolokia URL), e.g. http://localhost:8161/api/jolokia"
        )
    if broker is BrokerKind.RABBITMQ:
        if management:
            return None
        return (
            "RabbitMQ reports queue figures through its management API only: add its URL "
            "to the profile (or --management URL), e.g. http://localhost:15672"
        )
    if broker is BrokerKind.SPRING:
        return (
            "Spring's simple broker keeps no queues and reports no figures (depth, consumers, "
            "rates): there is nothing to chart; the message log still shows the traffic"
        )
    if broker is BrokerKind.ARTEMIS:
        return (
            "Artemis health figures are not supported yet (its Jolokia MBeans differ from "
            "ActiveMQ's); the message log still shows the traffic"
        )
    return (
        "this broker is unknown, so there is no API to read destination figures from; the "
        "message log still shows the traffic"
    )
