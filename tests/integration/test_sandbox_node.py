"""@stomp/stompjs (Node, over WebSocket) against the sandbox running in the test's loop."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.support.sandbox import running_sandbox

NODE_DIR = Path(__file__).resolve().parents[1] / "node"
SCRIPT = NODE_DIR / "sandbox_stompjs.js"

pytestmark = [pytest.mark.node, pytest.mark.asyncio]


async def _run_node(url: str) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "Node.js is missing: scripts/test installs it"
    assert (NODE_DIR / "node_modules" / "@stomp" / "stompjs").is_dir(), (
        "npm packages missing: run (cd tests/node && npm install)"
    )
    process = await asyncio.create_subprocess_exec(
        node,
        str(SCRIPT),
        url,
        cwd=NODE_DIR,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode == 0, stderr.decode()
    result: dict[str, Any] = json.loads(stdout)
    return result


async def test_stompjs_over_websocket() -> None:
    async with running_sandbox(heartbeat_min_ms=10) as broker:
        results = await _run_node(broker.ws_url)

    trip = results["roundTrip"]
    assert trip["version"] == "1.2"
    assert trip["server"] == broker.server_name
    assert trip["body"] == '{"title":"주문이 발송되었습니다","message":"Your order has shipped"}'
    assert trip["headers"]["x-trace-id"] == "abc123"
    assert trip["headers"]["content-type"] == "application/json;charset=utf-8"
    assert trip["headers"]["subscription"] == "greet"
    assert trip["headers"]["destination"] == "/topic/greetings"

    assert results["queueVsTopic"] == {"a": ["job0", "job2", "all"], "b": ["job1", "job3", "all"]}

    first, again = results["nackAndRedelivery"]
    assert first == {"body": "again", "redelivered": None, "count": None, "id": first["id"]}
    assert again == {"body": "again", "redelivered": "true", "count": "1", "id": first["id"]}

    assert results["transactions"] == ["committed"]

    beats = results["heartBeats"]
    assert beats == {"heartBeat": "100,100", "closes": 0, "errors": [], "body": "alive"}
