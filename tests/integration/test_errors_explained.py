"""ERRORs and closes explained end to end: the session's notices carry the likely cause and
fix of real brokers' words, say when a broker keeps the connection after an ERROR, and put
the ERROR (not "connection lost") as the reason when the broker closes right after it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from explorer.client import ReconnectPolicy
from explorer.client.url import parse_url
from explorer.session import (
    BrokerErrorReceived,
    ComposeRequest,
    ConnectionSession,
    SessionState,
    Target,
)
from explorer.session.notices import ErrorLeftOpen
from tests.integration.test_session_brokers import Collector, target_for, until
from tests.support.brokers import Broker
from tests.support.sandbox import running_sandbox


def _raw(text: str) -> ComposeRequest:
    return ComposeRequest("SEND", (), b"", raw=text.encode())


@pytest.mark.activemq
@pytest.mark.asyncio
async def test_activemq_keeps_the_connection_after_an_error_and_that_is_said(
    activemq: Broker,
) -> None:
    sink = Collector()
    session = ConnectionSession(target_for(activemq), sink)
    await session.connect()
    try:
        await session.execute(_raw("UNSUBSCRIBE\nid:nobody-has-this\n\n\0"))
        await until(lambda: any(isinstance(n, ErrorLeftOpen) for n in sink.notices), "left open")
        error = next(n for n in sink.notices if isinstance(n, BrokerErrorReceived))
        assert error.message == "No subscription matched."
        assert error.explanation is not None
        assert error.explanation.key == "activemq.no-subscription"
        assert "UNSUBSCRIBE with the id the SUBSCRIBE used" in error.sentence
        left = next(n for n in sink.notices if isinstance(n, ErrorLeftOpen))
        assert "left the connection open" in left.sentence
        assert session.state is SessionState.CONNECTED
    finally:
        await session.shutdown()


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_rabbitmq_unknown_destination_is_explained(rabbitmq: Broker) -> None:
    sink = Collector()
    session = ConnectionSession(target_for(rabbitmq), sink)
    await session.connect()
    try:
        await session.execute(_raw("SUBSCRIBE\nid:u\ndestination:/user/queue/replies\n\n\0"))
        await until(
            lambda: any(isinstance(n, BrokerErrorReceived) for n in sink.notices), "the ERROR"
        )
        error = next(n for n in sink.notices if isinstance(n, BrokerErrorReceived))
        assert error.message == "Unknown destination"
        assert error.explanation is not None
        assert error.explanation.key == "rabbitmq.user-destination"
    finally:
        await session.shutdown()


@pytest.mark.asyncio
async def test_a_close_right_after_an_error_is_reported_as_that_error() -> None:
    async with running_sandbox() as broker:
        sink = Collector()
        options = {
            "heartbeat": (0, 0),
            "reconnect": ReconnectPolicy(initial_delay=30.0, max_delay=30.0, jitter=0.0),
        }
        session = ConnectionSession(Target("t", parse_url(broker.tcp_url), options), sink)
        await session.connect()
        try:
            await session.execute(_raw("SEND\ndestination:/nowhere\n\nx\0"))
            await until(
                lambda: session.state in (SessionState.RECONNECTING, SessionState.FAILED),
                "the connection to end",
            )
            status = session.status
            assert status.after_error is not None
            assert "is not served by the sandbox" in status.after_error[0]
            assert not any(isinstance(n, ErrorLeftOpen) for n in sink.notices)
        finally:
            await session.shutdown()


@pytest.mark.rabbitmq
def test_the_command_line_prints_the_explanation_on_the_error_line(rabbitmq: Broker) -> None:
    result = subprocess.run(
        [
            *(sys.executable, "-m", "explorer", "tail", rabbitmq.stomp_url, "/amq/queue/nope-s2"),
            *("--timeout", "30", "--user", "guest", "--passcode-env", "S2_PASSCODE"),
        ],
        capture_output=True,
        env={**os.environ, "S2_PASSCODE": "guest"},
        timeout=60,
        check=False,
    )
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "NOT_FOUND - no queue 'nope-s2'" in err
    assert "likely cause and fix: The queue or exchange does not exist" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
