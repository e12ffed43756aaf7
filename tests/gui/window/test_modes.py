"""Subscription modes from the destination tree (issue 7): observe, peek, consume, drain."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QPushButton, QTableView

from explorer.broker.kind import BrokerKind
from explorer.client import Client, ReceiveTimeout
from explorer.profiles.model import Profile
from explorer.ui.connection_view import ConnectionView
from explorer.ui.main_window import MainWindow
from tests.gui.window.conftest import add_profile, child, connect, until
from tests.gui.window.test_brokers import log_rows
from tests.support.brokers import Broker

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def trigger(view: ConnectionView, destination: str, name: str) -> None:
    menu = view.tree_pane.tree_actions(destination)
    action = next(a for a in menu.actions() if a.objectName() == name)
    assert action.isEnabled(), action.text()
    action.trigger()


def answer(view: ConnectionView, yes: bool, asked: list[str]) -> None:
    async def confirm(title: str, question: str) -> bool:
        asked.append(question)
        return yes

    view.tree_pane.confirm = confirm


def select_row(view: ConnectionView, row: int) -> None:
    log = view.findChild(QTableView, "messageLog")
    assert log is not None
    log.selectionModel().setCurrentIndex(
        log.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


@pytest.mark.activemq
def test_peek_shows_messages_and_leaves_them_on_the_queue(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker
) -> None:
    window = make_window()
    add_profile(window, Profile(name="ActiveMQ", url=activemq.stomp_url))
    destination = f"/queue/peek.{uuid.uuid4().hex[:10]}"

    async def body() -> None:
        async with Client(activemq.stomp_url) as producer:
            for text in ("one", "두 번째"):
                await producer.send(destination, text, receipt=True)
        view = await connect(window, "ActiveMQ")
        assert view.session.broker_kind is BrokerKind.ACTIVEMQ
        asked: list[str] = []
        answer(view, False, asked)
        trigger(view, destination, "actionPeek")
        await until(
            lambda: ("in", destination, "두 번째") in log_rows(view),
            what="the peeked messages in the log",
        )
        assert ("in", destination, "one") in log_rows(view)
        assert asked == []  # peek removes nothing: no question
        assert destination not in view.session.subscriptions
        assert "stay on the queue" in view.banner.text()
        # Both messages are still on the queue.
        async with Client(activemq.stomp_url) as consumer:
            sub = await consumer.subscribe(destination)
            got = [(await sub.get(timeout=5)).frame.body.decode() for _ in range(2)]
        assert got == ["one", "두 번째"]

    run(body())


@pytest.mark.rabbitmq
def test_peek_is_unavailable_on_rabbitmq_and_drain_asks_first(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    window = make_window()
    add_profile(
        window,
        Profile(name="Rabbit", url=rabbitmq.stomp_url, login="guest", vhost="/"),
        passcode="guest",
    )
    destination = f"/queue/drain.{uuid.uuid4().hex[:10]}"

    async def body() -> None:
        view = await connect(window, "Rabbit")
        menu = view.tree_pane.tree_actions(destination)
        peek = next(a for a in menu.actions() if a.objectName() == "actionPeek")
        assert not peek.isEnabled() and "RabbitMQ has no queue browser" in peek.text()
        asked: list[str] = []
        answer(view, False, asked)
        trigger(view, destination, "actionDrain")
        await until(lambda: len(asked) == 1, what="the confirmation")
        assert "removes every message" in asked[0]
        await until(lambda: not view.runner.pending, what="the declined drain to finish")
        assert destination not in view.session.subscriptions  # declined: nothing subscribed
        answer(view, True, asked)
        trigger(view, destination, "actionDrain")
        await until(lambda: destination in view.session.subscriptions, what="the drain")
        assert view.session.subscriptions[destination].ack == "auto"

    run(body())


@pytest.mark.rabbitmq
def test_consume_with_ack_and_nack_buttons(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    window = make_window()
    add_profile(
        window,
        Profile(name="Rabbit", url=rabbitmq.stomp_url, login="guest", vhost="/"),
        passcode="guest",
    )
    destination = f"/queue/consume.{uuid.uuid4().hex[:10]}"
    ack = child(window, QPushButton, "ackButton")
    nack = child(window, QPushButton, "nackButton")

    def client() -> Client:
        return Client(rabbitmq.stomp_url, login="guest", passcode="guest", host="/")

    async def body() -> None:
        async with client() as producer:
            await producer.send(destination, "안녕", receipt=True)
        view = await connect(window, "Rabbit")
        asked: list[str] = []
        answer(view, True, asked)
        trigger(view, destination, "actionConsume")
        await until(lambda: ("in", destination, "안녕") in log_rows(view), what="the message")
        assert len(asked) == 1 and view.session.subscriptions[destination].ack != "auto"
        select_row(view, 0)
        await until(nack.isVisible, what="the NACK button")
        assert ack.isVisible()
        nack.click()
        # NACK: RabbitMQ puts it back and redelivers it to us.
        await until(
            lambda: log_rows(view).count(("in", destination, "안녕")) == 2, what="the redelivery"
        )
        redelivered = view.session.messages.entry_at(1)
        assert redelivered.header("redelivered") == "true"
        assert not ack.isVisible()  # the first one is answered
        select_row(view, 1)
        await until(ack.isVisible, what="the ACK button for the redelivery")
        ack.click()
        await until(lambda: "Acknowledged" in view.banner.text(), what="the ACK")
        await view.session.unsubscribe(destination)
        async with client() as consumer:
            sub = await consumer.subscribe(destination)
            with pytest.raises(ReceiveTimeout):
                await sub.get(timeout=1.5)  # acknowledged: gone from the queue

    run(body())
