"""`messageDiff`: a message beside the previous one on its destination, changes highlighted.

Headers and body, JSON pretty-printed with sorted keys (`explorer.store.diff`), in two
read-only text views that scroll together. Changed lines are tinted on both sides, and the
characters that differ inside them more strongly; a line only one side has leaves a grey gap
on the other, so rows stay aligned.
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.store import LogEntry
from explorer.store.diff import DiffRow, changed_count, diff_messages

_LIGHT = {
    "removed": "#fde2e1",
    "added": "#dff5e3",
    "changed_left": "#fde2e1",
    "changed_right": "#dff5e3",
    "strong_left": "#f5a9a4",
    "strong_right": "#9fdcaa",
    "gap": "#eceef1",
}
_DARK = {
    "removed": "#4a2323",
    "added": "#1f3d27",
    "changed_left": "#4a2323",
    "changed_right": "#1f3d27",
    "strong_left": "#8a3a3a",
    "strong_right": "#2f6b3f",
    "gap": "#2a2e35",
}


def _is_dark() -> bool:
    app = QCoreApplication.instance()
    return bool(app is not None and app.property("explorerDark"))


class MessageDiff(QWidget):
    """Side-by-side diff of two messages; `show_diff(older, newer)`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageDiff")
        self.summary = QLabel()
        self.summary.setObjectName("diffSummary")
        self.summary.setWordWrap(True)
        self.volatile = QCheckBox(self.tr("Compare ids and times too"))
        self.volatile.setObjectName("diffVolatile")
        self.volatile.setToolTip(
            self.tr(
                "Also compare headers that differ on every message "
                "(message-id, timestamp, subscription, …)"
            )
        )
        self.volatile.toggled.connect(lambda _on: self._render())
        self.left = self._text_view("diffLeft", self.tr("The previous message"))
        self.right = self._text_view("diffRight", self.tr("The selected message"))
        self.left.verticalScrollBar().valueChanged.connect(self.right.verticalScrollBar().setValue)
        self.right.verticalScrollBar().valueChanged.connect(self.left.verticalScrollBar().setValue)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.volatile)
        sides = QHBoxLayout()
        sides.setSpacing(4)
        sides.addWidget(self.left)
        sides.addWidget(self.right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(sides, 1)
        self.rows: list[DiffRow] = []
        self._pair: tuple[LogEntry | None, LogEntry | None] = (None, None)
        self.clear()

    def _text_view(self, name: str, tip: str) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setObjectName(name)
        view.setReadOnly(True)
        view.setToolTip(tip)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setProperty("monospace", True)
        return view

    def clear(self) -> None:
        self._pair = (None, None)
        self.rows = []
        self.left.clear()
        self.right.clear()
        self.summary.setText(self.tr("Select a message to compare it with the previous one."))

    def show_diff(self, older: LogEntry | None, newer: LogEntry) -> None:
        """Compare `newer` with `older` (None: it is the first message we have there)."""
        self._pair = (older, newer)
        self._render()

    def _render(self) -> None:
        older, newer = self._pair
        if newer is None:
            return
        if older is None:
            self.rows = []
            self.left.clear()
            self.right.clear()
            self.summary.setText(
                self.tr("No earlier message on {destination} to compare with.").format(
                    destination=newer.destination
                )
            )
            return
        self.rows = diff_messages(older, newer, volatile=self.volatile.isChecked())
        changed = changed_count(self.rows)
        if changed:
            self.summary.setText(
                self.tr(
                    "{count} line(s) differ from the previous message on {destination}."
                ).format(count=f"{changed:,}", destination=newer.destination)
            )
        else:
            self.summary.setText(
                self.tr("Same headers and body as the previous message on {destination}.").format(
                    destination=newer.destination
                )
            )
        self._fill()

    def _fill(self) -> None:
        colours = _DARK if _is_dark() else _LIGHT
        self.left.setPlainText("\n".join(row.left or "" for row in self.rows))
        self.right.setPlainText("\n".join(row.right or "" for row in self.rows))
        left_marks: list[QTextEdit.ExtraSelection] = []
        right_marks: list[QTextEdit.ExtraSelection] = []
        for number, row in enumerate(self.rows):
            if row.tag == "equal":
                continue
            if row.tag == "changed":
                left_marks.append(_line(self.left, number, colours["changed_left"]))
                right_marks.append(_line(self.right, number, colours["changed_right"]))
                for side, start, end, colour in _char_changes(row, colours):
                    view, marks = (
                        (self.left, left_marks) if side == "left" else (self.right, right_marks)
                    )
                    marks.append(_span(view, number, start, end, colour))
            elif row.tag == "removed":
                left_marks.append(_line(self.left, number, colours["removed"]))
                right_marks.append(_line(self.right, number, colours["gap"]))
            else:
                left_marks.append(_line(self.left, number, colours["gap"]))
                right_marks.append(_line(self.right, number, colours["added"]))
        self.left.setExtraSelections(left_marks)
        self.right.setExtraSelections(right_marks)


def _line(view: QPlainTextEdit, number: int, colour: str) -> QTextEdit.ExtraSelection:
    mark = QTextEdit.ExtraSelection()
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour))
    fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
    cursor = QTextCursor(view.document().findBlockByNumber(number))
    mark.cursor = cursor
    mark.format = fmt
    return mark


def _span(
    view: QPlainTextEdit, number: int, start: int, end: int, colour: str
) -> QTextEdit.ExtraSelection:
    mark = QTextEdit.ExtraSelection()
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour))
    block = view.document().findBlockByNumber(number)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + start)
    cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
    mark.cursor = cursor
    mark.format = fmt
    return mark


def _char_changes(row: DiffRow, colours: dict[str, str]) -> list[tuple[str, int, int, str]]:
    """(side, start, end, colour) of the characters that differ inside a changed line."""
    left, right = row.left or "", row.right or ""
    spans: list[tuple[str, int, int, str]] = []
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if a2 > a1:
            spans.append(("left", a1, a2, colours["strong_left"]))
        if b2 > b1:
            spans.append(("right", b1, b2, colours["strong_right"]))
    return spans
