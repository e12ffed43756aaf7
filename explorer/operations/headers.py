"""Which headers a copy of a message keeps, and where a dead-lettered message came from.

A MESSAGE carries headers of three kinds: the frame's own (`destination`, `message-id`,
`subscription`, `ack`, `content-length`, ...), headers the broker added (ActiveMQ's
`timestamp`, `original-destination` on a DLQ; RabbitMQ's `x-first-death-*`), and the
producer's own (`persistent`, `priority`, `expires`, `content-type`, `correlation-id`, any
application header). A re-sent copy keeps only the producer's own: the broker sets the rest
again, refuses some (RabbitMQ answers ERROR to a `message-id` on SEND), or would carry them
as stale application properties.

Per broker:

- ActiveMQ drops `timestamp` (the JMS timestamp; on SEND it would become a string
  property), `original-destination`/`originalDestination`, `originalExpiration`,
  `dlqDeliveryFailureCause`, `JMSXUserID`. It keeps `expires` (absolute epoch ms, 0 =
  never: a copy expires when the original would have), `priority`, `persistent`, `type`.
- RabbitMQ drops its dead-letter headers (`x-death` is an array STOMP cannot show, so only
  `x-first-death-queue|exchange|reason` arrive), `x-delivery-count`, `x-received-from`, and a
  `persistent` that is not `true` (a SEND with `persistent:false` to a queue that does not
  exist yet declares it exclusive and auto-delete: gone with our connection). It keeps
  `timestamp` and `expiration` (AMQP properties the producer set; a per-message TTL
  restarts on the copy).
- The sandbox drops `redelivery-count`.

On every broker a copy also leaves out `receipt` (RabbitMQ keeps a SEND's receipt id as an
application header), `transaction`, `browser`, and the dead-letter headers
`original_destination` reads (stale on a re-driven copy).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote

from explorer.broker.kind import BrokerKind
from explorer.discovery.rabbitmq_management import escape_name

FRAME_HEADERS: frozenset[str] = frozenset(
    {
        "destination",
        "message-id",
        "subscription",
        "ack",
        "content-length",
        "receipt",
        "receipt-id",
        "transaction",
        "redelivered",
        "browser",
    }
)

ACTIVEMQ_ORIGINAL = ("original-destination", "originalDestination")
RABBITMQ_ORIGINAL = "x-first-death-queue"
# The headers `original_destination` reads: stale on a re-driven copy, dropped everywhere.
DEAD_LETTER_HEADERS: frozenset[str] = frozenset(
    {*ACTIVEMQ_ORIGINAL, RABBITMQ_ORIGINAL, "x-first-death-exchange", "x-first-death-reason"}
)

BROKER_HEADERS: dict[BrokerKind, frozenset[str]] = {
    BrokerKind.ACTIVEMQ: frozenset(
        {
            "timestamp",
            *ACTIVEMQ_ORIGINAL,
            "originalExpiration",
            "dlqDeliveryFailureCause",
            "JMSXUserID",
        }
    ),
    BrokerKind.ARTEMIS: frozenset(
        {"timestamp", "ingress-timestamp", "_AMQ_ORIG_ADDRESS", "_AMQ_ORIG_QUEUE"}
    ),
    BrokerKind.RABBITMQ: frozenset(
        {
            "x-death",
            "x-first-death-queue",
            "x-first-death-exchange",
            "x-first-death-reason",
            "x-last-death-queue",
            "x-last-death-exchange",
            "x-last-death-reason",
            "x-delivery-count",
            "x-received-from",
        }
    ),
    BrokerKind.SANDBOX: frozenset({"redelivery-count"}),
}


def dropped_headers(broker: BrokerKind) -> frozenset[str]:
    """Every header name a copy leaves out on this broker."""
    return FRAME_HEADERS | DEAD_LETTER_HEADERS | BROKER_HEADERS.get(broker, frozenset())


def copy_headers(
    headers: Iterable[tuple[str, str]], broker: BrokerKind
) -> tuple[tuple[str, str], ...]:
    """The producer's own headers of a received message, in wire order, first value of each
    name only (the STOMP rule: the first occurrence is the header's value)."""
    drop = dropped_headers(broker)
    seen: set[str] = set()
    kept: list[tuple[str, str]] = []
    for name, value in headers:
        if name in seen:
            continue
        seen.add(name)
        if name in drop:
            continue
        if broker is BrokerKind.RABBITMQ and name == "persistent" and value != "true":
            continue
        kept.append((name, value))
    return tuple(kept)


def needs_content_length(headers: Iterable[tuple[str, str]], body: bytes) -> bool:
    """Send `content-length` when the original had one (ActiveMQ: a BytesMessage, without it
    a TextMessage) or when the body holds a NUL (it cannot be framed without)."""
    return b"\0" in body or any(name == "content-length" for name, _ in headers)


def original_destination(headers: Iterable[tuple[str, str]], broker: BrokerKind) -> str | None:
    """Where a dead-lettered message came from, as a STOMP destination, or None.

    ActiveMQ names it in `original-destination` (the JMS originalDestination; already
    `/queue/x`, or `queue://x` from other tools); RabbitMQ names the queue in
    `x-first-death-queue` (the array `x-death` does not travel over STOMP), which becomes
    `/queue/<name>`. Other brokers: whichever of these is present.
    """
    first: dict[str, str] = {}
    for name, value in headers:
        first.setdefault(name, value)
    names: tuple[str, ...]
    if broker is BrokerKind.RABBITMQ:
        names = (RABBITMQ_ORIGINAL,)
    elif broker is BrokerKind.ACTIVEMQ:
        names = ACTIVEMQ_ORIGINAL
    else:
        names = (*ACTIVEMQ_ORIGINAL, RABBITMQ_ORIGINAL)
    for name in names:
        value = first.get(name, "").strip()
        if not value:
            continue
        if name == RABBITMQ_ORIGINAL:
            return "/queue/" + escape_name(value)
        return _stomp_destination(value)
    return None


def _stomp_destination(value: str) -> str:
    """`queue://x` / `topic://x` (JMS URI style) → `/queue/x` / `/topic/x`; others as given."""
    for scheme in ("queue", "topic", "temp-queue", "temp-topic"):
        prefix = f"{scheme}://"
        if value.startswith(prefix):
            return f"/{scheme}/{value[len(prefix) :]}"
    return value


def rabbitmq_queue_name(destination: str) -> str | None:
    """The queue a RabbitMQ `/queue/x` or `/amq/queue/x` names (percent-decoded), else None."""
    for prefix in ("/queue/", "/amq/queue/"):
        if destination.startswith(prefix):
            name = unquote(destination[len(prefix) :])
            return name or None
    return None
