"""Suite-wide fixtures: isolated config dirs, the real brokers; garbage collected on the main
thread only (tests/support/gc_policy.py says why)."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

# Qt runs offscreen in tests unless the caller chose a platform (e.g. xcb under Xvfb).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support import gc_policy
from tests.support.brokers import ACTIVEMQ, RABBITMQ, Broker, require
from tests.support.keyrings import MemoryKeyring, use_keyring


def pytest_configure(config: pytest.Config) -> None:
    gc_policy.start()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    gc_policy.after_teardown(item)  # runs before pytest's own trylast unraisable check


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    result = yield  # pytest has dropped the test's fixture values: what they held is garbage
    gc_policy.after_test(item)
    return result


@pytest.fixture(autouse=True)
def isolated_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test gets its own config dir, so no test reads or writes the user's profiles."""
    path = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("STOMP_EXPLORER_CONFIG_DIR", str(path))
    yield path


@pytest.fixture(autouse=True)
def no_real_keyring() -> Iterator[MemoryKeyring]:
    """No test ever reads or writes the developer's real keyring."""
    yield from use_keyring(MemoryKeyring())


@pytest.fixture
def activemq() -> Broker:
    return require(ACTIVEMQ)


@pytest.fixture
def rabbitmq() -> Broker:
    return require(RABBITMQ)
