"""Queues, topics and dispatch: the broker's in-memory state, free of sockets and frames.

A queue keeps each message until a consumer takes it for good (auto ack, or ACK in a
client mode) and hands every message to one subscriber, round-robin. A topic keeps nothing
and copies each message to every current subscriber. Sessions plug in through `Consumer`,
so this module can be tested without a network.
"""

from __future__ import annotations

import re
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal, Protocol

from explorer.sandbox.errors import CapacityExceeded, InvalidDestination, ProtocolViolation
from explorer.stomp import AckMode

QUEUE_PREFIX: Final = "/queue/"
TOPIC_PREFIX: Final = "/topic/"
# Subscribing here delivers the JSON list of destinations (see discovery.py).
DISCOVERY_TOPIC: Final = "/topic/sandbox.destinations"

_WILDCARD_ONE: Final = "*"
_WILDCARD_REST: Final = frozenset({">", "#"})
_SEGMENT_SPLIT: Final = re.compile(r"([./])")
_CONTROL_CHARS: Final = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(slots=True, eq=False)
class Message:
    """One published message. `headers` are the producer's own headers (no broker headers)."""

    message_id: str
    destination: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    seq: int
    redelivery_count: int = 0
    # The MESSAGE's destination header when it differs from the queue's name: a user
    # destination's message is delivered as the `/user/...` its subscriber subscribed to.
    delivered_as: str | None = None

    @property
    def size(self) -> int:
        """Bytes this message costs against the caps (body plus header text)."""
        return len(self.body) + sum(len(k) + len(v) + 2 for k, v in self.headers)


class Consumer(Protocol):
    """What a client session offers to destinations."""

    def can_take(self) -> bool:
        """False while the client's unsent output is above its high-water mark."""

    def deliver(self, subscription: Subscription, message: Message) -> None:
        """Write a MESSAGE for `message` to the client (records unacked deliveries)."""


@dataclass(eq=False)
class Subscription:
    """One SUBSCRIBE of one session. `unacked` maps the MESSAGE `ack` ids to their messages,
    in delivery order (client mode acks are cumulative along that order)."""

    id: str
    destination: str
    ack: AckMode
    consumer: Consumer
    browser: bool = False
    unacked: OrderedDict[str, Message] = field(default_factory=OrderedDict)
    pattern: re.Pattern[str] | None = None

    @property
    def is_queue(self) -> bool:
        return self.destination.startswith(QUEUE_PREFIX)


@dataclass(frozen=True, slots=True)
class DestinationInfo:
    """One row of the discovery feed; the destination tree shows these like broker discovery."""

    destination: str
    kind: Literal["queue", "topic"]
    depth: int
    consumers: int
    enqueued: int
    dequeued: int


@dataclass(frozen=True, slots=True)
class Caps:
    """Memory bounds. Queues hold messages in memory, so every queue and the sum are capped."""

    queue_messages: int = 10_000
    queue_bytes: int = 16 * 1024 * 1024
    total_bytes: int = 64 * 1024 * 1024
    destinations: int = 10_000
    # Like a prefetch limit: a client-ack subscription with this many unacked messages gets
    # no more queue messages until it acks, and skips topic messages meanwhile.
    unacked_per_subscription: int = 10_000


class _Queue:
    def __init__(self, name: str) -> None:
        self.name = name
        self.pending: deque[Message] = deque()
        self.inflight: dict[str, Message] = {}
        self.subscribers: list[Subscription] = []
        self.next_index = 0
        self.bytes = 0
        self.enqueued = 0
        self.dequeued = 0

    @property
    def depth(self) -> int:
        return len(self.pending) + len(self.inflight)


class _Topic:
    def __init__(self, name: str) -> None:
        self.name = name
        self.subscribers: list[Subscription] = []
        self.enqueued = 0
        self.dequeued = 0


