"""Suite-wide fixtures: isolated config dirs, the real brokers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt runs offscreen in tests unless the caller chose a platform (e.g. xcb under Xvfb).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support.brokers import ACTIVEMQ, RABBITMQ, Broker, require
from tests.support.keyrings import MemoryKeyring, use_keyring


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
