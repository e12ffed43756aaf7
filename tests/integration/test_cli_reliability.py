"""Issue 16 on the real brokers, as a script runs the command line: a byte that is not UTF-8
goes out as it came in, `tail --format jsonl` stamps each message with its arrival time,
ActiveMQ's own ERROR explains an oversized body, TLS to a plain STOMP port says the
handshake stalled, and `--jolokia` at a STOMP port says it is not Jolokia."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explorer.scenarios.recording import read_recording, schedule
from tests.support.brokers import Broker, unique


def cli(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        capture_output=True,
        timeout=110,
        check=False,
        env=dict(os.environ),
    )


@pytest.mark.activemq
def test_a_body_byte_that_is_not_utf8_arrives_as_sent_and_jsonl_has_the_time(
    activemq: Broker,
) -> None:
    destination = f"/queue/{unique('bytes')}"
    before = time.time()
    sent = cli("send", activemq.stomp_url, destination, "--body", b"\xffok\xfe", "--receipt")
    assert sent.returncode == 0, sent.stderr
    tail = cli("tail", activemq.stomp_url, destination, "--count", "1", "--timeout", "30")
    after = time.time()
    assert tail.returncode == 0, tail.stderr
    [record] = [json.loads(line) for line in tail.stdout.splitlines()]
    assert record["body_base64"] == "/29r/g=="  # b"\xffok\xfe"
    assert isinstance(record["timestamp"], float)
    assert before <= record["timestamp"] <= after


@pytest.mark.activemq
def test_replay_reads_the_times_tail_records(activemq: Broker, tmp_path: Path) -> None:
    """`tail --format jsonl` output is a recording whose gaps `replay` keeps."""
    destination = f"/queue/{unique('gaps')}"
    for body in ("first", "second"):
        sent = cli("send", activemq.stomp_url, destination, "--body", body, "--receipt")
        assert sent.returncode == 0, sent.stderr
    tail = cli("tail", activemq.stomp_url, destination, "--count", "2", "--timeout", "30")
    assert tail.returncode == 0, tail.stderr
    recording = tmp_path / "tail.jsonl"
    recording.write_bytes(tail.stdout)
    messages = read_recording(recording)
    assert [m.body for m in messages] == [b"first", b"second"]
    first, second = (m.timestamp for m in messages)
    assert first is not None and second is not None and first <= second
    assert schedule(messages, 1.0) == [0.0, second - first]


@pytest.mark.activemq
def test_a_body_over_activemq_limit_shows_activemq_error(activemq: Broker, tmp_path: Path) -> None:
    """ActiveMQ refuses a frame over 100 MiB with an ERROR and closes, which breaks our
    write: its words are the answer, not "Broken pipe"."""
    body = tmp_path / "200MB.bin"
    with body.open("wb") as file:
        file.truncate(200 * 10**6)
    result = cli("send", activemq.stomp_url, f"/queue/{unique('big')}", "--body-file", str(body))
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "The maximum data length was exceeded" in err
    assert "Broken pipe" not in err and "Traceback" not in err


@pytest.mark.activemq
def test_tls_to_activemq_plain_stomp_port_says_the_handshake_stalled(activemq: Broker) -> None:
    url = f"stomp+ssl://{activemq.host}:{activemq.stomp_port}"
    result = cli("send", url, "/queue/x", "--body", "x", "--connect-timeout", "2")
    err = result.stderr.decode()
    assert result.returncode == 4, err
    assert f"TCP connected to {activemq.host}:{activemq.stomp_port}, but the TLS handshake" in err


@pytest.mark.activemq
def test_jolokia_pointed_at_a_stomp_port_says_it_is_not_jolokia(activemq: Broker) -> None:
    jolokia = f"http://{activemq.host}:{activemq.stomp_port}/api/jolokia"
    result = cli("destinations", activemq.stomp_url, "--jolokia", jolokia, "--timeout", "2")
    err = result.stderr.decode()
    assert result.returncode == 3, err
    assert f"Jolokia at {jolokia}: no answer within 2 s — is this really the Jolokia URL?" in err
