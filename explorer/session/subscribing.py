"""Opening, re-opening and closing a session's subscriptions, and hearing the broker's
answer to each.

The session owns its SUBSCRIBEs (the client only carries the frames): it re-sends them
after each reconnect and after a restart. Every SUBSCRIBE carries a `receipt` header.
Brokers process a connection's frames in order, so their answer to a SUBSCRIBE comes
before their answer to anything sent later: a RECEIPT confirms it; an ERROR with its
receipt-id, or an ERROR without any receipt-id while it is the oldest SUBSCRIBE still
unanswered, refuses it. A refused subscription is dropped for good and reported with the
broker's words. (Before, RabbitMQ's ERROR-and-close for `/exchange/does-not-exist/x` made
the client re-send it after every reconnect: the connection flapped forever.) Brokers that
never answer SUBSCRIBE receipts (Spring's simple broker) get none, and an answer that does
not come within `answer_timeout` is no longer waited for.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict
from collections.abc import Coroutine, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from explorer.client import ClientError, ConnectionLostError
from explorer.client import NotConnected as ClientNotConnected
from explorer.session.errors import EmptyDestination, NotConnected, SubscribeRefused
from explorer.session.notices import Notice, SubscribeFailed, SubscriptionRefused, error_words
from explorer.session.ports import Clock, ReceiptWait, StompClient
from explorer.session.subscriptions import LiveSubscription, SubscriptionBook, SubscriptionSpec
from explorer.stomp import Frame

# Seconds after which an unanswered SUBSCRIBE counts as accepted (the broker sends no
# RECEIPT for it, or is slow): a later ERROR is then not taken as its refusal.
ANSWER_TIMEOUT = 10.0
# The connection went away: what is not sent now is sent after the next CONNECTED.
GONE = (NotConnected, ClientNotConnected, ConnectionLostError)


class SubscribeHost(Protocol):
    """What the subscriber needs from its session."""

    @property
    def is_connected(self) -> bool: ...

    def require_client(self) -> StompClient: ...

    def notify(self, notice: Notice) -> None: ...

    def subscriptions_changed(self) -> None: ...

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None: ...


@dataclass
class _Pending:
    receipt_id: str
    sub: LiveSubscription
    sent_at: float
    answer: asyncio.Future[None]


class Subscriber:
    def __init__(
        self,
        host: SubscribeHost,
        book: SubscriptionBook,
        clock: Clock,
        answer_timeout: float = ANSWER_TIMEOUT,
    ) -> None:
        self._host = host
        self._book = book
        self._clock = clock
        self.answer_timeout = answer_timeout
        self.use_receipts = True  # the session turns it off for brokers known not to answer
        # receipt id → unanswered SUBSCRIBE, oldest first
        self._pending: OrderedDict[str, _Pending] = OrderedDict()

    async def subscribe(
        self,
        destination: str,
        headers: Iterable[tuple[str, str]] = (),
        ack: str = "auto",
        *,
        confirm: bool = False,
    ) -> LiveSubscription:
        """SUBSCRIBE. With `confirm`, return only once the broker accepted it (a RECEIPT,
        or no ERROR within `answer_timeout`); SubscribeRefused when it refused it. Without,
        a refusal arrives later as a `SubscriptionRefused` notice."""
        if not destination.strip():
            raise EmptyDestination("SUBSCRIBE")
        client = self._host.require_client()
        existing = self._book.live.get(destination)
        if existing is not None:
            return existing
        # Live before the SUBSCRIBE leaves: its first MESSAGE may come before we return.
        sub = self._book.open(SubscriptionSpec.of(destination, headers, ack))
        try:
            pending = await self._send(client, sub)
        except BaseException:
            self._book.remove(destination)
            raise
        self._host.subscriptions_changed()
        if confirm and pending is not None:
            try:
                await asyncio.wait_for(asyncio.shield(pending.answer), self.answer_timeout)
            except TimeoutError:
                self._pending.pop(pending.receipt_id, None)
        return sub

    async def _send(self, client: StompClient, sub: LiveSubscription) -> _Pending | None:
        if not self.use_receipts:
            await client.send_frame(sub.frame())
            return None
        receipt_id = client.next_receipt_id()
        answer: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        answer.add_done_callback(_retrieve)
        pending = _Pending(receipt_id, sub, self._clock.monotonic(), answer)
        self._pending[receipt_id] = pending
        try:
            waiter = await client.send_frame(sub.frame(receipt_id))
        except BaseException:
            self._pending.pop(receipt_id, None)
            raise
        if waiter is not None:  # the client tracks it too: let it forget it in time
            self._host.spawn(_settle(waiter, self.answer_timeout))
        return pending

    async def resubscribe(self) -> None:
        """After a reconnect: send every live SUBSCRIBE again, then open what is still to
        be restored."""
        self.connection_lost()
        try:
            client = self._host.require_client()
            for sub in list(self._book.live.values()):
                await self._send(client, sub)
        except GONE:
            return
        if self._book.has_pending():
            await self.restore()

    # -- the broker's answers (the session feeds its events here) ----------------------------

    def on_receipt(self, receipt_id: str) -> None:
        pending = self._pending.pop(receipt_id, None)
        if pending is not None and not pending.answer.done():
            pending.answer.set_result(None)

    def on_error(self, frame: Frame) -> bool:
        """An ERROR arrived: if it answers one of our SUBSCRIBEs, drop that subscription and
        report it (True)."""
        self._forget_stale()
        receipt_id = frame.header("receipt-id")
        if receipt_id is None:
            receipt_id = next(iter(self._pending), None)
        pending = self._pending.pop(receipt_id, None) if receipt_id is not None else None
        if pending is None:
            return False
        destination = pending.sub.destination
        message, detail = error_words(frame)
        if self._book.live.get(destination) is pending.sub:
            self._book.refuse(destination, message + (f" ({detail})" if detail else ""))
            self._host.subscriptions_changed()
        self._host.notify(SubscriptionRefused(destination, message, detail))
        if not pending.answer.done():
            pending.answer.set_exception(SubscribeRefused(destination, message, detail))
        return True

    def _forget_stale(self) -> None:
        cutoff = self._clock.monotonic() - self.answer_timeout
        while self._pending:
            receipt_id, pending = next(iter(self._pending.items()))
            if pending.sent_at >= cutoff:
                return
            del self._pending[receipt_id]
            if not pending.answer.done():
                pending.answer.set_result(None)

    def connection_lost(self) -> None:
        """No answer will come to what is pending."""
        pending, self._pending = self._pending, OrderedDict()
        for left in pending.values():
            if not left.answer.done():
                left.answer.set_exception(ConnectionLostError("the connection was lost"))

    # -- closing and restoring ---------------------------------------------------------------

    async def unsubscribe(self, destination: str) -> bool:
        sub = self._book.remove(destination)
        if sub is None:
            return False
        self._host.subscriptions_changed()
        if self._host.is_connected:
            client = self._host.require_client()
            await client.send_frame(Frame("UNSUBSCRIBE", (("id", sub.id),)))
        return True

    async def restore(self, wanted: Sequence[SubscriptionSpec] = ()) -> None:
        """Open `wanted` (the profile's), then the ones the user had before a restart. When
        the connection drops meanwhile (RabbitMQ closes after refusing one), the rest wait
        for the next CONNECTED."""
        specs = self._book.take_restore(wanted)
        for index, spec in enumerate(specs):
            try:
                await self.subscribe(spec.destination, spec.headers, ack=spec.ack)
            except GONE:
                self._book.requeue(specs[index:])
                return
            except (ClientError, EmptyDestination, ValueError) as exc:
                self._host.notify(SubscribeFailed(spec.destination, exc))


async def _settle(waiter: ReceiptWait, timeout: float) -> None:
    """Wait out the client's copy of a SUBSCRIBE receipt (the session reads the answer
    from the event stream, which tells which SUBSCRIBE an ERROR answers)."""
    with contextlib.suppress(ClientError):
        await waiter.wait(timeout)


def _retrieve(future: asyncio.Future[None]) -> None:
    """Nobody may be waiting for an answer: never warn about an unretrieved refusal."""
    if not future.cancelled():
        future.exception()
