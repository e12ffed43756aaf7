"""`stomp-explorer send` and `stomp-explorer tail` against the real brokers, as a script would
run them: exit codes, one-line errors, jsonl/raw output."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.brokers import Broker, unique

RABBIT_ENV = "STOMP_TEST_PASSCODE"


def cli(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        input=stdin,
        capture_output=True,
        timeout=90,
        check=False,
        env={**os.environ, **(env or {})},
    )


RABBIT_ARGS = ["--user", "guest", "--passcode-env", RABBIT_ENV]
RABBIT = {RABBIT_ENV: "guest"}


def lines(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


@pytest.mark.activemq
def test_send_then_tail_jsonl_round_trip(activemq: Broker) -> None:
    destination = f"/queue/{unique('cli')}"
    sent = cli(
        "send",
        activemq.stomp_url,
        destination,
        "--body",
        "안녕",
        "-H",
        "x-a:1:2",
        "--count",
        "2",
        "--rate",
        "200",
        "--receipt",
    )
    assert sent.returncode == 0, sent.stderr
    assert b"sent 2 messages" in sent.stderr
    tail = cli("tail", activemq.stomp_url, destination, "--count", "2", "--timeout", "30")
    assert tail.returncode == 0, tail.stderr
    records = lines(tail)
    assert len(records) == 2
    for record in records:
        assert record["destination"] == destination
        assert record["body"] == "안녕"
        headers = record["headers"]
        assert isinstance(headers, dict) and headers["x-a"] == "1:2"


@pytest.mark.activemq
def test_binary_body_is_base64_in_jsonl(activemq: Broker, tmp_path: Path) -> None:
    destination = f"/queue/{unique('cli')}"
    body = b"\x00\xff\xfe binary \x00"
    path = tmp_path / "body.bin"
    path.write_bytes(body)
    assert (
        cli(
            "send", activemq.stomp_url, destination, "--body-file", str(path), "--receipt"
        ).returncode
        == 0
    )
    tail = cli("tail", activemq.stomp_url, destination, "--count", "1", "--timeout", "30")
    assert tail.returncode == 0, tail.stderr
    [record] = lines(tail)
    assert "body" not in record
    assert base64.b64decode(str(record["body_base64"])) == body


@pytest.mark.activemq
def test_body_from_stdin_and_raw_format(activemq: Broker) -> None:
    destination = f"/queue/{unique('cli')}"
    assert (
        cli(
            "send",
            activemq.stomp_url,
            destination,
            "--body-file",
            "-",
            "--receipt",
            stdin=b"from stdin",
        ).returncode
        == 0
    )
    tail = cli(
        "tail",
        activemq.stomp_url,
        destination,
        "--count",
        "1",
        "--timeout",
        "30",
        "--format",
        "raw",
    )
    assert tail.returncode == 0, tail.stderr
    assert tail.stdout.startswith(b"MESSAGE\n")
    assert tail.stdout.endswith(b"\n\nfrom stdin\0")
    assert f"destination:{destination}\n".encode() in tail.stdout


@pytest.mark.activemq
def test_tail_selector_header_and_client_ack(activemq: Broker) -> None:
    destination = f"/queue/{unique('cli')}"
    for kind in ("a", "b", "a"):
        assert (
            cli(
                "send",
                activemq.stomp_url,
                destination,
                "--body",
                kind,
                "-H",
                f"kind:{kind}",
                "--receipt",
            ).returncode
            == 0
        )
    tail = cli(
        "tail",
        activemq.stomp_url,
        destination,
        "--count",
        "2",
        "--timeout",
        "30",
        "-H",
        "selector:kind = 'a'",
        "--ack",
        "client-individual",
    )
    assert tail.returncode == 0, tail.stderr
    assert [r["body"] for r in lines(tail)] == ["a", "a"]
    # The two were acknowledged: only "b" is left.
    rest = cli("tail", activemq.stomp_url, destination, "--count", "2", "--timeout", "2")
    assert rest.returncode == 4
    assert [r["body"] for r in lines(rest)] == ["b"]
    assert b"timed out after 2 s with 1 of 2 messages" in rest.stderr


@pytest.mark.activemq
def test_tail_timeout_without_count_is_success(activemq: Broker) -> None:
    tail = cli("tail", activemq.stomp_url, f"/queue/{unique('cli')}", "--timeout", "0.5")
    assert tail.returncode == 0, tail.stderr
    assert tail.stdout == b""


@pytest.mark.rabbitmq
def test_login_failure_exit_3_with_the_broker_message(rabbitmq: Broker) -> None:
    result = cli(
        "send",
        rabbitmq.stomp_url,
        "/queue/x",
        "--body",
        "x",
        "--user",
        "guest",
        "--passcode-env",
        RABBIT_ENV,
        env={RABBIT_ENV: "wrong"},
    )
    assert result.returncode == 3
    err = result.stderr.decode()
    assert "Bad CONNECT" in err and "Access refused for user 'guest'" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "wrong" not in err


@pytest.mark.rabbitmq
def test_refused_destination_exit_1_with_the_broker_message(rabbitmq: Broker) -> None:
    result = cli("send", rabbitmq.stomp_url, "/bogus/x", "--body", "x", *RABBIT_ARGS, env=RABBIT)
    assert result.returncode == 1
    assert b"Unknown destination" in result.stderr


@pytest.mark.rabbitmq
def test_web_stomp_send_and_tail(rabbitmq: Broker) -> None:
    assert rabbitmq.ws_url is not None
    destination = f"/queue/{unique('cli')}"
    sent = cli(
        "send",
        rabbitmq.ws_url,
        destination,
        "--body",
        "over ws",
        "--receipt",
        *RABBIT_ARGS,
        env=RABBIT,
    )
    assert sent.returncode == 0, sent.stderr
    tail = cli(
        "tail",
        rabbitmq.ws_url,
        destination,
        "--count",
        "1",
        "--timeout",
        "30",
        *RABBIT_ARGS,
        env=RABBIT,
    )
    assert tail.returncode == 0, tail.stderr
    assert [r["body"] for r in lines(tail)] == ["over ws"]


def test_connection_refused_exit_3() -> None:
    result = cli("send", "stomp://127.0.0.1:1", "/queue/x", "--body", "x")
    assert result.returncode == 3
    assert b"connection refused by 127.0.0.1:1" in result.stderr
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["send"],
        ["send", "stomp://127.0.0.1:61613"],
        ["send", "stomp://127.0.0.1:61613", "/queue/x", "--body", "a", "--body-file", "b"],
        ["send", "nonsense", "/queue/x"],
        ["send", "stomp://127.0.0.1:61613", "/queue/x", "--count", "0"],
        ["send", "stomp://127.0.0.1:61613", "/queue/x", "--passcode-env", "NOT_SET_ANYWHERE"],
        ["tail", "stomp://127.0.0.1:61613"],
        ["tail", "stomp://127.0.0.1:61613", "/queue/x", "--ack", "sometimes"],
        ["tail", "stomp://127.0.0.1:61613", "/queue/x", "--heart-beat", "fast"],
        ["tail", "stomp://127.0.0.1:61613", "/queue/x", "-H", "no-colon"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = cli(*args)
    assert result.returncode == 2, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"error:" in result.stderr


@pytest.mark.activemq
def test_send_expands_templates_like_the_window(activemq: Broker) -> None:
    """Issue 12, defect 6: `{{n}}` is the copy's number, on the command line too."""
    destination = f"/queue/{unique('cli-template')}"
    sent = cli(
        "send", activemq.stomp_url, destination, "--count", "5", "--body", "P-{{n}}", "--receipt"
    )
    assert sent.returncode == 0, sent.stderr
    tail = cli("tail", activemq.stomp_url, destination, "--count", "5", "--timeout", "30")
    assert tail.returncode == 0, tail.stderr
    assert [r["body"] for r in lines(tail)] == [f"P-{n}" for n in range(1, 6)]


