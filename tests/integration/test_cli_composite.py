"""`stomp-explorer send` with a comma in the destination (issue 12, defect 8): ActiveMQ's
composite destination reaches every part; elsewhere a usage error with a sentence."""

from __future__ import annotations

import pytest

from tests.integration.test_cli_send_tail import RABBIT, RABBIT_ARGS, cli, lines
from tests.support.brokers import Broker, unique


@pytest.mark.rabbitmq
def test_a_comma_on_rabbitmq_is_a_usage_error(rabbitmq: Broker) -> None:
    sent = cli(
        "send", rabbitmq.stomp_url, "/queue/a,/queue/b", "--body", "x", *RABBIT_ARGS, env=RABBIT
    )
    assert sent.returncode == 2, sent.stderr
    assert b"only on ActiveMQ" in sent.stderr and b"Traceback" not in sent.stderr


@pytest.mark.activemq
def test_a_composite_send_on_activemq_reaches_each_queue(activemq: Broker) -> None:
    first, second = f"/queue/{unique('cli.c')}", f"/queue/{unique('cli.c')}"
    sent = cli("send", activemq.stomp_url, f"{first},{second}", "--body", "both", "--receipt")
    assert sent.returncode == 0, sent.stderr
    for destination in (first, second):
        tail = cli("tail", activemq.stomp_url, destination, "--count", "1", "--timeout", "30")
        assert tail.returncode == 0, tail.stderr
        assert [line["body"] for line in lines(tail)] == ["both"]
