"""Reading a capture: open read-only, count, page by sequence, destinations, search.

Opening reads a few pages, never the messages, so a capture of a million messages opens in
milliseconds and stays on disk. The connection is read-only twice over (`mode=ro` and
`PRAGMA query_only`), and raw SQL runs under an authorizer that allows reading only. One
lock serialises use of the connection, so calls may come from worker threads
(`asyncio.to_thread`); `interrupt()` from any thread stops a long search.
"""

from __future__ import annotations

import array
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

from explorer.capture import schema
from explorer.capture.errors import (
    CaptureClosed,
    CaptureCorrupt,
    CaptureError,
    CaptureNotFound,
    NotACapture,
)
from explorer.capture.record import CaptureRecord, record_from_row
from explorer.search import Node, SearchSqlError, compile_sql, parse, register_functions

DEFAULT_PAGE: Final = 500
_HEADER_SIZE: Final = 100
_MAGIC: Final = b"SQLite format 3\x00"
_ALLOWED_ACTIONS: Final = frozenset(
    {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION}
)


@dataclass(frozen=True, slots=True)
class DestinationCount:
    """One destination of a capture: how many messages, body bytes, the last one's time."""

    destination: str
    messages: int
    bytes: int
    last_received: float


@dataclass(frozen=True, slots=True)
class CaptureInfo:
    """What a capture says about itself."""

    path: Path
    schema_version: int
    created: float
    created_by: str
    messages: int
    first_seq: int | None
    last_seq: int | None
    evicted: int
    """Messages removed by the caps since the capture was created."""
    dropped: int
    """Messages the recorder could not keep up with (queue full) since it was created."""
    text_indexed_upto: int
    max_bytes: int | None
    max_age: float | None


