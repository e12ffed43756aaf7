from __future__ import annotations

from explorer.broker.destinations import DestinationKind
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.rabbitmq_management import (
    escape_name,
    map_all,
    map_bindings,
    map_exchange,
    map_queue,
)

# Shapes as returned by the rig's RabbitMQ 3.10 (/api/queues?columns=…, /api/exchanges,
# /api/bindings) after a STOMP client sent to /queue/orders, subscribed to /topic/probe.news.#
# and to /exchange/amq.fanout, and used a /temp-queue/ reply-to.
QUEUES = [
    {
        "name": "orders",
        "durable": True,
        "auto_delete": False,
        "exclusive": False,
        "type": "classic",
        "messages": 4,
        "consumers": 1,
        "message_stats": {"publish": 6, "deliver_get": 2},
    },
    {"name": "fresh", "durable": True, "auto_delete": False, "exclusive": False},
    {
        "name": "amq.gen--WSLfoOleum4lmU2ocvOfA",
        "durable": False,
        "auto_delete": True,
        "exclusive": True,
    },
    {
        "name": "stomp-subscription-OcRVN0ckM8u3imn3FZ8srQ",
        "durable": False,
        "auto_delete": True,
        "exclusive": False,
        "messages": None,
        "consumers": None,
    },
    {"name": "mine", "durable": False, "auto_delete": True, "exclusive": True},
    {
        "name": "a/b",
        "durable": True,
        "auto_delete": False,
        "exclusive": False,
        "type": "quorum",
        "messages": 0,
        "consumers": 0,
    },
]
EXCHANGES = [
    {"name": "", "type": "direct", "durable": True, "auto_delete": False, "internal": False},
    {
        "name": "amq.topic",
        "type": "topic",
        "durable": True,
        "auto_delete": False,
        "internal": False,
    },
    {
        "name": "amq.fanout",
        "type": "fanout",
        "durable": True,
        "auto_delete": False,
        "internal": False,
    },
    {
        "name": "logs",
        "type": "topic",
        "durable": True,
        "auto_delete": False,
        "internal": False,
        "message_stats": {"publish_in": 7},
    },
]
BINDINGS = [
    {"source": "", "destination": "orders", "destination_type": "queue", "routing_key": "orders"},
    {
        "source": "amq.fanout",
        "destination": "stomp-subscription-htcAsYwhy05RFOCjEq3zpg",
        "destination_type": "queue",
        "routing_key": "",
    },
    {
        "source": "amq.topic",
        "destination": "stomp-subscription-OcRVN0ckM8u3imn3FZ8srQ",
        "destination_type": "queue",
        "routing_key": "probe.news.#",
    },
    {
        "source": "amq.topic",
        "destination": "stomp-subscription-other",
        "destination_type": "queue",
        "routing_key": "probe.news.#",
    },
    {
        "source": "logs",
        "destination": "errors",
        "destination_type": "queue",
        "routing_key": "error.*",
    },
    {"source": "logs", "destination": "everything", "destination_type": "queue", "routing_key": ""},
]


def test_plain_queue_is_slash_queue_with_amq_queue_alias_and_counts() -> None:
    assert map_queue(QUEUES[0]) == DiscoveredDestination(
        "/queue/orders",
        DestinationKind.QUEUE,
        Source.MANAGEMENT,
        depth=4,
        consumers=1,
        enqueued=6,
        dequeued=2,
        aliases=("/amq/queue/orders",),
        labels=("durable",),
    )


def test_counts_missing_right_after_creation_stay_unknown() -> None:
    fresh = map_queue(QUEUES[1])
    assert (fresh.depth, fresh.consumers, fresh.enqueued) == (None, None, None)


def test_server_named_and_subscription_queues_are_labelled() -> None:
    temp = map_queue(QUEUES[2])
    assert temp.destination == "/amq/queue/amq.gen--WSLfoOleum4lmU2ocvOfA"
    assert temp.kind is DestinationKind.TEMP_QUEUE
    assert {"auto-delete", "exclusive", "temporary"} <= set(temp.labels)
    mine = map_queue(QUEUES[4])
    assert (mine.destination, mine.kind) == ("/queue/mine", DestinationKind.QUEUE)
    assert {"exclusive", "auto-delete"} <= set(mine.labels)
    sub = map_queue(QUEUES[3])
    assert sub.destination == "/amq/queue/stomp-subscription-OcRVN0ckM8u3imn3FZ8srQ"
    assert "subscription" in sub.labels and "auto-delete" in sub.labels
    assert sub.depth is None


def test_names_are_percent_escaped_and_queue_type_labelled() -> None:
    assert escape_name("a/b%c") == "a%2Fb%25c"
    odd = map_queue(QUEUES[5])
    assert odd.destination == "/queue/a%2Fb"
    assert "quorum" in odd.labels


def test_exchange_mapping() -> None:
    assert map_exchange(EXCHANGES[3]) == DiscoveredDestination(
        "/exchange/logs",
        DestinationKind.EXCHANGE,
        Source.MANAGEMENT,
        enqueued=7,
        labels=("topic", "durable"),
    )


def test_bindings_give_topics_and_exchange_keys() -> None:
    found = {d.destination: d for d in map_bindings(BINDINGS)}
    assert set(found) == {"/topic/probe.news.#", "/exchange/logs/error.*"}
    assert found["/topic/probe.news.#"].kind is DestinationKind.TOPIC
    assert found["/topic/probe.news.#"].consumers == 2  # two subscriptions bound
    with_internal = {d.destination for d in map_bindings(BINDINGS, include_internal=True)}
    assert with_internal == set(found)  # amq.fanout binding has no key: the exchange itself


def test_map_all_skips_internal_exchanges_unless_asked() -> None:
    names = [d.destination for d in map_all(QUEUES, EXCHANGES, BINDINGS)]
    assert names == sorted(names)
    assert "/exchange/logs" in names and "/topic/probe.news.#" in names
    assert "/queue/orders" in names
    assert not any(n.startswith("/exchange/amq.") or n == "/exchange/" for n in names)
    everything = [
        d.destination for d in map_all(QUEUES, EXCHANGES, BINDINGS, include_internal=True)
    ]
    assert "/exchange/amq.fanout" in everything
    assert "/exchange/" not in everything  # the default exchange is what /queue/x uses
    lean = [
        d.destination
        for d in map_all(QUEUES, EXCHANGES, BINDINGS, include_subscription_queues=False)
    ]
    assert not any("stomp-subscription-" in n for n in lean)
