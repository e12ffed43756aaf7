"""Captures in the window: record a connection (kept per profile), open the capture as a tab
with the same messages, import an export, a full disk, bad files."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QTabBar

from explorer.capture import Capture
from explorer.client import Client
from explorer.profiles.model import Profile, RecordingSettings, Subscription
from explorer.sandbox import DEMO_DESTINATIONS
from explorer.store import MessageFilter
from explorer.ui.capture_view import CaptureView
from explorer.ui.connection_view import ConnectionView
from explorer.ui.main_window import MainWindow
from explorer.ui.record_dialog import RecordDialog
from explorer.ui.recording import RecordingIndicator
from tests.gui.captures.conftest import write_capture
from tests.gui.window.conftest import add_profile, connect, until
from tests.support.brokers import Broker, unique
from tests.support.capture_disks import small_disk
from tests.support.sandbox import running_sandbox

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def demo_profile(url: str, recording: RecordingSettings) -> Profile:
    return Profile(
        name="demo",
        url=url,
        subscriptions=tuple(Subscription(d) for d in DEMO_DESTINATIONS),
        recording=recording,
    )


def received_ids(view: ConnectionView) -> list[str]:
    """The message-ids of the demo MESSAGEs the live log shows, in order."""
    model = view.session.messages
    model.flush()
    entries = [model.entry_at(row) for row in range(model.rowCount())]
    return [
        str(entry.header("message-id"))
        for entry in entries
        if entry.direction == "in"
        and entry.command == "MESSAGE"
        and entry.destination in DEMO_DESTINATIONS  # (a discovery feed message may slip in)
    ]


def captured_ids(path: Path) -> list[str]:
    with Capture(path) as capture:
        return [
            str(record.header("message-id"))
            for record in capture.iter_records()
            if record.command == "MESSAGE" and record.destination in DEMO_DESTINATIONS
        ]


def strip_shown(view: ConnectionView) -> bool:
    """The recording indicator is in the tab and visible."""
    strip = view.findChild(RecordingIndicator, "recordingIndicator")
    return strip is not None and strip.isVisible()


def test_a_kept_recording_holds_every_message_the_tab_saw_and_opens_as_a_tab(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox(demo=True, demo_rate=400) as broker:
            keep = RecordingSettings(keep=True, folder=str(tmp_path / "caps"), max_days=7)
            add_profile(window, demo_profile(broker.tcp_url, keep))
            view = await connect(window, "demo")
            assert view.is_recording
            path = view.capture_path
            assert path is not None and path.parent == tmp_path / "caps"
            assert path.name.startswith("demo-") and path.suffix == ".stompcap"
            assert strip_shown(view)
            mark = window.tabs.tabBar().tabButton(0, QTabBar.ButtonPosition.LeftSide)
            assert isinstance(mark, QLabel) and mark.objectName() == "recordingMark"
            assert view.session.unexported == 0  # the capture keeps them (the close guard)
            await until(lambda: len(received_ids(view)) >= 300, what="300 demo messages")
            # What was recorded so far opens as a tab while the recording goes on.
            indicator = view.findChild(RecordingIndicator, "recordingIndicator")
            assert indicator is not None and indicator.keep_button.isVisible()
            await until(indicator.open_button.isEnabled, what="something recorded to open")
            indicator.open_button.click()
            early = window.captures.capture_views()[-1]
            assert early.path == path and early.model.rowCount() > 0
            window.captures.close_capture(early)
            window.tabs.setCurrentWidget(view)
            # "Don't record next time": the profile stops keeping, this recording goes on.
            indicator.keep_button.click()
            assert not window.store.get("demo").recording.keep
            assert window.store.get("demo").recording.max_days == 7
            assert view.is_recording and not indicator.keep_button.isVisible()
            await view.session.shutdown()
            await window.captures.stop_recording(view)
            assert not view.is_recording and view.capture_path is None
            assert not strip_shown(view)
            assert window.tabs.tabBar().tabButton(0, QTabBar.ButtonPosition.LeftSide) is None
            live = received_ids(view)
            assert captured_ids(path) == live  # every one, in order, nothing else
            with Capture(path) as capture:
                commands = [record.command for record in capture.page(limit=3)]
                assert commands[:2] == ["CONNECT", "CONNECTED"]
                assert capture.info().max_age == 7 * 86400

            # The capture as a tab: the same messages, and the same search answers.
            tab = window.captures.open_capture(path)
            assert isinstance(tab, CaptureView)
            assert window.tabs.currentWidget() is tab
            assert window.tabs.tabText(window.tabs.currentIndex()) == path.stem
            expression = "$.userId == 1003 or destination = /queue/orders"
            assert view.session.messages.try_filter(MessageFilter(expression=expression)) is None
            view.session.messages.finish_filter()
            model = view.session.messages
            wanted = [model.entry_at(r).header("message-id") for r in range(model.rowCount())]
            assert wanted
            tab.frames.setCurrentIndex(1)  # messages only, as the live log shows them
            tab.field.setText(expression)
            tab.flush_search()
            await until(lambda: tab.search.answered == tab.search.generation, what="search")
            found = [
                entry.header("message-id")
                for row in range(tab.model.rowCount())
                if (entry := tab.model.entry_at(row)) is not None
            ]
            assert found == wanted
            # The message pane shows the capture's selected message.
            tab.log.selectRow(0)
            assert window.detail.isEnabled()
            shown = tab.selected_entry()
            assert shown is not None and window._detail_entry == shown
            window.captures.close_capture(tab)
            await until(lambda: tab not in window.captures.capture_views(), what="tab closed")

    run(body())


def test_a_full_disk_stops_the_recording_says_so_and_keeps_the_tab(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox(demo=True, demo_rate=800) as broker:
            add_profile(window, demo_profile(broker.tcp_url, RecordingSettings()))
            view = await connect(window, "demo")
            path = tmp_path / "full.stompcap"
            recording = window.captures.start_recording(
                view, path, connect=small_disk, text_index=False
            )
            assert recording is not None and view.is_recording
            await until(lambda: not view.is_recording, timeout=30, what="the disk to fill")
            assert view.banner.isVisible()
            assert "the disk is full" in view.banner.text()
            assert window.tabs.indexOf(view) >= 0 and view.session.is_connected  # tab kept
            assert not strip_shown(view)
            assert window.captures.record_action.text() == "&Record this connection…"
            with Capture(path) as capture:  # what was written before stays readable
                assert capture.count() > 0

    run(body())


def test_an_exported_log_imports_as_a_capture_tab(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox(demo=True, demo_rate=400) as broker:
            add_profile(window, demo_profile(broker.tcp_url, RecordingSettings()))
            view = await connect(window, "demo")
            await until(lambda: len(received_ids(view)) >= 50, what="demo messages")
            await view.session.shutdown()
            export = tmp_path / "log.jsonl"
            view.session.messages.flush()
            count = view.log_pane.export_to(export, "all")
            assert count >= 50
            tab = await window.captures.import_capture(export)
            assert isinstance(tab, CaptureView)
            assert tab.path == tmp_path / "log.stompcap"
            assert tab.model.rowCount() == count
            bodies = [tab.model.entry_at(r).body for r in range(count)]  # type: ignore[union-attr]
            live = view.session.messages
            assert bodies == [live.entry_at(r).body for r in range(count)]
            # A second import never overwrites the first capture.
            again = await window.captures.import_capture(export)
            assert again is not None and again.path == tmp_path / "log (2).stompcap"

    run(body())


def test_files_that_are_no_capture_give_a_sentence_and_no_tab(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window()
    text = tmp_path / "notes.stompcap"
    text.write_text("hello\n" * 100)
    bad_line = tmp_path / "broken.jsonl"
    bad_line.write_text('{"timestamp": 1, "direction": "in"}\nnot json\n')

    async def body() -> None:
        before = window.tabs.count()
        assert window.captures.open_capture(text) is None
        assert window.tabs.count() == before
        assert window.captures.last_error is not None
        assert "is not a STOMP Explorer capture" in window.captures.last_error
        box = window.findChild(QMessageBox, "captureErrorDialog")
        assert box is not None and box.isVisible() and box.text() == window.captures.last_error
        box.accept()
        assert text.read_text() == "hello\n" * 100  # nothing lost
        # Truncated (a copy cut short) and locked (another program's exclusive lock).
        truncated = tmp_path / "cut.stompcap"
        whole = write_capture(tmp_path / "whole.stompcap", 200).read_bytes()
        truncated.write_bytes(whole[: len(whole) // 2])
        assert await window.captures.open_capture_async(truncated) is None
        assert "is damaged or truncated" in (window.captures.last_error or "")
        locked = write_capture(tmp_path / "locked.stompcap", 10)
        holder = sqlite3.connect(locked, isolation_level=None)
        try:
            holder.execute("PRAGMA locking_mode = EXCLUSIVE")
            holder.execute("BEGIN EXCLUSIVE")
            assert await window.captures.open_capture_async(locked) is None
            assert "is in use by another program" in (window.captures.last_error or "")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert await window.captures.open_capture_async(locked) is not None  # free again
        assert await window.captures.import_capture(bad_line) is None
        assert "line 1" in (window.captures.last_error or "")
        assert not (tmp_path / "broken.stompcap").exists()  # a half import is removed
        assert window.tabs.count() == before + 1  # only the capture that opened in the end

    run(body())


def test_the_record_dialog_starts_recording_and_keeps_the_setting(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window()

    async def body() -> None:
        # No demo feed: a message logged before the recording began would rightly make
        # closing the tab ask (it arrived, about one run in two, while connect() waited).
        async with running_sandbox(demo=False) as broker:
            add_profile(window, demo_profile(broker.tcp_url, RecordingSettings()))
            view = await connect(window, "demo")
            assert view.session.unexported == 0
            assert window.captures.record_action.isEnabled()
            window.captures.record_action.trigger()
            dialog = window.findChild(RecordDialog, "recordDialog")
            assert dialog is not None and dialog.isVisible()
            dialog.folder.setText(str(tmp_path / "mine"))
            dialog.max_mb.setValue(64)
            dialog.keep.setChecked(True)
            assert dialog.file.text().startswith(str(tmp_path / "mine" / "demo-"))
            dialog.accept()
            assert view.is_recording and view.capture_path is not None
            assert view.capture_path.parent == tmp_path / "mine"
            saved = window.store.get("demo").recording
            assert saved == RecordingSettings(keep=True, folder=str(tmp_path / "mine"), max_mb=64)
            assert window.captures.record_action.text() == "Stop &recording"
            async with Client(broker.tcp_url) as sender:
                for n in range(5):
                    await sender.send(DEMO_DESTINATIONS[0], f'{{"n": {n}}}')
            await until(lambda: view.session.logged >= 5, what="messages while recording")
            window.captures.record_action.trigger()
            await until(lambda: not view.is_recording, what="the recording to stop")
            assert window.captures.record_action.text() == "&Record this connection…"
            # Recorded from the start: closing the tab loses nothing, so nobody is asked.
            await until(lambda: view.session.unexported == 0, what="the capture to be closed")
            assert view.session.logged >= 5
            window.tabs.close_tab(window.tabs.indexOf(view))
            await until(lambda: not window.views(), what="the tab to close")
            # The next connection of the profile records by itself.
            again = await connect(window, "demo")
            assert again.is_recording and again.capture_path is not None
            assert again.capture_path.parent == tmp_path / "mine"
            recording = again.recording
            assert recording is not None
            await until(lambda: recording.stats().written > 0, what="the first frames written")
            with Capture(again.capture_path) as capture:
                assert capture.info().max_bytes == 64 << 20

    run(body())


@pytest.mark.activemq
def test_recording_an_activemq_tab_keeps_every_message(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path, activemq: Broker
) -> None:
    window = make_window()
    queue = f"/queue/{unique('capture')}"
    count = 3000

    async def body() -> None:
        profile = Profile(
            name="amq",
            url=activemq.stomp_url,
            subscriptions=(Subscription(queue),),
            recording=RecordingSettings(keep=True, folder=str(tmp_path)),
        )
        add_profile(window, profile)
        view = await connect(window, "amq")
        await until(lambda: queue in view.session.subscriptions, what="the subscription")
        path = view.capture_path
        assert path is not None
        async with Client(activemq.stomp_url) as sender:
            for n in range(count):
                await sender.send(queue, f'{{"n": {n}, "text": "주문 {n}"}}')
        model = view.session.messages

        def received() -> int:
            model.flush()
            return sum(1 for e in model.log if e.direction == "in" and e.destination == queue)

        await until(lambda: received() == count, timeout=60, what=f"{count} messages in the log")
        await view.session.shutdown()
        await window.captures.stop_recording(view)
        with Capture(path) as capture:
            records = [
                r for r in capture.iter_records() if r.command == "MESSAGE" and r.direction == "in"
            ]
            advisories = [r for r in records if r.destination.startswith("/topic/ActiveMQ.")]
            assert advisories  # discovery's feed is recorded too: every frame in and out
            records = [r for r in records if r.destination == queue]
            assert [r.body for r in records] == [
                f'{{"n": {n}, "text": "주문 {n}"}}'.encode() for n in range(count)
            ]
            assert capture.count(f'destination = "{queue}" and $.n >= 2990') == 10
            assert capture.info().dropped == 0

    run(body())


def test_closing_a_recording_tab_closes_its_capture_with_the_disconnect(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window()
    failures: list[str] = []

    def said(text: str) -> None:
        if text:
            failures.append(text)

    window.statusBar().messageChanged.connect(said)

    async def body() -> None:
        async with running_sandbox(demo=True, demo_rate=200) as broker:
            keep = RecordingSettings(keep=True, folder=str(tmp_path))
            add_profile(window, demo_profile(broker.tcp_url, keep))
            view = await connect(window, "demo")
            path = view.capture_path
            assert path is not None
            await until(lambda: len(received_ids(view)) >= 20, what="demo messages")
            window.tabs.close_tab(window.tabs.indexOf(view))  # no question: a capture keeps them
            await until(lambda: not window.views(), what="the tab to close")
            await until(lambda: not window.runner.pending, what="the capture to be closed")
        with Capture(path) as capture:
            commands = [r.command for r in capture.iter_records()]
        assert commands[0] == "CONNECT" and commands[-2:] == ["DISCONNECT", "RECEIPT"]
        assert failures == []

    run(body())
