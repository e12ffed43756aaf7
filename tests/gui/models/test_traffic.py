"""The traffic model: batched publishing, the row cap, passcode redaction."""

from __future__ import annotations

import time

import pytest

from explorer.ui.models.traffic import TrafficModel, redact

pytestmark = pytest.mark.gui

CONNECT = b"CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:s3cret\n\n\x00"


def test_redact_hides_the_passcode_only_in_connect_frames() -> None:
    assert redact(CONNECT) == CONNECT.replace(b"s3cret", b"***")
    body = b"SEND\ndestination:/q\n\npasscode:visible\x00"
    assert redact(body) == body


def test_cap_evicts_oldest_rows() -> None:
    model = TrafficModel(max_rows=10)
    for i in range(25):
        model.record(time.monotonic(), True, f"SEND\nn:{i}\n\n\x00".encode(), False)
        if i == 7:
            model.flush()
    model.flush()
    assert model.rowCount() == 10
    assert model.evicted == 15
    assert "n:24" in model.index(9, TrafficModel.WIRE).data()
