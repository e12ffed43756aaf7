"""The move engine against the in-process sandbox broker: counts, order, headers, stops."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from explorer.client import Client, ReconnectPolicy, parse_url
from explorer.operations import (
    DestinationRefused,
    InvalidFilter,
    ListedMessage,
    ListingMethod,
    MovePlan,
    MoveResult,
    StopReason,
    UnsupportedOperation,
    client_factory,
    list_messages,
    move_messages,
)
from explorer.operations.connection import ClientFactory
from explorer.sandbox import SandboxBroker
from explorer.session import Target
from tests.support.sandbox import running_sandbox

SRC, DST = "/queue/src", "/queue/dst"


@pytest_asyncio.fixture
async def broker() -> AsyncIterator[SandboxBroker]:
    async with running_sandbox() as started:
        yield started


def factory(broker: SandboxBroker) -> ClientFactory:
    return lambda: Client(broker.tcp_url)


def fill(broker: SandboxBroker, count: int, destination: str = SRC) -> list[bytes]:
    bodies = [f"m{i}".encode() for i in range(count)]
    for i, body in enumerate(bodies):
        broker.publish(destination, body, {"seq": str(i), "app": "yes"})
    return bodies


def bodies(broker: SandboxBroker, destination: str) -> list[bytes]:
    return [m.body for m in broker.destinations.browse(destination)]


@pytest.mark.asyncio
async def test_everything_moves_in_order_with_the_producers_headers(broker: SandboxBroker) -> None:
    sent = fill(broker, 30)
    seen: list[MoveResult] = []
    plan = MovePlan(SRC, target=DST, window=7, idle=0.3)
    result = await move_messages(factory(broker), plan, progress=seen.append)
    assert (result.moved, result.duplicated, result.failed, result.skipped) == (30, 0, 0, 0)
    assert result.stopped is StopReason.DONE and result.error is None
    assert result.by_target == {DST: 30}
    assert bodies(broker, DST) == sent and bodies(broker, SRC) == []
    copied = broker.destinations.browse(DST)[0].headers
    assert copied == (("seq", "0"), ("app", "yes"))  # no message-id, subscription, ack, ...
    assert [p.moved for p in seen] == [7, 14, 21, 28, 30]


@pytest.mark.asyncio
async def test_count_moves_that_many_and_leaves_the_rest_in_order(broker: SandboxBroker) -> None:
    sent = fill(broker, 30)
    plan = MovePlan(SRC, target=DST, count=5, window=3, idle=0.3)
    result = await move_messages(factory(broker), plan)
    assert result.moved == 5 and result.stopped is StopReason.COUNT
    assert bodies(broker, DST) == sent[:5]
    assert bodies(broker, SRC) == sent[5:]


@pytest.mark.asyncio
async def test_a_copy_leaves_the_originals(broker: SandboxBroker) -> None:
    sent = fill(broker, 12)
    result = await move_messages(
        factory(broker), MovePlan(SRC, target=DST, copy=True, window=5, idle=0.3)
    )
    assert result.moved == 12 and result.stopped is StopReason.DONE
    assert bodies(broker, DST) == sent and bodies(broker, SRC) == sent


@pytest.mark.asyncio
async def test_a_dry_run_lists_and_gives_everything_back(broker: SandboxBroker) -> None:
    sent = fill(broker, 8)
    listed: list[ListedMessage] = []
    count, method = await list_messages(
        factory(broker), MovePlan(SRC, target=DST, count=5, idle=0.3), on_message=listed.append
    )
    assert count == 5 and method is ListingMethod.CONSUME_AND_RELEASE
    assert [item.message.body for item in listed] == sent[:5]
    assert [item.position for item in listed] == [1, 2, 3, 4, 5]
    assert {item.target for item in listed} == {DST}
    assert bodies(broker, SRC) == sent and bodies(broker, DST) == []


@pytest.mark.asyncio
async def test_to_original_sends_each_back_and_skips_the_unknown(broker: SandboxBroker) -> None:
    broker.publish(SRC, "a1", {"original-destination": "/queue/a"})
    broker.publish(SRC, "b1", {"x-first-death-queue": "b"})
    broker.publish(SRC, "lost", {"nothing": "here"})
    broker.publish(SRC, "a2", {"original-destination": "/queue/a"})
    broker.publish(SRC, "t1", {"original-destination": "/topic/t"})  # a topic: left alone
    broker.publish(SRC, "s1", {"original-destination": SRC})  # itself: would loop forever
    result = await move_messages(factory(broker), MovePlan(SRC, to_original=True, idle=0.3))
    assert result.moved == 3 and result.skipped == 3
    assert result.by_target == {"/queue/a": 2, "/queue/b": 1}
    assert bodies(broker, "/queue/a") == [b"a1", b"a2"] and bodies(broker, "/queue/b") == [b"b1"]
    assert bodies(broker, SRC) == [b"lost", b"t1", b"s1"]
    # the dead-letter header is the broker's, not the producer's: not copied
    assert broker.destinations.browse("/queue/a")[0].headers == ()


@pytest.mark.asyncio
async def test_a_refused_target_stops_the_move_and_acks_nothing(broker: SandboxBroker) -> None:
    sent = fill(broker, 10)
    result = await move_messages(factory(broker), MovePlan(SRC, target="/bogus/x", idle=0.3))
    assert result.stopped is StopReason.REFUSED and result.moved == 0
    assert result.failed >= 1 and result.duplicated == 0
    assert isinstance(result.error, DestinationRefused)
    assert result.error.destination == "/bogus/x" and result.error.broker_message
    # the sandbox gives a closed connection's unacked messages back as it notices the close
    async with asyncio.timeout(10):
        while len(broker.destinations.browse(SRC)) != len(sent) or broker.sessions:
            await asyncio.sleep(0.01)
    assert bodies(broker, SRC) == sent and bodies(broker, DST) == []


@pytest.mark.asyncio
async def test_stop_ends_the_move_between_batches(broker: SandboxBroker) -> None:
    sent = fill(broker, 20)
    stop = asyncio.Event()
    result = await move_messages(
        factory(broker),
        MovePlan(SRC, target=DST, window=4, idle=0.3),
        progress=lambda _: stop.set(),
        stop=stop,
    )
    assert result.stopped is StopReason.CANCELLED and result.moved == 4
    assert bodies(broker, DST) == sent[:4]
    assert bodies(broker, SRC) == sent[4:]


@pytest.mark.asyncio
async def test_cancelling_the_task_loses_nothing(broker: SandboxBroker) -> None:
    sent = fill(broker, 200)
    batches = 0

    def cancel_after_three(_: MoveResult) -> None:
        nonlocal batches
        batches += 1
        if batches == 3:
            task.cancel()

    plan = MovePlan(SRC, target=DST, window=10, idle=0.3)
    task = asyncio.ensure_future(move_messages(factory(broker), plan, progress=cancel_after_three))
    with pytest.raises(asyncio.CancelledError):
        await task  # its DISCONNECT (awaited on the way out) gave the unacked ones back
    moved, left = bodies(broker, DST), bodies(broker, SRC)
    assert set(moved) | set(left) == set(sent)
    assert len(moved) == len(set(moved)) and len(moved) >= 30
    assert len(moved) + len(left) - len(sent) <= plan.window  # duplicates: one batch at most


@pytest.mark.asyncio
async def test_bodies_travel_byte_exact(broker: SandboxBroker) -> None:
    korean, binary = "주문 #1 안녕".encode(), bytes(range(256))
    broker.publish(SRC, korean, {"content-type": "text/plain;charset=utf-8"})
    broker.publish(SRC, binary, {"content-type": "application/octet-stream"})
    result = await move_messages(factory(broker), MovePlan(SRC, target=DST, idle=0.3))
    assert result.moved == 2
    assert bodies(broker, DST) == [korean, binary]


@pytest.mark.asyncio
async def test_what_cannot_work_is_refused_before_anything_is_touched(
    broker: SandboxBroker,
) -> None:
    sent = fill(broker, 3)
    cases = [
        (MovePlan(SRC, target=DST, selector="seq = '1'"), "no message selectors"),
        (MovePlan("/topic/t", target=DST), "not a queue"),
        (MovePlan(SRC, target="/topic/t"), "not a queue"),
        (MovePlan(SRC, target=SRC), "same queue"),
        (MovePlan("/queue/x", target="/amq/queue/x"), "same queue"),
    ]
    for plan, words in cases:
        with pytest.raises(UnsupportedOperation, match=words):
            await move_messages(factory(broker), plan)
    assert bodies(broker, SRC) == sent and bodies(broker, DST) == []


@pytest.mark.asyncio
async def test_a_session_target_gives_the_operation_its_own_connection(
    broker: SandboxBroker,
) -> None:
    """The window hands over its profile's Target; the operation connects on its own, and
    without the session's reconnect policy (a lost connection ends the move)."""
    target = Target("profile", parse_url(broker.tcp_url), {"reconnect": ReconnectPolicy()})
    open_client = client_factory(target)
    assert open_client().reconnect is None
    fill(broker, 3)
    result = await move_messages(open_client, MovePlan(SRC, target=DST, idle=0.3))
    assert result.moved == 3 and bodies(broker, DST) == [b"m0", b"m1", b"m2"]


