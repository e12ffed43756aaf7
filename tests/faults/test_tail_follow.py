"""Issue 16, defect 7: `tail --follow --ack client-individual` outlives a broker restart and a
kill -9 of a private ActiveMQ, and loses nothing.

The tail runs as a real process. Messages are sent before the fault (a backlog) and after it.
The test stops reading the tail's output for a while, so its pipe fills, the tail blocks on
writing, and the broker has delivered messages that are neither printed nor acknowledged
when it goes down: exactly the messages a careless tail would lose. Every sequence number
must show up in the output; the duplicates (redeliveries) are counted and reported.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
import time
import uuid

import pytest

from explorer.client import Client
from tests.faults.rig import PrivateActiveMQ

BEFORE = 1500  # a backlog well past the pipe's 64 KiB: the tail blocks with messages in flight
AFTER = 300
READ_FIRST = 100  # lines read before the test stops reading and injects the fault


async def produce(broker: PrivateActiveMQ, queue: str, seqs: range) -> None:
    """Persistent messages, each confirmed by a RECEIPT (so it is in the broker's store)."""
    async with Client(broker.stomp_url, heartbeat=(0, 0)) as producer:
        for seq in seqs:
            headers = {"persistent": "true", "x-seq": str(seq)}
            await producer.send(queue, f"message {seq}", headers=headers, receipt=True)


def inject(broker: PrivateActiveMQ, fault: str) -> None:
    if fault == "restart":
        broker.stop()
    else:
        broker.kill9()
        broker.wait_closed()
    broker.start()


def default_sigint() -> None:
    """In the tail's process: Ctrl+C's default, even when this test runs with SIGINT ignored
    (a job started with & by a shell without job control inherits it ignored)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)


async def read_seq(stdout: asyncio.StreamReader) -> int | None:
    line = await stdout.readline()
    if not line:
        return None
    return int(json.loads(line)["headers"]["x-seq"])


@pytest.mark.asyncio
@pytest.mark.parametrize("fault", ["restart", "kill -9"])
async def test_tail_follow_with_client_acks_loses_nothing_across_a_broker_fault(
    private_activemq: PrivateActiveMQ, fault: str, report: list[str]
) -> None:
    queue = f"/queue/faults.follow.{uuid.uuid4().hex[:8]}"
    await produce(private_activemq, queue, range(BEFORE))
    tail = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "explorer", "tail", private_activemq.stomp_url, queue,
        "--follow", "--ack", "client-individual", "--heart-beat", "1000,1000",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        limit=4096,  # the reader pauses at 8 KiB: the pipe fills when we stop reading
        preexec_fn=default_sigint,
    )  # fmt: skip
    assert tail.stdout is not None and tail.stderr is not None
    said = asyncio.create_task(tail.stderr.read())  # read all along: nothing is lost
    seen: list[int] = []
    failure = ""
    try:
        async with asyncio.timeout(100):
            while len(seen) < READ_FIRST:
                seq = await read_seq(tail.stdout)
                if seq is None:
                    failure = "the tail ended early"
                    break
                seen.append(seq)
            if not failure:
                # Not reading now: the pipe fills and the tail blocks with messages in flight.
                await asyncio.sleep(1.0)
                started = time.monotonic()
                await asyncio.to_thread(inject, private_activemq, fault)
                broker_back = time.monotonic() - started
                await produce(private_activemq, queue, range(BEFORE, BEFORE + AFTER))
            while not failure and set(seen) != set(range(BEFORE + AFTER)):
                seq = await read_seq(tail.stdout)
                if seq is None:
                    failure = "the tail ended early"
                    break
                seen.append(seq)
            if not failure:
                recovered = time.monotonic() - started
    except TimeoutError:
        missing = len(set(range(BEFORE + AFTER)) - set(seen))
        failure = f"after 100 s, {missing} messages had not been printed"
    finally:
        if tail.returncode is None:
            tail.send_signal(signal.SIGINT)
        rest = asyncio.create_task(tail.stdout.read())  # a tail blocked on a full pipe can end
        try:
            await asyncio.wait_for(tail.wait(), 30)
        except TimeoutError:
            tail.kill()
            await tail.wait()
        await rest
        err = (await said).decode(errors="replace")
    if failure:
        pytest.fail(f"{failure}; the tail's stderr ended with:\n{err[-4000:]}")
    duplicates = len(seen) - len(set(seen))
    report.append(
        f"tail --follow, ActiveMQ {fault}: {BEFORE} before + {AFTER} after, lost 0, "
        f"duplicates {duplicates}; broker back after {broker_back:.1f} s, every message "
        f"printed {recovered:.1f} s after the fault"
    )
    assert duplicates > 0  # messages were in flight at the fault: the test saw the hard case
    assert "Traceback" not in err, err
    assert f"lost the connection to {private_activemq.stomp_url}" in err
    assert f"reconnected to {private_activemq.stomp_url}; subscribing again" in err
    assert tail.returncode == 130  # Ctrl+C ends a follow, nothing else did
