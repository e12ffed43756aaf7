"""The traffic inspector: batched publishing, visible control bytes, passcode redaction."""

from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot

from explorer.ui.traffic import TrafficModel, TrafficView, redact

pytestmark = pytest.mark.gui

CONNECT = b"CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:s3cret\n\n\x00"


def test_redact_hides_the_passcode_only_in_connect_frames() -> None:
    assert redact(CONNECT) == CONNECT.replace(b"s3cret", b"***")
    body = b"SEND\ndestination:/q\n\npasscode:visible\x00"
    assert redact(body) == body


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


def test_cap_evicts_oldest_rows(qtbot: QtBot) -> None:
    model = TrafficModel(max_rows=10)
    for i in range(25):
        model.record(time.monotonic(), True, f"SEND\nn:{i}\n\n\x00".encode(), False)
        if i == 7:
            model.flush()
    model.flush()
    assert model.rowCount() == 10
    assert model.evicted == 15
    assert "n:24" in model.index(9, 4).data()
