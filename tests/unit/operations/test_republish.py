"""Re-publishing recorded messages (log entries, capture records) on the sandbox."""

from __future__ import annotations

import pytest

from explorer.broker.kind import BrokerKind
from explorer.capture import CaptureRecord
from explorer.client import Client
from explorer.operations import (
    Outcome,
    Republish,
    republish,
    republish_confirmation,
)
from explorer.store import LogEntry
from tests.support.sandbox import running_sandbox

RECEIVED = LogEntry(
    "in",
    "MESSAGE",
    (
        ("subscription", "sub-1"),
        ("message-id", "ID:old-1"),
        ("destination", "/queue/orders"),
        ("redelivery-count", "1"),
        ("redelivered", "true"),
        ("customer", "kim"),
        ("content-type", "text/plain"),
    ),
    "주문".encode(),
)
RECORDED = CaptureRecord(
    seq=7,
    received=1.0,
    direction="out",
    command="SEND",
    destination="/queue/audit",
    headers=(("destination", "/queue/audit"), ("receipt", "r-9"), ("x", "1")),
    body=b"a\0b",
)


@pytest.mark.asyncio
async def test_recorded_messages_go_back_as_they_were_without_broker_headers() -> None:
    async with running_sandbox() as broker, Client(broker.tcp_url) as client:
        results = await republish(client, [RECEIVED, RECORDED], broker=BrokerKind.SANDBOX)
        assert [(r.index, r.destination, r.outcome) for r in results] == [
            (0, "/queue/orders", Outcome.SENT),
            (1, "/queue/audit", Outcome.SENT),
        ]
        [order] = broker.destinations.browse("/queue/orders")
        assert order.headers == (("customer", "kim"), ("content-type", "text/plain"))
        assert order.body == "주문".encode()
        [audit] = broker.destinations.browse("/queue/audit")
        assert audit.headers == (("x", "1"),) and audit.body == b"a\0b"


@pytest.mark.asyncio
async def test_edits_and_another_destination() -> None:
    async with running_sandbox() as broker, Client(broker.tcp_url) as client:
        edited = Republish(RECEIVED, headers=(("customer", "lee"),), body=b"changed")
        moved = Republish(RECORDED, destination="/queue/elsewhere")
        results = await republish(client, [edited, moved], window=1)
        assert all(r.ok for r in results)
        [order] = broker.destinations.browse("/queue/orders")
        assert (order.headers, order.body) == ((("customer", "lee"),), b"changed")
        assert [m.body for m in broker.destinations.browse("/queue/elsewhere")] == [b"a\0b"]
        await republish(client, [RECEIVED, RECORDED], destination="/queue/all")
        assert len(broker.destinations.browse("/queue/all")) == 2


@pytest.mark.asyncio
async def test_a_refusal_is_reported_per_message() -> None:
    async with running_sandbox() as broker, Client(broker.tcp_url) as client:
        bad = Republish(RECEIVED, destination="/bogus/x")
        results = await republish(client, [RECEIVED, bad, RECORDED, RECORDED], window=2)
        assert [r.outcome for r in results][:2] == [Outcome.SENT, Outcome.REFUSED]
        assert results[1].detail  # the sandbox's words
        # the sandbox closes the connection after an ERROR: the rest never went out
        assert {r.outcome for r in results[2:]} <= {Outcome.NOT_SENT, Outcome.UNCONFIRMED}
        assert not any(r.ok for r in results[2:])
        assert len(broker.destinations.browse("/queue/orders")) == 1


def test_the_confirmation_names_count_and_target() -> None:
    ask = republish_confirmation([RECEIVED, RECORDED], "staging", destination="/queue/x")
    assert (ask.count, ask.destinations, ask.connection) == (2, ("/queue/x",), "staging")
    assert ask.text.startswith("Send 2 messages again to /queue/x on staging?")
    mixed = republish_confirmation([RECEIVED, RECORDED], "local")
    assert mixed.destinations == ("/queue/audit", "/queue/orders")
    assert "to 2 destinations" in mixed.text
