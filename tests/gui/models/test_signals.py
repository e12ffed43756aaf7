"""emit(): signals emitted from Python must not use up references to True (PySide6 6.12)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

from explorer.store import DestinationTree, LogEntry
from explorer.ui.models import DestinationTreeModel, MessageTableModel
from explorer.ui.models.signals import emit

pytestmark = pytest.mark.gui


class Emitter(QObject):
    fired = Signal(int)


def test_emit_keeps_the_reference_count_of_true_stable() -> None:
    emitter = Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(1000):
        emit(emitter.fired, i)
    assert abs(sys.getrefcount(True) - before) < 10  # without the fix: -1000 or more
    assert received == list(range(1000))


def test_model_flushes_keep_the_reference_count_of_true_stable() -> None:
    table = MessageTableModel()
    tree = DestinationTreeModel(DestinationTree(clock=lambda: 1000.0))
    for i in range(3):
        tree.record_message(f"/queue/q{i}", "in", 1.0)
    tree.flush()
    before = sys.getrefcount(True)
    for i in range(300):
        table.append(LogEntry("in", "MESSAGE", (("destination", "/queue/a"),), b"x"))
        table.flush()
        table.pause()
        table.resume()
        tree.record_message(f"/queue/q{i % 3}", "in", 1.0)
        tree.flush()  # dataChanged for the root's children
    assert abs(sys.getrefcount(True) - before) < 10  # without the fix: -1000 or more
