"""scripts/brokers can run the private instances fault tests need (issue 16, defect 8): the
first `start` after a kill -9 starts a new broker (the dying process and its stale pid file
are recognised), and a second RabbitMQ with its own node name runs beside the shared one."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture
def private_rabbitmq(tmp_path: Path) -> Iterator[PrivateRabbitMQ]:
    broker = PrivateRabbitMQ(tmp_path)
    try:
        yield broker
    finally:
        broker.rig("stop")


@pytest.mark.rabbitmq
def test_a_private_rabbitmq_runs_beside_the_shared_one_and_survives_kill_9(
    private_rabbitmq: PrivateRabbitMQ, rabbitmq: Broker
) -> None:
    started = private_rabbitmq.rig("start")
    assert started.returncode == 0, started.stdout + started.stderr
    assert stomp_connects(private_rabbitmq.stomp_port, "guest", "guest")
    assert stomp_connects(rabbitmq.stomp_port, "guest", "guest")  # the shared one is untouched
    os.kill(private_rabbitmq.pid(), signal.SIGKILL)
    again = private_rabbitmq.rig("start")
    assert again.returncode == 0, again.stdout + again.stderr
    assert stomp_connects(private_rabbitmq.stomp_port, "guest", "guest")
    stopped = private_rabbitmq.rig("stop")
    assert stopped.returncode == 0 and private_rabbitmq.node in stopped.stdout
    assert stomp_connects(rabbitmq.stomp_port, "guest", "guest")
