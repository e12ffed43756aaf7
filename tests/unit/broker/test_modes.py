from __future__ import annotations

import pytest

from explorer.broker.destinations import DestinationKind
from explorer.broker.errors import PeekUnsupported
from explorer.broker.kind import BrokerKind
from explorer.broker.modes import (
    Mode,
    available_modes,
    describe,
    is_browser_end,
    removes_messages,
    subscribe_headers,
)


def test_peek_on_activemq_is_a_queue_browser() -> None:
    headers = subscribe_headers(Mode.PEEK, BrokerKind.ACTIVEMQ, "/queue/orders")
    assert headers == {"destination": "/queue/orders", "ack": "auto", "browser": "true"}


def test_peek_on_rabbitmq_says_why_not() -> None:
    with pytest.raises(PeekUnsupported, match="RabbitMQ has no queue browser"):
        subscribe_headers(Mode.PEEK, BrokerKind.RABBITMQ, "/queue/orders")
    with pytest.raises(PeekUnsupported, match="topic keeps no messages"):
        subscribe_headers(Mode.PEEK, BrokerKind.ACTIVEMQ, "/topic/prices")


def test_consume_uses_client_individual_ack() -> None:
    assert subscribe_headers(Mode.CONSUME, BrokerKind.RABBITMQ, "/queue/q")["ack"] == (
        "client-individual"
    )
    assert describe(Mode.DRAIN).ack == "auto"


def test_what_removes_messages() -> None:
    assert removes_messages(Mode.OBSERVE, DestinationKind.TOPIC) is False
    assert removes_messages(Mode.OBSERVE, DestinationKind.QUEUE) is True
    assert removes_messages(Mode.PEEK, DestinationKind.QUEUE) is False
    assert removes_messages(Mode.CONSUME, DestinationKind.QUEUE) is True
    assert removes_messages(Mode.DRAIN, DestinationKind.QUEUE) is True


def test_available_modes() -> None:
    assert available_modes(BrokerKind.ACTIVEMQ, "/queue/q") == (
        Mode.OBSERVE,
        Mode.PEEK,
        Mode.CONSUME,
        Mode.DRAIN,
    )
    assert available_modes(BrokerKind.RABBITMQ, "/queue/q") == (
        Mode.OBSERVE,
        Mode.CONSUME,
        Mode.DRAIN,
    )
    assert available_modes(BrokerKind.SPRING, "/topic/t") == (Mode.OBSERVE,)


def test_browser_end_marker() -> None:
    assert is_browser_end({"browser": "end", "message-id": "0"})
    assert not is_browser_end({"message-id": "1"})
