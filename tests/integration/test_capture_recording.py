"""Recording a 20,000 msg/s flood with our client, from the sandbox (its own process) and
from ActiveMQ: every message received is in the capture afterwards, counted one by one.

The flood comes from a raw socket paced in 10 ms steps (the thing under test is the
subscriber: `explorer.client` with a capture writer's wire tap); the achieved rates are
printed, never asserted.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer.capture import Capture, CaptureWriter
from explorer.client import Client, WireRecord, parse_url
from explorer.stomp import Frame, FrameParser, serialize
from tests.support.brokers import Broker, unique

COUNT = 40_000
RATE = 20_000
STEP = 0.01


@pytest.fixture
def sandbox_process() -> Iterator[str]:
    """`stomp-explorer sandbox` in its own process (so it does not share our CPU share of
    the GIL); yields its STOMP URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "explorer", "sandbox"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        banner = ""
        found = None
        while found is None:
            line = process.stdout.readline()
            assert line, f"the sandbox did not start: {banner}"
            banner += line
            found = re.match(r"  (stomp://127\.0\.0\.1:\d+)$", line.rstrip("\n"))
        yield found.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


async def flood(url: str, destination: str) -> float:
    """Send COUNT SENDs at RATE from a raw socket; returns the achieved rate."""
    endpoint = parse_url(url)
    reader, writer = await asyncio.open_connection(endpoint.host, endpoint.port)
    parser = FrameParser()
    writer.write(serialize(Frame("CONNECT", (("accept-version", "1.2"), ("host", "/")))))
    await _until(reader, parser, "CONNECTED")
    per_step = int(RATE * STEP)
    chunks = []  # serialized before the clock starts: the flood costs no CPU while it runs
    for step in range(COUNT // per_step):
        frames = []
        for number in range(step * per_step, (step + 1) * per_step):
            headers = [("destination", destination)]
            if number == COUNT - 1:
                headers.append(("receipt", "last"))
            frames.append(serialize(Frame("SEND", tuple(headers), f'{{"n": {number}}}'.encode())))
        chunks.append(b"".join(frames))
    started = time.perf_counter()
    for step, chunk in enumerate(chunks):
        writer.write(chunk)
        await writer.drain()
        ahead = started + (step + 1) * STEP - time.perf_counter()
        if ahead > 0:
            await asyncio.sleep(ahead)
    rate = COUNT / (time.perf_counter() - started)
    await _until(reader, parser, "RECEIPT")
    writer.close()
    await writer.wait_closed()
    return rate


async def _until(reader: asyncio.StreamReader, parser: FrameParser, command: str) -> None:
    while True:
        data = await asyncio.wait_for(reader.read(65536), timeout=60)
        assert data, f"the broker closed the connection before {command}"
        for item in parser.feed(data):
            if isinstance(item, Frame):
                assert item.command != "ERROR", item
                if item.command == command:
                    return


async def record_a_flood(url: str, destination: str, path: Path) -> None:
    writer = await CaptureWriter.open(path, connection="subscriber")
    received = 0
    everything_arrived = asyncio.Event()
    record = writer.wire_tap()

    def tap(wire: WireRecord) -> None:
        nonlocal received
        record(wire)
        if wire.frame is not None and wire.frame.command == "MESSAGE":
            received += 1
            if received == COUNT:
                everything_arrived.set()

    subscriber = Client(url, wire_tap=tap)
    await subscriber.connect()
    try:
        await subscriber.subscribe(destination, receipt=True, queue_messages=False)
        started = time.perf_counter()
        sent_rate = await flood(url, destination)
        await asyncio.wait_for(everything_arrived.wait(), timeout=60)
        seconds = time.perf_counter() - started
        print(
            f"\nflood sent at {sent_rate:,.0f} msg/s, received and recorded at "
            f"{COUNT / seconds:,.0f} msg/s; {writer.stats()}"
        )
    finally:
        await subscriber.disconnect()
        stats = await writer.aclose()
    assert (stats.dropped, stats.lost, stats.error) == (0, 0, None)


def assert_every_message_is_there(path: Path, destination: str) -> None:
    with Capture(path) as capture:
        assert capture.count(f"command=MESSAGE and destination={destination}") == COUNT
        assert capture.count("$.n == 12345") == 1
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        numbers = conn.execute(
            "SELECT count(DISTINCT body ->> '$.n'), min(body ->> '$.n'), max(body ->> '$.n') "
            "FROM messages WHERE command = 'MESSAGE'"
        ).fetchone()
    assert numbers == (COUNT, 0, COUNT - 1)


@pytest.mark.slow
@pytest.mark.asyncio
async def test_recording_a_sandbox_flood_keeps_every_message(
    sandbox_process: str, tmp_path: Path
) -> None:
    path = tmp_path / "sandbox.stompcap"
    destination = f"/queue/{unique('capture')}"
    await record_a_flood(sandbox_process, destination, path)
    assert_every_message_is_there(path, destination)


@pytest.mark.slow
@pytest.mark.activemq
@pytest.mark.asyncio
async def test_recording_an_activemq_flood_keeps_every_message(
    activemq: Broker, tmp_path: Path
) -> None:
    path = tmp_path / "activemq.stompcap"
    destination = f"/queue/{unique('capture')}"
    await record_a_flood(activemq.stomp_url, destination, path)
    assert_every_message_is_there(path, destination)
