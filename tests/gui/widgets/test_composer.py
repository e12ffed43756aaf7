"""The composer: requests it builds, raw mode, header completion, JSON validation, bursts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from explorer.broker.kind import BrokerKind
from explorer.session import compose
from explorer.session.compose import ComposeRequest
from explorer.ui.composer import Composer
from explorer.ui.composer_body import PASTE_LIMIT
from explorer.ui.composer_history import HISTORY_SIZE, MAX_BODY_BYTES, ComposerHistory

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
    assert "Line 2, column 7" in composer.validation.text()
    assert "Expecting" not in composer.validation.text()  # our words, translatable
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


# -- issue 12: the composer as a daily instrument -------------------------------------------


def test_history_survives_a_restart_capped_and_without_secrets(
    qtbot: QtBot, isolated_config: Path
) -> None:
    first = Composer()
    qtbot.addWidget(first)
    first.set_connected(True)
    first.destination.setText("/queue/keep")
    first.add_header("passcode", "hunter2")
    first.add_header("Authorization", "Bearer abc.def")
    first.add_header("x-trace", "7")
    first.body.setPlainText("remember me")
    first.request_send()
    for n in range(HISTORY_SIZE + 5):
        first.load_request(ComposeRequest("SEND", (("destination", f"/queue/n{n}"),), b"x"))
        first.request_send()
    first.load_request(
        ComposeRequest("SEND", (("destination", "/queue/big"),), b"y" * (MAX_BODY_BYTES + 1))
    )
    first.request_send()
    text = (isolated_config / "composer-history.json").read_text(encoding="utf-8")
    assert "hunter2" not in text and "abc.def" not in text
    again = Composer()  # the next start of the window
    qtbot.addWidget(again)
    history = again.history()
    assert len(history) == HISTORY_SIZE
    assert history[0].destination == "/queue/big" and history[0].body == b""
    assert "not kept" in again.history_button.menu().actions()[0].text()
    assert history[1].destination == f"/queue/n{HISTORY_SIZE + 4}"


def test_history_store_strips_secrets_from_raw_frames(tmp_path: Path) -> None:
    store = ComposerHistory(tmp_path / "h.json")
    raw = b"CONNECT\nlogin:guest\npasscode:secret\n\n\x00SEND\ndestination:/queue/a\n\nhi\x00"
    store.remember(ComposeRequest("RAW", raw=raw))
    again = ComposerHistory(tmp_path / "h.json").requests()[0]
    assert again.raw == b"CONNECT\nlogin:guest\n\n\x00SEND\ndestination:/queue/a\n\nhi\x00"


def test_target_names_the_connection_and_stale_results_go(composer: Composer) -> None:
    target = composer.findChild(QLabel, "composerTarget")
    assert target is composer.target and "no connection" in target.text()
    composer.set_target("ActiveMQ local", BrokerKind.ACTIVEMQ)
    assert "ActiveMQ local" in target.text()
    composer.show_result("receipt in 3 ms", ok=True)
    composer.set_target("RabbitMQ", BrokerKind.RABBITMQ)  # another tab
    assert composer.result.text() == ""
    composer.show_result("JSON error", ok=False)
    composer.body.setPlainText("edited")  # another body
    assert composer.result.text() == ""


def test_a_comma_is_refused_where_it_is_not_a_composite(composer: Composer, qtbot: QtBot) -> None:
    composer.set_target("RabbitMQ", BrokerKind.RABBITMQ)
    composer.destination.setText("/queue/1002,/topic/x")
    composer.body.setPlainText("x")
    with qtbot.assertNotEmitted(composer.send_requested):
        composer.request_send()
    assert "only on ActiveMQ" in composer.result.text()
    assert composer.validate() is False
    composer.set_target("ActiveMQ", BrokerKind.ACTIVEMQ)
    assert composer.validate() is None
    assert "One SEND to 2 destinations" in composer.validation.text()
    with qtbot.waitSignal(composer.send_requested):
        composer.request_send()


def test_several_destinations_one_send_each(composer: Composer, qtbot: QtBot) -> None:
    composer.destination.setText("/queue/a")
    toggle = composer.findChild(QToolButton, "composerAddDestination")
    assert toggle is not None
    toggle.click()
    listing = composer.findChild(QPlainTextEdit, "composerDestinations")
    assert listing is not None and listing.isVisible() and listing.toPlainText() == "/queue/a"
    listing.setPlainText("/queue/a\n/topic/b\n\n/queue/a\n")
    composer.body.setPlainText('{"n": {{n}}}')
    with qtbot.waitSignal(composer.send_all_requested) as sent:
        composer.request_send()
    requests = sent.args[0]
    assert [r.destination for r in requests] == ["/queue/a", "/topic/b"]
    assert all(r.body == b'{"n": {{n}}}' for r in requests)
    composer.show_destination_result("/queue/a", "receipt in 2 ms", True)
    composer.show_destination_result("/topic/b", "refused: no such topic", False)
    results = composer.findChild(QListWidget, "composerResults")
    assert results is not None and results.count() == 2
    assert results.item(1).text().startswith("✗ /topic/b")


def test_templates_are_checked_by_the_one_engine(composer: Composer) -> None:
    composer.content_type.setCurrentText("application/json")
    composer.body.setPlainText('{"at": "{{now}}", "ms": {{now_ms}}, "id": "{{uuid}}"}')
    assert composer.validate() is True
    composer.body.setPlainText('{"user": {{ usr }}}')
    assert composer.validate() is False
    assert "Template error" in composer.validation.text()


def test_body_from_file_is_a_summary_and_never_typed_in(composer: Composer, tmp_path: Path) -> None:
    path = tmp_path / "orders.json"
    path.write_bytes(b'{"orders": [' + b'{"id": 1},' * 300_000 + b"{}]}")
    button = composer.findChild(QToolButton, "bodyFromFile")
    assert button is not None and button.isVisible()
    assert composer.body_area.set_body_file(str(path))
    summary = composer.findChild(QLabel, "composerFileSummary")
    preview = composer.findChild(QLabel, "composerFilePreview")
    assert summary is not None and preview is not None
    assert "orders.json" in summary.text() and "MiB" in summary.text()
    assert preview.text().startswith('{"orders": [{"id": 1}')
    assert composer.body.toPlainText() == ""  # nothing went into the editor
    composer.destination.setText("/queue/big")
    request = composer.build_request()
    assert request.body_file == str(path) and request.body == b""


def test_a_huge_paste_is_offered_as_a_file(
    composer: Composer, tmp_path: Path, qtbot: QtBot
) -> None:
    mime = QMimeData()
    mime.setText("x" * (PASTE_LIMIT + 1))
    composer.body.insertFromMimeData(mime)
    assert composer.body.toPlainText() == ""
    offer = composer.findChild(QFrame, "composerPasteOffer")
    assert offer is not None and offer.isVisible() and "MiB" in composer.body_area.offer_text.text()
    target = tmp_path / "pasted.txt"
    with qtbot.waitSignal(composer.body_area.saved):
        worker = composer.body_area.save_paste(str(target))
        assert worker is not None
    assert target.stat().st_size == PASTE_LIMIT + 1
    assert composer.body_area.body_file() == str(target) and not offer.isVisible()
    small = QMimeData()
    small.setText("small paste")
    composer.body_area.set_body_file(None)
    composer.body.insertFromMimeData(small)
    assert composer.body.toPlainText() == "small paste"
