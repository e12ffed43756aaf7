"""`stomp-explorer tail ... --record FILE` writes a capture: every frame in and out, the
passcode never; a file that is not a capture is a usage error (exit 2), no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.capture import Capture
from tests.support.brokers import Broker, unique


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        capture_output=True,
        timeout=90,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.rabbitmq
def test_tail_records_every_frame_in_and_out(rabbitmq: Broker, tmp_path: Path) -> None:
    destination = f"/queue/{unique('capture-cli')}"
    login = ["--user", "guest", "--passcode-env", "CAPTURE_PW"]
    env = {"CAPTURE_PW": "guest"}
    sent = cli(
        "send",
        rabbitmq.stomp_url,
        destination,
        "--body",
        "주문 {{n}}",
        "--count",
        "3",
        "--receipt",
        *login,
        env=env,
    )
    assert sent.returncode == 0, sent.stderr
    path = tmp_path / "tail.stompcap"
    tail = cli(
        "tail",
        rabbitmq.stomp_url,
        destination,
        "--count",
        "3",
        "--timeout",
        "30",
        "--record",
        str(path),
        *login,
        env=env,
    )
    assert tail.returncode == 0, tail.stderr
    assert f"to {path}".encode() in tail.stderr
    with Capture(path) as capture:
        records = list(capture.iter_records())
        query = f"command=MESSAGE and direction=in and destination={destination}"
        assert capture.count(query) == 3
    commands = [(record.direction, record.command) for record in records]
    assert commands[:3] == [("out", "CONNECT"), ("in", "CONNECTED"), ("out", "SUBSCRIBE")]
    assert ("out", "DISCONNECT") in commands
    bodies = [record.body.decode() for record in records if record.command == "MESSAGE"]
    assert bodies == ["주문 1", "주문 2", "주문 3"]
    connect = records[0]
    assert connect.header("passcode") == "***"
    assert connect.connection == "stomp://127.0.0.1:61623"


@pytest.mark.activemq
def test_recording_to_a_file_that_is_not_a_capture_is_a_usage_error(
    activemq: Broker, tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n" * 20)
    tail = cli(
        "tail",
        activemq.stomp_url,
        "/queue/x",
        "--count",
        "1",
        "--timeout",
        "5",
        "--record",
        str(path),
    )
    assert tail.returncode == 2
    assert b"is not a STOMP Explorer capture" in tail.stderr
    assert b"Traceback" not in tail.stderr
    assert path.read_text() == "my notes\n" * 20
