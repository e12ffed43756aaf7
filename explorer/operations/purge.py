"""Purge a queue, or remove only the messages a selector matches, through the broker's API.

STOMP has no purge, so this goes over HTTP:

- ActiveMQ (Jolokia): `purge()` of the queue's MBean, or `removeMatchingMessages(selector)`,
  which answers with the exact number removed. For a full purge the number is the queue
  size read just before (messages arriving meanwhile are purged too: "about").
- RabbitMQ (management API): `DELETE /api/queues/{vhost}/{name}/contents`. It removes the
  ready messages; messages delivered to a consumer and not yet acknowledged stay. The
  number is the management API's message count, refreshed every few seconds ("about").
  RabbitMQ has no selectors: a selector is refused with a sentence, nothing touched.

A topic keeps no messages: purging one is refused. Other brokers (the sandbox, Spring's
simple broker, Artemis) are refused with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.broker.destinations import DestinationKind, kind_of
from explorer.broker.kind import BrokerKind
from explorer.operations.admin import AdminApis
from explorer.operations.errors import ApiMissing, UnsupportedOperation
from explorer.operations.headers import rabbitmq_queue_name
from explorer.operations.targets import check_selector, require_queue


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """What a purge removed. `exact` is False when `removed` is a count read beside it."""

    queue: str
    removed: int | None
    exact: bool
    selector: str | None = None
    kept_unacked: int | None = None  # RabbitMQ: delivered, unacknowledged messages left

    def summary(self) -> str:
        """One English sentence (the command line's result line)."""
        noun = "message" if self.removed == 1 else "messages"
        what = f"{noun} matching {self.selector!r}" if self.selector else noun
        if self.removed is None:
            text = f"purged {self.queue} (the broker did not say how many {what})"
        else:
            about = "" if self.exact else "about "
            text = f"removed {about}{self.removed} {what} from {self.queue}"
        if self.kept_unacked:
            text += (
                f"; {self.kept_unacked} delivered but unacknowledged messages stay (a "
                "consumer holds them)"
            )
        return text


@dataclass(frozen=True, slots=True)
class PurgeConfirmation:
    """What the window asks before `purge_queue` (fields to word it; `text` in English)."""

    queue: str
    selector: str | None
    text: str


def purge_confirmation(queue: str, selector: str | None = None) -> PurgeConfirmation:
    if selector:
        text = (
            f"Delete every message matching {selector!r} from {queue}? They cannot be brought back."
        )
    else:
        text = f"Delete every message waiting in {queue}? They cannot be brought back."
    return PurgeConfirmation(queue, selector, text)


def check_purge(queue: str, broker: BrokerKind, apis: AdminApis, selector: str | None) -> None:
    """Refuse what cannot work before touching anything (topic, selector, missing API)."""
    if kind_of(queue) in (DestinationKind.TOPIC, DestinationKind.TEMP_TOPIC):
        raise UnsupportedOperation(
            "purge",
            queue,
            "it is a topic: a topic keeps no messages, so there is nothing to purge "
            "(durable subscriptions are queues of their own)",
        )
    require_queue(queue, "purge")
    check_selector(selector, broker, queue, "purge")
    if broker is BrokerKind.ACTIVEMQ:
        if apis.jolokia is None:
            raise ApiMissing("purging an ActiveMQ queue", "Jolokia endpoint", "--jolokia")
    elif broker is BrokerKind.RABBITMQ:
        if apis.management is None:
            raise ApiMissing("purging a RabbitMQ queue", "RabbitMQ management API", "--management")
    else:
        raise UnsupportedOperation(
            "purge",
            queue,
            f"this broker ({broker.value}) has no purge API we know; a purge works on "
            "ActiveMQ (Jolokia) and RabbitMQ (management API)",
        )


async def purge_queue(
    queue: str, *, broker: BrokerKind, apis: AdminApis, selector: str | None = None
) -> PurgeResult:
    """Purge `queue` (or remove what `selector` matches) over the broker's HTTP API.

    Raises `OperationError`s before anything is deleted: UnsupportedOperation (a topic, a
    selector on RabbitMQ, a broker without an API), ApiMissing, QueueNotFound, ApiFailed,
    InvalidSelector.
    """
    check_purge(queue, broker, apis, selector)
    if broker is BrokerKind.ACTIVEMQ:
        assert apis.jolokia is not None
        jolokia = apis.jolokia
        mbean = await jolokia.require_queue(queue)
        if selector:
            removed = await jolokia.remove_matching(mbean, selector)
            return PurgeResult(queue, removed, True, selector)
        before = await jolokia.read(mbean, ["QueueSize"])
        await jolokia.purge(mbean)
        size = before.get("QueueSize")
        return PurgeResult(queue, size if isinstance(size, int) else None, False)
    assert apis.management is not None
    name = rabbitmq_queue_name(queue) or queue
    record = await apis.management.require_queue(name, queue)
    await apis.management.purge(name)
    ready = record.get("messages_ready")
    unacked = record.get("messages_unacknowledged")
    return PurgeResult(
        queue,
        ready if isinstance(ready, int) else None,
        False,
        kept_unacked=unacked if isinstance(unacked, int) else None,
    )
