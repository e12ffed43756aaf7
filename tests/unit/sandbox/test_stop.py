"""Stopping always frees the ports, even when a background task had already died."""

from __future__ import annotations

import asyncio
import socket

import pytest

from explorer.sandbox import SandboxBroker


def _refused(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return False
    except ConnectionRefusedError:
        return True


@pytest.mark.asyncio
async def test_a_dead_discovery_task_does_not_keep_the_ports_open(
    caplog: pytest.LogCaptureFixture,
) -> None:
    broker = SandboxBroker(demo=True)
    await broker.start()
    tcp_port, ws_port = broker.tcp_port, broker.ws_port

    async def dies() -> None:
        raise RuntimeError("no running event loop")

    # What happened under a test harness that ran Qt events outside the asyncio loop:
    # the feed's task failed on its own, and stop() used to re-raise it before closing.
    task = broker.discovery._task
    assert task is not None
    task.cancel()
    broker.discovery._task = asyncio.ensure_future(dies())
    await asyncio.sleep(0)

    await broker.stop()

    assert _refused(tcp_port) and _refused(ws_port)
    assert "the discovery feed had failed" in caplog.text
