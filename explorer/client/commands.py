"""The client's sending side: any frame, receipts to wait for, and the STOMP verbs (SEND,
SUBSCRIBE/UNSUBSCRIBE, ACK/NACK, transactions).

Kept apart from the connection machinery in client.py (connecting, reading, reconnecting)
so that each module reads in one sitting. `Client` provides the state this needs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from explorer.client.errors import NotConnected, NotSupported
from explorer.client.events import Message, State
from explorer.client.inbox import Inbox
from explorer.client.link import Link
from explorer.client.receipts import ReceiptWaiter
from explorer.client.requests import ACK_MODES, HeadersLike, ack_headers, header_tuple
from explorer.client.streams import DEFAULT, Default, Overflow, Subscription
from explorer.client.url import Endpoint
from explorer.stomp import Command, Frame, Version

__all__ = ["Commands"]


class Commands:
    """The sending half of `Client` (see `explorer.client` for the API)."""

    endpoint: Endpoint
    version: Version | None
    receipt_timeout: float
    max_queued: int | None
    _state: State
    _link: Link | None
    _inbox: Inbox
    _subscriptions: dict[str, Subscription]
    _receipt_ids: Iterator[int]
    _subscription_ids: Iterator[int]
    _transaction_ids: Iterator[int]

    @property
    def connected(self) -> bool:
        return self._state is State.CONNECTED

    def _require_connected(self) -> Link:
        link = self._link
        if self._state is not State.CONNECTED or link is None:
            raise NotConnected(
                f"not connected to {self.endpoint.url()} (the client is {self._state.value})"
            )
        return link

    def next_receipt_id(self) -> str:
        return f"rcpt-{next(self._receipt_ids)}"

    def _forget_receipt(self, receipt_id: str) -> None:
        self._inbox.receipts.pop(receipt_id, None)
        if self._link is not None:
            self._link.conn.forget_receipt(receipt_id)

    async def send_frame(
        self, frame: Frame, *, content_length: bool = True
    ) -> ReceiptWaiter | None:
        """Send any frame as given. If it has a `receipt` header, return its ReceiptWaiter."""
        link = self._require_connected()
        receipt_id = frame.header("receipt")
        waiter = None
        if receipt_id is not None:
            future = self._inbox.track_receipt(receipt_id)
            waiter = ReceiptWaiter(receipt_id, future, self.receipt_timeout, self._forget_receipt)
        try:
            await link.write(frame, content_length=content_length)
        except BaseException:
            if receipt_id is not None:
                self._forget_receipt(receipt_id)
            raise
        return waiter

    async def send_frames(
        self, frames: Sequence[Frame], *, content_length: bool = True
    ) -> list[ReceiptWaiter]:
        """Send several frames with one transport write (TCP and TLS: one system call
        instead of one per frame; WebSocket: still a message each). For bursts: the
        benchmark's producers. Returns the waiters of the frames with a `receipt` header."""
        link = self._require_connected()
        waiters: list[ReceiptWaiter] = []
        for frame in frames:
            receipt_id = frame.header("receipt")
            if receipt_id is not None:
                future = self._inbox.track_receipt(receipt_id)
                waiters.append(
                    ReceiptWaiter(receipt_id, future, self.receipt_timeout, self._forget_receipt)
                )
        try:
            await link.write_many(frames, content_length=content_length)
        except BaseException:
            for waiter in waiters:
                self._forget_receipt(waiter.receipt_id)
            raise
        return waiters

    async def _command(
        self,
        command: str,
        headers: list[tuple[str, str]],
        body: bytes = b"",
        *,
        receipt: bool,
        timeout: float | None = None,
        content_length: bool = True,
    ) -> Frame | None:
        link = self._require_connected()
        if not receipt:
            frame = Frame(command, tuple(headers), body)
            await link.write(frame, content_length=content_length)
            return None
        headers.append(("receipt", self.next_receipt_id()))
        waiter = await self.send_frame(
            Frame(command, tuple(headers), body), content_length=content_length
        )
        assert waiter is not None
        return await waiter.wait(timeout)

    async def send(
        self,
        destination: str,
        body: bytes | str = b"",
        headers: HeadersLike | None = None,
        *,
        content_type: str | None = None,
        transaction: str | None = None,
        receipt: bool = False,
        timeout: float | None = None,
        content_length: bool = True,
    ) -> Frame | None:
        """SEND; with `receipt=True` wait for the RECEIPT and return it."""
        frame_headers = [("destination", destination)]
        if content_type is not None:
            frame_headers.append(("content-type", content_type))
        if transaction is not None:
            frame_headers.append(("transaction", transaction))
        if headers:
            frame_headers.extend(header_tuple(headers))
        data = body.encode("utf-8") if isinstance(body, str) else body
        return await self._command(
            Command.SEND,
            frame_headers,
            data,
            receipt=receipt,
            timeout=timeout,
            content_length=content_length,
        )

    async def subscribe(
        self,
        destination: str,
        *,
        ack: str = "auto",
        headers: HeadersLike | None = None,
        id: str | None = None,
        receipt: bool = False,
        timeout: float | None = None,
        queue_messages: bool = True,
        max_queued: int | Default | None = DEFAULT,
        overflow: Overflow = Overflow.BLOCK,
    ) -> Subscription:
        """SUBSCRIBE; messages arrive on the returned Subscription (and on every EventStream).

        `queue_messages=False` when you only read events(): the subscription then keeps nothing.
        `max_queued` (default: the client's) and `overflow` bound what it keeps unread.
        """
        if ack not in ACK_MODES:
            raise ValueError(f"ack must be one of {', '.join(ACK_MODES)}, not {ack!r}")
        self._require_connected()
        sub_id = id if id is not None else f"sub-{next(self._subscription_ids)}"
        if sub_id in self._subscriptions:
            raise ValueError(f"subscription id {sub_id!r} is already in use on this connection")
        frame_headers = [("destination", destination), ("id", sub_id), ("ack", ack)]
        if headers:
            frame_headers.extend(header_tuple(headers))
        sub = Subscription(
            sub_id,
            destination,
            ack,
            tuple(frame_headers),
            self._unsubscribe,
            queue_messages,
            max_queued=self.max_queued if max_queued is DEFAULT else max_queued,
            overflow=overflow,
            valve=self._inbox.valve,
        )
        self._subscriptions[sub_id] = sub  # before the frame: the first MESSAGE may be quick
        try:
            await self._command(Command.SUBSCRIBE, frame_headers, receipt=receipt, timeout=timeout)
        except BaseException:
            self._subscriptions.pop(sub_id, None)
            raise
        return sub

    async def _unsubscribe(self, sub: Subscription, receipt: bool) -> None:
        if self._subscriptions.get(sub.id) is not sub:
            sub.finish()
            return
        del self._subscriptions[sub.id]
        self._inbox.ended.add(sub.id)
        sub.finish()
        if self.connected:
            await self._command(Command.UNSUBSCRIBE, [("id", sub.id)], receipt=receipt)

    async def unsubscribe(self, subscription: Subscription | str, *, receipt: bool = False) -> None:
        sub = (
            self._subscriptions.get(subscription) if isinstance(subscription, str) else subscription
        )
        if sub is None:
            raise ValueError(f"no subscription {subscription!r} on this connection")
        await self._unsubscribe(sub, receipt)

    async def ack(
        self,
        message: Message,
        *,
        transaction: str | None = None,
        receipt: bool = False,
        timeout: float | None = None,
    ) -> None:
        """ACK with the headers the negotiated version wants (1.2: id; 1.1: message-id)."""
        self._require_connected()
        headers = ack_headers(self.version or Version.V1_0, message, "ACK", transaction)
        await self._command(Command.ACK, headers, receipt=receipt, timeout=timeout)

    async def nack(
        self,
        message: Message,
        *,
        transaction: str | None = None,
        receipt: bool = False,
        timeout: float | None = None,
        headers: HeadersLike | None = None,
    ) -> None:
        """NACK (STOMP 1.1+). `headers` adds e.g. RabbitMQ's requeue:false."""
        self._require_connected()
        if self.version is Version.V1_0:
            raise NotSupported("NACK does not exist in STOMP 1.0 (the negotiated version)")
        frame_headers = ack_headers(self.version or Version.V1_0, message, "NACK", transaction)
        if headers:
            frame_headers.extend(header_tuple(headers))
        await self._command(Command.NACK, frame_headers, receipt=receipt, timeout=timeout)

    async def begin(self, transaction: str | None = None, *, receipt: bool = False) -> str:
        """BEGIN a transaction; returns its id for send/ack/commit/abort."""
        tx = transaction if transaction is not None else f"tx-{next(self._transaction_ids)}"
        await self._command(Command.BEGIN, [("transaction", tx)], receipt=receipt)
        return tx

    async def commit(self, transaction: str, *, receipt: bool = False) -> None:
        await self._command(Command.COMMIT, [("transaction", transaction)], receipt=receipt)

    async def abort(self, transaction: str, *, receipt: bool = False) -> None:
        await self._command(Command.ABORT, [("transaction", transaction)], receipt=receipt)
