"""Taking messages off queues by hand: browsing without consuming, and ACK/NACK of a logged
message with the headers the negotiated STOMP version wants."""

from __future__ import annotations

from explorer.broker.browse import peek
from explorer.broker.errors import BrokerFeatureError
from explorer.broker.kind import BrokerKind
from explorer.client import Message
from explorer.session.errors import BrowseTimeout, PeekUnavailable
from explorer.session.ports import StompClient
from explorer.stomp import Frame
from explorer.store import LogEntry


async def browse(
    client: StompClient, destination: str, broker: BrokerKind, timeout: float
) -> list[Message]:
    """The messages waiting on a queue, left there (ActiveMQ's queue browser)."""
    try:
        return await peek(client, destination, broker=broker, timeout=timeout)
    except BrokerFeatureError as exc:
        raise PeekUnavailable(destination, exc.message) from None
    except TimeoutError:
        raise BrowseTimeout(destination, timeout) from None


async def answer(client: StompClient, entry: LogEntry, accept: bool) -> str:
    """ACK (accept) or NACK a logged MESSAGE; returns its message-id."""
    message = Message.from_frame(Frame(entry.command, entry.headers, entry.body))
    if accept:
        await client.ack(message)
    else:
        await client.nack(message)
    return message.message_id or ""