class Capture:
    """A capture opened read-only. Raises the `CaptureError` family for bad files."""

    def __init__(self, path: Path | str, *, busy_timeout: float = 2.0) -> None:
        self.path = Path(path)
        _check_file(self.path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = _connect_read_only(self.path, busy_timeout)
        try:
            self.schema_version = schema.check(self._conn, self.path)
            register_functions(self._conn)
            self._conn.execute("SELECT seq FROM messages ORDER BY seq DESC LIMIT 1").fetchall()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            self._conn = None
            raise schema.translate_error(exc, self.path) from None
        except BaseException:
            self._conn.close()
            self._conn = None
            raise

    # -- basics ----------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Capture:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def interrupt(self) -> None:
        """Stop the query running now (it raises `SearchInterrupted`); any thread."""
        conn = self._conn
        if conn is not None:
            conn.interrupt()

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            conn = self._conn
            if conn is None:
                raise CaptureClosed(self.path)
            try:
                return conn.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                if "interrupted" in str(exc):
                    raise SearchInterrupted(self.path) from None
                raise schema.translate_error(exc, self.path) from None
            except sqlite3.DatabaseError as exc:
                raise schema.translate_error(exc, self.path) from None

    def info(self) -> CaptureInfo:
        values = dict(self._query("SELECT key, value FROM capture_info"))
        first, last = self.bounds() or (None, None)
        return CaptureInfo(
            path=self.path,
            schema_version=self.schema_version,
            created=float(values.get(schema.INFO_CREATED) or 0.0),
            created_by=str(values.get(schema.INFO_CREATED_BY) or ""),
            messages=self.count(),
            first_seq=first,
            last_seq=last,
            evicted=int(values.get(schema.INFO_EVICTED) or 0),
            dropped=int(values.get(schema.INFO_DROPPED) or 0),
            text_indexed_upto=int(values.get(schema.INFO_TEXT_INDEXED) or 0),
            max_bytes=_optional_int(values.get(schema.INFO_MAX_BYTES)),
            max_age=_optional_float(values.get(schema.INFO_MAX_AGE)),
        )

    def count(self, query: str | Node | None = None) -> int:
        """How many messages (matching `query` when given; see `search`). Without a query
        this is the recorder's per-destination counts added up: no scan of the messages."""
        if query is None:
            return int(self._query("SELECT coalesce(sum(messages), 0) FROM destinations")[0][0])
        where, params = self._where(query)
        return int(self._query(f"SELECT count(*) FROM messages WHERE {where}", params)[0][0])

    def bounds(self) -> tuple[int, int] | None:
        """(first seq, last seq), or None when the capture is empty. Sequence numbers are
        contiguous between them (the caps evict from the start)."""
        # Two queries: SQLite answers a lone min() or max() from the b-tree's ends, but
        # scans every row for both in one query.
        first = self._query("SELECT min(seq) FROM messages")[0][0]
        last = self._query("SELECT max(seq) FROM messages")[0][0]
        return None if first is None else (int(first), int(last))

    def time_range(self) -> tuple[float, float] | None:
        """(received of the first message, of the last), in arrival order."""
        first = self._query("SELECT received FROM messages ORDER BY seq LIMIT 1")
        last = self._query("SELECT received FROM messages ORDER BY seq DESC LIMIT 1")
        if not first:
            return None
        return float(first[0][0]), float(last[0][0])

    def destinations(self) -> list[DestinationCount]:
        """Every destination with its message count, by name."""
        rows = self._query(
            "SELECT destination, messages, bytes, last_received FROM destinations "
            "ORDER BY destination"
        )
        return [DestinationCount(str(d), int(n), int(b), float(t)) for d, n, b, t in rows]

    # -- records -------------------------------------------------------------------------------

    def page(
        self, after: int = 0, limit: int = DEFAULT_PAGE, *, body_limit: int | None = None
    ) -> list[CaptureRecord]:
        """Up to `limit` records with seq > `after`, in order. With `body_limit`, bodies are
        cut to their start (a table's previews never read a large body whole); the record's
        `size` is still the whole body's."""
        columns, first = _columns(body_limit)
        rows = self._query(
            f"SELECT {columns} FROM messages WHERE seq > ? ORDER BY seq LIMIT ?",
            (*first, after, limit),
        )
        return [record_from_row(row) for row in rows]

    def page_before(self, before: int, limit: int = DEFAULT_PAGE) -> list[CaptureRecord]:
        """Up to `limit` records with seq < `before`, in order (scrolling back)."""
        rows = self._query(
            f"SELECT {schema.MESSAGE_COLUMNS} FROM messages WHERE seq < ? "
            "ORDER BY seq DESC LIMIT ?",
            (before, limit),
        )
        return [record_from_row(row) for row in reversed(rows)]

    def get(self, seq: int) -> CaptureRecord | None:
        rows = self._query(f"SELECT {schema.MESSAGE_COLUMNS} FROM messages WHERE seq = ?", (seq,))
        return record_from_row(rows[0]) if rows else None

    def records(self, seqs: Iterable[int], *, body_limit: int | None = None) -> list[CaptureRecord]:
        """The records with these sequence numbers (missing ones left out), in seq order;
        `body_limit` as in `page`."""
        wanted = sorted(set(seqs))
        columns, first = _columns(body_limit)
        out: list[CaptureRecord] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._query(
                f"SELECT {columns} FROM messages WHERE seq IN ({marks}) ORDER BY seq",
                (*first, *chunk),
            )
            out.extend(record_from_row(row) for row in rows)
        return out

    def iter_records(self, batch: int = 2000) -> Iterator[CaptureRecord]:
        """Every record in order, read `batch` at a time (for exports)."""
        after = 0
        while True:
            page = self.page(after, batch)
            if not page:
                return
            yield from page
            after = page[-1].seq

    # -- search ------------------------------------------------------------------------------

    def search(
        self, query: str | Node, *, after: int = 0, limit: int | None = None
    ) -> array.array[int]:
        """Sequence numbers (> `after`, ascending, at most `limit`) of the messages matching
        `query`: an expression (see `explorer.search`) or a parsed node. Raises
        `SearchSyntaxError` for an expression that does not parse."""
        where, params = self._where(query)
        return self._seqs(where, params, after, limit)

    def search_sql(
        self, where: str, params: Sequence[Any] = (), *, after: int = 0, limit: int | None = None
    ) -> array.array[int]:
        """Like `search` with a raw SQL condition over the `messages` columns (for experts).
        Only reading is allowed; SQLite's complaints become `SearchSqlError`."""
        with self._lock:
            conn = self._conn
            if conn is None:
                raise CaptureClosed(self.path)
            conn.set_authorizer(_read_only)
            try:
                return self._seqs_locked(conn, f"({where})", params, after, limit)
            except (sqlite3.Error, sqlite3.Warning) as exc:
                if "interrupted" in str(exc):
                    raise SearchInterrupted(self.path) from None
                raise SearchSqlError(str(exc)) from None
            finally:
                conn.set_authorizer(None)

    def _where(self, query: str | Node) -> tuple[str, tuple[Any, ...]]:
        node = parse(query) if isinstance(query, str) else query
        indexed = self._query("SELECT value FROM capture_info WHERE key = ?", (_INDEXED,))
        names = [row[0] for row in self._query("SELECT destination FROM destinations")]
        condition = compile_sql(
            node,
            text_indexed_upto=int(indexed[0][0]) if indexed else 0,
            destinations=names,
        )
        return condition.where, condition.params

    def _seqs(
        self, where: str, params: Sequence[Any], after: int, limit: int | None
    ) -> array.array[int]:
        with self._lock:
            conn = self._conn
            if conn is None:
                raise CaptureClosed(self.path)
            try:
                return self._seqs_locked(conn, where, params, after, limit)
            except sqlite3.OperationalError as exc:
                if "interrupted" in str(exc):
                    raise SearchInterrupted(self.path) from None
                raise schema.translate_error(exc, self.path) from None
            except sqlite3.DatabaseError as exc:
                raise schema.translate_error(exc, self.path) from None

    @staticmethod
    def _seqs_locked(
        conn: sqlite3.Connection,
        where: str,
        params: Sequence[Any],
        after: int,
        limit: int | None,
    ) -> array.array[int]:
        sql = f"SELECT seq FROM messages WHERE seq > ? AND {where} ORDER BY seq"
        args = [after, *params]
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        out = array.array("q")
        cursor = conn.execute(sql, args)
        while True:
            rows = cursor.fetchmany(10_000)
            if not rows:
                return out
            out.extend(int(row[0]) for row in rows)


_INDEXED: Final = schema.INFO_TEXT_INDEXED
_PREVIEW_COLUMNS: Final = (
    schema.MESSAGE_COLUMNS.removesuffix("body") + "substr(body, 1, ?), body_size"
)


def _columns(body_limit: int | None) -> tuple[str, tuple[int, ...]]:
    """The columns to read and their parameters: whole bodies, or their first bytes (TEXT:
    characters) and the whole size."""
    if body_limit is None:
        return schema.MESSAGE_COLUMNS, ()
    return _PREVIEW_COLUMNS, (max(0, body_limit),)


class SearchInterrupted(CaptureError):
    """A search stopped by `Capture.interrupt()` (the user cancelled it)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"The search in {path} was cancelled.", path)


def _read_only(action: int, *args: object) -> int:
    return sqlite3.SQLITE_OK if action in _ALLOWED_ACTIONS else sqlite3.SQLITE_DENY


def _optional_int(value: object) -> int | None:
    return None if value is None else int(str(value))


def _optional_float(value: object) -> float | None:
    return None if value is None else float(str(value))


def _check_file(path: Path) -> None:
    """Refuse early what SQLite would misreport: missing, empty, not SQLite, truncated."""
    if not path.exists():
        raise CaptureNotFound(path)
    if not path.is_file():
        raise NotACapture(path, "not a regular file")
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError as exc:
        raise CaptureCorrupt(path, exc.strerror or str(exc)) from None
    if not header:
        raise NotACapture(path, "the file is empty")
    if len(header) < _HEADER_SIZE or not header.startswith(_MAGIC):
        raise NotACapture(path, "not an SQLite database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # "in-header database size" is trustworthy
    size = path.stat().st_size
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return  # pages may live in the WAL (a checkpoint that a full disk cut short)
    if valid and pages and size < pages * page_size:
        raise CaptureCorrupt(path, f"truncated: {size} of {pages * page_size} bytes")


def _connect_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=busy_timeout)
        conn.execute("PRAGMA query_only = 1")
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc):
            raise schema.translate_error(exc, path) from None
        # A WAL capture on read-only media without its -shm file: read it as immutable.
        try:
            conn = sqlite3.connect(
                f"{uri}&immutable=1", uri=True, check_same_thread=False, timeout=busy_timeout
            )
        except sqlite3.Error as again:
            raise schema.translate_error(again, path) from None
    except sqlite3.DatabaseError as exc:
        raise schema.translate_error(exc, path) from None
    return conn
