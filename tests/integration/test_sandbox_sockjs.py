"""The sandbox's SockJS endpoint: sockjs-client + @stomp/stompjs in Node and our own client
over each transport, and the protocol details a browser page or a Spring-minded client relies
on (info, CORS, framing, raw WebSocket beside it, a slow SockJS consumer)."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from explorer.client import Client, Direction, Layer, SockJsOptions, State, WireRecord
from explorer.sandbox import SandboxBroker
from explorer.stomp import Frame, FrameParser
from tests.support.sandbox import running_sandbox, sandbox_broker

__all__ = ["sandbox_broker"]

NODE_DIR = Path(__file__).resolve().parents[1] / "node"
SCRIPT = NODE_DIR / "sandbox_sockjs.js"
CONNECT = "CONNECT\naccept-version:1.2\nhost:x\n\n\0"


async def _run_node(url: str, transport: str) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "Node.js is missing: scripts/test installs it"
    assert (NODE_DIR / "node_modules" / "sockjs-client").is_dir(), (
        "npm packages missing: run (cd tests/node && npm install)"
    )
    process = await asyncio.create_subprocess_exec(
        node,
        str(SCRIPT),
        url,
        transport,
        cwd=NODE_DIR,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), 90)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode == 0, stderr.decode()
    result: dict[str, Any] = json.loads(stdout)
    return result


@pytest.mark.node
@pytest.mark.asyncio
@pytest.mark.parametrize("transport", ["websocket", "xhr-streaming", "xhr-polling"])
async def test_sockjs_client_and_stompjs_over_each_transport(transport: str) -> None:
    async with running_sandbox(heartbeat_min_ms=10) as broker:
        results = await _run_node(broker.sockjs_url, transport)

    trip = results["roundTrip"]
    assert trip["transport"] == transport
    assert (trip["version"], trip["server"]) == ("1.2", broker.server_name)
    assert trip["body"] == '{"title":"주문이 발송되었습니다"}'
    assert trip["headers"]["x-trace-id"] == "abc123"
    assert trip["headers"]["destination"] == "/queue/sockjs"
    assert (trip["bigBytes"], trip["bigIntact"]) == (65536, True)

    assert results["userDestinations"] == {
        "alice": [{"body": "앨리스에게", "destination": "/user/queue/notices"}],
        "bob": [{"body": "for bob", "destination": "/user/queue/notices"}],
    }
    beats = results["heartBeats"]
    assert beats == {"heartBeat": "100,100", "closes": [], "errors": [], "body": "alive"}

    closed = results["errorCloses"]
    assert closed["errors"] and "is not served by the sandbox" in closed["errors"][0]
    assert (closed["code"], closed["reason"]) == (3000, "Go away!")


def _frames(parser: FrameParser, messages: list[str]) -> list[Frame]:
    frames: list[Frame] = []
    for message in messages:
        frames.extend(f for f in parser.feed(message.encode()) if isinstance(f, Frame))
    return frames


@pytest.mark.asyncio
async def test_info_and_cors_let_a_page_on_another_origin_connect(
    sandbox_broker: SandboxBroker,
) -> None:
    origin = "http://127.0.0.1:9"
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{sandbox_broker.sockjs_url}/info", headers={"Origin": origin}) as r:
            info = await r.json(content_type=None)
            assert r.headers["Access-Control-Allow-Origin"] == origin
            assert r.headers["Access-Control-Allow-Credentials"] == "true"
        assert info["websocket"] is True and info["cookie_needed"] is True
        preflight = {
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        }
        url = f"{sandbox_broker.sockjs_url}/000/abc/xhr_streaming"
        async with http.options(url, headers=preflight) as r:
            assert r.status == 204
            assert r.headers["Access-Control-Allow-Origin"] == origin
            assert "POST" in r.headers["Access-Control-Allow-Methods"]
            assert r.headers["Access-Control-Allow-Headers"] == "content-type"


@pytest.mark.asyncio
async def test_xhr_streaming_and_polling_frames(sandbox_broker: SandboxBroker) -> None:
    base = sandbox_broker.sockjs_url
    async with aiohttp.ClientSession() as http:
        stream = await http.post(f"{base}/000/s1/xhr_streaming")
        prelude = await stream.content.readline()
        assert prelude == b"h" * 2048 + b"\n"
        assert await stream.content.readline() == b"o\n"
        async with http.post(f"{base}/000/s1/xhr_send", data=json.dumps([CONNECT])) as sent:
            assert sent.status == 204
        line = await asyncio.wait_for(stream.content.readline(), 5)
        assert line.startswith(b"a[")
        (connected,) = _frames(FrameParser(), json.loads(line[1:]))
        assert connected.command == "CONNECTED"
        stream.close()

        async with http.post(f"{base}/000/p1/xhr") as opened:
            assert await opened.text() == "o\n"
        await http.post(f"{base}/000/p1/xhr_send", data=json.dumps([CONNECT]))
        async with http.post(f"{base}/000/p1/xhr") as polled:
            body = await polled.text()
        (connected,) = _frames(FrameParser(), json.loads(body[1:]))
        assert connected.header("version") == "1.2"


@pytest.mark.asyncio
async def test_raw_websocket_beside_sockjs_and_a_plain_get_is_told_what_to_do(
    sandbox_broker: SandboxBroker,
) -> None:
    port = sandbox_broker.ws_port
    async with aiohttp.ClientSession() as http:
        for path in ("/ws", "/sockjs/websocket"):
            async with http.ws_connect(
                f"ws://127.0.0.1:{port}{path}", protocols=("v10.stomp", "v12.stomp")
            ) as ws:
                assert ws.protocol == "v12.stomp"
                await ws.send_str(CONNECT)
                (connected,) = _frames(FrameParser(), [await ws.receive_str(timeout=5)])
                assert connected.command == "CONNECTED"
        async with http.get(f"http://127.0.0.1:{port}/ws") as plain:
            assert plain.status == 426
            assert "connect with a WebSocket client" in await plain.text()
        # Raw STOMP pointed at the SockJS URL itself fails, as it does on Spring (#26933).
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await http.ws_connect(sandbox_broker.sockjs_url.replace("http", "ws"))


@pytest.mark.asyncio
async def test_a_sockjs_topic_subscriber_that_never_polls_is_disconnected() -> None:
    async with running_sandbox(
        output_high_water=16 * 1024, output_low_water=4096, max_pending_output=64 * 1024
    ) as broker:
        base = broker.sockjs_url
        async with aiohttp.ClientSession() as http:
            await (await http.post(f"{base}/000/slow/xhr")).read()
            subscribe = "SUBSCRIBE\nid:s\ndestination:/topic/flood\nreceipt:r\n\n\0"
            await http.post(f"{base}/000/slow/xhr_send", data=json.dumps([CONNECT, subscribe]))
            await (await http.post(f"{base}/000/slow/xhr")).read()  # CONNECTED, RECEIPT
            assert len(broker.sessions) == 1
            body = "x" * 8192
            for _ in range(100):  # 800 KiB for a client that stops polling
                broker.publish("/topic/flood", body)
                await asyncio.sleep(0)
            for _ in range(100):
                if not broker.sessions:
                    break
                await asyncio.sleep(0.05)
            assert not broker.sessions, "the slow SockJS consumer was kept"


@pytest.mark.asyncio
@pytest.mark.parametrize("transport", ["websocket", "xhr-streaming", "xhr-polling"])
async def test_our_client_over_each_transport_with_user_destinations(transport: str) -> None:
    body = ("알림이 도착했습니다 ✓ " * 3000)[:24000]  # > 64 KiB of UTF-8
    async with running_sandbox(heartbeat_min_ms=10) as broker:
        records: list[WireRecord] = []
        alice = Client(
            broker.sockjs_url,
            sockjs=SockJsOptions(transport),
            login="alice",
            passcode="x",
            heartbeat=(500, 500),
            wire_tap=records.append,
        )
        sender = Client(broker.tcp_url)
        await alice.connect()
        await sender.connect()
        try:
            assert alice.transport_kind == f"sockjs-{transport}"
            mine = await alice.subscribe("/user/queue/notices", receipt=True)
            await sender.send("/user/alice/queue/notices", body, receipt=True)
            message = await mine.get(timeout=20)
            assert message.text() == body
            assert message.header("destination") == "/user/queue/notices"
            await asyncio.sleep(1.5)  # idle: STOMP heart-beats both ways keep it up
            assert alice.state is State.CONNECTED
        finally:
            await alice.disconnect()
            await sender.disconnect()
    sockjs = [r.data for r in records if r.layer is Layer.SOCKJS]
    assert b"o" in sockjs[:2]
    assert any(r.is_heartbeat and r.direction is Direction.IN for r in records)
