"""Fixes for QA's findings on the window: raw frames, refused logins, refused SENDs."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from explorer.profiles.model import Profile
from explorer.ui.main_window import MainWindow
from tests.gui.window.conftest import add_profile, child, connect, until
from tests.gui.window.test_brokers import log_rows
from tests.support.brokers import Broker

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def queue() -> str:
    return f"/queue/rawq.{uuid.uuid4().hex[:10]}"


@pytest.mark.activemq
def test_raw_send_reaches_the_broker(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker
) -> None:
    window = make_window()
    add_profile(window, Profile(name="ActiveMQ", url=activemq.stomp_url))
    command = child(window, QComboBox, "composerCommand")
    body_edit = child(window, QPlainTextEdit, "composerBody")
    headers = child(window, QWidget, "composerHeaders")

    async def body() -> None:
        view = await connect(window, "ActiveMQ")
        destination = queue()
        await view.session.subscribe(destination)
        # Switching to RAW with a body typed starts from the form's frame, not the old body,
        # and hides the header table; switching back restores the body.
        command.setCurrentText("SEND")
        child(window, QLineEdit, "composerDestination").setText(destination)
        body_edit.setPlainText("typed body")
        command.setCurrentText("RAW")
        assert body_edit.toPlainText().startswith(f"SEND\ndestination:{destination}\n")
        assert body_edit.toPlainText().endswith("typed body␀")
        assert not headers.isVisible()
        command.setCurrentText("SEND")
        assert body_edit.toPlainText() == "typed body" and headers.isVisible()
        command.setCurrentText("RAW")
        result = child(window, QLabel, "composerResult")
        for text in (
            f"SEND\ndestination:{destination}\n\nraw 안녕",
            f"SEND\ndestination:{destination}\n\nraw 안녕 2␀",
        ):
            body_edit.setPlainText(text)
            result.setText("")
            child(window, QPushButton, "sendButton").click()
            await until(lambda: result.text() not in ("", "Sending…"), what="the raw send")
            assert result.property("valid") != "false", result.text()
        await until(
            lambda: ("in", destination, "raw 안녕 2") in log_rows(view),
            what="the raw frames to come back",
        )
        assert ("in", destination, "raw 안녕") in log_rows(view)
        assert ("out", destination, "raw 안녕") in log_rows(view)

    run(body())


@pytest.mark.rabbitmq
def test_wrong_passcode_is_forgotten_and_asked_again(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    from PySide6.QtWidgets import QPushButton as Button

    from explorer.profiles.secrets import PASSCODE
    from explorer.ui.session import SessionState

    window = make_window()
    add_profile(
        window,
        Profile(name="Rabbit", url=rabbitmq.stomp_url, login="guest", vhost="/"),
        passcode="wrong",
    )
    asked: list[str] = []
    answers = ["also wrong", "guest"]

    async def prompt(profile: str, login: str, persistent: bool) -> str | None:
        asked.append(f"{profile}/{login}")
        return answers.pop(0)

    window.credentials.ask_passcode = prompt

    async def body() -> None:
        child(window, Button, "connectButton").click()
        await until(
            lambda: window.views() and window.views()[0].session.state is SessionState.FAILED,
            what="the login to be refused",
        )
        view = window.views()[0]
        text = view.banner.text()
        assert "refused the login for 'guest'" in text and "Access refused" in text, text
        assert "check the login and passcode" in text.lower()
        action = child(view, Button, "bannerAction")
        assert action.isVisible() and action.text() == "Re-enter passcode"
        # The refused passcode is forgotten: nothing stored, and the next Connect asks.
        assert window.store.get_secret("Rabbit", PASSCODE) is None
        child(window, Button, "connectButton").click()
        await until(
            lambda: (
                view.session.state is SessionState.FAILED
                and len(asked) == 1
                and view.banner.isVisible()
            ),
            what="the second refusal",
        )
        assert window.store.get_secret("Rabbit", PASSCODE) is None
        assert len(window.views()) == 1  # the same tab, connected again in place
        # The banner's action asks again; the right passcode connects and is then saved.
        child(view, Button, "bannerAction").click()
        await until(lambda: view.session.is_connected, what="the connection with 'guest'")
        assert asked == ["Rabbit/guest", "Rabbit/guest"]
        assert window.store.get_secret("Rabbit", PASSCODE) == "guest"

    run(body())


@pytest.mark.rabbitmq
@pytest.mark.parametrize("receipt", [True, False])
def test_refused_send_is_red_and_stays_out_of_the_tree(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker, receipt: bool
) -> None:
    from PySide6.QtWidgets import QCheckBox

    window = make_window()
    assert rabbitmq.ws_url is not None
    add_profile(
        window,
        Profile(name="Rabbit WS", url=rabbitmq.ws_url, login="guest", vhost="/"),
        passcode="guest",
    )
    result = child(window, QLabel, "composerResult")

    async def send(destination: str) -> None:
        child(window, QComboBox, "composerCommand").setCurrentText("SEND")
        child(window, QLineEdit, "composerDestination").setText(destination)
        child(window, QPlainTextEdit, "composerBody").setPlainText("x")
        child(window, QCheckBox, "composerReceipt").setChecked(receipt)
        result.setText("")
        child(window, QPushButton, "sendButton").click()
        await until(lambda: result.text() not in ("", "Sending…"), what="the send")

    async def body() -> None:
        view = await connect(window, "Rabbit WS")
        good = f"/queue/ok.{uuid.uuid4().hex[:8]}"
        await send(good)
        if receipt:
            assert result.property("valid") == "true" and "receipt after" in result.text()
        else:
            assert result.property("valid") == "unknown", result.text()
            assert "no receipt requested" in result.text()
        await until(
            lambda: view.session.destinations.tree.node(good) is not None,
            what="the confirmed destination in the tree",
        )
        await view.session.shutdown()
        await until(lambda: not view.session.is_active, what="the disconnect")
        window.open_profile(view.session.profile)  # RabbitMQ closes after an ERROR: a fresh one
        await until(lambda: view.session.is_connected, what="the reconnect")
        await send("/bogus/x")
        await until(
            lambda: result.property("valid") == "false",
            timeout=5,
            what="the refusal in the composer",
        )
        assert "/bogus/x" in result.text() or "bogus" in result.text().lower(), result.text()
        assert view.banner.isVisible() and "ERROR" in view.banner.text()
        # The refused destination never enters the tree, even after the refusal window.
        await asyncio.sleep(1.3)
        assert view.session.destinations.tree.node("/bogus/x") is None
        assert view.session.destinations.tree.node("/bogus") is None

    run(body())


@pytest.mark.activemq
def test_filtered_log_says_how_many_rows_match(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker
) -> None:
    window = make_window()
    add_profile(window, Profile(name="ActiveMQ", url=activemq.stomp_url))

    async def body() -> None:
        view = await connect(window, "ActiveMQ")
        destination = queue()
        await view.session.subscribe(destination)
        for text in ("apple", "banana", "cherry"):
            await view.session.client.send(destination, text)  # type: ignore[union-attr]
        await until(lambda: view.session.messages.rowCount() == 3, what="three messages")
        info = child(view, QLabel, "logInfo")
        await until(lambda: info.text().startswith("3 messages"), what="the total")
        view.log_pane.log_filter.setText("banana")
        view.flush_filters()
        await until(lambda: info.text().startswith("1 of 3 messages"), what="the match count")
        view.log_pane.log_filter.setText("")
        view.flush_filters()
        assert info.text().startswith("3 messages")

    run(body())


@pytest.mark.activemq
def test_tree_opens_only_branches_with_traffic(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker
) -> None:
    window = make_window()
    add_profile(window, Profile(name="ActiveMQ", url=activemq.stomp_url))

    async def body() -> None:
        from explorer.client import Client

        # Enough queues that discovery alone would bury everything if it all opened.
        prefix = f"/queue/many{uuid.uuid4().hex[:6]}"
        async with Client(activemq.stomp_url) as producer:
            for n in range(15):
                await producer.send(f"{prefix}.q{n}", "x", receipt=n == 14)
        view = await connect(window, "ActiveMQ")
        model = view.session.destinations
        # Advisories arrive in no particular order: wait for all fifteen, not the last sent.
        await until(
            lambda: (
                model.index_of(prefix).isValid() and model.rowCount(model.index_of(prefix)) >= 15
            ),
            what="the fifteen advisory queues in the tree",
        )
        many = model.index_of(prefix)
        assert not view.tree.isExpanded(many)
        live = queue()
        await view.session.subscribe(live)
        await view.session.client.send(live, "안녕")  # type: ignore[union-attr]
        await until(
            lambda: (
                model.index_of(live).isValid()
                and view.tree.isExpanded(model.index_of(live).parent())
            ),
            what="the branch with traffic to open",
        )
        view.tree_pane.expand_all()
        assert view.tree.isExpanded(many)

    run(body())


def test_first_run_window_uses_most_of_the_screen(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()  # no saved layout: the first-run geometry
    area = window.screen().availableGeometry()
    assert window.width() >= min(round(area.width() * 0.88), window.maximumWidth()) - 2
    assert window.height() >= round(area.height() * 0.88) - 2


def test_connection_failures_and_field_errors_are_worded_by_the_window(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    from explorer.profiles.errors import FieldError
    from explorer.ui.messages import describe_field_error, keyring_notice
    from explorer.ui.session import SessionState

    window = make_window()
    add_profile(window, Profile(name="Nobody", url="stomp://127.0.0.1:61699"))

    async def body() -> None:
        child(window, QPushButton, "connectButton").click()
        await until(
            lambda: window.views() and window.views()[0].session.state is SessionState.FAILED,
            what="the connection to fail",
        )
        text = window.views()[0].banner.text()
        # A sentence of the window's own (translatable), the client's words in parentheses.
        assert text.startswith("Nothing answers at this address"), text
        assert "(connection refused by 127.0.0.1:61699" in text

    run(body())
    assert (
        describe_field_error(FieldError("name", "the name is empty; give the profile a name"))
        == "Name: The name is empty: give the profile a name."
    )
    assert describe_field_error(FieldError("management.management_url", "bad")).startswith(
        "Management URL: "
    )
    assert keyring_notice().startswith("Passcodes are kept in memory only")


def test_banner_text_is_sentence_case(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    from explorer.ui.banner import Banner

    banner = Banner(window)
    banner.show_message("the broker refused the connection: x")
    assert banner.text() == "The broker refused the connection: x"
