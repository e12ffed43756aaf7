"""Export captures to JSON Lines or CSV and import those files as captures, byte-exact.

JSON Lines is the live log's export format (`explorer.store.export`), with the keys a
capture adds (`broker_timestamp`, `connection`, `subscription`). CSV is the log's CSV too
(`explorer.store.export.CSV_COLUMNS`), one row per message::

    time, timestamp, broker_timestamp, direction, connection, command, destination,
    subscription, content_type, size, headers, body_encoding, body

where `headers` is the JSON list [[name, value], ...] in wire order, and `body_encoding` says
how `body` holds the exact bytes: `utf-8` (text without NUL, as is) or `base64`. Import reads
the lossless columns (`CSV_LOSSLESS`) and ignores the readable `time`, `content_type` and
`size`. Files are UTF-8 (CSV with a byte-order mark, so spreadsheet programs read Korean
right) with `\\n` line ends. Export, import, export again gives the same bytes: timestamps are
written with Python's shortest exact float form, and everything else is kept as it was.
"""

from __future__ import annotations

import base64
import binascii
import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Final, Literal

from explorer.capture.appender import CaptureAppender, Pending, append_all, remove_capture
from explorer.capture.errors import CaptureSettingsError, ExchangeError
from explorer.capture.reader import Capture
from explorer.capture.record import CaptureRecord
from explorer.store.export import (
    CSV_LOSSLESS,
    json_line,
    message_from_json,
    message_to_csv_row,
    message_to_json,
    write_csv_rows,
)

Format = Literal["jsonl", "csv"]

_JSONL_SUFFIXES: Final = (".jsonl", ".ndjson", ".json")
_CSV_ENCODING: Final = "utf-8-sig"
_CSV_FIELD_LIMIT: Final = 1 << 30


def format_of(path: Path | str, given: Format | None = None) -> Format:
    """The format named, or the one a file name's suffix says."""
    if given is not None:
        return given
    suffix = Path(path).suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    raise CaptureSettingsError(
        f"Cannot tell the format of {path} from its name: use .jsonl or .csv.", path
    )


# -- export ------------------------------------------------------------------------------------


def record_to_json(record: CaptureRecord) -> str:
    """One JSON Lines line (without the newline)."""
    return json_line(
        message_to_json(
            timestamp=record.received,
            broker_timestamp=record.broker_time,
            direction=record.direction,
            connection=record.connection,
            command=record.command,
            destination=record.destination,
            subscription=record.subscription,
            headers=record.headers,
            body=record.body,
        )
    )


def export_jsonl(records: Iterable[CaptureRecord], fp: IO[str]) -> int:
    """Write JSON Lines to a text stream (encoding="utf-8", newline=""); returns the count."""
    count = 0
    for record in records:
        fp.write(record_to_json(record))
        fp.write("\n")
        count += 1
    return count


def export_csv(records: Iterable[CaptureRecord], fp: IO[str]) -> int:
    """Write CSV to a text stream (encoding="utf-8-sig", newline=""); returns the count."""
    rows = (
        message_to_csv_row(
            timestamp=record.received,
            broker_timestamp=record.broker_time,
            direction=record.direction,
            connection=record.connection,
            command=record.command,
            destination=record.destination,
            subscription=record.subscription,
            headers=record.headers,
            body=record.body,
        )
        for record in records
    )
    return write_csv_rows(rows, fp)


def export_file(
    capture: Capture,
    destination: Path | str,
    *,
    query: str | None = None,
    format: Format | None = None,
) -> int:
    """Export the whole capture, or the messages matching `query`, to a file."""
    kind = format_of(destination, format)
    if query:
        seqs = capture.search(query)
        records: Iterable[CaptureRecord] = _in_chunks(capture, list(seqs))
    else:
        records = capture.iter_records()
    encoding = "utf-8" if kind == "jsonl" else _CSV_ENCODING
    with open(destination, "w", encoding=encoding, newline="") as fp:
        return export_jsonl(records, fp) if kind == "jsonl" else export_csv(records, fp)


def _in_chunks(capture: Capture, seqs: list[int]) -> Iterator[CaptureRecord]:
    for start in range(0, len(seqs), 2000):
        yield from capture.records(seqs[start : start + 2000])


# -- import ------------------------------------------------------------------------------------


