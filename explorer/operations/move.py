"""Move or copy messages between queues so that nothing is ever lost.

The rule, per message: consume it with `ack:client-individual`, SEND a copy (the producer's
own headers, see `headers.py`) to the target *with a receipt*, and ACK the source only after
that receipt arrived. A crash at any point leaves the message on the source (unacked
messages go back when the connection ends), in the target, or in both: a duplicate, never a
loss. Work goes in batches of `plan.window` messages: the SENDs are written back to back,
their receipts awaited in order, then the confirmed ones ACKed, the last ACK with a receipt
so the batch's count is confirmed too.

A copy never ACKs: on ActiveMQ it reads the queue with the queue browser (`browser:true`,
nothing taken, ends at `browser:end`); elsewhere it consumes without acknowledging, so the
broker gives every message back when the copy's connection closes (RabbitMQ puts them back
in place, marked redelivered).

Stops: a SEND the broker refuses (ERROR) stops the move and that message stays on the source
(`StopReason.REFUSED`); a lost connection stops it (`CONNECTION_LOST`); `stop.set()` stops it
between batches (`CANCELLED`); cancelling the task is safe too (nothing lost, at most the
batch in flight duplicated). Messages are never NACKed: ActiveMQ sends a NACKed message to
its dead-letter queue.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from explorer.broker.kind import BrokerKind
from explorer.broker.modes import is_browser_end
from explorer.client import (
    BrokerError,
    Client,
    ClientError,
    Message,
    ReceiptWaiter,
    ReceiveTimeout,
    Subscription,
)
from explorer.client.errors import describe_error_frame
from explorer.operations.admin import AdminApis
from explorer.operations.connection import ClientFactory, broker_kind, connected
from explorer.operations.errors import (
    DestinationRefused,
    InvalidFilter,
    InvalidSelector,
    OperationError,
    QueueNotFound,
    UnsupportedOperation,
)
from explorer.operations.headers import (
    copy_headers,
    needs_content_length,
    original_destination,
    rabbitmq_queue_name,
)
from explorer.operations.plan import MovePlan, MoveResult, StopReason
from explorer.operations.targets import (
    TargetResolver,
    check_selector,
    require_queue,
    source_destination,
)
from explorer.search import Predicate, SearchError, compile_predicate, parse
from explorer.stomp import Command, Direction, Frame
from explorer.store.messages import LogEntry

ProgressCallback = Callable[[MoveResult], None]
HOLD = 10_000  # ActiveMQ prefetch when messages are held unacked to the end
RECEIPT_TIMEOUT = 30.0
GATHER = 0.02  # after the first message of a batch, wait this long for each next one


def compile_filter(where: str | None) -> Predicate | None:
    """Our own filter (explorer.search syntax); InvalidFilter when it does not parse."""
    if where is None:
        return None
    try:
        return compile_predicate(parse(where))
    except SearchError as exc:
        raise InvalidFilter(where, exc) from None


def prefetch_headers(broker: BrokerKind, window: int) -> dict[str, str]:
    """Limit what the broker sends ahead of our ACKs to one batch."""
    if broker is BrokerKind.ACTIVEMQ:
        return {"activemq.prefetchSize": str(window)}
    if broker is BrokerKind.RABBITMQ:
        return {"prefetch-count": str(window)}
    return {}


def refusal(
    target: str, error: BrokerError, broker: BrokerKind, apis: AdminApis
) -> DestinationRefused:
    """A SEND's ERROR, with a hint for RabbitMQ's PRECONDITION_FAILED: `/queue/x` declares
    x, and an x declared with other arguments (a dead-letter exchange, a TTL) refuses."""
    words = describe_error_frame(error.frame)
    if (
        broker is BrokerKind.RABBITMQ
        and "precondition_failed" in words.lower()
        and apis.management is None
    ):
        words += (
            "; the queue exists with other arguments: give --management URL so the move "
            "sends to it as /amq/queue/... without declaring it"
        )
    return DestinationRefused(target, words)


def same_queue(a: str, b: str) -> bool:
    """`/queue/x` and `/amq/queue/x` (RabbitMQ's two names of one queue) are the same."""
    return (rabbitmq_queue_name(a) or a) == (rabbitmq_queue_name(b) or b)


def subscribe_refusal(error: BrokerError, source: str, selector: str | None) -> OperationError:
    """A SUBSCRIBE's ERROR in the operation's terms (missing queue, bad selector, other)."""
    words = describe_error_frame(error.frame)
    detail = (words + " " + error.frame.body.decode("utf-8", "replace")).lower()
    if "not_found" in detail or "no queue" in detail:
        return QueueNotFound(source, words)
    if selector and ("selector" in detail or "filter" in detail):
        return InvalidSelector(selector, words)
    return DestinationRefused(source, words)


async def check_source(plan_source: str, broker: BrokerKind, apis: AdminApis) -> str:
    """The destination to subscribe to; QueueNotFound when an API says there is none."""
    if broker is BrokerKind.ACTIVEMQ and apis.jolokia is not None:
        await apis.jolokia.require_queue(plan_source)
    return await source_destination(plan_source, broker, apis.management)


async def move_messages(
    open_client: ClientFactory,
    plan: MovePlan,
    *,
    broker: BrokerKind | None = None,
    apis: AdminApis | None = None,
    progress: ProgressCallback | None = None,
    stop: asyncio.Event | None = None,
) -> MoveResult:
    """Run `plan` on a connection of its own; the counts, whatever happened once it started.

    Raises before anything is touched: `OperationError` (unsupported, unknown queue, refused
    subscription, bad selector, a filter that does not parse) and the client's `ClientError`
    (cannot connect).
    """
    compile_filter(plan.where)  # a filter that does not parse stops us before connecting
    async with connected(open_client) as client:
        kind = broker_kind(client, broker)
        mover = Mover(client, plan, kind, apis or AdminApis(), progress, stop)
        sub = await mover.open()
        return await mover.run(sub)


class Mover:
    """One move (or copy, or dry run) on one connected client; `open`, then `run` or `take`."""

    def __init__(
        self,
        client: Client,
        plan: MovePlan,
        broker: BrokerKind,
        apis: AdminApis,
        progress: ProgressCallback | None,
        stop: asyncio.Event | None,
        *,
        dry_run: bool = False,
    ) -> None:
        self.client = client
        self.plan = plan
        self.broker = broker
        self.apis = apis
        self.progress = progress
        self.stop = stop
        self.result = MoveResult()
        self.resolver = TargetResolver(broker, apis.management)
        self.dry_run = dry_run
        self.browse = (plan.copy or dry_run) and broker is BrokerKind.ACTIVEMQ
        self.matches = compile_filter(plan.where)

    async def open(self) -> Subscription:
        """Check everything that can be checked, then subscribe (nothing touched before)."""
        plan = self.plan
        require_queue(plan.source, plan.verb)
        check_selector(plan.selector, self.broker, plan.source, plan.verb)
        if plan.target is not None:
            if same_queue(plan.target, plan.source):
                raise UnsupportedOperation(
                    plan.verb, plan.source, "the source and the target are the same queue"
                )
            await self.resolver.resolve(plan.target)
        destination = await check_source(plan.source, self.broker, self.apis)
        headers: dict[str, str] = {}
        if plan.selector:
            headers["selector"] = plan.selector
        if self.browse:
            headers["browser"] = "true"
            ack = "auto"
        else:
            ack = "client-individual"
            headers.update(self._prefetch())
        try:
            return await self.client.subscribe(
                destination, ack=ack, headers=headers, receipt=True, timeout=RECEIPT_TIMEOUT
            )
        except BrokerError as exc:
            raise subscribe_refusal(exc, plan.source, plan.selector) from None

    def _prefetch(self) -> dict[str, str]:
        """How far the broker may deliver ahead of our ACKs. A move ACKs batch by batch: one
        window. What is held unacked to the end (a copy, a listing, messages our filter did
        not match) needs room: as many as asked for, else no limit (ActiveMQ: `HOLD`)."""
        plan = self.plan
        holds = plan.copy or self.dry_run or plan.where is not None
        if not holds:
            return prefetch_headers(self.broker, min(plan.window, plan.count or plan.window))
        if plan.count is not None and plan.where is None:
            return prefetch_headers(self.broker, plan.count)
        if self.broker is BrokerKind.ACTIVEMQ:
            return prefetch_headers(self.broker, HOLD)
        return {}

    async def run(self, sub: Subscription) -> MoveResult:
        result = self.result
        while True:
            if self.stop is not None and self.stop.is_set():
                result.stopped = StopReason.CANCELLED
                break
            limit = self.plan.window
            if self.plan.count is not None:
                limit = min(limit, self.plan.count - result.handled)
                if limit <= 0:
                    result.stopped = StopReason.COUNT
                    break
            batch, ended = await self.take(sub, limit)
            if batch:
                stopped = await self._handle(batch)
                if self.progress is not None:
                    self.progress(result.snapshot())
                if stopped:
                    break
            if ended:
                result.stopped = StopReason.DONE
                break
        return result

    async def take(self, sub: Subscription, limit: int) -> tuple[list[Message], bool]:
        """Up to `limit` messages: wait `idle` for the first, then `GATHER` for each next
        one (a broker streams a batch in over a few ms). `ended` when the source has no
        more (idle, browse end, subscription over)."""
        batch: list[Message] = []
        timeout = self.plan.idle
        while len(batch) < limit:
            try:
                message = await sub.get(timeout=timeout)
            except ReceiveTimeout:
                return batch, not batch
            except StopAsyncIteration:
                return batch, True
            except ClientError as exc:
                self._lost(exc)
                return batch, True
            if self.browse and is_browser_end(dict(message.headers)):
                return batch, True
            batch.append(message)
            timeout = GATHER
        return batch, False

    def _lost(self, error: ClientError) -> None:
        if self.result.stopped is not StopReason.REFUSED:  # the refusal explains it better
            self.result.stopped = StopReason.CONNECTION_LOST
            self.result.error = error

    async def _handle(self, batch: list[Message]) -> bool:
        """Send, confirm, ACK one batch; True when the move must stop."""
        result = self.result
        sent: list[tuple[Message, str, ReceiptWaiter]] = []
        discarded: list[Message] = []
        stop = False
        for message in batch:
            if not self.selected(message):
                result.not_matching += 1  # held unacked: back on the source at the end
                continue
            if self.plan.discard:
                discarded.append(message)
                continue
            target = await self.target_for(message)
            if target is None:
                result.skipped += 1
                continue
            try:
                sent.append((message, target, await self._send(message, target)))
            except ClientError as exc:
                result.failed += 1  # not written: still on the source, like the rest
                self._lost(exc)
                stop = True
                break
        confirmed: list[tuple[Message, str]] = []
        for message, target, waiter in sent:
            try:
                await waiter.wait(RECEIPT_TIMEOUT)
            except BrokerError as exc:
                result.failed += 1
                if result.stopped is not StopReason.REFUSED:  # the cause of any loss after
                    result.stopped = StopReason.REFUSED
                    result.error = refusal(target, exc, self.broker, self.apis)
                stop = True
                continue
            except ClientError as exc:
                stop = True
                if result.stopped is StopReason.REFUSED:
                    result.failed += 1  # the refusal ended the connection (RabbitMQ)
                    continue
                result.duplicated += 1  # maybe sent; still on the source
                self._lost(exc)
                continue
            confirmed.append((message, target))
        if confirmed:
            await self._settle(confirmed)
        if discarded and not stop:
            await self._discard(discarded)
        return stop or result.stopped is StopReason.CONNECTION_LOST

    def selected(self, message: Message) -> bool:
        """Does our own filter (`where`) take this message? (Always, without one.)"""
        if self.matches is None:
            return True
        return self.matches(LogEntry.from_frame(message.frame, Direction.IN))

    async def target_for(self, message: Message) -> str | None:
        if self.plan.target is not None:
            return self.plan.target
        original = original_destination(message.headers, self.broker)
        if original is None or same_queue(original, self.plan.source):
            return None  # nowhere to go, or back where it is (it would come round forever)
        try:
            await self.resolver.resolve(original)
        except OperationError:
            return None  # a topic, or a queue we cannot safely send to: left where it is
        return original

    async def _send(self, message: Message, target: str) -> ReceiptWaiter:
        destination = await self.resolver.resolve(target)
        headers = (
            ("destination", destination),
            *copy_headers(message.headers, self.broker),
            ("receipt", self.client.next_receipt_id()),
        )
        frame = Frame(Command.SEND, headers, message.body)
        content_length = needs_content_length(message.headers, message.body)
        waiter = await self.client.send_frame(frame, content_length=content_length)
        assert waiter is not None  # the frame has a receipt header
        return waiter

    async def _discard(self, messages: list[Message]) -> None:
        """ACK what our filter matched for deletion; the last ACK confirms the batch."""
        try:
            for message in messages[:-1]:
                await self.client.ack(message)
            await self.client.ack(messages[-1], receipt=True, timeout=RECEIPT_TIMEOUT)
        except ClientError as exc:
            self._lost(exc)  # unconfirmed: maybe deleted, maybe back on the source
            return
        self.result.moved += len(messages)

    async def _settle(self, confirmed: list[tuple[Message, str]]) -> None:
        """ACK the source for every confirmed copy (a copy: just count them)."""
        result = self.result
        if not self.plan.copy:
            try:
                for message, _ in confirmed[:-1]:
                    await self.client.ack(message)
                await self.client.ack(confirmed[-1][0], receipt=True, timeout=RECEIPT_TIMEOUT)
            except ClientError as exc:
                result.duplicated += len(confirmed)  # in the target, and back on the source
                self._lost(exc)
                return
        for message, target in confirmed:
            result.moved += 1
            result.by_target[target] = result.by_target.get(target, 0) + 1
            if message.header("redelivered") == "true":
                result.redelivered += 1
