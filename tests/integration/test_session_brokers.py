"""ConnectionSession against the real brokers: connect, subscribe, SEND with and without
receipts, refusals in the broker's words, ACK, reconnect with restore (through a local TCP
proxy that drops the connection; the shared brokers are never touched), discovery events,
counters. No Qt here."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

import pytest

from explorer.broker.kind import BrokerKind
from explorer.client import Client, ReconnectPolicy, WireRecord
from explorer.client.url import parse_url
from explorer.discovery.model import DiscoveredDestination
from explorer.discovery.service import DiscoveryConfig
from explorer.session import (
    ComposeRequest,
    ConnectionSession,
    DestinationChange,
    Notice,
    SendRefused,
    SendRefusedLater,
    SessionState,
    Status,
    SubscribeRefused,
    SubscriptionRefused,
    Target,
)
from explorer.session.subscriptions import LiveSubscription
from explorer.store import LogEntry
from tests.support.brokers import Broker, unique

FAST_RECONNECT = ReconnectPolicy(initial_delay=0.2, max_delay=2.0, jitter=0.0)


class Collector:
    """A sink that keeps everything and lets a test wait for a condition."""

    def __init__(self) -> None:
        self.states: list[Status] = []
        self.entries: list[LogEntry] = []
        self.changes: list[DestinationChange] = []
        self.notices: list[Notice] = []
        self.records: list[WireRecord] = []

    def on_state(self, status: Status) -> None:
        self.states.append(status)

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        self.entries.extend(entries)

    def on_destinations(self, changes: Sequence[DestinationChange]) -> None:
        self.changes.extend(changes)

    def on_subscriptions(self, subscriptions: Mapping[str, LiveSubscription]) -> None:
        pass

    def on_notice(self, notice: Notice) -> None:
        self.notices.append(notice)

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        self.records.extend(records)

    def received(self, destination: str) -> list[LogEntry]:
        return [
            e
            for e in self.entries
            if e.direction == "in" and e.command == "MESSAGE" and e.destination == destination
        ]

    def sent_frames(self, command: str, destination: str) -> int:
        return sum(
            1
            for r in self.records
            if r.frame is not None
            and r.frame.command == command
            and r.frame.header("destination") == destination
        )


async def until(condition: Callable[[], object], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}")
        await asyncio.sleep(0.02)


def target_for(broker: Broker, url: str | None = None, **options: Any) -> Target:
    client_options: dict[str, Any] = {
        "login": broker.login,
        "passcode": broker.passcode,
        "host": broker.vhost or "/",
        "heartbeat": (0, 0),
        **options,
    }
    return Target("test", parse_url(url or broker.stomp_url), client_options)


@asynccontextmanager
async def session_on(target: Target) -> AsyncIterator[tuple[ConnectionSession, Collector]]:
    sink = Collector()
    session = ConnectionSession(target, sink)
    await session.connect()
    try:
        yield session, sink
    finally:
        await session.shutdown()


def send(destination: str, body: bytes, *, receipt: bool = False) -> ComposeRequest:
    return ComposeRequest("SEND", (("destination", destination),), body, receipt=receipt)


class DroppingProxy:
    """A TCP proxy to a broker whose connections a test can cut (a network failure)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.listen_port = 0
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []

    async def __aenter__(self) -> DroppingProxy:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.listen_port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.cut()
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    def cut(self) -> None:
        for writer in self._writers:
            writer.transport.abort()
        self._writers.clear()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(self.host, self.port)
        self._writers += [writer, up_writer]

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                sink.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


