"""The broker rig works: stomp-py (an independent peer) round-trips 안녕 byte-exact."""

from __future__ import annotations

import queue
import uuid

import pytest
import stomp

from tests.support.brokers import Broker

KOREAN = "안녕".encode()


class _Collector(stomp.ConnectionListener):  # type: ignore[misc]
    def __init__(self) -> None:
        self.frames: queue.Queue[stomp.utils.Frame] = queue.Queue()
        self.errors: list[stomp.utils.Frame] = []

    def on_message(self, frame: stomp.utils.Frame) -> None:
        self.frames.put(frame)

    def on_error(self, frame: stomp.utils.Frame) -> None:
        self.errors.append(frame)


def _round_trip(broker: Broker) -> None:
    conn = stomp.Connection12(
        [(broker.host, broker.stomp_port)], vhost=broker.vhost or "localhost", auto_decode=False
    )
    collector = _Collector()
    conn.set_listener("collector", collector)
    conn.connect(broker.login, broker.passcode, wait=True)
    try:
        marker = uuid.uuid4().hex
        conn.subscribe("/queue/foo", id="rig", ack="auto")
        conn.send("/queue/foo", KOREAN, headers={"x-rig": marker})
        while True:
            frame = collector.frames.get(timeout=10)
            if frame.headers.get("x-rig") == marker:
                break  # older messages on the shared /queue/foo are drained and ignored
        assert frame.body == KOREAN
        assert frame.headers["destination"] == "/queue/foo"
        assert collector.errors == []
    finally:
        conn.disconnect()


@pytest.mark.activemq
def test_stomppy_round_trip_activemq(activemq: Broker) -> None:
    _round_trip(activemq)


@pytest.mark.rabbitmq
def test_stomppy_round_trip_rabbitmq(rabbitmq: Broker) -> None:
    _round_trip(rabbitmq)


@pytest.mark.activemq
def test_activemq_advisories_reach_stomp_subscribers(activemq: Broker) -> None:
    """xstream/jettison are on the broker classpath: a new queue shows up on the advisory topic."""
    conn = stomp.Connection12([(activemq.host, activemq.stomp_port)], auto_decode=False)
    collector = _Collector()
    conn.set_listener("collector", collector)
    conn.connect(wait=True)
    try:
        conn.subscribe("/topic/ActiveMQ.Advisory.Queue", id="adv", ack="auto")
        name = f"rig.advisory.{uuid.uuid4().hex[:8]}"
        conn.send(f"/queue/{name}", b"x")
        while True:
            frame = collector.frames.get(timeout=10)
            if name.encode() in frame.body:
                break
        assert frame.headers["type"] == "Advisory"
        assert b"ActiveMQQueue" in frame.body
    finally:
        conn.disconnect()


@pytest.mark.activemq
def test_activemq_jolokia_answers(activemq: Broker) -> None:
    import json
    import urllib.request

    assert activemq.management_url is not None
    with urllib.request.urlopen(f"{activemq.management_url}/version", timeout=10) as response:
        payload = json.load(response)
    assert payload["value"]["info"]["product"] == "activemq"
    assert payload["value"]["info"]["version"].startswith("5.17")


@pytest.mark.rabbitmq
def test_rabbitmq_web_stomp_round_trip(rabbitmq: Broker) -> None:
    """Web-STOMP answers on ws://127.0.0.1:15674/ws (raw websockets, no client of ours)."""
    import asyncio

    from websockets.asyncio.client import connect

    async def scenario() -> bytes:
        assert rabbitmq.ws_url is not None
        async with connect(rabbitmq.ws_url, subprotocols=["v12.stomp"]) as ws:  # type: ignore[list-item]
            await ws.send("CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:guest\n\n\0")
            connected = await asyncio.wait_for(ws.recv(), 10)
            return connected.encode() if isinstance(connected, str) else connected

    frame = asyncio.run(scenario())
    assert frame.startswith(b"CONNECTED\n")
    assert b"version:1.2" in frame
