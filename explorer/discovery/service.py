"""Run every discovery source of one connection and yield one stream of changes.

    config = DiscoveryConfig(broker=BrokerKind.ACTIVEMQ,
                             jolokia_url="http://127.0.0.1:8161/api/jolokia")
    # or, for a saved profile: DiscoveryConfig.from_profile(profile, kind, management_password=pw)
    async with DiscoveryService(config, client) as discovery:
        async for event in discovery:
            match event:
                case DiscoveredDestination(gone=False): tree.upsert(...)
                case DiscoveredDestination(gone=True): tree.mark_gone(...)
                case SourceProblem(): show event.error.message next to the source
                case SourceReady(): clear the problem

(`apply_to_tree(tree, event)` does the first two; a `ConnectionSession` runs this for its
connection, see `explorer.session.discovery`.) Polled sources (Jolokia, the RabbitMQ
management API) refresh every `refresh_interval` seconds and back off exponentially (up to
`max_backoff`) while they fail; a failing source never stops the others. STOMP sources
(ActiveMQ advisories, the sandbox topic) follow the client's connection.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from explorer.broker.kind import BrokerKind
from explorer.client import Client, ClientError
from explorer.discovery.errors import DiscoveryError, DiscoveryUnavailable
from explorer.discovery.jolokia import JolokiaClient
from explorer.discovery.local import SeenTracker, bookmarked, read_import_file
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.rabbitmq_management import ManagementClient
from explorer.discovery.snapshot import SnapshotDiff
from explorer.discovery.topic_watch import TopicWatcher, advisory_watcher, sandbox_watcher

if TYPE_CHECKING:
    from explorer.profiles.model import Profile


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A source failed; it retries after `retry_in` seconds (None: it will not retry)."""

    source: Source
    error: DiscoveryError
    retry_in: float | None


@dataclass(frozen=True, slots=True)
class SourceReady:
    """A source delivered its first listing (or recovered after a problem).

    `count` is the number of destinations listed (None for STOMP sources: the replay of
    existing destinations has arrived)."""

    source: Source
    count: int | None


DiscoveryEvent = DiscoveredDestination | SourceProblem | SourceReady


@dataclass(frozen=True, slots=True)
class DiscoveryConfig:
    """What to discover for one connection. Passwords come from the keyring or the CLI env."""

    broker: BrokerKind = BrokerKind.UNKNOWN
    advisories: bool = True  # ActiveMQ only, needs a connected client
    advisory_consumers: bool = True
    include_advisory_topics: bool = False
    jolokia_url: str | None = None
    jolokia_login: str | None = None
    jolokia_password: str | None = None
    management_url: str | None = None
    management_login: str | None = "guest"
    management_password: str | None = None
    vhost: str = "/"
    include_internal_exchanges: bool = False
    refresh_interval: float = 5.0
    max_backoff: float = 60.0
    http_timeout: float = 10.0
    bookmarks: tuple[str, ...] = ()
    import_files: tuple[str, ...] = field(default=())

    @classmethod
    def from_profile(
        cls,
        profile: Profile,
        broker: BrokerKind,
        *,
        management_password: str | None = None,
        bookmarks: tuple[str, ...] = (),
        **options: Any,
    ) -> DiscoveryConfig:
        """The profile's management endpoints (`profile.management`) and virtual host.

        The password is the keyring's `management-password` (one for both endpoints, as the
        profile has one login); Jolokia gets a login only when the profile names one.
        """
        management = profile.management
        return cls(
            broker=broker,
            jolokia_url=management.jolokia_url,
            jolokia_login=management.login if management.jolokia_url else None,
            jolokia_password=management_password if management.login else None,
            management_url=management.management_url,
            management_login=management.login or profile.effective_login or "guest",
            management_password=management_password,
            vhost=profile.host_header,
            bookmarks=bookmarks,
            **options,
        )

    def __repr__(self) -> str:  # never show passwords
        return (
            f"DiscoveryConfig(broker={self.broker.value!r}, jolokia_url={self.jolokia_url!r}, "
            f"management_url={self.management_url!r}, vhost={self.vhost!r})"
        )


