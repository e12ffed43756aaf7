"""What destination health is made of: one reading (`Reading`, as a source reports it), one
sample in a series (`HealthSample`, with rates), the scope sampled, and the top talkers."""

from __future__ import annotations

from dataclasses import dataclass

SEPARATORS = "./"


@dataclass(frozen=True, slots=True)
class Reading:
    """One destination's figures as the broker reports them at one moment.

    Counters (`enqueued`, `dequeued`) are totals since the broker (or the destination)
    started. `enqueue_rate`/`dequeue_rate` are set only when the broker computes rates itself
    (RabbitMQ's management API); otherwise the monitor derives them from two readings.
    `oldest_age` is the age in seconds of the message at the head of the queue (0.0 for an
    empty queue), None when the broker cannot tell. None anywhere means "not reported".
    """

    destination: str
    kind: str  # "queue" | "topic"
    depth: int | None = None
    consumers: int | None = None
    enqueued: int | None = None
    dequeued: int | None = None
    enqueue_rate: float | None = None
    dequeue_rate: float | None = None
    oldest_age: float | None = None


@dataclass(frozen=True, slots=True)
class HealthSample:
    """One point of a destination's series (what a chart plots). `time` is wall-clock
    seconds since the epoch when the sample was taken; rates are messages per second."""

    destination: str
    kind: str
    time: float
    depth: int | None
    consumers: int | None
    enqueued: int | None
    dequeued: int | None
    enqueue_rate: float | None
    dequeue_rate: float | None
    oldest_age: float | None

    @property
    def traffic(self) -> float | None:
        """Messages in plus out per second (what ranks the top talkers)."""
        if self.enqueue_rate is None and self.dequeue_rate is None:
            return None
        return (self.enqueue_rate or 0.0) + (self.dequeue_rate or 0.0)


@dataclass(frozen=True, slots=True)
class Scope:
    """Which destinations to sample: one (`subtree=False`) or everything under a tree node
    (`/queue/orders` covers `/queue/orders`, `/queue/orders.eu`, `/queue/orders/x`; `/queue/`
    covers every queue; "" covers everything)."""

    node: str = ""
    subtree: bool = True

    def covers(self, destination: str) -> bool:
        node = self.node
        if not self.subtree:
            return destination == node
        if not node or destination == node:
            return True
        if node.endswith(tuple(SEPARATORS)):
            return destination.startswith(node)
        return destination.startswith(node) and destination[len(node)] in SEPARATORS


@dataclass(frozen=True, slots=True)
class Talker:
    """A destination ranked by its traffic now (top talkers)."""

    destination: str
    traffic: float
    enqueue_rate: float | None
    dequeue_rate: float | None
    depth: int | None
