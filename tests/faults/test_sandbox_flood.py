"""The sandbox broker (its own process, as `stomp-explorer sandbox` runs it) under 200 good
clients and 50 garbage senders at once: every good client still connects, subscribes, sends
and receives its own messages intact; the garbage is answered with ERROR or a closed socket;
the broker is still up afterwards and logs no traceback."""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from explorer.client import Client

GOOD_CLIENTS = 200
GARBAGE_SENDERS = 50
MESSAGES_EACH = 5


@dataclass
class SandboxProcess:
    port: int
    process: subprocess.Popen[bytes]
    stderr: Path  # a file, so a chatty broker can never block on a full pipe


@pytest.fixture
def sandbox_process(tmp_path: Path) -> Iterator[SandboxProcess]:
    stderr = tmp_path / "sandbox.stderr"
    with stderr.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "explorer", "sandbox", "--ws-port", "0"],
            stdout=subprocess.PIPE,
            stderr=sink,
        )
    assert process.stdout is not None
    port = None
    for _ in range(10):
        line = process.stdout.readline().decode()
        found = re.search(r"stomp://127\.0\.0\.1:(\d+)", line)
        if found:
            port = int(found.group(1))
            break
    assert port is not None, "the sandbox did not print its URL"
    try:
        yield SandboxProcess(port, process, stderr)
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=20)
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()


def garbage(kind: int, rng: random.Random) -> bytes:
    """One burst of bad input; each kind hits another part of the parser or session."""
    if kind == 0:
        return rng.randbytes(65536)  # noise
    if kind == 1:  # a header that never ends
        return b"CONNECT\naccept-version:1.2\nx:" + b"y" * 200_000
    if kind == 2:  # a body far over the frame limit, announced by content-length
        return (
            b"CONNECT\naccept-version:1.2\n\n\0"
            b"SEND\ndestination:/queue/g\ncontent-length:999999999999\n\n"
        )
    if kind == 3:  # an unknown command, then a bad escape in 1.2
        return b"CONNECT\naccept-version:1.2\n\n\0NOPE\n\n\0SEND\ndestination:/queue/\\x\n\n\0"
    if kind == 4:  # a flood of frames without CONNECT
        return b"SEND\ndestination:/queue/g\n\nx\0" * 2000
    return b"\0\n" * 10_000 + rng.randbytes(1024)  # stray NULs and EOLs, then noise


async def garbage_sender(
    port: int, index: int, stop: asyncio.Event, outcomes: Counter[str]
) -> None:
    rng = random.Random(index)
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            outcomes["refused"] += 1
            await asyncio.sleep(0.05)
            continue
        try:
            if index % 10 == 9:  # slowloris: one byte now and then, never a whole frame
                for byte in b"CONNECT\naccept-version:1.2\n":
                    writer.write(bytes([byte]))
                    await writer.drain()
                    if stop.is_set():
                        break
                    await asyncio.sleep(0.2)
            else:
                writer.write(garbage(index % 6, rng))
                await writer.drain()
            answer = await asyncio.wait_for(reader.read(4096), 5)
            outcomes["ERROR frame" if answer.startswith(b"ERROR") else "closed or other"] += 1
        except (OSError, TimeoutError):
            outcomes["reset or timeout"] += 1
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


async def good_client(port: int, index: int) -> list[bytes]:
    queue = f"/queue/flood.{os.getpid()}.{index}"
    client = Client(f"stomp://127.0.0.1:{port}", heartbeat=(0, 0), connect_timeout=60)
    await client.connect()
    try:
        sub = await client.subscribe(queue, receipt=True)
        for n in range(MESSAGES_EACH):
            await client.send(queue, f"client {index} message {n} 안녕", receipt=True)
        return [(await sub.get(timeout=60)).body for _ in range(MESSAGES_EACH)]
    finally:
        await client.disconnect()


@pytest.mark.asyncio
async def test_good_clients_are_unaffected_by_garbage_senders(
    sandbox_process: SandboxProcess, report: list[str]
) -> None:
    port, process = sandbox_process.port, sandbox_process.process
    stop = asyncio.Event()
    outcomes: Counter[str] = Counter()
    senders = [
        asyncio.create_task(garbage_sender(port, i, stop, outcomes)) for i in range(GARBAGE_SENDERS)
    ]
    try:
        await asyncio.sleep(0.5)  # the garbage is already flowing when the good ones come
        loop = asyncio.get_running_loop()
        started = loop.time()
        results = await asyncio.wait_for(
            asyncio.gather(
                *(good_client(port, i) for i in range(GOOD_CLIENTS)), return_exceptions=True
            ),
            100,
        )
        took = loop.time() - started
    finally:
        stop.set()
        await asyncio.gather(*senders, return_exceptions=True)
    failures = [r for r in results if isinstance(r, BaseException)]
    assert failures == [], f"{len(failures)} good clients failed, first: {failures[:1]!r}"
    for i, bodies in enumerate(results):
        assert bodies == [f"client {i} message {n} 안녕".encode() for n in range(MESSAGES_EACH)]
    assert sum(outcomes.values()) >= GARBAGE_SENDERS
    assert process.poll() is None, "the sandbox died"
    await good_client(port, GOOD_CLIENTS)  # and it still serves a newcomer
    report.append(
        f"{GOOD_CLIENTS} good clients x {MESSAGES_EACH} round trips in {took:.1f} s beside "
        f"{GARBAGE_SENDERS} garbage senders; garbage connections: {dict(outcomes)}"
    )
    process.terminate()
    process.wait(timeout=30)
    err = sandbox_process.stderr.read_text(errors="replace")
    assert "Traceback" not in err, err[-2000:]
