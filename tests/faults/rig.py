"""Private broker instances for fault tests, started through `scripts/brokers` on free ports
under a temporary BROKERS_HOME, so they can be killed, frozen and restarted without touching
the shared brokers (61613/61623/...) that every other test uses.

    broker = PrivateActiveMQ(tmp_dir)          # or PrivateRabbitMQ(tmp_dir): own node name
    broker.start(); broker.kill9(); broker.start(); broker.freeze(); broker.thaw(); broker.stop()
    Client(broker.stomp_url, **broker.client_options)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
BROKERS = REPO / "scripts" / "brokers"
SHARED_PORTS = frozenset({61613, 61616, 8161, 61623, 15674, 15672, 5672, 25672})


def free_port() -> int:
    """A loopback port nobody listens on now (never one of the shared brokers')."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port not in SHARED_PORTS:
            return port


def rss_bytes(pid: int) -> int:
    """Resident memory of a process (Linux), for memory-bound fault tests."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise ValueError(f"no VmRSS for pid {pid}")


class BrokerRigError(RuntimeError):
    """scripts/brokers failed; the message carries its output."""


class PrivateBroker:
    """One broker of scripts/brokers (`kind`) under its own BROKERS_HOME and ports."""

    kind = ""
    pid_file = ""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.stomp_port = free_port()
        self._frozen = False

    @property
    def stomp_url(self) -> str:
        return f"stomp://127.0.0.1:{self.stomp_port}"

    @property
    def client_options(self) -> dict[str, Any]:
        """Keyword arguments for explorer.client.Client (login, host...)."""
        return {}

    @property
    def base(self) -> Path:
        return self.home / self.kind

    def env(self) -> dict[str, str]:
        return {**os.environ, "BROKERS_HOME": str(self.home)}

    def rig(self, verb: str) -> str:
        """Run `scripts/brokers VERB KIND` for this instance; BrokerRigError when it fails."""
        result = subprocess.run(
            [str(BROKERS), verb, self.kind],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=150,
        )
        if result.returncode != 0:
            raise BrokerRigError(
                f"scripts/brokers {verb} {self.kind} failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
        return result.stdout

    def start(self) -> str:
        """Start (or find running) and wait until every port answers; the rig's output."""
        return self.rig("start")

    def stop(self) -> str:
        self.thaw()
        return self.rig("stop")

    def pid(self) -> int:
        return int((self.base / self.pid_file).read_text().strip())

    def kill9(self) -> None:
        """SIGKILL, like a crash: no shutdown, the pid file stays behind."""
        self.thaw()
        os.kill(self.pid(), signal.SIGKILL)

    def freeze(self) -> None:
        """SIGSTOP: the process and its sockets stay, nothing is read or written (a hung peer)."""
        os.kill(self.pid(), signal.SIGSTOP)
        self._frozen = True

    def thaw(self) -> None:
        if self._frozen:
            os.kill(self.pid(), signal.SIGCONT)
            self._frozen = False

    def wait_closed(self, timeout: float = 30.0) -> None:
        """Until the STOMP port refuses connections (the broker is really down)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.stomp_port), timeout=1):
                    pass
            except OSError:
                return
            time.sleep(0.1)
        raise BrokerRigError(f"port {self.stomp_port} still accepts after {timeout} s")


class PrivateActiveMQ(PrivateBroker):
    """An ActiveMQ of our own (persistent KahaDB under `home`)."""

    kind = "activemq"
    pid_file = "activemq.pid"

    def __init__(self, home: Path, heap: str = "256M") -> None:
        super().__init__(home)
        self.openwire_port = free_port()
        self.jolokia_port = free_port()
        self.heap = heap

    def env(self) -> dict[str, str]:
        return {
            **super().env(),
            "AMQ_STOMP_PORT": str(self.stomp_port),
            "AMQ_OPENWIRE_PORT": str(self.openwire_port),
            "AMQ_JOLOKIA_PORT": str(self.jolokia_port),
            "AMQ_HEAP": self.heap,
        }


class PrivateRabbitMQ(PrivateBroker):
    """A RabbitMQ of our own beside the shared one: its own node name, ports and data dir."""

    kind = "rabbitmq"
    pid_file = "rabbitmq.pid"

    def __init__(self, home: Path) -> None:
        super().__init__(home)
        self.node = f"rabbit-faults-{os.getpid()}-{self.stomp_port}@localhost"
        self.web_stomp_port = free_port()
        self.management_port = free_port()
        self.amqp_port = free_port()
        self.dist_port = free_port()

    @property
    def client_options(self) -> dict[str, Any]:
        return {"login": "guest", "passcode": "guest", "host": "/"}

    def env(self) -> dict[str, str]:
        return {
            **super().env(),
            "RMQ_NODENAME": self.node,
            "RMQ_STOMP_PORT": str(self.stomp_port),
            "RMQ_WEB_STOMP_PORT": str(self.web_stomp_port),
            "RMQ_MGMT_PORT": str(self.management_port),
            "RMQ_AMQP_PORT": str(self.amqp_port),
            "RMQ_DIST_PORT": str(self.dist_port),
        }
