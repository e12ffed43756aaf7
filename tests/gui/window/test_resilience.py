"""Reconnecting is shown with its countdown; keyboard shortcuts reach the right widgets."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QStatusBar
from pytestqt.qtbot import QtBot

from explorer.profiles.model import HeartBeat, Profile, Reconnect
from explorer.ui.main_window import MainWindow
from explorer.ui.session import SessionState
from tests.gui.window.conftest import add_profile, child, connect, until
from tests.support.sandbox import running_sandbox

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def test_lost_connection_shows_reconnecting_then_recovers(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox() as broker:
            port = broker.tcp_port
            add_profile(
                window,
                Profile(
                    name="Flaky",
                    url=broker.tcp_url,
                    heart_beat=HeartBeat(0, 0),
                    reconnect=Reconnect(enabled=True, initial_delay_ms=3000, max_delay_ms=3000),
                ),
            )
            view = await connect(window, "Flaky")
            await view.session.subscribe("/queue/flaky")
        # The broker is gone: the tab shows the countdown to the next attempt.
        await until(
            lambda: view.session.state is SessionState.RECONNECTING, what="the reconnecting state"
        )
        state = child(window, QStatusBar, "statusBar").findChild(QLabel, "statusState")
        assert state is not None
        window._refresh_status()
        assert "reconnecting in" in state.text()
        assert state.property("state") == "reconnecting"
        # It comes back on the same port, and the subscription is restored.
        async with running_sandbox(tcp_port=port) as again:
            await until(
                lambda: view.session.state is SessionState.CONNECTED,
                timeout=20,
                what="the reconnection",
            )
            again.publish("/queue/flaky", "돌아왔다")
            await until(
                lambda: any(e.body == "돌아왔다".encode() for e in view.session.messages.log),
                what="a message after reconnecting",
            )
            await view.session.shutdown()

    run(body())


def test_keyboard_shortcuts(make_window: Callable[..., MainWindow], run: Run, qtbot: QtBot) -> None:
    window = make_window()
    window.activateWindow()

    async def body() -> None:
        assert window.select_profile("Sandbox")
        qtbot.keyClick(
            window,
            Qt.Key.Key_C,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        await until(
            lambda: window.views() and window.views()[0].session.is_connected,
            what="Ctrl+Shift+C to connect",
        )
        view = window.views()[0]
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert child(view, QLineEdit, "logFilter").hasFocus()
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        assert child(view, QPushButton, "pauseButton").isChecked()
        assert view.session.messages.paused
        view.log.setFocus()
        qtbot.keyClick(view.log, Qt.Key.Key_Space)
        assert not view.session.messages.paused
        qtbot.keyClick(
            window,
            Qt.Key.Key_D,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        await until(
            lambda: view.session.state is SessionState.CLOSED, what="Ctrl+Shift+D to disconnect"
        )

    run(body())
