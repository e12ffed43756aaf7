"""The benchmark: producers and consumers in one process, each on its own connection.

Consumers subscribe first (with a receipt), then producers send `messages` in total, at
`rate` per second overall (None: as fast as they can), each message stamped. The run ends
when every expected message arrived, or when nothing arrived for `idle` seconds after the
last send (the rest counts as lost).

A queue destination delivers each message to one consumer (expected = messages); a topic
(`/topic/...`) delivers to every consumer (expected = messages x consumers).
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from explorer.bench.tracker import STAMP_HEADER, Tracker, stamp

if TYPE_CHECKING:
    from explorer.client import Client, Subscription

ClientFactory = Callable[[], "Client"]
# Messages sent in one write at most (the stamps of a batch are taken just before it).
BATCH = 64
ProgressCallback = Callable[[int, int], None]  # (received so far, expected)


@dataclass(frozen=True, slots=True)
class BenchOptions:
    destination: str = field(
        default_factory=lambda: f"/queue/stomp-explorer.bench.{uuid.uuid4().hex[:8]}"
    )
    messages: int = 10_000
    rate: float | None = None  # messages per second overall; None = as fast as possible
    size: int = 100  # body bytes
    producers: int = 1
    consumers: int = 1
    persistent: bool = False
    idle: float = 5.0  # seconds without a message, after the last send, before giving up

    @property
    def fan_out(self) -> bool:
        return self.destination.startswith("/topic/")


@dataclass(frozen=True, slots=True)
class BenchResult:
    options: BenchOptions
    sent: int
    received: int  # unique messages (per consumer on a topic, summed)
    expected: int
    duplicates: int
    out_of_order: int
    foreign: int
    send_seconds: float  # first send -> last send
    receive_seconds: float  # first receive -> last receive
    total_seconds: float  # first send -> last receive
    latency_ms: dict[str, float]  # p50 p90 p99 p999 max
    # For a latency chart: (upper bound in ms, messages) in buckets doubling from 0.1 ms.
    distribution: tuple[tuple[float, int], ...] = ()
    # The same with buckets growing by √2 (twice the resolution): the window's chart.
    fine_distribution: tuple[tuple[float, int], ...] = ()

    @property
    def lost(self) -> int:
        return max(0, self.expected - self.received)

    @property
    def throughput_msg_s(self) -> float:
        """Messages received per second over the whole run (first send -> last receive)."""
        return self.received / self.total_seconds if self.total_seconds > 0 else 0.0

    @property
    def receive_msg_s(self) -> float:
        """Messages received per second while messages were arriving."""
        return self.received / self.receive_seconds if self.receive_seconds > 0 else 0.0

    @property
    def send_msg_s(self) -> float:
        return self.sent / self.send_seconds if self.send_seconds > 0 else 0.0

    @property
    def throughput_mb_s(self) -> float:
        return self.throughput_msg_s * self.options.size / 1_000_000


class _Clock:
    def __init__(self) -> None:
        self.first_send: float | None = None
        self.last_send: float | None = None
        self.first_receive: float | None = None
        self.last_receive: float | None = None
        self.sending_done = asyncio.Event()
        self.progress = asyncio.Event()  # set on every batch received
        # Set when the run ends, also by cancellation: producer threads, which a cancelled
        # task cannot stop, see it and stop sending.
        self.stopping = threading.Event()


async def run_bench(
    factory: ClientFactory,
    options: BenchOptions,
    *,
    on_progress: ProgressCallback | None = None,
) -> BenchResult:
    """Connect, subscribe, send, receive, report. ClientError on connection problems."""
    per_producer = [
        options.messages // options.producers
        + (1 if i < options.messages % options.producers else 0)
        for i in range(options.producers)
    ]
    size = max(per_producer)
    trackers = [
        Tracker(options.producers, size) for _ in range(options.consumers if options.fan_out else 1)
    ]
    expected = options.messages * (options.consumers if options.fan_out else 1)
    clock = _Clock()
    consumers = [factory() for _ in range(options.consumers)]
    connected: list[Client] = []
    helpers: list[asyncio.Task[None]] = []
    try:
        for client in consumers:
            await client.connect()
            connected.append(client)
        subscriptions = [
            await client.subscribe(options.destination, receipt=True) for client in consumers
        ]

        def received() -> int:
            return sum(t.unique for t in trackers)

        def complete() -> bool:
            if options.fan_out:
                return all(t.unique >= options.messages for t in trackers)
            return received() >= options.messages

        consuming = [
            asyncio.create_task(_consume(i, sub, trackers[i if options.fan_out else 0], clock))
            for i, sub in enumerate(subscriptions)
        ]
        reporter = asyncio.create_task(_report(clock, received, expected, on_progress))
        helpers += [*consuming, reporter]
        rate = None if options.rate is None else options.rate / options.producers
        body = b"x" * options.size
        headers = [("persistent", "true")] if options.persistent else []
        sent_counts = await asyncio.gather(
            *(
                asyncio.to_thread(
                    asyncio.run,
                    _producer(factory, i, options.destination, count, rate, body, headers, clock),
                )
                for i, count in enumerate(per_producer)
            )
        )
        clock.sending_done.set()
        await _wait_until_done(clock, complete, options.idle)
        for task in (*consuming, reporter):
            task.cancel()
        await asyncio.gather(*consuming, reporter, return_exceptions=True)
        if on_progress is not None:
            on_progress(received(), expected)
    finally:
        clock.stopping.set()
        for task in helpers:
            task.cancel()
        for client in connected:
            try:
                await client.disconnect(timeout=2.0)
            except Exception:
                await client.close()
    return _result(options, sum(sent_counts), expected, trackers, clock)


async def _producer(
    factory: ClientFactory,
    producer: int,
    destination: str,
    count: int,
    rate: float | None,
    body: bytes,
    extra: list[tuple[str, str]],
    clock: _Clock,
) -> int:
    """One producer on its own thread and event loop: a socket write releases the GIL, so
    sending overlaps with the consumers' parsing instead of taking turns with it."""
    client = factory()
    await client.connect()
    try:
        return await _produce(producer, client, destination, count, rate, body, extra, clock)
    finally:
        try:
            await client.disconnect(timeout=2.0)
        except Exception:
            await client.close()


