"""The Scenarios dock: validation at the line, a scenario that passes and one that fails on the
current tab's connection (marks, timings, the expected-vs-received report), stop, JUnit, and
Record in the window -> `stomp-explorer run` in a subprocess -> passes."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from explorer.profiles.model import Profile
from explorer.sandbox import DEMO_DESTINATIONS
from explorer.ui.main_window import MainWindow
from explorer.ui.scenario_pane import ScenarioPane
from explorer.ui.scenario_record import RecordDialog
from explorer.ui.session import SessionController
from tests.gui.window.conftest import add_profile, connect, until
from tests.support.brokers import Broker

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]

ROUND_TRIP = """\
name: order round trip
vars: {user: 1001}
steps:
  - subscribe: /queue/{{run}}.inbox
    id: inbox
  - send:
      destination: /queue/{{run}}.inbox
      headers: {content-type: application/json, x-run: "{{uuid}}"}
      body: '{"order": 7, "user": {{user}}}'
      receipt: true
  - expect:
      subscription: inbox
      within: 3s
      headers: {x-run: "{{uuid}}"}
      body: {json: {"$.user": EXPECTED_USER}}
  - expect_none: {subscription: inbox, for: 200ms}
"""

EQUALS = """\
name: body equals
steps:
  - subscribe: /queue/{{run}}.eq
    id: inbox
  - send: {destination: "/queue/{{run}}.eq", body: "line one\\nline two\\n"}
  - expect: {subscription: inbox, within: 2s, body: {equals: "line one\\nline 2\\n"}}
