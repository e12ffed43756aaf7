"""Issue 16, defect 1: a slow consumer under a flood keeps the client's memory bounded.

Our client, in its own process, subscribes to a topic of a private ActiveMQ that a producer
floods with 1 KiB messages, and takes 1 ms per message. Its subscription is bounded
(`max_queued`, BLOCK: the client stops reading the socket and TCP pushes back on the broker),
so the backlog it reports stays at the bound plus one read, its RSS stays flat, and nothing is
dropped. Before the fix the backlog and the RSS grew with the flood (22 -> 445 MB in 12 s).

The bound asserted: RSS at most 40 MB above the consumer's RSS when it subscribed (2,000
queued 1 KiB messages cost about 5 MB; measured +7 MB), and no growth after the flood stops
beyond 8 MB over the peak during it.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import uuid

import pytest

from tests.faults.rig import PrivateActiveMQ, rss_bytes

MAX_QUEUED = 2_000
ONE_READ = 256 * 1024 // 1024 + 10  # what one 256 KiB read adds before the reader pauses
FLOOD_S = 8.0
CONSUME_S = 11.0
BODY = b"x" * 1024

CONSUMER = r"""
import asyncio, json, sys, time
from explorer.client import Client

async def main(url, topic, max_queued, seconds):
    client = Client(url, heartbeat=(0, 0), max_queued=max_queued)
    await client.connect()
    sub = await client.subscribe(topic, receipt=True)
    print(json.dumps({"ready": True}), flush=True)
    received, end = 0, time.monotonic() + seconds
    next_report = time.monotonic() + 0.5
    while time.monotonic() < end:
        try:
            await sub.get(timeout=0.5)
        except Exception:
            pass
        else:
            received += 1
            await asyncio.sleep(0.001)  # a consumer that takes 1 ms per message
        if time.monotonic() >= next_report:
            print(json.dumps({"backlog": len(sub), "received": received, "dropped": sub.dropped}),
                  flush=True)
            next_report += 0.5
    await client.close()

asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])))
"""


async def flood(port: int, topic: str, seconds: float) -> int:
    """Pipelined SENDs without receipts, as fast as the broker takes them."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"CONNECT\naccept-version:1.2\nhost:/\nheart-beat:0,0\n\n\0")
    await reader.readuntil(b"\0")
    frame = b"SEND\ndestination:%s\ncontent-length:1024\n\n" % topic.encode() + BODY + b"\0"
    batch, sent = frame * 50, 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        writer.write(batch)
        await writer.drain()
        sent += 50
    writer.close()
    return sent


@pytest.mark.asyncio
async def test_a_slow_consumer_under_a_flood_stays_bounded(
    private_activemq: PrivateActiveMQ, report: list[str]
) -> None:
    topic = f"/topic/faults.slow.{uuid.uuid4().hex[:8]}"
    consumer = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CONSUMER,
        private_activemq.stomp_url,
        topic,
        str(MAX_QUEUED),
        str(CONSUME_S),
        stdout=asyncio.subprocess.PIPE,
    )
    assert consumer.stdout is not None
    lines: list[dict[str, int]] = []
    samples: list[tuple[float, int]] = []
    try:
        async with asyncio.timeout(60):
            assert json.loads(await consumer.stdout.readline()) == {"ready": True}
            rss_ready = rss_bytes(consumer.pid)
            start = time.monotonic()
            producer = asyncio.create_task(flood(private_activemq.stomp_port, topic, FLOOD_S))

            async def sample() -> None:
                while consumer.returncode is None:
                    samples.append((time.monotonic() - start, rss_bytes(consumer.pid)))
                    await asyncio.sleep(0.25)

            sampler = asyncio.create_task(sample())
            async for line in consumer.stdout:
                lines.append(json.loads(line))
            await consumer.wait()
            sampler.cancel()
            sent = await producer
    finally:
        if consumer.returncode is None:
            consumer.kill()
            await consumer.wait()

    assert consumer.returncode == 0
    peak_backlog = max(line["backlog"] for line in lines)
    received = lines[-1]["received"]
    peak_rss = max(rss for _, rss in samples)
    after_flood = [rss for t, rss in samples if t >= FLOOD_S]
    mb = 2**20
    report.append(
        f"producer sent {sent:,} x 1 KiB in {FLOOD_S:g} s; consumer received {received:,}; "
        f"backlog peak {peak_backlog:,} (bound {MAX_QUEUED:,} + one read); RSS "
        f"{rss_ready / mb:.0f} MB at start, peak {peak_rss / mb:.0f} MB"
    )
    assert sent > 2 * MAX_QUEUED  # the flood outran the consumer: the test proves something
    assert peak_backlog <= MAX_QUEUED + ONE_READ
    assert lines[-1]["dropped"] == 0  # BLOCK never drops
    # 2,000 queued 1 KiB messages cost a few MB; unbounded, this was hundreds of MB.
    assert peak_rss - rss_ready < 40 * mb
    assert (
        after_flood and max(after_flood) <= max(rss for t, rss in samples if t < FLOOD_S) + 8 * mb
    )
