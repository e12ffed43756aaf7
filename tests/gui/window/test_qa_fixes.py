"""Fixes for QA's findings on the window: raw frames, refused logins, refused SENDs."""

from __future__ import annotations

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
def test_raw_send_reaches_the_broker(make_window: Callable[..., MainWindow], run: Run,
                                     activemq: Broker) -> None:
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
        for text in (f"SEND\ndestination:{destination}\n\nraw 안녕",
                     f"SEND\ndestination:{destination}\n\nraw 안녕 2␀"):
            body_edit.setPlainText(text)
            result.setText("")
            child(window, QPushButton, "sendButton").click()
            await until(lambda: result.text() not in ("", "Sending…"), what="the raw send")
            assert result.property("valid") == "true", result.text()
        await until(lambda: ("in", destination, "raw 안녕 2") in log_rows(view),
                    what="the raw frames to come back")
        assert ("in", destination, "raw 안녕") in log_rows(view)
        assert ("out", destination, "raw 안녕") in log_rows(view)

    run(body())
