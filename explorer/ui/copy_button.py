"""A copy button that says it copied: its icon turns into a check mark for a moment and a
tooltip names what went to the clipboard.

Three identical copy icons with no answer left users guessing what each one copies and
whether it worked; each `CopyButton` has its own icon, sits next to what it copies, and
answers every click.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QToolButton, QToolTip, QWidget

from explorer.ui.icons import icon

FEEDBACK_MS = 1500


class CopyButton(QToolButton):
    """Copies `provider()` on click; `copied(feedback)` fires after each copy."""

    copied = Signal(str)

    def __init__(
        self,
        icon_name: str,
        text: str,
        tip: str,
        feedback: str,
        provider: Callable[[], str],
        parent: QWidget | None = None,
        *,
        name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._icon_name = icon_name
        self._feedback = feedback
        self._provider = provider
        self.setIcon(icon(icon_name))
        self.setText(text)
        self.setToolTip(tip)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._restore = QTimer(self)
        self._restore.setSingleShot(True)
        self._restore.setInterval(FEEDBACK_MS)
        self._restore.timeout.connect(self._back)
        self.clicked.connect(self.copy)

    @property
    def just_copied(self) -> bool:
        """True while the button shows its check mark."""
        return self._restore.isActive()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self._provider())
        self.setIcon(icon("check"))
        self._restore.start()
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self._feedback, self)
        self.copied.emit(self._feedback)

    def _back(self) -> None:
        self.setIcon(icon(self._icon_name))
