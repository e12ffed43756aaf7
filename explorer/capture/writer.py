"""Recording without blocking the event loop: a bounded queue and one writer thread.

`record()` only appends a tuple to a deque (no disk, no lock, no JSON); the thread wakes at
least every `flush_interval` (0.25 s by default) or when a batch is full, and writes everything
queued in one transaction. So a crash or `kill -9` loses at most the last flush interval (plus
the commit in flight), and one transaction covers thousands of messages. When the disk cannot
keep up and the queue reaches `queue_limit`, further messages are dropped and counted (never
an unbounded backlog in memory); the count is kept in the file too.

When the disk refuses a write (full, I/O error) recording stops: what was committed stays, the
failed batch and the queue are counted as lost, `stats().error` holds a `CaptureWriteFailed`
and `on_error` is called once, from the writer thread (use `loop.call_soon_threadsafe` there).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Protocol

from explorer.capture.appender import (
    NO_CAPS,
    CaptureAppender,
    CaptureCaps,
    Connect,
    Pending,
    connect_for_writing,
)
from explorer.capture.errors import CaptureError, CaptureWriteFailed
from explorer.stomp import Direction

DEFAULT_QUEUE_LIMIT: Final = 200_000
DEFAULT_FLUSH_INTERVAL: Final = 0.25
BATCH_MAX: Final = 20_000
"""Messages per transaction at most (a burst is written as several transactions)."""
CAPS_EVERY: Final = 1.0
"""Seconds between two checks of the caps."""


class FrameLike(Protocol):
    """What `record_frame` needs from `explorer.stomp.Frame`."""

    @property
    def command(self) -> str: ...
    @property
    def headers(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def body(self) -> bytes: ...


class WireRecordLike(Protocol):
    """What `wire_tap` needs from `explorer.client.WireRecord`."""

    @property
    def direction(self) -> str: ...
    @property
    def frame(self) -> FrameLike | None: ...


@dataclass(frozen=True, slots=True)
class WriterStats:
    """Counters of one recording (this writer only; the file keeps running totals)."""

    queued: int
    """Accepted by `record()`."""
    written: int
    """Committed to the file."""
    dropped: int
    """Refused by `record()`: queue full, recording stopped or closed."""
    lost: int
    """Accepted but not written because the disk refused (see `error`)."""
    evicted: int
    """Removed from the file by the caps."""
    error: CaptureError | None

    @property
    def pending(self) -> int:
        """Accepted and not yet written (nor lost)."""
        return self.queued - self.written - self.lost


class FrameRecording:
    """What both writers build on `record`: recording `explorer.stomp` frames and wire taps."""

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
        raise NotImplementedError

    def record_frame(
        self,
        frame: FrameLike,
        direction: Direction | str,
        *,
        received: float | None = None,
        connection: str | None = None,
    ) -> bool:
        """Queue a frame from `explorer.stomp` as seen ("in") or sent ("out")."""
        return self.record(
            direction,
            frame.command,
            frame.headers,
            frame.body,
            received=received,
            connection=connection,
        )

    def wire_tap(self, connection: str | None = None) -> Callable[[WireRecordLike], None]:
        """A `wire_tap` for `explorer.client.Client` that records every frame in and out
        (heart-beats are skipped; the client already redacts a CONNECT's passcode)."""
        record_frame = self.record_frame

        def tap(record: WireRecordLike) -> None:
            frame = record.frame
            if frame is not None:
                record_frame(frame, record.direction, connection=connection)

        return tap


class CaptureWriter(FrameRecording):
    """Records messages to a capture file from any thread, without blocking the caller.

    Opening (in the constructor) is synchronous and quick; it raises the `CaptureError`
    family for a file that is not a capture, from a newer version, locked by another
    recording, or a cap that cannot work. From a coroutine, `await CaptureWriter.open(...)`
    does it in a worker thread. Close with `close()` (blocking, waits for the queue to be
    written) or `await aclose()`.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        connection: str = "",
        caps: CaptureCaps = NO_CAPS,
        queue_limit: int = DEFAULT_QUEUE_LIMIT,
        flush_interval: float = DEFAULT_FLUSH_INTERVAL,
        text_index: bool = True,
        on_error: Callable[[CaptureError], None] | None = None,
        clock: Callable[[], float] = time.time,
        connect: Connect = connect_for_writing,
    ) -> None:
        if queue_limit < 1:
            raise ValueError("queue_limit must be at least 1")
        if not 0 < flush_interval <= 1.0:
            raise ValueError("flush_interval must be in (0, 1] seconds: at most 1 s is lost")
        self._appender = CaptureAppender(
            path, caps=caps, text_index=text_index, clock=clock, connect=connect
        )
        self.path = self._appender.path
        self.connection = connection
        self._queue: deque[Pending] = deque()
        self._queue_limit = queue_limit
        self._flush_interval = flush_interval
        self._on_error = on_error
        self._clock = clock
        self._wake = threading.Event()
        self._progress = threading.Condition()
        self._closing = False
        self._stopped = False
        self._queued = 0
        self._written = 0
        self._dropped = 0
        self._dropped_saved = 0
        self._lost = 0
        self._error: CaptureError | None = None
        self._thread = threading.Thread(
            target=self._run, name=f"capture-writer {self.path.name}", daemon=True
        )
        self._thread.start()

    @classmethod
    async def open(cls, path: Path | str, **options: object) -> CaptureWriter:
        """Open in a worker thread (the event loop never waits on the disk)."""
        return await asyncio.to_thread(lambda: cls(path, **options))  # type: ignore[arg-type]

    # -- recording (the owner's thread; never blocks) ------------------------------------------

    def record(
        self,
        direction: Direction | str,
        command: str,
        headers: Sequence[tuple[str, str]] = (),
        body: bytes = b"",
        *,
        received: float | None = None,
        destination: str | None = None,
        subscription: str | None = None,
        connection: str | None = None,
    ) -> bool:
        """Queue one message; False when it was dropped (queue full, stopped or closed).

        `destination` and `subscription` default to the frame's own headers; `received` to
        now. A CONNECT's passcode is written as `***`. Call it from one thread (the event
        loop's): the queue is thread-safe, the counters are not.
        """
        if direction != "in" and direction != "out":
            raise ValueError(f"direction must be 'in' or 'out', not {direction!r}")
        queue = self._queue
        if self._stopped or len(queue) >= self._queue_limit:
            self._dropped += 1
            return False
        queue.append(
            (
                self._clock() if received is None else received,
                str(direction),
                self.connection if connection is None else connection,
                command,
                headers,
                body,
                subscription,
                destination,
            )
        )
        self._queued += 1
        if len(queue) == BATCH_MAX:
            self._wake.set()
        return True

    # -- state -------------------------------------------------------------------------------

    def stats(self) -> WriterStats:
        return WriterStats(
            queued=self._queued,
            written=self._written,
            dropped=self._dropped,
            lost=self._lost,
            evicted=self._appender.evicted,
            error=self._error,
        )

    @property
    def recording(self) -> bool:
        """False once closed or stopped by a write failure."""
        return not self._stopped

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything queued before this call is written (or lost); False on
        timeout. Blocking: from a coroutine use `await asyncio.to_thread(writer.flush)`."""
        target = self._queued
        deadline = None if timeout is None else time.monotonic() + timeout
        self._wake.set()
        with self._progress:
            while self._written + self._lost < target and self._thread.is_alive():
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._progress.wait(remaining if remaining is not None else 0.5)
        return True

    def close(self, timeout: float | None = None) -> WriterStats:
        """Write what is queued, stop the thread and release the file. Idempotent."""
        if not self._closing:
            self._closing = True
            self._stopped = True
        self._wake.set()
        self._thread.join(timeout)
        return self.stats()

    async def aclose(self) -> WriterStats:
        """`close()` in a worker thread."""
        return await asyncio.to_thread(self.close)

    def __enter__(self) -> CaptureWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the writer thread --------------------------------------------------------------------

    def _run(self) -> None:
        appender = self._appender
        next_caps = 0.0
        try:
            while True:
                self._wake.wait(self._flush_interval)
                self._wake.clear()
                closing = self._closing
                while self._queue:
                    self._write_batch()
                now = time.monotonic()
                if now >= next_caps:
                    appender.enforce_caps()
                    next_caps = now + CAPS_EVERY
                if closing:
                    if self._dropped > self._dropped_saved:
                        self._write_batch()  # an empty batch that saves the dropped count
                    break
                # Idle: build the text index in small steps, back to recording when a
                # message arrives (one step is about 2,000 messages).
                indexing_until = time.monotonic() + self._flush_interval
                while not self._queue and not self._closing and appender.index_some():
                    if time.monotonic() >= indexing_until:
                        break
        except CaptureError as exc:
            self._fail(exc)
        finally:
            appender.close()
            with self._progress:
                self._progress.notify_all()

    def _write_batch(self) -> None:
        queue = self._queue
        popleft = queue.popleft
        batch = [popleft() for _ in range(min(len(queue), BATCH_MAX))]
        dropped = self._dropped - self._dropped_saved
        try:
            written = self._appender.append(batch, dropped)
        except CaptureError:
            self._lost += len(batch)
            raise
        self._dropped_saved += dropped
        with self._progress:
            self._written += written
            self._progress.notify_all()

    def _fail(self, error: CaptureError) -> None:
        self._stopped = True
        remaining = len(self._queue)
        self._queue.clear()
        self._lost += remaining
        if isinstance(error, CaptureWriteFailed):  # say how many in all, queue included
            error = CaptureWriteFailed(
                error.path or self.path, error.detail, disk_full=error.disk_full, lost=self._lost
            )
        self._error = error
        if self._on_error is not None:
            with contextlib.suppress(Exception):  # a broken callback must not hide the failure
                self._on_error(error)
