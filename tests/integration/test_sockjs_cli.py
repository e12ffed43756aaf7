"""The command line over SockJS URLs (sockjs-node relaying to ActiveMQ): send, tail,
destinations and a scenario's `connection:`, each transport forced; and every bad input of
the browser's path said in a sentence with exit 3, no traceback, the token never echoed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.brokers import Broker, unique
from tests.support.sockjs_relay import sockjs_relay

pytestmark = [pytest.mark.activemq, pytest.mark.node]

TOKEN = "eyJ0eXAi.SECRET-PAYLOAD.sig"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def relay() -> Iterator[str]:
    with sockjs_relay() as base:
        yield base


@pytest.mark.parametrize("transport", ["websocket", "xhr-streaming", "xhr-polling"])
def test_send_then_tail_over_each_transport(activemq: Broker, relay: str, transport: str) -> None:
    destination = f"/queue/{unique('sockjs-cli')}"
    forced = ["--sockjs-transport", transport]
    sent = cli("send", relay, destination, "--body", "안녕 SockJS", "--receipt", *forced)
    assert sent.returncode == 0, sent.stderr
    tail = cli("tail", relay, destination, "--count", "1", "--timeout", "30", *forced)
    assert tail.returncode == 0, tail.stderr
    assert json.loads(tail.stdout.splitlines()[0])["body"] == "안녕 SockJS"


def test_destinations_over_sockjs(activemq: Broker, relay: str) -> None:
    destination = f"/queue/{unique('sockjs-dest')}"
    assert cli("send", relay, destination, "--body", "x", "--receipt").returncode == 0
    listed = cli("destinations", relay, "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    assert destination in listed.stdout


def test_a_scenario_connects_over_sockjs(activemq: Broker, relay: str, tmp_path: Path) -> None:
    destination = f"/queue/{unique('sockjs-run')}"
    scenario = tmp_path / "sockjs.yaml"
    scenario.write_text(
        f"name: over SockJS\nconnection: {relay}\nsteps:\n"
        f"  - subscribe: {destination}\n    id: inbox\n"
        f"  - send: {{destination: {destination}, body: 주문, receipt: true}}\n"
        "  - expect: {subscription: inbox, within: 10s, body: {equals: 주문}}\n",
        encoding="utf-8",
    )
    result = cli("run", str(scenario))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_token_from_a_command_goes_in_connect(activemq: Broker, relay: str) -> None:
    result = cli(
        "send",
        relay,
        f"/queue/{unique('sockjs-token')}",
        "--body",
        "x",
        "--token-command",
        f"echo {TOKEN}",
        "--token-in",
        "connect",
    )
    assert result.returncode == 0, result.stderr
    assert TOKEN not in result.stderr + result.stdout


def refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 3, one sentence on stderr with these words, no traceback, no token."""
    assert result.returncode == 3, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and TOKEN not in result.stderr + result.stdout
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (f"echo {TOKEN}; exit 7", ("the token command", "failed with exit code 7")),
        ("true", ("the token command's output is empty",)),
        (f"printf '{TOKEN}\\nsecond'", ("more than one line",)),
    ],
)
def test_a_token_command_that_fails_is_exit_3(
    activemq: Broker, relay: str, command: str, words: tuple[str, ...]
) -> None:
    refused(cli("send", relay, "/queue/x", "--body", "x", "--token-command", command), *words)


def test_a_token_variable_with_a_newline_is_exit_3(activemq: Broker, relay: str) -> None:
    result = cli(
        "tail", relay, "/queue/x", "--token-env", "S1_JWT", env={"S1_JWT": f"{TOKEN}\nmore"}
    )
    refused(result, "the token variable S1_JWT has more than one line")


def test_an_http_url_that_is_neither_sockjs_nor_websocket_is_exit_3(relay: str) -> None:
    wrong = relay.rsplit("/", 1)[0] + "/nothing"
    refused(
        cli("send", wrong, "/queue/x", "--body", "x", "--connect-timeout", "20"),
        "is neither a SockJS endpoint (GET /info answered HTTP 404) nor a WebSocket endpoint",
    )


def test_a_sockjs_close_during_connect_is_exit_3_with_the_reason() -> None:
    with sockjs_relay(broker="127.0.0.1:9") as dead:  # the relay cannot reach a broker
        result = cli("send", dead, "/queue/x", "--body", "x")
    refused(result, "closed the connection before answering CONNECT", "SockJS close 3000")


def test_a_query_token_is_not_in_the_url_said(relay: str) -> None:
    wrong = relay.rsplit("/", 1)[0] + "/nothing"
    result = cli(
        "send",
        wrong,
        "/queue/x",
        "--body",
        "x",
        "--token-env",
        "S1_JWT",
        "--token-in",
        "query",
        env={"S1_JWT": TOKEN},
    )
    refused(result, "is neither a SockJS endpoint")
