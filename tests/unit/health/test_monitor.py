"""The health monitor: series, rates from counters, the broker's own rates, totals, top
talkers, scopes and the sentences for brokers without figures (a fake source, no broker)."""

from __future__ import annotations

import asyncio

import pytest

from explorer.broker.kind import BrokerKind
from explorer.health import (
    HealthMonitor,
    HealthSample,
    Reading,
    Scope,
    Talker,
    unavailable_reason,
)


class ScriptedSource:
    """Hands out prepared readings, one list per call."""

    name = "scripted"

    def __init__(self, *rounds: list[Reading]) -> None:
        self.rounds = list(rounds)
        self.scopes: list[Scope] = []

    async def read(self, scope: Scope) -> list[Reading]:
        self.scopes.append(scope)
        return [r for r in self.rounds.pop(0) if scope.covers(r.destination)]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def queue(
    name: str,
    enqueued: int | None,
    dequeued: int | None,
    *,
    depth: int | None = None,
    consumers: int | None = None,
    enqueue_rate: float | None = None,
    dequeue_rate: float | None = None,
    oldest_age: float | None = None,
) -> Reading:
    return Reading(
        name,
        "queue",
        depth=depth,
        consumers=consumers,
        enqueued=enqueued,
        dequeued=dequeued,
        enqueue_rate=enqueue_rate,
        dequeue_rate=dequeue_rate,
        oldest_age=oldest_age,
    )


@pytest.mark.asyncio
async def test_rates_come_from_two_readings_of_the_counters() -> None:
    clock = Clock()
    source = ScriptedSource(
        [queue("/queue/a", 100, 40, depth=60)],
        [queue("/queue/a", 150, 60, depth=90)],
        [queue("/queue/a", 10, 5, depth=5)],  # the broker restarted: counters went down
    )
    monitor = HealthMonitor(source, clock=clock)
    [first] = await monitor.sample()
    assert (first.enqueue_rate, first.dequeue_rate) == (None, None)
    clock.now += 2.0
    [second] = await monitor.sample()
    assert (second.enqueue_rate, second.dequeue_rate) == (25.0, 10.0)
    assert second.traffic == 35.0 and second.depth == 90 and second.time == 1002.0
    clock.now += 2.0
    [third] = await monitor.sample()
    assert (third.enqueue_rate, third.dequeue_rate) == (None, None)
    assert [s.depth for s in monitor.series("/queue/a")] == [60, 90, 5]


@pytest.mark.asyncio
async def test_the_brokers_own_rates_win() -> None:
    clock = Clock()
    source = ScriptedSource(
        [queue("/queue/r", 0, 0)],
        [queue("/queue/r", 100, 100, enqueue_rate=3.5, dequeue_rate=None)],
    )
    monitor = HealthMonitor(source, clock=clock)
    await monitor.sample()
    clock.now += 10.0
    [sample] = await monitor.sample()
    assert (sample.enqueue_rate, sample.dequeue_rate) == (3.5, 10.0)


@pytest.mark.asyncio
async def test_series_are_bounded_and_top_talkers_ranked() -> None:
    clock = Clock()
    rounds = [
        [queue("/queue/a", 10 * i, 0), queue("/queue/b", 30 * i, 30 * i), queue("/queue/c", 5, 5)]
        for i in range(5)
    ]
    monitor = HealthMonitor(ScriptedSource(*rounds), keep=3, clock=clock)
    for _ in range(5):
        await monitor.sample()
        clock.now += 1.0
    assert len(monitor.series("/queue/a")) == 3
    assert monitor.destinations() == ["/queue/a", "/queue/b", "/queue/c"]
    assert monitor.top_talkers() == [
        Talker("/queue/b", 60.0, 30.0, 30.0, None),
        Talker("/queue/a", 10.0, 10.0, 0.0, None),
    ]  # /queue/c carries nothing now
    assert monitor.top_talkers(1)[0].destination == "/queue/b"
    assert monitor.series("/queue/none") == []


@pytest.mark.asyncio
async def test_a_subtree_is_summed_into_one_series() -> None:
    clock = Clock()
    source = ScriptedSource(
        [
            queue("/queue/orders", 1, 0, depth=1, consumers=1, oldest_age=4.0),
            queue("/queue/orders.eu", 2, 1, depth=1, consumers=None, oldest_age=9.0),
            queue("/queue/ordersx", 50, 0, depth=50),  # not under /queue/orders
        ]
    )
    monitor = HealthMonitor(source, Scope("/queue/orders"), clock=clock)
    samples = await monitor.sample()
    assert [s.destination for s in samples] == ["/queue/orders", "/queue/orders.eu"]
    [total] = monitor.total()
    assert (total.destination, total.kind, total.depth, total.consumers) == (
        "/queue/orders",
        "subtree",
        2,
        1,
    )
    assert (total.enqueued, total.dequeued, total.oldest_age) == (3, 1, 9.0)
    assert total.enqueue_rate is None  # no destination had a rate yet


def test_scopes() -> None:
    assert Scope().covers("/topic/anything")
    assert Scope("/queue/a", subtree=False).covers("/queue/a")
    assert not Scope("/queue/a", subtree=False).covers("/queue/a.b")
    assert Scope("/queue/a").covers("/queue/a/b") and Scope("/queue/a").covers("/queue/a.b")
    assert not Scope("/queue/a").covers("/queue/ab")
    assert Scope("/queue/").covers("/queue/x") and not Scope("/queue/").covers("/topic/x")


@pytest.mark.asyncio
async def test_run_samples_until_stopped() -> None:
    source = ScriptedSource(*[[queue("/queue/a", i, 0)] for i in range(50)])
    monitor = HealthMonitor(source)
    stop = asyncio.Event()
    batches: list[int] = []

    def seen(samples: list[HealthSample]) -> None:
        batches.append(len(samples))
        if len(batches) == 3:
            stop.set()

    await monitor.run(0.01, on_samples=seen, stop=stop)
    assert batches == [1, 1, 1] and len(monitor.series("/queue/a")) == 3


def test_brokers_without_figures_get_a_sentence() -> None:
    spring = unavailable_reason(BrokerKind.SPRING)
    assert spring is not None and "Spring's simple broker" in spring
    rabbit = unavailable_reason(BrokerKind.RABBITMQ)
    assert rabbit is not None and "--management URL" in rabbit
    amq = unavailable_reason(BrokerKind.ACTIVEMQ)
    assert amq is not None and "--jolokia URL" in amq
    assert unavailable_reason(BrokerKind.RABBITMQ, management=True) is None
    assert unavailable_reason(BrokerKind.ACTIVEMQ, jolokia=True) is None
    assert unavailable_reason(BrokerKind.SANDBOX) is None
    assert unavailable_reason(BrokerKind.UNKNOWN) is not None
    assert unavailable_reason(BrokerKind.ARTEMIS) is not None
