"""The window against the real brokers: connect, subscribe, send 안녕, see it everywhere."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStatusBar,
    QTableView,
    QTreeView,
)

from explorer.profiles.model import HeartBeat, Profile
from explorer.ui.connection_view import ConnectionView
from explorer.ui.main_window import MainWindow
from explorer.ui.models import TrafficModel
from explorer.ui.session import SessionState
from tests.gui.window.conftest import add_profile, child, connect, until
from tests.support.brokers import Broker

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def queue() -> str:
    return f"/queue/foo.{uuid.uuid4().hex[:10]}"


async def compose_send(window: MainWindow, command: str, destination: str, body: str = "") -> None:
    child(window, QComboBox, "composerCommand").setCurrentText(command)
    child(window, QLineEdit, "composerDestination").setText(destination)
    child(window, QPlainTextEdit, "composerBody").setPlainText(body)
    button = child(window, QPushButton, "sendButton")
    await until(button.isEnabled, what="the send button to be enabled")
    result = child(window, QLabel, "composerResult")
    result.setText("")
    button.click()
    await until(lambda: result.text() not in ("", "Sending…"), what=f"{command} to finish")
    assert result.property("valid") != "false", result.text()


def log_rows(view: ConnectionView) -> list[tuple[str, str, str]]:
    model = view.session.messages
    rows = []
    for row in range(model.rowCount()):
        entry = model.entry_at(row)
        rows.append((entry.direction, entry.destination, entry.body.decode("utf-8", "replace")))
    return rows


async def see_in_everywhere(window: MainWindow, view: ConnectionView, destination: str) -> None:
    """The message is in the log (in and out), in the tree and, selected, in the detail."""
    await until(lambda: ("in", destination, "안녕") in log_rows(view), what="안녕 in the log")
    assert ("out", destination, "안녕") in log_rows(view)
    tree = view.findChild(QTreeView, "destinationTree")
    assert tree is not None
    await until(
        lambda: view.session.destinations.index_of(destination).isValid(),
        what="the destination in the tree",
    )
    node = view.session.destinations.tree.node(destination)
    assert node is not None and node.total_in >= 1
    # A SEND without a receipt counts in the tree once no ERROR followed it (about 1 s).
    await until(lambda: node.total_out >= 1, what="the SEND counted in the tree")
    log = view.findChild(QTableView, "messageLog")
    assert log is not None
    row = next(i for i, r in enumerate(log_rows(view)) if r == ("in", destination, "안녕"))
    log.selectionModel().setCurrentIndex(
        log.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    detail = child(window, QPlainTextEdit, "detailText")
    await until(lambda: detail.toPlainText() == "안녕", what="안녕 in the detail pane")


@pytest.mark.activemq
def test_activemq_subscribe_send_and_see_it(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker
) -> None:
    window = make_window()
    add_profile(window, Profile(name="ActiveMQ", url=activemq.stomp_url))

    async def body() -> None:
        view = await connect(window, "ActiveMQ")
        status = child(window, QStatusBar, "statusBar")
        state = status.findChild(QLabel, "statusState")
        assert state is not None and "STOMP 1.2" in state.text() and "ActiveMQ" in state.text()
        destination = queue()
        await compose_send(window, "SUBSCRIBE", destination)
        assert destination in view.session.subscriptions
        await compose_send(window, "SEND", destination, "안녕")
        await see_in_everywhere(window, view, destination)
        # The tree's context menu unsubscribes; the subtree action offers ActiveMQ's wildcard.
        menu = view.tree_pane.tree_actions(destination)
        subtree = next(a for a in menu.actions() if a.objectName() == "actionSubscribeSubtree")
        assert f"{destination}.>" in subtree.text()
        unsubscribe = next(a for a in menu.actions() if a.objectName() == "actionUnsubscribe")
        unsubscribe.trigger()
        await until(
            lambda: destination not in view.session.subscriptions, what="the unsubscription"
        )

    run(body())


@pytest.mark.rabbitmq
def test_rabbitmq_web_stomp_round_trip_from_the_tree(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    window = make_window()
    assert rabbitmq.ws_url is not None
    add_profile(
        window,
        Profile(name="Rabbit WS", url=rabbitmq.ws_url, login="guest", vhost="/"),
        passcode="guest",
    )

    async def body() -> None:
        view = await connect(window, "Rabbit WS")
        assert view.session.server and view.session.server.startswith("RabbitMQ")
        destination = queue()
        # Subscribe from the tree: the destination appears in it once we send to it.
        await compose_send(window, "SEND", destination, "first")
        await until(
            lambda: view.session.destinations.index_of(destination).isValid(),
            what="the sent-to destination in the tree",
        )
        menu = view.tree_pane.tree_actions(destination)
        subscribe = next(a for a in menu.actions() if a.objectName() == "actionSubscribe")
        assert subscribe.isEnabled()
        asked: list[str] = []

        async def confirm(title: str, question: str) -> bool:
            asked.append(question)
            return True

        # Observing a queue takes its messages: the tree asks first.
        view.tree_pane.confirm = confirm
        subscribe.trigger()
        await until(lambda: destination in view.session.subscriptions, what="the subscription")
        assert len(asked) == 1 and destination in asked[0]
        await until(
            lambda: ("in", destination, "first") in log_rows(view), what="the queued message"
        )
        await compose_send(window, "SEND", destination, "안녕")
        await see_in_everywhere(window, view, destination)
        # The wire tap shows the CONNECT with its passcode hidden.
        traffic = view.session.traffic
        await until(lambda: traffic.rowCount() > 0, what="traffic rows")
        connect_row = next(
            r
            for r in range(traffic.rowCount())
            if traffic.index(r, TrafficModel.FRAME).data() == "CONNECT"
        )
        wire = traffic.index(connect_row, TrafficModel.WIRE).data()
        assert "passcode:***" in wire and "passcode:guest" not in wire

    run(body())


@pytest.mark.rabbitmq
def test_refused_login_is_explained(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    window = make_window()
    add_profile(
        window,
        Profile(name="Wrong password", url=rabbitmq.stomp_url, login="guest", vhost="/"),
        passcode="not-the-password",
    )

    async def body() -> None:
        assert window.select_profile("Wrong password")
        child(window, QPushButton, "connectButton").click()
        await until(
            lambda: window.views() and window.views()[0].session.state is SessionState.FAILED,
            what="the login to fail",
        )
        view = window.views()[0]
        assert view.banner.isVisible()
        assert "access refused" in view.banner.text().lower()
        state = child(window, QStatusBar, "statusBar").findChild(QLabel, "statusState")
        assert state is not None and "failed" in state.text()

    run(body())


@pytest.mark.rabbitmq
def test_error_frame_is_shown(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    window = make_window()
    add_profile(
        window,
        Profile(name="Rabbit", url=rabbitmq.stomp_url, login="guest", vhost="/"),
        passcode="guest",
    )

    async def body() -> None:
        view = await connect(window, "Rabbit")
        # RabbitMQ answers a destination it does not know with an ERROR frame.
        child(window, QComboBox, "composerCommand").setCurrentText("SUBSCRIBE")
        child(window, QLineEdit, "composerDestination").setText("/nonsense/here")
        child(window, QPushButton, "sendButton").click()
        await until(view.banner.isVisible, what="the banner")
        assert "ERROR" in view.banner.text() and "nonsense" in view.banner.text().lower()
        model = view.session.messages
        await until(
            lambda: any(model.entry_at(r).command == "ERROR" for r in range(model.rowCount())),
            what="the ERROR in the log",
        )

    run(body())


@pytest.mark.activemq
@pytest.mark.rabbitmq
def test_two_connections_at_once(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker, rabbitmq: Broker
) -> None:
    window = make_window()
    add_profile(
        window, Profile(name="Receiver", url=activemq.stomp_url, heart_beat=HeartBeat(1000, 1000))
    )
    add_profile(window, Profile(name="Sender", url=activemq.stomp_url))
    add_profile(
        window,
        Profile(name="Rabbit", url=rabbitmq.stomp_url, login="guest", vhost="/"),
        passcode="guest",
    )

    async def body() -> None:
        receiver = await connect(window, "Receiver")
        destination = queue()
        await receiver.session.subscribe(destination)
        sender = await connect(window, "Sender")
        rabbit = await connect(window, "Rabbit")
        assert len(window.views()) == 3
        tabs = window.tabs
        tabs.setCurrentWidget(sender)
        await compose_send(window, "SEND", destination, "안녕")
        await until(
            lambda: ("in", destination, "안녕") in log_rows(receiver),
            what="the message in the receiver's log",
        )
        assert log_rows(sender) == [("out", destination, "안녕")]
        assert log_rows(rabbit) == []
        assert receiver.session.destinations.tree.node(destination) is not None
        assert rabbit.session.destinations.tree.node(destination) is None
        # Each tab has its own widgets; the status bar follows the current one.
        assert receiver.findChild(QTableView, "messageLog") is not sender.findChild(
            QTableView, "messageLog"
        )
        tabs.setCurrentWidget(rabbit)
        state = child(window, QStatusBar, "statusBar").findChild(QLabel, "statusState")
        assert state is not None and state.text().startswith("Rabbit: connected")
        # The receiver asked for 1 s heart-beats: health is reported.
        tabs.setCurrentWidget(receiver)
        heartbeat = child(window, QStatusBar, "statusBar").findChild(QLabel, "statusHeartbeat")
        await until(
            lambda: heartbeat is not None and heartbeat.text() == "♥ ok", what="heart-beat health"
        )
        # Disconnect one; the others stay up.
        child(window, QPushButton, "disconnectButton").click()
        await until(lambda: receiver.session.state is SessionState.CLOSED, what="disconnect")
        assert sender.session.state is SessionState.CONNECTED
        assert rabbit.session.state is SessionState.CONNECTED

    run(body())


@pytest.mark.rabbitmq
def test_passcode_is_asked_when_there_is_no_keyring(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    from keyring.backends import null
    from PySide6.QtWidgets import QInputDialog

    from explorer.profiles.secrets import SecretStore

    window = make_window()
    window.store.secrets = SecretStore(null.Keyring())
    assert not window.store.secrets_persistent
    add_profile(window, Profile(name="Rabbit", url=rabbitmq.stomp_url, login="guest", vhost="/"))

    async def body() -> None:
        child(window, QPushButton, "connectButton").click()
        await until(
            lambda: (
                (dialog := window.findChild(QInputDialog, "passcodeDialog")) is not None
                and dialog.isVisible()
            ),
            what="the passcode prompt",
        )
        prompt = child(window, QInputDialog, "passcodeDialog")
        assert prompt.textEchoMode() == QLineEdit.EchoMode.Password
        assert "guest" in prompt.labelText()
        prompt.setTextValue("guest")
        prompt.accept()
        await until(
            lambda: window.views() and window.views()[0].session.is_connected,
            what="the connection with the typed passcode",
        )

    run(body())
