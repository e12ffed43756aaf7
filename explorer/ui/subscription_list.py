"""What this connection is subscribed to: a list of its own, never nodes of the tree.

A subscription is a pattern you listen with (`/topic/shop.>`), a destination is a place
messages go to; mixing them planted `>` and `#` nodes in the tree. The list shows the live
subscriptions with their ack mode and the ones the broker refused, with its words.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QWidget

from explorer.store import is_wildcard
from explorer.ui.icons import icon

DESTINATION_ROLE = int(Qt.ItemDataRole.UserRole) + 1
REFUSED_ROLE = int(Qt.ItemDataRole.UserRole) + 2


class SubscriptionList(QListWidget):
    """One row per subscription; the context menu (and Delete) unsubscribes."""

    unsubscribe_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subscriptionList")
        self.setToolTip(self.tr("Your subscriptions; right-click one to unsubscribe"))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.setUniformItemSizes(True)
        self.setAlternatingRowColors(False)

    def show_subscriptions(self, live: dict[str, str], refused: dict[str, str]) -> None:
        """`live`: destination -> ack mode; `refused`: destination -> the broker's words."""
        self.clear()
        for destination in sorted(live):
            ack = live[destination]
            item = QListWidgetItem(icon("subscribe"), destination)
            pattern = is_wildcard(destination)
            tip = (
                self.tr("Pattern subscription (ack: {ack})")
                if pattern
                else self.tr("Subscription (ack: {ack})")
            ).format(ack=ack)
            item.setToolTip(f"{destination}\n{tip}")
            item.setData(DESTINATION_ROLE, destination)
            item.setData(REFUSED_ROLE, False)
            self.addItem(item)
        for destination in sorted(refused):
            item = QListWidgetItem(icon("warning"), destination)
            item.setToolTip(
                self.tr("The broker refused this subscription: {error}").format(
                    error=refused[destination]
                )
            )
            item.setData(DESTINATION_ROLE, destination)
            item.setData(REFUSED_ROLE, True)
            item.setForeground(self.palette().color(self.palette().ColorRole.PlaceholderText))
            self.addItem(item)

    def destinations(self) -> list[str]:
        return [str(self.item(row).data(DESTINATION_ROLE)) for row in range(self.count())]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override: Delete unsubscribes the current row."""
        item = self.currentItem()
        if event.key() == Qt.Key.Key_Delete and item is not None:
            if not item.data(REFUSED_ROLE):
                self.unsubscribe_requested.emit(str(item.data(DESTINATION_ROLE)))
            return
        super().keyPressEvent(event)

    def actions_for(self, destination: str, refused: bool) -> QMenu:
        """The context menu of one row (tests trigger its actions by objectName)."""
        menu = QMenu(self)
        unsubscribe = menu.addAction(
            icon("unsubscribe"),
            self.tr("Unsubscribe"),
            lambda: self.unsubscribe_requested.emit(destination),
        )
        unsubscribe.setObjectName("actionUnsubscribeListed")
        unsubscribe.setEnabled(not refused)
        copy = menu.addAction(
            icon("copy"),
            self.tr("Copy destination"),
            lambda: QGuiApplication.clipboard().setText(destination),
        )
        copy.setObjectName("actionCopySubscription")
        return menu

    def _menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is None:
            return
        menu = self.actions_for(str(item.data(DESTINATION_ROLE)), bool(item.data(REFUSED_ROLE)))
        menu.exec(self.viewport().mapToGlobal(pos))
