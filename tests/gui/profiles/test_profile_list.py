"""The profile list: new/edit/duplicate/delete with undo/reorder/hide, quick connect."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListView
from pytestqt.qtbot import QtBot

from explorer.client import Client
from explorer.profiles import PASSCODE, Profile, ProfileStore, client_kwargs, settings_for
from explorer.ui.profile_list import ProfileListWidget
from tests.support.brokers import Broker
from tests.support.keyrings import MemoryKeyring

pytestmark = pytest.mark.gui

SANDBOX = Profile("Sandbox", "stomp://127.0.0.1:61699")


def make_list(qtbot: QtBot, store: ProfileStore) -> ProfileListWidget:
    widget = ProfileListWidget(store)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def names(widget: ProfileListWidget) -> list[str]:
    return [p.name for p in widget.model.rows]


@pytest.fixture
def store() -> ProfileStore:
    s = ProfileStore(builtins=[SANDBOX])
    for n in ("a", "b", "c"):
        s.add(Profile(n, f"stomp://{n}.example:61613"))
    return s


def test_object_names_and_order(qtbot: QtBot, store: ProfileStore) -> None:
    widget = make_list(qtbot, store)
    view = widget.findChild(QListView, "profileList")
    assert view is widget.view
    assert widget.findChild(QLineEdit, "quickConnect") is widget.quick_connect
    assert names(widget) == ["Sandbox", "a", "b", "c"]
    assert widget.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("stomp://a.")


def test_new_profile_through_the_dialog_appears_and_is_selected(
    qtbot: QtBot, store: ProfileStore
) -> None:
    widget = make_list(qtbot, store)
    with qtbot.waitSignal(widget.profiles_changed):
        dialog = widget.new_profile()
        dialog.name_edit.setText("d")
        dialog.url_edit.setText("stomp://d:61613")
        dialog.save_button.click()
    assert names(widget) == ["Sandbox", "a", "b", "c", "d"]
    assert widget.selected() == store.get("d")
    assert "d" in ProfileStore(builtins=[SANDBOX])


def test_edit_is_refused_for_builtins_and_works_for_saved(
    qtbot: QtBot, store: ProfileStore
) -> None:
    widget = make_list(qtbot, store)
    widget.select("Sandbox")
    assert not widget.action_edit.isEnabled()
    assert not widget.action_delete.isEnabled()
    assert widget.action_duplicate.isEnabled()
    assert widget.edit_profile() is None
    widget.select("b")
    dialog = widget.edit_profile()
    assert dialog is not None and dialog.name_edit.text() == "b"
    dialog.name_edit.setText("b2")
    dialog.save_button.click()
    assert names(widget) == ["Sandbox", "a", "b2", "c"]
    assert widget.selected() is not None and widget.selected().name == "b2"  # type: ignore[union-attr]


def test_delete_then_undo_brings_back_profile_and_secret(
    qtbot: QtBot, store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.set_secret("b", PASSCODE, "pw")
    widget = make_list(qtbot, store)
    widget.select("b")
    widget.action_delete.trigger()
    assert names(widget) == ["Sandbox", "a", "c"]
    assert "b" not in ProfileStore(builtins=[SANDBOX])
    assert memory_keyring.passwords == {}
    assert widget.undo_bar.isVisible()
    assert "“b”" in widget.undo_label.text()
    qtbot.mouseClick(widget.undo_button, Qt.MouseButton.LeftButton)
    assert names(widget) == ["Sandbox", "a", "b", "c"]
    assert store.get_secret("b", PASSCODE) == "pw"
    assert not widget.undo_bar.isVisible()


def test_duplicate_and_reorder(qtbot: QtBot, store: ProfileStore) -> None:
    widget = make_list(qtbot, store)
    widget.select("a")
    widget.action_duplicate.trigger()
    assert names(widget) == ["Sandbox", "a", "b", "c", "a (2)"]
    assert widget.selected() is not None and widget.selected().name == "a (2)"  # type: ignore[union-attr]
    widget.action_up.trigger()
    widget.action_up.trigger()
    assert names(widget) == ["Sandbox", "a", "a (2)", "b", "c"]
    widget.select("a")
    assert not widget.action_up.isEnabled()  # built-ins stay on top
    widget.action_down.trigger()
    assert ProfileStore(builtins=[SANDBOX]).names() == ["Sandbox", "a (2)", "a", "b", "c"]


def test_hide_and_show_hidden(qtbot: QtBot, store: ProfileStore) -> None:
    widget = make_list(qtbot, store)
    widget.select("Sandbox")
    widget.action_hide.trigger()
    assert names(widget) == ["a", "b", "c"]
    widget.show_hidden.setChecked(True)
    assert names(widget) == ["Sandbox", "a", "b", "c"]
    widget.select("Sandbox")
    assert widget.action_hide.text() == "Show"
    widget.action_hide.trigger()
    widget.show_hidden.setChecked(False)
    assert names(widget) == ["Sandbox", "a", "b", "c"]


def test_quick_connect_emits_an_unsaved_profile(qtbot: QtBot, store: ProfileStore) -> None:
    widget = make_list(qtbot, store)
    qtbot.keyClicks(widget.quick_connect, "ws://guest@localhost:15674/ws")
    with qtbot.waitSignal(widget.connect_requested) as blocker:
        qtbot.keyClick(widget.quick_connect, Qt.Key.Key_Return)
    profile = blocker.args[0]
    assert (profile.url, profile.login) == ("ws://localhost:15674/ws", "guest")
    assert profile.name not in store

    widget.quick_connect.setText("mqtt://nope")
    with qtbot.assertNotEmitted(widget.connect_requested):
        qtbot.keyClick(widget.quick_connect, Qt.Key.Key_Return)
    assert widget.quick_error.isVisible()
    assert "unknown scheme 'mqtt'" in widget.quick_error.text()


def test_activating_a_row_asks_to_connect(qtbot: QtBot, store: ProfileStore) -> None:
    widget = make_list(qtbot, store)
    widget.select("c")
    with qtbot.waitSignal(widget.connect_requested) as blocker:
        widget.view.activated.emit(widget.view.currentIndex())
    assert blocker.args[0] == store.get("c")


def test_load_warnings_and_memory_only_secrets_are_shown(
    qtbot: QtBot, isolated_config: Path
) -> None:
    (isolated_config / "profiles.json").write_text("garbage")
    widget = make_list(qtbot, ProfileStore())
    assert widget.warnings.isVisible()
    assert "profiles.json.corrupt-" in widget.warnings.text()


@pytest.mark.activemq
def test_create_restart_find_and_connect_to_activemq(
    qtbot: QtBot, activemq: Broker, qloop: asyncio.AbstractEventLoop
) -> None:
    first = make_list(qtbot, ProfileStore())
    dialog = first.new_profile()
    qtbot.keyClicks(dialog.name_edit, "My ActiveMQ")
    qtbot.keyClicks(dialog.url_edit, "stomp://127.0.0.1:1")  # wrong port first
    dialog.url_edit.setText(activemq.stomp_url + "x")
    assert "not a number" in dialog.summary.text()
    dialog.url_edit.setText(activemq.stomp_url)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    first.close()

    restarted = make_list(qtbot, ProfileStore())  # a new window reading the file again
    assert "My ActiveMQ" in names(restarted)
    restarted.select("My ActiveMQ")
    with qtbot.waitSignal(restarted.connect_requested) as blocker:
        restarted.action_connect.trigger()
    profile = blocker.args[0]

    async def connect() -> tuple[str | None, str | None]:
        settings = settings_for(profile, restarted.store)
        client = Client(settings.endpoint, **client_kwargs(settings))
        await client.connect()
        try:
            return client.version, client.server
        finally:
            await client.disconnect()

    version, server = qloop.run_until_complete(connect())
    assert version == "1.2"
    assert (server or "").startswith("ActiveMQ/")
