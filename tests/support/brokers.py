"""Where the rig's brokers listen (scripts/brokers), and a check that they do.

Broker tests call `require(...)`: a closed port FAILS the test with the command that
fixes it. Nothing here ever skips.
"""

from __future__ import annotations

import socket
import uuid
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Broker:
    name: str
    host: str
    stomp_port: int
    vhost: str | None = None
    login: str | None = None
    passcode: str | None = None
    ws_url: str | None = None
    management_url: str | None = None

    @property
    def stomp_url(self) -> str:
        return f"stomp://{self.host}:{self.stomp_port}"


ACTIVEMQ = Broker(
    name="activemq",
    host="127.0.0.1",
    stomp_port=61613,
    management_url="http://127.0.0.1:8161/api/jolokia",
)
RABBITMQ = Broker(
    name="rabbitmq",
    host="127.0.0.1",
    stomp_port=61623,
    vhost="/",
    login="guest",
    passcode="guest",
    ws_url="ws://127.0.0.1:15674/ws",
    management_url="http://127.0.0.1:15672",
)


def port_open(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def require(broker: Broker) -> Broker:
    """Fail (never skip) when the broker's STOMP port does not answer."""
    if not port_open(broker.host, broker.stomp_port):
        pytest.fail(
            f"{broker.name} is not running on {broker.host}:{broker.stomp_port}; "
            f"start it with: scripts/brokers start {broker.name}",
            pytrace=False,
        )
    return broker


def unique(prefix: str = "test") -> str:
    """A destination-safe name that no other test run uses."""
    return f"{prefix}.{uuid.uuid4().hex[:12]}"
