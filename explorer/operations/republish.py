"""Re-publish recorded messages (log entries, capture records) as they were or edited.

Each message is sent with a receipt, on any connected client (`explorer.client.Client`, or
the client of a window's session), to its own destination or another one, with the
broker-set headers dropped (`headers.copy_headers`: a copy carries the producer's own
headers only). Sends are pipelined `window` at a time; each message gets its own outcome:
confirmed by a receipt, refused by the broker (its words), or not confirmed (the connection
ended first: it may or may not have arrived).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from explorer.broker.kind import BrokerKind
from explorer.client import BrokerError, ClientError
from explorer.operations.headers import copy_headers, needs_content_length
from explorer.stomp import Command, Frame

RECEIPT_TIMEOUT = 30.0


class RecordedMessage(Protocol):
    """What a re-publish needs of a message: `explorer.store.LogEntry` and
    `explorer.capture.CaptureRecord` both have it."""

    @property
    def destination(self) -> str: ...
    @property
    def headers(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def body(self) -> bytes: ...


class ReceiptWait(Protocol):
    async def wait(self, timeout: float | None = None) -> Frame: ...


class FrameSender(Protocol):
    """The part of a connected client a re-publish uses (`explorer.client.Client` has it)."""

    async def send_frame(
        self, frame: Frame, *, content_length: bool = True
    ) -> ReceiptWait | None: ...

    def next_receipt_id(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Republish:
    """One message to re-send, optionally edited: a new destination, headers (the producer's
    own; broker-set ones are dropped all the same) or body. None keeps the recorded one."""

    message: RecordedMessage
    destination: str | None = None
    headers: tuple[tuple[str, str], ...] | None = None
    body: bytes | None = None


class Outcome(StrEnum):
    SENT = "sent"  # the broker confirmed it (receipt)
    REFUSED = "refused"  # the broker answered ERROR
    UNCONFIRMED = "unconfirmed"  # the connection ended before the receipt: unknown
    NOT_SENT = "not-sent"  # the connection ended before it was written


@dataclass(frozen=True, slots=True)
class RepublishResult:
    """The outcome of one message (`index` into the input)."""

    index: int
    destination: str
    outcome: Outcome
    detail: str = ""  # the broker's words or the connection error

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.SENT


@dataclass(frozen=True, slots=True)
class RepublishConfirmation:
    """What the window asks first (fields to word it; `text` in English)."""

    count: int
    destinations: tuple[str, ...]
    connection: str
    text: str


def republish_confirmation(
    items: Sequence[RecordedMessage | Republish], connection: str, destination: str | None = None
) -> RepublishConfirmation:
    targets = tuple(sorted({_destination(_as_republish(i), destination) for i in items}))
    where = targets[0] if len(targets) == 1 else f"{len(targets)} destinations"
    count = len(items)
    text = (
        f"Send {count} message{'s' if count != 1 else ''} again to {where} on {connection}? "
        "Headers the broker set (message-id, timestamp, ...) are left out; each send is "
        "confirmed by a receipt."
    )
    return RepublishConfirmation(count, targets, connection, text)


def _as_republish(item: RecordedMessage | Republish) -> Republish:
    return item if isinstance(item, Republish) else Republish(item)


def _destination(item: Republish, override: str | None) -> str:
    return item.destination or override or item.message.destination


def republish_frame(
    item: Republish, broker: BrokerKind, destination: str, receipt: str
) -> tuple[Frame, bool]:
    """The SEND frame for one item, and whether it needs `content-length`."""
    recorded = item.message
    source_headers = item.headers if item.headers is not None else recorded.headers
    body = item.body if item.body is not None else recorded.body
    headers = (
        ("destination", destination),
        *copy_headers(source_headers, broker),
        ("receipt", receipt),
    )
    return Frame(Command.SEND, headers, body), needs_content_length(recorded.headers, body)


async def republish(
    client: FrameSender,
    items: Sequence[RecordedMessage | Republish],
    *,
    broker: BrokerKind = BrokerKind.UNKNOWN,
    destination: str | None = None,
    window: int = 100,
    progress: Callable[[int, int], None] | None = None,
    stop: asyncio.Event | None = None,
) -> list[RepublishResult]:
    """Send every item again (to `destination` when given, else each one's own); one
    result per item, in input order. `progress(done, total)` after each window."""
    work = [_as_republish(item) for item in items]
    results: list[RepublishResult] = []
    alive = True
    for start in range(0, len(work), max(1, window)):
        chunk = work[start : start + window]
        if stop is not None and stop.is_set():
            alive = False
        pending: list[tuple[int, str, ReceiptWait | None, str]] = []
        for offset, item in enumerate(chunk):
            index = start + offset
            target = _destination(item, destination)
            if not alive:
                pending.append((index, target, None, "stopped before it was sent"))
                continue
            frame, content_length = republish_frame(item, broker, target, client.next_receipt_id())
            try:
                waiter = await client.send_frame(frame, content_length=content_length)
            except ClientError as exc:
                alive = False
                pending.append((index, target, None, str(exc)))
                continue
            pending.append((index, target, waiter, ""))
        for index, target, waiter, detail in pending:
            results.append(await _outcome(index, target, waiter, detail))
            if results[-1].outcome is Outcome.UNCONFIRMED:
                alive = False
        if progress is not None:
            progress(len(results), len(work))
    return results


async def _outcome(
    index: int, target: str, waiter: ReceiptWait | None, detail: str
) -> RepublishResult:
    if waiter is None:
        return RepublishResult(index, target, Outcome.NOT_SENT, detail)
    try:
        await waiter.wait(RECEIPT_TIMEOUT)
    except BrokerError as exc:
        words = exc.frame.header("message") or str(exc)
        return RepublishResult(index, target, Outcome.REFUSED, words)
    except ClientError as exc:
        return RepublishResult(index, target, Outcome.UNCONFIRMED, str(exc))
    return RepublishResult(index, target, Outcome.SENT)
