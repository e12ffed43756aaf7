"""The helpers other test suites use: SandboxThread and running_sandbox."""

from __future__ import annotations

import socket

import pytest

from explorer.sandbox import ListenError, SandboxBroker
from tests.support.sandbox import SandboxThread, running_sandbox


def test_sandbox_thread_serves_and_stops() -> None:
    sandbox = SandboxThread(demo=False).start()
    try:
        assert sandbox.tcp_url == f"stomp://127.0.0.1:{sandbox.tcp_port}"
        assert sandbox.ws_url == f"ws://127.0.0.1:{sandbox.ws_port}/ws"
        with socket.create_connection(("127.0.0.1", sandbox.tcp_port), timeout=5) as sock:
            sock.sendall(b"CONNECT\naccept-version:1.2\nhost:x\n\n\0")
            assert sock.recv(1024).startswith(b"CONNECTED\n")
        message_id = sandbox.call(lambda broker: broker.publish("/queue/t", "x"))
        assert message_id.startswith("sandbox-")
        assert sandbox.call(lambda broker: broker.destinations.depth("/queue/t")) == 1
    finally:
        sandbox.stop()
    sandbox.stop()  # idempotent
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", sandbox.tcp_port), 1):
        pass


def test_sandbox_thread_reports_start_failures() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(ListenError, match="already in use"):
            SandboxThread(tcp_port=busy.getsockname()[1]).start()


@pytest.mark.asyncio
async def test_running_sandbox_fixed_ports_and_tcp_only() -> None:
    async with running_sandbox(ws_port=None) as broker:
        assert isinstance(broker, SandboxBroker)
        with pytest.raises(RuntimeError, match="no WebSocket listener"):
            _ = broker.ws_url
        port = broker.tcp_port
    async with running_sandbox(tcp_port=port, ws_port=None) as again:
        assert again.tcp_port == port


def test_options_are_validated() -> None:
    with pytest.raises(ValueError, match="tcp_port must be between"):
        SandboxBroker(tcp_port=70000)
    with pytest.raises(ValueError, match="at least one of"):
        SandboxBroker(tcp_port=None, ws_port=None)
    with pytest.raises(ValueError, match="both login and passcode"):
        SandboxBroker(login="x")