def kind_of(destination: str) -> Literal["queue", "topic"]:
    """`queue` or `topic` for a valid destination; raises `InvalidDestination` otherwise."""
    if destination.startswith(QUEUE_PREFIX) and len(destination) > len(QUEUE_PREFIX):
        kind: Literal["queue", "topic"] = "queue"
    elif destination.startswith(TOPIC_PREFIX) and len(destination) > len(TOPIC_PREFIX):
        kind = "topic"
    elif destination in (QUEUE_PREFIX, TOPIC_PREFIX):
        raise InvalidDestination(
            f"destination {destination} has no name; use {destination}<name>, "
            f"for example {destination}orders"
        )
    else:
        raise InvalidDestination(
            f"destination {destination!r} is not served by the sandbox; use /queue/<name> "
            "(each message to one consumer) or /topic/<name> (each message to every subscriber)"
        )
    if _CONTROL_CHARS.search(destination):
        raise InvalidDestination(
            f"destination {destination!r} contains control characters; use printable names"
        )
    return kind


def is_wildcard(destination: str) -> bool:
    """True when a whole segment (between `/` or `.`) is `*`, `>` or `#`."""
    segments = _SEGMENT_SPLIT.split(destination)[::2]
    return any(s == _WILDCARD_ONE or s in _WILDCARD_REST for s in segments)


def compile_wildcard(destination: str) -> re.Pattern[str]:
    """A regex for a topic pattern: `*` matches one segment, `>`/`#` (last) match the rest."""
    parts = _SEGMENT_SPLIT.split(destination)
    out: list[str] = []
    for index, part in enumerate(parts):
        if index % 2:  # a separator
            out.append(re.escape(part))
        elif part == _WILDCARD_ONE:
            out.append(r"[^./]+")
        elif part in _WILDCARD_REST:
            if index != len(parts) - 1:
                raise InvalidDestination(
                    f"in {destination}, {part} must be the last segment "
                    "(it matches everything after it); use * for one segment"
                )
            out.append(r".+")
        else:
            out.append(re.escape(part))
    return re.compile("".join(out))


