"""Reconnect (back-off, re-subscription, auth failures) and the wire tap, against the fake peer."""

from __future__ import annotations

import itertools
import random

import pytest

from explorer.client import (
    Client,
    Connected,
    ConnectFailed,
    Connecting,
    ConnectionLost,
    ConnectionLostError,
    Direction,
    Reconnecting,
    ReconnectPolicy,
    State,
    WireRecord,
)
from explorer.stomp import Frame
from tests.unit.client.fake_broker import FakeBroker, connected


def no_wait() -> itertools.repeat[float]:
    return itertools.repeat(0.0)


def test_backoff_grows_exponentially_is_capped_and_jittered() -> None:
    policy = ReconnectPolicy(
        initial_delay=1.0, factor=2.0, max_delay=10.0, jitter=0.1, max_attempts=8
    )
    delays = list(policy.iter_delays(random.Random(7)))
    assert len(delays) == 8
    for delay, nominal in zip(delays, [1, 2, 4, 8, 10, 10, 10, 10], strict=True):
        assert nominal * 0.9 <= delay <= min(10.0, nominal * 1.1)


def test_injected_delays_are_used_as_given() -> None:
    policy = ReconnectPolicy(delays=lambda: [0.0, 0.5, 0.25], max_attempts=2)
    assert list(policy.iter_delays()) == [0.0, 0.5]


@pytest.mark.asyncio
async def test_reconnects_resubscribes_with_the_same_headers_and_keeps_the_subscription() -> None:
    async with FakeBroker() as broker:
        client = Client(broker.url, reconnect=ReconnectPolicy(delays=no_wait))
        events = client.events()
        await client.connect()
        first = await broker.accept()
        await first.expect("CONNECT")
        sub = await client.subscribe("/queue/a", ack="client", headers={"selector": "x > 1"})
        original = await first.expect("SUBSCRIBE")
        first.close()

        second = await broker.accept()
        await second.expect("CONNECT")
        again = await second.expect("SUBSCRIBE")
        assert again.headers == original.headers
        second.send(
            Frame(
                "MESSAGE",
                (("destination", "/queue/a"), ("subscription", sub.id), ("message-id", "after")),
                b"after the restart",
            )
        )
        msg = await sub.get(timeout=5)
        assert msg.body == b"after the restart"

        kinds = []
        while True:
            event = await events.get(timeout=5)
            kinds.append(type(event))
            if isinstance(event, Connected) and event.resubscribed:
                assert event.resubscribed == (sub.id,)
                break
        assert kinds == [Connecting, Connected, ConnectionLost, Reconnecting, Connecting, Connected]
        assert client.state is State.CONNECTED
        await client.close()


@pytest.mark.asyncio
async def test_auth_failure_while_reconnecting_is_not_retried() -> None:
    def answer(frame: Frame, n: int) -> Frame:
        if n == 1:
            return connected()
        return Frame("ERROR", (("message", "Bad CONNECT"),), b"Access refused for user 'guest'")

    async with FakeBroker(answer) as broker:
        client = Client(broker.url, reconnect=ReconnectPolicy(delays=no_wait))
        events = client.events()
        await client.connect()
        peer = await broker.accept()
        sub = await client.subscribe("/queue/a")
        await peer.expect("CONNECT")
        await peer.expect("SUBSCRIBE")
        peer.close()
        seen = [event async for event in events]
        reconnecting = [e for e in seen if isinstance(e, Reconnecting)]
        assert len(reconnecting) == 1  # one attempt, refused: no loop
        final = seen[-1]
        assert isinstance(final, ConnectionLost) and not final.reconnecting
        assert isinstance(final.reason, ConnectFailed) and final.reason.is_auth_failure
        assert broker.connections == 2
        with pytest.raises(ConnectionLostError):
            await sub.get(timeout=5)


@pytest.mark.asyncio
async def test_gives_up_after_max_attempts() -> None:
    async with FakeBroker() as broker:
        client = Client(broker.url, reconnect=ReconnectPolicy(delays=no_wait, max_attempts=3))
        events = client.events()
        await client.connect()
        peer = await broker.accept()
        await broker.stop()  # nobody listens any more
        peer.close()
        seen = [event async for event in events]
        assert [e.attempt for e in seen if isinstance(e, Reconnecting)] == [1, 2, 3]
        assert isinstance(seen[-1], ConnectionLost) and not seen[-1].reconnecting
        assert "refused" in str(seen[-1].reason)


@pytest.mark.asyncio
async def test_close_stops_a_reconnect_in_progress() -> None:
    async with FakeBroker() as broker:
        client = Client(broker.url, reconnect=ReconnectPolicy(delays=lambda: itertools.repeat(60)))
        events = client.events()
        await client.connect()
        peer = await broker.accept()
        peer.close()
        while not isinstance(await events.get(timeout=5), Reconnecting):
            pass
        await client.close()
        assert client.state is State.CLOSED
        assert broker.connections == 1


@pytest.mark.asyncio
async def test_wire_tap_sees_every_frame_and_heartbeat_with_the_passcode_redacted() -> None:
    records: list[WireRecord] = []
    async with FakeBroker() as broker:
        client = Client(broker.url, login="u", passcode="s3cr3t", wire_tap=records.append)
        await client.connect()
        peer = await broker.accept()
        peer.send(b"\n")
        await client.send("/queue/a", "x")
        await peer.expect("CONNECT")
        await peer.expect("SEND")
        await client.close()
    out = [r for r in records if r.direction is Direction.OUT]
    inbound = [r for r in records if r.direction is Direction.IN]
    connect = out[0]
    assert connect.frame is not None and connect.frame.command == "CONNECT"
    assert b"passcode:***\n" in connect.data and b"s3cr3t" not in connect.data
    assert connect.frame.header("passcode") == "***"
    assert all(b"s3cr3t" not in r.data for r in records)
    assert out[1].frame is not None and out[1].frame.command == "SEND"
    assert out[1].data.startswith(b"SEND\ndestination:/queue/a\n")
    assert inbound[0].frame is not None and inbound[0].frame.command == "CONNECTED"
    assert inbound[0].data.startswith(b"CONNECTED\n")
    assert any(r.is_heartbeat and r.data == b"\n" for r in inbound)
    stamps = [r.timestamp for r in records]
    assert stamps == sorted(stamps)
