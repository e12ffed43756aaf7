"""The capture log's model: pages read from disk on demand, never the whole file."""

from __future__ import annotations

import array
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from explorer.capture import Capture, CaptureAppender, CaptureCaps, CaptureWriter
from explorer.store import LogEntry
from explorer.ui.models.capture_table import PREVIEW_BYTES, CaptureTableModel, when_text
from explorer.ui.models.capture_tree import DestinationsRole, capture_tree
from explorer.ui.models.message_table import size_text
from tests.gui.captures.conftest import BIG, DESTINATIONS, write_capture

pytestmark = pytest.mark.gui

Model = CaptureTableModel


def text(model: Model, row: int, column: int) -> str:
    return str(model.data(model.index(row, column)))


def test_a_big_capture_opens_with_every_row_and_reads_only_the_pages_shown(
    big_capture: Path,
) -> None:
    with Capture(big_capture) as capture:
        model = Model(capture, page_size=100, max_pages=4)
        assert model.rowCount() == BIG + 1 == model.total  # the CONNECT and the messages
        assert model.fetched_rows == 0
        assert text(model, 0, Model.DIRECTION) == "CONNECT"
        assert text(model, 1, Model.DESTINATION) == DESTINATIONS[0]
        assert model.fetched_rows == 100  # one page for both rows
        last = model.rowCount() - 1
        assert text(model, last, Model.SEQ) == f"{BIG + 1:,}"
        entry = model.data(model.index(150_001, 0), Model.EntryRole)
        assert isinstance(entry, LogEntry)
        assert json.loads(entry.body)["n"] == 150_000
        assert entry.seq == 150_002
        assert model.fetched_rows == 100 + 1 + 100  # the last page holds one row
        # Scrolling through many pages keeps at most max_pages in memory.
        for row in range(0, 5000, 50):
            model.data(model.index(row, Model.PREVIEW))
        assert model.cached_rows <= 400
        assert model.fetched_rows < 6000


def test_rows_read_like_the_live_log(small_capture: Path) -> None:
    with Capture(small_capture) as capture:
        model = Model(capture)
        row = 3  # message n=2
        assert text(model, row, Model.SIZE).endswith(" B")
        assert text(model, row, Model.CONTENT_TYPE) == "application/json"
        assert '"n": 2' in text(model, row, Model.PREVIEW)
        assert text(model, row, Model.DIRECTION) == ""  # a MESSAGE: the arrow says it all
        assert not model.with_date  # within one day: the time alone, as in the live log
        assert text(model, row, Model.TIME) == when_text(1_700_000_000.02, with_date=False)
        assert model.data(model.index(row, Model.DIRECTION), Qt.ItemDataRole.DecorationRole)
        assert model.data(model.index(0, Model.DIRECTION), Qt.ItemDataRole.ToolTipRole) == "Sent"
        tooltip = str(model.data(model.index(row, Model.PREVIEW), Qt.ItemDataRole.ToolTipRole))
        assert tooltip.startswith("#4 MESSAGE /topic/prices.us")
        assert "priority:2" in tooltip
        # The CONNECT's passcode was never written.
        connect = model.entry_at(0)
        assert connect is not None and connect.command == "CONNECT"
        assert dict(connect.headers)["passcode"] == "***"


def test_a_capture_over_several_days_shows_the_date(tmp_path: Path) -> None:
    path = tmp_path / "days.stompcap"
    with CaptureWriter(path) as writer:
        writer.record("in", "MESSAGE", (("destination", "/queue/a"),), b"1", received=1e9)
        writer.record("in", "MESSAGE", (("destination", "/queue/a"),), b"2", received=1e9 + 86400)
    with Capture(path) as capture:
        model = Model(capture)
        assert model.with_date
        assert text(model, 1, Model.TIME) == when_text(1e9 + 86400)
        assert len(text(model, 1, Model.TIME)) == len("2001-09-10 01:46:40.000")


def test_a_search_result_shows_only_its_rows(small_capture: Path) -> None:
    with Capture(small_capture) as capture:
        model = Model(capture, page_size=16)
        seqs = capture.search("priority > 7")
        model.show_seqs(seqs)
        assert model.is_search_result
        assert model.rowCount() == len(seqs) == 100
        shown = [model.data(model.index(r, 0), Model.EntryRole) for r in range(model.rowCount())]
        assert all(isinstance(e, LogEntry) and int(e.header("priority") or 0) > 7 for e in shown)
        assert model.row_of_seq(seqs[37]) == 37
        assert model.row_of_seq(seqs[37] + 1) is None
        model.show_all()
        assert model.rowCount() == 501
        assert model.row_of_seq(seqs[37]) == seqs[37] - 1


def test_messages_evicted_after_opening_read_as_evicted(tmp_path: Path) -> None:
    path = write_capture(tmp_path / "c.stompcap", 300)
    with Capture(path) as capture:
        model = Model(capture, page_size=50)
        appender = CaptureAppender(path, caps=CaptureCaps(max_age=1.0))
        try:
            appender.enforce_caps()  # every generated message is from 2023: all go
        finally:
            appender.close()
        assert text(model, 10, Model.DESTINATION) == "(evicted)"
        assert model.data(model.index(10, 0), Model.EntryRole) is None
        assert model.entry_at(10) is None
        model.reload()
        assert model.rowCount() == 0
        empty = array.array("q")
        model.show_seqs(empty)
        assert model.rowCount() == 0


def test_the_tree_adds_up_the_recorders_counts(small_capture: Path) -> None:
    with Capture(small_capture) as capture:
        tree = capture_tree(capture.destinations())
    top = {tree.item(r, 0).text(): tree.item(r, 1).text() for r in range(tree.rowCount())}
    assert top == {"queue": "250", "topic": "250"}  # the CONNECT has no destination
    topic = tree.item(1, 0)
    prices = topic.child(0, 0)
    assert prices.text() == "prices"
    assert sorted(prices.data(DestinationsRole)) == ["/topic/prices.eu", "/topic/prices.us"]
    assert topic.child(0, 1).text() == "250"


def test_large_bodies_are_read_whole_only_for_the_selected_row(tmp_path: Path) -> None:
    path = tmp_path / "big-bodies.stompcap"
    korean = ('{"data": "' + "주" * 1_000_000 + '"}').encode()  # 3 MB of UTF-8 text
    binary = bytes(range(256)) * 8192  # 2 MiB, not text
    with CaptureWriter(path, text_index=False) as writer:
        for n in range(40):
            body = korean if n % 2 else binary
            writer.record("in", "MESSAGE", (("destination", "/queue/files"),), body)
    with Capture(path) as capture:
        model = Model(capture, page_size=20)
        assert text(model, 1, Model.SIZE) == size_text(len(korean)) == "2.9 MiB"
        assert text(model, 0, Model.SIZE) == "2.0 MiB"
        preview = model.data(model.index(1, 0), Model.EntryRole)
        assert isinstance(preview, LogEntry) and len(preview.body) <= 4 * PREVIEW_BYTES
        assert text(model, 1, Model.PREVIEW).startswith('{"data": "주주')
        whole = model.entry_at(1)
        assert whole is not None and whole.body == korean
        assert model.entry_at(0).body == binary  # type: ignore[union-attr]
        cut = capture.page(limit=2, body_limit=10)
        assert [r.size for r in cut] == [len(binary), len(korean)]
        assert cut[0].is_cut and cut[0].body == binary[:10]
        assert cut[1].body.decode() == '{"data": "'  # ten characters of a TEXT body
        assert not capture.page(limit=1)[0].is_cut
