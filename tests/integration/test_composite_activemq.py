"""A composite SEND on the real ActiveMQ reaches every part, is logged once and counted on
each part in the tree (issue 12, defect 8)."""

from __future__ import annotations

import pytest

from explorer.session import ComposeRequest, MessageCounted
from explorer.session.composite import check_destination
from tests.integration.test_session_brokers import session_on, target_for, until
from tests.support.brokers import Broker, unique

pytestmark = pytest.mark.activemq


@pytest.mark.asyncio
async def test_a_composite_send_reaches_each_queue(activemq: Broker) -> None:
    first, second = unique("/queue/composite.a"), unique("/queue/composite.b")
    destination = f"{first},{second}"
    async with session_on(target_for(activemq)) as (session, sink):
        assert check_destination(destination, session.broker_kind) == (first, second)
        await session.subscribe(first, confirm=True)
        await session.subscribe(second, confirm=True)
        request = ComposeRequest("SEND", (("destination", destination),), b"both", receipt=True)
        result = await session.execute(request)
        assert result.confirmed is True
        await until(lambda: sink.received(first) and sink.received(second), "both copies")
        sent = [e for e in sink.entries if e.direction == "out"]
        assert [e.destination for e in sent] == [destination]  # logged once
        counted = {c.destination for c in sink.changes if isinstance(c, MessageCounted)}
        assert {first, second} <= counted and destination not in counted
