"""Recording a connection tab to a capture file, and the strip that says it is recording.

A `Recording` adds a sink to the tab's session that hands every frame in and out (the wire
records the session reports in batches) to a `ProcessCaptureWriter`: the event loop only
appends to a queue, and the rows are built and written in a child process, so recording
neither waits on the disk nor competes with the window for the interpreter lock. Twice a
second the recording reads the writer's counters for the tab's indicator; a writer that
stopped (full disk, I/O error, a file another recording holds) ends the recording and
reports why, and the tab stays.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from explorer.capture import (
    SUFFIX,
    CaptureCaps,
    CaptureError,
    CaptureWriteFailed,
    CaptureWriter,
    WriterStats,
)
from explorer.capture.process_writer import ProcessCaptureWriter
from explorer.capture.writer import FrameLike
from explorer.client import WireRecord
from explorer.profiles.model import RecordingSettings
from explorer.profiles.storage import CONFIG_DIR_ENV
from explorer.session.sink import NullSink
from explorer.ui.icons import icon
from explorer.ui.models.message_table import size_text
from explorer.ui.session import SessionController

TICK_MS: Final = 500
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_capture_folder() -> Path:
    """Where captures go unless a profile names a folder: `captures` beside the profiles
    when $STOMP_EXPLORER_CONFIG_DIR is set (tests, portable installs), else the user's data
    folder."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser() / "captures"
    import platformdirs

    return Path(platformdirs.user_data_dir("stomp-explorer", appauthor=False)) / "captures"


def capture_folder(settings: RecordingSettings) -> Path:
    return Path(settings.folder).expanduser() if settings.folder else default_capture_folder()


def caps_of(settings: RecordingSettings) -> CaptureCaps:
    return CaptureCaps(
        max_bytes=settings.max_mb << 20 if settings.max_mb else None,
        max_age=settings.max_days * 86400.0 if settings.max_days else None,
    )


