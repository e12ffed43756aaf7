"""The detail pane: JSON tree, XML, hex, truncation and copy actions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from explorer.ui.body_format import TEXT_PREVIEW_BYTES, BodyKind
from explorer.ui.message_detail import MessageDetail

pytestmark = pytest.mark.gui


@pytest.fixture
def detail(qtbot: QtBot) -> MessageDetail:
    widget = MessageDetail()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_json_body_is_a_foldable_tree(detail: MessageDetail) -> None:
    body = json.dumps({"user": {"name": "민수", "age": 7}, "tags": ["a", "b"]}).encode()
    headers = [("destination", "/queue/a"), ("content-type", "application/json")]
    detail.show_frame("MESSAGE", headers, body)
    assert detail.current_kind() is BodyKind.JSON
    model = detail.json_view().model()
    keys = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert keys == ["user", "tags"]
    user = model.index(0, 0)
    assert detail.json_view().isExpanded(user)
    assert model.index(0, 1, user).data() == '"민수"'
    assert model.index(1, 2).data() == "array"


def test_big_json_array_is_fetched_in_chunks(detail: MessageDetail) -> None:
    body = json.dumps(list(range(5000))).encode()
    detail.show_frame("MESSAGE", [], body)
    model = detail.json_view().model()
    before = model.rowCount()
    assert 500 <= before < 5000  # the view fetches what it needs to fill itself, not all
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == before + 500
    assert model.index(before + 499, 1).data() == str(before + 499)


def test_invalid_json_falls_back_to_text_with_the_error(detail: MessageDetail) -> None:
    detail.show_frame("MESSAGE", [("content-type", "application/json")], b'{"a": 1,}')
    text = detail.text_view().toPlainText()
    assert "Not valid JSON" in text and "Line 1, column 9" in text and '{"a": 1,}' in text
    # In our words (translatable), never the parser's English.
    assert "a key in double quotes is expected" in text
    assert "Expecting" not in text


def test_xml_is_indented(detail: MessageDetail) -> None:
    detail.show_frame("MESSAGE", [("content-type", "application/xml")], b"<a><b>1</b><c/></a>")
    assert detail.current_kind() is BodyKind.XML
    assert detail.text_view().toPlainText().splitlines()[1:4] == ["<a>", "  <b>1</b>", "  <c/>"]


def test_binary_body_shows_hex(detail: MessageDetail) -> None:
    detail.show_frame("MESSAGE", [], bytes(range(0, 40)))
    assert detail.current_kind() is BodyKind.BINARY
    first = detail.text_view().toPlainText().splitlines()[0]
    assert first.startswith("00000000  00 01 02 03 04 05 06 07  08 09")


def test_large_text_is_truncated_until_show_all(detail: MessageDetail, qtbot: QtBot) -> None:
    body = ("안녕 세상\n" * (TEXT_PREVIEW_BYTES // 4)).encode()
    detail.show_frame("MESSAGE", [("content-type", "text/plain")], body)
    assert detail.is_truncated()
    assert len(detail.text_view().toPlainText()) == TEXT_PREVIEW_BYTES
    qtbot.mouseClick(detail.findChild(QPushButton, "showAllButton"), Qt.MouseButton.LeftButton)
    assert not detail.is_truncated()
    # Long texts are filled in slices, one per event-loop turn: the window stays responsive.
    assert detail.is_filling()
    assert len(detail.text_view().toPlainText()) < len(body.decode())
    qtbot.waitUntil(lambda: not detail.is_filling())
    assert detail.text_view().toPlainText() == body.decode()


def test_show_all_is_capped_with_save_to_file(
    detail: MessageDetail, qtbot: QtBot, tmp_path: Path
) -> None:
    from explorer.ui.message_detail import SHOW_ALL_CAP

    body = (b"0123456789abcdef" * 4 + b"\n") * (SHOW_ALL_CAP // 65 + 4096)
    detail.show_frame("MESSAGE", [("content-type", "text/plain")], body)
    detail.show_all()
    qtbot.waitUntil(lambda: not detail.is_filling(), timeout=20000)
    assert detail.is_truncated()
    assert len(detail.text_view().toPlainText()) == SHOW_ALL_CAP
    note = detail.findChild(QLabel, "detailTruncated")
    save = detail.findChild(QPushButton, "saveBodyButton")
    assert note is not None and save is not None
    assert "save it to a file" in note.text()
    assert save.isVisibleTo(detail)
    detail.save_body(str(tmp_path / "body.bin"))
    assert (tmp_path / "body.bin").read_bytes() == body


def test_one_huge_line_is_shown_broken(detail: MessageDetail, qtbot: QtBot) -> None:
    from explorer.ui.message_detail import LONG_LINE

    body = b"x" * (LONG_LINE * 40 + 5)
    detail.show_frame("MESSAGE", [("content-type", "text/plain")], body)
    detail.show_all()
    qtbot.waitUntil(lambda: not detail.is_filling())
    lines = detail.text_view().toPlainText().split("\n")
    assert (
        len(lines) == 41
        and max(map(len, lines)) == LONG_LINE
        and "".join(lines) == "x" * (LONG_LINE * 40 + 5)
    )
    note = detail.findChild(QLabel, "detailTruncated")
    assert note is not None and "broken every" in note.text()


def test_copy_actions(detail: MessageDetail) -> None:
    detail.show_frame("MESSAGE", [("destination", "/queue/a"), ("x", "1")], "안녕".encode())
    detail.copy_body()
    assert QGuiApplication.clipboard().text() == "안녕"
    detail.copy_headers()
    assert QGuiApplication.clipboard().text() == "destination:/queue/a\nx:1"
    detail.copy_raw_frame()
    raw = QGuiApplication.clipboard().text()
    assert raw.startswith("MESSAGE\n") and "destination:/queue/a\n" in raw and raw.endswith("안녕␀")


def test_the_hex_view_never_widens_the_pane(detail: MessageDetail) -> None:
    detail.resize(420, 400)
    detail.show_frame("MESSAGE", [], b"plain text")
    narrow = detail.minimumSizeHint().width()
    detail.show_frame("MESSAGE", [], bytes(range(256)) * 8)
    assert detail.current_kind() is BodyKind.BINARY
    assert detail.minimumSizeHint().width() == narrow
    assert detail.text_view().minimumWidth() == 0
    assert detail.width() == 420


def test_pretty_json_text_beside_the_tree(detail: MessageDetail) -> None:
    body = json.dumps({"user": {"name": "민수"}, "n": [1, 2]}).encode()
    detail.show_frame("MESSAGE", [("content-type", "application/json")], body)
    view = detail.findChild(QComboBox, "detailView")
    assert view is not None
    view.setCurrentIndex(view.findData(BodyKind.JSON_TEXT))
    text = detail.text_view().toPlainText()
    assert text.splitlines()[:3] == ["{", '  "user": {', '    "name": "민수"']
    assert json.loads(text) == json.loads(body)


def test_copy_buttons_are_distinct_and_answer(detail: MessageDetail, qtbot: QtBot) -> None:
    detail.show_frame("MESSAGE", [("destination", "/queue/a")], b"hi")
    body, headers, raw = detail.copy_buttons()
    keys = {button.icon().cacheKey() for button in (body, headers, raw)}
    tips = {button.toolTip() for button in (body, headers, raw)}
    assert len(tips) == 3 and len(keys) == 3  # each its own icon, and says what it copies
    assert raw.text() != body.text()
    with qtbot.waitSignal(detail.copied) as copied:
        qtbot.mouseClick(headers, Qt.MouseButton.LeftButton)
    assert copied.args == ["Headers copied"]
    assert headers.just_copied and not body.just_copied
    assert QGuiApplication.clipboard().text() == "destination:/queue/a"
    qtbot.waitUntil(lambda: not headers.just_copied, timeout=5000)


def test_activemq_timestamp_shows_local_time_with_the_raw_value_on_hover(
    detail: MessageDetail,
) -> None:
    from datetime import datetime

    stamp = 1_796_012_537_123
    detail.show_frame(
        "MESSAGE",
        [("destination", "/queue/a"), ("timestamp", str(stamp)), ("expires", "0")],
        b"",
    )
    table = detail.findChild(QTableWidget, "detailHeaders")
    assert table is not None
    shown, never = table.item(1, 1), table.item(2, 1)
    assert shown is not None and never is not None
    local = datetime.fromtimestamp(stamp / 1000).isoformat(sep=" ", timespec="milliseconds")
    assert shown.text() == local
    assert str(stamp) in shown.toolTip() and "milliseconds" in shown.toolTip()
    assert never.text() == "0"  # "never expires" stays as sent
    detail.copy_headers()
    assert f"timestamp:{stamp}" in QGuiApplication.clipboard().text()
