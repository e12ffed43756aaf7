"""The traffic inspector: batched rows shown with visible control bytes, passcodes hidden,
and frames that broke the specification marked in place."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from explorer.client import WireRecord
from explorer.stomp import HEARTBEAT, Direction, Frame, FrameParser, Strictness
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
    wire = model.index(0, TrafficModel.WIRE).data()
    assert "passcode:***" in wire and "s3cret" not in wire
    assert wire.endswith("␀")
    assert model.index(0, 1).data() == "→" and model.index(1, 2).data() == "♥"
    assert model.index(2, TrafficModel.WIRE).data() == "MESSAGE↵destination:/q↵↵안녕␀↵"
    view.table.selectRow(0)
    assert "s3cret" not in view.detail.toPlainText()


def wire_records(data: bytes) -> list[WireRecord]:
    """What the client's wire tap records for `data` read by a lenient parser."""
    parser = FrameParser(strictness=Strictness.LENIENT, keep_raw=True)
    now = time.monotonic()
    records = []
    for item in parser.feed(data):
        if item is HEARTBEAT:
            records.append(WireRecord(now, Direction.IN, b"\n"))
        elif isinstance(item, Frame):
            records.append(WireRecord(now, Direction.IN, item.raw or b"", item))
    return records


def test_a_frame_that_broke_the_specification_is_a_marked_row(qtbot: QtBot) -> None:
    model = TrafficModel(max_rows=100)
    view = TrafficView(model)
    qtbot.addWidget(view)
    healthy = b"CONNECTED\nversion:1.2\n\n\x00"
    with_body = b"RECEIPT\nreceipt-id:7\n\nunexpected\x00"
    model.add_records(wire_records(healthy))
    model.flush()
    # Healthy traffic keeps the width for the bytes: no Problem column yet.
    assert view.table.isColumnHidden(TrafficModel.PROBLEM)
    model.add_records(wire_records(healthy + with_body)[1:])
    model.flush()
    assert model.rowCount() == 2
    assert not view.table.isColumnHidden(TrafficModel.PROBLEM)
    assert model.index(0, TrafficModel.PROBLEM).data() == ""
    assert model.index(0, TrafficModel.FRAME).data(Qt.ItemDataRole.DecorationRole) is None
    # The rule and the byte offset where the frame begins, in the row itself.
    assert model.index(1, TrafficModel.PROBLEM).data() == f"body-not-allowed @ {len(healthy)}"
    assert model.index(1, TrafficModel.FRAME).data() == "RECEIPT"
    assert model.index(1, TrafficModel.FRAME).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    tip = model.index(1, TrafficModel.WIRE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("A body on a frame that may not carry one")
    assert model.problems == 1
    assert "1 with problems" in view.count.text()
    # Selected, the record lists its problems above its bytes.
    view.table.selectRow(1)
    assert view.detail.toPlainText().startswith("⚠ A body on a frame that may not carry one")
    # "Problems only" hides the healthy rows.
    view.problems_only.setChecked(True)
    assert view.table.isRowHidden(0) and not view.table.isRowHidden(1)
    view.problems_only.setChecked(False)
    assert not view.table.isRowHidden(0)
    model.clear()
    assert model.problems == 0
    assert view.table.isColumnHidden(TrafficModel.PROBLEM)
