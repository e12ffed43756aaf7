"""The WebSocket transport against a local `websockets` server: subprotocols, handshake
headers, text vs binary frames, heart-beats as "\\n" text messages, any inbound framing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import pytest
from websockets.asyncio.server import ServerConnection, serve

from explorer.client import Client, WebSocketHandshakeError, WebSocketOptions
from explorer.stomp import Frame, FrameParser, serialize

CONNECTED = serialize(Frame("CONNECTED", (("version", "1.2"), ("heart-beat", "0,0"))))


@dataclass
class WsPeer:
    messages: asyncio.Queue[str | bytes] = field(default_factory=asyncio.Queue)
    connection: ServerConnection | None = None
    request_headers: dict[str, str] = field(default_factory=dict)
    ready: asyncio.Event = field(default_factory=asyncio.Event)


@asynccontextmanager
async def ws_server(subprotocols: list[str] | None = None) -> AsyncIterator[tuple[str, WsPeer]]:
    peer = WsPeer()

    async def handler(ws: ServerConnection) -> None:
        peer.connection = ws
        assert ws.request is not None
        peer.request_headers = {k.lower(): v for k, v in ws.request.headers.raw_items()}
        peer.request_headers[":path"] = ws.request.path
        async for msg in ws:
            if isinstance(msg, str) and msg.startswith("CONNECT"):
                await ws.send(CONNECTED.decode())
                peer.ready.set()
                continue
            await peer.messages.put(msg)

    from websockets.typing import Subprotocol

    async with serve(
        handler,
        "127.0.0.1",
        0,
        subprotocols=[Subprotocol(p) for p in (subprotocols or ["v12.stomp"])],
    ) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        yield f"ws://127.0.0.1:{port}/stomp?x=1", peer


@pytest.mark.asyncio
async def test_handshake_offers_stomp_subprotocols_and_extra_headers() -> None:
    async with ws_server() as (url, peer):
        options = WebSocketOptions(
            headers=(("Authorization", "Bearer t"), ("Cookie", "a=b")), origin="http://example.test"
        )
        client = Client(url, websocket=options, heartbeat=(0, 0))
        await client.connect()
        headers = peer.request_headers
        assert headers["sec-websocket-protocol"] == "v12.stomp, v11.stomp, v10.stomp"
        assert headers["authorization"] == "Bearer t"
        assert headers["cookie"] == "a=b"
        assert headers["origin"] == "http://example.test"
        assert headers[":path"] == "/stomp?x=1"
        await client.close()


@pytest.mark.asyncio
async def test_one_frame_per_message_text_when_utf8_binary_otherwise() -> None:
    async with ws_server() as (url, peer):
        client = Client(url, heartbeat=(0, 0))
        await client.connect()
        await client.send("/queue/a", "안녕")
        await client.send("/queue/a", b"\xff\x00\xfe")
        text = await asyncio.wait_for(peer.messages.get(), 5)
        binary = await asyncio.wait_for(peer.messages.get(), 5)
        assert isinstance(text, str) and text.endswith("안녕\0")
        assert isinstance(binary, bytes) and binary.endswith(b"\xff\x00\xfe\0")
        parsed = FrameParser(server_side=True).feed(binary)
        assert isinstance(parsed[0], Frame) and parsed[0].body == b"\xff\x00\xfe"
        await client.close()


@pytest.mark.asyncio
async def test_heartbeat_is_a_newline_text_message() -> None:
    async with ws_server() as (url, peer):
        client = Client(url, heartbeat=(30, 0))
        await client.connect()
        # The fake answered heart-beat 0,0, so negotiate nothing; send one by hand through the
        # transport the way the heart-beat task does.
        assert client.heartbeat == (0, 0)
        transport = client._transport
        assert transport is not None
        await transport.send_heartbeat()
        assert await asyncio.wait_for(peer.messages.get(), 5) == "\n"
        await client.close()


@pytest.mark.asyncio
async def test_any_inbound_framing_is_accepted() -> None:
    async with ws_server() as (url, peer):
        client = Client(url, heartbeat=(0, 0))
        await client.connect()
        sub = await client.subscribe("/queue/a")
        await asyncio.wait_for(peer.messages.get(), 5)  # the SUBSCRIBE
        frames = [
            serialize(
                Frame(
                    "MESSAGE",
                    (("destination", "/queue/a"), ("subscription", sub.id), ("message-id", str(i))),
                    f"m{i}".encode(),
                )
            )
            for i in range(4)
        ]
        ws = peer.connection
        assert ws is not None
        await ws.send(frames[0] + b"\n" + frames[1])  # two frames in one binary message
        await ws.send(frames[2][:7])  # one frame split over two messages
        await ws.send(frames[2][7:] + b"\n")
        await ws.send(frames[3].decode())  # text message
        bodies = [(await sub.get(timeout=5)).body for _ in range(4)]
        assert bodies == [b"m0", b"m1", b"m2", b"m3"]
        await client.close()


@pytest.mark.asyncio
async def test_refused_subprotocol_is_a_clear_handshake_error() -> None:
    async with ws_server(subprotocols=["mqtt"]) as (url, _peer):
        client = Client(url)
        with pytest.raises(WebSocketHandshakeError, match="WebSocket handshake"):
            await client.connect()
