"""Everything one connection shows: banner, destination tree, message log, traffic inspector.

The window puts one `ConnectionView` per connection in a tab. Network actions run as
`qasync.asyncSlot` coroutines that catch every error and show it in the banner.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
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
from explorer.client import ClientError
from explorer.store import LogEntry
from explorer.ui.banner import Banner
from explorer.ui.compose import ComposeRequest
from explorer.ui.icons import icon
from explorer.ui.messages import describe_client_error
from explorer.ui.models import DestinationTreeModel, MessageTableModel
from explorer.ui.session import SessionController
from explorer.ui.traffic import TrafficView

# Headers a broker adds to a MESSAGE; "send again" leaves them out.
_BROKER_HEADERS = frozenset(
    {
        "message-id",
        "subscription",
        "ack",
        "content-length",
        "redelivered",
        "timestamp",
        "expires",
        "priority",
        "destination",
        "receipt",
        "receipt-id",
    }
)


class _ElideMiddleDelegate(QStyledItemDelegate):
    """Destinations differ at their ends: "/topic/notifi…ons/user.1005"."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


# A top-level folder with at most this many children opens by itself.
_FEW_CHILDREN = 12


def resend_request(entry: LogEntry) -> ComposeRequest:
    """A SEND that repeats a logged message: its destination, own headers and body."""
    headers = [("destination", entry.destination)]
    headers += [(k, v) for k, v in entry.headers if k not in _BROKER_HEADERS]
    return ComposeRequest("SEND", tuple(headers), entry.body)


