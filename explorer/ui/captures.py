"""Captures in the window: open or import a capture as a tab, record connection tabs.

The window makes one `CaptureWorkspace` and puts its three actions in the Connection menu
("Open capture…", "Import JSON Lines/CSV as capture…", "Record this connection…"). Capture
tabs sit beside the connection tabs in `ConnectionTabs` (through its public Qt API: the
container's own code keeps dealing with connection tabs only); a capture tab's selected
message goes to the message pane through the container's `cur_message_selected`. A profile
with "keep recording" starts recording as soon as its tab is made, before it connects.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTabBar,
    QToolButton,
    QWidget,
)

from explorer.capture import SUFFIX, Capture, CaptureError
from explorer.capture.exchange import import_file
from explorer.profiles import ProfileError, ProfileInvalid, ProfileStore
from explorer.profiles.model import RecordingSettings
from explorer.store import LogEntry
from explorer.ui.capture_view import CaptureView
from explorer.ui.connection_view import ConnectionView
from explorer.ui.icons import icon
from explorer.ui.messages import describe_field_error
from explorer.ui.record_dialog import RecordDialog
from explorer.ui.recording import (
    Recording,
    RecordingIndicator,
    caps_of,
    capture_folder,
    default_capture_folder,
    new_capture_path,
    record_dot,
)
from explorer.ui.search_text import capture_error_text
from explorer.ui.tabs import ConnectionTabs
from explorer.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class Refreshable(Protocol):
    """The profile list's model: read the profiles again after one was saved."""

    def refresh(self) -> None: ...