def fill_regions(broker: SandboxBroker) -> None:
    for i in range(10):
        region = "eu" if i % 2 == 0 else "us"
        broker.publish(SRC, f'{{"n": {i}, "region": "{region}"}}', {"seq": str(i)})


@pytest.mark.asyncio
async def test_our_filter_moves_the_matching_and_keeps_the_rest_in_order(
    broker: SandboxBroker,
) -> None:
    fill_regions(broker)
    plan = MovePlan(SRC, target=DST, where='$.region == "eu"', window=3, idle=0.3)
    result = await move_messages(factory(broker), plan)
    assert (result.moved, result.not_matching, result.stopped) == (5, 5, StopReason.DONE)
    assert [m.headers[0][1] for m in broker.destinations.browse(DST)] == ["0", "2", "4", "6", "8"]
    assert [m.headers[0][1] for m in broker.destinations.browse(SRC)] == ["1", "3", "5", "7", "9"]
    assert result.summary(plan).endswith(
        "; 5 read but not matching '$.region == \"eu\"' stayed on the source (given back, "
        "marked redelivered)"
    )
    counted = await move_messages(
        factory(broker), MovePlan(SRC, target=DST, where="seq > 2", count=2, idle=0.3)
    )
    assert counted.moved == 2 and counted.stopped is StopReason.COUNT
    assert [m.headers[0][1] for m in broker.destinations.browse(SRC)] == ["1", "7", "9"]


