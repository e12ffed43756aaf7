"""Recorded messages (JSON Lines) and how to replay them.

Reads both shapes we write: `stomp-explorer tail --format jsonl`
(`{"destination", "headers", "body" | "body_base64"}`, plus `"timestamp"` when tail records
one) and the window's export (`explorer/store/export.py`: `{"timestamp", "direction",
"command", "destination", "headers", ["header_list"], "body" | "body_base64"}`). From the
export, MESSAGE records are replayed (what arrived); a file without any replays its SENDs.

A replayed message keeps its own headers minus what the broker sets (`message-id`,
`subscription`, `ack`, `timestamp`, `redelivered`, `expires` ...), and the recorded gaps
between messages, divided by the speed factor.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from explorer.scenarios.errors import ScenarioFileError

Headers = tuple[tuple[str, str], ...]

# Headers a broker (or the client) sets on delivery; sending them again would be wrong:
# `expires` is an absolute time that has passed, `content-length` is recomputed.
BROKER_SET_HEADERS: frozenset[str] = frozenset(
    {
        "message-id",
        "subscription",
        "ack",
        "timestamp",
        "redelivered",
        "expires",
        "destination",
        "content-length",
        "receipt",
        "receipt-id",
        "transaction",
    }
)


@dataclass(frozen=True, slots=True)
class RecordedMessage:
    destination: str
    headers: Headers  # as recorded (wire order, repeats kept when the file has them)
    body: bytes
    timestamp: float | None  # seconds (epoch) when it was recorded; None if unknown
    line: int  # in the file, for messages about it

    def replay_headers(self) -> Headers:
        return tuple((k, v) for k, v in self.headers if k.lower() not in BROKER_SET_HEADERS)


class RecordingError(ScenarioFileError):
    """A recording that cannot be read (file and line named)."""


def read_recording(path: str | Path) -> list[RecordedMessage]:
    file = str(path)
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise RecordingError(file, None, None, f"cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise RecordingError(file, None, None, "is not UTF-8 text") from None
    messages: list[RecordedMessage] = []
    sends: list[RecordedMessage] = []
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RecordingError(file, number, None, f"not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise RecordingError(file, number, None, "each line should be a JSON object")
        command = record.get("command", "MESSAGE")
        if command not in ("MESSAGE", "SEND"):
            continue  # CONNECT, SUBSCRIBE, RECEIPT ... from the window's export
        (messages if command == "MESSAGE" else sends).append(_message(record, file, number))
    return messages or sends


def _message(record: dict[str, Any], file: str, line: int) -> RecordedMessage:
    def fail(key: str, reason: str) -> RecordingError:
        return RecordingError(file, line, key, reason)

    raw_headers = record.get("header_list") or record.get("headers") or {}
    if isinstance(raw_headers, dict):
        pairs = list(raw_headers.items())
    elif isinstance(raw_headers, list) and all(
        isinstance(p, list) and len(p) == 2 for p in raw_headers
    ):
        pairs = [(p[0], p[1]) for p in raw_headers]
    else:
        raise fail("headers", "should be an object (or header_list a list of pairs)")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in pairs):
        raise fail("headers", "names and values should be text")
    destination = record.get("destination") or dict(pairs).get("destination")
    if not isinstance(destination, str) or not destination:
        raise fail("destination", "is missing")
    if "body_base64" in record:
        try:
            body = base64.b64decode(str(record["body_base64"]), validate=True)
        except (binascii.Error, ValueError):
            raise fail("body_base64", "is not valid base64") from None
    else:
        text = record.get("body", "")
        if not isinstance(text, str):
            raise fail("body", "should be text")
        body = text.encode("utf-8")
    return RecordedMessage(destination, tuple(pairs), body, _timestamp(record, fail), line)


def _timestamp(record: dict[str, Any], fail: Callable[[str, str], RecordingError]) -> float | None:
    value = record.get("timestamp")
    if value is None:
        return None
    if isinstance(value, bool):
        raise fail("timestamp", "should be seconds since the epoch or an ISO 8601 time")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            pass
    raise fail("timestamp", "should be seconds since the epoch or an ISO 8601 time")


def schedule(messages: Sequence[RecordedMessage], speed: float | None) -> list[float]:
    """When to send each message, in seconds after the first: the recorded gaps divided by
    `speed` (None = as fast as possible). Missing or backwards timestamps add no wait."""
    offsets: list[float] = []
    if speed is None or not messages:
        return [0.0] * len(messages)
    first = next((m.timestamp for m in messages if m.timestamp is not None), None)
    current = 0.0
    for message in messages:
        if first is not None and message.timestamp is not None:
            current = max(current, (message.timestamp - first) / speed)
        offsets.append(current)
    return offsets


SendFunction = Callable[[str, Headers, bytes], Awaitable[None]]


async def replay(
    messages: Sequence[RecordedMessage],
    send: SendFunction,
    *,
    speed: float | None = 1.0,
    destination: str | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    on_sent: Callable[[int], None] | None = None,
) -> int:
    """Send each message in order at its scheduled time; returns how many were sent."""
    offsets = schedule(messages, speed)
    start = clock()
    for index, (message, offset) in enumerate(zip(messages, offsets, strict=True), start=1):
        delay = start + offset - clock()
        if delay > 0:
            await sleep(delay)
        await send(destination or message.destination, message.replay_headers(), message.body)
        if on_sent is not None:
            on_sent(index)
    return len(messages)
