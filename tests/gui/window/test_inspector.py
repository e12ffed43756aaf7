"""What is on this destination (issue 12): selecting a tree node shows its latest message and
its history (`destinationHistory`), "diff with previous" (`messageDiff`) and a chart of a JSON
field over time (`valueChart`), on the sandbox, ActiveMQ and RabbitMQ (STOMP, Web-STOMP)."""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDockWidget, QToolButton

from explorer.client import Client
from explorer.profiles.model import Profile
from explorer.ui.history_view import ENTRY_ROLE, HistoryPanel
from explorer.ui.main_window import MainWindow
from explorer.ui.message_diff import MessageDiff
from tests.gui.window.conftest import add_profile, child, connect, until
from tests.support.brokers import ACTIVEMQ, RABBITMQ

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]

TARGETS = [
    pytest.param("sandbox", id="sandbox"),
    pytest.param("activemq", id="activemq", marks=pytest.mark.activemq),
    pytest.param("rabbitmq", id="rabbitmq-stomp", marks=pytest.mark.rabbitmq),
    pytest.param("rabbitmq-ws", id="rabbitmq-web-stomp", marks=pytest.mark.rabbitmq),
]


def open_profile(window: MainWindow, target: str, request: pytest.FixtureRequest) -> str:
    """Add the profile for `target` (the broker fixture fails when it is down); its name."""
    if target == "sandbox":
        return "Sandbox"
    if target == "activemq":
        request.getfixturevalue("activemq")
        add_profile(window, Profile(name="ActiveMQ", url=ACTIVEMQ.stomp_url))
        return "ActiveMQ"
    request.getfixturevalue("rabbitmq")
    url = RABBITMQ.stomp_url if target == "rabbitmq" else RABBITMQ.ws_url
    assert url is not None
    add_profile(window, Profile(name="Rabbit", url=url, login="guest", vhost="/"), passcode="guest")
    return "Rabbit"


def json_shown(window: MainWindow) -> dict[str, str]:
    """Key -> value preview of the top level of the message pane's JSON view."""
    model = window.detail.json_view().json_model()
    if model is None:
        return {}
    return {
        str(model.index(row, 0).data()): str(model.index(row, 1).data())
        for row in range(model.rowCount())
    }


@pytest.mark.parametrize("target", TARGETS)
def test_a_selected_node_shows_its_latest_message_history_diff_and_chart(
    make_window: Callable[..., MainWindow],
    run: Run,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    target: str,
) -> None:
    window = make_window()
    name = open_profile(window, target, request)
    topic = f"/queue/inspect{uuid.uuid4().hex[:8]}"  # a queue keeps what comes before the SUBSCRIBE

    async def body() -> None:
        view = await connect(window, name)
        await view.session.subscribe(topic)
        settings = view.session.settings
        publisher = Client(settings.endpoint, login=settings.login, passcode=settings.passcode)
        await publisher.connect()
        try:
            for n, price in enumerate((1.5, 2.5, 2.0), start=1):
                document = {"n": n, "price": price, "unit": "EUR", "name": "이름"}
                await publisher.send(
                    topic, json.dumps(document, ensure_ascii=False), content_type="application/json"
                )
        finally:
            await publisher.disconnect()
        history = view.session.history
        await until(lambda: len(history.entries(topic)) == 3, what="three messages on the topic")
        await until(lambda: view.tree_pane.select_destination(topic), what="the topic in the tree")
        # The message pane shows the newest message; the history lists all three, newest first.
        await until(lambda: json_shown(window).get("n") == "3", what="the latest message shown")
        panel = child(window, HistoryPanel, "destinationHistory")
        await until(lambda: len(panel.entries()) == 3, what="three rows in the history")
        assert [e.header("destination") for e in panel.entries()] == [topic] * 3
        assert [json.loads(e.body)["n"] for e in panel.entries()] == [3, 2, 1]
        # Diff with previous: the newest against the second, side by side.
        child(window, QToolButton, "diffWithPrevious").click()
        diff = child(window, MessageDiff, "messageDiff")
        await until(lambda: diff.rows, what="the diff")
        changed = [(row.left, row.right) for row in diff.rows if row.tag == "changed"]
        assert ('  "n": 2,', '  "n": 3,') in changed
        assert ('  "price": 2.5,', '  "price": 2.0,') in changed
        assert all("message-id" not in (row.left or "") for row in diff.rows)
        assert "2 line(s) differ" in diff.summary.text()
        # Selecting the first of them in the log selects (and diffs) it in the history too.
        model = view.session.messages
        model.flush()
        first = next(
            r
            for r in range(model.rowCount())
            if model.entry_at(r).destination == topic
            and model.entry_at(r).direction == "in"
            and json.loads(model.entry_at(r).body)["n"] == 1
        )
        flags = QItemSelectionModel.SelectionFlag
        view.log.selectionModel().setCurrentIndex(
            model.index(first, 0), flags.ClearAndSelect | flags.Rows
        )
        current = panel.rows.currentItem()
        assert current is not None and json.loads(current.data(0, ENTRY_ROLE).body)["n"] == 1
        assert "No earlier message" in diff.summary.text()
        # Chart this field: the three prices, from the history, then export them.
        window.detail.field_chart_requested.emit("$.price", 2.0)
        chart = window.inspector.chart
        assert chart is not None and chart.objectName() == "valueChart"
        dock = child(window, QDockWidget, "chartDock")
        assert dock.isVisible()
        series = chart.series[0]
        assert series.values == [1.5, 2.5, 2.0]
        # A second series on the same time axis; asking twice for one field adds nothing.
        window.detail.field_chart_requested.emit("$.n", 3.0)
        window.detail.field_chart_requested.emit("$.n", 3.0)
        assert [s.path for s in chart.series] == ["$.price", "$.n"]
        assert chart.series[1].values == [1.0, 2.0, 3.0]
        chart.set_paused(True)
        assert chart.pause_button.text() == "Resume"
        out = tmp_path / "chart.csv"
        assert chart.export_csv(out) == 6
        with out.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert [
            (r["destination"], r["field"], r["value"]) for r in rows if r["field"] == "$.price"
        ] == [
            (topic, "$.price", "1.5"),
            (topic, "$.price", "2.5"),
            (topic, "$.price", "2.0"),
        ]
        assert not window.inspector.chart_field("$..[", 0.0)  # not a JSONPath: said, not raised
        assert "not a JSONPath" in chart.hint.text()

    run(body())


def test_the_history_and_chart_docks_wait_hidden_then_join_the_composer_tabs(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window()
    history, chart = window.inspector.docks
    assert history.isHidden() and chart.isHidden()
    assert history not in window.tabifiedDockWidgets(window.composer_dock)
    history.toggleViewAction().trigger()  # View ▸ History
    assert history.isVisible()
    assert history in window.tabifiedDockWidgets(window.composer_dock)
    assert child(window, HistoryPanel, "destinationHistory").history is None  # nothing chosen
