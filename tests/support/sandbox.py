"""Start the sandbox broker for a test, on free loopback ports, and stop it cleanly.

Two ways, depending on who owns the event loop:

    async with running_sandbox(demo=True) as broker:    # the test's own loop
        ...broker.tcp_url, broker.ws_url...

    with SandboxThread(demo=True) as sandbox:           # a background thread with its own
        ...sandbox.tcp_url, sandbox.ws_url...           # loop, for blocking clients (stomp.py)
        sandbox.call(lambda broker: broker.snapshot())  # or Qt tests that run their own loop

Fixtures: `sandbox_broker` (async, needs @pytest.mark.asyncio) and `sandbox_thread` (sync).
Import them into a test module or a conftest: `from tests.support.sandbox import sandbox_thread`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from types import TracebackType
from typing import Any, TypeVar

import pytest
import pytest_asyncio

from explorer.sandbox import SandboxBroker

T = TypeVar("T")


@asynccontextmanager
async def running_sandbox(**options: Any) -> AsyncIterator[SandboxBroker]:
    """A started `SandboxBroker` (free ports unless given) in the current loop; stopped on exit."""
    broker = SandboxBroker(**options)
    await broker.start()
    try:
        yield broker
    finally:
        await broker.stop()


class SandboxThread:
    """The sandbox in a daemon thread with its own event loop. Start with `start()` or `with`."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._broker: SandboxBroker | None = None
        self._stop: asyncio.Event | None = None
        self._ready = concurrent.futures.Future[None]()

    def start(self, timeout: float = 10.0) -> SandboxThread:
        self._thread = threading.Thread(target=self._main, name="sandbox-broker", daemon=True)
        self._thread.start()
        self._ready.result(timeout)  # re-raises a start failure (e.g. ListenError)
        return self

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        broker = SandboxBroker(**self._options)
        try:
            await broker.start()
        except BaseException as exc:
            self._ready.set_exception(exc)
            return
        self._broker = broker
        self._ready.set_result(None)
        try:
            await self._stop.wait()
        finally:
            await broker.stop()

    @property
    def broker(self) -> SandboxBroker:
        """The broker object; touch it only through `call()` (it lives on another thread)."""
        assert self._broker is not None, "SandboxThread not started"
        return self._broker

    @property
    def tcp_url(self) -> str:
        return self.broker.tcp_url

    @property
    def ws_url(self) -> str:
        return self.broker.ws_url

    @property
    def tcp_port(self) -> int:
        return self.broker.tcp_port

    @property
    def ws_port(self) -> int:
        return self.broker.ws_port

    def call(self, function: Callable[[SandboxBroker], T], timeout: float = 10.0) -> T:
        """Run `function(broker)` on the broker's loop and return its result."""

        async def run() -> T:
            return function(self.broker)

        return self.run(run(), timeout)

    def run(self, coroutine: Awaitable[T], timeout: float = 10.0) -> T:
        """Run a coroutine on the broker's loop and return its result."""
        assert self._loop is not None

        async def wrap() -> T:
            return await coroutine

        return asyncio.run_coroutine_threadsafe(wrap(), self._loop).result(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the broker, closing every connection, and join the thread; idempotent."""
        if self._thread is None:
            return
        if self._loop is not None and self._stop is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise RuntimeError(f"the sandbox thread did not stop within {timeout} s")
        self._thread = None

    def __enter__(self) -> SandboxThread:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


@pytest_asyncio.fixture
async def sandbox_broker() -> AsyncIterator[SandboxBroker]:
    """A running sandbox in the test's loop (free ports, no demo)."""
    async with running_sandbox() as broker:
        yield broker


@pytest.fixture
def sandbox_thread() -> Iterator[SandboxThread]:
    """A running sandbox on a background thread (free ports, no demo)."""
    with SandboxThread() as sandbox:
        yield sandbox
