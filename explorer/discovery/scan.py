"""One-shot discovery: run every source once and merge (the command line's `destinations`).

The window keeps a `DiscoveryService` running; a script wants one answer. `scan()` starts the
service, waits until every source finished its first round (a listing, a failure, or the
advisory replay), and returns the merged destinations with the problems met on the way.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.client import Client
from explorer.discovery.errors import DiscoveryError, DiscoveryUnavailable
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
        silent = await discovery.initial_scan(timeout)
        sources = discovery.sources
        for event in discovery.get_nowait_batch():
            if isinstance(event, DiscoveredDestination):
                records.append(event)
            elif isinstance(event, SourceProblem):
                problems[event.source] = event.error
    for source in silent:  # a listing that never came is a problem, not an empty list
        problems.setdefault(source, _no_answer(config, source, timeout))
    return ScanResult(merge(records), problems, sources)


def _no_answer(config: DiscoveryConfig, source: Source, timeout: float) -> DiscoveryError:
    """A source silent for the whole scan: for an HTTP API, most likely a port that is not
    that API (a STOMP port reads the request as a frame and waits for its NUL)."""
    urls = {Source.JOLOKIA: config.jolokia_url, Source.MANAGEMENT: config.management_url}
    names = {Source.JOLOKIA: "Jolokia", Source.MANAGEMENT: "RabbitMQ management"}
    url = urls.get(source)
    if url:
        name = names[source]
        return DiscoveryUnavailable(
            f"{name} at {url}: no answer within {timeout:g} s — is this really the {name} "
            "URL? (a STOMP port, for one, never answers an HTTP request)",
            str(source),
        )
    return DiscoveryUnavailable(f"{source}: no answer within {timeout:g} s", str(source))
