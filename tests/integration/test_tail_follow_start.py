"""`tail --follow` started before its broker is up waits for it (a monitoring user starts the
tail first), saying so on stderr; without --follow the first failure ends the tail (exit 3).
The broker is the sandbox, started on the port the tail is already trying."""

from __future__ import annotations

import asyncio
import json
import socket
import sys

import pytest

from explorer.client import Client
from tests.support.sandbox import SandboxThread


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def tail(*argv: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "explorer",
        "tail",
        *argv,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest.mark.asyncio
async def test_a_following_tail_waits_for_a_broker_that_is_not_up_yet() -> None:
    port = free_port()
    url = f"stomp://127.0.0.1:{port}"
    process = await tail(url, "/queue/late", "--follow", "--count", "1", "--timeout", "60")
    assert process.stdout is not None and process.stderr is not None
    async with asyncio.timeout(60):
        first = (await process.stderr.readline()).decode()
        assert f"cannot connect to {url} (connection refused" in first, first
        assert "trying again in" in first and "(--follow)" in first
        with SandboxThread(tcp_port=port, ws_port=None):
            async with Client(url, heartbeat=(0, 0)) as producer:
                await producer.send("/queue/late", "made it", receipt=True)
            out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    assert json.loads(out)["body"] == "made it"
    assert f"connected to {url}" in err.decode()
    assert "Traceback" not in err.decode()


@pytest.mark.asyncio
async def test_without_follow_the_first_failure_ends_the_tail() -> None:
    process = await tail(f"stomp://127.0.0.1:{free_port()}", "/queue/late", "--count", "1")
    async with asyncio.timeout(60):
        _out, err = await process.communicate()
    assert process.returncode == 3
    assert "connection refused" in err.decode() and "trying again" not in err.decode()
