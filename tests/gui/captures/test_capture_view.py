"""A capture tab: search (expressions compiled to SQL, raw SQL), the tree narrowing it, errors
that point at the character, cancelling, and the same answers as the live log's filter."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex

from explorer.capture import Capture, CaptureNotFound, CaptureTooNew, NotACapture
from explorer.capture.exchange import import_file
from explorer.search import compile_predicate, parse
from explorer.store import MessageFilter
from explorer.ui.capture_view import CaptureView
from explorer.ui.models import MessageTableModel
from explorer.ui.models.capture_tree import PathRole
from tests.gui.window.conftest import until

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


@pytest.fixture
def view(small_capture: Path, run: Run) -> Iterator[CaptureView]:
    tab = CaptureView.open(small_capture)
    tab.resize(1000, 600)
    tab.show()
    yield tab
    run(tab.shutdown())
    tab.close()
    tab.deleteLater()


def shown_seqs(view: CaptureView) -> list[int]:
    return [view.model.seq_at(row) for row in range(view.model.rowCount())]


def brute_force(path: Path, expression: str) -> list[int]:
    matches = compile_predicate(parse(expression))
    with Capture(path) as capture:
        return [record.seq for record in capture.iter_records() if matches(record)]


async def search(view: CaptureView, text: str) -> None:
    """Type `text` and press Enter; wait for the search's answer (or the error it shows)."""
    view.field.setText(text)
    view.flush_search()
    if view.field.property("valid") == "false":
        return  # an expression that does not parse is said at once
    await settled(view)


async def settled(view: CaptureView) -> None:
    """Wait until the newest search started has answered."""
    started = view.search.generation
    await until(lambda: view.search.answered == started, what="the search's answer")


EXPRESSIONS = (
    "$.user.id == 1010",
    "priority > 7 and destination=/topic/prices.>",
    "주문 and not direction=out",
    '/"n": 1\\d\\b/',
    "has content-type and size >= 50",
    "command=connect or $.n < 3",
)


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_a_search_finds_what_a_brute_force_filter_finds(
    view: CaptureView, small_capture: Path, run: Run, expression: str
) -> None:
    run(search(view, expression))
    expected = brute_force(small_capture, expression)
    assert expected  # every expression matches something
    assert shown_seqs(view) == expected
    assert not view.error.isVisible()
    assert f"{len(expected):,} of 501" in view.result.text()


def test_the_same_expression_filters_the_live_log_alike(
    view: CaptureView, small_capture: Path, run: Run
) -> None:
    live = MessageTableModel()
    with Capture(small_capture) as capture:
        for record in capture.iter_records():
            live.append(record.to_log_entry())
    live.flush()
    for expression in EXPRESSIONS:
        assert live.try_filter(MessageFilter(expression=expression)) is None
        live.finish_filter()
        run(search(view, expression))
        bodies = [live.entry_at(row).body for row in range(live.rowCount())]
        assert [view.model.entry_at(r).body for r in range(view.model.rowCount())] == bodies  # type: ignore[union-attr]


def test_an_expression_that_does_not_parse_points_at_the_character(
    view: CaptureView, run: Run
) -> None:
    run(search(view, "priority > 7 and (size > 3"))
    assert view.error.isVisible()
    assert view.error.text().startswith("At character 18:")
    assert "Missing ')'" in view.error.text()
    assert view.field.property("valid") == "false"
    assert view.field.selectionStart() == 17 and view.field.selectedText() == "("
    assert not view.model.is_search_result  # the rows shown before stay
    run(search(view, "direction = sideways"))
    assert view.error.text() == "At character 13: direction is 'in' (received) or 'out' (sent)."
    assert view.field.selectedText() == "s"
    run(search(view, "$.user.id = 1010"))
    assert not view.error.isVisible() and view.field.property("valid") == "true"


def test_raw_sql_for_experts_reads_only(view: CaptureView, small_capture: Path, run: Run) -> None:
    view.mode.setCurrentIndex(view.mode.findData("sql"))
    run(search(view, "body_size > 48 AND headers ->> '$.priority' = '3'"))
    with sqlite3.connect(small_capture) as conn:
        expected = [
            seq
            for (seq,) in conn.execute(
                "SELECT seq FROM messages WHERE body_size > 48 "
                "AND headers ->> '$.priority' = '3' ORDER BY seq"
            )
        ]
    assert expected and shown_seqs(view) == expected
    run(search(view, "no_such_column > 1"))
    assert view.error.isVisible()
    assert view.error.text().startswith("The SQL condition cannot be used")
    assert "no_such_column" in view.error.text()
    run(search(view, "1) ; DELETE FROM messages WHERE (1"))
    assert view.error.isVisible()
    with Capture(small_capture) as capture:
        assert capture.count() == 501


