"""The destination tree's context menu: subscribe in a mode, subtree, unsubscribe, copy, send.

The modes are those of `explorer.broker.modes` (observe, peek, consume, drain); a mode that
removes messages is confirmed first, with a question that says what will be lost. Its words
keep the "TreePane" translation context they had when the menu lived in the tree pane.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from explorer.broker.destinations import DestinationKind, kind_of
from explorer.broker.kind import BrokerKind
from explorer.broker.modes import (
    Mode,
    available_modes,
    peek_unsupported_reason,
    removes_messages,
)
from explorer.ui.banner import Banner
from explorer.ui.icons import icon
from explorer.ui.session import SessionController
from explorer.ui.tasks import TaskRunner


class TreeMenu(QObject):
    """Builds the menu of one tree node and runs what it asks (through the tab's runner)."""

    def __init__(
        self,
        session: SessionController,
        banner: Banner,
        runner: TaskRunner,
        compose_to: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.session = session
        self.banner = banner
        self.runner = runner
        self.compose_to = compose_to
        # Asks "remove messages?" (title, question) -> yes?; tests replace it.
        self.confirm: Callable[[str, str], Awaitable[bool]] = self._ask
        # More entries for a node's menu (menu, destination): the queue operations add theirs.
        self.extra_actions: list[Callable[[QMenu, str], None]] = []

    def actions(self, destination: str) -> QMenu:
        """The context menu for a tree node (tests trigger its actions by objectName)."""
        menu = QMenu(self._parent)
        menu.setToolTipsVisible(True)
        connected = self.session.is_connected
        subscribed = destination in self.session.subscriptions
        broker = self.session.broker_kind
        available = available_modes(broker, destination)
        for mode, name, label, tip in self._mode_labels(destination):
            action = QAction(icon("subscribe"), label, menu)
            action.triggered.connect(
                lambda _c=False, m=mode: self.subscribe_in_mode(destination, m)
            )
            menu.addAction(action)
            action.setObjectName(name)
            action.setToolTip(tip)
            action.setEnabled(
                connected and mode in available and (mode is Mode.PEEK or not subscribed)
            )
        menu.addSeparator()
        wildcard = self.session.wildcard_for(destination)
        label = (
            QCoreApplication.translate("TreePane", "Subscribe to subtree ({wildcard})").format(
                wildcard=wildcard
            )
            if wildcard
            else QCoreApplication.translate(
                "TreePane", "Subscribe to subtree (this broker has no wildcard)"
            )
        )
        subtree = menu.addAction(
            icon("subscribe"), label, lambda: self.subscribe(wildcard or destination)
        )
        subtree.setObjectName("actionSubscribeSubtree")
        subtree.setEnabled(
            connected and wildcard is not None and wildcard not in self.session.subscriptions
        )
        unsub = menu.addAction(
            icon("unsubscribe"),
            QCoreApplication.translate("TreePane", "Unsubscribe"),
            lambda: self.unsubscribe(destination),
        )
        unsub.setObjectName("actionUnsubscribe")
        unsub.setEnabled(subscribed)
        menu.addSeparator()
        copy = menu.addAction(
            icon("copy"),
            QCoreApplication.translate("TreePane", "Copy destination"),
            lambda: QGuiApplication.clipboard().setText(destination),
        )
        copy.setObjectName("actionCopyDestination")
        send = menu.addAction(
            icon("send"),
            QCoreApplication.translate("TreePane", "Send to it…"),
            lambda: self.compose_to(destination),
        )
        send.setObjectName("actionSendTo")
        for add in self.extra_actions:
            add(menu, destination)
        return menu

    def _mode_labels(self, destination: str) -> list[tuple[Mode, str, str, str]]:
        """(mode, action objectName, label, tooltip) for the tree's context menu."""
        kind = kind_of(destination)
        peek_reason = self._peek_unavailable(self.session.broker_kind, kind)
        peek_label = (
            QCoreApplication.translate("TreePane", "Peek (browse, leaves the messages)")
            if peek_reason is None
            else QCoreApplication.translate("TreePane", "Peek — unavailable: {reason}").format(
                reason=peek_reason
            )
        )
        observe_tip = QCoreApplication.translate(
            "TreePane", "Receive copies of the messages published to a topic (auto-ack)."
        )
        if kind in (DestinationKind.QUEUE, DestinationKind.TEMP_QUEUE, DestinationKind.UNKNOWN):
            observe_tip += " " + QCoreApplication.translate(
                "TreePane", "On a queue this takes the messages away (you are asked first)."
            )
        return [
            (
                Mode.OBSERVE,
                "actionSubscribe",
                QCoreApplication.translate("TreePane", "Observe (subscribe, auto-ack)"),
                observe_tip,
            ),
            (
                Mode.PEEK,
                "actionPeek",
                peek_label,
                peek_reason
                or QCoreApplication.translate(
                    "TreePane",
                    "Look at the messages waiting in the queue without removing them "
                    "(queue browser).",
                ),
            ),
            (
                Mode.CONSUME,
                "actionConsume",
                QCoreApplication.translate("TreePane", "Consume with manual ACK/NACK…"),
                QCoreApplication.translate(
                    "TreePane",
                    "Receive messages and acknowledge or reject each one with the ACK / "
                    "NACK buttons of the message pane; acknowledged messages are removed.",
                ),
            ),
            (
                Mode.DRAIN,
                "actionDrain",
                QCoreApplication.translate("TreePane", "Drain (remove every message)…"),
                QCoreApplication.translate(
                    "TreePane",
                    "Consume every message of the queue with automatic acknowledgement: "
                    "they are removed.",
                ),
            ),
        ]

    def _peek_unavailable(self, broker: BrokerKind, kind: DestinationKind) -> str | None:
        """Why peek cannot work here, in the user's language (None when it can)."""
        if peek_unsupported_reason(broker, kind) is None:
            return None
        if kind not in (DestinationKind.QUEUE, DestinationKind.TEMP_QUEUE):
            return QCoreApplication.translate(
                "TreePane", "only queues can be browsed; a topic keeps no messages (use observe)"
            )
        if broker is BrokerKind.RABBITMQ:
            return QCoreApplication.translate(
                "TreePane",
                "RabbitMQ has no queue browser over STOMP (the management UI's "
                "'Get messages' with requeue is the nearest thing)",
            )
        return QCoreApplication.translate(
            "TreePane", "this broker has no known queue browser over STOMP"
        )

    def subscribe_in_mode(self, destination: str, mode: Mode) -> None:
        """Subscribe as the tree menu asks; modes that remove messages are confirmed first."""

        async def go() -> str | None:
            if removes_messages(mode, kind_of(destination)):
                question = {
                    Mode.OBSERVE: QCoreApplication.translate(
                        "TreePane",
                        "Observing {destination} takes its messages off the queue (auto-ack): "
                        "other consumers will not get them. Subscribe anyway?",
                    ),
                    Mode.CONSUME: QCoreApplication.translate(
                        "TreePane",
                        "Consuming {destination} removes every message you acknowledge. "
                        "Subscribe with manual ACK/NACK?",
                    ),
                    Mode.DRAIN: QCoreApplication.translate(
                        "TreePane",
                        "Draining {destination} removes every message on it, now and as they "
                        "arrive. Drain it?",
                    ),
                }[mode].format(destination=destination)
                if not await self.confirm(
                    QCoreApplication.translate("TreePane", "Remove messages?"), question
                ):
                    return None
            return await self.session.subscribe_mode(destination, mode)

        def done(text: str | None) -> None:
            if text:
                self.banner.show_message(text, "info")

        self.runner.run(go(), done)

    async def _ask(self, title: str, question: str) -> bool:
        """A non-modal Yes/No box (awaitable); tests replace `confirm`."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._parent,
        )
        box.setObjectName("confirmRemoveDialog")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def finished(result: int) -> None:
            if not done.done():
                done.set_result(result)

        box.finished.connect(finished)
        box.open()
        await done
        answer = box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes
        box.deleteLater()
        return answer

    def subscribe(self, destination: str) -> None:
        self.runner.run(self.session.subscribe(destination))

    def unsubscribe(self, destination: str) -> None:
        self.runner.run(self.session.unsubscribe(destination))
