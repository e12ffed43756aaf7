"""The run helper: results reach `done`, a failure is reported once, shutdown ends the rest."""

from __future__ import annotations

import asyncio
import inspect

import pytest

from explorer.client import TransportError
from explorer.ui.messages import describe_client_error
from explorer.ui.tasks import TaskRunner, describe_failure

pytestmark = pytest.mark.gui


async def fail_with(error: Exception) -> None:
    await asyncio.sleep(0)
    raise error


@pytest.mark.asyncio
async def test_a_result_goes_to_done_and_nothing_is_reported() -> None:
    reports: list[str] = []
    results: list[int] = []
    runner = TaskRunner(reports.append)

    async def answer() -> int:
        await asyncio.sleep(0)
        return 42

    await runner.run(answer(), results.append)
    assert results == [42]
    assert reports == []
    assert runner.pending == 0


@pytest.mark.asyncio
async def test_a_client_error_is_reported_once_in_the_windows_words() -> None:
    reports: list[str] = []
    runner = TaskRunner(reports.append)
    error = TransportError("connection refused by 127.0.0.1:9 — is the broker running?")
    task = runner.run(fail_with(error), lambda _r: reports.append("done must not run"))
    await task
    assert reports == [describe_client_error(error)]
    assert task.exception() is None  # handled: nothing left for the loop's handler


@pytest.mark.asyncio
async def test_an_unexpected_error_is_reported_once_and_a_call_can_take_it_itself() -> None:
    reports: list[str] = []
    taken: list[BaseException] = []
    runner = TaskRunner(reports.append)
    await runner.run(fail_with(ValueError("boom")))
    assert reports == ["Unexpected error: boom"]
    assert describe_failure(ValueError("boom")) == reports[0]
    own = KeyError("mine")
    await runner.run(fail_with(own), failed=taken.append)
    assert taken == [own]
    assert reports == ["Unexpected error: boom"]  # the report path was not used again


@pytest.mark.asyncio
async def test_shutdown_cancels_pending_coroutines_started_or_not() -> None:
    reports: list[str] = []
    runner = TaskRunner(reports.append)
    started = asyncio.Event()
    forever = asyncio.Event()

    async def waits() -> None:
        started.set()
        await forever.wait()

    running = runner.run(waits())
    await started.wait()
    never_started = waits()
    queued = runner.run(never_started)
    assert runner.pending == 2
    await runner.shutdown()
    assert running.cancelled() and queued.cancelled()
    assert runner.pending == 0
    assert reports == []  # cancellation is not a failure
    # The coroutine that never ran is closed, not left to warn "never awaited".
    assert inspect.getcoroutinestate(never_started) == inspect.CORO_CLOSED


@pytest.mark.asyncio
async def test_shutdown_from_a_running_action_spares_that_action() -> None:
    runner = TaskRunner(lambda _text: None)
    other = runner.run(asyncio.sleep(3600))
    finished: list[bool] = []

    async def closing() -> bool:
        await runner.shutdown()
        return True

    await runner.run(closing(), finished.append)
    assert finished == [True]
    assert other.cancelled()
