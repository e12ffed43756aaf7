"""Captures: every frame a connection receives and sends, recorded to an SQLite file.

A capture keeps what the live log forgets when a tab closes. It is one SQLite database
(WAL journal; `.stompcap` by convention) that anyone can query with the `sqlite3` shell::

    sqlite3 -readonly orders.stompcap \\
      "SELECT seq, datetime(received, 'unixepoch', 'subsec'), destination, body
       FROM messages WHERE headers ->> '$.priority' > '5' LIMIT 20"

Schema (version 1; `PRAGMA user_version`, `PRAGMA application_id` = 0x53545043 "STPC")::

    messages            one row per frame, in arrival order
      seq          INTEGER PRIMARY KEY   1, 2, 3, ... never reused; contiguous (caps evict
                                         the oldest)
      received     REAL    our wall clock when seen or sent (seconds since the epoch)
      broker_time  INTEGER the broker's `timestamp` header (ms since the epoch) or NULL
      direction    TEXT    'in' (received) or 'out' (sent)
      connection   TEXT    the profile or connection name ('' when not given)
      command      TEXT    MESSAGE, SEND, SUBSCRIBE, RECEIPT, ERROR, ...
      destination  TEXT    the first `destination` header ('' when none)
      subscription TEXT    a MESSAGE's `subscription`, a SUBSCRIBE's `id`, or NULL
      headers      TEXT    JSON object: each header name's first value (the STOMP rule),
                           in wire order; e.g. headers ->> '$.priority'
      header_list  TEXT    JSON [[name, value], ...]: every header in wire order, repeats
                           kept; only when some name repeats, else NULL
      body         TEXT|BLOB  the exact body: TEXT when it is UTF-8 without NUL (so
                           json_extract(body, '$.id') works), BLOB otherwise
      body_size    INTEGER body bytes
      body_json    INTEGER 1 when the body is a JSON text
    destinations        destination, messages, bytes, last_received: counts kept by the
                        recorder (evictions subtract)
    capture_info        key/value: created, created_by, evicted_messages, dropped_messages,
                        text_indexed_upto, max_bytes, max_age_seconds
    body_text           FTS5 trigram index of the TEXT bodies (external content =
                        messages, rowid = seq), built behind the recording up to
                        capture_info.text_indexed_upto

A CONNECT's passcode is stored as `***`.

Python API::

    from explorer.capture import CaptureWriter, CaptureCaps, Capture

    writer = CaptureWriter("orders.stompcap", connection="staging",
                           caps=CaptureCaps(max_bytes=1 << 30, max_age=7 * 86400))
    client = Client(url, wire_tap=writer.wire_tap())   # every frame in and out, or:
    writer.record("in", "MESSAGE", headers, body)       # never blocks (False = dropped)
    writer.stats()                                      # queued/written/dropped/lost/evicted
    await writer.aclose()                               # or writer.close()

    with Capture("orders.stompcap") as capture:         # read-only
        capture.count(); capture.bounds(); capture.time_range(); capture.destinations()
        capture.page(after=0, limit=500); capture.page_before(seq); capture.get(seq)
        seqs = capture.search("priority>5 and $.user.id == 1001")   # array of seq
        capture.count("error"); capture.records(seqs[:100])
        capture.search_sql("body_size > 1000")          # raw WHERE, read-only

    export_jsonl(capture.iter_records(), fp) / export_csv(...); import_file(src, capture_path)

Errors: the `CaptureError` family (`NotACapture`, `CaptureNotFound`, `CaptureTooNew`,
`CaptureCorrupt`, `CaptureLocked`, `CaptureWriteFailed`, `CaptureSettingsError`,
`CaptureClosed`, `ExchangeError`, `SearchInterrupted`), each with a sentence saying what to do.
"""

from __future__ import annotations

from explorer.capture.appender import CaptureAppender, CaptureCaps, remove_capture
from explorer.capture.errors import (
    CaptureClosed,
    CaptureCorrupt,
    CaptureError,
    CaptureLocked,
    CaptureNotFound,
    CaptureSettingsError,
    CaptureTooNew,
    CaptureWriteFailed,
    ExchangeError,
    NotACapture,
)
from explorer.capture.reader import (
    Capture,
    CaptureInfo,
    DestinationCount,
    SearchInterrupted,
)
from explorer.capture.record import CaptureRecord
from explorer.capture.schema import SCHEMA_VERSION, SUFFIX
from explorer.capture.writer import CaptureWriter, WriterStats

__all__ = [
    "SCHEMA_VERSION",
    "SUFFIX",
    "Capture",
    "CaptureAppender",
    "CaptureCaps",
    "CaptureClosed",
    "CaptureCorrupt",
    "CaptureError",
    "CaptureInfo",
    "CaptureLocked",
    "CaptureNotFound",
    "CaptureRecord",
    "CaptureSettingsError",
    "CaptureTooNew",
    "CaptureWriteFailed",
    "CaptureWriter",
    "DestinationCount",
    "ExchangeError",
    "NotACapture",
    "SearchInterrupted",
    "WriterStats",
    "remove_capture",
]
