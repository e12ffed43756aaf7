"""Fixtures for the capture tabs: the window fixtures (a qasync loop per test, `make_window`,
`run`) and captures made quickly with the writer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer.capture import CaptureWriter
from tests.gui.window.conftest import loop, make_window, memory_keyring, run

__all__ = ["loop", "make_window", "memory_keyring", "run"]

BIG = 200_000
DESTINATIONS = ("/queue/orders", "/topic/prices.eu", "/topic/prices.us", "/queue/DLQ.orders")


def message(n: int) -> tuple[tuple[tuple[str, str], ...], bytes]:
    """Headers and body of the n-th generated message (JSON, with a user id and priority)."""
    destination = DESTINATIONS[n % len(DESTINATIONS)]
    headers = (
        ("destination", destination),
        ("message-id", f"ID:gen-{n}"),
        ("priority", str(n % 10)),
        ("content-type", "application/json"),
    )
    body = json.dumps(
        {"n": n, "user": {"id": 1000 + n % 50}, "note": "주문" if n % 7 else "x"},
        ensure_ascii=False,
    )
    return headers, body.encode()


def write_capture(path: Path, count: int) -> Path:
    """A capture of `count` MESSAGE frames (and a CONNECT first), written with the writer."""
    with CaptureWriter(path, connection="gen", text_index=False, queue_limit=count + 10) as writer:
        connect = (("accept-version", "1.2"), ("passcode", "secret"))
        writer.record("out", "CONNECT", connect, received=1_700_000_000 - 1)
        for n in range(count):
            headers, body = message(n)
            assert writer.record("in", "MESSAGE", headers, body, received=1_700_000_000 + n / 100)
    return path


@pytest.fixture(scope="session")
def big_capture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """200,000 messages, made once for the session (read-only use only)."""
    yield write_capture(tmp_path_factory.mktemp("big") / "big.stompcap", BIG)


@pytest.fixture
def small_capture(tmp_path: Path) -> Path:
    return write_capture(tmp_path / "small.stompcap", 500)
