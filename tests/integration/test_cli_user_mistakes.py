"""The command line answers user mistakes with one line and the right exit code."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from explorer.cli.main import main
from tests.support.brokers import RABBITMQ, Broker
from tests.support.sandbox import SandboxThread

COMMAND = [sys.executable, "-m", "explorer"]


def test_a_passcode_flag_is_refused_without_echoing_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["send", "stomp://127.0.0.1:61613", "/queue/x", "--passcode", "hunter2"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--passcode-env" in err
    assert "hunter2" not in err


def test_no_display_is_explained_instead_of_aborting() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(COMMAND, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "no display found" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.rabbitmq
def test_a_non_stomp_port_is_a_connection_failure(rabbitmq: Broker) -> None:
    assert rabbitmq is RABBITMQ
    result = subprocess.run(
        [*COMMAND, "send", "stomp://127.0.0.1:15672", "/queue/x", "--body", "x"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3
    assert "STOMP port" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_tail_into_a_closed_pipe_exits_quietly() -> None:
    """`stomp-explorer tail ... | head -1` must not end in a BrokenPipeError traceback."""
    with SandboxThread(demo=True, demo_rate=200) as sandbox:
        tail = subprocess.Popen(
            [
                *COMMAND,
                "tail",
                sandbox.tcp_url,
                "/topic/notifications/>",
                "--count",
                "500",
                "--timeout",
                "30",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert tail.stdout is not None and tail.stderr is not None
        first = tail.stdout.readline()
        tail.stdout.close()  # what `head -1` does after its line
        stderr = tail.stderr.read().decode()
        tail.stderr.close()
        returncode = tail.wait(timeout=60)
    assert first.startswith(b"{")
    assert returncode == 0, stderr
    assert "Traceback" not in stderr


@pytest.mark.rabbitmq
def test_a_refused_send_with_receipt_keeps_the_brokers_detail(rabbitmq: Broker) -> None:
    env = {**os.environ, "RABBIT_PASSCODE": "guest"}
    result = subprocess.run(
        [
            *COMMAND,
            "send",
            f"stomp://guest@{rabbitmq.host}:{rabbitmq.stomp_port}",
            "/bogus/x",
            "--body",
            "x",
            "--receipt",
            "--passcode-env",
            "RABBIT_PASSCODE",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 1
    assert "Unknown destination ('/bogus/x' is not a valid destination.)" in result.stderr
