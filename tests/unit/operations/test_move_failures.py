"""The move engine's accounting when things fail at awkward moments (a scripted fake client:
each failure happens exactly where the test puts it)."""

from __future__ import annotations

from typing import cast

import pytest

from explorer.broker.kind import BrokerKind
from explorer.client import (
    BrokerError,
    Client,
    ClientError,
    ConnectionLostError,
    Message,
    ReceiveTimeout,
    Subscription,
    TransportError,
)
from explorer.operations import AdminApis, DestinationRefused, MovePlan, StopReason
from explorer.operations.move import Mover
from explorer.stomp import Frame


def message(n: int) -> Message:
    headers = (("destination", "/queue/src"), ("message-id", f"m{n}"), ("ack", f"a{n}"))
    return Message.from_frame(Frame("MESSAGE", headers, f"body {n}".encode()))


class Waiter:
    def __init__(self, error: ClientError | None) -> None:
        self.error = error

    async def wait(self, timeout: float | None = None) -> Frame:
        if self.error is not None:
            raise self.error
        return Frame("RECEIPT")


class ScriptedClient:
    """`receipts[i]`: what the i-th SEND's receipt does (None: arrives); a SEND past
    `writable` fails to write; `ack_error` fails the ACKs."""

    def __init__(
        self,
        receipts: list[ClientError | None],
        writable: int = 1000,
        ack_error: ClientError | None = None,
    ) -> None:
        self.receipts = receipts
        self.writable = writable
        self.ack_error = ack_error
        self.sent: list[Frame] = []
        self.acked: list[str | None] = []

    def next_receipt_id(self) -> str:
        return f"r{len(self.sent)}"

    async def send_frame(self, frame: Frame, *, content_length: bool = True) -> Waiter:
        if len(self.sent) >= self.writable:
            raise TransportError("the connection to the broker broke: Broken pipe")
        self.sent.append(frame)
        return Waiter(self.receipts[len(self.sent) - 1])

    async def ack(
        self, message: Message, *, receipt: bool = False, timeout: float | None = None
    ) -> None:
        if self.ack_error is not None:
            raise self.ack_error
        self.acked.append(message.ack_id)


class ScriptedSubscription:
    def __init__(self, messages: list[Message]) -> None:
        self.messages = list(messages)

    async def get(self, timeout: float | None = None) -> Message:
        if not self.messages:
            raise ReceiveTimeout("nothing arrived")
        return self.messages.pop(0)


def refused() -> BrokerError:
    return BrokerError(Frame("ERROR", (("message", "precondition_failed"),)))


async def run(client: ScriptedClient, count: int, window: int = 10) -> Mover:
    plan = MovePlan("/queue/src", target="/queue/dst", window=window, idle=0.01)
    mover = Mover(cast(Client, client), plan, BrokerKind.RABBITMQ, AdminApis(), None, None)
    sub = ScriptedSubscription([message(n) for n in range(count)])
    await mover.run(cast(Subscription, sub))
    return mover


@pytest.mark.asyncio
async def test_a_refusal_that_closes_the_connection_is_a_refusal_not_a_loss() -> None:
    """RabbitMQ closes the connection after the ERROR: later SENDs break on write, later
    receipts fail. All of it is the refusal's doing: failed, nothing duplicated, no ACK."""
    lost = ConnectionLostError("the connection was closed")
    client = ScriptedClient([refused(), lost], writable=2)
    mover = await run(client, 5)
    result = mover.result
    assert result.stopped is StopReason.REFUSED
    assert isinstance(result.error, DestinationRefused)
    assert (result.moved, result.duplicated, result.failed) == (0, 0, 3)
    assert client.acked == []


@pytest.mark.asyncio
async def test_sent_but_not_acknowledged_counts_as_duplicated() -> None:
    lost = ConnectionLostError("the connection was closed")
    client = ScriptedClient([None, None, None], ack_error=lost)
    result = (await run(client, 3)).result
    assert result.stopped is StopReason.CONNECTION_LOST and result.error is lost
    assert (result.moved, result.duplicated, result.failed) == (0, 3, 0)


@pytest.mark.asyncio
async def test_a_receipt_lost_with_the_connection_is_a_possible_duplicate() -> None:
    lost = ConnectionLostError("the connection was closed")
    client = ScriptedClient([None, lost, lost])
    result = (await run(client, 3)).result
    assert result.stopped is StopReason.CONNECTION_LOST
    assert (result.moved, result.duplicated) == (1, 2)  # the first was confirmed and acked
    assert client.acked == ["a0"]


@pytest.mark.asyncio
async def test_only_receipted_copies_are_acknowledged() -> None:
    """ActiveMQ keeps the connection after refusing one SEND: the others of the batch that
    the broker confirmed are acknowledged (else they would be duplicates), then it stops."""
    client = ScriptedClient([None, refused(), None, None])
    result = (await run(client, 4)).result
    assert result.stopped is StopReason.REFUSED
    assert (result.moved, result.failed, result.duplicated) == (3, 1, 0)
    assert client.acked == ["a0", "a2", "a3"]