@pytest.mark.asyncio
async def test_discard_deletes_what_our_filter_matches(broker: SandboxBroker) -> None:
    fill_regions(broker)
    plan = MovePlan(SRC, discard=True, where="seq>6", idle=0.3)
    listed: list[ListedMessage] = []
    count, _ = await list_messages(factory(broker), plan, on_message=listed.append)
    assert count == 3 and [item.target for item in listed] == [None, None, None]
    result = await move_messages(factory(broker), plan)
    assert (result.moved, result.not_matching) == (3, 7)
    assert result.summary(plan).startswith("removed 3 messages matching 'seq>6' (our filter)")
    assert [m.headers[0][1] for m in broker.destinations.browse(SRC)] == [str(i) for i in range(7)]
    assert broker.destinations.browse(DST) == []


@pytest.mark.asyncio
async def test_a_filter_that_does_not_parse_stops_before_connecting() -> None:
    def nowhere() -> Client:
        raise AssertionError("must not connect")

    with pytest.raises(InvalidFilter) as caught:
        await move_messages(nowhere, MovePlan(SRC, target=DST, where="priority > "))
    assert caught.value.expression == "priority > "
    assert "^" in caught.value.message  # the caret under the place
    with pytest.raises(InvalidFilter):
        await list_messages(nowhere, MovePlan(SRC, target=DST, where="(("))
