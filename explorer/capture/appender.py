"""The write side of a capture file, synchronous and single-threaded.

`CaptureAppender` opens (or creates) a capture for appending, takes the recorder lock, inserts
batches of messages in one transaction each, evicts the oldest messages past the caps and
builds the body text index behind the writes. `CaptureWriter` runs one in its thread; imports
use one directly.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from explorer import __version__
from explorer.capture import schema
from explorer.capture.errors import (
    CaptureError,
    CaptureLocked,
    CaptureSettingsError,
    CaptureWriteFailed,
    NotACapture,
)

MIN_MAX_BYTES: Final = 1 << 20
_COUNT_DESTINATIONS: Final = (
    "INSERT INTO destinations (destination, messages, bytes, last_received) "
    "SELECT destination, count(*), sum(body_size), max(received) FROM messages "
    "WHERE seq > ? GROUP BY destination "
    "ON CONFLICT (destination) DO UPDATE SET messages = messages + excluded.messages, "
    "bytes = bytes + excluded.bytes, "
    "last_received = max(last_received, excluded.last_received)"
)
"""Add a batch's messages (seq > ?) to the per-destination counts, in SQL."""
_SIZE_ROUNDS: Final = 8
_MERGE_PAGES: Final = 500
EVICT_TO: Final = 0.9
"""A size cap evicts down to this share of the cap, so eviction runs now and then, not on
every batch."""

Pending = tuple[float, str, str, str, Sequence[tuple[str, str]], bytes, "str | None", "str | None"]
"""One message waiting to be written: (received, direction, connection, command, headers,
body, subscription or None to derive it, destination or None to derive it)."""

Connect = Callable[[Path], sqlite3.Connection]


@dataclass(frozen=True, slots=True)
class CaptureCaps:
    """Limits that evict the oldest messages: `max_bytes` of database pages in use (the
    messages and the body text index; at least 1 MiB), `max_age` seconds since a message
    was received. None = no limit."""

    max_bytes: int | None = None
    max_age: float | None = None

    def check(self) -> None:
        if self.max_bytes is not None and self.max_bytes < MIN_MAX_BYTES:
            raise CaptureSettingsError(
                f"A capture size cap of {self.max_bytes} bytes is too small: give at least "
                f"{MIN_MAX_BYTES} bytes (1 MiB)."
            )
        if self.max_age is not None and not self.max_age > 0:
            raise CaptureSettingsError(
                f"A capture age cap of {self.max_age} seconds cannot keep anything: give a "
                "positive number of seconds."
            )


NO_CAPS: Final = CaptureCaps()


