"""What discovery finds: one destination, in STOMP syntax, as one source reports it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from explorer.broker.destinations import DestinationKind


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
    kind: DestinationKind
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
