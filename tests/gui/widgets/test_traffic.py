"""The traffic inspector: batched rows shown with visible control bytes, passcodes hidden."""

from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot

from explorer.ui.models import TrafficModel
from explorer.ui.traffic import TrafficView

pytestmark = pytest.mark.gui

CONNECT = b"CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:s3cret\n\n\x00"


def test_records_are_published_in_one_batch_and_redacted(qtbot: QtBot) -> None:
    model = TrafficModel(max_rows=100)
    view = TrafficView(model)
    qtbot.addWidget(view)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    now = time.monotonic()
    model.record(now, True, CONNECT, False)
    model.record(now, False, b"\n", True)
    model.record(now, False, b"MESSAGE\ndestination:/q\n\n\xec\x95\x88\xeb\x85\x95\x00\n", False)
    assert model.rowCount() == 0  # nothing until the flush
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert inserted == [(0, 2)]
    wire = model.index(0, 4).data()
    assert "passcode:***" in wire and "s3cret" not in wire
    assert wire.endswith("␀")
    assert model.index(0, 1).data() == "→" and model.index(1, 2).data() == "♥"
    assert model.index(2, 4).data() == "MESSAGE↵destination:/q↵↵안녕␀↵"
    view.table.selectRow(0)
    assert "s3cret" not in view.detail.toPlainText()