class Destinations:
    """Every queue and topic of one broker, with the caps and the round-robin dispatch."""

    def __init__(
        self, caps: Caps | None = None, on_change: Callable[[], None] | None = None
    ) -> None:
        self.caps = caps or Caps()
        self._on_change = on_change or (lambda: None)
        self._queues: dict[str, _Queue] = {}
        self._topics: dict[str, _Topic] = {}
        self._wildcards: list[Subscription] = []
        self._seq = 0
        self.total_bytes = 0

    # -- producing -------------------------------------------------------------------------

    def publish(
        self,
        destination: str,
        headers: Sequence[tuple[str, str]] = (),
        body: bytes = b"",
        *,
        only: Subscription | None = None,
        delivered_as: str | None = None,
    ) -> Message:
        """Accept one message: enqueue it (queue) or copy it to subscribers (topic).

        `only` delivers a topic message to that one subscription (the discovery snapshot a new
        subscriber gets). Raises `InvalidDestination` or `CapacityExceeded`.
        """
        kind = kind_of(destination)
        if is_wildcard(destination):
            raise InvalidDestination(
                f"cannot send to {destination}: wildcards (*, >, #) only work in SUBSCRIBE; "
                "send to a concrete destination"
            )
        message = self._new_message(destination, headers, body)
        message.delivered_as = delivered_as
        if kind == "queue":
            queue = self._queue(destination)
            self._check_room(queue, message)
            queue.pending.append(message)
            queue.bytes += message.size
            self.total_bytes += message.size
            queue.enqueued += 1
            self._dispatch(queue)
        else:
            topic = self._topic(destination)
            topic.enqueued += 1
            targets = [only] if only is not None else self._topic_subscribers(topic)
            limit = self.caps.unacked_per_subscription
            for subscription in targets:
                if len(subscription.unacked) >= limit:
                    continue
                topic.dequeued += 1
                subscription.consumer.deliver(subscription, message)
        if destination != DISCOVERY_TOPIC:
            self._on_change()
        return message

    def _new_message(
        self, destination: str, headers: Sequence[tuple[str, str]], body: bytes
    ) -> Message:
        self._seq += 1
        return Message(
            message_id=f"sandbox-{self._seq}",
            destination=destination,
            headers=tuple(headers),
            body=body,
            seq=self._seq,
        )

    def _check_room(self, queue: _Queue, message: Message) -> None:
        caps = self.caps
        if queue.depth >= caps.queue_messages:
            raise CapacityExceeded(
                f"queue {queue.name} is full ({queue.depth} messages, cap {caps.queue_messages}); "
                "consume or purge it"
            )
        if queue.bytes + message.size > caps.queue_bytes:
            raise CapacityExceeded(
                f"queue {queue.name} is full ({queue.bytes} bytes held, this message "
                f"{message.size} bytes, cap {caps.queue_bytes} bytes); consume or purge it"
            )
        if self.total_bytes + message.size > caps.total_bytes:
            raise CapacityExceeded(
                f"the sandbox is full ({self.total_bytes} bytes held in queues, cap "
                f"{caps.total_bytes} bytes); consume or purge some queues"
            )

    # -- subscribing -----------------------------------------------------------------------

    def subscribe(self, subscription: Subscription) -> None:
        """Register a subscription and hand it whatever its queue holds."""
        destination = subscription.destination
        kind = kind_of(destination)
        if is_wildcard(destination):
            if kind == "queue":
                raise InvalidDestination(
                    f"wildcards work on topics only; subscribe to a concrete queue instead of "
                    f"{destination}"
                )
            subscription.pattern = compile_wildcard(destination[len(TOPIC_PREFIX) :])
            self._wildcards.append(subscription)
        elif kind == "queue":
            queue = self._queue(destination)
            if subscription.browser:
                return
            queue.subscribers.append(subscription)
            self._dispatch(queue)
        else:
            if subscription.browser:
                raise InvalidDestination(
                    f"browser:true works on queues only (a topic keeps no messages to browse); "
                    f"drop the header or browse a /queue/ instead of {destination}"
                )
            self._topic(destination).subscribers.append(subscription)
        self._on_change()

    def unsubscribe(self, subscription: Subscription) -> None:
        """Remove a subscription; its unacked queue messages go back to the queue, marked
        redelivered."""
        if subscription.pattern is not None:
            if subscription in self._wildcards:
                self._wildcards.remove(subscription)
        elif subscription.is_queue:
            queue = self._queues.get(subscription.destination)
            if queue is not None and subscription in queue.subscribers:
                queue.subscribers.remove(subscription)
        else:
            topic = self._topics.get(subscription.destination)
            if topic is not None and subscription in topic.subscribers:
                topic.subscribers.remove(subscription)
        self.settle(subscription, list(subscription.unacked), accept=False)
        self._on_change()

    def browse(self, destination: str) -> list[Message]:
        """The messages a queue holds (waiting and unacked), oldest first, left in place."""
        queue = self._queues.get(destination)
        if queue is None:
            return []
        return sorted([*queue.pending, *queue.inflight.values()], key=lambda m: m.seq)

    # -- acknowledging ---------------------------------------------------------------------

    def delivered(self, subscription: Subscription, message: Message) -> None:
        """Called by a consumer right after writing a queue message: auto mode consumes it,
        client modes keep it in flight until ACK/NACK."""
        queue = self._queues.get(message.destination)
        if queue is None:
            return
        if subscription.ack == AckMode.AUTO:
            self._release(queue, message)
        else:
            queue.inflight[message.message_id] = message

    def settle(self, subscription: Subscription, ack_ids: Iterable[str], *, accept: bool) -> None:
        """ACK (`accept=True`) or NACK the given deliveries of a subscription. NACKed and
        abandoned queue messages go back to the front of their queue, in order."""
        requeue: dict[str, list[Message]] = {}
        touched: set[str] = set()
        for ack_id in ack_ids:
            message = subscription.unacked.pop(ack_id, None)
            if message is None:
                continue
            queue = self._queues.get(message.destination)
            if queue is None or queue.inflight.pop(message.message_id, None) is None:
                continue  # a topic message, or already purged
            touched.add(queue.name)
            if accept:
                self._release(queue, message)
            else:
                message.redelivery_count += 1
                requeue.setdefault(queue.name, []).append(message)
        for name, messages in requeue.items():
            queue = self._queues[name]
            for message in sorted(messages, key=lambda m: m.seq, reverse=True):
                queue.pending.appendleft(message)
        for name in touched:  # room again for a subscriber that hit its unacked limit
            self._dispatch(self._queues[name])
        self._on_change()

    def unacked_through(self, subscription: Subscription, ack_id: str) -> list[str]:
        """Client mode is cumulative: the ack ids up to and including `ack_id`."""
        ids: list[str] = []
        for candidate in subscription.unacked:
            ids.append(candidate)
            if candidate == ack_id:
                return ids
        raise ProtocolViolation(f"no unacked message with ack id {ack_id}")

    def _release(self, queue: _Queue, message: Message) -> None:
        queue.dequeued += 1
        queue.bytes -= message.size
        self.total_bytes -= message.size

    # -- dispatch --------------------------------------------------------------------------

    def resume(self) -> None:
        """A consumer drained its output: give the queues another chance to dispatch."""
        for queue in self._queues.values():
            if queue.pending and queue.subscribers:
                self._dispatch(queue)

    def _dispatch(self, queue: _Queue) -> None:
        while queue.pending and queue.subscribers:
            subscription = self._next_subscriber(queue)
            if subscription is None:
                return  # every subscriber is busy; resume() retries
            message = queue.pending.popleft()
            self.delivered(subscription, message)
            subscription.consumer.deliver(subscription, message)
        self._on_change()

    def _next_subscriber(self, queue: _Queue) -> Subscription | None:
        count = len(queue.subscribers)
        limit = self.caps.unacked_per_subscription
        for step in range(count):
            index = (queue.next_index + step) % count
            candidate = queue.subscribers[index]
            if len(candidate.unacked) < limit and candidate.consumer.can_take():
                queue.next_index = (index + 1) % count
                return candidate
        return None

    def _topic_subscribers(self, topic: _Topic) -> list[Subscription]:
        subscribers = list(topic.subscribers)
        if topic.name != DISCOVERY_TOPIC:
            name = topic.name[len(TOPIC_PREFIX) :]
            subscribers.extend(
                s for s in self._wildcards if s.pattern is not None and s.pattern.fullmatch(name)
            )
        return subscribers

    # -- bookkeeping -----------------------------------------------------------------------

    def _queue(self, name: str) -> _Queue:
        queue = self._queues.get(name)
        if queue is None:
            self._check_destination_count(name)
            queue = self._queues[name] = _Queue(name)
        return queue

    def _topic(self, name: str) -> _Topic:
        topic = self._topics.get(name)
        if topic is None:
            self._check_destination_count(name)
            topic = self._topics[name] = _Topic(name)
        return topic

    def _check_destination_count(self, name: str) -> None:
        if len(self._queues) + len(self._topics) >= self.caps.destinations:
            raise CapacityExceeded(
                f"the sandbox already holds {self.caps.destinations} destinations (the cap); "
                f"reuse an existing destination instead of {name}"
            )

    def purge(self, destination: str) -> int:
        """Drop the waiting (not in-flight) messages of a queue; returns how many."""
        queue = self._queues.get(destination)
        if queue is None:
            return 0
        dropped = len(queue.pending)
        for message in queue.pending:
            queue.bytes -= message.size
            self.total_bytes -= message.size
        queue.pending.clear()
        self._on_change()
        return dropped

    def remove_idle_queues(self, suffix: str) -> int:
        """Drop the queues whose name ends with `suffix` and that nobody subscribes to, with
        what they hold (a user destination's session queues when the session ends)."""
        names = [
            name
            for name, queue in self._queues.items()
            if name.endswith(suffix) and not queue.subscribers and not queue.inflight
        ]
        for name in names:
            queue = self._queues.pop(name)
            self.total_bytes -= queue.bytes
        if names:
            self._on_change()
        return len(names)

    def has_subscribers(self, destination: str) -> bool:
        topic = self._topics.get(destination)
        return topic is not None and bool(topic.subscribers)

    def depth(self, destination: str) -> int:
        queue = self._queues.get(destination)
        return 0 if queue is None else queue.depth

    def snapshot(self) -> list[DestinationInfo]:
        """Every destination with its counters, sorted by name (the discovery topic excluded)."""
        rows = [
            DestinationInfo(q.name, "queue", q.depth, len(q.subscribers), q.enqueued, q.dequeued)
            for q in self._queues.values()
        ]
        rows.extend(
            DestinationInfo(
                t.name, "topic", 0, len(self._topic_subscribers(t)), t.enqueued, t.dequeued
            )
            for t in self._topics.values()
            if t.name != DISCOVERY_TOPIC
        )
        rows.sort(key=lambda row: row.destination)
        return rows
