"""A capture opened as a read-only tab: destinations, the paged log, search, raw SQL.

Everything stays on disk: the tree comes from the recorder's per-destination counts, the
log reads the pages the view shows (`CaptureTableModel`), and a search runs in a worker
thread on a connection of its own (`CaptureSearch`), so the window answers while SQLite
scans a million rows. The search field takes the live log's expression language (compiled
to SQL); an expression that does not parse marks the field and puts the cursor on the
character at fault. For experts the mode menu switches the field to a raw SQL condition over
the `messages` columns (read-only connection). Selecting a destination in the tree narrows
either one to it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from explorer.capture import Capture, CaptureError
from explorer.search import SearchSyntaxError
from explorer.store import LogEntry
from explorer.ui.banner import Banner
from explorer.ui.capture_export import write_capture_export
from explorer.ui.capture_query import expression_search, sql_search
from explorer.ui.capture_search import CaptureSearch, Query
from explorer.ui.debounce import debouncer
from explorer.ui.icons import icon
from explorer.ui.log_export import export_format
from explorer.ui.models.capture_table import CaptureTableModel, when_text
from explorer.ui.models.capture_tree import DestinationsRole, capture_tree
from explorer.ui.search_text import capture_error_text, search_error_text
from explorer.ui.tasks import TaskRunner

SEARCH_DELAY_MS: Final = 400

MODE_SEARCH, MODE_SQL = "search", "sql"
TREE_FRACTION: Final = 0.26


class _ElideLeft(QStyledItemDelegate):
    """Destinations differ at their ends: "…/notifications/user.1005"."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class CaptureView(QWidget):
    """One capture file in a tab. Open it with `CaptureView.open(path)` (raises the
    `CaptureError` family: the caller words it and makes no tab)."""

    message_selected = Signal(object)  # LogEntry | None

    def __init__(self, capture: Capture, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureView")
        self.capture = capture
        self.path = capture.path
        self.banner = Banner()
        self.runner = TaskRunner(lambda text: self.banner.show_message(text, "error"))
        self.search = CaptureSearch(self.path, self.runner, self)
        self.search.started.connect(self._search_started)
        self.search.finished.connect(self._search_finished)
        self.search.failed.connect(self._search_failed)
        self.search.cancelled.connect(self._search_cancelled)

        self.info = QLabel()
        self.info.setObjectName("captureInfo")
        self.info.setProperty("hint", True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        reload_button = QToolButton()
        reload_button.setObjectName("captureReload")
        reload_button.setIcon(icon("history"))
        reload_button.setAutoRaise(True)
        reload_button.setToolTip(self.tr("Read the capture again (it may still be recorded)"))
        reload_button.clicked.connect(self.reload)
        export_button = QToolButton()
        export_button.setObjectName("captureExport")
        export_button.setIcon(icon("export"))
        export_button.setAutoRaise(True)
        export_button.setToolTip(
            self.tr("Export the messages shown (all, or the search's matches) as JSON Lines or CSV")
        )
        export_button.clicked.connect(self.choose_export)

        self.tree = QTreeView()
        self.tree.setObjectName("captureTree")
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setToolTip(self.tr("Select a destination or folder to show only its messages"))

        self.model = CaptureTableModel(capture, self)
        self.log = QTableView()
        self.log.setObjectName("captureLog")
        self.log.setModel(self.model)
        self.log.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.log.setWordWrap(False)
        self.log.setAlternatingRowColors(True)
        self.log.setShowGrid(False)
        self.log.verticalHeader().hide()
        self.log.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.log.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.log.horizontalHeader().setStretchLastSection(True)
        self._size_columns()
        self.log.selectionModel().selectionChanged.connect(self._selection_changed)
        # The rows' menu: entries others add (menu, the row's entry), e.g. re-publish.
        self.extra_actions: list[Callable[[QMenu, LogEntry | None], None]] = []
        self.log.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.log.customContextMenuRequested.connect(self._log_menu)

        self.mode = QComboBox()
        self.mode.setObjectName("captureSearchMode")
        self.mode.addItem(icon("filter"), self.tr("Search"), MODE_SEARCH)
        self.mode.addItem(icon("raw"), self.tr("SQL WHERE"), MODE_SQL)
        self.mode.setToolTip(
            self.tr("Search expressions, or (for experts) an SQL condition on the messages table")
        )
        self.mode.currentIndexChanged.connect(lambda _i: self._mode_changed())
        self.field = QLineEdit()
        self.field.setObjectName("captureSearch")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self.flush_search)
        self.frames = QComboBox()
        self.frames.setObjectName("captureFrames")
        self.frames.addItem(self.tr("All frames"), False)
        self.frames.addItem(self.tr("Messages only"), True)
        self.frames.setToolTip(
            self.tr(
                "All frames in and out (CONNECT, SUBSCRIBE, RECEIPT, …), or only MESSAGE, SEND "
                "and ERROR as the live log shows them"
            )
        )
        self.frames.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("captureSearchCancel")
        self.cancel_button.setIcon(icon("stop"))
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.setToolTip(self.tr("Stop the search"))
        self.cancel_button.clicked.connect(self.search.cancel)
        self.cancel_button.hide()
        self.result = QLabel()
        self.result.setObjectName("captureSearchInfo")
        self.result.setProperty("hint", True)
        self.error = QLabel()
        self.error.setObjectName("captureSearchError")
        self.error.setProperty("valid", "false")
        self.error.setWordWrap(True)
        self.error.hide()
        self._timer = debouncer(self, self.apply_search, SEARCH_DELAY_MS)
        self.field.textEdited.connect(lambda _t: self._timer.start())

        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(export_button)
        top.addWidget(reload_button)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.mode)
        bar.addWidget(self.field, 1)
        bar.addWidget(self.frames)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.result)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(4)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.error)
        right_layout.addWidget(self.log, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("captureSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self._sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._load_tree()
        self._mode_changed()
        self._show_info()

    @classmethod
    def open(cls, path: Path | str, parent: QWidget | None = None) -> CaptureView:
        """Open `path` read-only as a tab's view (the `CaptureError` family for bad files)."""
        capture = Capture(path)
        try:
            return cls(capture, parent)
        except BaseException:
            capture.close()
            raise

    # -- the parts ---------------------------------------------------------------------------

    def _size_columns(self) -> None:
        """Narrow columns from the font (as the live log's), the Preview takes the rest; a
        destination is cut on the left, where destinations differ least."""
        header = self.log.horizontalHeader()
        header.setMinimumSectionSize(24)
        metrics = self.fontMetrics()
        for column, sample in (
            (CaptureTableModel.SEQ, "1,000,000"),
            (CaptureTableModel.TIME, when_text(0, self.model.with_date)),
            (CaptureTableModel.DIRECTION, "↙ RECEIPT"),
            (CaptureTableModel.DESTINATION, "/topic/alerts/critical"),
            (CaptureTableModel.SIZE, "1023.9 KiB"),
            (CaptureTableModel.CONTENT_TYPE, "text/plain"),
        ):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, width + 16)
        self.log.setItemDelegateForColumn(CaptureTableModel.DESTINATION, _ElideLeft(self.log))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override: give the tree its share of the width once the tab has its real size."""
        super().resizeEvent(event)
        width = self.splitter.width()
        if not self._sized and width >= 400:
            self._sized = True
            tree = round(width * TREE_FRACTION)
            self.splitter.setSizes([tree, width - tree])

    def _load_tree(self) -> None:
        old = self.tree.model()
        self.tree.setModel(capture_tree(self.capture.destinations(), parent=self))
        if old is not None:
            old.deleteLater()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self.apply_search())

    def _show_info(self) -> None:
        info = self.capture.info()
        parts = [self.tr("{count} frames").format(count=f"{self.model.total:,}")]
        span = self.capture.time_range()
        if span is not None:
            parts.append(
                self.tr("{first} to {last}").format(
                    first=when_text(span[0]), last=when_text(span[1])
                )
            )
        if info.evicted:
            parts.append(self.tr("{count} evicted by the caps").format(count=f"{info.evicted:,}"))
        if info.dropped:
            parts.append(
                self.tr("{count} not recorded (the disk could not keep up)").format(
                    count=f"{info.dropped:,}"
                )
            )
        self.info.setText(" · ".join(parts))
        self.info.setToolTip(str(self.path))

    def reload(self) -> None:
        """Read the file again: new messages of a capture still recording, new counts."""
        self.model.reload()
        self._load_tree()
        self._show_info()
        self.apply_search()

    # -- searching ---------------------------------------------------------------------------

    @property
    def sql_mode(self) -> bool:
        return bool(self.mode.currentData() == MODE_SQL)

    def _mode_changed(self) -> None:
        if self.sql_mode:
            self.field.setPlaceholderText(
                self.tr("SQL condition, e.g. body_size > 1000 AND headers ->> '$.type' = 'refund'")
            )
        else:
            self.field.setPlaceholderText(self.tr("e.g. $.user.id == 1001 and priority > 4"))
        self.apply_search()

    def flush_search(self) -> None:
        """Search now instead of after the pause in typing (Enter, tests)."""
        self.apply_search()

    def tree_destinations(self) -> list[str] | None:
        """The destinations the selected tree node stands for (None: no node selected)."""
        indexes = self.tree.selectionModel().selectedRows() if self.tree.model() else []
        if not indexes:
            return None
        names = indexes[0].data(DestinationsRole)
        return list(names) if isinstance(names, list) else []

    def query(self) -> Query | None:
        """What the field, the frames menu and the tree ask for (None: every frame), or
        raises `SearchSyntaxError` for an expression that does not parse."""
        build = sql_search if self.sql_mode else expression_search
        return build(
            self.field.text().strip(), bool(self.frames.currentData()), self.tree_destinations()
        )

    def apply_search(self) -> None:
        """Run what the search bar says (interrupting a search still running)."""
        self._timer.stop()
        try:
            query = self.query()
        except SearchSyntaxError as exc:
            self._mark_error(search_error_text(exc), exc.offset)
            return
        self._mark_error(None)
        if query is None:
            self.search.cancel()
            self.model.show_all()
            self._show_result(None, None)
            return
        self.search.start(query)

    def _mark_error(self, text: str | None, offset: int | None = None) -> None:
        self.field.setProperty("valid", "false" if text else "true")
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        if text and offset is not None:
            # Select the character at fault (or put the cursor at the end when it is there).
            length = len(self.field.text())
            self.field.setSelection(min(offset, length), 1 if offset < length else 0)

    def _search_started(self) -> None:
        self.cancel_button.show()
        self.result.setText(self.tr("searching…"))

    def _search_finished(self, seqs: Any, seconds: float) -> None:
        self.cancel_button.hide()
        self.model.show_seqs(seqs)
        self._show_result(len(seqs), seconds)

    def _search_failed(self, text: str) -> None:
        self.cancel_button.hide()
        self._mark_error(text)
        self.result.setText("")

    def _search_cancelled(self) -> None:
        self.cancel_button.hide()
        self.result.setText(self.tr("search stopped"))

    def _show_result(self, found: int | None, seconds: float | None) -> None:
        if found is None:
            self.result.setText("")
            return
        self.result.setText(
            self.tr("{found} of {total} · {seconds} s").format(
                found=f"{found:,}", total=f"{self.model.total:,}", seconds=f"{seconds or 0:.2f}"
            )
        )

    # -- selection ---------------------------------------------------------------------------

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.message_selected.emit(self.selected_entry())

    def selected_entry(self) -> LogEntry | None:
        """The selected message, read whole from the file."""
        rows = self.log.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.entry_at(rows[-1].row())

    def selected_entries(self) -> list[LogEntry]:
        """The selected messages in log order, each read whole from the file."""
        rows = sorted(index.row() for index in self.log.selectionModel().selectedRows())
        return [entry for row in rows if (entry := self.model.entry_at(row)) is not None]

    def log_actions(self, entry: LogEntry | None) -> QMenu:
        """The rows' context menu (tests trigger its actions by objectName)."""
        menu = QMenu(self)
        for add in self.extra_actions:
            add(menu, entry)
        return menu

    def _log_menu(self, pos: QPoint) -> None:
        index = self.log.indexAt(pos)
        entry = self.model.entry_at(index.row()) if index.isValid() else None
        menu = self.log_actions(entry)
        if not menu.isEmpty():
            menu.exec(self.log.viewport().mapToGlobal(pos))

    # -- export ------------------------------------------------------------------------------

    def choose_export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export {count} messages").format(count=f"{self.model.rowCount():,}"),
            str(self.path.with_suffix(".jsonl")),
            self.tr("JSON Lines (*.jsonl);;CSV (*.csv)"),
        )
        if path:
            self.runner.run(self.export_shown(Path(path), chosen))

    async def export_shown(self, path: Path, chosen_filter: str = "") -> int:
        """Write the messages shown to `path` (JSON Lines, or CSV for a .csv name) in a
        worker thread; the banner says how many."""
        fmt = export_format(path, chosen_filter)
        seqs = self.model.shown_seqs()
        try:
            count = await asyncio.to_thread(write_capture_export, self.path, path, fmt, seqs)
        except CaptureError as exc:
            self.banner.show_message(capture_error_text(exc), "error")
            return 0
        except OSError as exc:
            self.banner.show_message(
                self.tr("{path} cannot be written: {reason}").format(
                    path=path, reason=exc.strerror or str(exc)
                ),
                "error",
            )
            return 0
        self.banner.show_message(
            self.tr("{count} messages exported to {path}").format(count=f"{count:,}", path=path),
            "info",
        )
        return count

    # -- closing -----------------------------------------------------------------------------

    async def shutdown(self) -> None:
        """Stop a running search, end the tab's actions and close both connections."""
        await self.search.aclose()
        await self.runner.shutdown()
        self.capture.close()
