"""What discovery finds: one destination, in STOMP syntax, as one source reports it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What a destination is, as far as a source can tell."""

    QUEUE = "queue"
    TOPIC = "topic"
    EXCHANGE = "exchange"
    TEMP_QUEUE = "temp-queue"
    TEMP_TOPIC = "temp-topic"
    UNKNOWN = "unknown"


class Source(StrEnum):
    """Where a destination record came from (shown next to the node in the tree)."""

    ADVISORY = "advisory"
    MANAGEMENT = "management"
    JOLOKIA = "jolokia"
    SEEN = "seen"
    BOOKMARK = "bookmark"
    IMPORT = "import"
    SANDBOX = "sandbox"


@dataclass(frozen=True, slots=True)
class DiscoveredDestination:
    """One destination as one source sees it.

    Counts are None when the source does not know them (advisories carry none; RabbitMQ's
    management counters are null for a few seconds after a queue is created). `gone` marks a
    destination the broker removed: the tree keeps the node and shows it as gone.
    `aliases` are other spellings that reach the same thing (RabbitMQ `/amq/queue/x` for
    `/queue/x`); `labels` are short flags for display (`auto-delete`, `exclusive`, ...).
    """

    destination: str
    kind: Kind
    source: Source
    depth: int | None = None
    consumers: int | None = None
    enqueued: int | None = None
    dequeued: int | None = None
    gone: bool = False
    aliases: tuple[str, ...] = ()
    labels: tuple[str, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        """The known counts, as keyword arguments for `DestinationTree.upsert(**counts)`."""
        values = {
            "depth": self.depth,
            "consumers": self.consumers,
            "enqueued": self.enqueued,
            "dequeued": self.dequeued,
        }
        return {name: value for name, value in values.items() if value is not None}

    def removed(self) -> DiscoveredDestination:
        """The same destination, marked gone (counts kept as last known)."""
        return replace(self, gone=True)

    def to_json(self) -> dict[str, Any]:
        """A plain dict (used by exports and the command line)."""
        return {
            "destination": self.destination,
            "kind": str(self.kind),
            "source": str(self.source),
            "depth": self.depth,
            "consumers": self.consumers,
            "enqueued": self.enqueued,
            "dequeued": self.dequeued,
            "gone": self.gone,
            "aliases": list(self.aliases),
            "labels": list(self.labels),
        }


def kind_of(destination: str) -> Kind:
    """Guess the kind from a destination's STOMP prefix (for seen/bookmarked/imported names)."""
    if destination.startswith(("/queue/", "/amq/queue/", "/reply-queue/")):
        return Kind.QUEUE
    if destination.startswith("/topic/"):
        return Kind.TOPIC
    if destination.startswith("/exchange/"):
        return Kind.EXCHANGE
    if destination.startswith(("/temp-queue/", "/remote-temp-queue/")):
        return Kind.TEMP_QUEUE
    if destination.startswith(("/temp-topic/", "/remote-temp-topic/")):
        return Kind.TEMP_TOPIC
    return Kind.UNKNOWN
