"""Recording in a child process: the capture's work never shares the caller's GIL.

`CaptureWriter` records from a thread of the caller's process. Building rows and feeding
SQLite costs about 7 us of CPU per message, most of it Python; in the window, whose event
loop needs the same interpreter lock, that thread competes with the UI at every switch.
`ProcessCaptureWriter` has the same recording API but runs the `CaptureWriter` in a child
process (multiprocessing, "spawn"): the caller only appends a tuple per message (under a
microsecond), a sender thread ships the batch every `flush_interval` through a pipe, and the
child records it. The child reports its counters back, and its errors as the same
`CaptureError` types.

What is lost in a crash stays within the CaptureWriter's bound plus one shipping interval:
if the caller dies, the child sees the pipe close, writes what it received and exits; if
the child dies, the next shipment fails and the recording reports `CaptureWriteFailed`.

Opening happens in the child: `ProcessCaptureWriter(...)` returns at once and recording
starts right away (messages wait in the caller until the child is up, bounded by
`queue_limit`); a file that cannot be recorded (locked, not a capture, newer) stops the
recording with that error in `stats().error` a moment later.

A frozen application (PyInstaller) must call `multiprocessing.freeze_support()` first.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import pickle
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Final

from explorer.capture import errors as capture_errors
from explorer.capture.appender import CaptureCaps
from explorer.capture.errors import CaptureError, CaptureWriteFailed
from explorer.capture.writer import (
    DEFAULT_FLUSH_INTERVAL,
    DEFAULT_QUEUE_LIMIT,
    FrameRecording,
    WriterStats,
)
from explorer.stomp import Direction

CHUNK: Final = 2000
"""Messages per pickled shipment (each is pickled with the GIL held: keep it short)."""
READY_TIMEOUT: Final = 60.0
"""How long the child may take to start and open the file."""

Item = tuple[float, str, str, Sequence[tuple[str, str]], bytes, str | None]
"""(received, direction, command, headers, body, connection or None) for one message."""


class ProcessCaptureWriter(FrameRecording):
    """Records messages to a capture file from a child process; see the module docstring.

    The recording API of `CaptureWriter`: `record`, `record_frame`, `wire_tap`, `stats()`,
    `recording`, `close()`, `aclose()`, `path`. Call `record*` from one thread.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        connection: str = "",
        caps: CaptureCaps | None = None,
        queue_limit: int = DEFAULT_QUEUE_LIMIT,
        flush_interval: float = DEFAULT_FLUSH_INTERVAL,
        text_index: bool = True,
        clock: Callable[[], float] = time.time,
        **child_options: Any,
    ) -> None:
        self.path = Path(path)
        self.connection = connection
        self._queue_limit = queue_limit
        self._flush_interval = flush_interval
        self._clock = clock
        self._pending: deque[Item] = deque()
        self._wake = threading.Event()
        self._closing = False
        self._stopped = False
        self._queued = 0
        self._dropped = 0
        self._child: dict[str, int] = {"written": 0, "dropped": 0, "lost": 0, "evicted": 0}
        self._error: CaptureError | None = None
        self._final = threading.Event()
        context = multiprocessing.get_context("spawn")
        data_out, data_in = context.Pipe(duplex=False)  # (receiving end, sending end)
        status_in, status_out = context.Pipe(duplex=False)
        options = dict(
            connection=connection,
            caps=caps or CaptureCaps(),
            queue_limit=max(queue_limit, 1),
            flush_interval=flush_interval,
            text_index=text_index,
            **child_options,
        )
        self._process = context.Process(
            target=child_main,
            args=(data_out, status_out, self.path, options),
            name=f"capture-recorder {self.path.name}",
            daemon=True,
        )
        self._process.start()
        data_out.close()  # the child's ends: ours are closed so EOF reaches the other side
        status_out.close()
        self._data = data_in
        self._status = status_in
        self._sender = threading.Thread(target=self._send_loop, name="capture-sender", daemon=True)
        self._receiver = threading.Thread(
            target=self._receive_loop, name="capture-status", daemon=True
        )
        self._sender.start()
        self._receiver.start()

    # -- recording (the owner's thread; never blocks) ------------------------------------------

    def record(
        self,
        direction: Direction | str,
        command: str,
        headers: Sequence[tuple[str, str]] = (),
        body: bytes = b"",
        *,
        received: float | None = None,
        connection: str | None = None,
    ) -> bool:
        """Queue one message; False when it was dropped (queue full, stopped or closed)."""
        if direction != "in" and direction != "out":
            raise ValueError(f"direction must be 'in' or 'out', not {direction!r}")
        pending = self._pending
        if self._stopped or len(pending) >= self._queue_limit:
            self._dropped += 1
            return False
        pending.append(
            (
                self._clock() if received is None else received,
                str(direction),
                command,
                tuple(headers),
                body,
                connection,
            )
        )
        self._queued += 1
        return True

    # -- state -------------------------------------------------------------------------------

    def stats(self) -> WriterStats:
        child = self._child
        written, lost = child["written"], child["lost"]
        if self._error is not None:  # everything accepted and not written is lost then
            lost = max(lost, self._queued - written - child["dropped"])
        error = self._error
        if isinstance(error, CaptureWriteFailed) and error.lost != lost:  # say how many in all
            error = CaptureWriteFailed(
                error.path or self.path, error.detail, disk_full=error.disk_full, lost=lost
            )
        return WriterStats(
            queued=self._queued,
            written=written,
            dropped=self._dropped + child["dropped"],
            lost=lost,
            evicted=child["evicted"],
            error=error,
        )

    @property
    def recording(self) -> bool:
        return not self._stopped

    def close(self, timeout: float | None = 30.0) -> WriterStats:
        """Ship what is queued, let the child write it and close the file; idempotent."""
        if not self._closing:
            self._closing = True
            self._wake.set()
            self._sender.join(timeout)
            self._final.wait(timeout)
            self._process.join(timeout)
            self._stopped = True
            with contextlib.suppress(OSError):
                self._data.close()
        return self.stats()

    async def aclose(self) -> WriterStats:
        return await asyncio.to_thread(self.close)

    # -- the threads --------------------------------------------------------------------------

    def _send_loop(self) -> None:
        pending = self._pending
        popleft = pending.popleft
        while True:
            self._wake.wait(self._flush_interval)
            self._wake.clear()
            closing = self._closing
            try:
                while pending:
                    chunk = [popleft() for _ in range(min(len(pending), CHUNK))]
                    self._data.send_bytes(pickle.dumps(chunk, protocol=5))
                if closing or self._stopped:
                    self._data.send_bytes(b"")  # the end: the child closes the writer
                    return
            except (OSError, EOFError, ValueError) as exc:  # the child is gone
                self._fail(CaptureWriteFailed(self.path, str(exc), disk_full=False, lost=0))
                return

    def _receive_loop(self) -> None:
        try:
            while True:
                kind, payload = self._status.recv()
                if kind == "stats":
                    self._child = payload
                elif kind == "failed":
                    self._fail(_rebuild(payload))
                elif kind == "closed":
                    self._child = payload
                    return
        except (EOFError, OSError):
            if not self._closing:
                self._fail(
                    CaptureWriteFailed(
                        self.path, "the recording process ended", disk_full=False, lost=0
                    )
                )
        finally:
            self._final.set()

    def _fail(self, error: CaptureError) -> None:
        if self._error is None:
            self._error = error
        self._stopped = True
        self._wake.set()


