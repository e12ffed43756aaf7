"""RabbitMQ destinations through the management HTTP API, mapped to STOMP syntax.

Mapping (rabbitmq_stomp's destination rules):

- a queue `x` → `/queue/x` (canonical; STOMP SEND/SUBSCRIBE declare it) with the alias
  `/amq/queue/x` (the same queue, never declared). Server-named queues (`amq.gen-…`, the private
  reply queues behind `/temp-queue/…`) cannot be declared by name, so they are shown as
  `/amq/queue/<name>` of kind temp-queue. A named exclusive queue (a `/queue/x` declared with
  `durable:false`) stays `/queue/x`, labelled `exclusive`. STOMP's own per-subscription queues
  (`stomp-subscription-…`) are shown as `/amq/queue/<name>` labelled `subscription`.
- an exchange `x` → `/exchange/x`; the `amq.*` ones are skipped unless `include_internal` is
  set. The default exchange "" is never listed: STOMP reaches it through `/queue/x`.
- a binding from `amq.topic` with routing key `k` → `/topic/k` (that is what a STOMP
  `/topic/k` subscription creates); a binding from another exchange `x` with a key `k` →
  `/exchange/x/k`.

Names are percent-decoded by the broker, so `/` and `%` inside a name are written `%2F` `%25`.
Message and consumer counts are missing or null for about 5 s after a queue is created: they
stay None here rather than pretending to be 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from explorer.broker.destinations import DestinationKind
from explorer.discovery.errors import DiscoveryProtocolError
from explorer.discovery.http import HttpEndpoint, fetch_json
from explorer.discovery.model import DiscoveredDestination, Source

TOPIC_EXCHANGE = "amq.topic"
SUBSCRIPTION_QUEUE_PREFIX = "stomp-subscription-"
SERVER_NAMED_PREFIX = "amq.gen-"


def escape_name(name: str) -> str:
    """Write a queue/exchange name as rabbitmq_stomp expects it (percent-decoded on arrival)."""
    return name.replace("%", "%25").replace("/", "%2F")


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _labels(item: Mapping[str, Any]) -> list[str]:
    labels = []
    if item.get("durable") is True:
        labels.append("durable")
    if item.get("auto_delete") is True:
        labels.append("auto-delete")
    if item.get("exclusive") is True:
        labels.append("exclusive")
    return labels


def map_queue(item: Mapping[str, Any]) -> DiscoveredDestination:
    """One /api/queues entry → its STOMP destination."""
    name = str(item.get("name", ""))
    labels = _labels(item)
    queue_type = item.get("type")
    if isinstance(queue_type, str) and queue_type != "classic":
        labels.append(queue_type)  # quorum, stream
    aliases: tuple[str, ...] = ()
    if name.startswith(SUBSCRIPTION_QUEUE_PREFIX):
        destination, kind = f"/amq/queue/{escape_name(name)}", DestinationKind.QUEUE
        labels.append("subscription")
    elif name.startswith(SERVER_NAMED_PREFIX):
        destination, kind = f"/amq/queue/{escape_name(name)}", DestinationKind.TEMP_QUEUE
        labels.append("temporary")
    else:
        destination, kind = f"/queue/{escape_name(name)}", DestinationKind.QUEUE
        aliases = (f"/amq/queue/{escape_name(name)}",)
    return DiscoveredDestination(
        destination=destination,
        kind=kind,
        source=Source.MANAGEMENT,
        depth=_int(item.get("messages")),
        consumers=_int(item.get("consumers")),
        enqueued=_int(_stat(item, "publish")),
        dequeued=_int(_stat(item, "deliver_get")),
        aliases=aliases,
        labels=tuple(labels),
    )


def _stat(item: Mapping[str, Any], name: str) -> Any:
    stats = item.get("message_stats")
    return stats.get(name) if isinstance(stats, Mapping) else None


def is_internal_exchange(name: str) -> bool:
    """The default exchange and the broker's predeclared `amq.*` exchanges."""
    return name == "" or name.startswith("amq.")


def map_exchange(item: Mapping[str, Any]) -> DiscoveredDestination:
    """One /api/exchanges entry → `/exchange/<name>`."""
    name = str(item.get("name", ""))
    labels = _labels(item)
    exchange_type = item.get("type")
    if isinstance(exchange_type, str):
        labels.insert(0, exchange_type)
    if item.get("internal") is True:
        labels.append("internal")
    return DiscoveredDestination(
        destination=f"/exchange/{escape_name(name)}",
        kind=DestinationKind.EXCHANGE,
        source=Source.MANAGEMENT,
        enqueued=_int(_stat(item, "publish_in")),
        labels=tuple(labels),
    )


