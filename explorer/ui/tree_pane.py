"""The tree pane: the destinations of one connection, what is subscribed, and the tree menu.

The rows come from the session's `DestinationTreeModel`. The pane subscribes in the modes of
`explorer.broker.modes` (observe, peek, consume, drain), asks before a mode that removes
messages, and opens branches that get traffic while hundreds of discovered queues stay folded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from explorer.broker.destinations import DestinationKind, kind_of
from explorer.broker.kind import BrokerKind
from explorer.broker.modes import (
    Mode,
    available_modes,
    peek_unsupported_reason,
    removes_messages,
)
from explorer.ui.banner import Banner
from explorer.ui.debounce import debouncer, flush
from explorer.ui.icons import icon
from explorer.ui.models import DestinationTreeModel
from explorer.ui.session import SessionController
from explorer.ui.tasks import TaskRunner

# A top-level folder with at most this many children opens by itself.
_FEW_CHILDREN = 12
# Above this many destinations, "expand all" opens one level only: expanding everything
# would lay out every row at once and freeze the window.
_EXPAND_ALL_LIMIT = 5000


class TreePane(QWidget):
    """The left side of a connection tab."""

    compose_to = Signal(str)  # "send to this destination"

    def __init__(
        self,
        session: SessionController,
        banner: Banner,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("treePane")
        self.session = session
        self.banner = banner
        self.runner = runner
        # Asks "remove messages?" (title, question) -> yes?; tests replace it.
        self.confirm: Callable[[str, str], Awaitable[bool]] = self._ask

        self.tree_filter = QLineEdit()
        self.tree_filter.setObjectName("destinationFilter")
        self.tree_filter.setPlaceholderText(self.tr("Filter destinations"))
        self.tree_filter.setClearButtonEnabled(True)
        self.tree_filter.returnPressed.connect(self.flush_filter)
        self.tree_filter.setToolTip(self.tr("Show destinations whose name contains this text"))
        self._tree_filter_timer = debouncer(self, self._apply_filter)
        self.tree_filter.textChanged.connect(lambda _t: self._tree_filter_timer.start())
        self.subscribe_input = QLineEdit()
        self.subscribe_input.setObjectName("subscribeInput")
        self.subscribe_input.setPlaceholderText(self.tr("/queue/name to subscribe"))
        self.subscribe_input.setToolTip(
            self.tr("Type a destination and press Enter to subscribe to it")
        )
        self.subscribe_input.returnPressed.connect(self._subscribe_typed)
        subscribe_button = QToolButton()
        subscribe_button.setObjectName("subscribeButton")
        subscribe_button.setIcon(icon("subscribe"))
        subscribe_button.setToolTip(self.tr("Subscribe to the destination typed on the left"))
        subscribe_button.clicked.connect(self._subscribe_typed)
        subscribe_row = QHBoxLayout()
        subscribe_row.addWidget(self.subscribe_input, 1)
        subscribe_row.addWidget(subscribe_button)
        expand = QToolButton()
        expand.setObjectName("expandAllButton")
        expand.setText("⊞")
        expand.setToolTip(self.tr("Expand all destinations"))
        expand.clicked.connect(lambda: self.expand_all())
        collapse = QToolButton()
        collapse.setObjectName("collapseAllButton")
        collapse.setText("⊟")
        collapse.setToolTip(self.tr("Collapse all destinations"))
        collapse.clicked.connect(lambda: self.collapse_all())
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.tree_filter, 1)
        filter_row.addWidget(expand)
        filter_row.addWidget(collapse)

        self.tree = QTreeView()
        self.tree.setObjectName("destinationTree")
        self.tree.setModel(session.destinations)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setToolTip(
            self.tr("Destinations seen, sent to or discovered; right-click to subscribe")
        )
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.tree.doubleClicked.connect(self._tree_double_clicked)
        header = self.tree.header()
        # The name column gets a good share of the width (set once the tab has its size),
        # the counters fit their contents, and the sources column takes what is left.
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column in range(1, session.destinations.columnCount() - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 180)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        session.destinations.rowsInserted.connect(self._expand_new)
        self.subscriptions_label = QLabel()
        self.subscriptions_label.setObjectName("subscriptionsLabel")
        self.subscriptions_label.setProperty("hint", True)
        self.subscriptions_label.setWordWrap(True)
        session.subscriptions_changed.connect(self._show_subscriptions)
        self._show_subscriptions()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(subscribe_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.subscriptions_label)

    def flush_filter(self) -> None:
        """Apply a pending filter edit now (Enter in the filter box, tests)."""
        flush(self._tree_filter_timer, self._apply_filter)

    def _apply_filter(self) -> None:
        text = self.tree_filter.text()
        self.session.destinations.set_filter(text)
        if text and len(self.session.destinations.tree) <= _EXPAND_ALL_LIMIT:
            self.tree.expandAll()

    def _expand_new(self, parent: QModelIndex, first: int, last: int) -> None:
        """Open a branch when it gets a destination with traffic (seen or sent) or when it
        is a top-level folder with few children; hundreds of discovered queues stay folded
        (Expand all is in the tree's toolbar)."""
        if self.tree_filter.text():
            self.tree.expand(parent)
            return
        if not parent.isValid():
            return
        model = self.session.destinations
        busy = any(
            node.total
            for row in range(first, last + 1)
            if (node := model.index(row, 0, parent).data(model.NodeRole)) is not None
        )
        top = not parent.parent().isValid()
        if busy or (top and model.rowCount(parent) <= _FEW_CHILDREN):
            index = parent
            while index.isValid():
                self.tree.expand(index)
                index = index.parent()

    def collapse_all(self) -> None:
        self.tree.collapseAll()

    def expand_all(self) -> None:
        if len(self.session.destinations.tree) <= _EXPAND_ALL_LIMIT:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(1)

    def _destination_at(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        path = index.siblingAtColumn(0).data(DestinationTreeModel.DestinationRole)
        return str(path) if path else None

    def _tree_double_clicked(self, index: QModelIndex) -> None:
        destination = self._destination_at(index)
        if destination and index.data(DestinationTreeModel.IsDestinationRole):
            self.compose_to.emit(destination)

    def _tree_menu(self, pos: QPoint) -> None:
        destination = self._destination_at(self.tree.indexAt(pos))
        if destination is None:
            return
        menu = self.tree_actions(destination)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def tree_actions(self, destination: str) -> QMenu:
        """The context menu for a tree node (tests trigger its actions by objectName)."""
        menu = QMenu(self)
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
            self.tr("Subscribe to subtree ({wildcard})").format(wildcard=wildcard)
            if wildcard
            else self.tr("Subscribe to subtree (this broker has no wildcard)")
        )
        subtree = menu.addAction(
            icon("subscribe"), label, lambda: self.subscribe(wildcard or destination)
        )
        subtree.setObjectName("actionSubscribeSubtree")
        subtree.setEnabled(
            connected and wildcard is not None and wildcard not in self.session.subscriptions
        )
        unsub = menu.addAction(
            icon("unsubscribe"), self.tr("Unsubscribe"), lambda: self.unsubscribe(destination)
        )
        unsub.setObjectName("actionUnsubscribe")
        unsub.setEnabled(subscribed)
        menu.addSeparator()
        copy = menu.addAction(
            icon("copy"),
            self.tr("Copy destination"),
            lambda: QGuiApplication.clipboard().setText(destination),
        )
        copy.setObjectName("actionCopyDestination")
        send = menu.addAction(
            icon("send"), self.tr("Send to it…"), lambda: self.compose_to.emit(destination)
        )
        send.setObjectName("actionSendTo")
        return menu

    def _mode_labels(self, destination: str) -> list[tuple[Mode, str, str, str]]:
        """(mode, action objectName, label, tooltip) for the tree's context menu."""
        kind = kind_of(destination)
        peek_reason = self._peek_unavailable(self.session.broker_kind, kind)
        peek_label = (
            self.tr("Peek (browse, leaves the messages)")
            if peek_reason is None
            else self.tr("Peek — unavailable: {reason}").format(reason=peek_reason)
        )
        observe_tip = self.tr("Receive copies of the messages published to a topic (auto-ack).")
        if kind in (DestinationKind.QUEUE, DestinationKind.TEMP_QUEUE, DestinationKind.UNKNOWN):
            observe_tip += " " + self.tr(
                "On a queue this takes the messages away (you are asked first)."
            )
        return [
            (
                Mode.OBSERVE,
                "actionSubscribe",
                self.tr("Observe (subscribe, auto-ack)"),
                observe_tip,
            ),
            (
                Mode.PEEK,
                "actionPeek",
                peek_label,
                peek_reason
                or self.tr(
                    "Look at the messages waiting in the queue without removing them "
                    "(queue browser)."
                ),
            ),
            (
                Mode.CONSUME,
                "actionConsume",
                self.tr("Consume with manual ACK/NACK…"),
                self.tr(
                    "Receive messages and acknowledge or reject each one with the ACK / "
                    "NACK buttons of the message pane; acknowledged messages are removed."
                ),
            ),
            (
                Mode.DRAIN,
                "actionDrain",
                self.tr("Drain (remove every message)…"),
                self.tr(
                    "Consume every message of the queue with automatic acknowledgement: "
                    "they are removed."
                ),
            ),
        ]

    def _peek_unavailable(self, broker: BrokerKind, kind: DestinationKind) -> str | None:
        """Why peek cannot work here, in the user's language (None when it can)."""
        if peek_unsupported_reason(broker, kind) is None:
            return None
        if kind not in (DestinationKind.QUEUE, DestinationKind.TEMP_QUEUE):
            return self.tr("only queues can be browsed; a topic keeps no messages (use observe)")
        if broker is BrokerKind.RABBITMQ:
            return self.tr(
                "RabbitMQ has no queue browser over STOMP (the management UI's "
                "'Get messages' with requeue is the nearest thing)"
            )
        return self.tr("this broker has no known queue browser over STOMP")

    def subscribe_in_mode(self, destination: str, mode: Mode) -> None:
        """Subscribe as the tree menu asks; modes that remove messages are confirmed first."""

        async def go() -> str | None:
            if removes_messages(mode, kind_of(destination)):
                question = {
                    Mode.OBSERVE: self.tr(
                        "Observing {destination} takes its messages off the queue (auto-ack): "
                        "other consumers will not get them. Subscribe anyway?"
                    ),
                    Mode.CONSUME: self.tr(
                        "Consuming {destination} removes every message you acknowledge. "
                        "Subscribe with manual ACK/NACK?"
                    ),
                    Mode.DRAIN: self.tr(
                        "Draining {destination} removes every message on it, now and as they "
                        "arrive. Drain it?"
                    ),
                }[mode].format(destination=destination)
                if not await self.confirm(self.tr("Remove messages?"), question):
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
            self,
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

    def _subscribe_typed(self) -> None:
        destination = self.subscribe_input.text().strip()
        if not destination:
            self.banner.show_message(
                self.tr("Type a destination first, for example /queue/test."), "info"
            )
            return
        self.subscribe(destination)
        self.subscribe_input.clear()

    def _show_subscriptions(self) -> None:
        subs = sorted(self.session.subscriptions)
        self.subscriptions_label.setToolTip("\n".join(subs))
        if len(subs) == 1:
            self.subscriptions_label.setText(
                self.tr("Subscribed to {destination}").format(destination=subs[0])
            )
        elif subs:
            self.subscriptions_label.setText(
                self.tr("Subscribed to {count} destinations (hover to list them)").format(
                    count=len(subs)
                )
            )
        else:
            self.subscriptions_label.setText(
                self.tr("No subscriptions yet: type a destination above or right-click one.")
            )
