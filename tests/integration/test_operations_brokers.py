"""Queue operations on the real brokers: DLQ re-drive, purge and selector removal, copies,
dry runs, refusals and every bad input of the command line (exit codes, nothing touched).

Helpers here are shared with test_operations_kill.py. Every queue is unique and removed at
the end (Jolokia `removeQueue`, the management API's DELETE).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from explorer.client import Client, Message, ReceiveTimeout
from explorer.operations import ListedMessage, MovePlan, list_messages
from tests.support.brokers import ACTIVEMQ, RABBITMQ, Broker, unique

COMMAND = [sys.executable, "-m", "explorer"]
JOLOKIA = "http://127.0.0.1:8161/api/jolokia"
MANAGEMENT = "http://127.0.0.1:15672"
DLQ = "/queue/ActiveMQ.DLQ"


def client_for(broker: Broker) -> Client:
    return Client(broker.stomp_url, login=broker.login, passcode=broker.passcode, host="/")


def broker_args(broker: Broker) -> list[str]:
    """URL and login for the command line (the passcode from the environment)."""
    if broker is RABBITMQ:
        return [f"stomp://guest@{broker.host}:{broker.stomp_port}", "--passcode-env", "PW"]
    return [broker.stomp_url]


def cli(*args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PW": "guest"}
    return subprocess.run(
        [*COMMAND, *args], capture_output=True, text=True, timeout=timeout, env=env
    )


async def fill(
    broker: Broker, destination: str, count: int, headers: dict[str, str] | None = None
) -> None:
    """`count` persistent messages m0, m1, ... with a `seq` header, each receipted."""
    async with client_for(broker) as client:
        for start in range(0, count, 200):
            waiters = []
            for i in range(start, min(count, start + 200)):
                extra = {"persistent": "true", "seq": str(i), **(headers or {})}
                waiters.append(
                    asyncio.ensure_future(
                        client.send(destination, f"m{i}", headers=extra, receipt=True, timeout=30)
                    )
                )
            await asyncio.gather(*waiters)


async def listed(broker: Broker, destination: str) -> list[Message]:
    """What a queue holds, without taking anything (the dry run: browse or give back)."""
    found: list[ListedMessage] = []
    plan = MovePlan(destination, target="/queue/unused", idle=1.0)
    await list_messages(lambda: client_for(broker), plan, on_message=found.append)
    return [item.message for item in found]


async def drain(broker: Broker, destination: str, idle: float = 1.5) -> list[Message]:
    """Consume everything (auto ack) until nothing arrived for `idle` seconds."""
    source = destination
    if broker is RABBITMQ:
        source = destination.replace("/queue/", "/amq/queue/", 1)  # never re-declare
    taken: list[Message] = []
    async with client_for(broker) as client:
        sub = await client.subscribe(source, ack="auto", receipt=True)
        try:
            while True:
                taken.append(await sub.get(timeout=idle))
        except ReceiveTimeout:
            pass
    return taken


def seqs(messages: list[Message]) -> list[int]:
    return [int(m.header("seq") or -1) for m in messages]


def _http(url: str, body: Any = None, method: str | None = None, auth: bool = False) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Origin", "http://127.0.0.1:8161")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if auth:
        request.add_header("Authorization", "Basic Z3Vlc3Q6Z3Vlc3Q=")  # guest:guest
    with urllib.request.urlopen(request, timeout=30) as response:
        raw = response.read()
    return json.loads(raw) if raw.strip() else None


def jolokia(request: dict[str, Any]) -> Any:
    return _http(JOLOKIA + "/", [request])[0]


def management(path: str, method: str | None = None) -> Any:
    return _http(f"{MANAGEMENT}/api/{path}", method=method, auth=True)


def remove_queue(broker: Broker, destination: str) -> None:
    name = destination.split("/")[-1]
    try:
        if broker is ACTIVEMQ:
            jolokia(
                {
                    "type": "exec",
                    "mbean": "org.apache.activemq:type=Broker,brokerName=localhost",
                    "operation": "removeQueue(java.lang.String)",
                    "arguments": [name],
                }
            )
        else:
            management(f"queues/%2F/{quote(name, safe='')}", method="DELETE")
    except OSError:
        pass  # never created


class Queues:
    """Unique queue names for one test, removed at its end."""

    def __init__(self, broker: Broker) -> None:
        self.broker = broker
        self.made: list[str] = []

    def new(self, what: str) -> str:
        name = f"/queue/{unique('ops.' + what)}"
        self.made.append(name)
        return name


@pytest.fixture
def amq_queues(activemq: Broker) -> Iterator[Queues]:
    queues = Queues(activemq)
    yield queues
    for name in queues.made:
        remove_queue(activemq, name)


@pytest.fixture
def rmq_queues(rabbitmq: Broker) -> Iterator[Queues]:
    queues = Queues(rabbitmq)
    yield queues
    for name in queues.made:
        remove_queue(rabbitmq, name)


# -- ActiveMQ ------------------------------------------------------------------------------


async def dead_letters(tag: str) -> list[Message]:
    """This test's messages in ActiveMQ.DLQ (a shared queue: a selector keeps to ours)."""
    found: list[ListedMessage] = []
    plan = MovePlan(DLQ, target="/queue/unused", selector=f"k_tag = '{tag}'", idle=1.0)
    await list_messages(lambda: client_for(ACTIVEMQ), plan, on_message=found.append)
    return [item.message for item in found]


