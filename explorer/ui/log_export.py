"""Exporting the log: "Export all (N)", "Export filtered (N)", "Export selected (N)", as JSON
Lines or CSV, written by a worker thread from a snapshot of the rows.

The snapshot is taken on the window's thread (a list copy of the packed rows: milliseconds
even at a million rows), so the log may move on while the file is written. A filter that is
still scanning hands the whole log and its predicate instead, applied in the worker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QTableView, QWidget

from explorer.store import LogEntry
from explorer.store.export import write_packed
from explorer.ui.banner import Banner
from explorer.ui.icons import icon
from explorer.ui.session import SessionController
from explorer.ui.tasks import TaskRunner

# What an export writes: every row of the log, the rows the filter shows, or the selection.
EXPORT_ALL, EXPORT_FILTERED, EXPORT_SELECTED = "all", "filtered", "selected"

Snapshot = tuple[list[bytes], Callable[[LogEntry], bool] | None]


def export_format(path: Path, chosen_filter: str = "") -> str:
    """ "csv" or "jsonl": from the file name's extension, else the dialog's chosen filter."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".json", ".ndjson"):
        return "jsonl"
    return "csv" if "csv" in chosen_filter.lower() else "jsonl"


def write_export(
    path: Path, packed: list[bytes], fmt: str, predicate: Callable[[LogEntry], bool] | None
) -> int:
    """Write an export file (runs in a worker thread; touches no Qt object). CSV starts with
    a byte-order mark so spreadsheet programs read UTF-8 (Korean) text correctly."""
    encoding, newline = ("utf-8-sig", "") if fmt == "csv" else ("utf-8", None)
    with path.open("w", encoding=encoding, newline=newline) as fp:
        return write_packed(packed, fp, fmt, predicate)


class LogExporter(QObject):
    """The export actions of one log pane."""

    def __init__(
        self,
        owner: QWidget,
        view: QTableView,
        session: SessionController,
        banner: Banner,
        runner: TaskRunner,
    ) -> None:
        super().__init__(owner)
        self._owner = owner
        self._view = view
        self._session = session
        self._banner = banner
        self._runner = runner

    def counts(self) -> dict[str, int]:
        """How many rows each scope holds now (for the menu's labels)."""
        model = self._session.messages
        return {
            EXPORT_ALL: len(model.log),
            EXPORT_FILTERED: model.rowCount(),
            EXPORT_SELECTED: len(self._view.selectionModel().selectedRows()),
        }

    def add_actions(self, menu: QMenu) -> None:
        """The three export actions (objectNames actionExportAll / Filtered / Selected)."""
        counts = self.counts()
        filtered = not self._session.messages.message_filter.is_empty
        for scope, label, enabled, name in (
            (EXPORT_ALL, self.tr("Export all ({count})…"), True, "actionExportAll"),
            (
                EXPORT_FILTERED,
                self.tr("Export filtered ({count})…"),
                filtered,
                "actionExportFiltered",
            ),
            (EXPORT_SELECTED, self.tr("Export selected ({count})…"), True, "actionExportSelected"),
        ):
            action = QAction(icon("export"), label.format(count=f"{counts[scope]:,}"), menu)
            action.setObjectName(name)
            action.setEnabled(enabled and counts[scope] > 0)
            if scope == EXPORT_FILTERED and not filtered:
                action.setToolTip(self.tr("Type a filter first"))
            action.triggered.connect(lambda _c=False, s=scope: self.dialog(s))
            menu.addAction(action)
        menu.addSeparator()

    def snapshot(self, scope: str) -> Snapshot:
        """The rows of an export scope, and a predicate still to apply (or None)."""
        model = self._session.messages
        if scope == EXPORT_SELECTED:
            rows = [index.row() for index in self._view.selectionModel().selectedRows()]
            return model.rows_snapshot(rows), None
        return model.export_snapshot(filtered=scope == EXPORT_FILTERED)

    def export_to(self, path: Path, scope: str, fmt: str = "jsonl") -> int:
        """Write a scope to `path` now, on this thread (tests, small logs)."""
        logged = self._session.logged
        packed, predicate = self.snapshot(scope)
        count = write_export(path, packed, fmt, predicate)
        if scope == EXPORT_ALL:  # closing the tab no longer asks about these
            self._session.mark_kept(logged)
        return count

    async def export_async(self, path: Path, scope: str, fmt: str = "jsonl") -> int:
        """Write a scope to `path` in a worker thread (the window keeps answering)."""
        logged = self._session.logged
        packed, predicate = self.snapshot(scope)
        count = await asyncio.to_thread(write_export, path, packed, fmt, predicate)
        if scope == EXPORT_ALL:  # closing the tab no longer asks about these
            self._session.mark_kept(logged)
        return count

    def dialog(self, scope: str) -> None:
        """Ask where (and JSON Lines or CSV), then export in the background."""
        if scope == EXPORT_SELECTED and not self._view.selectionModel().selectedRows():
            self._banner.show_message(self.tr("Select messages in the log first."), "info")
            return
        name, chosen = QFileDialog.getSaveFileName(
            self._owner,
            self.tr("Export messages"),
            f"{self._session.name}.jsonl",
            self.tr("JSON Lines (*.jsonl);;CSV (*.csv);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)

        def done(count: int) -> None:
            self._banner.show_message(
                self.tr("Exported {count} messages to {path}").format(
                    count=f"{count:,}", path=name
                ),
                "info",
            )

        def failed(error: BaseException) -> None:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            self._banner.show_message(
                self.tr("Could not write {path}: {error}").format(path=name, error=reason)
            )

        self._runner.run(
            self.export_async(path, scope, export_format(path, chosen)), done, failed=failed
        )
