"""A non-modal message strip above a connection's views: errors people can act on.

It never blocks input and never shows a traceback; the text is written for the user
(by the client's error classes or the session), and it can be dismissed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from explorer.ui.icons import icon


class Banner(QFrame):
    """Shows one message at a time; `show_message(text, level)` with level "error" or "info"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("level", "error")
        self._icon = QLabel()
        self._text = QLabel()
        self._text.setObjectName("bannerText")
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setObjectName("bannerClose")
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss this message"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 3, 3)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        layout.addWidget(close)
        self.hide()

    def text(self) -> str:
        return self._text.text()

    def show_message(self, text: str, level: str = "error") -> None:
        self.setProperty("level", level)
        self._icon.setPixmap(icon("warning" if level == "error" else "info").pixmap(18, 18))
        self._text.setText(text)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
