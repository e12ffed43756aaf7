"""A broker frozen with SIGSTOP keeps its TCP connections open but says nothing: only the
heart-beat can tell. The client must declare it dead within the bound of the one liveness
rule, `explorer.stomp.heartbeat.silence_allowed`: grace x the broker's interval +
max(10 %, 0.3 s), counted from the last byte received. The link's `keep_alive` sleeps until
that deadline exactly, so nothing is added for polling."""

from __future__ import annotations

import asyncio
import time

import pytest

from explorer.client import Client, ConnectionLost, Direction, HeartbeatTimeout, WireRecord
from explorer.stomp import silence_allowed
from tests.faults.rig import PrivateBroker

# Allowance for the event loop and the 2 shared cores, on top of the documented bound.
SCHEDULING_ALLOWANCE_S = 1.0


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["activemq", "rabbitmq"])
async def test_a_frozen_broker_is_declared_dead_within_the_heartbeat_bound(
    kind: str, request: pytest.FixtureRequest, report: list[str]
) -> None:
    broker: PrivateBroker = request.getfixturevalue(f"private_{kind}")
    last_in = [0.0]

    def tap(record: WireRecord) -> None:
        if record.direction is Direction.IN:
            last_in[0] = record.timestamp

    client = Client(broker.stomp_url, heartbeat=(1000, 1000), wire_tap=tap, **broker.client_options)
    events = client.events()
    await client.connect()
    try:
        _send_ms, expect_ms = client.heartbeat
        assert expect_ms > 0, "the broker granted no heart-beat; the test would prove nothing"
        interval = expect_ms / 1000
        bound = silence_allowed(expect_ms, client.heartbeat_grace)
        await asyncio.sleep(2 * interval)  # heart-beats flow both ways
        broker.freeze()
        frozen_at = time.monotonic()
        lost = None
        async with asyncio.timeout(bound + 30):
            async for event in events:
                if isinstance(event, ConnectionLost):
                    lost = event
                    break
        detected_at = time.monotonic()
    finally:
        broker.thaw()
        await client.close()
    assert lost is not None
    assert isinstance(lost.reason, HeartbeatTimeout), lost.reason
    assert "considered dead" in str(lost.reason)
    silent = detected_at - last_in[0]
    report.append(
        f"{kind}, heart-beat {expect_ms} ms: dead peer reported {silent:.2f} s after the last byte "
        f"({detected_at - frozen_at:.2f} s after SIGSTOP; documented bound {bound:.2f} s)"
    )
    assert last_in[0] <= frozen_at + 0.1  # nothing came from the frozen broker
    assert interval * client.heartbeat_grace <= silent <= bound + SCHEDULING_ALLOWANCE_S
