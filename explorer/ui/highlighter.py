"""Syntax colours for the composer's body: JSON, and STOMP raw frames (command, headers, ␀)."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from explorer.ui.body_format import NUL_MARK


def _fmt(colour: str, bold: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(colour))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    return f


_JSON_RULES = (
    (re.compile(r'"(?:[^"\\]|\\.)*"(?=\s*:)'), "key"),
    (re.compile(r'"(?:[^"\\]|\\.)*"'), "string"),
    (re.compile(r"-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b"), "number"),
    (re.compile(r"\b(?:true|false|null)\b"), "keyword"),
    (re.compile(r"\{\{\w+\}\}"), "template"),
)
_RAW_COMMAND = re.compile(r"^[A-Z]+$")
_RAW_HEADER = re.compile(r"^([^:\s]+):")

_PALETTES = {
    False: {
        "key": "#0b5cad",
        "string": "#1a7f37",
        "number": "#953800",
        "keyword": "#8250df",
        "template": "#bf3989",
        "command": "#8250df",
        "nul": "#cf222e",
    },
    True: {
        "key": "#79c0ff",
        "string": "#7ee787",
        "number": "#ffa657",
        "keyword": "#d2a8ff",
        "template": "#ff9bce",
        "command": "#d2a8ff",
        "nul": "#ff7b72",
    },
}


class BodyHighlighter(QSyntaxHighlighter):
    """Colours JSON tokens (mode "json"), or a raw STOMP frame (mode "raw"); "plain" is off."""

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self._mode = "json"
        self._dark = dark
        self._formats = self._make_formats(dark)

    @staticmethod
    def _make_formats(dark: bool) -> dict[str, QTextCharFormat]:
        return {k: _fmt(v, k in ("command", "nul")) for k, v in _PALETTES[dark].items()}

    def set_dark(self, dark: bool) -> None:
        """Switch colours with the app's scheme."""
        if dark != self._dark:
            self._dark = dark
            self._formats = self._make_formats(dark)
            self.rehighlight()

    def set_mode(self, mode: str) -> None:
        if mode != self._mode:
            self._mode = mode
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        """Override QSyntaxHighlighter::highlightBlock."""
        if self._mode == "json":
            taken: list[tuple[int, int]] = []
            for pattern, kind in _JSON_RULES:
                for m in pattern.finditer(text):
                    start, end = m.span()
                    if any(s < end and start < e for s, e in taken):
                        continue
                    taken.append((start, end))
                    self.setFormat(start, end - start, self._formats[kind])
        elif self._mode == "raw":
            if _RAW_COMMAND.match(text):
                self.setFormat(0, len(text), self._formats["command"])
            else:
                header = _RAW_HEADER.match(text)
                if header:
                    self.setFormat(0, header.end(1), self._formats["key"])
            for i, ch in enumerate(text):
                if ch == NUL_MARK:
                    self.setFormat(i, 1, self._formats["nul"])
