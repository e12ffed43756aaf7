"""Health figures equal what Jolokia and the RabbitMQ management API report.

Each comparison reads the API directly before and after our sample and uses a round where
both direct reads agree (the figures did not move meanwhile). Clocks are injected, so ages
and rates are compared exactly.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import pytest

from explorer.health import HealthMonitor, HealthSample, JolokiaHealth, ManagementHealth, Scope
from explorer.operations import JolokiaAdmin, ManagementAdmin
from explorer.operations.admin import parse_jms_timestamp
from tests.integration.test_operations_brokers import (
    JOLOKIA,
    MANAGEMENT,
    Queues,
    amq_queues,
    client_for,
    fill,
    jolokia,
    management,
    rmq_queues,
)
from tests.support.brokers import ACTIVEMQ, RABBITMQ

__all__ = ["amq_queues", "rmq_queues"]  # the fixtures, used by name below


class Clock:
    def __init__(self) -> None:
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


async def stable_sample(
    monitor: HealthMonitor, direct: Callable[[], Awaitable[Mapping[str, Any]]]
) -> tuple[list[HealthSample], Mapping[str, Any]]:
    """A sample taken between two identical direct reads."""
    async with asyncio.timeout(60):
        while True:
            before = await direct()
            samples = await monitor.sample()
            if await direct() == before:
                return samples, before
            await asyncio.sleep(0.5)


@pytest.mark.activemq
@pytest.mark.asyncio
async def test_activemq_figures_equal_jolokias(amq_queues: Queues) -> None:
    queue, other = amq_queues.new("health.a"), amq_queues.new("health.b")
    await fill(ACTIVEMQ, queue, 7)
    await fill(ACTIVEMQ, other, 2)
    name = queue.removeprefix("/queue/")
    mbean = (
        "org.apache.activemq:type=Broker,brokerName=localhost,destinationType=Queue,"
        f"destinationName={name}"
    )
    attributes = ["QueueSize", "ConsumerCount", "EnqueueCount", "DequeueCount"]

    async def direct() -> Mapping[str, Any]:
        answer = await asyncio.to_thread(
            jolokia, {"type": "read", "mbean": mbean, "attribute": attributes}
        )
        value: Mapping[str, Any] = answer["value"]
        return value

    clock = Clock()
    source = JolokiaHealth(JolokiaAdmin(JOLOKIA), clock=clock)
    monitor = HealthMonitor(source, Scope(queue, subtree=False), clock=clock)
    async with client_for(ACTIVEMQ) as consumer:
        await consumer.subscribe(
            queue, ack="client-individual", headers={"activemq.prefetchSize": "1"}, receipt=True
        )
        [first], figures = await stable_sample(monitor, direct)
        assert first.destination == queue
        assert (first.depth, first.consumers, first.enqueued, first.dequeued) == (
            figures["QueueSize"],
            figures["ConsumerCount"],
            figures["EnqueueCount"],
            figures["DequeueCount"],
        )
        assert (first.depth, first.consumers, first.enqueued) == (7, 1, 7)
        browsed = await asyncio.to_thread(
            jolokia, {"type": "exec", "mbean": mbean, "operation": "browse()"}
        )
        head = parse_jms_timestamp(browsed["value"][0]["JMSTimestamp"])
        assert head is not None and first.oldest_age == clock.now - head

        await fill(ACTIVEMQ, queue, 10)
        clock.now += 4.0
        [second], figures = await stable_sample(monitor, direct)
        assert second.enqueued == figures["EnqueueCount"] == 17
        assert second.enqueue_rate == (17 - 7) / 4.0
        assert second.dequeue_rate == 0.0

    subtree = HealthMonitor(source, Scope("/queue/ops.health"), clock=clock)
    found = {s.destination: s.depth for s in await subtree.sample()}
    assert found[queue] == 17 and found[other] == 2
    advisories = HealthMonitor(source, Scope("/topic/ActiveMQ.Advisory"), clock=clock)
    assert await advisories.sample() == []  # the broker's own topics are not destinations


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_rabbitmq_figures_equal_the_management_apis(rmq_queues: Queues) -> None:
    queue = rmq_queues.new("health.r")
    name = queue.removeprefix("/queue/")
    stamp = 1_899_999_000
    await fill(RABBITMQ, queue, 5, {"timestamp": str(stamp)})

    async def direct() -> Mapping[str, Any]:
        record: Mapping[str, Any] = await asyncio.to_thread(management, f"queues/%2F/{name}")
        stats = record.get("message_stats") or {}
        return {
            "messages": record.get("messages"),
            "consumers": record.get("consumers"),
            "publish": stats.get("publish"),
            "deliver_get": stats.get("deliver_get"),
            "publish_rate": (stats.get("publish_details") or {}).get("rate"),
            "deliver_rate": (stats.get("deliver_get_details") or {}).get("rate"),
            "head": record.get("head_message_timestamp"),
        }

    async with asyncio.timeout(60):  # the management API counts a new queue after ~5 s
        while (await direct())["messages"] != 5:
            await asyncio.sleep(0.5)

    clock = Clock()
    source = ManagementHealth(
        ManagementAdmin(MANAGEMENT, login="guest", password="guest"), clock=clock
    )
    monitor = HealthMonitor(source, Scope(queue, subtree=False), clock=clock)
    async with client_for(RABBITMQ) as consumer:
        await consumer.subscribe(
            f"/amq/queue/{name}",
            ack="client-individual",
            headers={"prefetch-count": "1"},
            receipt=True,
        )
        async with asyncio.timeout(60):
            while (await direct())["consumers"] != 1:
                await asyncio.sleep(0.5)
        [sample], figures = await stable_sample(monitor, direct)
    assert sample.destination == queue
    assert (sample.depth, sample.consumers, sample.enqueued, sample.dequeued) == (
        figures["messages"],
        figures["consumers"],
        figures["publish"],
        figures["deliver_get"],
    )
    assert (sample.enqueue_rate, sample.dequeue_rate) == (
        figures["publish_rate"],
        figures["deliver_rate"],
    )
    assert (sample.depth, sample.consumers, sample.enqueued) == (5, 1, 5)
    assert figures["head"] == stamp and sample.oldest_age == clock.now - stamp
