"""Interoperability: stomp-py sends and we receive, we send and stomp-py receives (ActiveMQ and
RabbitMQ over TCP); @stomp/stompjs in Node receives over Web-STOMP what `stomp-explorer send`
sends."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import stomp

from explorer.client import Client
from tests.support.brokers import ACTIVEMQ, RABBITMQ, Broker, require, unique

NODE_DIR = Path(__file__).resolve().parents[1] / "node"

BROKERS = [
    pytest.param(ACTIVEMQ, id="activemq", marks=pytest.mark.activemq),
    pytest.param(RABBITMQ, id="rabbitmq", marks=pytest.mark.rabbitmq),
]


def stomppy_connection(broker: Broker) -> Any:
    return stomp.Connection12([(broker.host, broker.stomp_port)], vhost="/", heartbeats=(0, 0))


def stomppy_send(broker: Broker, destination: str, body: str, headers: dict[str, str]) -> None:
    conn = stomppy_connection(broker)
    conn.connect(broker.login, broker.passcode, wait=True)
    try:
        conn.send(destination, body, headers=headers, receipt="sent")
    finally:
        conn.disconnect(receipt="bye")


class Collector(stomp.ConnectionListener):  # type: ignore[misc]
    def __init__(self) -> None:
        self.frames: list[Any] = []
        self.arrived = threading.Event()

    def on_message(self, frame: Any) -> None:
        self.frames.append(frame)
        self.arrived.set()


@pytest.mark.parametrize("broker", BROKERS)
@pytest.mark.asyncio
async def test_stomppy_sends_we_receive(broker: Broker) -> None:
    require(broker)
    destination = f"/queue/{unique('interop')}"
    client = Client(broker.stomp_url, login=broker.login, passcode=broker.passcode)
    await client.connect()
    try:
        sub = await client.subscribe(destination, receipt=True)
        await asyncio.to_thread(
            stomppy_send, broker, destination, "안녕 from stomp-py", {"x-from": "stomp-py"}
        )
        message = await sub.get(timeout=10)
        assert message.body == "안녕 from stomp-py".encode()
        assert message.header("x-from") == "stomp-py"
    finally:
        await client.disconnect()


@pytest.mark.parametrize("broker", BROKERS)
@pytest.mark.asyncio
async def test_we_send_stomppy_receives(broker: Broker) -> None:
    require(broker)
    destination = f"/queue/{unique('interop')}"
    collector = Collector()
    conn = stomppy_connection(broker)
    conn.set_listener("collector", collector)
    await asyncio.to_thread(conn.connect, broker.login, broker.passcode, wait=True)
    try:
        conn.subscribe(destination, id="1", ack="auto")
        client = Client(broker.stomp_url, login=broker.login, passcode=broker.passcode)
        await client.connect()
        try:
            # A queue keeps the message even if stomp-py's SUBSCRIBE is not processed yet.
            await client.send(
                destination, "안녕 from stomp-explorer", headers={"x-from": "us"}, receipt=True
            )
        finally:
            await client.disconnect()
        assert await asyncio.to_thread(collector.arrived.wait, 10)
        frame = collector.frames[0]
        assert frame.body == "안녕 from stomp-explorer"
        assert frame.headers["x-from"] == "us"
    finally:
        await asyncio.to_thread(conn.disconnect)


@pytest.mark.node
@pytest.mark.rabbitmq
def test_stompjs_over_web_stomp_receives_what_the_cli_sends(rabbitmq: Broker) -> None:
    node = shutil.which("node")
    assert node, "Node.js is not installed (scripts/test installs it)"
    assert (NODE_DIR / "node_modules" / "@stomp" / "stompjs").is_dir(), (
        "run `npm install` in tests/node (scripts/test does)"
    )
    assert rabbitmq.ws_url is not None
    destination = f"/queue/{unique('stompjs')}"
    receiver = subprocess.Popen(
        [
            node,
            str(NODE_DIR / "receive_one.js"),
            rabbitmq.ws_url,
            destination,
            "guest",
            "guest",
            "/",
        ],
        cwd=NODE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert receiver.stdout is not None
        ready = receiver.stdout.readline()
        if not ready:
            pytest.fail(f"the Node receiver did not subscribe: {receiver.communicate()[1]}")
        assert json.loads(ready) == {"ready": True}
        env = {**os.environ, "INTEROP_PASSCODE": "guest"}
        sent = subprocess.run(
            [
                sys.executable,
                "-m",
                "explorer",
                "send",
                rabbitmq.ws_url,
                destination,
                "--body",
                "안녕 from stomp-explorer",
                "-H",
                "x-from:cli",
                "--receipt",
                "--user",
                "guest",
                "--passcode-env",
                "INTEROP_PASSCODE",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=False,
        )
        assert sent.returncode == 0, sent.stderr
        out, err = receiver.communicate(timeout=30)
        assert receiver.returncode == 0, err
        message = json.loads(out.strip().splitlines()[-1])
        assert message["body"] == "안녕 from stomp-explorer"
        assert message["headers"]["x-from"] == "cli"
        assert message["headers"]["destination"] == destination
    finally:
        if receiver.poll() is None:
            receiver.kill()
            receiver.communicate()