@pytest.mark.asyncio
@pytest.mark.activemq
async def test_activemq_subscribe_send_receive_and_count(activemq: Broker) -> None:
    destination = f"/queue/{unique('session')}"
    async with session_on(target_for(activemq)) as (session, sink):
        assert session.state is SessionState.CONNECTED
        assert session.broker_kind is BrokerKind.ACTIVEMQ
        await session.subscribe(destination, confirm=True)
        result = await session.execute(send(destination, "안녕 {{n}}".encode(), receipt=True))
        assert result.confirmed is True and result.receipt_rtt is not None
        await until(lambda: sink.received(destination), "the message")
        assert sink.received(destination)[0].body == "안녕 1".encode()
        assert session.counters.received == 1 and session.counters.sent == 1
        outgoing = [e for e in sink.entries if e.direction == "out"]
        assert [e.destination for e in outgoing] == [destination]


@pytest.mark.asyncio
@pytest.mark.activemq
async def test_activemq_client_ack_removes_the_message(activemq: Broker) -> None:
    destination = f"/queue/{unique('session-ack')}"
    async with session_on(target_for(activemq)) as (session, sink):
        await session.subscribe(destination, ack="client-individual", confirm=True)
        await session.execute(send(destination, b"work", receipt=True))
        await until(lambda: sink.received(destination), "the message")
        entry = sink.received(destination)[0]
        assert session.needs_ack(entry)
        assert await session.acknowledge(entry) == entry.header("message-id")
        assert not session.needs_ack(entry)
        await session.unsubscribe(destination)
        assert await session.peek(destination) == 0  # acknowledged: gone from the queue


@pytest.mark.asyncio
@pytest.mark.activemq
async def test_activemq_reconnect_restores_the_subscriptions(activemq: Broker) -> None:
    destination = f"/queue/{unique('session-restore')}"
    async with DroppingProxy(activemq.host, activemq.stomp_port) as proxy:
        url = f"stomp://127.0.0.1:{proxy.listen_port}"
        async with session_on(target_for(activemq, url, reconnect=FAST_RECONNECT)) as (
            session,
            sink,
        ):
            sub = await session.subscribe(destination, confirm=True)
            proxy.cut()
            await until(lambda: session.state is SessionState.RECONNECTING, "the loss")
            await until(lambda: session.state is SessionState.CONNECTED, "the reconnect")
            assert session.subscriptions[destination].id == sub.id
            await until(lambda: sink.sent_frames("SUBSCRIBE", destination) == 2, "re-subscribe")
            async with Client(activemq.stomp_url) as other:
                await other.send(destination, "after the drop", receipt=True)
            await until(lambda: sink.received(destination), "the message after the reconnect")
            assert sink.received(destination)[0].body == b"after the drop"


@pytest.mark.asyncio
@pytest.mark.activemq
async def test_activemq_advisories_reach_the_sink_as_discovered_destinations(
    activemq: Broker,
) -> None:
    destination = f"/queue/{unique('session-discovery')}"

    def plan(kind: BrokerKind) -> DiscoveryConfig:
        return DiscoveryConfig(broker=kind, advisory_consumers=False)

    base = target_for(activemq)
    target = Target(base.name, base.endpoint, base.client_options, discovery=plan)
    async with session_on(target) as (session, sink):
        await session.execute(send(destination, b"x", receipt=True))

        def discovered() -> bool:
            return any(
                isinstance(c, DiscoveredDestination) and c.destination == destination
                for c in sink.changes
            )

        await until(discovered, "the advisory for the new queue")
        assert session.counters.received == 0  # advisories feed the tree, not the log


