"""Health from the sandbox's own feed, in process and over STOMP: the same figures."""

from __future__ import annotations

import asyncio

import pytest

from explorer.client import Client
from explorer.health import HealthMonitor, SandboxFeedHealth, SandboxHealth, Scope
from tests.support.sandbox import running_sandbox


@pytest.mark.asyncio
async def test_the_feed_over_stomp_equals_the_brokers_snapshot() -> None:
    async with running_sandbox(discovery_interval=0.02) as broker, Client(broker.tcp_url) as client:
        for i in range(7):
            broker.publish("/queue/orders.eu", f"m{i}")
        broker.publish("/queue/orders.us", "x")
        broker.publish("/topic/prices", "p")
        feed = SandboxFeedHealth(client)
        await feed.start()
        try:
            scope = Scope("/queue/orders")
            expected = await SandboxHealth(broker.snapshot).read(scope)
            assert [(r.destination, r.depth, r.enqueued) for r in expected] == [
                ("/queue/orders.eu", 7, 7),
                ("/queue/orders.us", 1, 1),
            ]
            async with asyncio.timeout(10):
                while (seen := await feed.read(scope)) != expected:
                    await asyncio.sleep(0.02)
            assert seen == expected
        finally:
            await feed.close()


@pytest.mark.asyncio
async def test_sandbox_rates_are_derived_from_its_counters() -> None:
    async with running_sandbox() as broker:
        clock = [100.0]
        monitor = HealthMonitor(SandboxHealth(broker.snapshot), clock=lambda: clock[0])
        broker.publish("/queue/q", "1")
        await monitor.sample()
        for _ in range(10):
            broker.publish("/queue/q", "more")
        clock[0] += 5.0
        [sample] = await monitor.sample()
        assert (sample.depth, sample.enqueued, sample.enqueue_rate) == (11, 11, 2.0)
        assert sample.oldest_age is None  # the sandbox reports no ages
