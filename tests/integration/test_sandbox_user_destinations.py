"""User destinations through the session core: messages on a `/user/...` subscription are
logged and counted under the destination subscribed to, with the delivered one beside it."""

from __future__ import annotations

import pytest

from explorer.client import Client
from explorer.client.url import parse_url
from explorer.session import ConnectionSession, Target
from explorer.session.sink import MessageCounted
from explorer.session.user_destinations import user_subscriptions
from tests.integration.test_session_brokers import Collector, until
from tests.support.sandbox import running_sandbox


@pytest.mark.asyncio
async def test_user_messages_are_grouped_under_the_subscribed_destination() -> None:
    async with running_sandbox() as broker:
        sink = Collector()
        options = {"login": "alice", "passcode": "x", "heartbeat": (0, 0)}
        session = ConnectionSession(Target("alice", parse_url(broker.tcp_url), options), sink)
        await session.connect()
        sender = Client(broker.tcp_url)
        await sender.connect()
        try:
            await session.subscribe("/user/queue/notices")

            def own() -> list[str]:
                return [
                    row.destination
                    for row in broker.snapshot()
                    if row.destination.startswith("/queue/notices-user") and row.consumers
                ]

            await until(own, "the session's own queue")
            (own_queue,) = own()
            await sender.send(own_queue, "straight to the session's queue", receipt=True)
            await sender.send("/user/alice/queue/notices", "through /user/alice", receipt=True)
            await until(lambda: len(sink.received("/user/queue/notices")) == 2, "both messages")
        finally:
            await sender.disconnect()
            await session.shutdown()
    direct, through = sink.received("/user/queue/notices")
    assert (direct.body, direct.delivered_from) == (b"straight to the session's queue", own_queue)
    assert direct.header("destination") == own_queue  # the frame itself is kept as it came
    assert (through.body, through.delivered_from) == (b"through /user/alice", "")
    counted = {c.destination for c in sink.changes if isinstance(c, MessageCounted)}
    assert "/user/queue/notices" in counted and own_queue not in counted


def test_only_user_subscriptions_are_mapped() -> None:
    class Live:
        def __init__(self, id: str) -> None:
            self.id = id

    live = {"/user/queue/a": Live("1"), "/queue/b": Live("2"), "/user/topic/c": Live("3")}
    assert user_subscriptions(live) == {"1": "/user/queue/a", "3": "/user/topic/c"}
    assert user_subscriptions({}) == {}
