"""Our client through a real SockJS server: sockjs-node (npm `sockjs`) relaying to ActiveMQ's
STOMP port, one STOMP frame per SockJS message as Spring does. Over each transport it sends,
subscribes, keeps heart-beats and receives a 64 KiB UTF-8 body intact."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from explorer.client import (
    Client,
    Direction,
    Layer,
    SockJsOptions,
    State,
    TokenOptions,
    TokenPlacement,
    TokenSource,
    WireRecord,
    parse_url,
)
from tests.support.brokers import Broker, unique
from tests.support.sockjs_relay import sockjs_relay

pytestmark = [pytest.mark.activemq, pytest.mark.node]

TRANSPORTS = ("websocket", "xhr-streaming", "xhr-polling")
BODY = ("주문이 발송되었습니다 ✓ " * 4000)[:26000]  # 66,858 bytes of UTF-8: > 64 KiB


@pytest.fixture(scope="module")
def relay() -> Iterator[str]:
    with sockjs_relay(heartbeat_ms=300) as base:
        yield base


@pytest.mark.asyncio
@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_send_subscribe_and_a_64_kib_utf8_body_intact(
    activemq: Broker, relay: str, transport: str
) -> None:
    assert len(BODY.encode()) > 64 * 1024
    destination = f"/queue/{unique('sockjs')}"
    records: list[WireRecord] = []
    client = Client(relay, sockjs=SockJsOptions(transport), wire_tap=records.append)
    await client.connect()
    try:
        assert client.transport_kind == f"sockjs-{transport}"
        assert client.server and client.server.startswith("ActiveMQ")
        sub = await client.subscribe(destination, receipt=True)
        await client.send(destination, BODY, headers={"x-n": "1"}, receipt=True)
        message = await sub.get(timeout=20)
        assert message.text() == BODY and message.header("x-n") == "1"
    finally:
        await client.disconnect()
    sockjs = [r.data for r in records if r.layer is Layer.SOCKJS]
    assert sockjs[:2][1] == b"o" and sockjs[0].startswith(b'{"websocket":true')


@pytest.mark.asyncio
@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_heart_beats_keep_the_connection_and_sockjs_beats_stay_apart(
    activemq: Broker, relay: str, transport: str
) -> None:
    records: list[WireRecord] = []
    client = Client(
        relay, sockjs=SockJsOptions(transport), heartbeat=(1000, 1000), wire_tap=records.append
    )
    events = client.events()
    await client.connect()
    try:
        assert client.heartbeat == (1000, 1000)
        await asyncio.sleep(5)  # idle: only heart-beats cross, both layers
        assert client.state is State.CONNECTED, events.take_all()
        destination = f"/queue/{unique('sockjs-hb')}"
        sub = await client.subscribe(destination, receipt=True)
        await client.send(destination, "still here", receipt=True)
        assert (await sub.get(timeout=10)).text() == "still here"
    finally:
        await client.disconnect()
    stomp_out = [r for r in records if r.is_heartbeat and r.direction is Direction.OUT]
    stomp_in = [r for r in records if r.is_heartbeat and r.direction is Direction.IN]
    sockjs_beats = [r for r in records if r.layer is Layer.SOCKJS and r.data == b"h"]
    assert len(stomp_out) >= 4 and len(stomp_in) >= 2
    # sockjs-node beats after 300 ms of silence on its side; the STOMP beats in between
    # (ActiveMQ's, every second) reset it on the websocket, not on the HTTP transports
    if transport != "websocket":
        assert sockjs_beats
    assert all(not r.is_heartbeat for r in sockjs_beats)


@pytest.mark.asyncio
async def test_xhr_streaming_goes_on_past_the_servers_response_limit(activemq: Broker) -> None:
    destination = f"/queue/{unique('sockjs-limit')}"
    with sockjs_relay(response_limit=4096) as base:
        client = Client(base, sockjs=SockJsOptions("xhr-streaming"))
        await client.connect()
        try:
            sub = await client.subscribe(destination, receipt=True)
            for n in range(50):
                await client.send(destination, f"{n:03d}" + "x" * 500)
            got = [(await sub.get(timeout=20)).text()[:3] for _ in range(50)]
            assert got == [f"{n:03d}" for n in range(50)]
        finally:
            await client.disconnect()


@pytest.mark.asyncio
async def test_websocket_off_on_the_server_means_xhr_streaming(activemq: Broker) -> None:
    with sockjs_relay(websocket=False) as base:
        client = Client(base)
        await client.connect()
        try:
            assert client.transport_kind == "sockjs-xhr-streaming"
            assert client.transport_note == ""  # /info said so: nothing failed first
        finally:
            await client.disconnect()


@pytest.mark.asyncio
async def test_a_connect_header_token_reaches_the_broker_through_sockjs(
    activemq: Broker, relay: str
) -> None:
    """ActiveMQ ignores unknown CONNECT headers; what matters is that the token went in the
    frame and that the tap shows ***."""
    records: list[WireRecord] = []
    token = TokenOptions(TokenSource(value="jwt-abc.def"), TokenPlacement.CONNECT)
    client = Client(relay, token=token, wire_tap=records.append)
    await client.connect()
    await client.disconnect()
    connect = next(r for r in records if r.frame is not None and r.frame.command == "CONNECT")
    assert b"Authorization:***" in connect.data
    assert not any(b"jwt-abc.def" in r.data for r in records)


@pytest.mark.asyncio
async def test_the_session_reports_the_transport_and_a_fallback_note(
    activemq: Broker, relay: str
) -> None:
    """What the window can show: the transport in the CONNECTED status (and
    `transport_note` when it is a fallback: none here)."""
    from explorer.cli.connection_args import BrokerErrors
    from explorer.session import ConnectionSession, SessionState, Status, Target

    class Statuses(BrokerErrors):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[Status] = []

        def on_state(self, status: Status) -> None:
            self.seen.append(status)

    sink = Statuses()
    target = Target("relay", parse_url(relay), {"sockjs": SockJsOptions("xhr-polling")})
    session = ConnectionSession(target, sink, wire_records=False)
    await session.connect()
    await session.shutdown()
    connected = [s for s in sink.seen if s.state is SessionState.CONNECTED]
    assert connected and connected[0].transport == "sockjs-xhr-polling"
    assert connected[0].transport_note == ""