"""


def with_run(text: str, **replace: str) -> str:
    run_id = f"qa{uuid.uuid4().hex[:8]}"
    text = text.replace("{{run}}", run_id)
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


async def connected_pane(window: MainWindow) -> ScenarioPane:
    """The sandbox tab connected, with its demo subscriptions live (they open after
    CONNECTED: a recording or a run started before them would see them come and go)."""
    await until(lambda: window.views() and window.views()[0].session.is_connected, what="sandbox")
    session = window.views()[0].session
    await until(lambda: set(DEMO_DESTINATIONS) <= set(session.subscriptions), what="the demo feed")
    pane = window.workbench.scenarios
    await until(lambda: pane.run_button.isEnabled() or not pane.editor.toPlainText(), what="ready")
    return pane


async def run_to_end(pane: ScenarioPane) -> None:
    assert pane.run(), pane.summary.text()
    await until(lambda: not pane.running, timeout=30, what="the scenario to finish")


def test_validation_marks_the_line_as_you_type(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window(first_run=False)
    pane = window.workbench.scenarios
    pane.set_text("name: x\nconnection: stomp://localhost\nsteps:\n  - wait: 2\n")
    assert pane.editor.problem_line == 4
    assert "Line 4" in pane.problem.text() and "steps[1].wait" in pane.problem.text()
    assert "needs a unit" in pane.problem.text()

    pane.editor.setPlainText(
        "name: x\nsteps:\n  - send: {destination: /queue/a, body: '{{ n + }}'}\n"
    )
    run(until(lambda: pane.editor.problem_line == 3, what="the debounced check"))
    assert "template syntax" in pane.problem.text()

    pane.editor.setPlainText("name: x\nsteps:\n  - expect: {subscription: nope}\n")
    run(until(lambda: "nope" in pane.problem.text(), what="the unknown id"))

    pane.new_file(confirm=False)
    assert pane.editor.problem_line is None
    assert "valid" in pane.problem.text()
    assert not pane.run_button.isEnabled()  # nothing to run on: no connection

    # Saved once under a name, Ctrl+S in the editor saves it again there.
    path = tmp_path / "example.yaml"
    assert pane.save_file(path) and pane.file_label.text() == "example.yaml"
    pane.editor.appendPlainText("# more")
    assert pane.file_label.text() == "example.yaml •"
    window.workbench.scenarios_dock.raise_()
    window.activateWindow()
    pane.editor.setFocus()
    QTest.keyClick(pane.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    run(until(lambda: path.read_text("utf-8").endswith("# more"), what="Ctrl+S to save"))
    assert pane.file_label.text() == "example.yaml"


def test_a_scenario_passes_then_fails_with_its_diff_then_junit(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window(first_run=True)

    async def body() -> None:
        pane = await connected_pane(window)
        session = window.current_session()
        assert session is not None
        before = dict(session.subscriptions)

        pane.set_text(with_run(ROUND_TRIP, EXPECTED_USER="1001"))
        await run_to_end(pane)
        result = pane.last_result
        assert result is not None and result.passed, pane.summary.text()
        assert pane.steps.marks() == ["✓", "✓", "✓", "✓"]
        assert "Passed: 4 steps" in pane.summary.text()
        assert result.steps[2].latency is not None
        assert dict(session.subscriptions) == before  # what the scenario opened, it closed

        pane.set_text(with_run(ROUND_TRIP, EXPECTED_USER="2002"))
        await run_to_end(pane)
        result = pane.last_result
        assert result is not None and not result.passed
        assert pane.steps.marks() == ["✓", "✓", "✗", "–"]
        assert "Failed at step 3" in pane.summary.text()
        assert pane.steps.selected_index() == 3
        report = pane.failure.toPlainText()
        assert "body $.user" in report and "2002" in report and "1001" in report
        assert "1 of 2 rules hold" in report  # the header matched, the body did not

        junit = tmp_path / "report.xml"
        assert pane.export_junit(junit)
        case = ET.parse(junit).getroot().find("testsuite/testcase")
        assert case is not None and case.get("name") == "order round trip"
        failure = case.find("failure")
        assert failure is not None and "step 3" in (failure.get("message") or "")

        pane.set_text(with_run(EQUALS))
        await run_to_end(pane)
        report = pane.failure.toPlainText()
        assert "-line 2" in report and "+line two" in report  # the body's diff

    run(body())


def test_stop_ends_a_run_and_closes_its_subscriptions(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window(first_run=True)

    async def body() -> None:
        pane = await connected_pane(window)
        session = window.current_session()
        assert session is not None
        pane.set_text(
            with_run("name: long\nsteps:\n  - subscribe: /queue/{{run}}.s\n  - wait: 60s\n")
        )
        assert pane.run()
        await until(lambda: pane.steps.marks()[:1] == ["✓"], what="the subscribe step")
        assert any(d.endswith(".s") for d in session.subscriptions)
        pane.stop_button.click()
        await until(lambda: not pane.running, what="the run to stop")
        assert pane.summary.text() == "Stopped."
        assert pane.steps.marks() == ["✓", "–"]
        await until(lambda: not any(d.endswith(".s") for d in session.subscriptions))

    run(body())


async def record_a_check(
    window: MainWindow, session: SessionController, destination: str, leave_out: set[str]
) -> str:
    """Press Record, subscribe, send from the composer, see it arrive, stop: the scenario
    text the dock opens."""
    pane = window.workbench.scenarios
    pane.record_button.click()
    assert pane.record_button.isChecked()
    await session.subscribe(destination)
    composer = window.composer
    composer.set_destination(destination)
    composer.content_type.setCurrentText("application/json")
    composer.add_header("x-kind", "order")
    composer.body.setPlainText('{"order": 7, "user": "민수"}')
    composer.receipt.setChecked(True)
    composer.send_button.click()
    recording = pane.recorder.recording
    assert recording is not None
    await until(
        lambda: any(
            s.destination == destination and s.messages == 1
            for s in recording.recording.subscriptions()
        ),
        what="the message to arrive",
    )
    await until(lambda: "1 sent" in pane.recording_label.text(), what="the counts")
    pane.record_button.click()  # stop: the dialog asks for a name and the subscriptions
    assert not pane.record_button.isChecked() and pane.recorder.recording is None
    dialog = pane.findChild(RecordDialog)
    assert dialog is not None and dialog.isVisible()
    for subscription in recording.recording.subscriptions():
        if subscription.destination in leave_out:
            dialog.set_checked(subscription.id, False)
    dialog.name.setText("recorded order check")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    await until(lambda: "recorded order check" in pane.editor.toPlainText(), what="the file")
    # Done checking by hand: the window stops consuming the queue (a consumer left on it
    # would take the headless run's message).
    await session.unsubscribe(destination)
    return pane.editor.toPlainText()


async def run_headless(path: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "explorer", "run", str(path)]
    return await asyncio.to_thread(
        subprocess.run, command, capture_output=True, text=True, timeout=90, check=False
    )


@pytest.mark.activemq
def test_record_in_the_window_then_run_headless_on_activemq(
    make_window: Callable[..., MainWindow], run: Run, activemq: Broker, tmp_path: Path
) -> None:
    window = make_window(first_run=False)
    add_profile(window, Profile(name="ActiveMQ QA", url=activemq.stomp_url))
    destination = f"/queue/qa.recorded.{uuid.uuid4().hex[:8]}"

    async def body() -> None:
        view = await connect(window, "ActiveMQ QA")
        text = await record_a_check(window, view.session, destination, set())
        assert "profile: ActiveMQ QA" in text
        path = tmp_path / "recorded.yaml"
        assert window.workbench.scenarios.save_file(path)
        done = await run_headless(path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "PASSED recorded order check" in done.stdout

        # The same file runs in the window too.
        await run_to_end(window.workbench.scenarios)
        assert window.workbench.scenarios.last_result is not None
        assert window.workbench.scenarios.last_result.passed, (
            window.workbench.scenarios.summary.text()
        )

    run(body())


def test_record_on_the_sandbox_without_the_demo_feed_then_run_headless(
    make_window: Callable[..., MainWindow], run: Run, tmp_path: Path
) -> None:
    window = make_window(first_run=True)
    destination = f"/queue/qa.recorded.{uuid.uuid4().hex[:8]}"

    async def body() -> None:
        await connected_pane(window)
        session = window.current_session()
        assert session is not None
        demo = set(session.subscriptions)
        # The demo feed's subscriptions were open before recording and were never sent to:
        # the dialog leaves them unchecked by itself.
        text = await record_a_check(window, session, destination, set())
        assert "connection: stomp://127.0.0.1:" in text
        assert all(d not in text for d in demo)
        path = tmp_path / "recorded.yaml"
        path.write_text(text, "utf-8")
        done = await run_headless(path)  # the window's sandbox is still serving
        assert done.returncode == 0, done.stdout + done.stderr

    run(body())


@pytest.mark.rabbitmq
def test_a_scenario_passes_and_a_refusal_fails_in_the_dock_on_rabbitmq(
    make_window: Callable[..., MainWindow], run: Run, rabbitmq: Broker
) -> None:
    window = make_window(first_run=False)
    add_profile(
        window,
        Profile(name="Rabbit QA", url=rabbitmq.stomp_url, login="guest", vhost="/"),
        passcode="guest",
    )

    async def body() -> None:
        view = await connect(window, "Rabbit QA")
        pane = window.workbench.scenarios
        pane.set_text(with_run(ROUND_TRIP, EXPECTED_USER="1001"))
        await run_to_end(pane)
        assert pane.last_result is not None and pane.last_result.passed, pane.summary.text()
        assert pane.steps.marks() == ["✓", "✓", "✓", "✓"]

        # RabbitMQ refuses a destination it does not know: the step fails with its words.
        pane.set_text("name: refused\nsteps:\n  - subscribe: /nonsense/here\n    id: x\n")
        await run_to_end(pane)
        assert pane.steps.marks() == ["✗"]
        report = pane.failure.toPlainText()
        assert "refused" in report.lower() and "nonsense" in report.lower()
        await until(lambda: view.session.is_connected or view.session.is_active)

    run(body())
