"""JSON Lines export: one object per message, readable by `jq` and re-importable.

Shape (keys in this order; [optional] ones only when known):
`{"timestamp", ["broker_timestamp"], "direction", ["connection"], "command", "destination",
["subscription"], "headers", ["header_list"], "body" | "body_base64"}`. `timestamp` is our
wall clock (seconds since the epoch) when the frame was seen or sent, `broker_timestamp` the
broker's `timestamp` header (milliseconds). `headers` is an object where the first
occurrence of a repeated header wins (the STOMP rule); `header_list` ([[name, value], ...] in
wire order) is added only when some header repeats, so nothing is lost. Bodies that are valid
UTF-8 go to `body`, others to `body_base64`. Non-ASCII text is written as is (UTF-8), not as
\\u escapes. The live log writes this and captures (`explorer.capture.exchange`) write and
read it; `message_from_json` reads one object back.

CSV (`write_csv`) is the one CSV format, written by the log and by captures
(`explorer.capture.exchange`) and imported back as a capture without losing a byte: one row
per message, the columns of `CSV_COLUMNS`. The lossless ones (`CSV_LOSSLESS`): `timestamp`
in Python's shortest exact float form, `headers` as the JSON list [[name, value], ...] in
wire order, `body_encoding` "utf-8" (text without NUL, as is) or "base64" for the exact
bytes. `time` (local ISO 8601 with milliseconds), `content_type` and `size` are there for
people reading the file in a spreadsheet; import ignores them. Write it with encoding
"utf-8-sig" and newline="" so spreadsheet programs read Korean text correctly.
`write_packed` writes either format from the log's packed rows (a snapshot a worker thread
can read) with an optional predicate, so a big export runs off the window's thread.
"""

from __future__ import annotations

import base64
import binascii
import csv
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any, Final

from explorer.store.messages import LogEntry


def entry_to_json(entry: LogEntry) -> dict[str, Any]:
    """The export object for one entry."""
    return message_to_json(
        timestamp=entry.timestamp,
        direction=entry.direction,
        command=entry.command,
        destination=entry.destination,
        headers=entry.headers,
        body=entry.body,
    )


def message_to_json(
    *,
    timestamp: float,
    direction: str,
    command: str,
    destination: str,
    headers: Sequence[tuple[str, str]],
    body: bytes,
    broker_timestamp: int | None = None,
    connection: str = "",
    subscription: str | None = None,
) -> dict[str, Any]:
    """The export object for one message (optional keys only when given)."""
    first: dict[str, str] = {}
    repeated = False
    for name, value in headers:
        if name in first:
            repeated = True
        else:
            first[name] = value
    obj: dict[str, Any] = {"timestamp": timestamp}
    if broker_timestamp is not None:
        obj["broker_timestamp"] = broker_timestamp
    obj["direction"] = str(direction)
    if connection:
        obj["connection"] = connection
    obj["command"] = command
    obj["destination"] = destination
    if subscription is not None:
        obj["subscription"] = subscription
    obj["headers"] = first
    if repeated:
        obj["header_list"] = [[name, value] for name, value in headers]
    try:
        obj["body"] = body.decode("utf-8")
    except UnicodeDecodeError:
        obj["body_base64"] = base64.b64encode(body).decode("ascii")
    return obj


def to_json_line(entry: LogEntry) -> str:
    """One line (without the newline) of JSON Lines for `entry`."""
    return json_line(entry_to_json(entry))


def json_line(obj: dict[str, Any]) -> str:
    """An export object as one line (compact, UTF-8 as is, no newline)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(entries: Iterable[LogEntry], fp: IO[str]) -> int:
    """Write `entries` to a text stream opened with encoding="utf-8"; returns the count."""
    count = 0
    for entry in entries:
        fp.write(to_json_line(entry))
        fp.write("\n")
        count += 1
    return count


CSV_LOSSLESS: Final = (
    "timestamp",
    "broker_timestamp",
    "direction",
    "connection",
    "command",
    "destination",
    "subscription",
    "headers",
    "body_encoding",
    "body",
)
"""What an import needs (and all it reads) to give back the exact messages."""
CSV_COLUMNS: Final = ("time", *CSV_LOSSLESS[:7], "content_type", "size", *CSV_LOSSLESS[7:])
# Export formats by name (the file dialog offers them; `write_packed` takes the name).
FORMATS: Final = ("jsonl", "csv")


def message_to_csv_row(
    *,
    timestamp: float,
    direction: str,
    command: str,
    destination: str,
    headers: Sequence[tuple[str, str]],
    body: bytes,
    broker_timestamp: int | None = None,
    connection: str = "",
    subscription: str | None = None,
) -> list[str]:
    """One CSV row, the columns of `CSV_COLUMNS`, for one message."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = "\x00"
    if "\x00" in text:
        encoding, text = "base64", base64.b64encode(body).decode("ascii")
    else:
        encoding = "utf-8"
    content_type = next((value for name, value in headers if name == "content-type"), "")
    return [
        datetime.fromtimestamp(timestamp).isoformat(timespec="milliseconds"),
        repr(timestamp),
        "" if broker_timestamp is None else str(broker_timestamp),
        str(direction),
        connection,
        command,
        destination,
        "" if subscription is None else subscription,
        content_type,
        str(len(body)),
        json.dumps([list(pair) for pair in headers], ensure_ascii=False),
        encoding,
        text,
    ]


