"""Filters apply a moment after the last keystroke, not on every key.

Filtering a 100,000-row log or a large destination tree costs tens of milliseconds; done per
key it makes typing stutter. A single-shot timer restarted by each edit runs the filter once
per pause in typing. Enter in the filter box applies it at once (`flush`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FILTER_DELAY_MS = 150


def debouncer(parent: QObject, slot: Callable[[], None], delay_ms: int = FILTER_DELAY_MS) -> QTimer:
    """A single-shot timer that runs `slot` `delay_ms` after its last `start()`."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(slot)
    return timer


def flush(timer: QTimer, slot: Callable[[], None]) -> None:
    """Run a pending `slot` now instead of when `timer` fires (Enter, tests)."""
    if timer.isActive():
        timer.stop()
        slot()
