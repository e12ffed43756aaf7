"""A MESSAGE for a subscription that ended is still "ours": it never looks like a stranger's.

Brokers deliver what was in flight after an UNSUBSCRIBE. A window that logs only the messages
no client subscription claims (its own SUBSCRIBEs go out as raw frames) must not log the
stragglers of discovery's feed subscriptions as if they were the user's.
"""

from __future__ import annotations

import pytest

from explorer.client import Client, MessageReceived
from explorer.stomp import Frame
from tests.unit.client.fake_broker import FakeBroker


def message(subscription: str, body: bytes) -> Frame:
    return Frame(
        "MESSAGE",
        (("destination", "/topic/feed"), ("subscription", subscription), ("message-id", "m")),
        body,
    )


@pytest.mark.asyncio
async def test_a_message_for_an_ended_subscription_stays_matched() -> None:
    async with FakeBroker() as broker:
        client = Client(broker.url, heartbeat=(0, 0))
        events = client.events()
        await client.connect()
        peer = await broker.accept()
        await peer.expect("CONNECT")
        sub = await client.subscribe("/topic/feed", queue_messages=False)
        await peer.expect("SUBSCRIBE")
        await sub.unsubscribe()
        await peer.expect("UNSUBSCRIBE")
        peer.send(message(sub.id, b"in flight when it ended"))
        peer.send(message("somebody-else", b"a raw SUBSCRIBE of the user"))
        seen: dict[bytes, bool] = {}
        while len(seen) < 2:
            event = await events.get(timeout=5)
            if isinstance(event, MessageReceived):
                seen[event.message.body] = event.message.matched
        await client.close()
    assert seen == {b"in flight when it ended": True, b"a raw SUBSCRIBE of the user": False}