class _Tree(Protocol):
    def upsert(self, destination: str, source: str, **counts: int | None) -> object: ...
    def mark_gone(self, destination: str, source: str) -> bool: ...


def tree_source(source: Source) -> str:
    """The source name the destination tree knows.

    Jolokia is ActiveMQ's management endpoint; while the tree has no "jolokia" source of its
    own it is shown as "management" (as the issue lists the sources).
    """
    from explorer.store.destinations import SOURCES

    name = str(source)
    if name not in SOURCES and source is Source.JOLOKIA:
        return str(Source.MANAGEMENT)
    return name


def apply_to_tree(tree: _Tree, event: DiscoveryEvent) -> bool:
    """Feed one event into `explorer.store.DestinationTree`; False for non-destination events."""
    if not isinstance(event, DiscoveredDestination):
        return False
    source = tree_source(event.source)
    if event.gone:
        tree.mark_gone(event.destination, source)
    else:
        tree.upsert(event.destination, source, **event.counts())
    return True


Fetch = Callable[[], Awaitable[list[DiscoveredDestination]]]
Sleep = Callable[[float], Awaitable[None]]


class DiscoveryService:
    """Runs the configured sources as tasks and queues their changes for one reader."""

    def __init__(
        self,
        config: DiscoveryConfig,
        client: Client | None = None,
        *,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.config = config
        self.client = client
        self._sleep = sleep
        self._queue: asyncio.Queue[DiscoveryEvent] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self._watchers: list[TopicWatcher] = []
        self._first_round: dict[Source, asyncio.Event] = {}
        self._stopped = False
        self._seen = SeenTracker()
        self.problems: dict[Source, DiscoveryError] = {}

    # -- which sources --------------------------------------------------------------------

    def _http_sources(self) -> list[tuple[Source, Fetch]]:
        config = self.config
        sources: list[tuple[Source, Fetch]] = []
        if config.jolokia_url:
            jolokia = JolokiaClient(
                config.jolokia_url,
                login=config.jolokia_login,
                password=config.jolokia_password,
                timeout=config.http_timeout,
                include_advisory=config.include_advisory_topics,
            )
            sources.append((Source.JOLOKIA, jolokia.destinations))
        if config.management_url:
            management = ManagementClient(
                config.management_url,
                login=config.management_login,
                password=config.management_password,
                vhost=config.vhost,
                timeout=config.http_timeout,
                include_internal=config.include_internal_exchanges,
            )
            sources.append((Source.MANAGEMENT, management.destinations))
        return sources

    def _stomp_watchers(self) -> list[tuple[Source, TopicWatcher]]:
        client, config = self.client, self.config
        if client is None:
            return []
        if config.broker is BrokerKind.ACTIVEMQ and config.advisories:
            watcher = advisory_watcher(
                client,
                consumers=config.advisory_consumers,
                include_advisory=config.include_advisory_topics,
            )
            return [(Source.ADVISORY, watcher)]
        if config.broker is BrokerKind.SANDBOX:
            return [(Source.SANDBOX, sandbox_watcher(client))]
        return []

    # -- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        """Start every source. Local ones (bookmarks, import files) are queued at once."""
        for record in bookmarked(self.config.bookmarks):
            self._queue.put_nowait(record)
        for path in self.config.import_files:
            self.import_file(path)
        for source, fetch in self._http_sources():
            self._first_round[source] = asyncio.Event()
            self._tasks.append(asyncio.create_task(self._poll(source, fetch)))
        for source, watcher in self._stomp_watchers():
            first = self._first_round[source] = asyncio.Event()
            # Both tasks are made here, so stop() cancels every task the service ever has:
            # one made later (when a subscribe's RECEIPT came in) could outlive the loop.
            settle = asyncio.create_task(self._settled(source, watcher, first))
            self._tasks += [settle, asyncio.create_task(self._watch(source, watcher, settle))]

    async def stop(self) -> None:
        """Cancel the sources and unsubscribe. A source that was subscribing ends when its
        subscribe returns, even if the cancel was lost on the way (Python 3.11's wait_for
        drops one that lands as the RECEIPT arrives)."""
        self._stopped = True
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)  # our own cancel still propagates
        watchers, self._watchers = self._watchers, []
        for watcher in watchers:
            await watcher.stop()

    async def __aenter__(self) -> DiscoveryService:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # -- reading --------------------------------------------------------------------------

    def __aiter__(self) -> DiscoveryService:
        return self

    async def __anext__(self) -> DiscoveryEvent:
        return await self._queue.get()

    async def get(self, timeout: float | None = None) -> DiscoveryEvent:
        """The next event; TimeoutError after `timeout` seconds."""
        async with asyncio.timeout(timeout):
            return await self._queue.get()

    def get_nowait_batch(self) -> list[DiscoveryEvent]:
        """Everything queued right now (for a UI that applies changes in batches)."""
        batch: list[DiscoveryEvent] = []
        while not self._queue.empty():
            batch.append(self._queue.get_nowait())
        return batch

    async def initial_scan(self, timeout: float) -> tuple[Source, ...]:
        """Wait until every source finished its first round (listed, failed or replayed);
        the sources still silent after `timeout` seconds (an HTTP port that never answers)."""
        waits = [event.wait() for event in self._first_round.values()]
        if waits:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await asyncio.gather(*waits)
        return tuple(source for source, first in self._first_round.items() if not first.is_set())

    @property
    def sources(self) -> tuple[Source, ...]:
        """The remote sources running (local ones are not listed)."""
        return tuple(self._first_round)

    # -- local sources --------------------------------------------------------------------

    def observe_frame(self, headers: dict[str, str]) -> None:
        """Record destinations named in a frame we saw (each new one is queued once)."""
        for record in self._seen.observe(headers):
            self._queue.put_nowait(record)

    def add_bookmark(self, destination: str) -> None:
        for record in bookmarked([destination]):
            self._queue.put_nowait(record)

    def import_file(self, path: str) -> int:
        """Queue the destinations listed in a file; a bad file is reported as a problem."""
        try:
            records = read_import_file(path)
        except DiscoveryError as exc:
            self._report(Source.IMPORT, exc, None)
            return 0
        for record in records:
            self._queue.put_nowait(record)
        return len(records)

    # -- the source loops -----------------------------------------------------------------

    def _report(self, source: Source, error: DiscoveryError, retry_in: float | None) -> None:
        self.problems[source] = error
        self._queue.put_nowait(SourceProblem(source, error, retry_in))

    async def _poll(self, source: Source, fetch: Fetch) -> None:
        diff = SnapshotDiff()
        failures = 0
        last_error: str | None = None
        first = self._first_round[source]
        while True:
            try:
                listing = await fetch()
            except DiscoveryError as exc:
                failures += 1
                delay = min(self.config.refresh_interval * 2**failures, self.config.max_backoff)
                if exc.message != last_error:  # report a new problem, not every retry
                    self._report(source, exc, delay)
                    last_error = exc.message
                first.set()
                await self._sleep(delay)
                continue
            if failures or not first.is_set():
                self.problems.pop(source, None)
                self._queue.put_nowait(SourceReady(source, len(listing)))
            failures, last_error = 0, None
            for change in diff.update(listing):
                self._queue.put_nowait(change)
            first.set()
            await self._sleep(self.config.refresh_interval)

    async def _watch(
        self, source: Source, watcher: TopicWatcher, settle: asyncio.Task[None]
    ) -> None:
        first = self._first_round[source]
        try:
            await watcher.start()
        except ClientError as exc:
            settle.cancel()
            self._report(
                source,
                DiscoveryUnavailable(
                    f"cannot subscribe to the {source} topics: {exc}", str(source)
                ),
                None,
            )
            first.set()
            return
        if self._stopped:  # stop() came while subscribing and its cancel was lost: undo
            settle.cancel()
            await watcher.stop()
            return
        self._watchers.append(watcher)
        try:
            async for change in watcher:
                self._queue.put_nowait(change)
        finally:
            settle.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await settle
            first.set()

    async def _settled(self, source: Source, watcher: TopicWatcher, first: asyncio.Event) -> None:
        with contextlib.suppress(TimeoutError):
            await watcher.settled()
        self._queue.put_nowait(SourceReady(source, None))
        first.set()
