"""Connections (issue 12): an edited profile offers to reconnect its tab in place (defect 3),
every secret is asked for without a keyring (defect 4), closing asks before unexported
messages go (defect 14), tab names never collide, state dots and the status summary follow
the tabs, and the last session reopens."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import null
from PySide6.QtWidgets import QLabel, QPushButton

from explorer.profiles import MANAGEMENT_PASSWORD
from explorer.profiles.model import Management, Profile
from explorer.profiles.secrets import SecretStore
from explorer.session.compose import ComposeRequest
from explorer.ui.connection_view import ConnectionView
from explorer.ui.main_window import MainWindow
from explorer.ui.session import SessionState
from tests.gui.window.conftest import add_profile, child, connect, until
from tests.support.brokers import Broker
from tests.support.sandbox import running_sandbox

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


async def send(view: ConnectionView, destination: str, body: str) -> None:
    headers = (("destination", destination),)
    await view.session.execute(ComposeRequest("SEND", headers, body.encode(), receipt=True))


def log_bodies(view: ConnectionView) -> list[str]:
    model = view.session.messages
    model.flush()
    return [model.entry_at(r).body.decode() for r in range(model.rowCount())]


# -- defect 3: an edited profile reconnects its tab in place -------------------------------------


@pytest.mark.activemq
def test_adding_a_jolokia_url_offers_to_reconnect_and_keeps_the_log_and_tree(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker
) -> None:
    window = make_window()
    add_profile(window, Profile(name="ActiveMQ", url=activemq.stomp_url))
    queue = f"/queue/edit.{uuid.uuid4().hex[:8]}"

    async def body() -> None:
        view = await connect(window, "ActiveMQ")
        await view.session.subscribe(queue)
        await send(view, queue, "before the edit")
        await until(lambda: log_bodies(view).count("before the edit") == 2, what="in and out")
        assert view.session.profile.management.jolokia_url is None
        # Edit the profile through its dialog: add the Jolokia URL.
        assert window.select_profile("ActiveMQ")
        dialog = window.profiles.edit_profile()
        assert dialog is not None
        dialog.jolokia_edit.setText(activemq.management_url or "")
        dialog.save_button.click()
        action = child(view, QPushButton, "bannerAction")
        await until(action.isVisible, what="the reconnect offer")
        assert action.text() == "Reconnect now with the new settings"
        assert view.session.is_connected  # nothing happens until asked
        action.click()
        await until(
            lambda: (
                view.session.profile.management.jolokia_url == activemq.management_url
                and view.session.is_connected
            ),
            what="the reconnection with the new settings",
        )
        assert window.views() == [view]  # the same tab...
        assert log_bodies(view).count("before the edit") == 2  # ...with its log
        assert view.session.destinations.tree.node(queue) is not None  # ...and tree
        await until(lambda: queue in view.session.subscriptions, what="the subscription again")
        # The new setting works: Jolokia now lists the queue.
        await until(
            lambda: (
                (node := view.session.destinations.tree.node(queue)) is not None
                and "management" in node.sources  # Jolokia shows as management
            ),
            timeout=30,
            what="Jolokia discovery",
        )

    run(body())


# -- defect 4: no keyring, every secret asked for ------------------------------------------------


@pytest.mark.rabbitmq
def test_without_a_keyring_the_management_password_is_asked_for_too(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker, tmp_path: Path
) -> None:
    window = make_window()
    window.store.secrets = SecretStore(null.Keyring())
    management = Management(management_url=rabbitmq.management_url, login="guest")
    # As after an import (or a restart without a keyring): the profile, no secrets at all.
    exported = tmp_path / "team.json"
    window.store.add(
        Profile(
            name="Rabbit", url=rabbitmq.stomp_url, login="guest", vhost="/", management=management
        )
    )
    window.profiles.export_to(exported)
    window.store.remove("Rabbit")
    window.profiles.import_from(exported)
    assert window.store.get_secret("Rabbit", MANAGEMENT_PASSWORD) is None
    asked: list[tuple[str, str]] = []

    async def passcode(profile: str, login: str, _persistent: bool) -> str | None:
        asked.append(("passcode", login))
        return "guest"

    async def management_password(profile: str, login: str, _persistent: bool) -> str | None:
        asked.append(("management", login))
        return "guest"

    window.credentials.ask_passcode = passcode
    window.credentials.ask_management_password = management_password
    queue = f"/queue/secret.{uuid.uuid4().hex[:8]}"

    async def body() -> None:
        view = await connect(window, "Rabbit")
        assert asked == [("passcode", "guest"), ("management", "guest")]
        await view.session.subscribe(queue)
        await until(
            lambda: (
                (node := view.session.destinations.tree.node(queue)) is not None
                and "management" in node.sources
            ),
            timeout=30,
            what="management discovery with the typed password",
        )
        assert view.session.discovery_problem is None
        # Connecting again in this run asks for nothing more.
        await view.session.shutdown()
        asked.clear()
        child(window, QPushButton, "connectButton").click()
        await until(lambda: view.session.is_connected, what="the reconnection")
        assert asked == []

    run(body())


# -- defect 14: closing asks before unexported messages go ---------------------------------------


def test_closing_a_tab_or_quitting_asks_before_discarding_unexported_messages(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window()
    questions: list[str] = []
    answers: list[tuple[bool, bool]] = []

    async def ask(question: str) -> tuple[bool, bool]:
        questions.append(question)
        return answers.pop(0)

    guard = window.tabs.guard
    assert guard is not None
    guard.ask = ask

    async def body() -> None:
        async with running_sandbox() as broker:
            add_profile(window, Profile(name="Private", url=broker.tcp_url))
            view = await connect(window, "Private")
            await view.session.subscribe("/queue/kept")
            for n in range(3):
                await send(view, "/queue/kept", f"m{n}")
            await until(lambda: len(log_bodies(view)) == 6, what="3 out and 3 in")
            # Cancel: the tab stays, with its messages.
            answers.append((False, False))
            window.tabs.close_tab(window.tabs.indexOf(view))
            await until(lambda: questions, what="the question")
            assert "6 message(s) that were not exported" in questions[0]
            assert "Private" in questions[0]
            assert window.views() == [view]
            # Export all: nothing left to lose, closing does not ask.
            assert view.log_pane.export_to(tmp_path / "all.jsonl", "all") == 6
            assert view.session.unexported == 0
            await send(view, "/queue/kept", "after the export")
            await until(lambda: view.session.unexported == 2, what="two new messages")

            class Recorder:  # a capture file holds everything it records
                keeps_messages = True

            view.session.add_sink(Recorder())  # type: ignore[arg-type]
            assert view.session.unexported == 0
            view.session.remove_sink(view.session._extra_sinks[0])
            # Quitting asks for all tabs; "don't ask again" is remembered.
            answers.append((True, True))
            window.close()
            await until(lambda: window._closed_cleanly, what="the window to close")
            assert "Quit and discard" in questions[-1]
            assert window.settings.ask_unexported is False

    run(body())


# -- names, dots, summary, last session ---------------------------------------------------------


def test_tab_names_never_collide_and_dots_and_summary_follow_the_tabs(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox() as broker:
            add_profile(window, Profile(name="Twice", url=broker.tcp_url))
            add_profile(window, Profile(name="Nowhere", url="stomp://127.0.0.1:9"))
            first = await connect(window, "Twice")
            second = await connect(window, "Twice")  # the first is up: a second tab
            assert [window.tabs.tabText(i) for i in range(2)] == ["Twice", "Twice (2)"]
            assert first is not second
            assert window.select_profile("Nowhere")
            window.connect_selected()
            await until(
                lambda: (
                    len(window.views()) == 3
                    and window.views()[2].session.state is SessionState.FAILED
                ),
                what="the failed connection",
            )
            summary = child(window, QLabel, "connectionSummary")
            assert summary.text() == "2 connected · 1 failed"
            model = window.profiles.model
            states = {p.name: model.state(p.name) for p in model.rows}
            assert states["Twice"] == "connected" and states["Nowhere"] == "failed"
            for view in window.views():
                await view.session.shutdown()
            await until(lambda: summary.text() == "1 failed · 2 disconnected", what="the summary")

    run(body())


def test_the_last_session_reopens_with_its_subscriptions(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()
    window.settings.reopen_session = True

    async def body() -> None:
        async with running_sandbox() as broker:
            add_profile(window, Profile(name="Again", url=broker.tcp_url))
            view = await connect(window, "Again")
            await view.session.subscribe("/queue/again")
            await view.session.subscribe("/topic/again.>")
            window.save_layout()
            await window.shutdown()
            reopened = make_window()
            await until(
                lambda: reopened.views() and reopened.views()[0].session.is_connected,
                what="the reopened tab",
            )
            tab = reopened.views()[0]
            assert tab.session.name == "Again"
            await until(
                lambda: set(tab.session.subscriptions) == {"/queue/again", "/topic/again.>"},
                what="the subscriptions again",
            )

    run(body())


def test_profile_edit_of_an_unused_profile_offers_nothing(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox() as broker:
            add_profile(window, Profile(name="Used", url=broker.tcp_url))
            add_profile(window, Profile(name="Other", url=broker.tcp_url))
            view = await connect(window, "Used")
            other = window.store.get("Other")
            window.opener.profile_saved(replace(other, notes="changed"), "Other")
            assert not view.banner.isVisible()

    run(body())


def test_settings_turn_reopening_and_the_close_question_on_and_off(
    make_window: Callable[..., MainWindow],
) -> None:
    from PySide6.QtWidgets import QCheckBox

    from explorer.ui.settings_dialog import SettingsDialog

    window = make_window()
    assert window.settings.reopen_session is False and window.settings.ask_unexported is True
    dialog = SettingsDialog(window.settings, window)
    child(dialog, QCheckBox, "reopenSession").setChecked(True)
    child(dialog, QCheckBox, "askUnexported").setChecked(False)
    dialog.accept()
    assert window.settings.reopen_session is True and window.settings.ask_unexported is False
