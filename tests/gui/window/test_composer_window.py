"""The composer in the window, on the real brokers and the sandbox (issue 12): composerTarget
names the tab's connection, a comma is ActiveMQ's composite destination or refused, several
destinations get one SEND each with their own result, a body from a file is sent whole."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton

from explorer.profiles.model import Profile
from explorer.ui.main_window import MainWindow
from tests.gui.window.conftest import add_profile, child, connect, until
from tests.support.brokers import Broker

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def queue(prefix: str = "composer") -> str:
    return f"/queue/{prefix}.{uuid.uuid4().hex[:10]}"


def received(window: MainWindow, destination: str) -> list[bytes]:
    view = window.views()[-1]
    return [
        e.body
        for e in view.session.messages.log
        if e.direction == "in" and e.destination == destination
    ]


def press_send(window: MainWindow) -> None:
    window.composer.results.clear()
    child(window, QPushButton, "sendButton").click()


@pytest.mark.activemq
def test_a_composite_send_on_activemq(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker
) -> None:
    window = make_window()
    add_profile(window, Profile(name="ActiveMQ", url=activemq.stomp_url))

    async def body() -> None:
        view = await connect(window, "ActiveMQ")
        first, second = queue(), queue()
        await view.session.subscribe(first)
        await view.session.subscribe(second)
        target = child(window, QLabel, "composerTarget")
        assert "ActiveMQ" in target.text()
        window.composer.set_destination(f"{first},{second}")
        window.composer.body.setPlainText("both")
        window.composer.receipt.setChecked(True)
        assert window.composer.validate() is None
        assert "One SEND to 2 destinations" in window.composer.validation.text()
        press_send(window)
        await until(lambda: received(window, first) and received(window, second), what="both")
        model = view.session.messages
        await until(lambda: model.rowCount() >= 3, what="the rows")
        shown = [model.index(r, model.DESTINATION).data() for r in range(model.rowCount())]
        assert f"2 destinations: {first}, {second}" in shown
        tree = view.session.destinations.tree
        await until(lambda: first in tree.destinations() and second in tree.destinations())
        assert not any("," in d for d in tree.destinations())

    run(body())


@pytest.mark.rabbitmq
def test_a_comma_is_refused_on_rabbitmq(
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
        assert "Rabbit" in child(window, QLabel, "composerTarget").text()
        window.composer.set_destination("/queue/1002,/topic/x")
        window.composer.body.setPlainText("x")
        press_send(window)
        assert "only on ActiveMQ" in window.composer.result.text()
        assert not [e for e in view.session.messages.log if e.direction == "out"]

    run(body())


@pytest.mark.rabbitmq
def test_several_destinations_over_web_stomp(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    assert rabbitmq.ws_url is not None
    window = make_window()
    add_profile(
        window,
        Profile(name="Rabbit WS", url=rabbitmq.ws_url, login="guest", vhost="/"),
        passcode="guest",
    )

    async def body() -> None:
        view = await connect(window, "Rabbit WS")
        first, second = queue("multi"), queue("multi")
        await view.session.subscribe(first)
        await view.session.subscribe(second)
        window.composer.destinations.set_several(True)
        window.composer.destinations.list.setPlainText(f"{first}\n{second}")
        window.composer.body.setPlainText('{"copy": {{n}}}')
        window.composer.receipt.setChecked(True)
        press_send(window)
        results = child(window, QListWidget, "composerResults")
        await until(lambda: results.count() == 2, what="two results")
        texts = [results.item(r).text() for r in range(2)]
        assert texts[0].startswith(f"✓ {first}") and texts[1].startswith(f"✓ {second}")
        await until(lambda: received(window, first) and received(window, second), what="both")
        assert received(window, first) == [b'{"copy": 1}']
        assert "2 of 2" in window.composer.result.text()

    run(body())


def test_body_from_file_on_the_sandbox(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window(first_run=True)
    path = tmp_path / "big.bin"
    content = bytes(range(256)) * (12 * 1024)  # 3 MB, binary
    path.write_bytes(content)

    async def body() -> None:
        await until(lambda: window.views() and window.views()[0].session.is_connected)
        view = window.views()[0]
        destination = queue("file")
        await view.session.subscribe(destination)
        window.composer.set_destination(destination)
        assert window.composer.body_area.set_body_file(str(path))
        window.composer.receipt.setChecked(True)
        press_send(window)
        await until(lambda: received(window, destination), what="the file's bytes back")
        assert received(window, destination) == [content]
        assert window.composer.history()[0].body_file == str(path)

    run(body())


@pytest.mark.activemq
def test_results_go_when_the_tab_changes(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker
) -> None:
    window = make_window(first_run=True)
    add_profile(window, Profile(name="ActiveMQ", url=activemq.stomp_url))

    async def body() -> None:
        await until(lambda: window.views() and window.views()[0].session.is_connected)
        target = child(window, QLabel, "composerTarget")
        assert "Sandbox" in target.text()
        window.composer.show_result("receipt after 2.0 ms", ok=True)
        await connect(window, "ActiveMQ")
        assert "ActiveMQ" in target.text()
        assert window.composer.result.text() == ""

    run(body())
