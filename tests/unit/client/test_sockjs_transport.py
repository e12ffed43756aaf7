"""The SockJS transport against a local aiohttp SockJS peer: each transport, the order of
preference, the raw-WebSocket fallback, and every bad input said in a sentence."""

from __future__ import annotations

import asyncio

import pytest

from explorer.client import (
    Client,
    ClientError,
    Layer,
    SockJsError,
    SockJsOptions,
    TransportError,
    WebSocketOptions,
    WireRecord,
)
from tests.unit.client.sockjs_peer import PeerConfig, sockjs_peer

TRANSPORTS = ("websocket", "xhr-streaming", "xhr-polling")


async def round_trip(client: Client) -> str:
    """Subscribe, send with a receipt, get the echo back; the message text."""
    sub = await client.subscribe("/queue/a")
    await client.send("/queue/a", "안녕 SockJS", receipt=True)
    message = await sub.get(timeout=5)
    return message.text()


@pytest.mark.asyncio
@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_each_transport_carries_stomp_and_records_the_sockjs_layer(transport: str) -> None:
    records: list[WireRecord] = []
    async with sockjs_peer() as (url, peer):
        client = Client(url, sockjs=SockJsOptions(transport), wire_tap=records.append)
        await client.connect()
        assert client.transport_kind == f"sockjs-{transport}"
        assert await round_trip(client) == "안녕 SockJS"
        await client.disconnect()
    layer = [r.data for r in records if r.layer is Layer.SOCKJS]
    assert layer[0].startswith(b'{"websocket": true') and layer[1] == b"o"
    stomp = [r.frame.command for r in records if r.frame is not None]
    assert stomp[:2] == ["CONNECT", "CONNECTED"] and "MESSAGE" in stomp
    assert not any(r.is_heartbeat for r in records if r.layer is Layer.SOCKJS)
    # one STOMP frame per SockJS message, as Spring expects
    assert any(s.startswith("SEND\n") and s.endswith("\0") for s in peer.seen.sent)


@pytest.mark.asyncio
async def test_websocket_is_preferred_and_xhr_streaming_follows_when_info_says_no() -> None:
    async with sockjs_peer() as (url, _):
        client = Client(url)
        await client.connect()
        assert client.transport_kind == "sockjs-websocket"
        await client.disconnect()
    async with sockjs_peer(PeerConfig(info_websocket=False)) as (url, peer):
        client = Client(url)
        await client.connect()
        assert client.transport_kind == "sockjs-xhr-streaming"
        await client.disconnect()
    assert not any(path.endswith("/websocket") for _, path in peer.seen.requests)


@pytest.mark.asyncio
async def test_an_info_that_lies_about_websocket_falls_back_and_says_so() -> None:
    async with sockjs_peer(PeerConfig(websocket=False)) as (url, _):
        client = Client(url)
        await client.connect()
        assert client.transport_kind == "sockjs-xhr-streaming"
        assert "failed first: websocket" in client.transport_note
        assert "HTTP 404" in client.transport_note
        await client.disconnect()


@pytest.mark.asyncio
async def test_a_forced_transport_that_fails_names_it() -> None:
    async with sockjs_peer(PeerConfig(websocket=False)) as (url, _):
        client = Client(url, sockjs=SockJsOptions("websocket"))
        with pytest.raises(SockJsError, match=r"no SockJS transport of .* opened: websocket:"):
            await client.connect()


@pytest.mark.asyncio
async def test_streaming_answers_that_end_are_reopened_for_the_same_session() -> None:
    async with sockjs_peer(PeerConfig(response_limit=200)) as (url, peer):
        client = Client(url, sockjs=SockJsOptions("xhr-streaming"))
        await client.connect()
        for n in range(5):
            assert await round_trip(client) == "안녕 SockJS", n
        await client.disconnect()
    streams = [p for _, p in peer.seen.requests if p.endswith("/xhr_streaming")]
    assert len(streams) > 2 and len({s.rsplit("/", 2)[0] for s in streams}) == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_sockjs_close_during_connect_is_said_with_its_code(transport: str) -> None:
    async with sockjs_peer(PeerConfig(close_on_connect=True)) as (url, _):
        client = Client(url, sockjs=SockJsOptions(transport))
        with pytest.raises(TransportError) as info:
            await client.connect()
    text = str(info.value)
    assert "closed the connection before answering CONNECT" in text
    assert 'SockJS close 3000 "Go away!"' in text


