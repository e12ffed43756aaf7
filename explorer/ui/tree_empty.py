"""What an empty destination tree says: why it is empty and what to do, with one click.

Before the connection is up it says the tree fills once connected; when the broker's
destinations cannot be listed (no management API, a refused login) it says so; otherwise it
invites a subscription or a send. Where the broker has an "every topic" wildcard
(`/topic/#` on RabbitMQ, `/topic/>` on ActiveMQ) a button subscribes to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from explorer.ui.icons import icon
from explorer.ui.session import SessionController


class TreeEmptyState(QWidget):
    """A note laid over the tree's viewport while the tree has no rows."""

    subscribe_requested = Signal(str)

    def __init__(self, session: SessionController, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("treeEmptyState")
        self.session = session
        self.text = QLabel()
        self.text.setObjectName("treeEmptyText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setProperty("hint", True)
        self.button = QPushButton(icon("subscribe"), "")
        self.button.setObjectName("subscribeEverything")
        self.button.setToolTip(self.tr("Receive the messages of every topic of this broker"))
        self.button.clicked.connect(self._subscribe)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 24, 16, 16)
        box.addWidget(self.text)
        box.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(1)

    def everything(self) -> str | None:
        """The broker's "every topic" subscription, if it has one and it is not taken."""
        session = self.session
        wildcard = session.wildcard_for("/topic/") if session.is_connected else None
        return wildcard if wildcard and wildcard not in session.subscriptions else None

    def _subscribe(self) -> None:
        destination = self.everything()
        if destination:
            self.subscribe_requested.emit(destination)

    def refresh(self, empty: bool) -> None:
        """Show (with the right words) or hide, and cover the parent (the viewport)."""
        self.setVisible(empty)
        if not empty:
            return
        session = self.session
        everything = self.everything()
        if not session.is_connected:
            text = self.tr("Destinations appear here once the connection is up.")
        elif session.discovery_problem:
            text = self.tr(
                "The broker's destinations cannot be listed ({reason}). Subscribe to a "
                "destination above to see what flows."
            ).format(reason=session.discovery_problem)
        else:
            text = self.tr(
                "No destinations yet. Subscribe to one above or send a message from the composer."
            )
        self.text.setText(text)
        self.button.setText(
            self.tr("Subscribe to {destination}").format(destination=everything or "")
        )
        self.button.setVisible(everything is not None)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
