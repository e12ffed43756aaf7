"""The profile dialog's "Token & SockJS" page: CONNECT headers (credentials to the keyring),
the bearer token's source and placement, browser-like mode, the SockJS transport; what
cannot work is said next to the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTableWidgetItem
from pytestqt.qtbot import QtBot

from explorer.client import SockJsError, TokenError
from explorer.profiles import (
    TOKEN,
    Profile,
    ProfileStore,
    TokenSettings,
    WebSocketSettings,
    connect_header_field,
)
from explorer.ui.messages import describe_client_error
from explorer.ui.profile_dialog import ProfileDialog
from tests.support.keyrings import MemoryKeyring

pytestmark = pytest.mark.gui


def make_dialog(qtbot: QtBot, store: ProfileStore, profile: Profile | None = None) -> ProfileDialog:
    dialog = ProfileDialog(store, profile)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def error_text(dialog: ProfileDialog, field: str) -> str:
    label = dialog.findChild(QLabel, f"error_{field.replace('.', '_')}")
    assert label is not None
    return "" if label.isHidden() else label.text()


def add_header(dialog: ProfileDialog, name: str, value: str) -> None:
    table = dialog.connect_headers
    row = table.rowCount()
    table.insertRow(row)
    table.setItem(row, 0, QTableWidgetItem(name))
    table.setItem(row, 1, QTableWidgetItem(value))


def test_a_spring_profile_is_saved_with_its_secrets_in_the_keyring(
    qtbot: QtBot, memory_keyring: MemoryKeyring, isolated_config: Path
) -> None:
    store = ProfileStore()
    dialog = make_dialog(qtbot, store)
    qtbot.keyClicks(dialog.name_edit, "Spring app")
    qtbot.keyClicks(dialog.url_edit, "https://app.example/ws")
    add_header(dialog, "client-id", "qa")
    add_header(dialog, "X-CSRF-TOKEN", "csrf-SECRET")
    dialog.token_source.setCurrentIndex(dialog.token_source.findData("keyring"))
    assert dialog.token_value_edit.isEnabled() and not dialog.token_command_edit.isEnabled()
    qtbot.keyClicks(dialog.token_value_edit, "jwt-SECRET")
    dialog.token_placement.setCurrentIndex(dialog.token_placement.findData("query"))
    dialog.browser_like_box.setChecked(True)
    dialog.sockjs_transport.setCurrentIndex(dialog.sockjs_transport.findData("xhr-streaming"))
    assert dialog.errors == [], dialog.errors
    dialog.save_button.click()

    saved = ProfileStore().get("Spring app")
    assert saved.connect_headers == (("client-id", "qa"),)
    assert saved.secret_connect_headers == ("X-CSRF-TOKEN",)
    assert saved.token == TokenSettings("keyring", placement="query")
    assert saved.websocket.browser_like and saved.websocket.sockjs_transport == "xhr-streaming"
    assert "SECRET" not in (isolated_config / "profiles.json").read_text()
    secrets = store.get_secrets("Spring app")
    assert secrets[TOKEN] == "jwt-SECRET"
    assert secrets[connect_header_field("X-CSRF-TOKEN")] == "csrf-SECRET"


def test_the_page_shows_a_saved_profile_and_its_secrets(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    store = ProfileStore()
    profile = Profile(
        "cmd",
        "http://127.0.0.1:8080/ws",
        token=TokenSettings("command", command="get-jwt", placement="cookie", name="SESSION"),
        secret_connect_headers=("Authorization",),
    )
    store.add(profile, {connect_header_field("Authorization"): "Bearer abc"})
    dialog = make_dialog(qtbot, store, store.get("cmd"))
    assert dialog.token_source.currentData() == "command"
    assert dialog.token_command_edit.text() == "get-jwt" and dialog.token_command_edit.isEnabled()
    assert dialog.token_placement.currentData() == "cookie"
    assert dialog.token_name_edit.text() == "SESSION"
    item = dialog.connect_headers.item(0, 1)
    assert item is not None and item.text() == "Bearer abc"


def test_what_a_browser_page_cannot_do_is_said_next_to_the_field(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    store = ProfileStore()
    profile = Profile(
        "b", "wss://app.example/ws", websocket=WebSocketSettings(headers=(("X-Tenant", "a"),))
    )
    dialog = make_dialog(qtbot, store, profile)
    assert dialog.errors == []
    dialog.browser_like_box.setChecked(True)
    assert "cannot set handshake headers (X-Tenant)" in error_text(dialog, "websocket.browser_like")
    assert not dialog.save_button.isEnabled()
    dialog.browser_like_box.setChecked(False)
    dialog.url_edit.setText("stomp://h:61613")
    dialog.sockjs_transport.setCurrentIndex(dialog.sockjs_transport.findData("websocket"))
    assert "not http:// or https://" in error_text(dialog, "websocket.sockjs_transport")


def test_the_window_words_token_and_sockjs_failures() -> None:
    text = describe_client_error(TokenError("the token command failed with exit code 1", "command"))
    assert text.startswith("No usable bearer token") and "exit code 1" in text
    text = describe_client_error(SockJsError("http://h:80/x is neither a SockJS endpoint ..."))
    assert text.startswith("This http(s) address does not speak SockJS") and "neither" in text


def test_a_quick_connections_tab_name_hides_a_typed_token() -> None:
    from explorer.ui.profile_exchange import quick_name

    assert quick_name("wss://u@app.example/ws?access_token=abc/") == (
        "wss://app.example/ws?access_token=***"
    )
    assert quick_name("stomp://guest@host:61613/") == "stomp://host:61613"


def test_a_quick_connection_with_a_token_in_its_url_is_not_remembered(
    memory_keyring: MemoryKeyring,
) -> None:
    import json

    from explorer.profiles import profile_from_url
    from explorer.ui.last_session import snapshot

    class Tab:
        def __init__(self, url: str) -> None:
            self.profile = profile_from_url(url, name=url)

        def subscription_specs(self) -> tuple[()]:
            return ()

    tabs = [Tab("wss://h/ws?access_token=abc"), Tab("ws://h:15674/ws")]
    written = snapshot(tabs, ProfileStore())  # type: ignore[arg-type]
    assert "abc" not in written
    assert [t["url"] for t in json.loads(written)] == ["ws://h:15674/ws"]
