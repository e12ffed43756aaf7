"""Reconnect against a real broker that goes away: a PRIVATE ActiveMQ (own ports, own data dir,
started with the project's rig) is stopped and started during a subscription. The shared
brokers are never touched."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from explorer.client import (
    Client,
    Connected,
    ConnectionLost,
    EventStream,
    ReconnectPolicy,
    State,
)
from tests.support.brokers import unique

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class PrivateActiveMQ:
    env: dict[str, str]
    stomp_port: int

    @property
    def url(self) -> str:
        return f"stomp://127.0.0.1:{self.stomp_port}"

    def run(self, verb: str) -> None:
        result = subprocess.run(
            [str(REPO / "scripts" / "brokers"), verb, "activemq"],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=100,
            check=False,
        )
        assert result.returncode == 0, f"brokers {verb} failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture
def private_activemq(tmp_path: Path) -> Iterator[PrivateActiveMQ]:
    stomp_port = free_port()
    env = {
        **os.environ,
        "BROKERS_HOME": str(tmp_path / "brokers"),
        "AMQ_STOMP_PORT": str(stomp_port),
        "AMQ_OPENWIRE_PORT": str(free_port()),
        "AMQ_JOLOKIA_PORT": str(free_port()),
        "AMQ_HEAP": "256M",
    }
    broker = PrivateActiveMQ(env, stomp_port)
    broker.run("start")
    try:
        yield broker
    finally:
        broker.run("stop")


async def next_of(events: EventStream, kind: type, timeout: float = 60.0) -> object:
    while True:
        event = await events.get(timeout=timeout)
        if isinstance(event, kind):
            return event


@pytest.mark.activemq
@pytest.mark.slow
@pytest.mark.asyncio
async def test_client_reconnects_resubscribes_and_receives_after_a_broker_restart(
    private_activemq: PrivateActiveMQ,
) -> None:
    destination = f"/queue/{unique('reconnect')}"
    client = Client(
        private_activemq.url,
        heartbeat=(0, 0),
        reconnect=ReconnectPolicy(initial_delay=0.2, max_delay=1.0),
    )
    events = client.events()
    await client.connect()
    try:
        sub = await client.subscribe(destination, receipt=True)
        await client.send(destination, "before", receipt=True)
        assert (await sub.get(timeout=10)).body == b"before"

        await asyncio.to_thread(private_activemq.run, "stop")
        lost = await next_of(events, ConnectionLost)
        assert isinstance(lost, ConnectionLost) and lost.reconnecting
        state_while_down = client.state
        assert state_while_down is not State.CONNECTED

        await asyncio.to_thread(private_activemq.run, "start")
        connected = await next_of(events, Connected)
        assert isinstance(connected, Connected)
        assert connected.resubscribed == (sub.id,)
        assert client.state is State.CONNECTED

        # Another connection sends after the restart; our old Subscription object receives.
        sender = Client(private_activemq.url, heartbeat=(0, 0))
        await sender.connect()
        try:
            await sender.send(destination, "after the restart", receipt=True)
        finally:
            await sender.disconnect()
        assert (await sub.get(timeout=30)).body == b"after the restart"
    finally:
        await client.disconnect()