def select_node(view: CaptureView, path: str) -> None:
    model = view.tree.model()

    def find(parent: QModelIndex) -> QModelIndex | None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(PathRole) == path:
                return index
            found = find(index)
            if found is not None:
                return found
        return None

    index = find(QModelIndex())
    assert index is not None, path
    view.tree.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_the_tree_narrows_the_log_to_a_destination_or_folder(
    view: CaptureView, small_capture: Path, run: Run
) -> None:
    select_node(view, "/queue/orders")
    run(settled(view))
    assert shown_seqs(view) == brute_force(small_capture, 'destination = "/queue/orders"')
    select_node(view, "/topic/prices")  # a folder: both of its destinations
    run(settled(view))
    assert view.model.rowCount() == 250
    run(search(view, "priority = 1"))
    assert shown_seqs(view) == brute_force(
        small_capture, "destination=/topic/prices.* and priority = 1"
    )
    view.mode.setCurrentIndex(view.mode.findData("sql"))  # SQL is narrowed by the tree too
    run(search(view, "body_json AND json_extract(body, '$.n') < 100"))
    assert not view.error.isVisible(), view.error.text()
    assert shown_seqs(view) == brute_force(
        small_capture, "destination=/topic/prices.* and $.n < 100"
    )


def test_messages_only_leaves_out_the_control_frames(view: CaptureView, run: Run) -> None:
    assert view.model.entry_at(0).command == "CONNECT"  # type: ignore[union-attr]
    view.frames.setCurrentIndex(1)
    run(settled(view))
    assert view.model.rowCount() == 500
    view.frames.setCurrentIndex(0)
    assert view.model.rowCount() == 501 and not view.model.is_search_result


def test_a_long_search_can_be_stopped(big_capture: Path, run: Run) -> None:
    view = CaptureView.open(big_capture)
    try:
        view.resize(1200, 700)
        view.show()
        view.log.viewport().grab()  # paints the first rows: reads their page, nothing more
        assert view.model.rowCount() == 200_001
        assert 0 < view.model.fetched_rows <= 2 * view.model.page_size
        view.field.setText("/(a|b|c|주)+x{3,}/")  # a regex: Python row by row, seconds
        view.flush_search()
        run(until(lambda: view.search.running, what="the search to start"))
        view.cancel_button.click()
        assert view.result.text() == "search stopped"
        run(until(lambda: not view.search.running, timeout=5, what="the interrupted search"))
        assert not view.model.is_search_result and view.model.rowCount() == 200_001
    finally:
        run(view.shutdown())
        view.deleteLater()


def test_selecting_a_row_gives_the_whole_message(view: CaptureView) -> None:
    seen: list[object] = []
    view.message_selected.connect(seen.append)
    view.log.selectRow(5)
    assert len(seen) == 1
    entry = seen[0]
    assert entry is not None and entry.seq == 6  # type: ignore[attr-defined]
    assert entry.body.startswith(b'{"n": 4')  # type: ignore[attr-defined]


def test_bad_files_raise_typed_errors_and_stay_untouched(
    tmp_path: Path, small_capture: Path
) -> None:
    text = tmp_path / "notes.stompcap"
    text.write_text("not a database at all, just some words in a file\n" * 5)
    before = text.read_bytes()
    with pytest.raises(NotACapture):
        CaptureView.open(text)
    assert text.read_bytes() == before
    with pytest.raises(CaptureNotFound):
        CaptureView.open(tmp_path / "missing.stompcap")
    newer = tmp_path / "newer.stompcap"
    shutil.copy(small_capture, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(CaptureTooNew):
        CaptureView.open(newer)


def test_the_messages_shown_export_and_import_back(
    view: CaptureView, small_capture: Path, run: Run, tmp_path: Path
) -> None:
    run(search(view, "priority > 7"))
    shown = shown_seqs(view)
    for name in ("found.jsonl", "found.csv"):
        target = tmp_path / name
        assert run(view.export_shown(target)) == len(shown) == 100
        assert view.banner.isVisible() and "100 messages exported" in view.banner.text()
        imported = tmp_path / f"{name}.stompcap"
        assert import_file(target, imported) == 100
        with Capture(imported) as back, Capture(small_capture) as original:
            assert [r.body for r in back.iter_records()] == [
                r.body for r in original.records(shown)
            ]
            assert [r.headers for r in back.iter_records()] == [
                r.headers for r in original.records(shown)
            ]
    assert (tmp_path / "found.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # for spreadsheets
    view.field.setText("")
    view.flush_search()
    assert run(view.export_shown(tmp_path / "all.jsonl")) == 501
    assert run(view.export_shown(tmp_path / "missing" / "x.jsonl")) == 0
    assert "cannot be written" in view.banner.text()
