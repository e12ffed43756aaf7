"""DiscoveryService with fake HTTP sources: diffs, gone marks, back-off and recovery."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator

import pytest

from explorer.broker.destinations import DestinationKind
from explorer.discovery.errors import DiscoveryAuthError
from explorer.discovery.jolokia import JolokiaClient
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.service import (
    DiscoveryConfig,
    DiscoveryService,
    SourceProblem,
    SourceReady,
)
from explorer.discovery.snapshot import SnapshotDiff


def _q(name: str, depth: int | None = None) -> DiscoveredDestination:
    return DiscoveredDestination(
        f"/queue/{name}", DestinationKind.QUEUE, Source.JOLOKIA, depth=depth
    )


def test_snapshot_diff_reports_new_changed_and_gone() -> None:
    diff = SnapshotDiff()
    assert diff.update([_q("a", 1), _q("b", 0)]) == [_q("a", 1), _q("b", 0)]
    assert diff.update([_q("a", 1), _q("b", 0)]) == []
    assert diff.update([_q("a", 2)]) == [_q("a", 2), _q("b", 0).removed()]
    assert diff.current == [_q("a", 2)]


class _Script:
    """Answers (or failures) for successive fetches, and the delays the service slept."""

    def __init__(self, answers: list[list[DiscoveredDestination] | Exception]) -> None:
        self.answers: Iterator[list[DiscoveredDestination] | Exception] = iter(answers)
        self.sleeps: list[float] = []
        self.done = asyncio.Event()

    async def fetch(self) -> list[DiscoveredDestination]:
        try:
            answer = next(self.answers)
        except StopIteration:
            self.done.set()
            await asyncio.Event().wait()  # no more answers: park until cancelled
            raise AssertionError("unreachable") from None
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def sleep(self, delay: float) -> None:
        self.sleeps.append(delay)


def _patch(monkeypatch: pytest.MonkeyPatch, script: _Script) -> None:
    async def destinations(_self: JolokiaClient) -> list[DiscoveredDestination]:
        return await script.fetch()

    monkeypatch.setattr(JolokiaClient, "destinations", destinations)


@pytest.mark.asyncio
async def test_polling_backs_off_reports_once_and_recovers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refused = DiscoveryAuthError("Jolokia at http://x: 401 Unauthorized — check", "jolokia")
    script = _Script([refused, refused, refused, [_q("a", 3)], [_q("a", 4)], []])
    _patch(monkeypatch, script)
    config = DiscoveryConfig(jolokia_url="http://x", refresh_interval=2.0, max_backoff=10.0)
    async with DiscoveryService(config, sleep=script.sleep) as discovery:
        await asyncio.wait_for(script.done.wait(), 5)
        events = discovery.get_nowait_batch()
    assert events == [
        SourceProblem(Source.JOLOKIA, refused, 4.0),  # reported once, not on every retry
        SourceReady(Source.JOLOKIA, 1),
        _q("a", 3),
        _q("a", 4),
        _q("a", 4).removed(),
    ]
    assert script.sleeps == [4.0, 8.0, 10.0, 2.0, 2.0, 2.0]  # doubling, capped, then steady


@pytest.mark.asyncio
async def test_initial_scan_waits_for_a_failing_source(monkeypatch: pytest.MonkeyPatch) -> None:
    refused = DiscoveryAuthError("nope", "jolokia")
    script = _Script([refused])
    _patch(monkeypatch, script)
    config = DiscoveryConfig(jolokia_url="http://x")
    async with DiscoveryService(config, sleep=script.sleep) as discovery:
        await discovery.initial_scan(timeout=5)
        assert discovery.sources == (Source.JOLOKIA,)
        assert discovery.problems == {Source.JOLOKIA: refused}


@pytest.mark.asyncio
async def test_local_sources(tmp_path: pytest.TempPathFactory) -> None:
    config = DiscoveryConfig(bookmarks=("/queue/b",), import_files=("/no/such/file",))
    async with DiscoveryService(config) as discovery:
        discovery.observe_frame({"destination": "/topic/t"})
        discovery.observe_frame({"destination": "/topic/t"})
        discovery.add_bookmark("/queue/c")
        events = discovery.get_nowait_batch()
    assert [(type(e).__name__, getattr(e, "source", None)) for e in events] == [
        ("DiscoveredDestination", Source.BOOKMARK),
        ("SourceProblem", Source.IMPORT),
        ("DiscoveredDestination", Source.SEEN),
        ("DiscoveredDestination", Source.BOOKMARK),
    ]
    assert "no such file" in events[1].error.message  # type: ignore[union-attr]


def test_config_repr_hides_passwords() -> None:
    config = DiscoveryConfig(
        management_url="http://m", management_password="s3cret", jolokia_password="other"
    )
    assert "s3cret" not in repr(config) and "other" not in repr(config)


def test_config_from_profile() -> None:
    from explorer.broker.kind import BrokerKind
    from explorer.profiles.model import Management, Profile

    profile = Profile(
        name="rabbit",
        url="stomp://alice@127.0.0.1:61623",
        vhost="/prod",
        management=Management(management_url="http://127.0.0.1:15672"),
    )
    config = DiscoveryConfig.from_profile(
        profile, BrokerKind.RABBITMQ, management_password="pw", refresh_interval=1.0
    )
    assert (
        config.management_url,
        config.management_login,
        config.management_password,
        config.vhost,
        config.refresh_interval,
    ) == ("http://127.0.0.1:15672", "alice", "pw", "/prod", 1.0)
    assert config.jolokia_url is None and config.jolokia_login is None


class _LateWatcher:
    """A STOMP source whose subscribe outlives a cancel: Python 3.11's `asyncio.wait_for`
    loses a cancellation that lands as the RECEIPT arrives, so `start()` returns normally."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.stopped = False

    async def start(self) -> None:
        self.started.set()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(30)

    def __aiter__(self) -> AsyncIterator[object]:
        return self._changes()

    async def _changes(self) -> AsyncIterator[object]:
        await asyncio.Event().wait()  # a topic that says nothing
        yield None  # pragma: no cover

    async def settled(self) -> None:
        await asyncio.sleep(0.5)

    async def stop(self) -> None:
        self.stopped = True


@pytest.mark.asyncio
async def test_stop_ends_a_watcher_that_outlived_its_cancel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nothing of the service may outlive stop(): a task started after it (the watcher's
    `_settled`) was never awaited when the loop closed (window tests' teardown warning)."""
    watcher = _LateWatcher()
    service = DiscoveryService(DiscoveryConfig())
    monkeypatch.setattr(service, "_stomp_watchers", lambda: [(Source.SANDBOX, watcher)])
    before = asyncio.all_tasks()
    await service.start()
    await asyncio.wait_for(watcher.started.wait(), 5)
    stopping = asyncio.ensure_future(service.stop())
    done, _ = await asyncio.wait({stopping}, timeout=10)  # not a speed bound: "ever" vs "never"
    if not done:
        stopping.cancel()
    assert done, "stop() waited for ever on a watcher whose subscribe outlived the cancel"
    assert watcher.stopped  # unsubscribed, although stop() came while it subscribed
    left = [task for task in asyncio.all_tasks() - before if not task.done()]
    assert left == []  # and no task was made after stop(): none can outlive the loop
