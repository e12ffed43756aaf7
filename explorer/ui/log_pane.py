"""The log pane: the message log of one connection, its filter bar, pause, export and menus.

The rows come from the session's `MessageTableModel` (batched by its own timer); this widget
follows the newest row while the user is at the bottom, filters after a pause in typing, and
tells the window which message is selected (`message_selected`) or should be sent again.
"""

from __future__ import annotations

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
    QFileDialog,
    QHBoxLayout,
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
from explorer.store import LogEntry
from explorer.ui.banner import Banner
from explorer.ui.debounce import debouncer, flush
from explorer.ui.icons import icon
from explorer.ui.models import MessageTableModel
from explorer.ui.session import SessionController
from explorer.ui.tasks import TaskRunner

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


def resend_request(entry: LogEntry) -> ComposeRequest:
    """A SEND that repeats a logged message: its destination, own headers and body."""
    headers = [("destination", entry.destination)]
    headers += [(k, v) for k, v in entry.headers if k not in _BROKER_HEADERS]
    return ComposeRequest("SEND", tuple(headers), entry.body)


class LogPane(QWidget):
    """The "Messages" page of a connection tab."""

    message_selected = Signal(object)  # LogEntry | None
    send_again = Signal(object)  # ComposeRequest

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

        self.log_info = QLabel()
        self.log_info.setObjectName("logInfo")
        self.log_info.setProperty("hint", True)
        self.log_filter = QLineEdit()
        self.log_filter.setObjectName("logFilter")
        self.log_filter.setClearButtonEnabled(True)
        self.log_filter.returnPressed.connect(self.flush_filter)
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
        self._log_filter_timer = debouncer(self, self._apply_log_filter)
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
        bar = QHBoxLayout()
        bar.addWidget(self.filter_kind)
        bar.addWidget(self.log_filter, 1)
        bar.addWidget(self.log_info)
        bar.addWidget(self.pause_button)
        bar.addWidget(clear)
        bar.addWidget(export)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.log, 1)

    def flush_filter(self) -> None:
        """Apply a pending filter edit now (Enter in the filter box, tests)."""
        flush(self._log_filter_timer, self._apply_log_filter)

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