# -- the child -------------------------------------------------------------------------------


def child_main(data: Connection, status: Connection, path: Path, options: dict[str, Any]) -> None:
    """The recording process: open the writer, record what arrives, report, close."""
    from explorer.capture.writer import CaptureWriter

    try:
        writer = CaptureWriter(path, **options)
    except CaptureError as exc:
        status.send(("failed", _fields(exc)))
        status.send(("closed", _counters(None)))
        return
    last: dict[str, int] | None = None
    try:
        while True:
            if data.poll(0.25):
                try:
                    payload = data.recv_bytes()
                except (EOFError, OSError):
                    break  # the caller is gone: keep what arrived
                if not payload:
                    break
                record = writer.record
                for received, direction, command, headers, body, connection in pickle.loads(
                    payload
                ):
                    record(
                        direction,
                        command,
                        headers,
                        body,
                        received=received,
                        connection=connection,
                    )
            stats = writer.stats()
            counters = _counters(stats)
            if counters != last:
                status.send(("stats", counters))
                last = counters
            if stats.error is not None:
                status.send(("failed", _fields(stats.error)))
                break
    finally:
        final = writer.close()
        with contextlib.suppress(OSError):
            status.send(("closed", _counters(final)))


def _counters(stats: WriterStats | None) -> dict[str, int]:
    if stats is None:
        return {"written": 0, "dropped": 0, "lost": 0, "evicted": 0}
    return {
        "written": stats.written,
        "dropped": stats.dropped,
        "lost": stats.lost,
        "evicted": stats.evicted,
    }


def _fields(error: CaptureError) -> tuple[str, str, dict[str, Any]]:
    """An error as plain data (its class name, sentence and fields) to cross the pipe."""
    return type(error).__name__, error.message, dict(vars(error))


def _rebuild(fields: tuple[str, str, dict[str, Any]]) -> CaptureError:
    """The same `CaptureError` type with the same fields, on this side of the pipe."""
    name, message, attributes = fields
    cls = getattr(capture_errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, CaptureError)):
        cls = CaptureError
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(attributes)
    return error
