"""The Connections dock: the profile list with its state dots, Connect and Disconnect.

It follows the tab container (`ConnectionTabs`) to colour each profile's dot: connected when
one of its tabs is up, connecting while one tries, failed when its tab failed, idle
otherwise. The keyring note is dismissed for good (the window's settings remember it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from explorer.profiles import ProfileStore
from explorer.ui.config import WindowSettings
from explorer.ui.icons import icon
from explorer.ui.profile_dialog import TestConnection
from explorer.ui.profile_list import ProfileListWidget
from explorer.ui.session import SessionController, SessionState
from explorer.ui.tabs import ConnectionTabs
from explorer.ui.wrap_row import WrapRow

_STATE_OF = {
    SessionState.CONNECTED: "connected",
    SessionState.CONNECTING: "connecting",
    SessionState.RECONNECTING: "connecting",
    SessionState.FAILED: "failed",
}
_RANK = {"connected": 3, "connecting": 2, "failed": 1, "idle": 0}


def profile_states(sessions: list[SessionController]) -> dict[str, str]:
    """Profile name -> the most alive state among its tabs."""
    states: dict[str, str] = {}
    for session in sessions:
        state = _STATE_OF.get(session.state, "idle")
        if _RANK[state] > _RANK[states.get(session.name, "idle")]:
            states[session.name] = state
    return states


class ConnectionsPane(QWidget):
    """What the Connections dock holds."""

    def __init__(
        self,
        store: ProfileStore,
        settings: WindowSettings,
        tabs: ConnectionTabs,
        test_connection: TestConnection | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionsPane")
        self.settings = settings
        self.tabs = tabs
        self.profiles = ProfileListWidget(
            store,
            test_connection=test_connection,
            show_keyring_note=not settings.keyring_note_dismissed,
        )
        self.profiles.keyring_note_dismissed.connect(self._keyring_note_dismissed)
        if self.profiles.selected() is None and self.profiles.model.rowCount():
            first = self.profiles.model.profile(0)
            if first is not None:
                self.profiles.select(first.name)
        # These buttons were the window's: their words keep the "MainWindow" context.
        self.connect_button = QPushButton(
            icon("connect"), QCoreApplication.translate("MainWindow", "Connect")
        )
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setToolTip(
            QCoreApplication.translate("MainWindow", "Connect the selected profile (Ctrl+Shift+C)")
        )
        self.disconnect_button = QPushButton(
            icon("disconnect"), QCoreApplication.translate("MainWindow", "Disconnect")
        )
        self.disconnect_button.setObjectName("disconnectButton")
        self.disconnect_button.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Disconnect the connection shown on the right (Ctrl+Shift+D)"
            )
        )
        buttons = WrapRow()  # one above the other in a narrow dock (small screens)
        for button in (self.connect_button, self.disconnect_button):
            buttons.add_group([(button, 1)], stretch=1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.profiles, 1)
        layout.addWidget(buttons)
        tabs.session_state_changed.connect(lambda _session: self.refresh_states())
        tabs.view_closed.connect(lambda _view: self.refresh_states())

    def refresh_states(self) -> None:
        self.profiles.set_states(profile_states(self.tabs.sessions()))

    def _keyring_note_dismissed(self) -> None:
        self.settings.keyring_note_dismissed = True
