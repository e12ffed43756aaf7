"""The SEND path shared by the composer and `stomp-explorer send`: bursts with `{{n}}`
templates, pacing, receipts, raw frames, and the refusal window.

Brokers answer a refused SEND with an ERROR, usually without saying which frame it answers
(RabbitMQ's "Unknown destination" carries no receipt-id). With a receipt the answer is
certain: an ERROR instead of the RECEIPT is `SendRefused`. Without one, an ERROR within
`refusal_window` seconds after the SENDs marks them probably refused; otherwise they count
as delivered. Sent frames are logged at once and counted in the tree only once confirmed.
Every composed SEND's destination passes `check_destination` here (the composer, the library,
scenarios and `stomp-explorer send` all come this way): a comma is refused unless the broker
is ActiveMQ. Raw frames go as typed: showing what the broker does with them is their point.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from explorer.broker.kind import BrokerKind
from explorer.client import BrokerError
from explorer.session.compose import ComposeRequest, expand, has_template
from explorer.session.composite import check_destination, composite_parts
from explorer.session.errors import (
    BodyFileUnreadable,
    EmptyDestination,
    IncompleteRawFrame,
    InvalidRawFrame,
    SendRefused,
)
from explorer.session.notices import SendRefusedLater, error_words
from explorer.session.ports import Clock, ReceiptWait, Sleep, StompClient
from explorer.session.sink import DestinationChange, MessageCounted, SessionSink
from explorer.session.stats import Counters
from explorer.stomp import Frame, FrameParser, StompError
from explorer.store import OUT, LogEntry

# An ERROR this soon after a SEND without a receipt is taken as the broker's answer to it.
REFUSAL_WINDOW = 1.0
# Frames sent between two yields to the event loop during a long burst.
BURST_SLICE = 200
# Commands that mean nothing without a destination.
NEEDS_DESTINATION = ("SEND", "SUBSCRIBE")


class ResultKind(StrEnum):
    FRAMES = "frames"  # `frames` copies of a composed frame
    RAW = "raw"  # `frames` frames typed in raw mode
    SUBSCRIBED = "subscribed"  # a composed SUBSCRIBE became a subscription of the session
    UNSUBSCRIBED = "unsubscribed"


@dataclass(frozen=True, slots=True)
class SendResult:
    """What one press of Send (or one `stomp-explorer send`) did.

    `confirmed` is True when a RECEIPT confirmed the last frame, None when no receipt was
    asked (the refusal window decides later, reported as a `SendRefusedLater` notice).
    """

    kind: ResultKind
    command: str
    frames: int
    elapsed: float  # seconds from the first frame to the last receipt
    receipt_rtt: float | None  # seconds from the last frame to its RECEIPT
    confirmed: bool | None
    destination: str = ""


Sent = tuple[str, float]  # (destination, wall-clock time) of one SEND


async def read_body_file(path: str) -> bytes:
    """A body file's bytes, read in a worker thread (20 MB must not stall the event loop)."""
    try:
        return await asyncio.to_thread(Path(path).read_bytes)
    except OSError as exc:
        raise BodyFileUnreadable(path, exc.strerror or str(exc)) from None