async def _produce(
    producer: int,
    client: Client,
    destination: str,
    count: int,
    rate: float | None,
    body: bytes,
    extra: list[tuple[str, str]],
    clock: _Clock,
) -> int:
    """Send `count` stamped messages, the ones due at once in one write (`send_frames`: a
    system call per batch, not per message), at most `BATCH` together so a stamp is taken
    close to its send."""
    from explorer.stomp import Command, Frame

    loop = asyncio.get_running_loop()
    start = loop.time()
    if clock.first_send is None:
        clock.first_send = time.perf_counter()
    head = (("destination", destination),)
    tail = tuple(extra)
    sent = 0
    while sent < count and not clock.stopping.is_set():
        due = count
        if rate is not None:
            due = min(count, int((loop.time() - start) * rate) + 1)
            if due <= sent:  # the next one is not due yet
                await asyncio.sleep(start + sent / rate - loop.time())
                continue
        frames = [
            Frame(Command.SEND, (*head, (STAMP_HEADER, stamp(producer, seq)), *tail), body)
            for seq in range(sent, min(due, sent + BATCH))
        ]
        await client.send_frames(frames)
        sent += len(frames)
        await asyncio.sleep(0)
    clock.last_send = time.perf_counter()
    return sent


async def _consume(
    consumer: int,
    subscription: Subscription,
    tracker: Tracker,
    clock: _Clock,
) -> None:
    get_batch = subscription.get_batch
    while True:
        batch = await get_batch()
        now_ns = time.perf_counter_ns()
        now = now_ns / 1e9
        if clock.first_receive is None:
            clock.first_receive = now
        clock.last_receive = now
        tracker.take(consumer, [m.header(STAMP_HEADER) for m in batch], now_ns)
        clock.progress.set()


async def _wait_until_done(clock: _Clock, complete: Callable[[], bool], idle: float) -> None:
    while not complete():
        clock.progress.clear()
        try:
            await asyncio.wait_for(clock.progress.wait(), idle)
        except TimeoutError:
            return  # nothing for `idle` seconds after the last send: the rest is lost


async def _report(
    clock: _Clock,
    received: Callable[[], int],
    expected: int,
    on_progress: ProgressCallback | None,
) -> None:
    if on_progress is None:
        return
    while True:
        on_progress(received(), expected)
        await asyncio.sleep(0.2)


def _result(
    options: BenchOptions, sent: int, expected: int, trackers: list[Tracker], clock: _Clock
) -> BenchResult:
    from explorer.bench.tracker import new_histogram

    histogram = new_histogram()
    for tracker in trackers:
        histogram.add(tracker.histogram)
    count = histogram.get_total_count()

    def ms(percentile: float) -> float:
        return histogram.get_value_at_percentile(percentile) / 1000 if count else 0.0

    latency = {
        "p50": ms(50),
        "p90": ms(90),
        "p99": ms(99),
        "p999": ms(99.9),
        "max": histogram.get_max_value() / 1000 if count else 0.0,
    }

    def buckets(log_base: float) -> tuple[tuple[float, int], ...]:
        if not count:
            return ()
        return tuple(
            (step.value_iterated_to / 1000, step.count_added_in_this_iter_step)
            for step in histogram.get_log_iterator(100, log_base)
        )

    first_send = clock.first_send or 0.0
    last_send = clock.last_send or first_send
    first_receive = clock.first_receive or 0.0
    last_receive = clock.last_receive or first_receive
    return BenchResult(
        options=options,
        sent=sent,
        received=sum(t.unique for t in trackers),
        expected=expected,
        duplicates=sum(t.duplicates for t in trackers),
        out_of_order=sum(t.out_of_order for t in trackers),
        foreign=sum(t.foreign for t in trackers),
        send_seconds=last_send - first_send,
        receive_seconds=last_receive - first_receive,
        total_seconds=(last_receive - first_send) if clock.last_receive else 0.0,
        latency_ms=latency,
        distribution=buckets(2.0),
        fine_distribution=buckets(2**0.5),
    )
