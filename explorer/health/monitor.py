"""Sample a scope's destinations over time: series a chart plots, and the top talkers.

A `HealthMonitor` asks its source for readings (`sample()`, or every `interval` seconds in
`run()`), turns them into `HealthSample`s and keeps the last `keep` per destination. Rates
come from the broker when it computes them (RabbitMQ); otherwise from two consecutive
readings of the counters: (enqueued now - enqueued before) / seconds between. A counter that
went down (the broker restarted, the statistics were reset) gives no rate for that sample.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Sequence

from explorer.health.model import HealthSample, Reading, Scope, Talker
from explorer.health.sources import HealthSource

DEFAULT_KEEP = 900  # 30 minutes at one sample every 2 s
DEFAULT_INTERVAL = 2.0


def _rate(now: int | None, before: int | None, seconds: float) -> float | None:
    if now is None or before is None or seconds <= 0 or now < before:
        return None
    return (now - before) / seconds


class HealthMonitor:
    """Series of health samples for the destinations of one scope, from one source."""

    def __init__(
        self,
        source: HealthSource,
        scope: Scope | None = None,
        *,
        keep: int = DEFAULT_KEEP,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.source = source
        self.scope = scope or Scope()
        self.keep = keep
        self.clock = clock
        self._series: dict[str, deque[HealthSample]] = {}
        self._latest: list[HealthSample] = []
        # The scope's sum per reading, made as each reading arrives: summing every series
        # again per chart refresh took over a second at 3,000 destinations x 900 readings.
        self._totals: deque[HealthSample] = deque(maxlen=keep)

    async def sample(self) -> list[HealthSample]:
        """Read the source once; the new samples (also appended to each series)."""
        readings = await self.source.read(self.scope)
        now = self.clock()
        samples = [self._sample(reading, now) for reading in readings]
        for sample in samples:
            series = self._series.get(sample.destination)
            if series is None:
                series = self._series[sample.destination] = deque(maxlen=self.keep)
            series.append(sample)
        self._latest = samples
        if samples:
            self._totals.append(_sum(self.scope.node or "(all)", now, samples))
        return samples

    def _sample(self, reading: Reading, now: float) -> HealthSample:
        enqueue_rate, dequeue_rate = reading.enqueue_rate, reading.dequeue_rate
        previous = self._series.get(reading.destination)
        if previous:
            last = previous[-1]
            seconds = now - last.time
            if enqueue_rate is None:
                enqueue_rate = _rate(reading.enqueued, last.enqueued, seconds)
            if dequeue_rate is None:
                dequeue_rate = _rate(reading.dequeued, last.dequeued, seconds)
        return HealthSample(
            destination=reading.destination,
            kind=reading.kind,
            time=now,
            depth=reading.depth,
            consumers=reading.consumers,
            enqueued=reading.enqueued,
            dequeued=reading.dequeued,
            enqueue_rate=enqueue_rate,
            dequeue_rate=dequeue_rate,
            oldest_age=reading.oldest_age,
        )

    async def run(
        self,
        interval: float = DEFAULT_INTERVAL,
        *,
        on_samples: Callable[[list[HealthSample]], None] | None = None,
        stop: asyncio.Event | None = None,
    ) -> None:
        """Sample every `interval` seconds until `stop` is set (or the task is cancelled).
        A source's error ends the run (the caller shows it and may start again)."""
        while stop is None or not stop.is_set():
            samples = await self.sample()
            if on_samples is not None:
                on_samples(samples)
            if stop is None:
                await asyncio.sleep(interval)
                continue
            try:
                async with asyncio.timeout(interval):
                    await stop.wait()
            except TimeoutError:
                pass

    def destinations(self) -> list[str]:
        """Every destination with a series, sorted."""
        return sorted(self._series)

    def series(self, destination: str) -> list[HealthSample]:
        """The samples of one destination, oldest first (empty when never seen)."""
        return list(self._series.get(destination, ()))

    def latest(self) -> list[HealthSample]:
        """The samples of the last reading."""
        return list(self._latest)

    def total(self) -> list[HealthSample]:
        """The scope as one series (a subtree's chart): per reading time, the sum of depth,
        consumers, counters and rates, and the largest oldest age (None where no destination
        reported the figure), the last `keep` readings."""
        return list(self._totals)

    def top_talkers(self, limit: int = 10) -> list[Talker]:
        """The destinations carrying the most traffic (in + out per second) at the last
        reading, busiest first; destinations without a rate yet are left out."""
        ranked = [
            Talker(s.destination, s.traffic, s.enqueue_rate, s.dequeue_rate, s.depth)
            for s in self._latest
            if s.traffic is not None and s.traffic > 0
        ]
        ranked.sort(key=lambda t: (-t.traffic, t.destination))
        return ranked[:limit]


def _add(values: Sequence[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _add_float(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _sum(name: str, when: float, samples: Sequence[HealthSample]) -> HealthSample:
    ages = [s.oldest_age for s in samples if s.oldest_age is not None]
    return HealthSample(
        destination=name,
        kind="subtree",
        time=when,
        depth=_add([s.depth for s in samples]),
        consumers=_add([s.consumers for s in samples]),
        enqueued=_add([s.enqueued for s in samples]),
        dequeued=_add([s.dequeued for s in samples]),
        enqueue_rate=_add_float([s.enqueue_rate for s in samples]),
        dequeue_rate=_add_float([s.dequeue_rate for s in samples]),
        oldest_age=max(ages) if ages else None,
    )
