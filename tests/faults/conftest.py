"""The fault-injection suite (issue 16): every test here is marked `faults`, runs against
private broker instances or the sandbox it starts itself, and is bounded in time.

Figures a fault test measures (duplicates after a crash, time to detect a dead peer, time to
restore a subscription) are reported at the end of the run, never asserted as speed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.rig import PrivateActiveMQ, PrivateRabbitMQ

FIGURES = pytest.StashKey[list[str]]()
FAULTS_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if FAULTS_DIR in item.path.parents:
            item.add_marker(pytest.mark.faults)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = terminalreporter.config.stash.get(FIGURES, [])
    if lines:
        terminalreporter.section("fault-injection figures")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture
def report(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Lines a test appends here are printed in the run's summary (and kept on the test)."""
    lines: list[str] = []
    yield lines
    request.config.stash.setdefault(FIGURES, []).extend(
        f"{request.node.name}: {line}" for line in lines
    )
    for line in lines:
        request.node.user_properties.append(("figure", line))


@pytest.fixture(scope="session")
def private_activemq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateActiveMQ]:
    """An ActiveMQ of the suite's own on free ports, to restart, kill -9 and freeze."""
    broker = PrivateActiveMQ(tmp_path_factory.mktemp("private-brokers"))
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()


@pytest.fixture(scope="session")
def private_rabbitmq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateRabbitMQ]:
    """A RabbitMQ of the suite's own (own node name) beside the shared one."""
    broker = PrivateRabbitMQ(tmp_path_factory.mktemp("private-rabbitmq"))
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()