@pytest.mark.activemq
@pytest.mark.asyncio
async def test_activemq_dlq_redrive_to_original_destination(amq_queues: Queues) -> None:
    """NACKed messages land in ActiveMQ.DLQ (this rig configures no redelivery policy, so a
    STOMP NACK is a poison ack: the first NACK is already past the limit); the re-drive
    sends them back to `original-destination`."""
    queue = amq_queues.new("redrive")
    tag = unique("t").replace(".", "_")
    await fill(ACTIVEMQ, queue, 5, {"k_tag": tag})
    async with client_for(ACTIVEMQ) as client:
        sub = await client.subscribe(queue, ack="client-individual", receipt=True)
        for _ in range(5):
            await client.nack(await sub.get(timeout=10), receipt=True)
    async with asyncio.timeout(30):
        while len(dead := await dead_letters(tag)) < 5:
            await asyncio.sleep(0.2)
    assert {m.header("original-destination") for m in dead} == {queue}

    selector = f"k_tag = '{tag}'"
    result = cli(
        "move",
        *broker_args(ACTIVEMQ),
        DLQ,
        "--to-original",
        "--selector",
        selector,
        "--yes",
        "--idle",
        "1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        f"moved 5 messages from {DLQ} to {queue} (5); 0 duplicated, 0 failed"
    )
    assert await dead_letters(tag) == []
    back = await drain(ACTIVEMQ, queue)
    assert [m.body for m in back] == [f"m{i}".encode() for i in range(5)]
    headers = dict(back[0].headers)
    assert headers["k_tag"] == tag and headers["persistent"] == "true"
    assert "original-destination" not in headers and "originalExpiration" not in headers


@pytest.mark.activemq
@pytest.mark.asyncio
async def test_activemq_selector_move_copy_and_dry_run(amq_queues: Queues) -> None:
    source, target = amq_queues.new("src"), amq_queues.new("dst")
    await fill(ACTIVEMQ, source, 10)
    dry = cli(
        "move",
        *broker_args(ACTIVEMQ),
        source,
        target,
        "--selector",
        "seq > 6",
        "--dry-run",
        "--idle",
        "1",
    )
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[-1] == (
        "3 messages would move (browsed with the queue browser: nothing was taken or reordered)"
    )
    copy = cli(
        "move", *broker_args(ACTIVEMQ), source, target, "--copy", "--count", "4", "--idle", "1"
    )
    assert copy.returncode == 0, copy.stderr
    assert copy.stdout.startswith(f"copied 4 messages from {source} to {target}")
    assert seqs(await listed(ACTIVEMQ, target)) == [0, 1, 2, 3]
    move = cli(
        "move",
        *broker_args(ACTIVEMQ),
        source,
        target,
        "--selector",
        "seq > 6",
        "--yes",
        "--idle",
        "1",
        "--jolokia",
        JOLOKIA,
    )
    assert move.returncode == 0, move.stderr
    assert seqs(await listed(ACTIVEMQ, source)) == [0, 1, 2, 3, 4, 5, 6]
    assert seqs(await listed(ACTIVEMQ, target)) == [0, 1, 2, 3, 7, 8, 9]


@pytest.mark.activemq
@pytest.mark.asyncio
async def test_activemq_purge_and_selector_removal(amq_queues: Queues) -> None:
    queue = amq_queues.new("purge")
    await fill(ACTIVEMQ, queue, 10)
    args = [*broker_args(ACTIVEMQ), queue, "--jolokia", JOLOKIA]
    refused = cli("purge", *args)  # no --yes
    assert refused.returncode == 2 and "add --yes" in refused.stderr
    assert len(await listed(ACTIVEMQ, queue)) == 10
    some = cli("purge", *args, "--selector", "seq > 6", "--yes")
    assert some.returncode == 0, some.stderr
    assert some.stdout == f"removed 3 messages matching 'seq > 6' from {queue}\n"
    assert seqs(await listed(ACTIVEMQ, queue)) == [0, 1, 2, 3, 4, 5, 6]
    everything = cli("purge", *args, "--yes")
    assert everything.returncode == 0, everything.stderr
    assert everything.stdout == f"removed about 7 messages from {queue}\n"
    assert await listed(ACTIVEMQ, queue) == []


