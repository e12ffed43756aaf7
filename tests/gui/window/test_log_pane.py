"""The log pane (issue 12): following the newest row, "Jump to newest (N new)", filter errors
said in words, direction and search filters, "Export all" vs "Export filtered (N)", CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSlider,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
)

from explorer.profiles.model import Profile
from explorer.profiles.resolve import settings_from
from explorer.store import LogEntry
from explorer.ui.connection_view import ConnectionView
from explorer.ui.log_export import export_format
from explorer.ui.log_pane import LogPane
from explorer.ui.main_window import MainWindow
from explorer.ui.models import MessageTableModel
from explorer.ui.session import SessionController
from tests.gui.window.conftest import child, until

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


@pytest.fixture
def view(loop: object) -> Iterator[ConnectionView]:
    settings = settings_from(Profile(name="offline", url="stomp://127.0.0.1:9"), {})
    tab = ConnectionView(SessionController(settings))
    tab.resize(900, 500)
    tab.show()
    yield tab
    tab.close()
    tab.session.deleteLater()
    tab.deleteLater()


def feed(model: MessageTableModel, count: int, start: int = 0, direction: str = "in") -> None:
    for n in range(start, start + count):
        command = "MESSAGE" if direction == "in" else "SEND"
        destination = f"/queue/app.{n % 3}"
        body = json.dumps({"n": n, "name": "주문"}).encode()
        model.append(LogEntry(direction, command, (("destination", destination),), body))
    model.flush()


def pane_of(view: ConnectionView) -> LogPane:
    return view.log_pane


def test_selecting_a_row_stops_following_and_jump_resumes(view: ConnectionView) -> None:
    pane, model = pane_of(view), view.session.messages
    feed(model, 200)
    bar = pane.log.verticalScrollBar()
    assert pane.following and bar.value() == bar.maximum()
    pane.log.selectRow(150)
    assert not pane.following
    top_before = pane.log.rowAt(0)
    feed(model, 50, start=200)
    # The selected row stays in view: nothing scrolled.
    assert pane.log.rowAt(0) == top_before
    assert pane.log.selectionModel().isRowSelected(150)
    jump = pane.jump_button
    assert jump.isVisible() and jump.objectName() == "jumpToNewest"
    assert "50 new" in jump.text()
    jump.click()
    assert pane.following and not jump.isVisible()
    feed(model, 10, start=250)
    assert bar.value() == bar.maximum()


def test_scrolling_up_stops_following_and_scrolling_down_resumes(view: ConnectionView) -> None:
    pane, model = pane_of(view), view.session.messages
    feed(model, 300)
    bar = pane.log.verticalScrollBar()
    bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
    assert not pane.following
    value = bar.value()
    feed(model, 20, start=300)
    assert bar.value() == value and "20 new" in pane.jump_button.text()
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)
    assert pane.following


def test_evictions_keep_the_rows_in_view_and_the_selected_message(view: ConnectionView) -> None:
    session = view.session
    session.messages.set_limits(100, 10**9)
    pane, model = pane_of(view), session.messages
    shown: list[object] = []
    pane.message_selected.connect(shown.append)
    feed(model, 100)
    pane.log.selectRow(60)
    selected = model.entry_at(60)
    top_seq = model.entry_at(pane.log.rowAt(0)).seq
    feed(model, 30, start=100)  # evicts 30 rows from the top
    assert model.entry_at(pane.log.rowAt(0)).seq == top_seq
    feed(model, 60, start=130)  # the selected row is evicted now
    assert shown[-1] == selected  # the message pane was not cleared


def test_an_invalid_regex_marks_the_field_and_says_why(view: ConnectionView) -> None:
    pane = pane_of(view)
    feed(view.session.messages, 5)
    child(view, QComboBox, "logFilterKind").setCurrentIndex(1)  # Regex
    box = child(view, QLineEdit, "logFilter")
    box.setText("order-(\\d+")
    pane.flush_filter()
    error = child(view, QLabel, "logFilterError")
    assert box.property("valid") == "false"
    assert error.isVisible()
    assert "character 7" in error.text() and '"(" is not closed' in error.text()
    box.setText("order-(\\d+)")
    pane.flush_filter()
    assert box.property("valid") == "true" and not error.isVisible()


def test_direction_and_json_field_filters(view: ConnectionView) -> None:
    pane, model = pane_of(view), view.session.messages
    feed(model, 6)
    feed(model, 4, start=6, direction="out")
    child(view, QComboBox, "logDirection").setCurrentIndex(2)  # Sent
    assert model.rowCount() == 4
    child(view, QComboBox, "logFilterKind").setCurrentIndex(4)  # Search
    child(view, QLineEdit, "logFilter").setText("$.n >= 8")
    pane.flush_filter()
    model.finish_filter()
    assert [json.loads(model.entry_at(r).body)["n"] for r in range(model.rowCount())] == [8, 9]
    child(view, QLineEdit, "logFilter").setText("$.n >=")
    pane.flush_filter()
    assert "character 7" in child(view, QLabel, "logFilterError").text()


def test_export_all_and_export_filtered_are_two_actions(
    view: ConnectionView, tmp_path: Path
) -> None:
    pane, model = pane_of(view), view.session.messages
    feed(model, 9)
    child(view, QLineEdit, "logFilter").setText("/queue/app.1")
    child(view, QComboBox, "logFilterKind").setCurrentIndex(2)  # Destination
    pane.flush_filter()
    menu = pane.log_actions(None)
    all_action = menu.findChild(QAction, "actionExportAll")
    filtered_action = menu.findChild(QAction, "actionExportFiltered")
    assert all_action is not None and filtered_action is not None
    assert all_action.text() == "Export all (9)…"
    assert filtered_action.text() == "Export filtered (3)…" and filtered_action.isEnabled()
    everything, only = tmp_path / "all.jsonl", tmp_path / "filtered.jsonl"
    assert pane.export_to(everything, "all") == 9
    assert pane.export_to(only, "filtered") == 3
    lines = [json.loads(line) for line in only.read_text(encoding="utf-8").splitlines()]
    assert {line["destination"] for line in lines} == {"/queue/app.1"}


def test_csv_export_opens_in_a_spreadsheet(view: ConnectionView, tmp_path: Path) -> None:
    pane = pane_of(view)
    feed(view.session.messages, 3)
    path = tmp_path / "log.csv"
    assert export_format(path) == "csv" and export_format(tmp_path / "x", "CSV (*.csv)") == "csv"
    assert pane.export_to(path, "all", "csv") == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 then
    with path.open(encoding="utf-8-sig", newline="") as fp:
        rows = list(csv.DictReader(fp))
    assert [row["destination"] for row in rows] == ["/queue/app.0", "/queue/app.1", "/queue/app.2"]
    assert json.loads(rows[0]["body"]) == {"n": 0, "name": "주문"}
    assert json.loads(rows[0]["headers"]) == [["destination", "/queue/app.0"]]
    assert rows[0]["direction"] == "in" and rows[0]["body_encoding"] == "utf-8"


def test_an_async_export_runs_in_a_worker(
    view: ConnectionView, tmp_path: Path, run: Callable[[Awaitable[Any]], Any]
) -> None:
    pane = pane_of(view)
    feed(view.session.messages, 4)
    path = tmp_path / "async.jsonl"
    assert run(pane.export_async(path, "all")) == 4
    assert len(path.read_text(encoding="utf-8").splitlines()) == 4


def test_destinations_elide_from_the_left_and_composites_read_as_n(
    view: ConnectionView,
) -> None:
    pane, model = pane_of(view), view.session.messages
    model.append(LogEntry("in", "MESSAGE", (("destination", "/topic/" + "x" * 80 + ".end"),)))
    model.append(LogEntry("out", "SEND", (("destination", "/queue/a,/queue/b"),)))
    model.flush()
    delegate = pane.log.itemDelegateForColumn(MessageTableModel.DESTINATION)
    assert isinstance(delegate, QStyledItemDelegate)

    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, model.index(0, MessageTableModel.DESTINATION))
    assert option.textElideMode == Qt.TextElideMode.ElideLeft
    composite = model.index(1, MessageTableModel.DESTINATION)
    assert composite.data() == "2 destinations: /queue/a, /queue/b"
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, composite)
    assert option.textElideMode == Qt.TextElideMode.ElideRight
    header = pane.log.horizontalHeader()
    assert header.stretchLastSection()
    assert child(view, QToolButton, "jumpToNewest").isHidden()


def test_a_new_filter_follows_again_and_stays_at_the_bottom_while_it_scans(
    view: ConnectionView,
) -> None:
    pane, model = pane_of(view), view.session.messages
    feed(model, 300)
    pane.log.selectRow(10)
    assert not pane.following
    model.scan_budget = -1.0  # one small slice per call, as with a million rows
    child(view, QComboBox, "logFilterKind").setCurrentIndex(2)  # Destination
    child(view, QLineEdit, "logFilter").setText("/queue/app.1")
    pane.flush_filter()
    assert pane.following  # the reset took the selection away
    bar = pane.log.verticalScrollBar()
    while model.is_filtering:
        model.continue_filter()
        assert bar.value() == bar.maximum()
    assert model.rowCount() == 100


def test_a_json_value_filters_the_log(make_window: Callable[..., MainWindow], run: Run) -> None:
    window = make_window(first_run=True)

    async def body() -> None:
        await until(lambda: window.views() and window.views()[0].session.is_connected)
        view = window.views()[0]
        window.detail.field_filter_requested.emit("$.n == 4")
        pane, model = view.log_pane, view.session.messages
        assert child(view, QComboBox, "logFilterKind").currentData() == "search"
        assert child(view, QLineEdit, "logFilter").text() == "$.n == 4"
        model.clear()
        feed(model, 6)
        model.finish_filter()
        assert [json.loads(model.entry_at(r).body)["n"] for r in range(model.rowCount())] == [4]
        assert pane.following

    run(body())
