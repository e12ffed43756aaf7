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

from explorer.client import WireRecord
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
) -> None:
    """The log entry and tree changes for one frame seen (in) or sent and confirmed (out)."""
    entry = LogEntry.from_frame(frame, direction, now)
    entries.append(entry)
    destination = entry.destination
    if destination:
        changes.append(MessageCounted(destination, direction, now))
    reply_to = frame.header("reply-to")
    if reply_to:
        changes.append(ReplyToSeen(reply_to))


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
        self, destination: str, direction: str, timestamp: float | None = None
    ) -> object: ...

    def upsert(self, destination: str, source: str, **counts: int | None) -> object: ...

    def mark_gone(self, destination: str, source: str) -> bool: ...


def apply_changes(
    tree: TreeWriter, changes: Sequence[DestinationChange], known: Container[str]
) -> None:
    """Apply a batch to a destination tree; `known` answers "is this destination a node
    already?" (a reply-to only adds a node when nothing else did)."""
    for change in changes:
        if isinstance(change, MessageCounted):
            tree.record_message(change.destination, change.direction, change.timestamp)
        elif isinstance(change, ReplyToSeen):
            if change.destination not in known:
                tree.upsert(change.destination, "seen")
        else:
            apply_to_tree(tree, change)