def write_csv_rows(rows: Iterable[Sequence[str]], fp: IO[str]) -> int:
    """The header row, then `rows` (`\\n` line ends: open `fp` with newline=""); returns
    how many rows were written."""
    writer = csv.writer(fp, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def entry_to_csv_row(entry: LogEntry) -> list[str]:
    """One CSV row for a log entry."""
    return message_to_csv_row(
        timestamp=entry.timestamp,
        direction=entry.direction,
        command=entry.command,
        destination=entry.destination,
        headers=tuple(entry.iter_headers()),
        body=entry.body,
    )


def write_csv(entries: Iterable[LogEntry], fp: IO[str]) -> int:
    """Write a header row and `entries` as CSV to a text stream opened with newline=""."""
    return write_csv_rows((entry_to_csv_row(entry) for entry in entries), fp)


def write_packed(
    packed: Iterable[bytes],
    fp: IO[str],
    fmt: str = "jsonl",
    predicate: Callable[[LogEntry], bool] | None = None,
) -> int:
    """Write log rows given as packed bytes (`MessageLog.packed_range`) in `fmt` ("jsonl" or
    "csv"), keeping only those `predicate` accepts; returns how many were written."""
    entries: Iterable[LogEntry] = (LogEntry.from_packed(data) for data in packed)
    if predicate is not None:
        entries = (entry for entry in entries if predicate(entry))
    if fmt == "csv":
        return write_csv(entries, fp)
    if fmt == "jsonl":
        return write_jsonl(entries, fp)
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


@dataclass(frozen=True, slots=True)
class ExportedMessage:
    """One message read back from an export object."""

    timestamp: float
    direction: str
    command: str
    destination: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    connection: str = ""
    subscription: str | None = None


def message_from_json(obj: object) -> ExportedMessage:
    """Read an export object back; raises ValueError with a sentence naming what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError("each line must be a JSON object")
    timestamp = obj.get("timestamp")
    if isinstance(timestamp, bool) or not isinstance(timestamp, (int, float)):
        raise ValueError('"timestamp" must be a number of seconds since the epoch')
    if not math.isfinite(timestamp):
        raise ValueError('"timestamp" must be a finite number')
    direction = obj.get("direction")
    if direction not in ("in", "out"):
        raise ValueError('"direction" must be "in" or "out"')
    command = _text(obj, "command")
    if not command or "\n" in command:
        raise ValueError('"command" must be a STOMP command such as "MESSAGE"')
    destination = _text(obj, "destination", "")
    headers = _headers(obj)
    if "body_base64" in obj:
        try:
            body = base64.b64decode(_text(obj, "body_base64"), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError('"body_base64" is not valid base64') from None
    else:
        body = _text(obj, "body", "").encode("utf-8", "surrogatepass")
    subscription = obj.get("subscription")
    if subscription is not None and not isinstance(subscription, str):
        raise ValueError('"subscription" must be a string')
    return ExportedMessage(
        timestamp=float(timestamp),
        direction=str(direction),
        command=command,
        destination=destination,
        headers=headers,
        body=body,
        connection=_text(obj, "connection", ""),
        subscription=subscription,
    )


def _text(obj: dict[str, Any], key: str, default: str | None = None) -> str:
    value = obj.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f'"{key}" must be a string')
    return value


def _headers(obj: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    listed = obj.get("header_list")
    if listed is not None:
        if not isinstance(listed, list) or not all(
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(part, str) for part in pair)
            for pair in listed
        ):
            raise ValueError('"header_list" must be a list of [name, value] string pairs')
        return tuple((name, value) for name, value in listed)
    headers = obj.get("headers", {})
    if not isinstance(headers, dict) or not all(
        isinstance(value, str) for value in headers.values()
    ):
        raise ValueError('"headers" must be an object of strings')
    return tuple(headers.items())
