from __future__ import annotations

import pytest

from explorer.broker.kind import (
    BrokerKind,
    composite,
    detect_broker_kind,
    parse_kind,
    subtree_wildcard,
    syntax_for,
)


@pytest.mark.parametrize(
    ("server", "kind"),
    [
        ("ActiveMQ/5.17.2", BrokerKind.ACTIVEMQ),
        ("RabbitMQ/3.10.8", BrokerKind.RABBITMQ),
        ("ActiveMQ-Artemis/2.31.2 ActiveMQ Artemis Messaging Engine", BrokerKind.ARTEMIS),
        ("StompExplorerSandbox/0.1", BrokerKind.SANDBOX),
        ("coilmq/1.1.0", BrokerKind.UNKNOWN),
    ],
)
def test_server_header(server: str, kind: BrokerKind) -> None:
    headers = {"version": "1.2", "server": server, "session": "s"}
    assert detect_broker_kind(headers) is kind


def test_header_pairs_as_in_a_frame() -> None:
    pairs = (("version", "1.2"), ("server", "RabbitMQ/3.10.8"), ("server", "ignored"))
    assert detect_broker_kind(pairs) is BrokerKind.RABBITMQ


def test_spring_is_guessed_from_missing_server_and_session() -> None:
    spring = {"version": "1.2", "heart-beat": "0,0", "user-name": "alice"}
    assert detect_broker_kind(spring) is BrokerKind.SPRING
    bare = {"version": "1.2", "heart-beat": "0,0"}
    assert detect_broker_kind(bare, websocket=True) is BrokerKind.SPRING
    assert detect_broker_kind(bare) is BrokerKind.UNKNOWN


def test_profile_setting_wins() -> None:
    headers = {"server": "ActiveMQ/5.17.2"}
    assert detect_broker_kind(headers, configured="rabbitmq") is BrokerKind.RABBITMQ
    assert detect_broker_kind(headers, configured="auto") is BrokerKind.ACTIVEMQ
    assert parse_kind("RabbitMQ") is BrokerKind.RABBITMQ
    assert parse_kind("nonsense") is None


@pytest.mark.parametrize(
    ("kind", "node", "wildcard"),
    [
        (BrokerKind.ACTIVEMQ, "/topic/prices", "/topic/prices.>"),
        (BrokerKind.ACTIVEMQ, "/queue/orders.eu", "/queue/orders.eu.>"),
        (BrokerKind.ACTIVEMQ, "/topic/", "/topic/>"),
        (BrokerKind.ACTIVEMQ, "/temp-queue/x", None),
        (BrokerKind.RABBITMQ, "/topic/prices", "/topic/prices.#"),
        (BrokerKind.RABBITMQ, "/exchange/logs", "/exchange/logs/#"),
        (BrokerKind.RABBITMQ, "/exchange/logs/error", "/exchange/logs/error.#"),
        (BrokerKind.RABBITMQ, "/queue/orders", None),
        (BrokerKind.ARTEMIS, "prices", "prices.#"),
        (BrokerKind.SPRING, "/topic/prices", "/topic/prices/**"),
        (BrokerKind.SPRING, "/topic/", "/topic/**"),
        (BrokerKind.UNKNOWN, "/topic/x", None),
    ],
)
def test_subtree_wildcards(kind: BrokerKind, node: str, wildcard: str | None) -> None:
    assert subtree_wildcard(kind, node) == wildcard


def test_syntax_help() -> None:
    assert syntax_for(BrokerKind.SPRING).prefixes == ("/app/", "/topic/", "/queue/", "/user/")
    rabbit = syntax_for(BrokerKind.RABBITMQ)
    assert "/amq/queue/" in rabbit.prefixes and "/exchange/" in rabbit.prefixes
    assert syntax_for(BrokerKind.ACTIVEMQ).composite is True
    assert composite(["/queue/a", " /topic/b ", ""]) == "/queue/a,/topic/b"
