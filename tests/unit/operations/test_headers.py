"""What a copy keeps of a received message's headers, and where a dead letter came from."""

from __future__ import annotations

from explorer.broker.kind import BrokerKind
from explorer.operations.headers import (
    copy_headers,
    needs_content_length,
    original_destination,
    rabbitmq_queue_name,
)

ACTIVEMQ_DLQ_MESSAGE = (
    ("content-length", "5"),
    ("expires", "0"),
    ("destination", "/queue/ActiveMQ.DLQ"),
    ("subscription", "sub-1"),
    ("ack", "ID:vm-1:87"),
    ("priority", "4"),
    ("original-destination", "/queue/orders"),
    ("originalExpiration", "0"),
    ("message-id", "ID:vm-43295-1796000107765-3:2045:-1:1:1"),
    ("x-mine", "1"),
    ("persistent", "true"),
    ("timestamp", "1796002732676"),
    ("redelivered", "true"),
)

RABBITMQ_DEAD_LETTER = (
    ("subscription", "sub-3"),
    ("destination", "/queue/work.dlq"),
    ("message-id", "T_sub-3@@session-x@@2"),
    ("redelivered", "false"),
    ("ack", "T_sub-3@@session-x@@2"),
    ("receipt", "rcpt-4"),
    ("x-first-death-exchange", ""),
    ("x-first-death-queue", "work/eu"),
    ("x-first-death-reason", "rejected"),
    ("x-mine", "1"),
    ("persistent", "true"),
    ("timestamp", "1796002732"),
    ("content-type", "text/plain"),
    ("content-length", "5"),
)


def test_activemq_copy_keeps_the_producers_headers_only() -> None:
    assert copy_headers(ACTIVEMQ_DLQ_MESSAGE, BrokerKind.ACTIVEMQ) == (
        ("expires", "0"),
        ("priority", "4"),
        ("x-mine", "1"),
        ("persistent", "true"),
    )


def test_rabbitmq_copy_drops_dead_letter_headers_and_the_echoed_receipt() -> None:
    assert copy_headers(RABBITMQ_DEAD_LETTER, BrokerKind.RABBITMQ) == (
        ("x-mine", "1"),
        ("persistent", "true"),
        ("timestamp", "1796002732"),  # an AMQP property the producer set: kept on RabbitMQ
        ("content-type", "text/plain"),
    )


def test_rabbitmq_copy_never_sends_persistent_false() -> None:
    """persistent:false on a SEND to a new /queue/x declares x exclusive and auto-delete."""
    kept = copy_headers((("persistent", "false"), ("a", "1")), BrokerKind.RABBITMQ)
    assert kept == (("a", "1"),)
    assert copy_headers((("persistent", "false"),), BrokerKind.ACTIVEMQ) == (
        ("persistent", "false"),
    )


def test_a_repeated_header_keeps_its_first_value_only() -> None:
    kept = copy_headers((("a", "1"), ("a", "2"), ("b", "3")), BrokerKind.UNKNOWN)
    assert kept == (("a", "1"), ("b", "3"))


def test_a_repeated_broker_header_is_dropped_every_time() -> None:
    kept = copy_headers((("message-id", "1"), ("message-id", "2")), BrokerKind.UNKNOWN)
    assert kept == ()


def test_sandbox_redelivery_count_is_dropped() -> None:
    headers = (("redelivery-count", "2"), ("k", "v"))
    assert copy_headers(headers, BrokerKind.SANDBOX) == (("k", "v"),)


def test_content_length_follows_the_original_or_a_nul() -> None:
    assert needs_content_length((("content-length", "2"),), b"ab")
    assert not needs_content_length((("x", "1"),), b"ab")  # an ActiveMQ TextMessage stays one
    assert needs_content_length((), b"a\0b")


def test_original_destination_per_broker() -> None:
    assert original_destination(ACTIVEMQ_DLQ_MESSAGE, BrokerKind.ACTIVEMQ) == "/queue/orders"
    assert original_destination(RABBITMQ_DEAD_LETTER, BrokerKind.RABBITMQ) == "/queue/work%2Feu"
    assert original_destination((("originalDestination", "queue://a.b"),), BrokerKind.ACTIVEMQ) == (
        "/queue/a.b"
    )
    assert original_destination((("x-first-death-queue", "q"),), BrokerKind.UNKNOWN) == "/queue/q"
    assert original_destination((("x", "1"),), BrokerKind.ACTIVEMQ) is None
    # one broker's header means nothing on another
    assert original_destination(RABBITMQ_DEAD_LETTER, BrokerKind.ACTIVEMQ) is None
    assert original_destination((("original-destination", " "),), BrokerKind.ACTIVEMQ) is None


def test_rabbitmq_queue_names_are_percent_decoded() -> None:
    assert rabbitmq_queue_name("/queue/a%2Fb") == "a/b"
    assert rabbitmq_queue_name("/amq/queue/x") == "x"
    assert rabbitmq_queue_name("/topic/x") is None
    assert rabbitmq_queue_name("/queue/") is None
