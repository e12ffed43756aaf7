"""The discovery feed: snapshot, watch() and listeners."""

from __future__ import annotations

import asyncio

import pytest

from explorer.sandbox import DestinationInfo, snapshot_json
from explorer.sandbox.destinations import Message, Subscription
from explorer.stomp import AckMode
from tests.support.sandbox import running_sandbox


@pytest.mark.asyncio
async def test_watch_yields_current_then_coalesced_changes() -> None:
    async with running_sandbox(discovery_interval=0.05) as broker:
        broker.publish("/queue/a", "1")
        async with broker.watch() as changes:
            first = await anext(changes)
            assert first == [DestinationInfo("/queue/a", "queue", 1, 0, 1, 0)]
            for _ in range(5):
                broker.publish("/queue/a", "more")
            broker.publish("/topic/b", "x")
            async with asyncio.timeout(5):
                latest = await anext(changes)
                while latest[0].depth != 6 or len(latest) != 2:
                    latest = await anext(changes)
            assert latest == [
                DestinationInfo("/queue/a", "queue", 6, 0, 6, 0),
                DestinationInfo("/topic/b", "topic", 0, 0, 1, 0),
            ]
        # closed by the with block: iteration ends
        assert [rows async for rows in changes] == []


@pytest.mark.asyncio
async def test_listeners_get_snapshots_and_can_be_removed() -> None:
    async with running_sandbox(discovery_interval=0.01) as broker:
        seen: list[list[DestinationInfo]] = []
        remove = broker.add_listener(seen.append)
        broker.publish("/queue/l", "x")
        async with asyncio.timeout(5):
            while not seen:
                await asyncio.sleep(0.01)
        assert seen[-1] == [DestinationInfo("/queue/l", "queue", 1, 0, 1, 0)]
        remove()
        count = len(seen)
        broker.publish("/queue/l", "y")
        await asyncio.sleep(0.1)
        assert len(seen) == count


def test_snapshot_json_keeps_korean_readable() -> None:
    body = snapshot_json([DestinationInfo("/topic/알림", "topic", 0, 1, 2, 3)])
    assert body.decode("utf-8") == (
        '{"destinations":[{"destination":"/topic/알림","kind":"topic","depth":0,'
        '"consumers":1,"enqueued":2,"dequeued":3}]}'
    )


@pytest.mark.asyncio
async def test_a_watcher_that_started_between_emits_sees_a_return_to_the_old_state() -> None:
    async with running_sandbox(discovery_interval=0.05) as broker:
        broker.publish("/topic/back", "1")
        broker.discovery.emit()  # everyone has seen consumers=0
        subscription = Subscription("s", "/topic/back", AckMode.AUTO, _Idle())
        broker.destinations.subscribe(subscription)
        async with broker.watch() as changes:
            assert (await anext(changes))[0].consumers == 1
            broker.destinations.unsubscribe(subscription)  # back to what the last emit said
            async with asyncio.timeout(5):
                assert (await anext(changes))[0].consumers == 0


class _Idle:
    def can_take(self) -> bool:
        return True

    def deliver(self, subscription: Subscription, message: Message) -> None:
        pass
