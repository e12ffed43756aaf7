"""A one-line label that ends in "…" when it has less room than its text.

Why: a QLabel's minimum width is its whole text, so one long connection name or state
("staging: reconnecting in 4 s (connection refused by …)") decides how narrow the window
may get. This label asks for its whole text when there is room and gives way down to a few
characters when there is not; callers keep the whole text in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

# Characters a squeezed label still shows ("sta…").
MIN_CHARACTERS = 4


class ElidedLabel(QLabel):
    """QLabel for plain one-line text, elided at the end when narrow."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:
        """A few characters and the ellipsis; the height of one line."""
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        least = (
            metrics.horizontalAdvance("M" * MIN_CHARACTERS + "…")
            + margins.left()
            + margins.right()
            + 2 * self.margin()
        )
        return QSize(min(hint.width(), least), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override: draw the text elided to the room there is (frame and style as QLabel)."""
        rect = self.contentsRect().adjusted(
            self.margin(), self.margin(), -self.margin(), -self.margin()
        )
        text = self.text()
        if self.fontMetrics().horizontalAdvance(text) <= rect.width():
            super().paintEvent(event)
            return
        elided = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        self.drawFrame(painter)
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            elided,
            self.foregroundRole(),
        )
        painter.end()