def connect_for_writing(path: Path) -> sqlite3.Connection:
    """An SQLite connection in autocommit mode (transactions are explicit), WAL journal."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=2.0)
    return conn


class CaptureAppender:
    """An open capture file that this process appends to. Not thread-safe: one owner."""

    def __init__(
        self,
        path: Path | str,
        *,
        caps: CaptureCaps | None = None,
        text_index: bool = True,
        clock: Callable[[], float] = time.time,
        connect: Connect = connect_for_writing,
    ) -> None:
        caps = caps or NO_CAPS
        caps.check()
        self.path = Path(path)
        self.caps = caps
        self.text_index = text_index
        self._clock = clock
        self._lock_file = _take_recorder_lock(self.path)
        try:
            self._conn = self._open(connect)
        except BaseException:
            _release(self._lock_file)
            raise
        self.evicted = 0
        """Messages removed by the caps through this appender."""

    def _open(self, connect: Connect) -> sqlite3.Connection:
        path = self.path
        try:
            conn = connect(path)
        except sqlite3.Error as exc:
            raise schema.translate_error(exc, path) from None
        try:
            # WAL with NORMAL syncs the disk at checkpoints only; set before the schema is
            # made, so creating a capture waits on a busy disk less (2 of 9 syncs saved).
            conn.execute("PRAGMA synchronous = NORMAL")
            if schema.is_empty_database(conn):
                conn.execute("PRAGMA journal_mode = WAL")
                schema.create(conn, self._clock(), f"STOMP Explorer {__version__}")
            else:
                schema.check(conn, path)
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise CaptureLocked(path, f"cannot switch to WAL journal, got {mode}")
            self._indexed = int(str(self._info(conn, schema.INFO_TEXT_INDEXED) or 0))
            with_caps = [
                (schema.INFO_MAX_BYTES, self.caps.max_bytes),
                (schema.INFO_MAX_AGE, self.caps.max_age),
            ]
            conn.executemany(
                "INSERT OR REPLACE INTO capture_info (key, value) VALUES (?, ?)", with_caps
            )
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise schema.translate_error(exc, path) from None
        except CaptureError:
            conn.close()
            raise
        return conn

    @staticmethod
    def _info(conn: sqlite3.Connection, key: str) -> object:
        row = conn.execute("SELECT value FROM capture_info WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    # -- writing ---------------------------------------------------------------------------

    def append(self, batch: Sequence[Pending], dropped: int = 0) -> int:
        """Insert `batch` in one transaction (and add `dropped` to the file's dropped count);
        returns how many were written. Raises `CaptureWriteFailed` when the disk refuses
        (the transaction is rolled back: nothing of the batch is kept, all before it is)."""
        rows = [to_row(item) for item in batch]
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            before = self._last_seq()
            conn.executemany(schema.INSERT_MESSAGE, rows)
            conn.execute(_COUNT_DESTINATIONS, (before,))
            if dropped:
                self._add_info(schema.INFO_DROPPED, dropped)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise self._write_failed(exc, len(rows)) from None
        return len(rows)

    def _write_failed(self, exc: sqlite3.Error, lost: int) -> CaptureError:
        code = getattr(exc, "sqlite_errorcode", None)
        text = str(exc)
        if "locked" in text or "busy" in text:
            return CaptureLocked(self.path, text)
        disk_full = code == sqlite3.SQLITE_FULL or "full" in text.lower()
        return CaptureWriteFailed(self.path, text, disk_full=disk_full, lost=lost)

    def _rollback(self) -> None:
        try:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def _add_info(self, key: str, amount: int) -> None:
        self._conn.execute(
            "UPDATE capture_info SET value = coalesce(value, 0) + ? WHERE key = ?", (amount, key)
        )

    # -- caps ------------------------------------------------------------------------------

    def enforce_caps(self) -> int:
        """Evict the oldest messages past the caps; returns how many were evicted."""
        caps = self.caps
        evicted = 0
        if caps.max_age is not None:
            cutoff = self._clock() - caps.max_age
            row = self._conn.execute(
                "SELECT seq FROM messages WHERE received >= ? ORDER BY seq LIMIT 1", (cutoff,)
            ).fetchone()
            evicted += self._evict_before(self._last_seq() + 1 if row is None else int(row[0]))
        if caps.max_bytes is not None:
            # The text index gives its pages back only as its segments merge, so measure
            # again after each eviction instead of trusting one estimate.
            for _ in range(_SIZE_ROUNDS):
                used = self.used_bytes()
                if used <= caps.max_bytes:
                    break
                first_row = self._conn.execute("SELECT min(seq) FROM messages").fetchone()
                if first_row[0] is None:
                    break
                first, last = int(first_row[0]), self._last_seq()
                per_message = used / (last - first + 1)
                excess = used - caps.max_bytes * EVICT_TO
                evicted += self._evict_before(first + max(1, math.ceil(excess / per_message)))
        return evicted

    def _last_seq(self) -> int:
        row = self._conn.execute("SELECT max(seq) FROM messages").fetchone()
        return 0 if row[0] is None else int(row[0])

    def used_bytes(self) -> int:
        """Database pages in use (not free), in bytes: what the size cap limits."""
        conn = self._conn
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        return (pages - free) * size

    def _evict_before(self, seq: int) -> int:
        conn = self._conn
        oldest = conn.execute("SELECT min(seq) FROM messages").fetchone()[0]
        if oldest is None or seq <= int(oldest):
            return 0
        try:
            conn.execute("BEGIN IMMEDIATE")
            gone = conn.execute(
                "SELECT destination, count(*), sum(body_size) FROM messages WHERE seq < ? "
                "GROUP BY destination",
                (seq,),
            ).fetchall()
            if self._indexed:
                conn.execute(
                    "INSERT INTO body_text (body_text, rowid, body) SELECT 'delete', seq, body "
                    "FROM messages WHERE seq < ? AND seq <= ? AND typeof(body) = 'text'",
                    (seq, self._indexed),
                )
            evicted: int = conn.execute("DELETE FROM messages WHERE seq < ?", (seq,)).rowcount
            if evicted and self._indexed:
                conn.execute(  # fold the deletions into the index so its pages come free
                    "INSERT INTO body_text (body_text, rank) VALUES ('merge', ?)", (_MERGE_PAGES,)
                )
            conn.executemany(
                "UPDATE destinations SET messages = messages - ?, bytes = bytes - ? "
                "WHERE destination = ?",
                [(int(n), int(size), name) for name, n, size in gone],
            )
            conn.execute("DELETE FROM destinations WHERE messages <= 0")
            self._add_info(schema.INFO_EVICTED, evicted)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise self._write_failed(exc, 0) from None
        self.evicted += evicted
        return evicted

    # -- text index ------------------------------------------------------------------------

    def index_some(self, limit: int = 2000) -> int:
        """Add up to `limit` messages to the body text index (FTS5, trigram); returns how
        many messages it covered (0 when the index is complete or switched off)."""
        if not self.text_index:
            return 0
        conn = self._conn
        row = conn.execute(
            "SELECT max(seq) FROM (SELECT seq FROM messages WHERE seq > ? ORDER BY seq LIMIT ?)",
            (self._indexed, limit),
        ).fetchone()
        if row[0] is None:
            return 0
        upto = int(row[0])
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO body_text (rowid, body) SELECT seq, body FROM messages "
                "WHERE seq > ? AND seq <= ? AND typeof(body) = 'text'",
                (self._indexed, upto),
            )
            conn.execute(
                "UPDATE capture_info SET value = ? WHERE key = ?",
                (upto, schema.INFO_TEXT_INDEXED),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise self._write_failed(exc, 0) from None
        covered = upto - self._indexed
        self._indexed = upto
        return covered

    def index_all(self) -> None:
        """Bring the text index up to date (e.g. after an import)."""
        while self.index_some(20_000):
            pass

    # -- closing ---------------------------------------------------------------------------

    def close(self) -> None:
        """Checkpoint the WAL into the file (best effort) and let go of it."""
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass
        finally:
            self._conn.close()
            _release(self._lock_file)


def to_row(item: Pending) -> schema.Row:
    """The `messages` row for one pending message (secrets never reach the file)."""
    received, direction, connection, command, headers, body, subscription, destination = item
    if command in ("CONNECT", "STOMP"):
        headers = [(name, "***" if name == "passcode" else value) for name, value in headers]
    column, listed, first = schema.header_json(headers)
    if destination is None:
        destination = first.get("destination", "")
    if subscription is None:
        subscription = schema.subscription_of(command, first)
    return (
        received,
        schema.broker_time(first),
        direction,
        connection,
        command,
        destination,
        subscription,
        column,
        listed,
        schema.stored_body(body),
        len(body),
    )


def append_all(appender: CaptureAppender, items: Iterable[Pending], batch: int = 10_000) -> int:
    """Append everything from `items` in batches; returns the count."""
    total = 0
    chunk: list[Pending] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= batch:
            total += appender.append(chunk)
            chunk = []
    if chunk:
        total += appender.append(chunk)
    return total


# -- the recorder lock ---------------------------------------------------------------------


def _take_recorder_lock(path: Path) -> IO[bytes] | None:
    """One recorder per file: two would interleave their batches and caps. An advisory
    `flock` on the database file, separate from SQLite's own locks (POSIX only)."""
    if sys.platform == "win32":
        return None
    import fcntl

    if path.exists() and not path.is_file():
        raise NotACapture(path, "not a regular file")
    try:
        handle = open(path, "ab")  # noqa: SIM115 - held open until close()
    except OSError as exc:
        raise CaptureSettingsError(
            f"Cannot record to {path}: {exc.strerror}. Choose a folder you can write to.",
            path,
        ) from None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise CaptureLocked(path, "another recording is writing to it") from None
    return handle


def _release(handle: IO[bytes] | None) -> None:
    if handle is not None:
        handle.close()  # closing the descriptor drops the flock


def remove_capture(path: Path | str) -> None:
    """Delete a capture and its WAL/shared-memory companions (tests and the CLI's --force)."""
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