@pytest.mark.asyncio
@pytest.mark.rabbitmq
async def test_rabbitmq_refused_subscription_is_dropped_and_the_connection_stays_up(
    rabbitmq: Broker,
) -> None:
    """Issue 12, defect 1: RabbitMQ answers this SUBSCRIBE with an ERROR and closes the
    connection. The subscription is reported with the broker's words, never sent again, and
    the connection comes back and stays up (before: it was re-sent after every reconnect,
    an ERROR a second, forever)."""
    bad = "/exchange/does-not-exist/x"
    good = f"/queue/{unique('session-good')}"
    async with session_on(target_for(rabbitmq, reconnect=FAST_RECONNECT)) as (session, sink):
        await session.subscribe(bad)
        await until(lambda: any(isinstance(n, SubscriptionRefused) for n in sink.notices), "why")
        refused = [n for n in sink.notices if isinstance(n, SubscriptionRefused)]
        assert refused[0].destination == bad and refused[0].message == "not_found"
        assert "no exchange 'does-not-exist'" in refused[0].detail
        assert bad not in session.subscriptions
        assert bad not in {s.destination for s in session.subscription_specs()}
        await until(lambda: any(s.state is SessionState.RECONNECTING for s in sink.states), "drop")
        await until(lambda: session.state is SessionState.CONNECTED, "the reconnect")
        # In order: had the bad SUBSCRIBE been sent again, its ERROR (and the close) would
        # come before this receipt.
        await session.subscribe(good, confirm=True)
        await session.execute(send(good, b"still here", receipt=True))
        await until(lambda: sink.received(good), "a message on the good queue")
        assert sink.sent_frames("SUBSCRIBE", bad) == 1
        assert session.counters.errors == 1
        assert session.state is SessionState.CONNECTED


@pytest.mark.asyncio
@pytest.mark.rabbitmq
async def test_rabbitmq_refused_send_shows_the_brokers_words(rabbitmq: Broker) -> None:
    async with session_on(target_for(rabbitmq, reconnect=FAST_RECONNECT)) as (session, sink):
        with pytest.raises(SendRefused) as refused:
            await session.execute(send("/bogus/x", b"x", receipt=True))
        assert refused.value.broker_message == "Unknown destination"
        assert "'/bogus/x' is not a valid destination." in refused.value.broker_detail
        await until(lambda: session.state is SessionState.CONNECTED, "the reconnect")
        result = await session.execute(send("/bogus/x", b"x"))  # no receipt: the window
        assert result.confirmed is None
        await until(lambda: any(isinstance(n, SendRefusedLater) for n in sink.notices), "refusal")
        later = next(n for n in sink.notices if isinstance(n, SendRefusedLater))
        assert later.destinations == ("/bogus/x",) and later.message == "Unknown destination"
        assert session.counters.refused == 1


@pytest.mark.asyncio
@pytest.mark.activemq
async def test_activemq_refused_selector_is_dropped_by_its_receipt_id(activemq: Broker) -> None:
    """ActiveMQ answers a bad SUBSCRIBE with an ERROR naming its receipt-id and stays
    connected: only that subscription is dropped, with the broker's words."""
    kept = f"/queue/{unique('session-kept')}"
    bad = f"/queue/{unique('session-selector')}"
    async with session_on(target_for(activemq)) as (session, sink):
        await session.subscribe(kept, confirm=True)
        with pytest.raises(SubscribeRefused) as refused:
            await session.subscribe(bad, (("selector", "not = a selector ("),), confirm=True)
        assert "InvalidSelectorException" in refused.value.broker_detail
        assert [n.destination for n in sink.notices if isinstance(n, SubscriptionRefused)] == [bad]
        assert set(session.subscriptions) == {kept}
        assert session.state is SessionState.CONNECTED
        await session.execute(send(kept, b"still subscribed", receipt=True))
        await until(lambda: sink.received(kept), "a message on the kept subscription")


@pytest.mark.asyncio
@pytest.mark.rabbitmq
async def test_rabbitmq_web_stomp_subscribe_send_receive(rabbitmq: Broker) -> None:
    assert rabbitmq.ws_url is not None
    destination = f"/queue/{unique('session-ws')}"
    async with session_on(target_for(rabbitmq, rabbitmq.ws_url)) as (session, sink):
        assert session.broker_kind is BrokerKind.RABBITMQ
        await session.subscribe(destination, confirm=True)
        result = await session.execute(send(destination, b"over ws {{n}}", receipt=True))
        assert result.confirmed is True
        await until(lambda: sink.received(destination), "the message over WebSocket")
        assert sink.received(destination)[0].body == b"over ws 1"
