"""Where everything the broker sends ends up: subscriptions, receipt waiters, event streams.

`Inbox.dispatch` is the client's hot path: one pass over the items of one read. A MESSAGE
costs one `Message` (and one `MessageReceived` when someone listens to the event stream);
nothing else is built per message.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from explorer.client.errors import BrokerError, ClientError, ConnectionLostError
from explorer.client.events import (
    BytesSkipped,
    Direction,
    ErrorReceived,
    Event,
    Message,
    MessageReceived,
    ReceiptReceived,
    UnhandledFrame,
)
from explorer.client.receipts import new_receipt_future
from explorer.client.streams import EventStream, Overflow, Subscription, Valve
from explorer.stomp import (
    HEARTBEAT,
    HEARTBEAT_BYTES,
    Command,
    Frame,
    ReceiptsFailed,
    Received,
    Violation,
)

__all__ = ["Inbox", "TapFrame"]

TapFrame = Callable[[Direction, bytes, Frame | None, tuple[Violation, ...]], None]
"""`Link.tap`: record one received item for the wire tap."""


class Inbox:
    """The receiving side of one `Client`, across reconnects."""

    def __init__(self) -> None:
        self.subscriptions: dict[str, Subscription] = {}
        # Ids of subscriptions that ended: a MESSAGE still in flight for one is ours, never
        # a stranger's (an owner that logs only unclaimed messages must not log it).
        self.ended: set[str] = set()
        self.receipts: dict[str, asyncio.Future[Frame]] = {}
        self.streams: list[EventStream] = []
        self.last_error: Frame | None = None  # brokers often close right after an ERROR
        self.valve = Valve()

    # -- event streams -------------------------------------------------------------------

    def open_stream(
        self, finished: bool, max_queued: int | None, overflow: Overflow
    ) -> EventStream:
        stream = EventStream(
            self._remove_stream, max_queued=max_queued, overflow=overflow, valve=self.valve
        )
        if finished:
            stream.finish()
        else:
            self.streams.append(stream)
        return stream

    def _remove_stream(self, stream: EventStream) -> None:
        with contextlib.suppress(ValueError):
            self.streams.remove(stream)

    def emit(self, event: Event) -> None:
        for stream in self.streams:
            stream.push(event)

    def finish(self, event: Event, error: ClientError | None) -> None:
        """Emit the last event, end every stream and every subscription."""
        self.emit(event)
        for stream in self.streams:
            stream.finish()
        self.streams.clear()
        lost = (
            error
            if isinstance(error, ConnectionLostError)
            else (ConnectionLostError(str(error), error) if error is not None else None)
        )
        for sub in self.subscriptions.values():
            sub.finish(lost)
        self.subscriptions.clear()

    # -- receipts ------------------------------------------------------------------------

    def track_receipt(self, receipt_id: str) -> asyncio.Future[Frame]:
        future = new_receipt_future()
        self.receipts[receipt_id] = future
        self.valve.nudge()  # a paused reader must fetch the RECEIPT
        return future

    # -- back-pressure -------------------------------------------------------------------

    def must_pause(self) -> bool:
        """True while the reader should leave the socket alone: a blocking buffer is full and
        no RECEIPT is awaited. An awaited RECEIPT may sit behind the MESSAGEs the broker sent
        before it, so the reader goes on until it comes (or its wait times out); the broker's
        in-flight window (prefetch) bounds what piles up meanwhile."""
        if not self.valve.shut:
            return False
        return all(future.done() for future in self.receipts.values())

    def fail_receipts(self, error: ClientError, *, forget: bool) -> None:
        """Every receipt still awaited fails with `error`."""
        receipts = self.receipts
        if forget:
            self.receipts = {}
        for future in receipts.values():
            if not future.done():
                future.set_exception(error)

    # -- the hot path --------------------------------------------------------------------

    def dispatch(self, events: list[Received], tap: TapFrame | None) -> None:
        """Hand every item of one read to subscriptions, waiters, streams and the tap."""
        subscriptions = self.subscriptions
        emit = self.emit if self.streams else None
        for item in events:
            if item.__class__ is Frame:
                frame: Frame = item
                if tap is not None:
                    tap(Direction.IN, frame.raw or b"", frame, frame.violations)
                command = frame.command
                if command == Command.MESSAGE:
                    message = Message.from_frame(frame, subscriptions)
                    if message.matched:
                        sub = subscriptions[message.subscription]  # type: ignore[index]
                        if sub.queue_messages:
                            sub.push(message)
                    elif message.subscription in self.ended:  # rare: stragglers only
                        message = Message.from_frame(frame, self.ended)
                    if emit is not None:
                        emit(MessageReceived(message))
                elif command == Command.RECEIPT:
                    receipt_id = frame.header("receipt-id") or ""
                    future = self.receipts.get(receipt_id)
                    if future is not None and not future.done():
                        future.set_result(frame)
                    if emit is not None:
                        emit(ReceiptReceived(receipt_id, frame))
                elif command == Command.ERROR:
                    if emit is not None:
                        emit(ErrorReceived(frame))
                elif emit is not None:
                    emit(UnhandledFrame(frame))
            elif item is HEARTBEAT:
                if tap is not None:
                    tap(Direction.IN, HEARTBEAT_BYTES, None, ())
            elif isinstance(item, ReceiptsFailed):
                for receipt_id in item.receipt_ids:
                    future = self.receipts.get(receipt_id)
                    if future is not None and not future.done():
                        future.set_exception(BrokerError(item.frame))
            elif isinstance(item, Violation):
                if tap is not None:
                    tap(Direction.IN, item.skipped, None, (item,))
                if emit is not None:
                    emit(BytesSkipped(item))
        for item in reversed(events):  # remember an ERROR only while it is the latest frame
            if isinstance(item, Frame):
                self.last_error = item if item.command == Command.ERROR else None
                break
