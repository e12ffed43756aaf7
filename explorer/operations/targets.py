"""Which destinations an operation reads from and sends to, per broker, checked first.

RabbitMQ needs care (rabbitmq_stomp's destination rules):

- a SUBSCRIBE or SEND to `/queue/x` *declares* x: a source that does not exist would be
  created empty, and an existing queue declared with other arguments (a dead-letter
  exchange, a TTL) answers PRECONDITION_FAILED. So the source is read as `/amq/queue/x`
  (never declared; a missing queue is an ERROR we report as `QueueNotFound`).
- a SEND to `/amq/queue/x` when x does not exist is *dropped* by the broker, receipt and
  all. So a target is sent to as `/amq/queue/x` only when the management API says it
  exists; otherwise as `/queue/x` (declared durable when missing). Without the management
  API, an `/amq/queue/` target is refused (we could not rule out the silent drop).

Topics and exchanges are refused as sources and targets: a move takes messages off a queue
and puts them on a queue (a topic keeps nothing; a copy sent to a topic nobody listens to
is gone).
"""

from __future__ import annotations

import re

from explorer.broker.destinations import DestinationKind, kind_of
from explorer.broker.kind import BrokerKind
from explorer.discovery.rabbitmq_management import escape_name
from explorer.operations.admin import ManagementAdmin
from explorer.operations.errors import QueueNotFound, UnsupportedOperation
from explorer.operations.headers import rabbitmq_queue_name

_NOT_QUEUES = (DestinationKind.TOPIC, DestinationKind.EXCHANGE, DestinationKind.TEMP_TOPIC)


def require_queue(destination: str, operation: str) -> None:
    """Refuse topics and exchanges with a sentence saying why."""
    kind = kind_of(destination)
    if kind in _NOT_QUEUES:
        raise UnsupportedOperation(
            operation,
            destination,
            f"it is a {kind.value}, not a queue: a {kind.value} keeps no messages to "
            f"{operation} (only queues do)",
        )


def check_selector(selector: str | None, broker: BrokerKind, source: str, operation: str) -> None:
    """A selector is evaluated by the broker: only ActiveMQ and Artemis have them."""
    if selector and broker not in (BrokerKind.ACTIVEMQ, BrokerKind.ARTEMIS):
        name = "RabbitMQ" if broker is BrokerKind.RABBITMQ else f"this broker ({broker.value})"
        raise UnsupportedOperation(
            f"{operation} with a selector on",
            source,
            f"{name} has no message selectors (a selector is evaluated by the broker); "
            "use our own filter instead (--where EXPR: it reads every message)",
        )


async def source_destination(
    source: str, broker: BrokerKind, management: ManagementAdmin | None
) -> str:
    """The destination to SUBSCRIBE to for reading `source` (see the module docstring)."""
    require_queue(source, "read from")
    if broker is not BrokerKind.RABBITMQ:
        return source
    name = rabbitmq_queue_name(source)
    if name is None:
        return source  # /reply-queue/..., /temp-queue/...: as given
    if management is not None:
        await management.require_queue(name, source)
    return "/amq/queue/" + escape_name(name)


class TargetResolver:
    """Maps a wanted target to the destination a SEND uses; remembers each answer."""

    def __init__(self, broker: BrokerKind, management: ManagementAdmin | None = None) -> None:
        self.broker = broker
        self.management = management
        self._resolved: dict[str, str] = {}

    async def resolve(self, destination: str) -> str:
        """The SEND destination for `destination`; UnsupportedOperation / QueueNotFound."""
        known = self._resolved.get(destination)
        if known is not None:
            return known
        require_queue(destination, "send to")
        resolved = destination
        if self.broker is BrokerKind.RABBITMQ:
            resolved = await self._rabbitmq(destination)
        self._resolved[destination] = resolved
        return resolved

    async def _rabbitmq(self, destination: str) -> str:
        name = rabbitmq_queue_name(destination)
        if name is None:
            return destination
        explicit = destination.startswith("/amq/queue/")
        if self.management is None:
            if explicit:
                raise UnsupportedOperation(
                    "send to",
                    destination,
                    "RabbitMQ silently drops messages sent to /amq/queue/x when x does not "
                    "exist, so a move there needs --management URL to check it first "
                    f"(or name the target /queue/{escape_name(name)}: declared when missing)",
                )
            return destination
        if await self.management.queue(name) is not None:
            return "/amq/queue/" + escape_name(name)  # exists: no declaration, no mismatch
        if explicit:
            raise QueueNotFound(destination, "the management API lists no such queue")
        return "/queue/" + escape_name(name)


def looks_like_dead_letter_queue(destination: str, broker: BrokerKind) -> bool:
    """Whether the tree should offer "re-drive" on this queue: ActiveMQ's shared
    `ActiveMQ.DLQ` and its individual `DLQ.<name>` queues; elsewhere (RabbitMQ names its
    dead-letter queues freely) a name with a `dlq`, `dead` or `dlx` part. A guess for menus
    only: a re-drive checks each message's own headers."""
    if kind_of(destination) in _NOT_QUEUES:
        return False
    name = destination.rsplit("/", 1)[-1]
    if broker is BrokerKind.ACTIVEMQ:
        return name == "ActiveMQ.DLQ" or name.startswith("DLQ.")
    parts = {part for part in re.split(r"[.\-_:%/]+", name.lower()) if part}
    return bool(parts & {"dlq", "dead", "dlx", "deadletter"})
