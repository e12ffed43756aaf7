"""A bench that is cancelled (the window's Stop) stops its producer threads too: a cancelled
task cannot stop a thread, so the producers watch a flag the run sets when it ends."""

from __future__ import annotations

import asyncio

import pytest

from explorer.bench import BenchOptions, run_bench
from explorer.client import Client
from tests.support.sandbox import running_sandbox

DESTINATION = "/queue/bench.stopped"


@pytest.mark.asyncio
async def test_a_cancelled_bench_stops_sending() -> None:
    async with running_sandbox() as broker:
        started = asyncio.Event()

        def on_progress(received: int, expected: int) -> None:
            if received:
                started.set()

        options = BenchOptions(destination=DESTINATION, messages=10_000_000, rate=2000)
        task = asyncio.ensure_future(
            run_bench(
                lambda: Client(broker.tcp_url, reconnect=None, heartbeat=(0, 0)),
                options,
                on_progress=on_progress,
            )
        )
        await asyncio.wait_for(started.wait(), 30)

        def enqueued() -> int:
            return next(i.enqueued for i in broker.snapshot() if i.destination == DESTINATION)

        task.cancel()
        at_cancel = enqueued()
        with pytest.raises(asyncio.CancelledError):
            await task
        # Still sending, the count would grow by a thousand every half second until the
        # sandbox's queue cap (10,000) stops it: it settles early only when the producers
        # have stopped.
        previous = -1
        while (now := enqueued()) != previous:
            previous = now
            await asyncio.sleep(0.5)
        assert previous - at_cancel < 1000
