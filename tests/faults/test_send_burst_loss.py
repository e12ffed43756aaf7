"""Issue 16, defect 4: `send --count 200 --rate 20` that loses a private ActiveMQ (kill -9)
mid-burst exits 3 (a lost connection, not 1) and says how many messages had been sent."""

from __future__ import annotations

import asyncio
import re
import sys
import uuid

import pytest

from tests.faults.rig import PrivateActiveMQ


@pytest.mark.asyncio
async def test_a_burst_that_loses_the_broker_exits_3_and_counts_what_was_sent(
    private_activemq: PrivateActiveMQ, report: list[str]
) -> None:
    queue = f"/queue/faults.burst.{uuid.uuid4().hex[:8]}"
    send = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "explorer", "send", private_activemq.stomp_url, queue,
        "--body", "n={{n}}", "--count", "200", "--rate", "20",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert send.stderr is not None
    try:
        await asyncio.sleep(2.5)  # about 50 of the 200 are out
        await asyncio.to_thread(private_activemq.kill9)
        err = (await asyncio.wait_for(send.stderr.read(), 60)).decode()
        await asyncio.wait_for(send.wait(), 30)
    finally:
        if send.returncode is None:
            send.kill()
            await send.wait()
        await asyncio.to_thread(private_activemq.wait_closed)
        await asyncio.to_thread(private_activemq.start)  # for the next fault test
    assert "Traceback" not in err, err
    assert send.returncode == 3, err
    found = re.search(r"was lost after (\d+) of 200 messages had been sent", err)
    assert found is not None, err
    sent = int(found.group(1))
    assert 10 <= sent < 200
    report.append(f"send --count 200 --rate 20, ActiveMQ kill -9 after 2.5 s: {sent} sent, exit 3")
