"""One-shot discovery: run every source once and merge (the command line's `destinations`).

The window keeps a `DiscoveryService` running; a script wants one answer. `scan()` starts the
service, waits until every source finished its first round (a listing, a failure, or the
advisory replay), and returns the merged destinations with the problems met on the way.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.client import Client
from explorer.discovery.errors import DiscoveryError
from explorer.discovery.merge import MergedDestination, merge
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.service import DiscoveryConfig, DiscoveryService, SourceProblem


@dataclass(frozen=True, slots=True)
class ScanResult:
    destinations: list[MergedDestination]
    problems: dict[Source, DiscoveryError]
    sources: tuple[Source, ...]  # the remote sources that ran


async def scan(config: DiscoveryConfig, client: Client | None, timeout: float) -> ScanResult:
    """Discover once. Problems are collected, not raised: the other sources still count."""
    records: list[DiscoveredDestination] = []
    problems: dict[Source, DiscoveryError] = {}
    async with DiscoveryService(config, client) as discovery:
        await discovery.initial_scan(timeout)
        sources = discovery.sources
        for event in discovery.get_nowait_batch():
            if isinstance(event, DiscoveredDestination):
                records.append(event)
            elif isinstance(event, SourceProblem):
                problems[event.source] = event.error
    return ScanResult(merge(records), problems, sources)
