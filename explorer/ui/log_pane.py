"""The log pane: the message log of one connection, its filter bar, pause, export and menus.

The rows come from the session's `MessageTableModel` (batched by its own timer). The pane
follows the newest row until the user selects a row or scrolls up; then the rows in view stay
put (evictions and a filter's older matches do not move them) and a "Jump to newest (N new)"
button resumes following. Filters apply after a pause in typing; a filter that cannot be used
marks the field and says why under it. Exports (all, filtered, selected; JSON Lines or CSV)
are written by a worker thread from a snapshot of the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.session.compose import ComposeRequest
from explorer.store import LogEntry, MessageFilter
from explorer.ui.banner import Banner
from explorer.ui.debounce import debouncer, flush
from explorer.ui.elided_label import ElidedLabel
from explorer.ui.icons import icon
from explorer.ui.log_export import EXPORT_FILTERED, EXPORT_SELECTED, LogExporter
from explorer.ui.log_follow import LogFollower
from explorer.ui.models import MessageTableModel
from explorer.ui.parse_errors import filter_error_text
from explorer.ui.session import SessionController
from explorer.ui.tasks import TaskRunner
from explorer.ui.wrap_row import WrapRow

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


class _ElideLeftDelegate(QStyledItemDelegate):
    """Destinations differ at their ends: "…/notifications/user.1005". A composite
    destination ("2 destinations: /queue/a, …") keeps its start instead."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        entry = index.data(MessageTableModel.EntryRole)
        composite = isinstance(entry, LogEntry) and "," in entry.destination
        option.textElideMode = (
            Qt.TextElideMode.ElideRight if composite else Qt.TextElideMode.ElideLeft
        )


def resend_request(entry: LogEntry) -> ComposeRequest:
    """A SEND that repeats a logged message: its destination, own headers and body."""
    headers = [("destination", entry.destination)]
    headers += [(k, v) for k, v in entry.headers if k not in _BROKER_HEADERS]
    return ComposeRequest("SEND", tuple(headers), entry.body)


