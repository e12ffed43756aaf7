"""A server that accepts the login and then drops the connection at once (what RabbitMQ does
after an ERROR, or a proxy that resets): the real client reconnects, and the session's delays
grow with each drop instead of starting over (issue 12, defect 1: a constant-rate loop)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager

import pytest

from explorer.client import ReconnectPolicy, WireRecord
from explorer.client.url import parse_url
from explorer.session import (
    ConnectionSession,
    DestinationChange,
    Notice,
    SessionState,
    Status,
    Target,
)
from explorer.session.subscriptions import LiveSubscription
from explorer.store import LogEntry

CONNECTED = b"CONNECTED\nversion:1.2\nserver:Flapper/1.0\nheart-beat:0,0\n\n\x00"


@asynccontextmanager
async def flapping_server() -> AsyncIterator[int]:
    """Answers every CONNECT with CONNECTED, then closes the connection."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\x00")
        writer.write(CONNECTED)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()
        await server.wait_closed()


class States:
    def __init__(self) -> None:
        self.seen: list[Status] = []

    def on_state(self, status: Status) -> None:
        self.seen.append(status)

    def delays(self) -> list[float]:
        return [
            s.reconnect_in
            for s in self.seen
            if s.state is SessionState.RECONNECTING and s.reconnect_in is not None
        ]

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        pass

    def on_destinations(self, changes: Sequence[DestinationChange]) -> None:
        pass

    def on_subscriptions(self, subscriptions: Mapping[str, LiveSubscription]) -> None:
        pass

    def on_notice(self, notice: Notice) -> None:
        pass

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        pass


async def until(condition: Callable[[], object], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}")
        await asyncio.sleep(0.01)


@pytest.mark.asyncio
async def test_reconnect_delays_grow_while_connections_drop_at_once() -> None:
    policy = ReconnectPolicy(initial_delay=0.05, max_delay=0.4, jitter=0.0)
    states = States()
    async with flapping_server() as port:
        target = Target(
            "flapper",
            parse_url(f"stomp://127.0.0.1:{port}"),
            {"heartbeat": (0, 0), "reconnect": policy},
        )
        session = ConnectionSession(target, states)
        await session.connect()
        try:
            await until(lambda: len(states.delays()) >= 5, "five reconnects")
        finally:
            await session.shutdown()
    # Each drop came right after CONNECTED: the next wait doubles, up to the maximum. (The
    # very first drop may come before the session saw CONNECTED: then it starts at 0.05.)
    delays = states.delays()[:5]
    assert delays in ([0.1, 0.2, 0.4, 0.4, 0.4], [0.05, 0.1, 0.2, 0.4, 0.4]), delays
    assert session.backoff is not None and session.backoff.flaps >= 4
