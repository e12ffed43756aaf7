"""`stomp-explorer bench` against the sandbox and ActiveMQ: nothing lost, the JSON contract,
topics fan out to every consumer, the progress bar only on a terminal, mistakes exit 2/3."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from itertools import pairwise
from pathlib import Path

import pytest

from explorer.cli.main import main
from tests.support.brokers import Broker, unique
from tests.support.sandbox import SandboxThread

COMMAND = [sys.executable, "-m", "explorer", "bench"]


def bench_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["bench", *argv, "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def check_clean(data: dict[str, object], expected: int) -> None:
    assert (data["sent"], data["received"], data["lost"], data["duplicates"]) == (
        expected,
        expected,
        0,
        0,
    )
    latency = data["latency_ms"]
    assert isinstance(latency, dict)
    assert set(latency) == {"p50", "p90", "p99", "p999", "max"}
    assert 0 < latency["p50"] <= latency["p90"] <= latency["p99"] <= latency["p999"]
    assert latency["p999"] <= latency["max"]
    assert isinstance(data["throughput_msg_s"], float) and data["throughput_msg_s"] > 0


def test_bench_on_the_sandbox_loses_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    with SandboxThread() as sandbox:
        data = bench_json(capsys, sandbox.tcp_url, "--messages", "3000", "--size", "256")
    check_clean(data, 3000)
    assert data["out_of_order"] == 0 and data["size"] == 256
    buckets = data["latency_histogram"]  # for the window's chart: doubling from 0.1 ms
    assert isinstance(buckets, list)
    assert sum(count for _upper, count in buckets) == 3000
    uppers = [upper for upper, _count in buckets]
    assert uppers[0] == 0.1 and all(b == 2 * a for a, b in pairwise(uppers))


def test_a_topic_reaches_every_consumer_over_websocket(capsys: pytest.CaptureFixture[str]) -> None:
    with SandboxThread() as sandbox:
        data = bench_json(
            capsys,
            sandbox.ws_url,
            "--destination",
            "/topic/bench.fan",
            "--messages",
            "500",
            "--producers",
            "2",
            "--consumers",
            "3",
            "--rate",
            "2000",
        )
    assert data["sent"] == 500
    assert (data["expected"], data["received"], data["lost"]) == (1500, 1500, 0)


@pytest.mark.activemq
def test_bench_on_activemq_loses_nothing(
    activemq: Broker, capsys: pytest.CaptureFixture[str]
) -> None:
    destination = f"/queue/{unique('bench')}"
    data = bench_json(
        capsys,
        activemq.stomp_url,
        "--destination",
        destination,
        "--messages",
        "5000",
        "--producers",
        "2",
        "--consumers",
        "2",
    )
    check_clean(data, 5000)


@pytest.mark.activemq
def test_persistent_messages_on_activemq(
    activemq: Broker, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bench_json(
        capsys,
        activemq.stomp_url,
        "--destination",
        f"/queue/{unique('bench')}",
        "--messages",
        "300",
        "--persistent",
        "--rate",
        "1000",
    )
    check_clean(data, 300)
    assert data["persistent"] is True


def test_text_report_and_a_progress_bar_only_on_a_terminal() -> None:
    with SandboxThread() as sandbox:
        piped = subprocess.run(
            [*COMMAND, sandbox.tcp_url, "--messages", "2000"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert piped.returncode == 0, piped.stderr
        assert piped.stderr == ""  # no bar when stderr is not a terminal
        assert "  lost                     0" in piped.stdout
        assert "latency ms    p50 " in piped.stdout
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        on_terminal = subprocess.Popen(
            [*COMMAND, sandbox.tcp_url, "--messages", "2000"],
            stdout=subprocess.DEVNULL,
            stderr=follower,
        )
        os.close(follower)
        drawn = b""
        while True:  # read while it runs: a pty drops what nobody read once it closes
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the bench exited and closed the terminal
                break
            if not chunk:
                break
            drawn += chunk
        os.close(leader)
        on_terminal.wait(timeout=120)
    assert on_terminal.returncode == 0
    assert b"msg" in drawn and b"%" in drawn  # tqdm's bar: "45%|####  | 900/2000 [..msg/s]"


def test_bench_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--messages", "0"], ["--rate", "fast"], ["--size", "-1"], ["--rate", "0"]):
        with pytest.raises(SystemExit) as info:
            main(["bench", "stomp://127.0.0.1:1", *argv])
        assert info.value.code == 2
    assert main(["bench", "stomp://127.0.0.1:1", "--messages", "1", "--producers", "2"]) == 2
    assert "--producers cannot be more than --messages" in capsys.readouterr().err
    result = subprocess.run(
        [*COMMAND, "stomp://127.0.0.1:1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 3
    assert "connection refused" in result.stderr and "Traceback" not in result.stderr
