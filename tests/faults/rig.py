"""Private broker instances for fault tests, started through `scripts/brokers` on free ports
under a temporary BROKERS_HOME, so they can be killed, frozen and restarted without touching
the shared brokers (61613/61623/...) that every other test uses.

    broker = PrivateActiveMQ(tmp_dir)
    broker.start(); broker.kill9(); broker.start(); broker.freeze(); broker.thaw(); broker.stop()
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

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


class BrokerRigError(RuntimeError):
    """scripts/brokers failed; the message carries its output."""


class PrivateActiveMQ:
    """An ActiveMQ of our own (persistent KahaDB under `home`), driven by scripts/brokers."""

    def __init__(self, home: Path, heap: str = "256M") -> None:
        self.home = home
        self.stomp_port = free_port()
        self.openwire_port = free_port()
        self.jolokia_port = free_port()
        self.heap = heap
        self._frozen = False

    @property
    def stomp_url(self) -> str:
        return f"stomp://127.0.0.1:{self.stomp_port}"

    @property
    def base(self) -> Path:
        return self.home / "activemq"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "BROKERS_HOME": str(self.home),
            "AMQ_STOMP_PORT": str(self.stomp_port),
            "AMQ_OPENWIRE_PORT": str(self.openwire_port),
            "AMQ_JOLOKIA_PORT": str(self.jolokia_port),
            "AMQ_HEAP": self.heap,
        }

    def _rig(self, verb: str) -> str:
        result = subprocess.run(
            [str(BROKERS), verb, "activemq"],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=150,
        )
        if result.returncode != 0:
            raise BrokerRigError(
                f"scripts/brokers {verb} activemq failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
        return result.stdout

    def start(self) -> str:
        """Start (or find running) and wait until every port answers; the rig's output."""
        return self._rig("start")

    def stop(self) -> None:
        self.thaw()
        self._rig("stop")

    def pid(self) -> int:
        return int((self.base / "activemq.pid").read_text().strip())

    def kill9(self) -> None:
        """SIGKILL, like a crash: no shutdown hook, the pid file stays behind."""
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


class PrivateRabbitMQ:
    """A RabbitMQ of our own beside the shared one: its own node name, ports and data dir."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.node = f"rabbit-faults-{os.getpid()}@localhost"
        self.stomp_port = free_port()
        self.web_stomp_port = free_port()
        self.management_port = free_port()
        self.amqp_port = free_port()
        self.dist_port = free_port()

    @property
    def base(self) -> Path:
        return self.home / "rabbitmq"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "BROKERS_HOME": str(self.home),
            "RMQ_NODENAME": self.node,
            "RMQ_STOMP_PORT": str(self.stomp_port),
            "RMQ_WEB_STOMP_PORT": str(self.web_stomp_port),
            "RMQ_MGMT_PORT": str(self.management_port),
            "RMQ_AMQP_PORT": str(self.amqp_port),
            "RMQ_DIST_PORT": str(self.dist_port),
        }

    def rig(self, verb: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BROKERS), verb, "rabbitmq"],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=150,
        )

    def pid(self) -> int:
        return int((self.base / "rabbitmq.pid").read_text().strip())


def rss_bytes(pid: int) -> int:
    """Resident memory of a process (Linux), for memory-bound fault tests."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise ValueError(f"no VmRSS for pid {pid}")
