"""JSON Lines export: one object per message, readable by `jq` and re-importable.

Shape (keys in this order):
`{"timestamp", "direction", "command", "destination", "headers", ["header_list"], "body" |
"body_base64"}`. `headers` is an object where the first occurrence of a repeated header wins
(the STOMP rule); `header_list` ([[name, value], ...] in wire order) is added only when some
header repeats, so nothing is lost. Bodies that are valid UTF-8 go to `body`, others to
`body_base64`. Non-ASCII text is written as is (UTF-8), not as \\u escapes.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from typing import IO, Any

from explorer.store.messages import LogEntry


def entry_to_json(entry: LogEntry) -> dict[str, Any]:
    """The export object for one entry."""
    headers: dict[str, str] = {}
    repeated = False
    pairs = entry.headers
    for name, value in pairs:
        if name in headers:
            repeated = True
        else:
            headers[name] = value
    obj: dict[str, Any] = {
        "timestamp": entry.timestamp,
        "direction": entry.direction,
        "command": entry.command,
        "destination": entry.destination,
        "headers": headers,
    }
    if repeated:
        obj["header_list"] = [[name, value] for name, value in pairs]
    try:
        obj["body"] = entry.body.decode("utf-8")
    except UnicodeDecodeError:
        obj["body_base64"] = base64.b64encode(entry.body).decode("ascii")
    return obj


def to_json_line(entry: LogEntry) -> str:
    """One line (without the newline) of JSON Lines for `entry`."""
    return json.dumps(entry_to_json(entry), ensure_ascii=False, separators=(",", ":"))


def write_jsonl(entries: Iterable[LogEntry], fp: IO[str]) -> int:
    """Write `entries` to a text stream opened with encoding="utf-8"; returns the count."""
    count = 0
    for entry in entries:
        fp.write(to_json_line(entry))
        fp.write("\n")
        count += 1
    return count
