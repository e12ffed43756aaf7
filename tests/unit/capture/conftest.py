"""Helpers for capture tests: a capture built from messages, in a test's folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from explorer.capture import CaptureAppender
from explorer.capture.appender import Pending, append_all


def message(
    body: bytes | str = b"",
    headers: Sequence[tuple[str, str]] = (),
    *,
    received: float = 1700000000.25,
    direction: str = "in",
    command: str = "MESSAGE",
    connection: str = "",
    destination: str | None = None,
    subscription: str | None = None,
) -> Pending:
    data = body.encode() if isinstance(body, str) else body
    return (received, direction, connection, command, headers, data, subscription, destination)


def make_capture(path: Path, items: Sequence[Pending], *, index: bool = True) -> Path:
    appender = CaptureAppender(path)
    try:
        append_all(appender, items)
        if index:
            appender.index_all()
    finally:
        appender.close()
    return path
