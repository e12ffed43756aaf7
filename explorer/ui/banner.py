"""A non-modal message strip above a connection's views: errors people can act on.

It never blocks input and never shows a traceback; the text is written for the user
(by the client's error classes or the session), and it can be dismissed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from explorer.ui.icons import icon


class Banner(QFrame):
    """Shows one message at a time; `show_message(text, level)` with level "error" or "info"."""

    dismissed = Signal()  # the user closed it (not a hide by the program)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("level", "error")
        self._icon = QLabel()
        self._text = QLabel()
        self._text.setObjectName("bannerText")
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.action_button.setObjectName("bannerAction")
        self.action_button.clicked.connect(self._run_action)
        self.action_button.hide()
        self._action: Callable[[], None] | None = None
        close = QToolButton()
        close.setObjectName("bannerClose")
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss this message"))
        close.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 3, 3)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(close)
        self.hide()

    def text(self) -> str:
        return self._text.text()

    def show_message(
        self,
        text: str,
        level: str = "error",
        action: str | None = None,
        on_action: Callable[[], None] | None = None,
    ) -> None:
        """Show `text`; with `action`, a button that runs `on_action` and hides the banner."""
        self._action = on_action if action else None
        self.action_button.setText(action or "")
        self.action_button.setToolTip(action or "")
        self.action_button.setVisible(bool(action))
        self.setProperty("level", level)
        self._icon.setPixmap(icon("warning" if level == "error" else "info").pixmap(18, 18))
        self._text.setText(sentence_case(text))
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def _run_action(self) -> None:
        action = self._action
        self.hide()
        if action is not None:
            action()


def sentence_case(text: str) -> str:
    """Every banner reads as a sentence: lower layers start theirs in lower case."""
    text = text.strip()
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text
