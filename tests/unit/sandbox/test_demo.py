"""The demo traffic generator: valid JSON on the documented destinations, deterministic."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence

import pytest

from explorer.sandbox import DEMO_DESTINATIONS, DemoTraffic, SandboxBroker
from explorer.sandbox.demo import MAX_DEMO_QUEUE_DEPTH
from tests.support.sandbox import running_sandbox

FIXED_CLOCK = 1_795_000_000.0


def _generator(seed: int) -> DemoTraffic:
    return DemoTraffic(lambda *args: None, seed=seed, clock=lambda: FIXED_CLOCK)


def test_messages_are_json_with_korean_and_english_on_documented_destinations() -> None:
    demo = _generator(7)
    messages = [demo.next_message() for _ in range(300)]
    assert {m.destination for m in messages} == set(DEMO_DESTINATIONS)
    for message in messages:
        headers = dict(message.headers)
        assert headers["content-type"] == "application/json;charset=utf-8"
        assert len(headers["x-trace-id"]) == 16
        body = json.loads(message.body.decode("utf-8"))
        assert body["type"] == headers["x-event-type"]
        assert any("\uac00" <= ch <= "\ud7a3" for ch in body["title"])  # Hangul
        assert body["message"].isascii()
        assert body["timestamp"] == "2026-11-18T11:06:40.000Z"
    orders = [json.loads(m.body) for m in messages if m.destination == "/queue/orders"]
    assert orders and all(
        o["total"] == sum(i["qty"] * i["price"] for i in o["items"]) for o in orders
    )
    assert orders[0]["orderId"] == "ORD-2026-000001"


def test_same_seed_same_sequence() -> None:
    first, second, other = _generator(1), _generator(1), _generator(2)
    a = [first.next_message() for _ in range(50)]
    assert a == [second.next_message() for _ in range(50)]
    assert a != [other.next_message() for _ in range(50)]


def test_rate_is_validated() -> None:
    demo = _generator(1)
    demo.rate = 20
    assert demo.rate == 20.0
    for bad in (0, -1, 10_000):
        with pytest.raises(ValueError, match="demo rate"):
            demo.rate = bad


def test_a_full_demo_queue_is_not_fed_further() -> None:
    sent: list[str] = []

    def publish(destination: str, body: bytes, headers: Sequence[tuple[str, str]]) -> None:
        sent.append(destination)

    demo = DemoTraffic(publish, lambda d: MAX_DEMO_QUEUE_DEPTH, seed=3)
    for _ in range(100):
        demo.publish_one()
    assert sent and "/queue/orders" not in sent


@pytest.mark.asyncio
async def test_switch_on_and_off_at_runtime_through_the_broker() -> None:
    async with running_sandbox(demo_seed=5, demo_rate=200) as broker:
        assert not broker.demo.running
        broker.demo.start()
        assert broker.demo.running
        await _until(lambda: broker.demo.published >= 10)
        await broker.demo.stop()
        count = broker.demo.published
        await asyncio.sleep(0.05)
        assert broker.demo.published == count
        names = {row.destination for row in broker.snapshot()}
        assert names <= set(DEMO_DESTINATIONS) and names
        await broker.demo.set_enabled(True)
        await _until(lambda: broker.demo.published > count)


@pytest.mark.asyncio
async def test_demo_option_starts_it_with_the_broker() -> None:
    async with running_sandbox(demo=True, demo_rate=100, demo_seed=1) as broker:
        await _until(lambda: broker.demo.published >= 3)
        assert _is_running(broker)
    assert not broker.demo.running


def _is_running(broker: SandboxBroker) -> bool:
    return broker.demo.running


async def _until(condition: object, timeout: float = 5.0) -> None:
    assert callable(condition)
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)