class Sender:
    """Sends for one session: logs what it sent, counts it once confirmed, reports refusals."""

    def __init__(
        self,
        sink: SessionSink,
        counters: Counters,
        clock: Clock,
        sleep: Sleep,
        spawn: Callable[[Coroutine[Any, Any, None]], None],
        last_error: Callable[[], tuple[str, str]],
        refusal_window: float = REFUSAL_WINDOW,
    ) -> None:
        self._sink = sink
        self._counters = counters
        self._clock = clock
        self._sleep = sleep
        self._spawn = spawn
        self._last_error = last_error
        self.refusal_window = refusal_window
        # The broker on the other end, for the comma rule (the session sets its own).
        self.broker: Callable[[], BrokerKind] = lambda: BrokerKind.UNKNOWN

    def _log_out(self, frames: Sequence[Frame]) -> None:
        if frames:
            now = self._clock.time()
            self._counters.sent += len(frames)
            self._sink.on_entries([LogEntry.from_frame(f, OUT, now) for f in frames])

    def _count_sent(self, sent: Sequence[Sent]) -> None:
        # A composite destination (ActiveMQ's "/queue/a,/topic/b") counts on each part.
        changes: list[DestinationChange] = [
            MessageCounted(part, OUT, when)
            for destination, when in sent
            if destination
            for part in composite_parts(destination)
        ]
        if changes:
            self._sink.on_destinations(changes)

    def _refused_later(self, sent: Sequence[Sent]) -> None:
        self._counters.refused += len(sent)
        destinations = tuple(dict.fromkeys(d for d, _when in sent))
        self._sink.on_notice(SendRefusedLater(destinations, *self._last_error()))

    async def send(
        self,
        client: StompClient,
        request: ComposeRequest,
        *,
        rate: float | None = None,
        receipt_each: bool = False,
    ) -> SendResult:
        """Send `request.count` copies (templates filled per copy), at most `rate` per
        second. `request.receipt` asks a RECEIPT for the last copy, or for every copy with
        `receipt_each`; all are awaited before returning."""
        if request.raw is not None:
            return await self._send_raw(client, request.raw)
        command = request.command
        if command in NEEDS_DESTINATION and not (request.destination or "").strip():
            raise EmptyDestination(command)
        broker = self.broker()
        clock = self._clock
        # A body file's bytes are sent as they are: only the headers can be templates then.
        file_body: bytes | None = None
        if request.body_file is not None:
            file_body = await read_body_file(request.body_file)
            request = replace(request, body=b"")
        template = has_template(request)
        errors_before = self._counters.errors
        started = clock.monotonic()
        waiters: list[tuple[ReceiptWait, float]] = []
        sent: list[Sent] = []
        pending: list[Frame] = []
        count = request.count
        try:
            for n in range(1, count + 1):
                if rate:
                    delay = started + (n - 1) / rate - clock.monotonic()
                    if delay > 0:
                        self._log_out(pending)
                        pending = []
                        await self._sleep(delay)
                one = expand(request, n) if template else request
                headers = one.headers
                if request.receipt and (receipt_each or n == count):
                    headers = (*headers, ("receipt", client.next_receipt_id()))
                if command == "SEND":  # after expansion: a template can make the comma
                    check_destination(one.destination or "", broker)
                frame = Frame(one.command, headers, one.body if file_body is None else file_body)
                waiter = await client.send_frame(frame)
                if waiter is not None:
                    waiters.append((waiter, clock.monotonic()))
                if command == "SEND":
                    pending.append(frame)
                    sent.append((frame.header("destination") or "", clock.time()))
                if n % BURST_SLICE == 0:
                    self._log_out(pending)
                    pending = []
                    await self._sleep(0)  # let the window breathe during a long burst
        finally:
            # Frames written before a lost connection are logged and counted
            # (`counters.sent`), so a caller can say how many went out before it.
            self._log_out(pending)
        rtt = await self._await_receipts(waiters, command, request.destination or "")
        elapsed = clock.monotonic() - started
        if rtt is not None:
            self._count_sent(sent)
            return SendResult(ResultKind.FRAMES, command, count, elapsed, rtt, True)
        self._confirm_later(sent, errors_before)
        return SendResult(ResultKind.FRAMES, command, count, elapsed, None, None)

    async def _await_receipts(
        self, waiters: list[tuple[ReceiptWait, float]], command: str, destination: str
    ) -> float | None:
        """Wait for every RECEIPT; the round trip of the last one (None: none asked)."""
        rtt = None
        for waiter, sent_at in waiters:
            try:
                await waiter.wait()
            except BrokerError as exc:
                message, detail = error_words(exc.frame)
                raise SendRefused(command, destination, message, detail) from None
            rtt = self._clock.monotonic() - sent_at
        return rtt

    def _confirm_later(self, sent: list[Sent], errors_before: int) -> None:
        """Count the SENDs in the tree unless an ERROR follows within the refusal window."""
        if not sent:
            return

        async def confirm() -> None:
            await self._sleep(self.refusal_window)
            if self._counters.errors == errors_before:
                self._count_sent(sent)
            else:
                self._refused_later(sent)

        self._spawn(confirm())

    async def _send_raw(self, client: StompClient, raw: bytes) -> SendResult:
        # The typed text is what a client sends: parse it as a broker would (client
        # commands), not as the client's own reader of server frames.
        parser = FrameParser(version=None, server_side=True)
        try:
            items = parser.feed(raw)
        except StompError as exc:
            raise InvalidRawFrame(str(exc)) from None
        frames = [item for item in items if isinstance(item, Frame)]
        if not frames:
            raise IncompleteRawFrame()
        clock = self._clock
        errors_before = self._counters.errors
        started = clock.monotonic()
        sent: list[Sent] = []
        rtt: float | None = None
        for frame in frames:
            waiter = await client.send_frame(frame, content_length=False)
            if frame.command == "SEND":
                self._log_out([frame])
                sent.append((frame.header("destination") or "", clock.time()))
            if waiter is not None:
                rtt = await self._await_receipts(
                    [(waiter, clock.monotonic())],
                    str(frame.command),
                    frame.header("destination") or "",
                )
        elapsed = clock.monotonic() - started
        if rtt is not None:
            self._count_sent(sent)
            return SendResult(ResultKind.RAW, "RAW", len(frames), elapsed, rtt, True)
        self._confirm_later(sent, errors_before)
        return SendResult(ResultKind.RAW, "RAW", len(frames), elapsed, None, None)
