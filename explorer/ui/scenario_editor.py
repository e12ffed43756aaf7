"""The scenario editor: YAML with line numbers, light syntax colours, and the validation
problem shown at its line (a tinted, underlined line, a mark in the gutter, a tooltip).

YAML forbids tabs for indentation, so Tab inserts two spaces.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from explorer.ui.message_detail import monospace_font
from explorer.ui.theme import is_dark

# What New puts in the editor: a scenario that passes on any broker.
EXAMPLE = """\
name: an order comes back
vars: {user: 1001}
steps:
  - subscribe: /queue/stomp-explorer.example.{{user}}
    id: inbox
  - send:
      destination: /queue/stomp-explorer.example.{{user}}
      headers: {content-type: application/json, x-run: "{{uuid}}"}
      body: '{"order": 7, "user": {{user}}}'
      receipt: true
  - expect:
      subscription: inbox
      within: 2s
      headers: {x-run: "{{uuid}}"}
      body: {json: {"$.user": 1001}}
  - expect_none: {subscription: inbox, for: 300ms}
"""


_KEY = re.compile(r"^(\s*(?:-\s+)?)([\"']?[\w$.\-\[\]*@ ]+[\"']?)(\s*:)(?=\s|$)")
_INLINE_KEY = re.compile(r"[{,]\s*([\"']?[\w$.\-\[\]*@]+[\"']?)\s*:(?=\s)")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'")
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_DURATION = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:ms|s|m|min)\b")
_STEP = re.compile(r"^\s*-\s+(subscribe|send|expect_none|expect|wait)(?=\s*:)")


class YamlHighlighter(QSyntaxHighlighter):
    """Keys, step kinds, strings, durations, templates and comments."""

    def __init__(self, document: QTextDocument, dark: bool) -> None:
        super().__init__(document)
        self.set_dark(dark)

    def set_dark(self, dark: bool) -> None:
        palette = (
            {
                "key": "#7aa7ff",
                "step": "#d2a8ff",
                "string": "#a5d6a7",
                "number": "#f0b86e",
                "template": "#ffb86b",
                "comment": "#8b949e",
            }
            if dark
            else {
                "key": "#1f5fbf",
                "step": "#8250df",
                "string": "#2e7d32",
                "number": "#a0522d",
                "template": "#b35900",
                "comment": "#6a737d",
            }
        )
        self._formats: dict[str, QTextCharFormat] = {}
        for name, colour in palette.items():
            form = QTextCharFormat()
            form.setForeground(QColor(colour))
            if name in ("step", "template"):
                form.setFontWeight(700)
            if name == "comment":
                form.setFontItalic(True)
            self._formats[name] = form
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        """Override: colour one line."""
        comment = _comment_start(text)
        code = text if comment is None else text[:comment]
        found = _KEY.match(code)
        if found:
            self.setFormat(found.start(2), len(found.group(2)), self._formats["key"])
        for inline in _INLINE_KEY.finditer(code):
            self.setFormat(inline.start(1), len(inline.group(1)), self._formats["key"])
        step = _STEP.match(code)
        if step:
            self.setFormat(step.start(1), len(step.group(1)), self._formats["step"])
        for match in _STRING.finditer(code):
            self.setFormat(match.start(), match.end() - match.start(), self._formats["string"])
        for match in _DURATION.finditer(code):
            self.setFormat(match.start(), match.end() - match.start(), self._formats["number"])
        for match in _TEMPLATE.finditer(code):
            self.setFormat(match.start(), match.end() - match.start(), self._formats["template"])
        if comment is not None:
            self.setFormat(comment, len(text) - comment, self._formats["comment"])


def _comment_start(text: str) -> int | None:
    """Where a `#` comment starts (not inside quotes, and after a space or at the start)."""
    quote: str | None = None
    for i, char in enumerate(text):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#" and (i == 0 or text[i - 1] in " \t"):
            return i
    return None


class _Gutter(QWidget):
    def __init__(self, editor: ScenarioEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._editor.paint_gutter(event)


class ScenarioEditor(QPlainTextEdit):
    """A plain-text YAML editor that can mark one problem line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioEditor")
        self.setFont(monospace_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 2)
        self._problem_line: int | None = None
        self._problem_text = ""
        self._gutter = _Gutter(self)
        self._highlighter = YamlHighlighter(self.document(), is_dark())
        self.blockCountChanged.connect(lambda _count: self._update_margins())
        self.updateRequest.connect(self._scroll_gutter)
        self._update_margins()

    # -- the problem mark ------------------------------------------------------------------

    @property
    def problem_line(self) -> int | None:
        return self._problem_line

    def set_problem(self, line: int | None, text: str = "") -> None:
        """Mark `line` (1-based) as the one with a problem, or clear it with None."""
        self._problem_line = line
        self._problem_text = text
        selections = []
        if line is not None:
            block = self.document().findBlockByNumber(max(0, line - 1))
            if block.isValid():
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(QColor(255, 80, 60, 46 if is_dark() else 30))
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.cursor = QTextCursor(block)
                selections.append(selection)
                underline = QTextEdit.ExtraSelection()
                underline.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                underline.format.setUnderlineColor(QColor("#e5534b"))
                cursor = QTextCursor(block)
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                underline.cursor = cursor
                selections.append(underline)
        self.setExtraSelections(selections)
        self._gutter.update()

    def go_to_line(self, line: int) -> None:
        block = self.document().findBlockByNumber(max(0, line - 1))
        if block.isValid():
            self.setTextCursor(QTextCursor(block))
            self.centerCursor()
            self.setFocus()

    # -- Qt overrides ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override: Tab indents with two spaces (YAML refuses tabs)."""
        if event.key() == Qt.Key.Key_Tab and not event.modifiers():
            self.insertPlainText("  ")
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """Override: the problem's text as the tooltip of its line."""
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            position = self.viewport().mapFromGlobal(event.globalPos())
            line = self.cursorForPosition(position).block().blockNumber() + 1
            if self._problem_line is not None and line == self._problem_line:
                QToolTip.showText(event.globalPos(), self._problem_text, self)
                return True
            QToolTip.hideText()
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        """Override: follow a switch between light and dark."""
        if event.type() == QEvent.Type.PaletteChange:
            self._highlighter.set_dark(is_dark())
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self._gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    # -- the gutter ------------------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = max(3, len(str(self.blockCount())))
        return 14 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_margins(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self._gutter)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.alternateBase())
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = self._gutter.width()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                number = block.blockNumber() + 1
                if number == self._problem_line:
                    painter.setBrush(QColor("#e5534b"))
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.drawEllipse(3, top + height // 2 - 3, 6, 6)
                    painter.setPen(QColor("#e5534b"))
                else:
                    painter.setPen(palette.placeholderText().color())
                painter.drawText(
                    0, top, width - 4, height, Qt.AlignmentFlag.AlignRight, str(number)
                )
            block = block.next()
            top = bottom
        painter.end()
