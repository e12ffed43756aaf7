"""The dry run of a move: what would move, and where, with nothing moved.

ActiveMQ's queue browser (`browser:true`) reads a queue without taking or reordering
anything. Other brokers have no browser over STOMP: there the listing consumes without
acknowledging and the broker takes everything back when the listing's connection closes
(RabbitMQ keeps their order; they come back marked redelivered). RabbitMQ's management API
could list with requeue too, with the same effect on the messages, so STOMP is used.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from explorer.broker.kind import BrokerKind
from explorer.client import Message
from explorer.operations.admin import AdminApis
from explorer.operations.connection import ClientFactory, broker_kind, connected
from explorer.operations.move import Mover, compile_filter
from explorer.operations.plan import MovePlan


@dataclass(frozen=True, slots=True)
class ListedMessage:
    """One message a dry run found: what it is and where it would go (None: skipped)."""

    position: int  # 1, 2, ... in the order the broker gave them
    message: Message  # as received (headers, body, message id)
    target: str | None

    @property
    def redelivered(self) -> bool:
        return self.message.header("redelivered") == "true"


class ListingMethod(StrEnum):
    """How a dry run looked at the queue (say it: the second one leaves a trace)."""

    BROWSE = "browse"  # ActiveMQ's queue browser: nothing taken, nothing reordered
    CONSUME_AND_RELEASE = "consume-and-release"  # read without ACK, given back at the end


LISTING_NOTES = {
    ListingMethod.BROWSE: "browsed with the queue browser: nothing was taken or reordered",
    ListingMethod.CONSUME_AND_RELEASE: (
        "read without acknowledging and given back at the end: nothing was taken; the "
        "broker marks them redelivered, and RabbitMQ keeps their order"
    ),
}


async def list_messages(
    open_client: ClientFactory,
    plan: MovePlan,
    *,
    broker: BrokerKind | None = None,
    apis: AdminApis | None = None,
    on_message: Callable[[ListedMessage], None] | None = None,
    stop: asyncio.Event | None = None,
) -> tuple[int, ListingMethod]:
    """The dry run of `plan`: what would move, and where, with nothing moved. Each message
    goes to `on_message` (with `where`, only those it matches); returns how many were listed
    and how."""
    compile_filter(plan.where)  # a filter that does not parse stops us before connecting
    async with connected(open_client) as client:
        kind = broker_kind(client, broker)
        mover = Mover(client, plan, kind, apis or AdminApis(), None, stop, dry_run=True)
        sub = await mover.open()
        method = ListingMethod.BROWSE if mover.browse else ListingMethod.CONSUME_AND_RELEASE
        listed = 0
        while plan.count is None or listed < plan.count:
            if stop is not None and stop.is_set():
                break
            batch, ended = await mover.take(sub, plan.window)
            for message in batch:
                if plan.count is not None and listed >= plan.count:
                    break
                if not mover.selected(message):
                    continue
                listed += 1
                if on_message is not None:
                    target = None if plan.discard else await mover.target_for(message)
                    on_message(ListedMessage(listed, message, target))
            if ended:
                break
        return listed, method
