"""The window on its own and with the built-in sandbox: first run, layout, log tools, closing."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStatusBar,
    QTableView,
    QTreeView,
    QWidget,
)

from explorer.client import State
from explorer.profiles.model import Profile
from explorer.sandbox import DEMO_DESTINATIONS
from explorer.ui.main_window import MainWindow
from explorer.ui.session import SessionState
from tests.gui.window.conftest import child, until

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]

CONTRACT = (
    "profileList",
    "connectButton",
    "disconnectButton",
    "destinationTree",
    "destinationFilter",
    "messageLog",
    "logFilter",
    "pauseButton",
    "messageDetail",
    "composerCommand",
    "composerDestination",
    "composerHeaders",
    "composerBody",
    "sendButton",
    "trafficView",
    "statusBar",
)


def test_first_run_connects_to_the_sandbox_with_live_demo_traffic(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window(first_run=True)

    async def body() -> None:
        await until(lambda: window.views(), what="the Sandbox tab")
        view = window.views()[0]
        assert window.tabs.tabText(0) == "Sandbox"
        await until(lambda: view.session.state is SessionState.CONNECTED, what="connected")
        assert set(view.session.subscriptions) == set(DEMO_DESTINATIONS)
        await until(lambda: view.session.messages.rowCount() >= 3, what="demo messages")
        await until(
            lambda: view.session.destinations.rowCount() >= 2, what="demo destinations in the tree"
        )
        top = {
            view.session.destinations.index(r, 0).data()
            for r in range(view.session.destinations.rowCount())
        }
        assert top <= {"topic", "queue"}
        # Discovery (the sandbox's feed) lists destinations too, with their depth.
        tree = view.session.destinations.tree
        await until(
            lambda: (node := tree.node("/queue/orders")) is not None and "sandbox" in node.sources,
            what="the sandbox discovery source",
        )
        for name in CONTRACT:
            assert window.findChild(QWidget, name) is not None, name

    run(body())


def test_log_tools_pause_filter_export_and_send_again(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window(first_run=True)

    async def body() -> None:
        await until(
            lambda: window.views() and window.views()[0].session.is_connected, what="the sandbox"
        )
        view = window.views()[0]
        model = view.session.messages
        await until(lambda: model.rowCount() >= 2, what="messages")
        # Pause: rows stop appearing but keep being recorded; resume shows them.
        pause = child(view, QPushButton, "pauseButton")
        pause.click()
        shown = model.rowCount()
        await until(lambda: model.pending_count >= 2, what="messages while paused")
        assert model.rowCount() == shown
        log = child(view, QTableView, "messageLog")
        pause.click()
        await until(lambda: model.rowCount() > shown, what="the rows after resuming")
        # Filter by destination.
        kind = child(view, QComboBox, "logFilterKind")
        kind.setCurrentIndex(kind.findData("destination"))
        child(view, QLineEdit, "logFilter").setText("/queue/orders")
        await until(
            lambda: model.message_filter.destination == "/queue/orders",
            what="the filter to apply after typing stops",
        )
        await until(lambda: model.rowCount() > 0, timeout=20, what="orders")
        assert all(
            model.entry_at(r).destination == "/queue/orders" for r in range(model.rowCount())
        )
        # Export the selection as JSON Lines.
        flags = QItemSelectionModel.SelectionFlag
        log.selectionModel().select(model.index(0, 0), flags.ClearAndSelect | flags.Rows)
        path = tmp_path / "out.jsonl"
        assert view.log_pane.export(path, selected_only=True) == 1
        line = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        assert line["destination"] == "/queue/orders"
        # The detail pane shows the selected JSON body as a tree.
        detail_tree = child(window, QTreeView, "detailJson")
        await until(
            lambda: detail_tree.model() is not None and detail_tree.model().rowCount(),
            what="the JSON tree",
        )
        # Send again opens the message in the composer.
        from explorer.ui.log_pane import resend_request

        view.send_again.emit(resend_request(model.entry_at(0)))
        assert child(window, QLineEdit, "composerDestination").text() == "/queue/orders"
        assert child(window, QPlainTextEdit, "composerBody").toPlainText().startswith("{")

    run(body())


def test_burst_with_template_and_receipt(make_window: Callable[..., MainWindow], run: Run) -> None:
    window = make_window(first_run=True)

    async def body() -> None:
        await until(
            lambda: window.views() and window.views()[0].session.is_connected, what="the sandbox"
        )
        view = window.views()[0]
        await view.session.subscribe("/queue/burst")
        child(window, QLineEdit, "composerDestination").setText("/queue/burst")
        child(window, QPlainTextEdit, "composerBody").setPlainText('{"n": {{n}}}')
        child(window, QSpinBox, "composerBurst").setValue(1000)
        window.composer.receipt.setChecked(True)
        child(window, QPushButton, "sendButton").click()
        result = child(window, QLabel, "composerResult")
        await until(lambda: "1000 frames" in result.text(), what="the burst")
        assert "receipt after" in result.text()
        model = view.session.messages

        def received() -> list[bytes]:
            return [
                e.body for e in model.log if e.direction == "in" and e.destination == "/queue/burst"
            ]

        await until(lambda: len(received()) == 1000, what="1000 messages back")
        assert received()[0] == b'{"n": 1}' and received()[-1] == b'{"n": 1000}'

    run(body())


def test_layout_is_remembered(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.detail_dock.hide()
    window.resize(640, 480)
    window.save_layout()
    again = make_window()
    assert child(again, QDockWidget, "detailDock").isHidden()
    assert again.size() == window.size() and again.size().height() == 480


def test_closing_disconnects_cleanly(make_window: Callable[..., MainWindow], run: Run) -> None:
    window = make_window(first_run=True)

    async def body() -> None:
        await until(
            lambda: window.views() and window.views()[0].session.is_connected, what="the sandbox"
        )
        session = window.views()[0].session
        client = session.client
        assert client is not None
        asked: list[str] = []

        async def discard(question: str) -> tuple[bool, bool]:
            asked.append(question)  # the demo traffic was never exported
            return True, False

        assert window.tabs.guard is not None
        window.tabs.guard.ask = discard
        window.close()
        await until(lambda: window._closed_cleanly, what="the window to close")
        assert len(asked) <= 1  # asked only if demo messages had arrived
        assert client.state is State.CLOSED
        assert session.state is SessionState.CLOSED
        assert not window.sandbox.running
        assert not window.isVisible()
        session.traffic.flush()
        sent = [session.traffic.row_record(r).command for r in range(session.traffic.rowCount())]
        assert "DISCONNECT" in sent

    run(body())


def test_profiles_panel_and_errors_in_words(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()
    profiles = child(window, QListView, "profileList")
    names = [profiles.model().index(r, 0).data() for r in range(profiles.model().rowCount())]
    assert names == ["Sandbox"]
    quick = child(window, QLineEdit, "quickConnect")
    quick.setText("localhost:61613")
    quick.returnPressed.emit()
    assert "no scheme" in child(window, QLabel, "quickConnectError").text()
    assert not window.views()

    async def body() -> None:
        quick.setText("stomp://127.0.0.1:9")  # nothing listens on the discard port
        quick.returnPressed.emit()
        await until(
            lambda: window.views() and window.views()[0].session.state is SessionState.FAILED,
            what="the refused connection",
        )
        view = window.views()[0]
        assert view.banner.isVisible() and "127.0.0.1" in view.banner.text()
        status = child(window, QStatusBar, "statusBar")
        assert "failed" in child(status, QLabel, "statusState").text()
        # Closing the tab returns to the welcome page.
        window.tabs.tabCloseRequested.emit(0)
        await until(lambda: not window.views(), what="the tab to close")
        assert window.central.currentWidget() is window.welcome

    run(body())


def test_every_control_has_a_tooltip(make_window: Callable[..., MainWindow], run: Run) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QHeaderView,
    )

    window = make_window(first_run=True)

    async def body() -> None:
        await until(
            lambda: window.views() and window.views()[0].session.is_connected, what="the sandbox"
        )
        missing = []
        for cls in (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView):
            for widget in window.findChildren(cls):
                if (
                    not widget.isVisibleTo(window)
                    or widget.toolTip()
                    or widget.objectName().startswith("qt_")
                    or isinstance(widget, QHeaderView)
                    or isinstance(widget.parent(), QComboBox | QAbstractSpinBox)
                ):
                    continue
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
        assert missing == []

    run(body())


def test_client_ack_messages_can_be_acknowledged_from_the_log(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    from tests.support.sandbox import running_sandbox

    window = make_window()

    async def body() -> None:
        async with running_sandbox() as broker:
            window.open_profile(Profile(name="acks", url=broker.tcp_url))
            await until(
                lambda: window.views() and window.views()[0].session.is_connected,
                what="the connection",
            )
            view = window.views()[0]
            await view.session.subscribe("/queue/acked", ack="client-individual")
            broker.publish("/queue/acked", "ack me")
            model = view.session.messages
            await until(lambda: model.rowCount() == 1, what="the message")
            entry = model.entry_at(0)
            assert view.session.needs_ack(entry)
            menu = view.log_pane.log_actions(entry)
            ack = next(a for a in menu.actions() if a.objectName() == "actionAck")
            ack.trigger()
            await until(lambda: "ACK" in view.banner.text(), what="the acknowledgement")
            session = view.session
            session.traffic.flush()
            commands = [
                session.traffic.row_record(r).command for r in range(session.traffic.rowCount())
            ]
            assert "ACK" in commands
            await session.shutdown()

    run(body())


def test_evictions_are_counted_in_the_status_bar(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    from explorer.ui import config

    config.WindowSettings().log_limit = 1000
    window = make_window(first_run=True)

    async def body() -> None:
        await until(
            lambda: window.views() and window.views()[0].session.is_connected, what="the sandbox"
        )
        view = window.views()[0]
        child(view, QPushButton, "pauseButton").click()  # evictions happen while paused too
        child(window, QLineEdit, "composerDestination").setText("/queue/evict")
        child(window, QPlainTextEdit, "composerBody").setPlainText("{{n}}")
        child(window, QSpinBox, "composerBurst").setValue(1500)
        child(window, QPushButton, "sendButton").click()
        await until(
            lambda: "1500 frames" in child(window, QLabel, "composerResult").text(),
            what="the burst",
        )
        child(view, QPushButton, "pauseButton").click()
        model = view.session.messages
        await until(lambda: model.evicted_total >= 500, what="evictions")
        assert len(model.log) <= 1000
        window._refresh_status()
        evicted = child(window, QStatusBar, "statusBar").findChild(QLabel, "statusEvicted")
        assert evicted is not None and evicted.isVisibleTo(window)
        assert evicted.text() == f"{model.evicted_total:,} evicted"
        assert f"{model.evicted_total:,} evicted" in child(view, QLabel, "logInfo").text()

    run(body())


def test_connect_again_reuses_the_tab_with_its_log_and_subscriptions(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window(first_run=True)

    async def body() -> None:
        await until(
            lambda: window.views() and window.views()[0].session.is_connected, what="the sandbox"
        )
        view = window.views()[0]
        await view.session.subscribe("/queue/mine")
        await until(lambda: view.session.messages.rowCount() > 0, what="messages")
        child(window, QPushButton, "disconnectButton").click()
        await until(lambda: view.session.state is SessionState.CLOSED, what="disconnect")
        kept = view.session.messages.rowCount()
        assert window.select_profile("Sandbox")
        child(window, QPushButton, "connectButton").click()
        await until(lambda: view.session.is_connected, what="the reconnection")
        assert window.views() == [view]
        await until(
            lambda: "/queue/mine" in view.session.subscriptions,
            what="the user's subscription again",
        )
        assert set(DEMO_DESTINATIONS) <= set(view.session.subscriptions)
        assert view.session.messages.rowCount() >= kept

    run(body())


def test_log_columns_and_splitter_are_remembered(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    from explorer.ui.models import MessageTableModel

    window = make_window(first_run=True)

    async def body() -> None:
        await until(
            lambda: window.views() and window.views()[0].session.is_connected, what="the sandbox"
        )
        view = window.views()[0]
        menu = view.log_pane.column_actions()
        content_type = menu.actions()[MessageTableModel.CONTENT_TYPE]
        assert content_type.isChecked()
        content_type.trigger()
        assert view.log.isColumnHidden(MessageTableModel.CONTENT_TYPE)
        assert not menu.actions()[MessageTableModel.DESTINATION].isEnabled()
        total = sum(view.splitter.sizes())
        view.splitter.setSizes([total // 4, total - total // 4])
        saved = view.current_tree_fraction()
        window.save_layout()
        await window.shutdown()
        again = make_window(first_run=True)
        await until(
            lambda: again.views() and again.views()[0].session.is_connected,
            what="the new window's connection",
        )
        other = again.views()[0]
        assert other.log.isColumnHidden(MessageTableModel.CONTENT_TYPE)
        # The split is remembered as a share of the width (the offscreen screen is too small
        # to check the applied pixels: minimum widths win there).
        assert abs(other.tree_fraction - saved) < 0.01

    run(body())
