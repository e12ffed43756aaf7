"""The profile dialog: create, see validation, save, "restart", test a connection."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidgetItem
from pytestqt.qtbot import QtBot

from explorer.profiles import (
    PASSCODE,
    Profile,
    ProfileStore,
    header_field,
    probe_connection,
)
from explorer.ui.profile_dialog import ProfileDialog
from tests.support.brokers import Broker
from tests.support.keyrings import MemoryKeyring

pytestmark = pytest.mark.gui


def make_dialog(
    qtbot: QtBot, store: ProfileStore, profile: Profile | None = None, **kwargs: object
) -> ProfileDialog:
    dialog = ProfileDialog(store, profile, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def error_text(dialog: ProfileDialog, field: str) -> str:
    label = dialog.findChild(QLabel, f"error_{field.replace('.', '_')}")
    assert label is not None
    return "" if label.isHidden() else label.text()


def test_create_a_profile_save_and_find_it_after_a_restart(
    qtbot: QtBot, memory_keyring: MemoryKeyring, isolated_config: Path
) -> None:
    store = ProfileStore()
    dialog = make_dialog(qtbot, store)
    assert not dialog.save_button.isEnabled()  # an empty form cannot be saved
    assert "name is empty" in dialog.save_button.toolTip()
    assert error_text(dialog, "name") == ""  # no red text before the user types anything

    qtbot.keyClicks(dialog.name_edit, "Local RabbitMQ")
    qtbot.keyClicks(dialog.url_edit, "stomp://localhost:61623")
    qtbot.keyClicks(dialog.login_edit, "guest")
    qtbot.keyClicks(dialog.passcode_edit, "guest-SECRET")
    dialog.hb_send.setValue(4000)
    dialog.version_boxes["1.0"].setChecked(False)
    dialog.split_combo.setCurrentIndex(dialog.split_combo.findData("."))
    dialog.colour_edit.setText("#ff0000")
    dialog.notes_edit.setPlainText("team broker")
    assert dialog.errors == []
    assert dialog.save_button.isEnabled()

    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].name == "Local RabbitMQ"
    assert dialog.result() == ProfileDialog.DialogCode.Accepted
    assert b"SECRET" not in (isolated_config / "profiles.json").read_bytes()

    restarted = ProfileStore()
    p = restarted.get("Local RabbitMQ")
    assert (p.url, p.login, p.heart_beat.send_ms, p.versions, p.split_rule, p.colour, p.notes) == (
        "stomp://localhost:61623",
        "guest",
        4000,
        ("1.1", "1.2"),
        ".",
        "#ff0000",
        "team broker",
    )
    assert restarted.get_secret("Local RabbitMQ", PASSCODE) == "guest-SECRET"


def test_bad_input_shows_messages_next_to_the_fields(qtbot: QtBot, tmp_path: Path) -> None:
    store = ProfileStore()
    store.add(Profile("taken", "stomp://h"))
    dialog = make_dialog(qtbot, store)
    qtbot.keyClicks(dialog.name_edit, "taken")
    qtbot.keyClicks(dialog.url_edit, "mqtt://broker:99")
    assert "already exists" in error_text(dialog, "name")
    assert "unknown scheme 'mqtt'" in error_text(dialog, "url")
    assert not dialog.save_button.isEnabled()
    assert "Cannot save yet" in dialog.summary.text()

    dialog.url_edit.setText("stomp+ssl://broker:99999")
    assert "between 1 and 65535" in error_text(dialog, "url")
    dialog.url_edit.setText("stomp+ssl://broker")
    dialog.ca_file_edit.setText(str(tmp_path / "missing.pem"))
    assert "does not exist" in error_text(dialog, "tls.ca_file")
    for box in dialog.version_boxes.values():
        box.setChecked(False)
    assert "at least one" in error_text(dialog, "versions")
    dialog.reconnect_initial.setValue(60_000)
    assert "longer than the maximum" in error_text(dialog, "reconnect")

    dialog.name_edit.setText("fresh")
    dialog.ca_file_edit.clear()
    dialog.version_boxes["1.2"].setChecked(True)
    dialog.reconnect_initial.setValue(1000)
    assert dialog.errors == []
    assert error_text(dialog, "url") == ""
    assert dialog.save_button.isEnabled()


def test_editing_keeps_every_field_and_moves_secrets_on_rename(
    qtbot: QtBot, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    from tests.unit.profiles.helpers import full_tls_profile

    store = ProfileStore()
    original = full_tls_profile(tmp_path)
    store.add(original, {PASSCODE: "pw", header_field("Authorization"): "Bearer x"})
    dialog = make_dialog(qtbot, store, store.get("prod"))
    assert dialog.passcode_edit.text() == "pw"
    built, secrets, extra = dialog.build()
    assert extra == []
    assert built == original
    assert secrets[header_field("Authorization")] == "Bearer x"

    dialog.name_edit.setText("prod-eu")
    row = dialog.subs_table.rowCount()
    dialog.subs_table.insertRow(row)
    dialog.subs_table.setItem(row, 0, QTableWidgetItem("/queue/new"))
    dialog.subs_table.setItem(row, 2, QTableWidgetItem("selector"))
    assert "should be name=value" in error_text(dialog, "subscriptions")
    dialog.subs_table.item(row, 2).setText("selector=x > 1")  # type: ignore[union-attr]
    assert dialog.errors == []
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    again = ProfileStore().get("prod-eu")
    assert again.subscriptions[-1].headers == (("selector", "x > 1"),)
    assert "prod" not in ProfileStore()
    assert ProfileStore().get_secret("prod-eu", header_field("Authorization")) == "Bearer x"
    assert all(not user.startswith("prod/") for _, user in memory_keyring.passwords)


def run_test_button(dialog: ProfileDialog, loop: asyncio.AbstractEventLoop) -> tuple[bool, str]:
    result: asyncio.Future[tuple[bool, str]] = loop.create_future()

    def finished(ok: bool, text: str) -> None:
        if not result.done():
            result.set_result((ok, text))

    dialog.test_finished.connect(finished)

    async def scenario() -> tuple[bool, str]:
        dialog.test_button.click()
        return await asyncio.wait_for(result, 30)

    return loop.run_until_complete(scenario())


def test_test_connection_reports_and_shows_failures(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    seen: list[tuple[Profile, dict[str, str]]] = []

    async def fake(profile: Profile, secrets: dict[str, str]) -> str:
        seen.append((profile, secrets))
        await asyncio.sleep(0)
        if secrets.get(PASSCODE) != "right":
            raise RuntimeError("access refused: check the passcode")
        return "STOMP 1.2 with FakeMQ/1"

    dialog = make_dialog(qtbot, ProfileStore(), test_connection=fake)
    dialog.url_edit.setText("stomp://localhost:1")
    dialog.passcode_edit.setText("wrong")
    ok, text = run_test_button(dialog, qloop)
    assert (ok, text) == (False, "Failed: access refused: check the passcode")
    assert seen[0][0].url == "stomp://localhost:1"  # works before the profile has a name
    dialog.passcode_edit.setText("right")
    ok, text = run_test_button(dialog, qloop)
    assert (ok, text) == (True, "Connected: STOMP 1.2 with FakeMQ/1")
    assert dialog.test_result.text() == text
    assert dialog.test_button.isEnabled()
    dialog.url_edit.setText("nonsense")
    ok, text = run_test_button(dialog, qloop)
    assert not ok and "Fix first: URL:" in text


@pytest.mark.activemq
def test_test_connection_with_the_real_activemq(
    qtbot: QtBot, activemq: Broker, qloop: asyncio.AbstractEventLoop
) -> None:
    store = ProfileStore()
    dialog = make_dialog(qtbot, store, test_connection=probe_connection)
    dialog.name_edit.setText("amq")
    dialog.url_edit.setText(activemq.stomp_url)
    ok, text = run_test_button(dialog, qloop)
    assert ok, text
    assert text.startswith("Connected: STOMP 1.2 with ActiveMQ/")
    assert "heart-beat: send every 10000 ms, expect every 10000 ms" in text
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ProfileStore().get("amq").url == activemq.stomp_url


def test_secret_header_values_are_masked_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from tests.unit.profiles.helpers import full_tls_profile

    store = ProfileStore()
    store.add(full_tls_profile(tmp_path), {header_field("Authorization"): "Bearer x"})
    dialog = make_dialog(qtbot, store, store.get("prod"))
    table = dialog.ws_headers
    delegate = table.itemDelegateForColumn(1)
    shown = {}
    for row in range(table.rowCount()):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, table.model().index(row, 1))  # type: ignore[attr-defined]
        shown[table.item(row, 0).text()] = option.text  # type: ignore[union-attr]
    assert shown == {"X-Team": "blue", "Authorization": "\u2022" * 8}
