"""`stomp-explorer sandbox` as a user runs it: a subprocess, a client, then Ctrl+C."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

from explorer.stomp import Frame, FrameParser

COMMAND = [sys.executable, "-m", "explorer", "sandbox"]


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def _read_frames(sock: socket.socket, parser: FrameParser, count: int) -> list[Frame]:
    frames: list[Frame] = []
    while len(frames) < count:
        data = sock.recv(65536)
        assert data, "the sandbox closed the connection"
        frames.extend(item for item in parser.feed(data) if isinstance(item, Frame))
    return frames


def test_runs_prints_urls_serves_demo_and_stops_on_ctrl_c() -> None:
    process = subprocess.Popen(
        [*COMMAND, "--demo", "--rate", "50", "--seed", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(6)]
        text = "".join(banner)
        tcp = re.search(r"^  stomp://127\.0\.0\.1:(\d+)$", text, re.M)
        ws = re.search(r"^  ws://127\.0\.0\.1:(\d+)/ws$", text, re.M)
        assert tcp and ws, text
        assert f"  http://127.0.0.1:{ws.group(1)}/sockjs\n" in text
        assert "demo traffic on: 50 messages/s" in text

        with socket.create_connection(("127.0.0.1", int(tcp.group(1))), timeout=10) as sock:
            sock.sendall(
                b"CONNECT\naccept-version:1.2\nhost:x\n\n\0"
                b"SUBSCRIBE\nid:all\ndestination:/topic/notifications/>\n\n\0"
            )
            parser = FrameParser()
            connected, *messages = _read_frames(sock, parser, 4)
            assert connected.command == "CONNECTED"
            for message in messages:
                assert (message.header("destination") or "").startswith(
                    "/topic/notifications/user."
                )
                assert json.loads(message.body)["title"]
        with socket.create_connection(("127.0.0.1", int(ws.group(1))), timeout=10):
            pass  # the WebSocket port listens too

        process.send_signal(signal.SIGINT)
        _stdout, stderr = process.communicate(timeout=20)
        assert process.returncode == 0, stderr
        assert "sandbox stopped" in stderr
        assert "Traceback" not in stderr
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_port_in_use_is_one_line_and_exit_1(busy_port: int) -> None:
    result = subprocess.run(
        [*COMMAND, "--port", str(busy_port)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"stomp-explorer: error: cannot listen for STOMP over TCP on 127.0.0.1:{busy_port}: the "
        "port is already in use; choose another port (0 picks a free one)\n"
    )


def test_ws_port_in_use_closes_the_tcp_listener_too(busy_port: int) -> None:
    result = subprocess.run(
        [*COMMAND, "--ws-port", str(busy_port)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 1
    assert "STOMP over WebSocket" in result.stderr and "Traceback" not in result.stderr


def test_bad_arguments_are_usage_errors() -> None:
    result = subprocess.run([*COMMAND, "--rate", "0"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "rate must be above 0" in result.stderr
