"""Ask for a passcode when the system has no keyring to remember it (non-modal, awaitable)."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget


class PasscodePrompt(QInputDialog):
    """A password-mode input dialog; `await prompt.ask()` gives the text or None."""

    def __init__(
        self,
        profile: str,
        login: str,
        parent: QWidget | None = None,
        *,
        persistent: bool = False,
        management: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("managementPasswordDialog" if management else "passcodeDialog")
        self.setWindowTitle(self.tr("Passcode for {profile}").format(profile=profile))
        if management:  # the management API's (or Jolokia's) own user: kept for this run only
            text = self.tr(
                "Password of {login} for the management API of {profile}, used to list "
                "the broker's destinations.\nIt is kept only until STOMP Explorer quits."
            )
        elif persistent:
            text = self.tr(
                "Passcode of {login} on {profile}.\nIt is saved in the system "
                "keyring once the broker accepts it."
            )
        else:
            text = self.tr(
                "Passcode of {login} on {profile}.\nThere is no keyring on this "
                "system, so it is kept only until STOMP Explorer quits."
            )
        self.setLabelText(text.format(login=login, profile=profile))
        self.setTextEchoMode(QLineEdit.EchoMode.Password)
        self.setToolTip(self.tr("Sent in CONNECT; never written to a file"))

    async def ask(self) -> str | None:
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def finished(result: int) -> None:
            if not done.done():
                done.set_result(result)

        self.finished.connect(finished)
        self.open()
        result = await done
        self.deleteLater()
        return self.textValue() if result == QDialog.DialogCode.Accepted else None
