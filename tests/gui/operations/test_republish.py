"""Re-publish from the log and from a capture tab: the dialog says how many go where on
which connection; the copies arrive with the producer's headers and without the broker's."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView

from explorer.capture import CaptureWriter
from explorer.client import Client
from explorer.profiles.model import Profile
from explorer.ui.main_window import MainWindow
from explorer.ui.republish_dialog import RepublishDialog
from tests.gui.operations.conftest import action, activemq_profile, open_tab, until
from tests.integration.test_operations_brokers import Queues, client_for, drain
from tests.support.brokers import ACTIVEMQ
from tests.support.sandbox import running_sandbox

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]
BROKER_SET = {"message-id", "subscription", "ack", "timestamp", "destination", "redelivered"}


def select_rows(view: QTableView, rows: list[int]) -> None:
    selection = view.selectionModel()
    selection.clearSelection()
    model = view.model()
    for row in rows:
        selection.select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


async def sent(dialog: RepublishDialog) -> str:
    await until(lambda: not dialog.running, timeout=30, what="the re-publish to end")
    return dialog.status.text()


@pytest.mark.activemq
def test_two_selected_log_rows_go_to_another_queue_without_broker_headers(
    make_window: Callable[..., MainWindow], run: Run, amq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        source, target = amq_queues.new("rp.src"), amq_queues.new("rp.dst")
        view = await open_tab(window, activemq_profile())
        await view.session.subscribe(source)
        async with client_for(ACTIVEMQ) as client:
            for n in range(3):
                headers = {"k_user": f"u{n}", "content-type": "text/plain", "persistent": "true"}
                await client.send(source, f"안녕 {n}", headers=headers, receipt=True)
        model = view.session.messages

        def received() -> list[int]:
            model.flush()
            return [
                row
                for row in range(model.rowCount())
                if (e := model.entry_at(row)) is not None
                and e.direction == "in"
                and e.destination == source
            ]

        await until(lambda: len(received()) == 3, what="three messages in the log")
        rows = received()[1:]  # the second and the third
        originals = [model.entry_at(row) for row in rows]
        select_rows(view.log_pane.log, rows)
        menu = view.log_pane.log_actions(originals[0])
        republish = action(menu, "actionRepublish")
        assert republish.text() == "Re-publish selected (2)…" and republish.isEnabled()
        republish.trigger()
        dialog = window.operations.republisher.dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.summary.text().startswith(
            f"Send 2 messages again to {source} on ActiveMQ? Headers the broker set"
        )
        dialog.other.setChecked(True)
        assert not dialog.send_button.isEnabled()  # no destination typed yet
        dialog.destination.setText(target)
        assert dialog.summary.text().startswith(f"Send 2 messages again to {target} on ActiveMQ?")
        dialog.send_button.click()
        text = await sent(dialog)
        assert text.startswith("2 sent · 0 refused · 0 unconfirmed · 0 not sent."), text
        copies = await drain(ACTIVEMQ, target)
        assert [m.body.decode() for m in copies] == ["안녕 1", "안녕 2"]
        assert [m.header("k_user") for m in copies] == ["u1", "u2"]
        assert all(m.header("content-type") == "text/plain" for m in copies)
        old_ids = {e.header("message-id") for e in originals if e is not None}
        assert not old_ids & {m.header("message-id") for m in copies}
        # what went out on the wire: the producer's headers, none the broker set
        model.flush()
        out = [
            e
            for row in range(model.rowCount())
            if (e := model.entry_at(row)) is not None
            and e.direction == "out"
            and e.destination == target
        ]
        assert len(out) == 2
        for entry in out:
            names = [name for name, _ in entry.headers]
            assert names[0] == "destination" and names.count("destination") == 1
            assert not set(names[1:]) & BROKER_SET, names
            assert {"k_user", "content-type", "persistent", "receipt"} <= set(names)
        dialog.close()

    run(body())


def test_republish_from_a_capture_tab_on_an_open_connection(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "old.stompcap"
    with CaptureWriter(path, connection="old") as writer:
        for n in range(3):
            headers = (
                ("destination", "/queue/orders"),
                ("message-id", f"ID:old-{n}"),
                ("subscription", "1"),
                ("k_order", str(n)),
            )
            writer.record("in", "MESSAGE", headers, f"order {n}".encode(), received=1.7e9 + n)
    window = make_window()

    async def body() -> None:
        async with running_sandbox() as broker:
            view = await open_tab(window, Profile(name="local", url=broker.tcp_url))
            capture = window.captures.open_capture(path)
            assert capture is not None
            await until(lambda: capture.model.rowCount() == 3, what="the capture's rows")
            select_rows(capture.log, [0, 2])
            republish = action(capture.log_actions(None), "actionRepublish")
            assert republish.text() == "Re-publish selected (2)…"
            republish.trigger()
            dialog = window.operations.republisher.dialog
            assert dialog is not None
            assert dialog.connection.currentText() == "local"
            dialog.other.setChecked(True)
            dialog.destination.setText("/queue/replayed")
            dialog.send_button.click()
            assert (await sent(dialog)).startswith("2 sent")
            async with Client(broker.tcp_url) as client:
                sub = await client.subscribe("/queue/replayed", receipt=True)
                copies = [await sub.get(timeout=5) for _ in range(2)]
            assert [m.body for m in copies] == [b"order 0", b"order 2"]
            assert [m.header("k_order") for m in copies] == ["0", "2"]
            assert all(not (m.header("message-id") or "").startswith("ID:old") for m in copies)
            dialog.close()
            await view.session.shutdown()

    run(body())


@pytest.mark.activemq
def test_edit_in_composer_loads_one_message_without_broker_headers(
    make_window: Callable[..., MainWindow], run: Run, amq_queues: Queues
) -> None:
    window = make_window()

    async def body() -> None:
        source = amq_queues.new("rp.edit")
        view = await open_tab(window, activemq_profile())
        await view.session.subscribe(source)
        async with client_for(ACTIVEMQ) as client:
            await client.send(source, '{"a": 1}', headers={"k_user": "me"}, receipt=True)
        model = view.session.messages

        def row() -> int | None:
            model.flush()
            for n in range(model.rowCount()):
                entry = model.entry_at(n)
                if entry is not None and entry.direction == "in" and entry.destination == source:
                    return n
            return None

        await until(lambda: row() is not None, what="the message in the log")
        found = row()
        assert found is not None
        select_rows(view.log_pane.log, [found])
        action(view.log_pane.log_actions(model.entry_at(found)), "actionRepublish").trigger()
        dialog = window.operations.republisher.dialog
        assert dialog is not None and dialog.edit_button.isEnabled()
        dialog.edit_button.click()
        request = window.composer.build_request()
        assert request.destination == source
        names = [name for name, _ in request.headers]
        assert "k_user" in names and not set(names) & (BROKER_SET - {"destination"})
        assert request.body == b'{"a": 1}'

    run(body())
