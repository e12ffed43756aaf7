"""Which broker we talk to (from CONNECTED or the profile) and its destination syntax.

The composer uses `syntax_for(kind)` to offer the broker's prefixes and examples, and
`subtree_wildcard(kind, node)` to subscribe to everything under a node of the tree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class BrokerKind(StrEnum):
    ACTIVEMQ = "activemq"
    ARTEMIS = "artemis"
    RABBITMQ = "rabbitmq"
    SPRING = "spring"
    SANDBOX = "sandbox"
    UNKNOWN = "unknown"


# `server` header product name (before the "/") → kind. Checked in order: Artemis first.
_SERVER_PRODUCTS: tuple[tuple[str, BrokerKind], ...] = (
    ("activemq-artemis", BrokerKind.ARTEMIS),
    ("artemis", BrokerKind.ARTEMIS),
    ("activemq", BrokerKind.ACTIVEMQ),
    ("rabbitmq", BrokerKind.RABBITMQ),
    ("stompexplorersandbox", BrokerKind.SANDBOX),
)


def parse_kind(value: str | None) -> BrokerKind | None:
    """A kind named in a profile ("activemq", "RabbitMQ", "auto"/"" → None)."""
    if not value or value.strip().lower() in ("auto", "detect"):
        return None
    try:
        return BrokerKind(value.strip().lower())
    except ValueError:
        return None


def detect_broker_kind(
    connected_headers: Mapping[str, str] | Iterable[tuple[str, str]],
    *,
    configured: str | None = None,
    websocket: bool = False,
) -> BrokerKind:
    """The broker kind: the profile's setting wins, else CONNECTED's `server` header.

    Spring's STOMP handler sends no `server` and no `session` header (it may send
    `user-name`); over WebSocket with neither header we guess Spring.
    """
    chosen = parse_kind(configured)
    if chosen is not None:
        return chosen
    headers: dict[str, str] = {}
    pairs: Iterable[tuple[str, str]] = (
        connected_headers.items() if isinstance(connected_headers, Mapping) else connected_headers
    )
    for name, value in pairs:
        headers.setdefault(name, value)  # STOMP: the first occurrence of a header wins
    server = headers.get("server", "").strip()
    if server:
        product = server.split("/", 1)[0].strip().lower()
        for name, kind in _SERVER_PRODUCTS:
            if product == name or product.startswith(name):
                return kind
        return BrokerKind.UNKNOWN
    if "user-name" in headers or (websocket and "session" not in headers):
        return BrokerKind.SPRING
    return BrokerKind.UNKNOWN


@dataclass(frozen=True, slots=True)
class DestinationSyntax:
    """What the composer offers for one broker kind."""

    kind: BrokerKind
    prefixes: tuple[str, ...]
    examples: tuple[str, ...]
    separator: str  # the name-hierarchy separator wildcards work on
    one_level: str | None  # wildcard for one level
    all_levels: str | None  # wildcard for the rest
    notes: tuple[str, ...] = ()
    composite: bool = False  # "/queue/a,/topic/b" sends to both


SYNTAX: dict[BrokerKind, DestinationSyntax] = {
    BrokerKind.ACTIVEMQ: DestinationSyntax(
        kind=BrokerKind.ACTIVEMQ,
        prefixes=("/queue/", "/topic/", "/temp-queue/", "/temp-topic/"),
        examples=(
            "/queue/orders",
            "/topic/prices.eu.>",
            "/topic/prices.*.gbp",
            "/queue/orders,/topic/audit",
        ),
        separator=".",
        one_level="*",
        all_levels=">",
        notes=(
            "names without a prefix become queues",
            "wildcards work on subscriptions: * one level, > the rest",
            "a comma-separated list is a composite destination",
        ),
        composite=True,
    ),
    BrokerKind.RABBITMQ: DestinationSyntax(
        kind=BrokerKind.RABBITMQ,
        prefixes=(
            "/queue/",
            "/amq/queue/",
            "/topic/",
            "/exchange/",
            "/temp-queue/",
            "/reply-queue/",
        ),
        examples=(
            "/queue/orders",
            "/amq/queue/existing",
            "/topic/prices.eu.#",
            "/exchange/amq.fanout",
            "/exchange/logs/error.*",
        ),
        separator=".",
        one_level="*",
        all_levels="#",
        notes=(
            "/queue/x declares the queue; /amq/queue/x uses an existing one",
            "/topic/ and /exchange/x/ take routing-key patterns: * one word, # any words",
            "a / inside a name is written %2F",
        ),
    ),
    BrokerKind.ARTEMIS: DestinationSyntax(
        kind=BrokerKind.ARTEMIS,
        prefixes=(),
        examples=("orders", "prices.eu.#", "orders::orders-queue"),
        separator=".",
        one_level="*",
        all_levels="#",
        notes=(
            "the destination is the address name itself unless the acceptor sets prefixes",
            "destination-type:ANYCAST on SEND makes a queue; the default is MULTICAST",
        ),
    ),
    BrokerKind.SPRING: DestinationSyntax(
        kind=BrokerKind.SPRING,
        prefixes=("/app/", "/topic/", "/queue/", "/user/"),
        examples=("/app/chat", "/topic/greetings", "/user/queue/reply", "/topic/**"),
        separator="/",
        one_level="*",
        all_levels="**",
        notes=(
            "/app/ goes to the application's @MessageMapping methods (send only)",
            "/topic/ and /queue/ go to the broker; /user/queue/x is per session",
            "the simple broker accepts Ant patterns (/topic/**) in subscriptions",
        ),
    ),
    BrokerKind.SANDBOX: DestinationSyntax(
        kind=BrokerKind.SANDBOX,
        prefixes=("/queue/", "/topic/", "/user/"),
        examples=("/queue/demo", "/topic/demo.prices", "/user/queue/notices"),
        separator=".",
        one_level=None,
        all_levels=None,
        notes=(
            "/user/queue/x is the session's own queue; send to /user/<login>/queue/x "
            "(Spring-style user destinations)",
        ),
    ),
    BrokerKind.UNKNOWN: DestinationSyntax(
        kind=BrokerKind.UNKNOWN,
        prefixes=("/queue/", "/topic/"),
        examples=("/queue/example", "/topic/example"),
        separator=".",
        one_level=None,
        all_levels=None,
        notes=("the broker is unknown: destination syntax is a convention",),
    ),
}


def syntax_for(kind: BrokerKind) -> DestinationSyntax:
    return SYNTAX.get(kind, SYNTAX[BrokerKind.UNKNOWN])


def subtree_wildcard(kind: BrokerKind, node: str) -> str | None:
    """A subscription destination matching everything under `node` (None if impossible).

    ActiveMQ `/topic/prices` → `/topic/prices.>`; RabbitMQ `/topic/prices` → `/topic/prices.#`
    (`/queue/` has no wildcards there); Artemis `prices` → `prices.#`; Spring
    `/topic/prices` → `/topic/prices/**`. A node ending in a separator or the bare
    prefix (`/topic/`) gets the wildcard alone.
    """
    syntax = syntax_for(kind)
    if syntax.all_levels is None:
        return None
    if kind is BrokerKind.RABBITMQ and not node.startswith(("/topic/", "/exchange/")):
        return None
    if kind is BrokerKind.RABBITMQ and node.startswith("/exchange/") and node.count("/") < 3:
        return node.rstrip("/") + "/#"  # /exchange/x → every routing key
    if kind is BrokerKind.ACTIVEMQ and not node.startswith(("/queue/", "/topic/")):
        return None
    if node.endswith((syntax.separator, "/")):
        return node + syntax.all_levels
    return f"{node}{syntax.separator}{syntax.all_levels}"


def composite(destinations: Iterable[str]) -> str:
    """ActiveMQ composite destination: one SEND/SUBSCRIBE reaching several destinations."""
    return ",".join(d.strip() for d in destinations if d.strip())
