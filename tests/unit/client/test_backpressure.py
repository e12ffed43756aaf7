"""Back-pressure (issue 16, defect 1): a slow consumer makes the client stop reading, so its
buffers stay bounded and the messages wait in the broker; nothing is lost. Drop policies
count what they drop. Against the sandbox broker."""

from __future__ import annotations

import asyncio

import pytest

from explorer.client import Client, MessageReceived, Overflow
from explorer.client.events import Disconnected
from explorer.sandbox import Caps, SandboxBroker
from tests.support.sandbox import running_sandbox

BODY = b"x" * 1000
COUNT = 20_000
BOUND = 100
ONE_READ = 256 * 1024 // len(BODY) + 10  # what one read may add before the reader pauses
CAPS = Caps(queue_messages=50_000, queue_bytes=64 * 2**20, total_bytes=128 * 2**20)


def fill(broker: SandboxBroker, queue: str, count: int = COUNT) -> None:
    for _ in range(count):
        broker.publish(queue, BODY)


@pytest.mark.asyncio
async def test_a_slow_subscriber_keeps_the_client_bounded_and_loses_nothing() -> None:
    async with running_sandbox(caps=CAPS) as broker:
        async with Client(broker.tcp_url, heartbeat=(0, 0), max_queued=BOUND) as client:
            sub = await client.subscribe("/queue/slow", receipt=True)
            fill(broker, "/queue/slow")  # a flood, while the consumer is slow
            longest = 0
            waiting_in_broker = 0
            ids: list[int] = []
            while len(ids) < COUNT:
                message = await sub.get(timeout=10)
                ids.append(int((message.message_id or "").rsplit("-", 1)[1]))
                longest = max(longest, len(sub))
                if len(ids) == COUNT // 10:
                    waiting_in_broker = broker.destinations.depth("/queue/slow")
                await asyncio.sleep(0)  # a consumer slower than the reader
        assert ids == sorted(ids) and len(set(ids)) == COUNT  # all of them, in order
        assert longest <= BOUND + ONE_READ  # unbounded, this reached thousands
        # What we did not read waited in the broker (unbounded: read into our memory at once).
        assert waiting_in_broker > 0


@pytest.mark.asyncio
async def test_a_slow_event_stream_is_bounded_the_same_way() -> None:
    async with running_sandbox(caps=CAPS) as broker:
        fill(broker, "/queue/events", COUNT // 4)
        async with Client(broker.tcp_url, heartbeat=(0, 0)) as client:
            events = client.events(max_queued=BOUND)
            await client.subscribe("/queue/events", queue_messages=False, receipt=True)
            seen = longest = 0
            while seen < COUNT // 4:
                event = await events.get(timeout=10)
                seen += isinstance(event, MessageReceived)
                longest = max(longest, len(events))
                await asyncio.sleep(0)
            assert longest <= BOUND + ONE_READ
            assert events.dropped == 0
            events.close()


@pytest.mark.asyncio
async def test_drop_oldest_keeps_fresh_messages_counts_the_rest_and_keeps_state_events() -> None:
    async with running_sandbox() as broker:
        client = Client(broker.tcp_url, heartbeat=(0, 0))
        events = client.events(max_queued=50, overflow=Overflow.DROP_OLDEST)
        await client.connect()
        sub = await client.subscribe("/topic/fresh", queue_messages=False, receipt=True)
        for index in range(500):
            broker.publish("/topic/fresh", str(index))
        while events.dropped + len(events) < 500 + 2:  # + Connecting, Connected
            await asyncio.sleep(0.01)
        await sub.unsubscribe()
        await client.disconnect()
        kept = [event async for event in events]
    bodies = [e.message.body for e in kept if isinstance(e, MessageReceived)]
    assert events.dropped == 500 - len(bodies) > 0
    assert bodies == [str(i).encode() for i in range(500 - len(bodies), 500)]  # the freshest
    assert len(bodies) <= 50
    assert isinstance(kept[-1], Disconnected)  # state events are never dropped


@pytest.mark.asyncio
async def test_awaiting_a_receipt_with_a_full_subscription_does_not_deadlock() -> None:
    async with running_sandbox(caps=CAPS) as broker:
        fill(broker, "/queue/acks", 600)
        async with Client(broker.tcp_url, heartbeat=(0, 0), max_queued=20) as client:
            sub = await client.subscribe("/queue/acks", ack="client-individual")
            for _ in range(600):
                message = await sub.get(timeout=10)
                await client.ack(message, receipt=True, timeout=10)
        assert broker.destinations.depth("/queue/acks") == 0


@pytest.mark.asyncio
async def test_heart_beats_unread_while_paused_do_not_kill_the_connection() -> None:
    async with running_sandbox(caps=CAPS, heartbeat_min_ms=10) as broker:
        fill(broker, "/queue/pause", 1000)
        async with Client(broker.tcp_url, heartbeat=(100, 100), max_queued=BOUND) as client:
            sub = await client.subscribe("/queue/pause")
            await asyncio.sleep(1.5)  # paused: full buffer, nobody reads; 15 broker intervals
            assert client.connected
            for _ in range(1000):
                await sub.get(timeout=10)
            assert client.connected


def test_bounds_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_queued must be at least 1"):
        Client("stomp://127.0.0.1:1", max_queued=0)
    client = Client("stomp://127.0.0.1:1", max_queued=None)  # unbounded on purpose
    assert client.events().max_queued is None
    assert client.events(max_queued=5).max_queued == 5
    with pytest.raises(ValueError, match="max_queued must be at least 1"):
        client.events(max_queued=-1)
