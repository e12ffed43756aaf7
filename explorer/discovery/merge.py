"""Merge the records of several sources per destination (the command line's view).

The window does this in `explorer.store.DestinationTree`; the command line has no tree, so it
merges here: a destination lists every source that reported it, and each count comes from the
most authoritative source that knows it (management/Jolokia, then the sandbox, then
advisories, then imports).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from explorer.broker.destinations import DestinationKind
from explorer.discovery.model import DiscoveredDestination, Source

# Who to believe for counts, best first.
COUNT_AUTHORITY: tuple[Source, ...] = (
    Source.MANAGEMENT,
    Source.JOLOKIA,
    Source.SANDBOX,
    Source.ADVISORY,
    Source.IMPORT,
)
# Who to believe for the kind, best first (the prefix guess of seen/imported names is last).
KIND_AUTHORITY: tuple[Source, ...] = (
    Source.MANAGEMENT,
    Source.JOLOKIA,
    Source.ADVISORY,
    Source.SANDBOX,
    Source.IMPORT,
    Source.BOOKMARK,
    Source.SEEN,
)


@dataclass(frozen=True, slots=True)
class MergedDestination:
    destination: str
    kind: DestinationKind
    sources: tuple[Source, ...]
    depth: int | None
    consumers: int | None
    enqueued: int | None
    dequeued: int | None
    gone: bool
    aliases: tuple[str, ...]
    labels: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The `destinations --format jsonl` object (null where unknown)."""
        return {
            "destination": self.destination,
            "kind": str(self.kind),
            "sources": [str(s) for s in self.sources],
            "depth": self.depth,
            "consumers": self.consumers,
            "enqueued": self.enqueued,
            "dequeued": self.dequeued,
            "gone": self.gone,
            "aliases": list(self.aliases),
            "labels": list(self.labels),
        }


def _rank(order: tuple[Source, ...], source: Source) -> int:
    return order.index(source) if source in order else len(order)


def _first_known(records: list[DiscoveredDestination], name: str) -> int | None:
    for record in sorted(records, key=lambda r: _rank(COUNT_AUTHORITY, r.source)):
        value = getattr(record, name)
        if value is not None:
            return int(value)
    return None


def merge(records: Iterable[DiscoveredDestination]) -> list[MergedDestination]:
    """One row per destination, latest record per source winning, sorted by destination."""
    latest: dict[str, dict[Source, DiscoveredDestination]] = {}
    for record in records:
        latest.setdefault(record.destination, {})[record.source] = record
    merged: list[MergedDestination] = []
    for destination in sorted(latest):
        by_source = latest[destination]
        records_ = list(by_source.values())
        best = min(records_, key=lambda r: _rank(KIND_AUTHORITY, r.source))
        sources = tuple(sorted(by_source, key=lambda s: list(Source).index(s)))
        merged.append(
            MergedDestination(
                destination=destination,
                kind=best.kind,
                sources=sources,
                depth=_first_known(records_, "depth"),
                consumers=_first_known(records_, "consumers"),
                enqueued=_first_known(records_, "enqueued"),
                dequeued=_first_known(records_, "dequeued"),
                gone=all(r.gone for r in records_),
                aliases=tuple(dict.fromkeys(a for r in records_ for a in r.aliases)),
                labels=tuple(dict.fromkeys(label for r in records_ for label in r.labels)),
            )
        )
    return merged
