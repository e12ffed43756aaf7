"""One message as a capture keeps it, and how rows of the `messages` table become records."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from explorer.capture.schema import body_bytes
from explorer.stomp import Direction
from explorer.store.messages import LogEntry


@dataclass(frozen=True, slots=True)
class CaptureRecord:
    """A frame seen or sent on a connection, exactly as recorded.

    `received` is our wall clock (`time.time()`) when the frame was seen or sent;
    `broker_time` the broker's `timestamp` header in milliseconds when it had one. `headers`
    are in wire order with repeats kept; `body` is the exact bytes. `seq` is the position in
    the capture (1, 2, ...; -1 for a record not read from a capture). The field names
    `timestamp`, `header()` and `size` match `explorer.store.LogEntry`, so one search
    predicate serves the live log and captures.
    """

    seq: int
    received: float
    direction: str
    command: str
    destination: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    connection: str = ""
    subscription: str | None = None
    broker_time: int | None = None
    body_size: int | None = None
    """The whole body's size when `body` is only its start (read with a `body_limit`)."""

    @property
    def timestamp(self) -> float:
        """Same as `received` (the name `LogEntry` uses)."""
        return self.received

    @property
    def size(self) -> int:
        """Body size in bytes (the whole body's, also when `body` is cut)."""
        return len(self.body) if self.body_size is None else self.body_size

    @property
    def is_cut(self) -> bool:
        """True when `body` is only the start of the message's body."""
        return self.body_size is not None and self.body_size > len(self.body)

    def header(self, name: str, default: str | None = None) -> str | None:
        """The first `name` header's value: the STOMP rule for repeated headers."""
        for key, value in self.headers:
            if key == name:
                return value
        return default

    def to_log_entry(self) -> LogEntry:
        """The same message as a log entry (for the log table and detail pane)."""
        return LogEntry(
            Direction(self.direction),
            self.command,
            self.headers,
            self.body,
            destination=self.destination,
            timestamp=self.received,
        )


def record_from_row(row: Sequence[Any]) -> CaptureRecord:
    """A record from the columns `schema.MESSAGE_COLUMNS`, in that order (and `body_size`
    after them when the body was read cut)."""
    (
        seq,
        received,
        broker_time,
        direction,
        connection,
        command,
        destination,
        subscription,
        headers,
        header_list,
        body,
        *whole,
    ) = row
    pairs: tuple[tuple[str, str], ...]
    if header_list is not None:
        pairs = tuple((str(name), str(value)) for name, value in json.loads(header_list))
    else:
        pairs = tuple(json.loads(headers).items())
    return CaptureRecord(
        seq=int(seq),
        received=float(received),
        direction=str(direction),
        command=str(command),
        destination=str(destination),
        headers=pairs,
        body=body_bytes(body),
        connection=str(connection),
        subscription=subscription,
        broker_time=broker_time,
        body_size=int(whole[0]) if whole else None,
    )
