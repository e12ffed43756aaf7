"""The connection tab container: current-session changes and the forwarded `cur_*` signals."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QTabBar

from explorer.profiles.model import HeartBeat, Profile, TlsSettings
from explorer.profiles.resolve import settings_from
from explorer.store import LogEntry
from explorer.ui.connection_view import ConnectionView
from explorer.ui.session import SessionController, SessionState
from explorer.ui.tabs import ConnectionTabs
from explorer.ui.tasks import TaskRunner
from tests.gui.window.conftest import until
from tests.support.sandbox import running_sandbox

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


@pytest.fixture
def reports() -> list[str]:
    return []


@pytest.fixture
def runner(reports: list[str]) -> TaskRunner:
    return TaskRunner(reports.append)


@pytest.fixture
def tabs(
    qapp: QApplication, run: Run, runner: TaskRunner, reports: list[str]
) -> Iterator[ConnectionTabs]:
    container = ConnectionTabs(runner)
    container.show()
    yield container
    run(container.shutdown())
    assert reports == []  # no tab action failed
    container.close()
    container.deleteLater()


def open_tab(tabs: ConnectionTabs, name: str, url: str = "stomp://127.0.0.1:9") -> ConnectionView:
    """A tab whose session is not started (nothing goes on the network)."""
    return tabs.open(settings_from(Profile(name=name, url=url, heart_beat=HeartBeat(0, 0)), {}))


def test_current_session_follows_tab_changes_and_closes(tabs: ConnectionTabs, run: Run) -> None:
    current: list[SessionController | None] = []
    closed: list[ConnectionView] = []
    tabs.current_session_changed.connect(current.append)
    tabs.view_closed.connect(closed.append)
    a = open_tab(tabs, "A")
    b = open_tab(tabs, "B")
    assert current == [a.session, b.session]
    assert tabs.current_session() is b.session and tabs.sessions() == [a.session, b.session]
    tabs.setCurrentWidget(a)
    assert current[-1] is a.session

    async def body() -> None:
        tabs.close_tab(tabs.indexOf(a))  # the current tab: B becomes current
        await until(lambda: closed == [a], what="tab A to close")
        assert current[-1] is b.session and tabs.views() == [b]
        tabs.close_tab(tabs.indexOf(b))  # the last tab: no current session
        await until(lambda: closed == [a, b], what="tab B to close")
        assert current[-1] is None and tabs.count() == 0

    run(body())


def test_only_the_current_tabs_signals_are_forwarded(tabs: ConnectionTabs) -> None:
    a = open_tab(tabs, "A")
    b = open_tab(tabs, "B")
    assert tabs.current_view() is b
    stats: list[str] = []
    refused: list[str] = []
    selected: list[object] = []
    compose: list[str] = []
    states: list[str] = []
    any_state: list[SessionController] = []
    tabs.cur_stats_changed.connect(lambda: stats.append("stats"))
    tabs.cur_send_refused.connect(refused.append)
    tabs.cur_message_selected.connect(selected.append)
    tabs.cur_compose_to.connect(compose.append)
    tabs.cur_state_changed.connect(lambda: states.append("state"))
    tabs.session_state_changed.connect(any_state.append)
    entry = LogEntry("in", "MESSAGE", (("destination", "/queue/x"),), b"x")

    for view in (a, b):
        view.session.stats_changed.emit()
        view.session.send_refused.emit(f"refused on {view.session.name}")
        view.message_selected.emit(entry)
        view.compose_to.emit(f"/queue/{view.session.name}")
        view.session.state_changed.emit()

    assert stats == ["stats"]
    assert refused == ["refused on B"]
    assert selected == [entry]
    assert compose == ["/queue/B"]
    assert states == ["state"]
    assert any_state == [a.session, b.session]  # every session's state, for the tab icons
    tabs.setCurrentWidget(a)  # switching tabs rewires nothing: A is forwarded now
    a.session.send_refused.emit("refused on A")
    assert refused == ["refused on B", "refused on A"]


def test_closing_a_connected_tab_disconnects_its_session(tabs: ConnectionTabs, run: Run) -> None:
    async def body() -> None:
        async with running_sandbox() as broker:
            view = open_tab(tabs, "Sandbox", broker.tcp_url)
            view.session.start()
            await until(lambda: view.session.is_connected, what="the connection")
            assert tabs.idle_view("Sandbox") is None  # connected: not offered for a reconnect
            session = view.session
            tabs.close_tab(tabs.indexOf(view))
            await until(lambda: tabs.count() == 0, what="the tab to close")
            assert session.state is SessionState.CLOSED
            await until(lambda: not broker.sessions, what="the broker to see it go")

    run(body())


def test_a_close_cut_short_by_the_window_closing_still_disconnects(
    tabs: ConnectionTabs, runner: TaskRunner, run: Run
) -> None:
    async def body() -> None:
        async with running_sandbox() as broker:
            view = open_tab(tabs, "Sandbox", broker.tcp_url)
            view.session.start()
            await until(lambda: view.session.is_connected, what="the connection")
            # A disconnect that takes its time (as a broker slow to send its RECEIPT).
            slow_broker = asyncio.Event()
            disconnect = view.shutdown

            async def slow_shutdown() -> None:
                await slow_broker.wait()
                await disconnect()

            view.shutdown = slow_shutdown  # type: ignore[method-assign]
            tabs.close_tab(tabs.indexOf(view))
            await asyncio.sleep(0)
            assert runner.pending == 1  # the close is under way
            await runner.shutdown()  # the window closes while the tab is closing
            assert tabs.views() == [view]  # still a tab: the window's shutdown takes it
            slow_broker.set()
            await tabs.shutdown()
            assert view.session.state is SessionState.CLOSED
            await until(lambda: not broker.sessions, what="the broker to see it go")

    run(body())


def test_tls_without_verification_is_marked_on_the_tab(tabs: ConnectionTabs) -> None:
    """Issue 16: a connection that does not verify the broker's certificate is never silent."""
    plain = open_tab(tabs, "plain", "stomp+ssl://127.0.0.1:9")
    lab = tabs.open(
        settings_from(
            Profile(name="lab", url="stomp+ssl://127.0.0.1:9", tls=TlsSettings(verify=False)), {}
        )
    )
    bar = tabs.tabBar()
    left = QTabBar.ButtonPosition.LeftSide
    assert bar.tabButton(tabs.indexOf(plain), left) is None
    assert tabs.tabToolTip(tabs.indexOf(plain)) == "stomp+ssl://127.0.0.1:9"
    mark = bar.tabButton(tabs.indexOf(lab), left)
    assert mark is not None and mark.objectName() == "insecureTabMark" and mark.isVisible()
    assert "TLS certificate is not verified" in tabs.tabToolTip(tabs.indexOf(lab))
    assert "TLS certificate is not verified" in mark.toolTip()