@pytest.mark.asyncio
async def test_no_info_falls_back_to_a_raw_websocket_and_says_which() -> None:
    async with sockjs_peer(PeerConfig(info="missing", raw_websocket=True)) as (url, _):
        client = Client(url)
        await client.connect()
        assert client.transport_kind == "websocket"
        assert "is not SockJS (GET /info answered HTTP 404)" in client.transport_note
        assert "raw WebSocket at ws://127.0.0.1:" in client.transport_note
        assert await round_trip(client) == "안녕 SockJS"
        await client.disconnect()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("info", "why"),
    [("missing", "GET /info answered HTTP 404"), ("html", "its /info answer is not JSON")],
)
async def test_a_url_that_is_neither_sockjs_nor_websocket_is_said(info: str, why: str) -> None:
    async with sockjs_peer(PeerConfig(info=info)) as (url, _):
        with pytest.raises(SockJsError) as exc:
            await Client(url).connect()
    text = str(exc.value)
    assert f"is neither a SockJS endpoint ({why}) nor a WebSocket endpoint" in text
    assert "check the path" in text


@pytest.mark.asyncio
async def test_a_forbidden_info_points_at_the_token_and_origin() -> None:
    async with sockjs_peer(PeerConfig(info="forbidden")) as (url, _):
        with pytest.raises(
            SockJsError, match="refused with HTTP 403: check the token and the Origin"
        ):
            await Client(url).connect()


@pytest.mark.asyncio
async def test_a_refused_port_is_a_transport_error() -> None:
    with pytest.raises(TransportError, match=r"connection refused by http://127\.0\.0\.1:9/stomp"):
        await Client("http://127.0.0.1:9/stomp", connect_timeout=5).connect()


@pytest.mark.asyncio
async def test_a_cookie_set_by_info_goes_back_on_the_websocket_handshake() -> None:
    async with sockjs_peer(PeerConfig(set_cookie="SERVERID=b2")) as (url, peer):
        client = Client(url)
        await client.connect()
        await client.disconnect()
    ws_headers = [
        h
        for (_, path), h in zip(peer.seen.requests, peer.seen.headers, strict=True)
        if path.endswith("/websocket")
    ]
    assert "SERVERID=b2" in ws_headers[0]["cookie"]


@pytest.mark.asyncio
@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_browser_like_sends_an_origin_and_no_custom_headers(transport: str) -> None:
    options = WebSocketOptions(headers=(("Cookie", "sid=1"),), browser_like=True)
    async with sockjs_peer() as (url, peer):
        client = Client(url, websocket=options, sockjs=SockJsOptions(transport))
        await client.connect()
        await client.disconnect()
    origin = url.rsplit("/", 1)[0]
    for headers in peer.seen.headers:
        assert headers["origin"] == origin
        assert "sid=1" in headers["cookie"]


def test_browser_like_refuses_handshake_headers_in_a_sentence() -> None:
    options = WebSocketOptions(headers=(("Authorization", "Bearer x"),), browser_like=True)
    with pytest.raises(
        ValueError, match=r"cannot set WebSocket handshake headers \(Authorization\)"
    ):
        Client("http://127.0.0.1:1/stomp", websocket=options)


@pytest.mark.asyncio
async def test_a_frame_that_is_not_utf8_is_refused_over_sockjs() -> None:
    async with sockjs_peer() as (url, _):
        client = Client(url, sockjs=SockJsOptions("xhr-polling"))
        await client.connect()
        with pytest.raises(ClientError, match="SockJS carries text only"):
            await client.send("/queue/a", b"\xff\xfe")
        await client.disconnect()


@pytest.mark.asyncio
async def test_browser_like_over_a_raw_websocket_offers_stompjs_subprotocols() -> None:
    options = WebSocketOptions(browser_like=True, origin="https://page.example")
    async with sockjs_peer(PeerConfig(raw_websocket=True)) as (url, peer):
        ws_url = "ws" + url[4:]
        client = Client(ws_url, websocket=options)
        await client.connect()
        assert await round_trip(client) == "안녕 SockJS"
        await client.disconnect()
    headers = peer.seen.headers[0]
    assert headers["sec-websocket-protocol"] == "v10.stomp, v11.stomp, v12.stomp"
    assert headers["origin"] == "https://page.example"


@pytest.mark.asyncio
async def test_a_send_on_its_way_when_the_session_closes_is_told() -> None:
    from aiohttp import ClientSession, web

    from explorer.client.sockjs_xhr import XhrSender

    arrived = asyncio.Event()

    async def never(request: web.Request) -> web.StreamResponse:
        arrived.set()
        await asyncio.sleep(60)
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/send", never)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    async with ClientSession() as http:
        sender = XhrSender(http, f"http://127.0.0.1:{port}/send", "the peer", None)
        first = asyncio.ensure_future(sender.send(b'["a"]'))
        await arrived.wait()
        second = asyncio.ensure_future(sender.send(b'["b"]'))  # queued behind the first
        await asyncio.sleep(0)
        sender.close()
        for waiting in (first, second):
            with pytest.raises(TransportError, match="the SockJS session with the peer is closed"):
                await waiting
        with pytest.raises(TransportError):
            await sender.send(b'["c"]')
    await runner.cleanup()
