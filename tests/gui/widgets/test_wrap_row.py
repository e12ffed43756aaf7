"""The wrapping tool row and the eliding label: what lets a narrow window (a small screen)
keep every control usable instead of forcing the window wider."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from explorer.ui.elided_label import ElidedLabel
from explorer.ui.wrap_row import WrapRow

pytestmark = pytest.mark.gui


def make_row(qtbot: QtBot) -> tuple[QWidget, WrapRow, list[QWidget], list[QWidget]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    row = WrapRow()
    field, first, second = QLineEdit(), QPushButton("First"), QPushButton("Second")
    send = QPushButton("Send")
    groups = [
        row.add_group([(field, 1)], stretch=1),
        row.add_group([(first, 0), (second, 0)]),
        row.add_group([(send, 0)], at_end=True),
    ]
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(row)
    layout.addStretch(1)
    return holder, row, [field, first, second, send], groups


def top(widget: QWidget, row: WrapRow) -> int:
    return widget.mapTo(row, widget.rect().topLeft()).y()


def test_a_wide_row_is_one_line_and_its_stretch_takes_the_room(qtbot: QtBot) -> None:
    holder, row, (field, _first, second, send), _groups = make_row(qtbot)
    holder.resize(900, 200)
    holder.show()
    qtbot.waitExposed(holder)
    assert row.line_count == 1
    assert field.width() > field.sizeHint().width()  # the stretching group got the spare room
    send_right = send.mapTo(row, send.rect().topRight()).x()
    assert send_right == row.width() - 1  # at_end: flush with the right edge
    assert top(second, row) == 0


def test_a_narrow_row_wraps_group_by_group_and_asks_for_the_height(qtbot: QtBot) -> None:
    holder, row, (field, first, second, send), groups = make_row(qtbot)
    widest = max(g.minimumSizeHint().width() for g in groups)
    holder.show()
    holder.resize(row.minimumSizeHint().width(), 300)
    qtbot.waitUntil(lambda: row.line_count == 3)
    assert row.minimumSizeHint().width() == widest
    # The parent layout hears of the new height and makes room for three lines.
    qtbot.waitUntil(lambda: row.height() == row.minimumSizeHint().height())
    assert row.height() > 3 * field.sizeHint().height()
    assert top(first, row) == top(second, row)  # a group stays on one line
    tops = [top(w, row) for w in (field, first, send)]
    assert tops == sorted(tops) and len(set(tops)) == 3
    holder.resize(900, 300)
    qtbot.waitUntil(lambda: row.line_count == 1)
    assert row.minimumSizeHint().height() < row.heightForWidth(widest)


def test_an_elided_label_gives_way_to_a_few_characters(qtbot: QtBot) -> None:
    label = ElidedLabel("staging: reconnecting in 4 s (connection refused by mq.example.org)")
    qtbot.addWidget(label)
    assert label.minimumSizeHint().width() < label.sizeHint().width() // 4
    assert label.sizeHint().width() >= label.fontMetrics().horizontalAdvance(label.text())
    label.resize(60, label.sizeHint().height())
    label.show()
    qtbot.waitExposed(label)
    assert label.grab().width() == 60  # paints (elided) without growing
