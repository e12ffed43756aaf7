"""scripts/brokers can run the private instances fault tests need (issue 16, defect 8): the
first `start` after a kill -9 starts a new broker (the dying process and its stale pid file
are recognised), and a second RabbitMQ with its own node name runs beside the shared one."""

from __future__ import annotations

import os
import signal

import pytest
import stomp

from tests.faults.rig import PrivateActiveMQ, PrivateRabbitMQ
from tests.support.brokers import Broker


def stomp_connects(port: int, login: str | None = None, passcode: str | None = None) -> bool:
    connection = stomp.Connection12([("127.0.0.1", port)], vhost="/")
    connection.connect(login, passcode, wait=True)
    try:
        return bool(connection.is_connected())
    finally:
        connection.disconnect()


def test_the_first_start_after_a_kill_9_of_activemq_works(
    private_activemq: PrivateActiveMQ,
) -> None:
    for _ in range(2):
        old = private_activemq.pid()
        os.kill(old, signal.SIGKILL)  # no wait: the process may still be dying
        output = private_activemq.start()  # must not fail "exited before port ... opened"
        assert "ready" in output
        assert private_activemq.pid() != old
        assert stomp_connects(private_activemq.stomp_port)


@pytest.mark.rabbitmq
def test_a_private_rabbitmq_runs_beside_the_shared_one_and_survives_kill_9(
    private_rabbitmq: PrivateRabbitMQ, rabbitmq: Broker
) -> None:
    assert stomp_connects(private_rabbitmq.stomp_port, "guest", "guest")
    assert stomp_connects(rabbitmq.stomp_port, "guest", "guest")  # the shared one is untouched
    old = private_rabbitmq.pid()
    os.kill(old, signal.SIGKILL)  # no wait: the process may still be dying
    assert "ready" in private_rabbitmq.start()
    assert private_rabbitmq.pid() != old
    assert stomp_connects(private_rabbitmq.stomp_port, "guest", "guest")
    assert private_rabbitmq.node in private_rabbitmq.stop()
    assert stomp_connects(rabbitmq.stomp_port, "guest", "guest")
    private_rabbitmq.start()  # for the tests that come after
