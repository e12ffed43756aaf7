"""Where a session reports to: a small protocol its owner implements (the window's Qt
adapter, a command-line printer, a test recorder), called in batches.

Data comes in batches so a burst of messages costs one call per batch, not per message:
`on_entries` (log rows, in and out), `on_destinations` (tree changes), `on_traffic` (wire
records). State, subscriptions and notices come one at a time. Every method runs on the
session's event loop and must not block; none may raise.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import NamedTuple, Protocol

from explorer.client import Message, WireRecord
from explorer.discovery.model import DiscoveredDestination
from explorer.discovery.service import apply_to_tree
from explorer.session.notices import Notice, Status
from explorer.session.subscriptions import LiveSubscription
from explorer.stomp import Frame
from explorer.store import LogEntry


class MessageCounted(NamedTuple):
    """Count one message on a destination ("in" received, "out" sent and not refused)."""

    destination: str
    direction: str
    timestamp: float


class ReplyToSeen(NamedTuple):
    """A `reply-to` header named this destination: worth a node if nothing else listed it."""

    destination: str


DestinationChange = MessageCounted | ReplyToSeen | DiscoveredDestination


def record_frame(
    frame: Frame,
    direction: str,
    now: float,
    entries: list[LogEntry],
    changes: list[DestinationChange],
    version: str | None = None,
    shown_as: str | None = None,
    destination_header: str | None = None,
) -> None:
    """The log entry and tree changes for one frame seen (in) or sent and confirmed (out);
    `version` (the connection's STOMP version) lets a received frame be packed from its wire
    bytes (`LogEntry.from_frame`). `shown_as`: the destination to log and count it under
    when it is not the frame's own (a user destination's subscription: `user_destinations`).
    `destination_header`: the frame's first `destination` header when the caller has it at
    hand (`Message.destination`), which saves looking it up again."""
    if shown_as is not None and shown_as != frame.header("destination"):
        entry = LogEntry(
            direction, frame.command, frame.headers, frame.body, destination=shown_as, timestamp=now
        )
    else:
        entry = LogEntry.from_frame(
            frame, direction, now, version=version, destination_header=destination_header
        )
    entries.append(entry)
    destination = entry.destination
    if destination:
        changes.append(MessageCounted(destination, direction, now))
    reply_to = frame.header("reply-to")
    if reply_to:
        changes.append(ReplyToSeen(reply_to))


def count_skipped(
    messages: list[Message], now: float, shown_as: Mapping[str, str]
) -> list[DestinationChange]:
    """The tree counts of messages skipped under a firehose (see `explorer.session.intake`):
    they count where a logged one would (`shown_as`: subscription id -> destination, for
    user destinations), without a log entry."""
    changes: list[DestinationChange] = []
    for m in messages:
        destination = (shown_as.get(m.subscription or "") if shown_as else None) or m.destination
        if destination:
            changes.append(MessageCounted(destination, "in", now))
    return changes


class SessionSink(Protocol):
    def on_state(self, status: Status) -> None: ...

    def on_entries(self, entries: Sequence[LogEntry]) -> None: ...

    def on_destinations(self, changes: Sequence[DestinationChange]) -> None: ...

    def on_subscriptions(self, subscriptions: Mapping[str, LiveSubscription]) -> None: ...

    def on_notice(self, notice: Notice) -> None: ...

    def on_traffic(self, records: Sequence[WireRecord]) -> None: ...


class NullSink:
    """Ignores everything; subclass it and override what you need."""

    def on_state(self, status: Status) -> None:
        pass

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        pass

    def on_destinations(self, changes: Sequence[DestinationChange]) -> None:
        pass

    def on_subscriptions(self, subscriptions: Mapping[str, LiveSubscription]) -> None:
        pass

    def on_notice(self, notice: Notice) -> None:
        pass

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        pass


class TreeWriter(Protocol):
    """`explorer.store.DestinationTree`, or the Qt model that wraps it."""

    def record_message(
        self, destination: str, direction: str, timestamp: float | None = None, count: int = 1
    ) -> object: ...

    def upsert(self, destination: str, source: str, **counts: int | None) -> object: ...

    def mark_gone(self, destination: str, source: str) -> bool: ...


def apply_changes(
    tree: TreeWriter, changes: Sequence[DestinationChange], known: Container[str]
) -> None:
    """Apply a batch to a destination tree; `known` answers "is this destination a node
    already?" (a reply-to only adds a node when nothing else did). A run of message counts
    costs one walk up the tree per destination, not one per message."""
    counted: dict[tuple[str, str], list[float]] = {}  # (destination, direction) -> [n, last]
    for change in changes:
        if change.__class__ is MessageCounted:
            key = (change.destination, change.direction)
            when = change.timestamp
            run = counted.get(key)
            if run is None:
                counted[key] = [1, when]
            else:
                run[0] += 1
                run[1] = max(run[1], when)
            continue
        if counted:
            _record_counts(tree, counted)
        if isinstance(change, ReplyToSeen):
            if change.destination not in known:
                tree.upsert(change.destination, "seen")
        elif isinstance(change, DiscoveredDestination):
            apply_to_tree(tree, change)
    if counted:
        _record_counts(tree, counted)


def _record_counts(tree: TreeWriter, counted: dict[tuple[str, str], list[float]]) -> None:
    for (destination, direction), (count, last) in counted.items():
        tree.record_message(destination, direction, last, int(count))
    counted.clear()
