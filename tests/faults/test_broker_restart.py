"""ActiveMQ or RabbitMQ restarted or killed with kill -9 while our client consumes with
`client-individual` acks: the client reconnects, re-subscribes, and no message is lost;
messages that were in flight come again (duplicates), which is reported, not hidden."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
import uuid

import pytest

from explorer.client import (
    Client,
    ClientError,
    Connected,
    Direction,
    MessageReceived,
    ReconnectPolicy,
    WireRecord,
)
from tests.faults.rig import PrivateBroker

MESSAGES = 400


PREFETCH = {"activemq": "activemq.prefetchSize", "rabbitmq": "prefetch-count"}


async def preload(broker: PrivateBroker, queue: str) -> None:
    """Persistent messages, each confirmed by a RECEIPT (so it is in the broker's store)."""
    async with Client(broker.stomp_url, heartbeat=(0, 0), **broker.client_options) as producer:
        for seq in range(MESSAGES):
            await producer.send(
                queue,
                f"message {seq}",
                headers={"persistent": "true", "x-seq": str(seq)},
                receipt=True,
            )


async def consume_through(
    broker: PrivateBroker, queue: str, fault: str, report: list[str]
) -> list[int]:
    first_message_after: list[float] = []
    fault_started = [0.0]
    reconnected = [False]

    def tap(record: WireRecord) -> None:
        """Wire time (not event-processing time) of the first MESSAGE on the new connection."""
        frame = record.frame
        if not fault_started[0] or frame is None or record.direction is not Direction.IN:
            return
        if frame.command == "CONNECTED":
            reconnected[0] = True
        elif frame.command == "MESSAGE" and reconnected[0] and not first_message_after:
            first_message_after.append(record.timestamp - fault_started[0])

    client = Client(
        broker.stomp_url,
        **broker.client_options,
        wire_tap=tap,
        heartbeat=(1000, 1000),
        reconnect=ReconnectPolicy(delays=lambda: itertools.repeat(0.25)),
        connect_timeout=10,
    )
    events = client.events()
    await client.connect()
    await client.subscribe(
        queue,
        ack="client-individual",
        headers={PREFETCH[broker.kind]: "20"},
        queue_messages=False,
    )
    received: list[int] = []
    session = client.session
    faulted = False
    try:
        async for event in events:
            if isinstance(event, Connected):
                session = event.session
            elif isinstance(event, MessageReceived):
                current = session == client.session  # else its ack id means nothing any more
                received.append(int(event.message.header("x-seq") or "-1"))
                if not faulted and len(received) == MESSAGES // 3:
                    faulted = True
                    fault_started[0] = time.monotonic()
                    await asyncio.to_thread(inject, broker, fault)
                if current:  # if the connection went meanwhile, the broker redelivers it
                    with contextlib.suppress(ClientError):
                        await client.ack(event.message)
                if len(set(received)) == MESSAGES:
                    break
        if first_message_after:
            report.append(
                f"{broker.kind} {fault}: messages flowing again "
                f"{first_message_after[0]:.1f} s after the fault (broker restart included)"
            )
    finally:
        await client.disconnect()
    return received


def inject(broker: PrivateBroker, fault: str) -> None:
    if fault == "restart":
        broker.stop()
    else:
        broker.kill9()
        broker.wait_closed()
    broker.start()


@pytest.mark.asyncio
@pytest.mark.parametrize("fault", ["restart", "kill -9"])
@pytest.mark.parametrize("kind", ["activemq", "rabbitmq"])
async def test_no_message_is_lost_across_a_broker_restart(
    kind: str, fault: str, request: pytest.FixtureRequest, report: list[str]
) -> None:
    broker: PrivateBroker = request.getfixturevalue(f"private_{kind}")
    queue = f"/queue/faults.restart.{uuid.uuid4().hex[:8]}"
    await preload(broker, queue)
    try:
        received = await asyncio.wait_for(consume_through(broker, queue, fault, report), 100)
    except TimeoutError:
        pytest.fail("the consumer did not get every message within 100 s")
    lost = sorted(set(range(MESSAGES)) - set(received))
    duplicates = len(received) - len(set(received))
    report.append(f"{kind} {fault}: {MESSAGES} messages, lost {len(lost)}, duplicates {duplicates}")
    assert lost == []
    assert set(received) == set(range(MESSAGES))