def new_capture_path(folder: Path, name: str, now: float | None = None) -> Path:
    """`<folder>/<name>-<YYYYmmdd-HHMMSS>.stompcap`, never an existing file's name."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(time.time() if now is None else now))
    base = _UNSAFE.sub("_", name).strip(" .") or "capture"
    path = folder / f"{base}-{stamp}{SUFFIX}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{base}-{stamp}-{n}{SUFFIX}"
    return path


class CaptureRecorder(Protocol):
    """What a recording needs of its writer (`ProcessCaptureWriter` or `CaptureWriter`)."""

    @property
    def path(self) -> Path: ...

    def record_frame(
        self,
        frame: FrameLike,
        direction: str,
        *,
        received: float | None = None,
        connection: str | None = None,
    ) -> bool: ...

    def stats(self) -> WriterStats: ...

    def close(self, timeout: float | None = ...) -> WriterStats: ...

    async def aclose(self) -> WriterStats: ...


class RecordingSink(NullSink):
    """The session sink that records every frame in and out (heart-beats are skipped).

    `keeps_messages` tells the window's close guard that a capture holds this tab's
    messages; that is only true when the recording began before the tab logged anything
    that was not exported."""

    def __init__(self, writer: CaptureRecorder, keeps_messages: bool) -> None:
        self.writer = writer
        self.keeps_messages = keeps_messages

    def on_traffic(self, records: Sequence[WireRecord]) -> None:
        record_frame = self.writer.record_frame
        for record in records:
            frame = record.frame
            if frame is not None:
                record_frame(frame, record.direction)


class Recording(QObject):
    """One tab's session recorded to one capture file, until `stop()` or a write failure."""

    changed = Signal()  # new counters (twice a second while recording)
    stopped = Signal(object)  # CaptureError | None (None: stopped on purpose)

    def __init__(
        self, session: SessionController, writer: CaptureRecorder, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.writer = writer
        self.path = writer.path
        self.error: CaptureError | None = None
        self.sink = RecordingSink(writer, keeps_messages=not session.unexported)
        self._logged_at_end = 0
        self._active = True
        session.add_sink(self.sink)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    @classmethod
    def open(
        cls,
        session: SessionController,
        path: Path,
        caps: CaptureCaps | None = None,
        *,
        in_process: bool = False,
        **writer_options: object,
    ) -> Recording:
        """Start recording to `path` (created with its folder when missing). Caps that
        cannot work and a folder that cannot be made raise the `CaptureError` family now;
        a file that cannot be recorded (locked, not a capture, newer) stops the recording
        a moment later, with that error. `in_process` records from a thread instead of a
        child process (the command line's way)."""
        caps = caps or CaptureCaps()
        caps.check()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CaptureWriteFailed(
                path, exc.strerror or str(exc), disk_full=False, lost=0
            ) from None
        make = CaptureWriter if in_process else ProcessCaptureWriter
        writer: CaptureRecorder = make(
            path,
            connection=session.name,
            caps=caps,
            **writer_options,  # type: ignore[arg-type]
        )
        return cls(session, writer)

    @property
    def active(self) -> bool:
        return self._active

    def stats(self) -> WriterStats:
        return self.writer.stats()

    def file_size(self) -> int:
        """Bytes on disk now (the file and its write-ahead log)."""
        total = 0
        for name in (self.path, Path(f"{self.path}-wal")):
            with contextlib.suppress(OSError):
                total += name.stat().st_size
        return total

    def _tick(self) -> None:
        stats = self.writer.stats()
        if stats.error is not None and self._active:
            self._end(stats.error)
            return
        self.changed.emit()

    async def stop(self) -> WriterStats:
        """Stop recording: detach from the session, write what is queued, close the file.
        When the capture holds every message the tab logged (recorded from the start,
        nothing dropped), those messages count as kept for the close guard."""
        self._end(None)
        stats = await self.writer.aclose()
        if self.sink.keeps_messages and self.error is None and not (stats.dropped or stats.lost):
            self.session.mark_kept(self._logged_at_end)
        return stats

    def _end(self, error: CaptureError | None) -> None:
        if not self._active:
            return
        self._active = False
        self.error = error
        self._timer.stop()
        self.session.remove_sink(self.sink)
        self._logged_at_end = self.session.logged
        if error is not None:
            self.writer.close(timeout=0)  # the thread has stopped already; release the file
        self.stopped.emit(error)


RECORD_RED: Final = "#d32f2f"


def record_dot(size: int = 12) -> QLabel:
    """A red recording dot (red in every theme: it is a state, like a recorder's lamp)."""
    dot = QLabel("●")
    dot.setObjectName("recordingDot")
    font = dot.font()
    font.setPixelSize(size)
    dot.setFont(font)
    dot.setStyleSheet(f"color: {RECORD_RED};")
    return dot


class RecordingIndicator(QFrame):
    """ "● Recording to orders-….stompcap · 12,345 frames · 3.2 MiB  [Open] [Keep] [Stop]"
    in the tab: open the capture so far as a tab, turn "keep recording" off, stop."""

    stop_requested = Signal()
    open_requested = Signal()
    keep_off_requested = Signal()

    def __init__(
        self, recording: Recording, keeps: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordingIndicator")
        self.recording = recording
        dot = record_dot(14)
        self.text = QLabel()
        self.text.setObjectName("recordingText")
        self.open_button = self._button(
            "recordingOpen", "open", self.tr("Open"), self.tr("Open what was recorded so far")
        )
        self.open_button.clicked.connect(self.open_requested)
        self.keep_button = self._button(
            "recordingKeepOff",
            "close",
            self.tr("Don't record next time"),
            self.tr("This profile records every connection: turn that off (this one goes on)"),
        )
        self.keep_button.clicked.connect(self.keep_off_requested)
        self.keep_button.clicked.connect(self.keep_button.hide)
        self.keep_button.setVisible(keeps)
        self.stop_button = self._button(
            "recordingStop", "stop", self.tr("Stop recording"), self.tr("Stop recording this tab")
        )
        self.stop_button.clicked.connect(self.stop_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 3, 0)
        layout.addWidget(dot)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.keep_button)
        layout.addWidget(self.stop_button)
        recording.changed.connect(self.refresh)
        self.refresh()

    def _button(self, name: str, icon_name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(icon(icon_name))
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    def refresh(self) -> None:
        stats = self.recording.stats()
        parts = [
            self.tr("Recording to {file}").format(file=self.recording.path.name),
            self.tr("{count} frames").format(count=f"{stats.written:,}"),
            size_text(self.recording.file_size()),
        ]
        if stats.dropped:
            parts.append(
                self.tr("{count} dropped (the disk could not keep up)").format(
                    count=f"{stats.dropped:,}"
                )
            )
        if stats.evicted:
            parts.append(self.tr("{count} evicted by the caps").format(count=f"{stats.evicted:,}"))
        self.text.setText(" · ".join(parts))
        self.open_button.setEnabled(stats.written > 0)  # the file exists once written to
        self.setToolTip(str(self.recording.path))
