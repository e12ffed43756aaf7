"""The message library dock in the window, on the built-in sandbox: save the composer's message
(secrets stripped and said so), search, preview with variables, load back into the composer,
send with the collection's variables, export and import."""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from explorer.session.compose import ComposeRequest
from explorer.session.sink import NullSink
from explorer.store import LogEntry
from explorer.ui.library_dialogs import SaveMessageDialog, VariablesDialog
from explorer.ui.main_window import MainWindow
from explorer.ui.session import SessionController
from tests.gui.window.conftest import until

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


class Collected(NullSink):
    """A sink on the window's session: the MESSAGEs that arrived on one destination."""

    def __init__(self, destination: str) -> None:
        self.destination = destination
        self.messages: list[LogEntry] = []

    def on_entries(self, entries: Sequence[LogEntry]) -> None:
        self.messages += [
            e
            for e in entries
            if e.direction == "in" and e.command == "MESSAGE" and e.destination == self.destination
        ]


async def sandbox_session(window: MainWindow) -> SessionController:
    await until(lambda: window.views() and window.views()[0].session.is_connected, what="sandbox")
    session = window.current_session()
    assert session is not None
    return session


def save_dialog(window: MainWindow) -> SaveMessageDialog:
    dialog = window.workbench.library.findChild(SaveMessageDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_save_search_preview_load_and_send_through_the_dock(
    make_window: Callable[..., MainWindow], run: Run, isolated_config: Path
) -> None:
    window = make_window(first_run=True)
    destination = f"/queue/library.{uuid.uuid4().hex[:8]}"

    async def body() -> None:
        session = await sandbox_session(window)
        composer, library = window.composer, window.workbench.library
        composer.set_destination(destination)
        composer.content_type.setCurrentText("application/json")
        composer.add_header("x-run", "{{uuid}}")
        composer.add_header("Authorization", "Bearer abc.def")
        composer.body.setPlainText('{"user": {{user}}, "copy": {{n}}}')
        composer.receipt.setChecked(True)

        # Save from the composer: the dialog asks for a name and a collection.
        library.save_from_composer_requested.emit()
        dialog = save_dialog(window)
        dialog.name.setText("new order")
        dialog.collection.setCurrentText("orders")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        await until(lambda: library.selected() == ("orders", "new order"), what="the saved row")
        assert "Authorization" in library.notice.text()  # what was stripped, said
        saved = json.loads((isolated_config / "library.json").read_text("utf-8"))
        [collection] = saved["collections"]
        [message] = collection["messages"]
        assert message["destinations"] == [destination]
        assert message["headers"] == [["x-run", "{{uuid}}"]]  # the secret never hit the disk
        assert message["content_type"] == "application/json" and message["receipt"] is True

        # A collection variable: the preview expands with it.
        assert "user" in library.preview.toPlainText()  # not defined yet: the error names it
        library.edit_variables()
        variables = library.findChild(VariablesDialog)
        assert variables is not None and variables.collection_table is not None
        variables.collection_table.add("user", "1001")
        variables.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        await until(lambda: '{"user": 1001, "copy": 1}' in library.preview.toPlainText())
        assert f"SEND {destination}" in library.preview.toPlainText()
        assert saved != json.loads((isolated_config / "library.json").read_text("utf-8"))

        # Search narrows the tree; a miss empties it.
        library.search.setText("nothing like this")
        assert library.tree.topLevelItemCount() == 0
        library.search.setText("library.")  # a destination matches
        assert library.tree.topLevelItemCount() == 1
        library.search.clear()

        # Load into a cleared composer (double-click does the same as Load).
        composer.body.clear()
        composer.destination.clear()
        assert library.select("orders", "new order")
        library.load_button.click()
        assert composer.destination.text() == destination
        assert composer.body.toPlainText() == '{"user": {{user}}, "copy": {{n}}}'
        assert composer.header_rows() == [("x-run", "{{uuid}}")]
        assert composer.content_type.currentText() == "application/json"

        # Send from the library: the collection's variable is filled in, once.
        collected = Collected(destination)
        session.add_sink(collected)
        await session.subscribe(destination)
        library.send_button.click()
        await until(lambda: collected.messages, what="the library's message")
        assert collected.messages[0].body == b'{"user": 1001, "copy": 1}'
        assert collected.messages[0].header("x-run") is not None
        await until(lambda: "Sent" in library.notice.text(), what="the send result")
        session.remove_sink(collected)

    run(body())


def test_export_delete_and_import_back(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window(first_run=False)
    library = window.workbench.library
    store = library.store
    from explorer.library import LibraryMessage

    store.save_message("team", LibraryMessage("ping", ("/queue/ping",), body="ping {{n}}"))
    store.save_message("mine", LibraryMessage("pong", ("/queue/pong",), body="pong"))
    library.refresh()
    assert [library.tree.topLevelItem(i).text(0) for i in range(2)] == ["team", "mine"]  # type: ignore[union-attr]

    assert library.select("team")
    shared = tmp_path / "team.json"
    assert library.export_file(shared, ["team"])
    exported = json.loads(shared.read_text("utf-8"))
    assert [c["name"] for c in exported["collections"]] == ["team"]

    assert library.delete_selected(confirm=False)
    assert store.library.collection("team") is None
    assert library.import_file(shared)
    assert store.library.collection("team") is not None
    assert "team" in library.notice.text()

    # A file that is not a library says where it is wrong, and changes nothing.
    broken = tmp_path / "broken.json"
    broken.write_text('{"collections": [{"name": "x", "messages": [{"name": "m"}]}]}', "utf-8")
    assert not library.import_file(broken)
    assert "destinations" in library.notice.text()
    assert store.library.collection("x") is None
    run(until(lambda: True))


def test_several_destinations_go_both_ways_between_composer_and_library(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window(first_run=False)
    composer, library = window.composer, window.workbench.library
    composer.load_requests(
        [
            ComposeRequest("SEND", (("destination", d), ("x-a", "1")), b"hi")
            for d in ("/queue/a", "/queue/b")
        ]
    )
    assert composer.destinations.destinations() == ["/queue/a", "/queue/b"]
    library.save_from_composer_requested.emit()
    dialog = save_dialog(window)
    dialog.name.setText("fan")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    saved = library.store.library.collection(dialog.collection.currentText())
    assert saved is not None
    message = saved.message("fan")
    assert message is not None and message.destinations == ("/queue/a", "/queue/b")
    assert message.headers == (("x-a", "1"),) and message.body == "hi"

    composer.set_destination("/queue/other")
    assert library.select(saved.name, "fan")
    library.tree.itemDoubleClicked.emit(library.tree.currentItem(), 0)
    assert composer.destinations.destinations() == ["/queue/a", "/queue/b"]

    # A body sent from a file is not put into the library.
    file_request = ComposeRequest("SEND", (("destination", "/queue/f"),), body_file="/tmp/x")
    library.ask_save([file_request])
    assert "file" in library.notice.text()
    assert not any(d.isVisible() for d in library.findChildren(SaveMessageDialog))
    run(until(lambda: True))


def test_a_library_file_that_cannot_be_used_does_not_stop_the_window(
    make_window: Callable[..., MainWindow], isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import explorer.library.store as library_store

    (isolated_config / "library.json").write_text("not json", "utf-8")

    def cannot_move(path: Path) -> Path:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(library_store, "move_aside", cannot_move)
    window = make_window(first_run=False)
    library = window.workbench.library
    assert "cannot be used" in library.notice.text() and library.notice.isVisibleTo(library)
    from explorer.library import LibraryMessage

    library.store.save_message("kept", LibraryMessage("m", ("/queue/m",)))  # still works
    assert (isolated_config / "library.json").read_text("utf-8") == "not json"  # untouched
