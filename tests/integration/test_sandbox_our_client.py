"""Our own asyncio client (explorer.client) against the sandbox, over TCP and WebSocket:
the pair the app uses for its built-in "Sandbox" profile."""

from __future__ import annotations

import pytest

from explorer.client import Client
from explorer.sandbox import SandboxBroker
from tests.support.sandbox import sandbox_broker

__all__ = ["sandbox_broker"]


@pytest.mark.asyncio
@pytest.mark.parametrize("transport", ["tcp", "ws"])
async def test_round_trip_ack_nack_and_transactions(
    sandbox_broker: SandboxBroker, transport: str
) -> None:
    url = sandbox_broker.tcp_url if transport == "tcp" else sandbox_broker.ws_url
    async with Client(url, heartbeat=(200, 200)) as client:
        assert client.version == "1.2"
        assert client.server == sandbox_broker.server_name
        sub = await client.subscribe("/queue/ours", ack="client-individual", receipt=True)
        await client.send("/queue/ours", "안녕", headers={"x-a": "1"}, receipt=True)
        first = await sub.get(timeout=5)
        assert (first.text(), first.header("x-a")) == ("안녕", "1")
        await client.nack(first)
        again = await sub.get(timeout=5)
        assert again.header("redelivered") == "true"
        await client.ack(again)
        tx = await client.begin()
        await client.send("/queue/ours", "in tx", transaction=tx)
        await client.commit(tx)
        committed = await sub.get(timeout=5)
        assert committed.text() == "in tx"
        await client.ack(committed)
    assert sandbox_broker.destinations.depth("/queue/ours") == 0
