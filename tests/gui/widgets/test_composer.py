"""The composer: requests it builds, raw mode, header completion, JSON validation, bursts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from explorer.session import compose
from explorer.session.compose import ComposeRequest
from explorer.ui.composer import Composer

pytestmark = pytest.mark.gui


@pytest.fixture
def composer(qtbot: QtBot) -> Composer:
    widget = Composer()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_connected(True)
    return widget


def test_ctrl_enter_sends_a_send_frame(composer: Composer, qtbot: QtBot) -> None:
    composer.destination.setText("/queue/foo")
    composer.content_type.setCurrentText("text/plain;charset=utf-8")
    composer.add_header("x-trace", "7")
    composer.body.setPlainText("안녕")
    composer.body.setFocus()
    with qtbot.waitSignal(composer.send_requested) as blocker:
        qtbot.keyClick(composer.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    request = blocker.args[0]
    assert request == ComposeRequest(
        "SEND",
        (
            ("destination", "/queue/foo"),
            ("content-type", "text/plain;charset=utf-8"),
            ("x-trace", "7"),
        ),
        "안녕".encode(),
    )
    assert composer.history()[0] == request


def test_missing_destination_is_explained_not_sent(composer: Composer, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(composer.send_requested):
        composer.request_send()
    assert "destination" in composer.result.text()


def test_raw_mode_shows_nul_marker_and_converts_it(composer: Composer) -> None:
    composer.command.setCurrentText(compose.RAW)
    assert "␀" in composer.body.toPlainText()
    assert composer.insert_nul.isVisible()
    assert not composer.destination.isEnabled()
    composer.body.setPlainText("SEND\ndestination:/queue/raw\n\nhi")
    composer.body.moveCursor(QTextCursor.MoveOperation.End)
    composer.insert_nul.click()
    request = composer.build_request()
    assert request.raw == b"SEND\ndestination:/queue/raw\n\nhi\x00"
    assert compose.bytes_to_raw_text(request.raw).endswith("hi␀")


def test_raw_text_without_marker_gets_a_nul() -> None:
    assert compose.raw_text_to_bytes("DISCONNECT\n\n") == b"DISCONNECT\n\n\x00"


def test_header_names_complete_from_well_known_ones(composer: Composer, qtbot: QtBot) -> None:
    composer.add_header("", "")
    index = composer.headers.model().index(0, 0)
    composer.headers.edit(index)
    editor = composer.headers.findChild(QLineEdit)
    assert editor is not None
    completer = editor.completer()
    completer.setCompletionPrefix("corr")
    assert completer.currentCompletion() == "correlation-id"


def test_json_validation(composer: Composer) -> None:
    composer.content_type.setCurrentText("application/json")
    composer.body.setPlainText('{"a": 1,\n "b": }')
    assert composer.validate() is False
    assert "line 2" in composer.validation.text()
    composer.body.setPlainText('{"a": 1, "n": {{n}}}')
    assert composer.validate() is True
    composer.content_type.setCurrentText("text/plain")
    composer.body.setPlainText("just text")
    assert composer.validate() is None


def test_burst_expands_the_template() -> None:
    request = ComposeRequest(
        "SEND", (("destination", "/queue/b"), ("x-n", "{{n}}")), b'{"n": {{n}}}', count=1000
    )
    assert compose.has_template(request)
    copies = [compose.expand(request, n) for n in range(1, request.count + 1)]
    assert copies[0].body == b'{"n": 1}' and copies[999].body == b'{"n": 1000}'
    assert copies[41].headers[1] == ("x-n", "42")


def test_history_restores_a_frame(composer: Composer) -> None:
    composer.destination.setText("/queue/one")
    composer.body.setPlainText("first")
    composer.burst.setValue(3)
    composer.request_send()
    composer.destination.setText("/queue/two")
    composer.body.setPlainText("second")
    composer.burst.setValue(1)
    actions = composer.history_button.menu().actions()
    assert actions[0].text().startswith("SEND /queue/one first ×3")
    actions[0].trigger()
    assert composer.destination.text() == "/queue/one"
    assert composer.body.toPlainText() == "first"
    assert composer.burst.value() == 3


def test_send_is_refused_while_disconnected(composer: Composer, qtbot: QtBot) -> None:
    composer.set_connected(False)
    assert not composer.send_button.isEnabled()
    composer.destination.setText("/queue/x")
    with qtbot.assertNotEmitted(composer.send_requested):
        composer.request_send()
    assert "connect" in composer.result.text().lower()


def test_destination_completes_from_the_tree(composer: Composer) -> None:
    composer.set_destinations(["/queue/orders", "/topic/alerts/info", "/topic/alerts/critical"])
    completer = composer.destination.completer()
    completer.setCompletionPrefix("alerts")
    found = [
        completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())
    ]
    assert found == ["/topic/alerts/info", "/topic/alerts/critical"]


def test_subscribe_frame_and_load_request(composer: Composer) -> None:
    composer.command.setCurrentText("SUBSCRIBE")
    composer.destination.setText("/topic/a.>")
    composer.add_header("ack", "client")
    request = composer.build_request()
    assert request == ComposeRequest(
        "SUBSCRIBE", (("destination", "/topic/a.>"), ("ack", "client"))
    )
    composer.command.setCurrentText("BEGIN")
    assert not composer.destination.isEnabled()
    assert composer.build_request().headers == (("ack", "client"),)
    composer.load_request(
        ComposeRequest(
            "SEND",
            (("destination", "/q"), ("content-type", "x/y"), ("k", "v")),
            b"body",
            receipt=True,
        )
    )
    assert composer.command.currentText() == "SEND"
    assert composer.content_type.currentText() == "x/y"
    assert composer.header_rows() == [("k", "v")]
    assert composer.receipt.isChecked()
