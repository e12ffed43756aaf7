"""stomp.py 9 (Connection12 and Connection11, TCP) against the sandbox in a background thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import stomp

from tests.support.sandbox import SandboxThread, sandbox_thread

__all__ = ["sandbox_thread"]

VERSIONS = ["1.2", "1.1"]


class Recorder(stomp.ConnectionListener):  # type: ignore[misc]
    """Collects what stomp.py's receiver thread sees; tests wait on it."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.messages: list[Any] = []
        self.receipts: list[str] = []
        self.errors: list[Any] = []
        self.disconnected = False

    def _add(self, action: Callable[[], None]) -> None:
        with self.condition:
            action()
            self.condition.notify_all()

    def on_message(self, frame: Any) -> None:
        self._add(lambda: self.messages.append(frame))

    def on_receipt(self, frame: Any) -> None:
        self._add(lambda: self.receipts.append(frame.headers["receipt-id"]))

    def on_error(self, frame: Any) -> None:
        self._add(lambda: self.errors.append(frame))

    def on_disconnected(self) -> None:
        self._add(lambda: setattr(self, "disconnected", True))

    def wait(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        with self.condition:
            assert self.condition.wait_for(predicate, timeout), "timed out"

    def wait_receipt(self, receipt: str) -> None:
        self.wait(lambda: receipt in self.receipts)

    def bodies(self) -> list[str]:
        with self.condition:
            return [m.body for m in self.messages]


class Client:
    def __init__(self, sandbox: SandboxThread, version: str, **options: Any) -> None:
        cls = stomp.Connection12 if version == "1.2" else stomp.Connection11
        self.version = version
        self.conn = cls([("127.0.0.1", sandbox.tcp_port)], **options)
        self.rec = Recorder()
        self.conn.set_listener("recorder", self.rec)
        self.conn.connect(wait=True)

    def ack(self, message: Any, nack: bool = False, **extra: Any) -> None:
        method = self.conn.nack if nack else self.conn.ack
        if self.version == "1.2":
            method(message.headers["ack"], **extra)
        else:
            method(message.headers["message-id"], message.headers["subscription"], **extra)

    def close(self) -> None:
        if self.conn.is_connected():
            self.conn.disconnect(receipt="bye")


@pytest.fixture
def clients(sandbox_thread: SandboxThread) -> Iterator[Callable[..., Client]]:
    made: list[Client] = []

    def make(version: str, **options: Any) -> Client:
        client = Client(sandbox_thread, version, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_send_and_subscribe_with_headers_and_korean_body(
    clients: Callable[..., Client], version: str
) -> None:
    client = clients(version)
    client.conn.subscribe("/queue/hello", id="s1", receipt="sub")
    client.rec.wait_receipt("sub")
    client.conn.send(
        "/queue/hello",
        "안녕하세요, sandbox",
        content_type="text/plain;charset=utf-8",
        headers={"x-trace-id": "t-1"},
        receipt="sent",
    )
    client.rec.wait(lambda: bool(client.rec.messages))
    (message,) = client.rec.messages
    assert message.body == "안녕하세요, sandbox"
    assert message.headers["x-trace-id"] == "t-1"
    assert message.headers["content-type"] == "text/plain;charset=utf-8"
    assert message.headers["destination"] == "/queue/hello"
    assert message.headers["subscription"] == "s1"
    assert "sent" in client.rec.receipts


@pytest.mark.parametrize("version", VERSIONS)
def test_queue_round_robin_vs_topic_fan_out(clients: Callable[..., Client], version: str) -> None:
    a, b, producer = clients(version), clients(version), clients(version)
    for c in (a, b):
        c.conn.subscribe("/queue/work", id="q", receipt="q")
        c.conn.subscribe("/topic/news", id="t", receipt="t")
        c.rec.wait_receipt("t")
    for n in range(6):
        producer.conn.send("/queue/work", f"job{n}")
    producer.conn.send("/topic/news", "everyone", receipt="done")
    producer.rec.wait_receipt("done")
    for c in (a, b):
        c.rec.wait(lambda c=c: len(c.rec.messages) == 4)  # type: ignore[misc]
    assert a.rec.bodies() == ["job0", "job2", "job4", "everyone"]
    assert b.rec.bodies() == ["job1", "job3", "job5", "everyone"]


@pytest.mark.parametrize("version", VERSIONS)
def test_client_ack_nack_and_redelivery(clients: Callable[..., Client], version: str) -> None:
    consumer = clients(version)
    consumer.conn.subscribe("/queue/retry", id="s", ack="client-individual", receipt="s")
    consumer.rec.wait_receipt("s")
    consumer.conn.send("/queue/retry", "try me")
    consumer.rec.wait(lambda: len(consumer.rec.messages) == 1)
    first = consumer.rec.messages[0]
    assert "redelivered" not in first.headers
    consumer.ack(first, nack=True)
    consumer.rec.wait(lambda: len(consumer.rec.messages) == 2)
    again = consumer.rec.messages[1]
    assert again.body == "try me"
    assert again.headers["redelivered"] == "true"
    assert again.headers["redelivery-count"] == "1"
    assert again.headers["message-id"] == first.headers["message-id"]
    consumer.ack(again, receipt="acked")
    consumer.rec.wait_receipt("acked")
    time.sleep(0.1)
    assert len(consumer.rec.messages) == 2
    assert consumer.rec.errors == []


@pytest.mark.parametrize("version", VERSIONS)
def test_transactions_commit_delivers_abort_drops(
    clients: Callable[..., Client], version: str
) -> None:
    client = clients(version)
    client.conn.subscribe("/topic/tx", id="s", receipt="s")
    client.rec.wait_receipt("s")
    client.conn.begin("t1")
    client.conn.send("/topic/tx", "committed", transaction="t1")
    client.conn.begin("t2")
    client.conn.send("/topic/tx", "aborted", transaction="t2")
    client.conn.abort("t2", receipt="aborted")
    client.rec.wait_receipt("aborted")
    assert client.rec.bodies() == []
    client.conn.commit("t1", receipt="committed")
    client.rec.wait(lambda: len(client.rec.messages) == 1)
    assert client.rec.bodies() == ["committed"]
    assert client.rec.errors == []


@pytest.mark.parametrize("version", VERSIONS)
def test_short_heart_beats_keep_an_idle_connection_alive(
    clients: Callable[..., Client], version: str
) -> None:
    client = clients(version, heartbeats=(100, 100))
    time.sleep(1.0)  # ten heart-beat intervals with no traffic
    assert client.conn.is_connected()
    assert not client.rec.disconnected
    client.conn.subscribe("/queue/alive", id="s")
    client.conn.send("/queue/alive", "still here")
    client.rec.wait(lambda: client.rec.bodies() == ["still here"])


def test_disconnect_receipt(clients: Callable[..., Client], sandbox_thread: SandboxThread) -> None:
    client = clients("1.2")
    client.conn.disconnect(receipt="bye-now")
    client.rec.wait_receipt("bye-now")
    deadline = time.monotonic() + 5
    while sandbox_thread.call(lambda broker: len(broker.sessions)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sandbox_thread.call(lambda broker: len(broker.sessions)) == 0
