"""The client against the real brokers: ActiveMQ (TCP), RabbitMQ (TCP and Web-STOMP).

Each test runs once per target. Queues are unique per test run, so reruns never see old
messages.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import pytest_asyncio

from explorer.client import (
    BrokerError,
    Client,
    Direction,
    ErrorReceived,
    ReceiptReceived,
    State,
    WireRecord,
)
from explorer.stomp import Version
from tests.support.brokers import ACTIVEMQ, RABBITMQ, Broker, require, unique


@dataclass(frozen=True)
class Target:
    id: str
    broker: Broker
    url: str
    login: str | None = None
    passcode: str | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def client(self, **options: Any) -> Client:
        return Client(
            self.url, login=self.login, passcode=self.passcode, **{**self.options, **options}
        )


ACTIVEMQ_TCP = Target("activemq-tcp", ACTIVEMQ, ACTIVEMQ.stomp_url)
RABBITMQ_TCP = Target("rabbitmq-tcp", RABBITMQ, RABBITMQ.stomp_url, "guest", "guest")
RABBITMQ_WS = Target("rabbitmq-ws", RABBITMQ, RABBITMQ.ws_url or "", "guest", "guest")

TARGETS = [
    pytest.param(ACTIVEMQ_TCP, id="activemq-tcp", marks=pytest.mark.activemq),
    pytest.param(RABBITMQ_TCP, id="rabbitmq-tcp", marks=pytest.mark.rabbitmq),
    pytest.param(RABBITMQ_WS, id="rabbitmq-ws", marks=pytest.mark.rabbitmq),
]


@pytest.fixture(params=TARGETS)
def target(request: pytest.FixtureRequest) -> Target:
    value: Target = request.param
    require(value.broker)
    return value


@pytest_asyncio.fixture
async def client(target: Target) -> AsyncIterator[Client]:
    client = target.client()
    await client.connect()
    yield client
    await client.disconnect()


def queue() -> str:
    return f"/queue/{unique('client')}"


@pytest.mark.asyncio
async def test_seed_session_round_trips_korean_byte_exact(client: Client) -> None:
    # The seed's /queue/foo, made unique per run: a shared /queue/foo would let parallel test
    # runs (and other suites on the same brokers) take each other's messages.
    destination = f"/queue/{unique('foo')}"
    sub = await client.subscribe(destination, receipt=True)
    await client.send(destination, "안녕", receipt=True)
    message = await sub.get(timeout=10)
    assert message.body == "안녕".encode()
    assert message.destination == destination
    assert message.subscription == sub.id
    assert client.version is Version.V1_2


@pytest.mark.asyncio
async def test_receipts_for_subscribe_send_and_unsubscribe(client: Client) -> None:
    destination = queue()
    events = client.events()
    sub = await client.subscribe(destination, receipt=True)
    receipt = await client.send(destination, "r", receipt=True)
    assert receipt is not None and receipt.command == "RECEIPT"
    assert (await sub.get(timeout=10)).body == b"r"
    await sub.unsubscribe(receipt=True)
    seen = [e.receipt_id for e in events.take_all() if isinstance(e, ReceiptReceived)]
    assert seen == ["rcpt-1", "rcpt-2", "rcpt-3"]  # SUBSCRIBE, SEND, UNSUBSCRIBE


@pytest.mark.asyncio
async def test_client_ack_nack_and_redelivery(target: Target, client: Client) -> None:
    destination = queue()
    sub = await client.subscribe(destination, ack="client-individual", receipt=True)
    await client.send(destination, "first", receipt=True)
    await client.send(destination, "second", receipt=True)
    first = await sub.get(timeout=10)
    second = await sub.get(timeout=10)
    assert (first.body, second.body) == (b"first", b"second")
    assert first.ack_id is not None
    await client.ack(first, receipt=True)
    await client.nack(second, receipt=True)
    if target.broker is RABBITMQ:
        # RabbitMQ requeues a NACKed message (default_nack_requeue) and marks it redelivered.
        again = await sub.get(timeout=10)
        assert again.body == b"second" and again.header("redelivered") == "true"
        await client.ack(again, receipt=True)
    else:
        # ActiveMQ treats NACK as a poison ack (to the DLQ). Redelivery happens for messages
        # left unacknowledged when their consumer goes away.
        await client.send(destination, "third", receipt=True)
        third = await sub.get(timeout=10)
        assert third.body == b"third"
        await sub.unsubscribe(receipt=True)
        other = target.client()
        await other.connect()
        try:
            resub = await other.subscribe(destination, ack="client-individual")
            again = await resub.get(timeout=10)
            assert again.body == b"third" and again.header("redelivered") == "true"
            await other.ack(again, receipt=True)
        finally:
            await other.disconnect()


@pytest.mark.asyncio
async def test_committed_transaction_delivers_aborted_one_does_not(client: Client) -> None:
    destination = queue()
    sub = await client.subscribe(destination, receipt=True)
    # No receipts on the transactional SENDs: RabbitMQ confirms them only at COMMIT.
    aborted = await client.begin(receipt=True)
    await client.send(destination, "aborted", transaction=aborted)
    await client.abort(aborted, receipt=True)
    committed = await client.begin(receipt=True)
    await client.send(destination, "committed", transaction=committed)
    await client.commit(committed, receipt=True)
    await client.send(destination, "plain", receipt=True)
    bodies = [(await sub.get(timeout=10)).body for _ in range(2)]
    assert bodies == [b"committed", b"plain"]


@pytest.mark.asyncio
async def test_heartbeats_are_negotiated_and_kept(target: Target) -> None:
    records: list[WireRecord] = []
    # RabbitMQ rounds intervals to whole seconds: ask for 1000 there, 500 on ActiveMQ.
    interval = 1000 if target.broker is RABBITMQ else 500
    client = target.client(heartbeat=(interval, interval), wire_tap=records.append)
    await client.connect()
    try:
        assert client.heartbeat == (interval, interval)
        connected_at = time.monotonic()

        def idle_beats(direction: Direction) -> int:
            return sum(
                1
                for r in records
                if r.is_heartbeat and r.direction is direction and r.timestamp > connected_at
            )

        # Several intervals of silence apart from heart-beats, both ways.
        while idle_beats(Direction.IN) < 3 or idle_beats(Direction.OUT) < 3:
            await asyncio.sleep(interval / 1000 / 2)
            assert client.state is State.CONNECTED
        destination = queue()
        sub = await client.subscribe(destination)
        await client.send(destination, "still alive", receipt=True)
        assert (await sub.get(timeout=10)).body == b"still alive"
    finally:
        await client.disconnect()


async def _provoke_error(target: Target, client: Client) -> tuple[str, Any]:
    """A destination the broker refuses with an ERROR but keeps the connection open."""
    if target.broker is RABBITMQ:
        return "Unknown destination", client.send("/bogus/x", "x", receipt=True)
    return ("Invalid empty or 'null' Destination header", client.subscribe("", receipt=True))


@pytest.mark.asyncio
async def test_error_on_a_bad_destination_carries_the_broker_message(
    target: Target, client: Client
) -> None:
    events = client.events()
    expected, command = await _provoke_error(target, client)
    with pytest.raises(BrokerError) as info:
        await command
    assert info.value.message == expected
    errors = [e for e in events.take_all() if isinstance(e, ErrorReceived)]
    assert [e.message for e in errors] == [expected]
    assert client.connected  # both brokers keep the session after this ERROR
    destination = queue()
    sub = await client.subscribe(destination)
    await client.send(destination, "after the error", receipt=True)
    assert (await sub.get(timeout=10)).body == b"after the error"


@pytest.mark.asyncio
async def test_rabbitmq_invalid_destination(rabbitmq: Broker) -> None:
    client = RABBITMQ_TCP.client()
    await client.connect()
    try:
        with pytest.raises(BrokerError, match="Invalid destination"):
            await client.send("/queue", "x", receipt=True)
    finally:
        await client.disconnect()


@pytest.mark.asyncio
async def test_binary_body_with_nuls(client: Client) -> None:
    destination = queue()
    sub = await client.subscribe(destination, receipt=True)
    body = b"\x00\x01\xff\x00 binary \x00" + bytes(range(256))
    await client.send(destination, body, content_type="application/octet-stream", receipt=True)
    message = await sub.get(timeout=10)
    assert message.body == body


@pytest.mark.asyncio
async def test_five_megabyte_body(client: Client) -> None:
    destination = queue()
    sub = await client.subscribe(destination, receipt=True)
    body = (b"0123456789abcdef" * 65536) * 5  # 5 MiB
    await client.send(destination, body, receipt=True, timeout=30)
    message = await sub.get(timeout=30)
    assert len(message.body) == len(body)
    assert message.body == body