class ConnectionView(QWidget):
    """The tab of one connection."""

    message_selected = Signal(object)  # LogEntry | None
    compose_to = Signal(str)  # "send to this destination"
    send_again = Signal(object)  # ComposeRequest

    def __init__(self, session: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("connectionView")
        self.banner = Banner()
        session.error_raised.connect(lambda text: self.banner.show_message(text, "error"))
        session.notice.connect(lambda text: self.banner.show_message(text, "info"))
        self._tasks: set[asyncio.Task[None]] = set()
        # Asks "remove messages?" (title, question) -> yes?; tests replace it.
        self.confirm: Callable[[str, str], Awaitable[bool]] = self._ask

        # -- destination tree ------------------------------------------------------------
        self.tree_filter = QLineEdit()
        self.tree_filter.setObjectName("destinationFilter")
        self.tree_filter.setPlaceholderText(self.tr("Filter destinations"))
        self.tree_filter.setClearButtonEnabled(True)
        self.tree_filter.returnPressed.connect(self.flush_filters)
        self.tree_filter.setToolTip(self.tr("Show destinations whose name contains this text"))
        # Filters apply 150 ms after the last keystroke: a 100,000-row log or a big tree is
        # filtered once per pause in typing, not once per key.
        self._tree_filter_timer = self._debouncer(
            lambda: self._filter_tree(self.tree_filter.text())
        )
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

        tree_box = QWidget()
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addLayout(subscribe_row)
        tree_layout.addLayout(filter_row)
        tree_layout.addWidget(self.tree, 1)
        tree_layout.addWidget(self.subscriptions_label)

        # -- message log -----------------------------------------------------------------
        model = session.messages
        self.log = QTableView()
        self.log.setObjectName("messageLog")
        self.log.setModel(model)
        self.log.setToolTip(self.tr("Messages in and out; Space pauses, right-click for more"))
        self.log.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log.setWordWrap(False)
        self.log.setAlternatingRowColors(True)
        self.log.verticalHeader().hide()
        self.log.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.log.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        log_header = self.log.horizontalHeader()
        log_header.setStretchLastSection(True)  # Preview takes what is left
        # Widths from the font: the time, "out ERROR", "1023.9 KiB", a content type; long
        # destinations are elided in the middle (their ends are what tell them apart).
        metrics = self.fontMetrics()
        pad = 16
        for column, sample in (
            (0, "00:00:00.000"),
            (1, "out ERROR"),
            (3, "1023.9 KiB"),
            (4, "application/json"),
        ):
            log_header.resizeSection(column, metrics.horizontalAdvance(sample) + pad)
        log_header.resizeSection(2, metrics.horizontalAdvance("/topic/demo.prices.EUR") + pad)
        self.log.setItemDelegateForColumn(
            MessageTableModel.DESTINATION, _ElideMiddleDelegate(self.log)
        )
        self.log.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        log_header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        log_header.customContextMenuRequested.connect(self._column_menu)
        log_header.setToolTip(self.tr("Right-click to choose the columns"))
        self.log.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.log.customContextMenuRequested.connect(self._log_menu)
        self.log.selectionModel().selectionChanged.connect(self._selection_changed)
        model.rowsAboutToBeInserted.connect(self._remember_bottom)
        model.flushed.connect(self._after_flush)
        model.modelReset.connect(lambda: self.message_selected.emit(None))
        self._at_bottom = True
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.log)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        space.activated.connect(self.toggle_pause)

        self.log_filter = QLineEdit()
        self.log_filter.setObjectName("logFilter")
        self.log_filter.setClearButtonEnabled(True)
        self.log_filter.returnPressed.connect(self.flush_filters)
        self.log_filter.setToolTip(
            self.tr("Filter the log (Ctrl+F); the menu on the left picks how")
        )
        self.filter_kind = QComboBox()
        self.filter_kind.setObjectName("logFilterKind")
        for kind, label in (
            ("text", self.tr("Text")),
            ("regex", self.tr("Regex")),
            ("destination", self.tr("Destination")),
            ("header", self.tr("Header")),
        ):
            self.filter_kind.addItem(label, kind)
        self.filter_kind.setToolTip(self.tr("What the filter text matches"))
        self.filter_kind.currentIndexChanged.connect(lambda _i: self._apply_log_filter())
        self._log_filter_timer = self._debouncer(self._apply_log_filter)
        self.log_filter.textChanged.connect(lambda _t: self._log_filter_timer.start())
        self._apply_log_filter()
        self.pause_button = QPushButton(icon("pause"), self.tr("Pause"))
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(
            self.tr("Stop updating the log; messages keep being recorded (Ctrl+P or Space)")
        )
        self.pause_button.toggled.connect(self._pause_toggled)
        clear = QToolButton()
        clear.setObjectName("clearLogButton")
        clear.setIcon(icon("clear"))
        clear.setToolTip(self.tr("Clear the log"))
        clear.clicked.connect(model.clear)
        export = QToolButton()
        export.setObjectName("exportButton")
        export.setIcon(icon("export"))
        export.setToolTip(self.tr("Export messages as JSON Lines"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(export)
        export_menu.addAction(self.tr("Export selected…"), lambda: self._export_dialog(True))
        export_menu.addAction(self.tr("Export all…"), lambda: self._export_dialog(False))
        export.setMenu(export_menu)
        self.log_info = QLabel()
        self.log_info.setObjectName("logInfo")
        self.log_info.setProperty("hint", True)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_kind)
        bar.addWidget(self.log_filter, 1)
        bar.addWidget(self.log_info)
        bar.addWidget(self.pause_button)
        bar.addWidget(clear)
        bar.addWidget(export)
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 4, 0, 0)
        log_layout.addLayout(bar)
        log_layout.addWidget(self.log, 1)

        self.traffic = TrafficView(session.traffic)
        self.pages = QTabWidget()
        self.pages.setObjectName("connectionPages")
        self.pages.addTab(log_box, icon("filter"), self.tr("Messages"))
        self.pages.addTab(self.traffic, icon("raw"), self.tr("Traffic"))
        self.pages.setTabToolTip(0, self.tr("Messages received and sent"))
        self.pages.setTabToolTip(1, self.tr("Every frame and heart-beat on the wire"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("connectionSplitter")
        self.splitter.addWidget(tree_box)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self._sized = False
        self.tree_fraction = 0.34  # share of the width for the tree (remembered by the window)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self._update_log_info()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override: split the width between tree and log once the tab has its real size."""
        super().resizeEvent(event)
        width = self.splitter.width()
        if not self._sized and width >= 400:
            self._sized = True
            tree = round(width * self.tree_fraction)
            self.splitter.setSizes([tree, width - tree])
            self.tree.header().resizeSection(0, max(140, round(tree * 0.45)))

    def current_tree_fraction(self) -> float:
        sizes = self.splitter.sizes()
        total = sum(sizes)
        return sizes[0] / total if total else self.tree_fraction

    # -- running coroutines from slots -------------------------------------------------------

    def run(self, coro: Awaitable[object], done: Callable[[object], None] | None = None) -> None:
        """Run a network action; its ClientError (or any error) goes to the banner."""

        async def guarded() -> None:
            try:
                result = await coro
            except ClientError as exc:
                self.banner.show_message(describe_client_error(exc), "error")
            except Exception as exc:  # shown, never lost in qasync's excepthook
                self.banner.show_message(
                    self.tr("Unexpected error: {error}").format(error=exc), "error"
                )
            else:
                if done is not None:
                    done(result)

        task = asyncio.ensure_future(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- destination tree ------------------------------------------------------------------

    def _debouncer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(150)
        timer.timeout.connect(slot)
        return timer

    def flush_filters(self) -> None:
        """Apply pending filter edits now (tests, and Enter in a filter box)."""
        if self._tree_filter_timer.isActive():
            self._tree_filter_timer.stop()
            self._filter_tree(self.tree_filter.text())
        if self._log_filter_timer.isActive():
            self._log_filter_timer.stop()
            self._apply_log_filter()

    def _filter_tree(self, text: str) -> None:
        self.session.destinations.set_filter(text)
        if text and len(self.session.destinations.tree) <= 5000:
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
        if len(self.session.destinations.tree) <= 5000:
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

        def done(text: object) -> None:
            if text:
                self._info(text)

        self.run(go(), done)

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
        self.run(self.session.subscribe(destination))

    def unsubscribe(self, destination: str) -> None:
        self.run(self.session.unsubscribe(destination))

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

    # -- message log -----------------------------------------------------------------------

    def _remember_bottom(self) -> None:
        bar = self.log.verticalScrollBar()
        self._at_bottom = bar.value() >= bar.maximum() - 2

    def _after_flush(self, _inserted: int, _evicted: int) -> None:
        if self._at_bottom:
            self.log.scrollToBottom()
        self._update_log_info()

    def _update_log_info(self) -> None:
        model = self.session.messages
        total = len(model.log)
        if model.message_filter.is_empty:
            parts = [self.tr("{count} messages").format(count=f"{total:,}")]
        else:
            parts = [
                self.tr("{shown} of {total} messages").format(
                    shown=f"{model.rowCount():,}", total=f"{total:,}"
                )
            ]
        if model.evicted_total:
            parts.append(self.tr("{count} evicted").format(count=f"{model.evicted_total:,}"))
        if model.paused and model.pending_count:
            parts.append(self.tr("{count} waiting").format(count=model.pending_count))
        self.log_info.setText(" · ".join(parts))

    def toggle_pause(self) -> None:
        self.pause_button.toggle()

    def _pause_toggled(self, paused: bool) -> None:
        self.session.messages.set_paused(paused)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setIcon(icon("resume" if paused else "pause"))
        self._update_log_info()

    def focus_filter(self) -> None:
        self.pages.setCurrentIndex(0)
        self.log_filter.setFocus()
        self.log_filter.selectAll()

    def _apply_log_filter(self) -> None:
        text = self.log_filter.text().strip()
        kind = self.filter_kind.currentData()
        placeholders = {
            "text": self.tr("text in destination, headers or body"),
            "regex": self.tr("regular expression, e.g. order-\\d+"),
            "destination": self.tr("destination or prefix, e.g. /topic/prices"),
            "header": self.tr("name or name=value"),
        }
        self.log_filter.setPlaceholderText(placeholders[kind])
        args = {
            "text": {"text": text},
            "regex": {"regex": text},
            "destination": {"destination": text, "destination_prefix": True},
            "header": {"header": text},
        }[kind]
        error = self.session.messages.set_filter(**args)  # type: ignore[arg-type]
        self.log_filter.setProperty("valid", "false" if error else "true")
        if hasattr(self, "log_info"):
            self._update_log_info()
        self.log_filter.setToolTip(error or self.tr("Filter the log (Ctrl+F)"))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        current = self.log.selectionModel().currentIndex()
        rows = self.log.selectionModel().selectedRows()
        if not rows:
            self.message_selected.emit(None)
            return
        row = current.row() if current.isValid() else rows[-1].row()
        self.message_selected.emit(self.session.messages.entry_at(row))

    def selected_entry(self) -> LogEntry | None:
        rows = self.log.selectionModel().selectedRows()
        return self.session.messages.entry_at(rows[-1].row()) if rows else None

    def _log_menu(self, pos: QPoint) -> None:
        index = self.log.indexAt(pos)
        entry = self.session.messages.entry_at(index.row()) if index.isValid() else None
        self.log_actions(entry).exec(self.log.viewport().mapToGlobal(pos))

    def log_actions(self, entry: LogEntry | None) -> QMenu:
        """The context menu of a log row (tests trigger its actions by objectName)."""
        menu = QMenu(self)
        if entry is not None:
            again = menu.addAction(
                icon("send"),
                self.tr("Send again…"),
                lambda: self.send_again.emit(resend_request(entry)),
            )
            again.setObjectName("actionSendAgain")
            again.setEnabled(bool(entry.destination))
            if self.session.needs_ack(entry):
                ack = menu.addAction(
                    self.tr("Acknowledge (ACK)"),
                    lambda: self.run(self.session.acknowledge(entry, True), self._info),
                )
                ack.setObjectName("actionAck")
                nack = menu.addAction(
                    self.tr("Reject (NACK)"),
                    lambda: self.run(self.session.acknowledge(entry, False), self._info),
                )
                nack.setObjectName("actionNack")
            menu.addAction(
                icon("copy"),
                self.tr("Copy destination"),
                lambda: QGuiApplication.clipboard().setText(entry.destination),
            )
            menu.addSeparator()
        menu.addAction(
            icon("export"), self.tr("Export selected…"), lambda: self._export_dialog(True)
        )
        menu.addAction(icon("export"), self.tr("Export all…"), lambda: self._export_dialog(False))
        menu.addAction(icon("clear"), self.tr("Clear the log"), self.session.messages.clear)
        return menu

    def _info(self, text: object) -> None:
        self.banner.show_message(str(text), "info")

    def export(self, path: Path, selected_only: bool) -> int:
        """Write the selected (or all shown) messages to `path` as JSON Lines."""
        rows = (
            sorted({i.row() for i in self.log.selectionModel().selectedRows()})
            if selected_only
            else None
        )
        with path.open("w", encoding="utf-8") as fp:
            return self.session.messages.export_jsonl(fp, rows)

    def _export_dialog(self, selected_only: bool) -> None:
        if selected_only and not self.log.selectionModel().selectedRows():
            self.banner.show_message(self.tr("Select messages in the log first."), "info")
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export messages"),
            f"{self.session.name}.jsonl",
            self.tr("JSON Lines (*.jsonl);;All files (*)"),
        )
        if not name:
            return
        try:
            count = self.export(Path(name), selected_only)
        except OSError as exc:
            self.banner.show_message(
                self.tr("Could not write {path}: {error}").format(path=name, error=exc.strerror)
            )
            return
        self.banner.show_message(
            self.tr("Exported {count} messages to {path}").format(count=count, path=name), "info"
        )

    # -- layout ------------------------------------------------------------------------------

    def _column_menu(self, pos: QPoint) -> None:
        self.column_actions().exec(self.log.horizontalHeader().mapToGlobal(pos))

    def column_actions(self) -> QMenu:
        """Checkable actions that show or hide the log's columns."""
        menu = QMenu(self)
        model = self.session.messages
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not self.log.isColumnHidden(column))
            action.setEnabled(column != MessageTableModel.DESTINATION)
            action.toggled.connect(lambda on, c=column: self.log.setColumnHidden(c, not on))
        return menu

    def hidden_columns(self) -> list[int]:
        return [c for c in range(self.session.messages.columnCount()) if self.log.isColumnHidden(c)]

    def set_hidden_columns(self, columns: list[int]) -> None:
        for column in range(self.session.messages.columnCount()):
            self.log.setColumnHidden(
                column, column in columns and column != MessageTableModel.DESTINATION
            )
