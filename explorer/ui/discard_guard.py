"""Ask before closing a tab (or quitting) would throw away messages nobody exported.

A tab's log lives in memory; closing the tab used to discard it without a word. The guard
asks when a tab holds messages that were neither exported ("Export all" marks them kept)
nor recorded to a capture file, with "Don't ask again" (Settings can turn it back on).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from explorer.ui.config import WindowSettings
from explorer.ui.session import SessionController

# (question) -> (discard?, don't ask again?)
Ask = Callable[[str], Awaitable[tuple[bool, bool]]]


class DiscardGuard(QObject):
    """`await guard.allow(sessions, quitting)`: True when closing may go on."""

    def __init__(self, settings: WindowSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.settings = settings
        self._parent = parent
        self.ask: Ask = self._ask  # tests replace it

    def question(self, sessions: Sequence[SessionController], quitting: bool) -> str | None:
        """What to ask, or None when nothing would be lost."""
        losing = [(s.name, s.unexported) for s in sessions if s.unexported > 0]
        if not losing:
            return None
        total = sum(count for _name, count in losing)
        if not quitting and len(losing) == 1:
            return self.tr(
                "“{name}” holds {count} message(s) that were not exported. Close the tab and "
                "discard them?"
            ).format(name=losing[0][0], count=f"{total:,}")
        return self.tr(
            "{count} message(s) in {tabs} tab(s) were not exported. Quit and discard them?"
        ).format(count=f"{total:,}", tabs=len(losing))

    async def allow(self, sessions: Sequence[SessionController], quitting: bool = False) -> bool:
        if not self.settings.ask_unexported:
            return True
        question = self.question(sessions, quitting)
        if question is None:
            return True
        discard, never_again = await self.ask(question)
        if discard and never_again:
            self.settings.ask_unexported = False
            self.settings.sync()
        return discard

    async def _ask(self, question: str) -> tuple[bool, bool]:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard messages?"),
            question,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self._parent,
        )
        box.setObjectName("discardMessagesDialog")
        box.setInformativeText(
            self.tr("Export them first from the log's Export menu to keep them.")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        never = QCheckBox(self.tr("Don't ask again"))
        never.setObjectName("discardDontAsk")
        box.setCheckBox(never)
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def finished(result: int) -> None:
            if not done.done():
                done.set_result(result)

        box.finished.connect(finished)
        box.open()
        await done
        discard = box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Discard
        box.deleteLater()
        return discard, never.isChecked()
