"""Every profiles test runs with an in-memory keyring (never the user's real one)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.keyrings import MemoryKeyring, use_keyring


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    yield from use_keyring(backend)
