"""The app runs the sandbox inside the Qt event loop (qasync): it must serve there too."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import pytest

from explorer.sandbox import SandboxBroker

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # scripts/test sets it; plain pytest too


@pytest.mark.gui
def test_sandbox_serves_inside_a_qasync_loop(qapp: Any) -> None:
    from tests.support.qasync_loop import close_qasync_loop, open_qasync_loop

    async def scenario() -> tuple[int, list[str]]:
        async with SandboxBroker(demo=True, demo_rate=100, demo_seed=1) as broker:
            reader, writer = await asyncio.open_connection("127.0.0.1", broker.tcp_port)
            try:
                writer.write(
                    b"CONNECT\naccept-version:1.2\nhost:x\n\n\0"
                    b"SUBSCRIBE\nid:all\ndestination:/topic/>\n\n\0"
                )
                data = b""
                async with asyncio.timeout(10):
                    while data.count(b"\0") < 4:
                        data += await reader.read(65536)
            finally:
                writer.close()
                await writer.wait_closed()
            async with broker.watch() as changes:
                rows = await anext(changes)
            return data.count(b"MESSAGE\n"), [row.destination for row in rows]

    loop = open_qasync_loop(qapp)
    try:
        messages, destinations = loop.run_until_complete(scenario())
    finally:
        close_qasync_loop(loop)  # its Qt timers die here, on the GUI thread
    assert messages >= 3
    assert destinations
