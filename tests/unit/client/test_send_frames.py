"""`Client.send_frames`: a burst in one transport write on TCP (the benchmark's producers),
a message per frame on WebSocket, receipts tracked; against the sandbox broker."""

from __future__ import annotations

import pytest

from explorer.client import Client, NotConnected
from explorer.stomp import Command, Frame
from tests.support.sandbox import running_sandbox


def burst(destination: str, count: int) -> list[Frame]:
    return [
        Frame(Command.SEND, (("destination", destination), ("n", str(n))), f"m{n}".encode())
        for n in range(count)
    ]


@pytest.mark.asyncio
@pytest.mark.parametrize("transport", ["tcp", "ws"])
async def test_a_burst_arrives_whole_and_in_order(
    transport: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with running_sandbox() as broker:
        url = broker.tcp_url if transport == "tcp" else broker.ws_url
        async with Client(url, heartbeat=(0, 0)) as client:
            sub = await client.subscribe("/queue/burst", receipt=True)
            link = client._link
            assert link is not None
            writes: list[bytes] = []
            send = link.transport.send

            async def counted(data: bytes) -> None:
                writes.append(data)
                await send(data)

            monkeypatch.setattr(link.transport, "send", counted)
            frames = burst("/queue/burst", 50)
            frames[-1] = Frame(
                Command.SEND, (*frames[-1].headers, ("receipt", client.next_receipt_id())), b"m49"
            )
            [waiter] = await client.send_frames(frames)
            assert (await waiter.wait()).command == "RECEIPT"
            # TCP: one write for the 50 frames; WebSocket: a message (a send) per frame.
            assert len(writes) == (1 if transport == "tcp" else 50)
            bodies = [(await sub.get(timeout=10)).body for _ in range(50)]
            assert bodies == [f"m{n}".encode() for n in range(50)]


@pytest.mark.asyncio
async def test_send_frames_needs_a_connection() -> None:
    client = Client("stomp://127.0.0.1:9")
    with pytest.raises(NotConnected):
        await client.send_frames(burst("/queue/x", 2))
