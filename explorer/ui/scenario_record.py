"""Record a scenario on a connection of the window (the Scenarios dock's Record button).

A `Recording` attaches `explorer.scenarios.session_recording.SessionRecording` to one tab's
session (it stays on that session if the user switches tabs) and counts what it saw. When it
stops, `RecordDialog` asks for the scenario's name and which subscriptions to keep: a busy
feed the check does not depend on (the sandbox's demo topics) would make the file fail.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from explorer.scenarios.session_recording import RecordedSubscription, SessionRecording
    from explorer.ui.session import SessionController


class Recording:
    """What one session did since Record was pressed."""

    def __init__(self, session: SessionController) -> None:
        from explorer.scenarios.session_recording import SessionRecording

        self.session = session
        self.recording: SessionRecording = SessionRecording(session.subscriptions)
        session.add_sink(self.recording)

    def stop(self) -> None:
        self.session.remove_sink(self.recording)

    def where(self) -> dict[str, str]:
        """How the file names its broker: the built-in sandbox by URL (it has no saved
        profile to look up), any other connection by its profile (secrets stay in the
        keyring)."""
        if self.session.profile.builtin:
            return {"connection": self.session.settings.endpoint.url()}
        return {"profile": self.session.name}

    def scenario(self, name: str, leave_out: Collection[str] = ()) -> str:
        return self.recording.scenario(name, leave_out=leave_out, **self.where())


class RecordDialog(QDialog):
    """Name the recorded scenario and choose the subscriptions whose messages it expects."""

    def __init__(
        self,
        subscriptions: list[RecordedSubscription],
        sent: int,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioRecordDialog")
        self.setWindowTitle(self.tr("Recorded scenario"))
        self.name = QLineEdit(name)
        self.name.setObjectName("scenarioRecordName")
        self.name.setToolTip(self.tr("The scenario's name (the JUnit test case's name)"))
        self.list = QListWidget()
        self.list.setObjectName("scenarioRecordSubscriptions")
        self.list.setToolTip(self.tr("Checked: its messages become expect steps"))
        for subscription in subscriptions:
            if subscription.messages == 1:
                count = self.tr("1 message")
            else:
                count = self.tr("{count} messages").format(count=subscription.messages)
            item = QListWidgetItem(f"{subscription.destination}  —  {count}")
            item.setData(Qt.ItemDataRole.UserRole, subscription.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if subscription.suggested else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.list.addItem(item)
        summary = QLabel(
            self.tr(
                "{sent} sent and {received} received. Sends become send steps; each message "
                "received on a checked subscription becomes an expect step with the headers "
                "and body that were seen. Checked at first: subscriptions opened while "
                "recording and destinations you sent to; check an older one if your check "
                "expects its messages (a reply, a notification)."
            ).format(sent=sent, received=sum(s.messages for s in subscriptions))
        )
        summary.setWordWrap(True)
        summary.setProperty("hint", "true")
        form = QFormLayout()
        form.addRow(self.tr("Scenario name"), self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Expect the messages of")))
        layout.addWidget(self.list, 1)
        layout.addWidget(summary)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def set_checked(self, subscription_id: str, checked: bool) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == subscription_id:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item.setCheckState(state)

    def values(self) -> tuple[str, set[str]]:
        """(name, ids of the subscriptions to leave out)."""
        leave_out = {
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in map(self.list.item, range(self.list.count()))
            if item.checkState() != Qt.CheckState.Checked
        }
        name = self.name.text().strip() or self.tr("recorded check")
        return name, leave_out


class RecordControl(QObject):
    """The Record button: records on the connection that was current when it was pressed,
    shows what it has seen, and on the second press asks how to write the file."""

    recorded = Signal(str)  # the scenario file's text, once the dialog is accepted
    toggled = Signal(bool)
    nothing_recorded = Signal()

    def __init__(
        self,
        button: QToolButton,
        label: QLabel,
        current: Callable[[], SessionController | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._current = current
        self._button = button
        self._label = label
        self._parent = parent
        self.recording: Recording | None = None
        button.setCheckable(True)
        button.toggled.connect(self._button_toggled)
        label.setProperty("valid", "false")
        label.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._show)

    def start(self, session: SessionController | None) -> bool:
        if self.recording is not None:
            return True
        if session is None or not session.is_connected:
            self._button.setChecked(False)
            return False
        self.recording = Recording(session)
        self._button.setChecked(True)
        self._timer.start()
        self._show()
        self.toggled.emit(True)
        return True

    def stop(self) -> RecordDialog | None:
        recording, self.recording = self.recording, None
        self._timer.stop()
        self._label.hide()
        self._button.setChecked(False)
        if recording is None:
            return None
        recording.stop()
        self.toggled.emit(False)
        if recording.recording.empty:
            self.nothing_recorded.emit()
            return None
        dialog = RecordDialog(
            recording.recording.subscriptions(),
            recording.recording.sent,
            self.tr("recorded on {name}").format(name=recording.session.name),
            self._parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.recorded.emit(recording.scenario(*dialog.values())))
        dialog.open()
        return dialog

    def _button_toggled(self, on: bool) -> None:
        if on and self.recording is None:
            self._button.setChecked(False)  # start() checks it when it can record
            self.start(self._current())
        elif not on and self.recording is not None:
            self.stop()

    def _show(self) -> None:
        if self.recording is None:
            return
        seen = self.recording.recording
        self._label.setText(
            self.tr("● Recording on {name}: {sent} sent, {received} received").format(
                name=self.recording.session.name, sent=seen.sent, received=seen.received
            )
        )
        self._label.show()
