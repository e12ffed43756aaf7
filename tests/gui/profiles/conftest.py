"""Profile GUI tests run with an in-memory keyring (never the user's real one)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from tests.support.keyrings import MemoryKeyring, use_keyring
from tests.support.qasync_loop import close_qasync_loop, open_qasync_loop


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    yield from use_keyring(backend)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop running inside Qt's, as the app runs it (qasync)."""
    loop = open_qasync_loop(qapp)
    try:
        yield loop
    finally:
        close_qasync_loop(loop)