class LogPane(QWidget):
    """The "Messages" page of a connection tab."""

    message_selected = Signal(object)  # LogEntry | None
    send_again = Signal(object)  # ComposeRequest
    following_changed = Signal(bool)  # the log follows the newest row (True) or stays put

    def __init__(
        self,
        session: SessionController,
        banner: Banner,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("logPane")
        self.session = session
        self.banner = banner
        self.runner = runner
        self._removing = False
        # More entries for the row menu (menu, the row's entry): re-publish adds its own.
        self.extra_actions: list[Callable[[QMenu, LogEntry | None], None]] = []
        model = session.messages
        # Connected before the view's selection model: it drops an evicted selected row in
        # its own rowsAboutToBeRemoved handler, and the pane must know why by then.
        model.rowsAboutToBeRemoved.connect(self._rows_about_to_be_removed)
        self.log = QTableView()
        self.log.setObjectName("messageLog")
        self.log.setModel(model)
        self.log.setToolTip(self.tr("Messages in and out; Space pauses, right-click for more"))
        self.log.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.log.setWordWrap(False)
        self.log.setAlternatingRowColors(True)
        self.log.setShowGrid(False)
        self.log.verticalHeader().hide()
        self.log.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.log.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._size_columns()
        self.log.setItemDelegateForColumn(
            MessageTableModel.DESTINATION, _ElideLeftDelegate(self.log)
        )
        self.log.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        log_header = self.log.horizontalHeader()
        log_header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        log_header.customContextMenuRequested.connect(self._column_menu)
        log_header.setToolTip(self.tr("Right-click to choose the columns"))
        self.log.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.log.customContextMenuRequested.connect(self._log_menu)
        self.log.selectionModel().selectionChanged.connect(self._selection_changed)
        model.rowsRemoved.connect(self._rows_removed)
        model.flushed.connect(lambda _n, _e: self._update_log_info())
        model.filter_progress.connect(lambda _done: self._update_log_info())
        model.modelReset.connect(lambda: self.message_selected.emit(None))
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.log)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        space.activated.connect(self.toggle_pause)

        self.follower = LogFollower(self.log, model)
        self.follower.following_changed.connect(self.following_changed)
        self.jump_button = self.follower.button
        self.exporter = LogExporter(self, self.log, session, banner, runner)

        self.log_info = ElidedLabel()
        self.log_info.setObjectName("logInfo")
        self.log_info.setProperty("hint", True)
        self.log_filter = QLineEdit()
        self.log_filter.setObjectName("logFilter")
        self.log_filter.setClearButtonEnabled(True)
        self.log_filter.returnPressed.connect(self.flush_filter)
        self.filter_kind = QComboBox()
        self.filter_kind.setObjectName("logFilterKind")
        for kind, label in (
            ("text", self.tr("Text")),
            ("regex", self.tr("Regex")),
            ("destination", self.tr("Destination")),
            ("header", self.tr("Header")),
            ("search", self.tr("Search")),
        ):
            self.filter_kind.addItem(label, kind)
        self.filter_kind.setToolTip(self.tr("What the filter text matches"))
        self.filter_kind.currentIndexChanged.connect(lambda _i: self._apply_log_filter())
        self.direction = QComboBox()
        self.direction.setObjectName("logDirection")
        self.direction.addItem(self.tr("In and out"), "")
        self.direction.addItem(icon("arrow-in"), self.tr("Received"), "in")
        self.direction.addItem(icon("arrow-out"), self.tr("Sent"), "out")
        self.direction.setToolTip(self.tr("Show received messages, sent ones, or both"))
        self.direction.currentIndexChanged.connect(lambda _i: self._apply_log_filter())
        self.filter_error = QLabel()
        self.filter_error.setObjectName("logFilterError")
        self.filter_error.setProperty("valid", "false")
        self.filter_error.setWordWrap(True)
        self.filter_error.hide()
        self._log_filter_timer = debouncer(self, self._apply_log_filter)
        self.log_filter.textChanged.connect(lambda _t: self._log_filter_timer.start())
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
        clear.setAutoRaise(True)
        clear.setToolTip(self.tr("Clear the log"))
        clear.clicked.connect(model.clear)
        export = QToolButton()
        export.setObjectName("exportButton")
        export.setIcon(icon("export"))
        export.setAutoRaise(True)
        export.setToolTip(self.tr("Export messages as JSON Lines or CSV"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._export_menu = QMenu(export)
        self._export_menu.aboutToShow.connect(self._fill_export_menu)
        export.setMenu(self._export_menu)
        bar = WrapRow()  # wrapped onto more lines in a narrow window (small screens)
        bar.add_group([(self.filter_kind, 0), (self.log_filter, 1)], stretch=1)
        bar.add_group([(self.direction, 0), (self.log_info, 1)], stretch=1)
        bar.add_group([(self.pause_button, 0), (clear, 0), (export, 0)], at_end=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(bar)
        layout.addWidget(self.filter_error)
        layout.addWidget(self.log, 1)
        self._apply_log_filter()

    def _size_columns(self) -> None:
        """Widths from the font, kept small: the Preview column takes what is left, and the
        Destination and Content type cells elide (their tooltips have them whole)."""
        header = self.log.horizontalHeader()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(24)
        metrics = self.fontMetrics()
        pad = 16
        icon_width = self.log.iconSize().width() if self.log.iconSize().width() > 0 else 16
        model = self.session.messages
        for column, sample in (
            (MessageTableModel.TIME, "00:00:00.000"),
            (MessageTableModel.SIZE, "1023.9 KiB"),
            (MessageTableModel.CONTENT_TYPE, "text/plain"),
            (MessageTableModel.DESTINATION, "/topic/alerts/critical"),
        ):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, width + pad)
        direction = str(model.headerData(MessageTableModel.DIRECTION, Qt.Orientation.Horizontal))
        header.resizeSection(
            MessageTableModel.DIRECTION,
            max(
                metrics.horizontalAdvance(direction),
                icon_width + 4 + metrics.horizontalAdvance("RECEIPT"),
            )
            + pad,
        )

    def flush_filter(self) -> None:
        """Apply a pending filter edit now (Enter in the filter box, tests)."""
        flush(self._log_filter_timer, self._apply_log_filter)

    # -- following the newest row ------------------------------------------------------------

    @property
    def following(self) -> bool:
        """True while the log scrolls to each new message (see `LogFollower`)."""
        return self.follower.following

    def jump_to_newest(self) -> None:
        self.follower.jump_to_newest()

    def _rows_about_to_be_removed(self) -> None:
        self._removing = True

    def _rows_removed(self) -> None:
        self._removing = False

    # -- status --------------------------------------------------------------------------------

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
        if model.is_filtering:
            parts.append(self.tr("filtering…"))
        if model.evicted_total:
            parts.append(self.tr("{count} evicted").format(count=f"{model.evicted_total:,}"))
        skipped = self.session.skipped
        if skipped:
            parts.append(self.tr("{count} skipped").format(count=f"{skipped:,}"))
        if model.paused and model.pending_count:
            parts.append(self.tr("{count} waiting").format(count=model.pending_count))
        self.log_info.setText(" · ".join(parts))
        tip = self.log_info.text()
        if skipped:
            tip += "\n" + self.tr(
                "Messages arrived faster than the window can show them: the oldest waiting "
                "ones were skipped (counted on their destination, not logged)."
            )
        self.log_info.setToolTip(tip)

    def toggle_pause(self) -> None:
        self.pause_button.toggle()

    def _pause_toggled(self, paused: bool) -> None:
        self.session.messages.set_paused(paused)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setIcon(icon("resume" if paused else "pause"))
        self._update_log_info()

    # -- filtering -----------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.log_filter.setFocus()
        self.log_filter.selectAll()

    def filter_by_expression(self, expression: str) -> None:
        """Filter with a search expression now (the JSON view's "Show only messages with
        this value")."""
        self.filter_kind.setCurrentIndex(self.filter_kind.findData("search"))
        self.log_filter.setText(expression)
        self.flush_filter()

    def current_filter(self) -> MessageFilter:
        """The filter the bar describes now."""
        text = self.log_filter.text().strip()
        kind = self.filter_kind.currentData()
        direction = str(self.direction.currentData() or "")
        if kind == "regex":
            return MessageFilter(regex=text, direction=direction)
        if kind == "destination":
            return MessageFilter(destination=text, destination_prefix=True, direction=direction)
        if kind == "header":
            return MessageFilter(header=text, direction=direction)
        if kind == "search":
            return MessageFilter(expression=text, direction=direction)
        return MessageFilter(text=text, direction=direction)

    def _apply_log_filter(self) -> None:
        kind = self.filter_kind.currentData()
        if kind == "search":
            # Loaded when Search is picked (a click), not inside the first filter slice.
            import explorer.search  # noqa: F401
        placeholders = {
            "text": self.tr("text in destination, headers or body"),
            "regex": self.tr("regular expression, e.g. order-\\d+"),
            "destination": self.tr("destination or prefix, e.g. /topic/prices"),
            "header": self.tr("name or name=value"),
            "search": self.tr("e.g. $.user.id == 1001 and priority > 4"),
        }
        self.log_filter.setPlaceholderText(placeholders[kind])
        error = self.session.messages.try_filter(self.current_filter())
        self.set_filter_error(None if error is None else filter_error_text(error))
        self._update_log_info()

    def set_filter_error(self, text: str | None) -> None:
        """Mark the filter box as invalid and say why under it (None: valid)."""
        self.log_filter.setProperty("valid", "false" if text else "true")
        style = self.log_filter.style()
        style.unpolish(self.log_filter)
        style.polish(self.log_filter)
        self.filter_error.setText(text or "")
        self.filter_error.setVisible(bool(text))
        self.log_filter.setToolTip(
            text
            or self.tr(
                "Filter the log (Ctrl+F); the menu on the left picks how. Search takes "
                "expressions such as $.user.id == 1001, priority>5, direction=out."
            )
        )

    # -- selection -----------------------------------------------------------------------------

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._removing:
            return  # an evicted row left the selection: the message pane keeps showing it
        current = self.log.selectionModel().currentIndex()
        rows = self.log.selectionModel().selectedRows()
        if not rows:
            self.message_selected.emit(None)
            return
        self.follower.set_following(False)
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
                    lambda: self.runner.run(self.session.acknowledge(entry, True), self._info),
                )
                ack.setObjectName("actionAck")
                nack = menu.addAction(
                    self.tr("Reject (NACK)"),
                    lambda: self.runner.run(self.session.acknowledge(entry, False), self._info),
                )
                nack.setObjectName("actionNack")
            menu.addAction(
                icon("copy"),
                self.tr("Copy destination"),
                lambda: QGuiApplication.clipboard().setText(entry.destination),
            )
            menu.addSeparator()
        for add in self.extra_actions:
            add(menu, entry)
        if self.extra_actions:
            menu.addSeparator()
        self.exporter.add_actions(menu)
        menu.addAction(icon("clear"), self.tr("Clear the log"), self.session.messages.clear)
        return menu

    def _info(self, text: object) -> None:
        self.banner.show_message(str(text), "info")

    # -- export --------------------------------------------------------------------------------

    def _fill_export_menu(self) -> None:
        self._export_menu.clear()
        self.exporter.add_actions(self._export_menu)

    def export_to(self, path: Path, scope: str, fmt: str = "jsonl") -> int:
        """Write "all", "filtered" or "selected" rows to `path` now (see `LogExporter`)."""
        return self.exporter.export_to(path, scope, fmt)

    async def export_async(self, path: Path, scope: str, fmt: str = "jsonl") -> int:
        """The same, written by a worker thread."""
        return await self.exporter.export_async(path, scope, fmt)

    def export(self, path: Path, selected_only: bool) -> int:
        """Write the selected (or all shown) messages to `path` as JSON Lines."""
        return self.export_to(path, EXPORT_SELECTED if selected_only else EXPORT_FILTERED)

    # -- columns -----------------------------------------------------------------------------

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
