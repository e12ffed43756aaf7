"""STOMP over WebSocket at the message level: subprotocols, framing, binary bodies, errors."""

from __future__ import annotations

import asyncio

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from explorer.sandbox import SandboxBroker
from explorer.stomp import HEARTBEAT, Frame, FrameParser
from tests.support.sandbox import sandbox_broker

__all__ = ["sandbox_broker"]

CONNECT = "CONNECT\naccept-version:1.2\nhost:x\n\n\0"


async def _frames(ws: object, parser: FrameParser, count: int) -> list[Frame]:
    frames: list[Frame] = []
    async with asyncio.timeout(5):
        while len(frames) < count:
            message = await ws.recv()  # type: ignore[attr-defined]
            data = message.encode() if isinstance(message, str) else message
            frames.extend(f for f in parser.feed(data) if isinstance(f, Frame))
    return frames


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("offered", "chosen"),
    [
        (["v12.stomp", "v11.stomp", "v10.stomp"], "v12.stomp"),
        (["v10.stomp"], "v10.stomp"),
        (None, None),
    ],
)
async def test_subprotocol_is_optional(
    sandbox_broker: SandboxBroker, offered: list[str] | None, chosen: str | None
) -> None:
    async with connect(sandbox_broker.ws_url, subprotocols=offered) as ws:  # type: ignore[arg-type]
        assert ws.subprotocol == chosen
        await ws.send(CONNECT)
        (connected,) = await _frames(ws, FrameParser(), 1)
        assert connected.command == "CONNECTED"


@pytest.mark.asyncio
async def test_any_path_and_stream_framing(sandbox_broker: SandboxBroker) -> None:
    url = f"ws://127.0.0.1:{sandbox_broker.ws_port}/some/other/path"
    async with connect(url) as ws:
        # one WS message with two frames, then one frame split over three messages
        await ws.send(CONNECT + "SUBSCRIBE\nid:s\ndestination:/queue/ws\nreceipt:r\n\n\0")
        for part in ("SEND\ndestina", "tion:/queue/ws\n\n안", "녕\0"):
            await ws.send(part)
        parser = FrameParser()
        connected, receipt, message = await _frames(ws, parser, 3)
        assert connected.command == "CONNECTED"
        assert receipt.header("receipt-id") == "r"
        assert message.body == "안녕".encode()
        # each outgoing frame is one text message
        await ws.send("SEND\ndestination:/queue/ws\n\nx\0")
        raw = await asyncio.wait_for(ws.recv(), 5)
        assert isinstance(raw, str) and raw.startswith("MESSAGE\n") and raw.endswith("x\0")


@pytest.mark.asyncio
async def test_binary_bodies_go_out_as_binary_messages(sandbox_broker: SandboxBroker) -> None:
    async with connect(sandbox_broker.ws_url) as ws:
        await ws.send(CONNECT + "SUBSCRIBE\nid:s\ndestination:/topic/bin\nreceipt:r\n\n\0")
        await _frames(ws, FrameParser(), 2)
        body = bytes(range(256))
        await ws.send(b"SEND\ndestination:/topic/bin\ncontent-length:256\n\n" + body + b"\0")
        raw = await asyncio.wait_for(ws.recv(), 5)
        assert isinstance(raw, bytes)
        parser = FrameParser()
        parser.version = "1.2"
        (message,) = parser.feed(raw)
        assert isinstance(message, Frame) and message.body == body


@pytest.mark.asyncio
async def test_heart_beats_are_newline_text_messages(sandbox_broker: SandboxBroker) -> None:
    async with connect(sandbox_broker.ws_url) as ws:
        await ws.send("CONNECT\naccept-version:1.2\nhost:x\nheart-beat:0,100\n\n\0")
        parser = FrameParser()
        (connected,) = await _frames(ws, parser, 1)
        assert connected.header("heart-beat") == "100,0"
        beats = [await asyncio.wait_for(ws.recv(), 2) for _ in range(3)]
        assert beats == ["\n", "\n", "\n"]
        assert all(item is HEARTBEAT for item in parser.feed(b"\n"))


@pytest.mark.asyncio
async def test_bad_frame_over_websocket_errors_and_closes(sandbox_broker: SandboxBroker) -> None:
    async with connect(sandbox_broker.ws_url) as ws:
        await ws.send(CONNECT + "SEND\ndestination:/queue/a\nbad:\\x\n\n\0")
        connected, error = await _frames(ws, FrameParser(), 2)
        assert (connected.command, error.command) == ("CONNECTED", "ERROR")
        assert "undefined escape sequence '\\x'" in (error.header("message") or "")
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