def read_jsonl(fp: IO[str], name: Path | str = "<input>") -> Iterator[Pending]:
    """The messages of a JSON Lines stream; raises `ExchangeError` naming the line."""
    for number, line in enumerate(fp, 1):
        if not line.strip():
            continue
        try:
            message = message_from_json(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ExchangeError(name, number, f"not JSON ({exc.msg})") from None
        except ValueError as exc:
            raise ExchangeError(name, number, str(exc)) from None
        yield (
            message.timestamp,
            message.direction,
            message.connection,
            message.command,
            message.headers,
            message.body,
            message.subscription,
            message.destination,
        )


def read_csv(fp: IO[str], name: Path | str = "<input>") -> Iterator[Pending]:
    """The messages of a CSV stream in the export's columns; `ExchangeError` names the row."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)  # bodies are often over the 128 KiB default
    reader = csv.reader(fp)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise ExchangeError(name, 1, f"not CSV ({exc})") from None
    missing = [column for column in CSV_LOSSLESS if column not in header]
    if missing:
        raise ExchangeError(name, 1, f"the header row lacks the column(s) {', '.join(missing)}")
    at = {column: header.index(column) for column in CSV_LOSSLESS}
    try:
        for row in reader:
            if not row:
                continue
            try:
                yield _csv_message(row, at)
            except (ValueError, IndexError, binascii.Error) as exc:
                raise ExchangeError(name, reader.line_num, str(exc)) from None
    except csv.Error as exc:
        raise ExchangeError(name, reader.line_num, f"not CSV ({exc})") from None


def _csv_message(row: list[str], at: dict[str, int]) -> Pending:
    def cell(column: str) -> str:
        return row[at[column]]

    try:
        received = float(cell("timestamp"))
    except ValueError:
        raise ValueError("timestamp must be a number of seconds since the epoch") from None
    direction = cell("direction")
    if direction not in ("in", "out"):
        raise ValueError('direction must be "in" or "out"')
    command = cell("command")
    if not command:
        raise ValueError("command is empty")
    try:
        listed = json.loads(cell("headers") or "[]")
    except json.JSONDecodeError:
        raise ValueError("headers must be a JSON list of [name, value] pairs") from None
    if not isinstance(listed, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        for pair in listed
    ):
        raise ValueError("headers must be a JSON list of [name, value] pairs")
    encoding = cell("body_encoding")
    if encoding == "base64":
        body = base64.b64decode(cell("body"), validate=True)
    elif encoding in ("utf-8", ""):
        body = cell("body").encode("utf-8", "surrogatepass")
    else:
        raise ValueError('body_encoding must be "utf-8" or "base64"')
    subscription = cell("subscription")
    return (
        received,
        direction,
        cell("connection"),
        command,
        tuple((name, value) for name, value in listed),
        body,
        subscription or None,
        cell("destination"),
    )


def import_file(
    source: Path | str,
    capture: Path | str,
    *,
    format: Format | None = None,
    append: bool = False,
) -> int:
    """Make a capture from a JSON Lines or CSV file; returns how many messages it holds.

    The capture must not exist unless `append`. The body text index is built before it
    returns. A bad line raises `ExchangeError`; a new capture is then removed again (when
    appending, what was read before the bad line stays).
    """
    kind = format_of(source, format)
    target = Path(capture)
    if target.exists() and target.stat().st_size > 0 and not append:
        raise CaptureSettingsError(
            f"{target} already exists: choose another name for the imported capture.", target
        )
    encoding = "utf-8" if kind == "jsonl" else _CSV_ENCODING
    newline = "\n" if kind == "jsonl" else ""  # JSON Lines: only \n ends a line
    try:
        fp = open(source, encoding=encoding, newline=newline)  # noqa: SIM115 - closed below
    except OSError as exc:
        raise ExchangeError(source, 0, f"cannot be read ({exc.strerror})") from None
    created = not target.exists()
    appender = CaptureAppender(target)
    try:
        with fp:
            items = read_jsonl(fp, source) if kind == "jsonl" else read_csv(fp, source)
            try:
                count = append_all(appender, items)
            except UnicodeDecodeError as exc:
                raise ExchangeError(source, 0, f"is not UTF-8 text ({exc.reason})") from None
        appender.index_all()
    except ExchangeError:
        appender.close()
        if created:
            remove_capture(target)
        raise
    appender.close()
    return count
