"""Re-publish: send recorded messages again, as they were, to their own or another destination.

The dialog is the confirmation: it says how many messages go where on which connection (and
that broker-set headers are left out) before Send. One message can go to the composer
instead, to be edited first. The dialog does no I/O: `Republisher` sends and reports back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from explorer.operations import dropped_headers
from explorer.store import LogEntry
from explorer.ui import ops_text
from explorer.ui.icons import icon
from explorer.ui.outcome import show_outcome
from explorer.ui.session import SessionController

SHOWN_DESTINATIONS = 3


class RepublishDialog(QDialog):
    """Where to send `entries` again (objectName republishDialog; fields republishOwn,
    republishOther, republishDestination, republishConnection; buttons republishSend,
    republishEdit, republishStop)."""

    send_requested = Signal()
    edit_requested = Signal()
    stop_requested = Signal()

    def __init__(
        self,
        entries: Sequence[LogEntry],
        sessions: Sequence[SessionController],
        current: SessionController | None,
        destinations: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("republishDialog")
        self.setWindowTitle(self.tr("Re-publish {count} messages").format(count=len(entries)))
        self.entries = list(entries)
        self.sessions = list(sessions)
        self.running = False
        own = sorted({e.destination for e in self.entries})
        shown = ", ".join(own[:SHOWN_DESTINATIONS])
        if len(own) > SHOWN_DESTINATIONS:
            shown += self.tr(" and {count} more").format(count=len(own) - SHOWN_DESTINATIONS)
        self.own = QRadioButton(
            self.tr("Their own destination ({destinations})").format(destinations=shown)
        )
        self.own.setObjectName("republishOwn")
        self.other = QRadioButton(self.tr("Another destination:"))
        self.other.setObjectName("republishOther")
        group = QButtonGroup(self)
        group.addButton(self.own)
        group.addButton(self.other)
        self.own.setChecked(True)
        self.destination = QLineEdit()
        self.destination.setObjectName("republishDestination")
        self.destination.setPlaceholderText(self.tr("/queue/name"))
        self.destination.textEdited.connect(lambda _t: self.other.setChecked(True))
        if destinations:
            completer = QCompleter(list(destinations), self.destination)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.destination.setCompleter(completer)
        other_row = QHBoxLayout()
        other_row.addWidget(self.other)
        other_row.addWidget(self.destination, 1)
        self.connection = QComboBox()
        self.connection.setObjectName("republishConnection")
        self.connection.setToolTip(self.tr("The open connection the messages are sent on"))
        for session in self.sessions:
            self.connection.addItem(session.name, session)
        if current is not None and current in self.sessions:
            self.connection.setCurrentIndex(self.sessions.index(current))
        form = QFormLayout()
        form.addRow(self.tr("Send to"), self.own)
        form.addRow("", other_row)
        form.addRow(self.tr("Connection"), self.connection)

        self.summary = QLabel()
        self.summary.setObjectName("republishSummary")
        self.summary.setWordWrap(True)
        self.dropped = QLabel()
        self.dropped.setObjectName("republishDropped")
        self.dropped.setProperty("hint", True)
        self.dropped.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("republishProgress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("republishStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()

        self.edit_button = QPushButton(icon("edit"), self.tr("Edit in composer"))
        self.edit_button.setObjectName("republishEdit")
        self.edit_button.clicked.connect(self.edit_requested)
        self.send_button = QPushButton(icon("send"), self.tr("Send"))
        self.send_button.setObjectName("republishSend")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send_requested)
        self.stop_button = QPushButton(icon("stop"), self.tr("Stop"))
        self.stop_button.setObjectName("republishStop")
        self.stop_button.clicked.connect(self.stop_requested)
        self.stop_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("republishClose")
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.dropped)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.own.toggled.connect(lambda _on: self._update())
        self.destination.textChanged.connect(lambda _t: self._update())
        self.connection.currentIndexChanged.connect(lambda _i: self._update())
        self.resize(560, 240)
        self._update()

    # -- what the fields say -----------------------------------------------------------------

    def session(self) -> SessionController | None:
        data = self.connection.currentData()
        return data if isinstance(data, SessionController) else None

    def override(self) -> str | None:
        """The destination every message goes to, None for each one's own."""
        if self.own.isChecked():
            return None
        return self.destination.text().strip() or None

    def targets(self) -> list[str]:
        chosen = self.override()
        if chosen is not None:
            return [chosen]
        return sorted({e.destination for e in self.entries})

    def problem(self) -> str | None:
        """Why Send cannot go yet (None: it can)."""
        session = self.session()
        if session is None or not session.is_connected:
            return self.tr("No open connection to send on: connect one first.")
        if self.other.isChecked() and self.override() is None:
            return self.tr("Type the destination to send to.")
        return None

    def _update(self) -> None:
        problem = self.problem()
        session = self.session()
        if problem is None and session is not None:
            text = ops_text.republish_question(len(self.entries), self.targets(), session.name)
        else:
            text = problem or ""
        self.summary.setText(text)
        if session is not None:
            dropped = sorted(dropped_headers(session.broker_kind) - {"destination"})
            self.dropped.setText(self.tr("Left out: {headers}.").format(headers=", ".join(dropped)))
        self.send_button.setEnabled(problem is None and not self.running)
        self.edit_button.setEnabled(len(self.entries) == 1 and session is not None)
        self.edit_button.setToolTip(
            self.tr("Open the message in the composer to change it before sending")
            if len(self.entries) == 1
            else self.tr("The composer edits one message: select one row for this")
        )

    # -- what the controller reports ---------------------------------------------------------

    def set_running(self, running: bool) -> None:
        self.running = running
        for widget in (self.own, self.other, self.destination, self.connection):
            widget.setEnabled(not running)
        self.stop_button.setVisible(running)
        self.close_button.setEnabled(not running)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, len(self.entries))
            self.progress.setValue(0)
            self.show_status(self.tr("Sending…"), "")
        self._update()

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.status.setText(
            self.tr("Sent {done} of {total}…").format(done=f"{done:,}", total=f"{total:,}")
        )

    def show_status(self, text: str, level: str) -> None:
        show_outcome(self.status, text, {"error": False, "info": True}.get(level))
        self.status.show()

    def reject(self) -> None:
        """Override: closing while sending stops first."""
        if self.running:
            self.stop_requested.emit()
            return
        super().reject()
