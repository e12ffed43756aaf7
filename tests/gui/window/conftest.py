"""Fixtures for driving the whole window: a qasync loop per test, a window, async waiting.

pytest-qt has no asyncio support, so each test makes its own `qasync.QEventLoop` on
pytest-qt's `qapp` and runs its body with `run(...)`. Inside, `until(...)` polls a condition
while the loop (Qt events and asyncio together) keeps running, with a deadline: the async
twin of `qtbot.waitUntil`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import keyring
import pytest
import qasync
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from explorer.app import configure_application, create_window
from explorer.profiles.model import Profile
from explorer.ui.connection_view import ConnectionView
from explorer.ui.main_window import MainWindow
from explorer.ui.session import SessionState
from tests.support.keyrings import MemoryKeyring
from tests.support.qasync_loop import close_qasync_loop, open_qasync_loop

T = TypeVar("T")
Widget = TypeVar("Widget", bound=QObject)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    qapp.setQuitOnLastWindowClosed(False)
    configure_application(qapp)
    event_loop = open_qasync_loop(qapp)
    try:
        yield event_loop
    finally:
        close_qasync_loop(event_loop)


Runner = Callable[[Awaitable[T]], T]


@pytest.fixture
def run(loop: qasync.QEventLoop) -> Callable[[Awaitable[Any]], Any]:
    def runner(coro: Awaitable[Any]) -> Any:
        return loop.run_until_complete(asyncio.wait_for(coro, 90))

    return runner


async def until(
    condition: Callable[[], object], timeout: float = 15.0, what: str = "condition"
) -> None:
    """Wait (running the loop) until `condition()` is truthy; fail after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.02)


@pytest.fixture
def make_window(
    run: Callable[[Awaitable[Any]], Any], memory_keyring: MemoryKeyring
) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def factory(first_run: bool = False) -> MainWindow:
        window = create_window(first_run=first_run)
        window.show()
        windows.append(window)
        return window

    yield factory
    for window in windows:
        run(window.shutdown())
        window._closed_cleanly = True
        window.close()
        window.deleteLater()


def add_profile(window: MainWindow, profile: Profile, passcode: str | None = None) -> None:
    window.store.add(profile, {"passcode": passcode} if passcode else None)
    window.profiles.model.refresh()
    assert window.select_profile(profile.name)


def child(root: QWidget, cls: type[Widget], name: str) -> Widget:
    widget = root.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name}"
    return widget


async def connect(window: MainWindow, name: str) -> ConnectionView:
    """Select profile `name`, press Connect, wait until its tab says connected."""
    from PySide6.QtWidgets import QPushButton

    assert window.select_profile(name)
    before = len(window.views())
    child(window, QPushButton, "connectButton").click()
    await until(lambda: len(window.views()) > before, what="a new connection tab")
    view = window.views()[-1]
    await until(
        lambda: view.session.state in (SessionState.CONNECTED, SessionState.FAILED),
        what=f"{name} to connect",
    )
    assert view.session.state is SessionState.CONNECTED, view.session.detail
    return view