@pytest.mark.activemq
@pytest.mark.asyncio
async def test_activemq_bad_input(amq_queues: Queues) -> None:
    source = amq_queues.new("bad")
    await fill(ACTIVEMQ, source, 3)
    url = broker_args(ACTIVEMQ)
    cases = [
        (["move", *url, source, amq_queues.new("x")], 2, "add --yes"),
        (["move", *url, source, "/topic/x", "--yes"], 2, "it is a topic, not a queue"),
        (["purge", *url, "/topic/x", "--yes", "--jolokia", JOLOKIA], 2, "a topic keeps no"),
        (["purge", *url, source, "--yes"], 2, "give it with --jolokia"),
        (["purge", *url, "/queue/ops.none.x1", "--yes", "--jolokia", JOLOKIA], 2, "no queue"),
        (["move", *url, "/queue/ops.none.x1", source, "--yes", "--jolokia", JOLOKIA], 2,
         "no queue"),
        (["purge", *url, source, "--yes", "--jolokia", JOLOKIA, "--selector", "seq >> 1"], 2,
         "refused the selector"),
        (["move", *url, source, "/remote-temp-queue/ID:gone-1:1:1", "--yes", "--idle", "1"], 1,
         "the broker refused /remote-temp-queue/ID:gone-1:1:1"),
        (["purge", *url, source, "--yes", "--jolokia", "http://127.0.0.1:1/api/jolokia"], 3,
         "cannot connect"),
    ]  # fmt: skip
    for args, code, words in cases:
        result = cli(*args)
        assert (result.returncode, words in result.stderr) == (code, True), (args, result.stderr)
        assert "Traceback" not in result.stderr
    # every refusal left the source as it was
    assert seqs(await listed(ACTIVEMQ, source)) == [0, 1, 2]