def map_bindings(
    bindings: Iterable[Mapping[str, Any]], *, include_internal: bool = False
) -> list[DiscoveredDestination]:
    """Bindings that a STOMP client would address: `/topic/<key>` and `/exchange/<x>/<key>`.

    `consumers` is the number of queues bound with that key (each STOMP topic subscription
    has its own queue), which is the number of subscriptions listening.
    """
    bound: dict[str, int] = {}
    kinds: dict[str, DestinationKind] = {}
    for binding in bindings:
        source = str(binding.get("source", ""))
        key = str(binding.get("routing_key", ""))
        if source == "":
            continue  # the default exchange binds every queue to its own name
        if source == TOPIC_EXCHANGE:
            destination, kind = f"/topic/{escape_name(key)}", DestinationKind.TOPIC
        elif is_internal_exchange(source) and not include_internal:
            continue
        elif key:
            destination, kind = (
                f"/exchange/{escape_name(source)}/{escape_name(key)}",
                DestinationKind.EXCHANGE,
            )
        else:
            continue  # a key-less binding is the exchange itself, listed from /api/exchanges
        bound[destination] = bound.get(destination, 0) + 1
        kinds[destination] = kind
    return [
        DiscoveredDestination(
            destination=destination,
            kind=kinds[destination],
            source=Source.MANAGEMENT,
            consumers=count,
            labels=("binding",),
        )
        for destination, count in sorted(bound.items())
    ]


def map_all(
    queues: Iterable[Mapping[str, Any]],
    exchanges: Iterable[Mapping[str, Any]],
    bindings: Iterable[Mapping[str, Any]],
    *,
    include_internal: bool = False,
    include_subscription_queues: bool = True,
) -> list[DiscoveredDestination]:
    """Everything the management API lists, in STOMP syntax, sorted by destination."""
    found: dict[str, DiscoveredDestination] = {}
    for item in queues:
        mapped = map_queue(item)
        if not include_subscription_queues and "subscription" in mapped.labels:
            continue
        found[mapped.destination] = mapped
    for item in exchanges:
        name = str(item.get("name", ""))
        if name == "" or (is_internal_exchange(name) and not include_internal):
            continue
        mapped = map_exchange(item)
        found[mapped.destination] = mapped
    for mapped in map_bindings(bindings, include_internal=include_internal):
        found.setdefault(mapped.destination, mapped)
    return [found[key] for key in sorted(found)]


class ManagementClient:
    """Lists one virtual host's queues, exchanges and bindings (three GETs)."""

    def __init__(
        self,
        url: str,
        *,
        login: str | None = "guest",
        password: str | None = None,
        vhost: str = "/",
        timeout: float = 10.0,
        include_internal: bool = False,
        include_subscription_queues: bool = True,
    ) -> None:
        self.endpoint = HttpEndpoint(
            url=url,
            service="RabbitMQ management",
            source=str(Source.MANAGEMENT),
            login=login,
            password=password,
        )
        self.vhost = vhost
        self.timeout = timeout
        self.include_internal = include_internal
        self.include_subscription_queues = include_subscription_queues

    async def _list(self, what: str, columns: str | None = None) -> list[Mapping[str, Any]]:
        path = f"api/{what}/{quote(self.vhost, safe='')}"
        if columns:
            path += f"?columns={columns}"
        answer = await fetch_json(self.endpoint, path, timeout=self.timeout)
        if not isinstance(answer, list) or not all(isinstance(x, Mapping) for x in answer):
            raise DiscoveryProtocolError(
                f"RabbitMQ management at {self.endpoint.url}: /api/{what} did not return a list",
                str(Source.MANAGEMENT),
            )
        return answer

    async def destinations(self) -> list[DiscoveredDestination]:
        """Queues, exchanges and bindings of the virtual host, mapped to STOMP destinations."""
        queues = await self._list(
            "queues",
            "name,durable,auto_delete,exclusive,type,messages,consumers,message_stats",
        )
        exchanges = await self._list("exchanges")
        bindings = await self._list("bindings")
        return map_all(
            queues,
            exchanges,
            bindings,
            include_internal=self.include_internal,
            include_subscription_queues=self.include_subscription_queues,
        )