@pytest.mark.parametrize(
    "args",
    [
        ["send", "stomp://127.0.0.1:61613", "", "--body", "x"],
        ["send", "stomp://127.0.0.1:61613", "  ", "--body", "x", "--receipt"],
        ["tail", "stomp://127.0.0.1:61613", "/queue/x", ""],
    ],
)
def test_an_empty_destination_is_a_usage_error(args: list[str]) -> None:
    """Issue 12, defect 7: nothing is sent, no "sent 1 message to", exit 2."""
    result = cli(*args)
    assert result.returncode == 2, result.stderr
    err = result.stderr.decode()
    assert "destination is empty" in err and "sent" not in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.rabbitmq
@pytest.mark.parametrize("extra", [[], ["--receipt"], ["--count", "50"]])
def test_a_refused_send_always_shows_the_brokers_message(
    rabbitmq: Broker, extra: list[str]
) -> None:
    """Issue 12, defect 7: with or without a receipt, and when the broker closes the
    connection in the middle of a burst, the broker's `message` header is what is said."""
    result = cli(
        "send", rabbitmq.stomp_url, "/bogus/x", "--body", "x", *RABBIT_ARGS, *extra, env=RABBIT
    )
    assert result.returncode == 1, result.stderr
    err = result.stderr.decode()
    assert "Unknown destination ('/bogus/x' is not a valid destination.)" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.rabbitmq
def test_tail_of_a_refused_subscription_says_why(rabbitmq: Broker) -> None:
    result = cli(
        "tail",
        rabbitmq.stomp_url,
        "/exchange/does-not-exist/x",
        "--timeout",
        "30",
        *RABBIT_ARGS,
        env=RABBIT,
    )
    assert result.returncode == 1, result.stderr
    err = result.stderr.decode()
    assert "NOT_FOUND - no exchange 'does-not-exist'" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
