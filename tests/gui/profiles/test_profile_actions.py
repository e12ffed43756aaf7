"""The connections pane's list (issue 12): an icon toolbar and a context menu instead of seven
text buttons, state dots, import/export, a dismissible keyring note, quick-connect names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keyring.backends import null
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from explorer.profiles import Profile, ProfileStore
from explorer.profiles.secrets import SecretStore
from explorer.ui.profile_exchange import quick_name
from explorer.ui.profile_list import STATE_ROLE, ProfileListWidget

pytestmark = pytest.mark.gui


def make_list(qtbot: QtBot, store: ProfileStore, keyring_note: bool = True) -> ProfileListWidget:
    widget = ProfileListWidget(store, show_keyring_note=keyring_note)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def store() -> ProfileStore:
    s = ProfileStore()
    for n in ("a", "b"):
        s.add(Profile(n, f"stomp://{n}.example:61613"))
    return s


def test_one_row_of_icons_with_tooltips_and_the_rest_behind_more(
    qtbot: QtBot, store: ProfileStore
) -> None:
    widget = make_list(qtbot, store)
    toolbars = widget.findChildren(QToolBar)
    assert [t.objectName() for t in toolbars] == ["profileToolbar"]
    buttons = [b for b in toolbars[0].findChildren(QToolButton) if b.isVisible()]
    assert len(buttons) == 6  # connect, new, edit, duplicate, delete, more
    for button in buttons:
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        assert not button.icon().isNull()
        assert button.toolTip()
    more = {a.objectName() for a in widget.more_menu.actions() if a.objectName()}
    assert {
        "actionMoveProfileUp",
        "actionMoveProfileDown",
        "actionHideProfile",
        "actionShowHiddenProfiles",
        "actionImportProfiles",
        "actionExportProfiles",
    } <= more


def test_the_context_menu_acts_on_the_row(qtbot: QtBot, store: ProfileStore) -> None:
    widget = make_list(qtbot, store)
    widget.select("b")
    menu = widget.context_actions()
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names[0] == "actionConnectProfile" and "actionDeleteProfile" in names
    with qtbot.waitSignal(widget.connect_requested) as blocker:
        next(a for a in menu.actions() if a.objectName() == "actionConnectProfile").trigger()
    assert blocker.args[0].name == "b"


def test_state_dots_follow_the_states_the_window_gives(qtbot: QtBot, store: ProfileStore) -> None:
    widget = make_list(qtbot, store)
    model = widget.model
    a = model.index(model.row_of("a"), 0)
    idle = a.data(Qt.ItemDataRole.DecorationRole).pixmap(22, 14).toImage()
    widget.set_states({"a": "connected", "b": "failed"})
    assert a.data(STATE_ROLE) == "connected"
    assert model.index(model.row_of("b"), 0).data(STATE_ROLE) == "failed"
    assert "connected" in a.data(Qt.ItemDataRole.ToolTipRole)
    assert a.data(Qt.ItemDataRole.DecorationRole).pixmap(22, 14).toImage() != idle
    widget.set_states({})
    assert a.data(STATE_ROLE) == "idle"


def test_export_then_import_round_trip_without_secrets(
    qtbot: QtBot, store: ProfileStore, tmp_path: Path
) -> None:
    store.set_secret("a", "passcode", "s3cret")
    widget = make_list(qtbot, store)
    out = tmp_path / "team.json"
    widget.export_to(out)
    assert "Exported 2 profile(s)" in widget.warnings.text()
    assert "s3cret" not in out.read_text(encoding="utf-8")
    assert [p["name"] for p in json.loads(out.read_text(encoding="utf-8"))["profiles"]] == [
        "a",
        "b",
    ]
    other = ProfileStore(tmp_path / "other.json")
    other.add(Profile("a", "stomp://taken:61613"))
    second = make_list(qtbot, other)
    second.import_from(out)
    assert [p.name for p in second.model.rows if not p.builtin] == ["a", "a (2)", "b"]
    text = second.warnings.text()
    assert "Imported 2 profile(s)" in text and "“a” was renamed “a (2)”" in text
    assert "asked when connecting" in text
    second.import_from(tmp_path / "missing.json")
    assert "does not exist" in second.warnings.text()


def test_the_keyring_note_is_a_banner_that_stays_dismissed(qtbot: QtBot) -> None:
    store = ProfileStore()
    store.secrets = SecretStore(null.Keyring())
    widget = make_list(qtbot, store)
    assert widget.keyring_note.isVisible() and "keyring" in widget.keyring_note.text()
    assert not widget.warnings.isVisible()
    close = widget.keyring_note.findChild(QToolButton, "bannerClose")
    assert close is not None
    with qtbot.waitSignal(widget.keyring_note_dismissed):
        close.click()
    assert not widget.keyring_note.isVisible()
    again = make_list(qtbot, store, keyring_note=False)
    assert not again.keyring_note.isVisible()


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("stomp://127.0.0.1:61613", "stomp://127.0.0.1:61613"),
        ("ws://guest@localhost:15674/ws", "ws://localhost:15674/ws"),
        ("stomp+ssl://mq.example.org/", "stomp+ssl://mq.example.org"),
    ],
)
def test_quick_connect_names_keep_the_scheme(url: str, name: str) -> None:
    assert quick_name(url) == name


def test_quick_connect_tab_name_is_the_url_with_its_scheme(
    qtbot: QtBot, store: ProfileStore
) -> None:
    widget = make_list(qtbot, store)
    widget.quick_connect.setText("ws://guest@localhost:15674/ws")
    with qtbot.waitSignal(widget.connect_requested) as blocker:
        widget.quick_connect.returnPressed.emit()
    assert blocker.args[0].name == "ws://localhost:15674/ws"


def test_a_new_profile_dialog_shows_no_error_before_anything_is_typed(
    qtbot: QtBot, store: ProfileStore
) -> None:
    """Issue 12, defect 18: the New-profile dialog opened with red errors."""
    widget = make_list(qtbot, store)
    dialog = widget.new_profile()
    assert dialog.summary.text() == ""
    visible = [label for label in dialog._error_labels.values() if label.isVisibleTo(dialog)]
    assert visible == []
    assert not dialog.save_button.isEnabled()
    assert "name is empty" in dialog.save_button.toolTip()
    qtbot.keyClicks(dialog.url_edit, "mqtt://x")
    assert "Cannot save yet" in dialog.summary.text()
    dialog.reject()
