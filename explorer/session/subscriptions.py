"""The subscriptions of one session: live ones, ones to restore, refused ones, and which
received messages were already answered with ACK or NACK.

The session, not the client, owns its subscriptions: it re-sends them after a reconnect,
opens them again after a restart (or an app restart, through `specs()`), and never again
opens one the broker refused.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from explorer.client import Message
from explorer.stomp import Frame
from explorer.store import IN, LogEntry

# Headers the session sets itself on every SUBSCRIBE.
OWN_HEADERS = ("destination", "id", "ack", "receipt")
# ACK/NACK answers remembered (oldest forgotten first): enough for any manual session.
ANSWERED_CAP = 100_000


@dataclass(frozen=True, slots=True)
class SubscriptionSpec:
    """A subscription to open: destination, ack mode and extra SUBSCRIBE headers."""

    destination: str
    ack: str = "auto"
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(
        cls, destination: str, headers: Iterable[tuple[str, str]] = (), ack: str = "auto"
    ) -> SubscriptionSpec:
        """Drop the headers the session sets itself (a profile or a typed frame may carry
        them)."""
        extra = tuple((k, v) for k, v in headers if k not in OWN_HEADERS)
        return cls(destination, ack, extra)


@dataclass(frozen=True, slots=True)
class LiveSubscription:
    """One SUBSCRIBE of the session (its `id` stays the same across reconnects)."""

    id: str
    spec: SubscriptionSpec

    @property
    def destination(self) -> str:
        return self.spec.destination

    @property
    def ack(self) -> str:
        return self.spec.ack

    @property
    def headers(self) -> tuple[tuple[str, str], ...]:
        """The extra SUBSCRIBE headers (selector, prefetch, ...)."""
        return self.spec.headers

    def frame(self, receipt_id: str | None = None) -> Frame:
        headers = [("destination", self.destination), ("id", self.id), ("ack", self.ack)]
        headers += self.headers
        if receipt_id is not None:
            headers.append(("receipt", receipt_id))
        return Frame("SUBSCRIBE", tuple(headers))


class SubscriptionBook:
    """Bookkeeping only: no I/O (the session sends the frames)."""

    def __init__(self, restore: Iterable[SubscriptionSpec] = ()) -> None:
        self.live: dict[str, LiveSubscription] = {}
        self.refused: dict[str, str] = {}  # destination → the broker's words
        self._restore: list[SubscriptionSpec] = list(restore)
        self._counter = 0
        self._answered: OrderedDict[str, None] = OrderedDict()

    # -- live and restored -------------------------------------------------------------------

    def open(self, spec: SubscriptionSpec) -> LiveSubscription:
        """A new live subscription with an id of its own (`explorer-N`)."""
        self._counter += 1
        sub = LiveSubscription(f"explorer-{self._counter}", spec)
        self.live[spec.destination] = sub
        self.refused.pop(spec.destination, None)
        return sub

    def remove(self, destination: str) -> LiveSubscription | None:
        return self.live.pop(destination, None)

    def refuse(self, destination: str, words: str) -> None:
        """The broker refused it: forget it everywhere, remember why."""
        self.remove(destination)
        self._restore = [s for s in self._restore if s.destination != destination]
        self.refused[destination] = words

    def park(self) -> None:
        """The session stops: live subscriptions become ones to open on the next start."""
        known = {s.destination for s in self._restore}
        self._restore += [s.spec for d, s in self.live.items() if d not in known]
        self.live.clear()

    def take_restore(self, wanted: Iterable[SubscriptionSpec]) -> list[SubscriptionSpec]:
        """What to open after a start: `wanted` (the profile's) first, then the parked ones
        not among them; refused destinations never."""
        restore, self._restore = self._restore, []
        result: list[SubscriptionSpec] = []
        seen: set[str] = set()
        for spec in (*wanted, *restore):
            if spec.destination in seen or spec.destination in self.refused:
                continue
            seen.add(spec.destination)
            result.append(spec)
        return result

    def requeue(self, specs: Iterable[SubscriptionSpec]) -> None:
        """Specs taken for restoring but not opened (the connection dropped): next time."""
        self._restore = [*specs, *self._restore]

    def has_pending(self) -> bool:
        return bool(self._restore)

    def specs(self) -> list[SubscriptionSpec]:
        """Everything this session would open on its next start (to save across restarts)."""
        parked = {s.destination for s in self._restore}
        live = [s.spec for s in self.live.values() if s.destination not in parked]
        return [*self._restore, *live]

    # -- ACK / NACK --------------------------------------------------------------------------

    def needs_ack(self, entry: LogEntry) -> bool:
        """True for a received MESSAGE of one of our client-ack subscriptions not yet
        answered."""
        if entry.direction != IN or entry.command != "MESSAGE":
            return False
        if _answer_key(entry) in self._answered:
            return False
        sub_id = entry.header("subscription")
        return any(s.id == sub_id and s.ack != "auto" for s in self.live.values())

    def must_answer(self, message: Message) -> bool:
        """True for a received message that waits for an ACK or NACK (STOMP 1.2 marks it
        with an `ack` header; before 1.2 its subscription's ack mode tells)."""
        if message.ack_id is not None:
            return True
        sub_id = message.subscription
        return any(s.id == sub_id and s.ack != "auto" for s in self.live.values())

    def answered(self, entry: LogEntry) -> None:
        self._answered[_answer_key(entry)] = None
        while len(self._answered) > ANSWERED_CAP:
            self._answered.popitem(last=False)


def _answer_key(entry: LogEntry) -> str:
    return f"{entry.header('subscription')}|{entry.header('ack')}|{entry.header('message-id')}"