# -- RabbitMQ ------------------------------------------------------------------------------


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_rabbitmq_dead_letters_back_to_the_queue_in_x_death(rmq_queues: Queues) -> None:
    work, dlq = rmq_queues.new("work"), rmq_queues.new("dlq")
    dlq_name = dlq.removeprefix("/queue/")
    async with client_for(RABBITMQ) as client:
        declare = await client.subscribe(dlq, receipt=True)
        await declare.unsubscribe(receipt=True)
        arguments = {"x-dead-letter-exchange": "", "x-dead-letter-routing-key": dlq_name}
        await client.subscribe(work, ack="client-individual", headers=arguments, receipt=True)
    await fill(RABBITMQ, work.replace("/queue/", "/amq/queue/"), 3)  # /queue/ would re-declare
    async with client_for(RABBITMQ) as client:
        sub = await client.subscribe(
            work.replace("/queue/", "/amq/queue/"), ack="client-individual", receipt=True
        )
        for _ in range(3):
            await client.nack(await sub.get(timeout=10), headers={"requeue": "false"}, receipt=True)
    async with asyncio.timeout(30):
        while len(dead := await listed(RABBITMQ, dlq)) < 3:
            await asyncio.sleep(0.2)
    assert {m.header("x-first-death-queue") for m in dead} == {work.removeprefix("/queue/")}

    url = broker_args(RABBITMQ)
    declared = cli("move", *url, dlq, "--to-original", "--yes", "--idle", "1")
    assert declared.returncode == 1  # /queue/work declares work without its arguments
    assert "PRECONDITION_FAILED" in declared.stderr and "--management URL" in declared.stderr
    assert sorted(seqs(await listed(RABBITMQ, dlq))) == [0, 1, 2]  # nothing acked

    result = cli(
        "move", *url, dlq, "--to-original", "--yes", "--idle", "1", "--management", MANAGEMENT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        f"moved 3 messages from {dlq} to {work} (3); 0 duplicated, 0 failed"
    )
    back = await drain(RABBITMQ, work)
    assert sorted(seqs(back)) == [0, 1, 2]
    assert not any(name.startswith("x-first-death") for name, _ in back[0].headers)
    assert await listed(RABBITMQ, dlq) == []


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_rabbitmq_purge_refuses_a_selector_then_purges(rmq_queues: Queues) -> None:
    queue = rmq_queues.new("purge")
    await fill(RABBITMQ, queue, 5)
    args = [*broker_args(RABBITMQ), queue, "--management", MANAGEMENT]
    selector = cli("purge", *args, "--selector", "seq > 2", "--yes")
    assert selector.returncode == 2
    assert "RabbitMQ has no message selectors" in selector.stderr
    assert len(await listed(RABBITMQ, queue)) == 5
    assert cli("purge", *args).returncode == 2  # no --yes
    assert len(await listed(RABBITMQ, queue)) == 5
    purged = cli("purge", *args, "--yes")
    assert purged.returncode == 0, purged.stderr
    assert purged.stdout.startswith(("removed about", "purged"))
    assert await listed(RABBITMQ, queue) == []


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_rabbitmq_bad_input(rmq_queues: Queues) -> None:
    source = rmq_queues.new("bad")
    await fill(RABBITMQ, source, 3)
    url = broker_args(RABBITMQ)
    missing = "/queue/ops.none.r1"
    cases = [
        (["move", *url, source, rmq_queues.new("x")], 2, "add --yes"),
        (["move", *url, source, rmq_queues.new("x"), "--yes", "--selector", "a = 1"], 2,
         "no message selectors"),
        (["move", *url, missing, source, "--yes"], 2, f"there is no queue {missing}"),
        (["move", *url, source, "/amq/queue/ops.none.r2", "--yes"], 2, "silently drops"),
        (["move", *url, source, "/amq/queue/ops.none.r2", "--yes", "--management", MANAGEMENT],
         2, "no queue"),
        (["move", *url, source, "/bogus/x", "--yes", "--idle", "1"], 1,
         "the broker refused /bogus/x"),
        (["purge", *url, "/topic/x", "--yes", "--management", MANAGEMENT], 2, "a topic keeps"),
        (["purge", *url, source, "--yes"], 2, "give it with --management"),
        (["purge", *url, missing, "--yes", "--management", MANAGEMENT], 2, "no queue"),
    ]  # fmt: skip
    for args, code, words in cases:
        result = cli(*args)
        assert (result.returncode, words in result.stderr) == (code, True), (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert sorted(seqs(await listed(RABBITMQ, source))) == [0, 1, 2]
    for name in ("ops.none.r1", "ops.none.r2"):  # nothing declared them by accident
        with pytest.raises(OSError):
            management(f"queues/%2F/{name}")


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_rabbitmq_copy_and_dry_run_keep_the_source_in_order(rmq_queues: Queues) -> None:
    source, target = rmq_queues.new("copy.src"), rmq_queues.new("copy.dst")
    await fill(RABBITMQ, source, 6)
    url = broker_args(RABBITMQ)
    dry = cli("move", *url, source, target, "--dry-run", "--count", "3", "--idle", "1")
    assert dry.returncode == 0, dry.stderr
    assert [line.split("\t")[4] for line in dry.stdout.splitlines()[:3]] == ["m0", "m1", "m2"]
    assert dry.stdout.splitlines()[3].startswith("3 messages would move (read without ack")
    copy = cli("move", *url, source, target, "--copy", "--idle", "1")
    assert copy.returncode == 0, copy.stderr
    assert copy.stdout.startswith(f"copied 6 messages from {source} to {target}")
    assert seqs(await listed(RABBITMQ, source)) == [0, 1, 2, 3, 4, 5]  # back in place
    assert seqs(await drain(RABBITMQ, target)) == [0, 1, 2, 3, 4, 5]


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_rabbitmq_our_filter_moves_and_removes_what_it_matches(rmq_queues: Queues) -> None:
    """RabbitMQ has no selectors: --where reads every message and keeps the others in place."""
    source, target = rmq_queues.new("where.src"), rmq_queues.new("where.dst")
    await fill(RABBITMQ, source, 10)
    url = broker_args(RABBITMQ)
    move = cli("move", *url, source, target, "--where", "seq < 3", "--yes", "--idle", "1")
    assert move.returncode == 0, move.stderr
    assert move.stdout.startswith(f"moved 3 messages from {source} to {target}; 0 duplicated")
    assert "7 read but not matching 'seq < 3' stayed on the source" in move.stdout
    purge = cli("purge", *url, source, "--where", "seq >= 8", "--yes")
    assert purge.returncode == 0, purge.stderr
    assert purge.stdout.startswith("removed 2 messages matching 'seq >= 8' (our filter) from")
    assert seqs(await listed(RABBITMQ, source)) == [3, 4, 5, 6, 7]  # in place, in order
    assert seqs(await drain(RABBITMQ, target)) == [0, 1, 2]