class CaptureWorkspace(QWidget):
    """The window's capture actions and the capture tabs and recordings they make.

    A QWidget (never shown) so its dialogs have a parent in the window."""

    def __init__(
        self,
        window: QWidget,
        tabs: ConnectionTabs,
        runner: TaskRunner,
        store: ProfileStore | None = None,
        profiles: Refreshable | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("captureWorkspace")
        self.hide()
        self.window_ = window
        self.tabs = tabs
        self.runner = runner
        self.store = store
        self.profiles = profiles
        self.recordings: dict[ConnectionView, Recording] = {}
        self.last_error: str | None = None
        """The last sentence shown for a file that could not be opened or imported."""
        self.open_action = self._action(
            "actionOpenCapture",
            self.tr("&Open capture…"),
            "open",
            self.tr("Open a capture file (.stompcap) as a read-only tab"),
            self.choose_capture,
            "Ctrl+Shift+O",
        )
        self.import_action = self._action(
            "actionImportCapture",
            self.tr("&Import JSON Lines/CSV as capture…"),
            "import",
            self.tr("Make a capture from an exported log and open it"),
            self.choose_import,
        )
        self.record_action = self._action(
            "actionRecord",
            self.tr("&Record this connection…"),
            "record",
            self.tr("Record every frame of the current connection to a capture file"),
            self.toggle_recording,
            "Ctrl+Shift+R",
        )
        tabs.view_added.connect(self._view_added)
        tabs.view_closed.connect(self._view_closed)
        tabs.currentChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def _action(
        self,
        name: str,
        text: str,
        icon_name: str,
        tip: str,
        slot: Callable[[], object],
        shortcut: str | None = None,
    ) -> QAction:
        action = QAction(icon(icon_name), text, self.window_)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window_.addAction(action)
        return action

    def add_actions(self, menu: QMenu) -> None:
        """Open, import and record, then a separator (the window's Connection menu)."""
        menu.addActions([self.open_action, self.import_action, self.record_action])
        menu.addSeparator()

    def refresh(self) -> None:
        """The Record action follows the current tab: record, stop, or nothing to record."""
        view = self.tabs.current_view()
        recording = view is not None and view in self.recordings
        self.record_action.setEnabled(view is not None)
        self.record_action.setText(
            self.tr("Stop &recording") if recording else self.tr("&Record this connection…")
        )
        self.record_action.setIcon(icon("stop" if recording else "record"))

    # -- capture tabs -------------------------------------------------------------------------

    def capture_views(self) -> list[CaptureView]:
        return [
            widget
            for i in range(self.tabs.count())
            if isinstance(widget := self.tabs.widget(i), CaptureView)
        ]

    def choose_capture(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open capture"),
            str(default_capture_folder()),
            self.tr("Captures (*{suffix});;All files (*)").format(suffix=SUFFIX),
        )
        if path:
            self.runner.run(self.open_capture_async(Path(path)))

    def open_capture(self, path: Path) -> CaptureView | None:
        """A read-only tab for the capture at `path`, made current; None (and a sentence)
        when the file cannot be opened. Opening waits for a locked file (up to 2 s): a
        file chosen by the user opens with `open_capture_async` instead."""
        try:
            view = CaptureView.open(path)
        except CaptureError as exc:
            self._refuse(capture_error_text(exc))
            return None
        self._add_tab(view)
        return view

    async def open_capture_async(self, path: Path) -> CaptureView | None:
        """`open_capture` with the file opened in a worker thread: a locked or slow file
        never holds the window."""
        try:
            capture = await asyncio.to_thread(Capture, path)
        except CaptureError as exc:
            self._refuse(capture_error_text(exc))
            return None
        try:
            view = CaptureView(capture)
        except CaptureError as exc:
            capture.close()
            self._refuse(capture_error_text(exc))
            return None
        self._add_tab(view)
        return view

    def _add_tab(self, view: CaptureView) -> None:
        tabs = self.tabs
        index = tabs.addTab(view, icon("file"), view.path.stem)
        tabs.setTabToolTip(index, str(view.path))
        close = QToolButton()
        close.setObjectName("closeTabButton")
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close this capture"))
        close.clicked.connect(lambda: self.close_capture(view))
        tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, close)
        view.message_selected.connect(lambda entry: self._selected(view, entry))
        tabs.setCurrentIndex(index)

    def _selected(self, view: CaptureView, entry: LogEntry | None) -> None:
        if self.tabs.currentWidget() is view:
            self.tabs.cur_message_selected.emit(entry)

    def close_capture(self, view: CaptureView) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0:
            self.tabs.removeTab(index)
        self.runner.run(self._dispose(view))

    async def _dispose(self, view: CaptureView) -> None:
        try:
            await view.shutdown()
        finally:
            view.deleteLater()

    def _refuse(self, text: str) -> None:
        """Say why a file gave no tab (a message box the user closes; nothing changed)."""
        self.last_error = text
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Capture"), text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("captureErrorDialog")
        box.finished.connect(lambda _result: box.deleteLater())
        box.open()

    # -- importing ---------------------------------------------------------------------------

    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import as capture"),
            "",
            self.tr("Exported logs (*.jsonl *.json *.csv);;All files (*)"),
        )
        if path:
            self.runner.run(self.import_capture(Path(path)))

    async def import_capture(self, source: Path, target: Path | None = None) -> CaptureView | None:
        """Make a capture from a JSON Lines or CSV file (in a worker thread) and open it.
        The capture goes beside the file, or to the captures folder when that is not
        writable; a bad file leaves nothing behind."""
        chosen = target or _import_target(source)
        try:
            chosen.parent.mkdir(parents=True, exist_ok=True)
            await asyncio.to_thread(import_file, source, chosen)
        except CaptureError as exc:
            self._refuse(capture_error_text(exc))
            return None
        except OSError as exc:
            self._refuse(
                self.tr("{path} cannot be written: {reason}").format(
                    path=chosen, reason=exc.strerror or str(exc)
                )
            )
            return None
        return await self.open_capture_async(chosen)

    # -- recording ---------------------------------------------------------------------------

    def recording_of(self, view: ConnectionView) -> Recording | None:
        return self.recordings.get(view)

    def toggle_recording(self) -> None:
        """Stop the current tab's recording, or ask how to record it and start."""
        view = self.tabs.current_view()
        if view is None:
            return
        if view in self.recordings:
            self.runner.run(self.stop_recording(view))
            return
        profile = view.session.profile
        dialog = RecordDialog(
            profile.name, profile.recording, can_keep=not profile.builtin, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._record_as(view, dialog))
        dialog.open()
        self.record_dialog = dialog

    def _record_as(self, view: ConnectionView, dialog: RecordDialog) -> None:
        settings = dialog.settings()
        if settings != view.session.profile.recording:
            self._save_setting(view, settings)
        self.start_recording(view, dialog.path(), settings)

    def stop_keeping(self, view: ConnectionView) -> None:
        """Turn "keep recording" off for the tab's profile (the recording goes on)."""
        name = view.session.profile.name
        if self.store is not None and name in self.store.names():
            saved = self.store.get(name).recording
            self._save_setting(view, replace(saved, keep=False))

    def _save_setting(self, view: ConnectionView, settings: RecordingSettings) -> None:
        name = view.session.profile.name
        if self.store is None or view.session.profile.builtin or name not in self.store.names():
            return
        try:  # the saved profile as it is now (it may have been edited since the tab opened)
            self.store.update(name, replace(self.store.get(name), recording=settings))
        except ProfileInvalid as exc:
            view.banner.show_message("\n".join(map(describe_field_error, exc.errors)), "error")
            return
        except ProfileError as exc:
            view.banner.show_message(str(exc), "error")
            return
        if self.profiles is not None:
            self.profiles.refresh()

    def start_recording(
        self,
        view: ConnectionView,
        path: Path | None = None,
        settings: RecordingSettings | None = None,
        **writer_options: Any,
    ) -> Recording | None:
        """Record `view`'s connection to `path` (default: a new file in the profile's
        folder). A file that cannot be recorded is said in the tab's banner."""
        if view in self.recordings:
            return self.recordings[view]
        settings = settings or view.session.profile.recording
        path = path or new_capture_path(capture_folder(settings), view.session.name)
        try:
            recording = Recording.open(view.session, path, caps_of(settings), **writer_options)
        except CaptureError as exc:
            view.banner.show_message(capture_error_text(exc), "error")
            return None
        recording.setParent(view)
        self.recordings[view] = recording
        view.recording = recording
        indicator = RecordingIndicator(recording, keeps=view.session.profile.recording.keep)
        indicator.stop_requested.connect(lambda: self.runner.run(self.stop_recording(view)))
        indicator.open_requested.connect(lambda: self.open_capture(recording.path))
        indicator.keep_off_requested.connect(lambda: self.stop_keeping(view))
        view.add_strip(indicator)
        self._mark_tab(view, True)
        recording.stopped.connect(lambda error: self._recording_stopped(view, indicator, error))
        self.refresh()
        return recording

    async def stop_recording(self, view: ConnectionView) -> None:
        recording = self.recordings.get(view)
        if recording is not None:
            await recording.stop()

    def _recording_stopped(
        self, view: ConnectionView, indicator: RecordingIndicator, error: CaptureError | None
    ) -> None:
        self.recordings.pop(view, None)
        indicator.hide()
        indicator.deleteLater()
        self._mark_tab(view, False)
        if error is not None:
            view.banner.show_message(capture_error_text(error), "error")
        self.refresh()

    def _mark_tab(self, view: ConnectionView, recording: bool) -> None:
        """A record dot on the left of the tab while it records."""
        index = self.tabs.indexOf(view)
        if index < 0:
            return
        mark: QLabel | None = None
        if recording:
            mark = record_dot(11)
            mark.setObjectName("recordingMark")
            mark.setToolTip(self.tr("Recording to a capture file"))
        self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.LeftSide, mark)

    def _view_added(self, view: ConnectionView) -> None:
        if view.session.profile.recording.keep:
            self.start_recording(view)

    def _view_closed(self, view: ConnectionView) -> None:
        recording = self.recordings.pop(view, None)
        if recording is not None:
            recording.stopped.disconnect()  # the tab and its strip are going: leave them be
            recording.setParent(None)  # outlives the tab until its file is closed
            self.runner.run(self._close_recording(recording))

    async def _close_recording(self, recording: Recording) -> None:
        await recording.stop()
        recording.deleteLater()

    # -- closing -----------------------------------------------------------------------------

    async def shutdown(self) -> None:
        """Close every recording (what is queued is written) and every capture tab. Call it
        after the connections were shut down, so their DISCONNECTs are recorded too."""
        results = await asyncio.gather(
            *(recording.stop() for recording in list(self.recordings.values())),
            *(view.shutdown() for view in self.capture_views()),
            return_exceptions=True,
        )
        for result in results:
            if isinstance(result, BaseException):
                log.warning("a capture did not close cleanly: %s", result)
        self.recordings.clear()


def _import_target(source: Path) -> Path:
    """`orders.jsonl` -> `orders.stompcap` beside it (or in the captures folder when the
    folder is not writable), never an existing file."""
    import os

    folder = source.parent if os.access(source.parent, os.W_OK) else default_capture_folder()
    path = folder / f"{source.stem}{SUFFIX}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{source.stem} ({n}){SUFFIX}"
    return path
