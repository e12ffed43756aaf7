"""The capture file's schema: tables, version checks and how a message becomes a row.

A capture is an SQLite database marked with `PRAGMA application_id` (so another database is
refused with a sentence, not a confusing query error) and `PRAGMA user_version` (the schema
version: a file from a newer STOMP Explorer is refused). The tables are described for people
in the package docstring (`explorer.capture`) and in docs/captures.md; keep the three in step.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from explorer.capture.errors import CaptureCorrupt, CaptureLocked, CaptureTooNew, NotACapture

APPLICATION_ID: Final = 0x53545043  # "STPC"
SCHEMA_VERSION: Final = 1
SUFFIX: Final = ".stompcap"

SCHEMA: Final = """
CREATE TABLE capture_info (
    key   TEXT PRIMARY KEY,
    value ANY
) WITHOUT ROWID;

CREATE TABLE messages (
    seq          INTEGER PRIMARY KEY,
    received     REAL    NOT NULL,
    broker_time  INTEGER,
    direction    TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    connection   TEXT    NOT NULL,
    command      TEXT    NOT NULL,
    destination  TEXT    NOT NULL,
    subscription TEXT,
    headers      TEXT    NOT NULL,
    header_list  TEXT,
    body         BLOB    NOT NULL,
    body_size    INTEGER NOT NULL,
    body_json    INTEGER NOT NULL
);

CREATE TABLE destinations (
    destination   TEXT PRIMARY KEY,
    messages      INTEGER NOT NULL,
    bytes         INTEGER NOT NULL,
    last_received REAL    NOT NULL
) WITHOUT ROWID;

CREATE VIRTUAL TABLE body_text USING fts5(
    body, content='messages', content_rowid='seq', tokenize='trigram'
);
"""

INSERT_MESSAGE: Final = (
    "INSERT INTO messages (received, broker_time, direction, connection, command, "
    "destination, subscription, headers, header_list, body, body_size, body_json) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "CASE WHEN typeof(?10) = 'text' THEN json_valid(?10) ELSE 0 END)"
)

MESSAGE_COLUMNS: Final = (
    "seq, received, broker_time, direction, connection, command, destination, subscription, "
    "headers, header_list, body"
)

# capture_info keys
INFO_CREATED: Final = "created"
INFO_CREATED_BY: Final = "created_by"
INFO_EVICTED: Final = "evicted_messages"
INFO_DROPPED: Final = "dropped_messages"
INFO_TEXT_INDEXED: Final = "text_indexed_upto"
INFO_MAX_BYTES: Final = "max_bytes"
INFO_MAX_AGE: Final = "max_age_seconds"

Row = tuple[float, int | None, str, str, str, str, str | None, str, str | None, "str | bytes", int]
"""What `INSERT_MESSAGE` takes, in order (body_json is computed by SQLite)."""

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_dumps_ascii = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode


def header_json(
    headers: Sequence[tuple[str, str]],
) -> tuple[str, str | None, dict[str, str]]:
    """(`headers` column, `header_list` column, first value per name) for one message.

    `headers` is a JSON object of each name's first value (the STOMP rule) in wire order;
    `header_list` the full [[name, value], ...] list, stored only when a name repeats.
    """
    first = dict(headers)  # C speed; the last value wins, so check for repeats
    repeated = len(first) != len(headers)
    if repeated:
        first = {}
        for name, value in headers:
            first.setdefault(name, value)
    column = _plain_object(first) or _dumps(first)
    listed = _dumps([list(pair) for pair in headers]) if repeated else None
    if not column.isascii() or (listed is not None and not listed.isascii()):
        try:
            column.encode("utf-8")
            if listed is not None:
                listed.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: \\u escapes keep them, valid JSON
            column = _dumps_ascii(first)
            listed = _dumps_ascii([list(pair) for pair in headers]) if repeated else None
    return column, listed, first


def _plain_object(first: dict[str, str]) -> str | None:
    """The JSON object of `first` built directly, when no name or value needs escaping
    (the usual case; about twice as fast as the json module), else None."""
    text = ",".join([f'"{name}":"{value}"' for name, value in first.items()])
    if text.count('"') != 4 * len(first) or "\\" in text or not text.isprintable():
        return None  # a quote, backslash, control character or lone surrogate inside
    return "{" + text + "}"


def stored_body(body: bytes) -> str | bytes:
    """The `body` value: TEXT when the bytes are UTF-8 without NUL (readable in the sqlite3
    shell, usable by SQLite's JSON functions), else the BLOB. Both give back the exact bytes."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return body
    return body if "\x00" in text else text


def body_bytes(value: str | bytes) -> bytes:
    """The exact body bytes from a stored `body` value."""
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def broker_time(first: dict[str, str]) -> int | None:
    """The broker's `timestamp` header (milliseconds since the epoch), when it is a number."""
    value = first.get("timestamp")
    if value is None or not value.isascii() or not value.isdigit():
        return None
    return int(value)


def subscription_of(command: str, first: dict[str, str]) -> str | None:
    """The subscription a frame belongs to: a MESSAGE's `subscription`, a SUBSCRIBE's or
    UNSUBSCRIBE's `id`."""
    if command in ("SUBSCRIBE", "UNSUBSCRIBE"):
        return first.get("id")
    return first.get("subscription")


def create(conn: sqlite3.Connection, created: float, created_by: str) -> None:
    """Lay out a new, empty capture (one transaction)."""
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.executemany(
        "INSERT INTO capture_info (key, value) VALUES (?, ?)",
        [
            (INFO_CREATED, created),
            (INFO_CREATED_BY, created_by),
            (INFO_EVICTED, 0),
            (INFO_DROPPED, 0),
            (INFO_TEXT_INDEXED, 0),
        ],
    )
    conn.execute("COMMIT")


def is_empty_database(conn: sqlite3.Connection) -> bool:
    """A new file (or an existing empty one): no tables, no marks."""
    tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    return int(tables) == 0


def check(conn: sqlite3.Connection, path: Path) -> int:
    """Refuse what is not a capture we can read; returns the schema version.

    Translates SQLite's own complaints ("file is not a database", "database is locked",
    "malformed") into the `CaptureError` family.
    """
    try:
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.DatabaseError as exc:
        raise translate_error(exc, path) from None
    if application_id != APPLICATION_ID:
        raise NotACapture(path, "an SQLite database of another program")
    if version > SCHEMA_VERSION:
        raise CaptureTooNew(path, version, SCHEMA_VERSION)
    if version < 1:
        raise NotACapture(path, "no schema version")
    return version


def translate_error(exc: sqlite3.Error, path: Path) -> Exception:
    """The `CaptureError` for an SQLite error met while opening or reading `path`."""
    text = str(exc)
    lowered = text.lower()
    code = getattr(exc, "sqlite_errorcode", None)
    if "not a database" in lowered or code == sqlite3.SQLITE_NOTADB:
        return NotACapture(path, "not an SQLite database")
    if "locked" in lowered or "busy" in lowered:
        return CaptureLocked(path, text)
    if "malformed" in lowered or "corrupt" in lowered or code == sqlite3.SQLITE_CORRUPT:
        return CaptureCorrupt(path, text)
    if "disk i/o" in lowered or "short read" in lowered:
        return CaptureCorrupt(path, text)
    return CaptureCorrupt(path, text)
