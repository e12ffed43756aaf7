"""The Scenarios dock: open, edit (validated as you type), run on the current tab's connection
step by step, export JUnit, and record what you do on a connection as a new scenario.

A run goes through the very code `stomp-explorer run` uses (`explorer.scenarios`), over
`SessionConnection` on the tab's session: the tab keeps its subscriptions and log, and sees
the scenario's frames in them. `explorer.scenarios` is imported on first use, not with the
window.
"""

from __future__ import annotations

import asyncio
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocumentFragment
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.library import LibraryStore
from explorer.templates import TemplateError
from explorer.ui.elided_label import ElidedLabel
from explorer.ui.icons import icon
from explorer.ui.outcome import show_outcome
from explorer.ui.scenario_editor import EXAMPLE, ScenarioEditor
from explorer.ui.scenario_record import RecordControl
from explorer.ui.scenario_results import FailureView, StepList, run_summary
from explorer.ui.scenario_text import file_problem_text
from explorer.ui.tasks import TaskRunner, describe_failure
from explorer.ui.wrap_row import WrapRow

if TYPE_CHECKING:
    from explorer.scenarios import Scenario, ScenarioResult, StepResult
    from explorer.templates import TemplateEngine
    from explorer.ui.session import SessionController


class ScenarioPane(QWidget):
    """Edit and run one scenario at a time on the current connection."""

    run_finished = Signal(object)  # ScenarioResult

    def __init__(
        self, library: LibraryStore, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioRunner")
        self._library = library
        self._runner = runner
        self._session: SessionController | None = None
        self._path: Path | None = None
        self._dirty = False
        self._task: asyncio.Task[None] | None = None
        self.last_result: ScenarioResult | None = None

        self.new_button = self._tool("scenarioNew", "add", self.tr("New scenario (an example)"))
        self.new_button.clicked.connect(lambda: self.new_file())
        self.open_button = self._tool("scenarioOpen", "open", self.tr("Open a scenario file"))
        self.open_button.clicked.connect(self._choose_open)
        self.save_button = self._tool("scenarioSave", "save", self.tr("Save the scenario (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save_file(self._path))
        self.run_button = self._tool(
            "scenarioRun",
            "play",
            self.tr("Run on the current connection (Ctrl+Enter)"),
            self.tr("Run"),
        )
        self.run_button.clicked.connect(lambda: self.run())
        self.stop_button = self._tool(
            "scenarioStop", "stop", self.tr("Stop the run"), self.tr("Stop")
        )
        self.stop_button.clicked.connect(self.stop)
        self.record_button = self._tool(
            "scenarioRecord",
            "record",
            self.tr("Record: what you send and receive on this connection becomes a scenario"),
            self.tr("Record"),
        )
        self.junit_button = self._tool(
            "scenarioJunit", "export", self.tr("Save the last run as JUnit XML (for CI)")
        )
        self.junit_button.clicked.connect(self._choose_junit)
        self.file_label = ElidedLabel()
        self.file_label.setObjectName("scenarioFile")
        self.target = ElidedLabel()
        self.target.setObjectName("scenarioTarget")
        self.target.setProperty("hint", "true")
        # Wrapped onto two lines in a narrow dock (small screens), names elided.
        top = WrapRow()
        files = (self.new_button, self.open_button, self.save_button)
        top.add_group([*((button, 0) for button in files), (self.file_label, 1)], stretch=1)
        runs = (self.run_button, self.stop_button, self.record_button, self.junit_button)
        top.add_group([(self.target, 1), *((button, 0) for button in runs)])

        self.editor = ScenarioEditor()
        self.editor.setPlaceholderText(
            self.tr(
                "Open a scenario file, press New for an example, or press Record and use the "
                "connection: what you send and receive becomes a scenario."
            )
        )
        self.editor.setToolTip(self.tr("The scenario file (YAML), checked as you type"))
        self.editor.textChanged.connect(self._text_changed)
        self.problem = QLabel()
        self.problem.setObjectName("scenarioProblem")
        self.problem.setWordWrap(True)
        self.problem.linkActivated.connect(lambda line: self.editor.go_to_line(int(line)))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(self.problem)

        self.summary = QLabel()
        self.summary.setObjectName("scenarioSummary")
        self.summary.setWordWrap(True)
        self.steps = StepList()
        self.steps.setToolTip(
            self.tr("The scenario's steps: ✓ passed, ✗ failed, – not run; select one for details")
        )
        self.steps.itemSelectionChanged.connect(self._show_selected)
        self.failure = FailureView()
        # Small minimums: the dock shares the bottom with the composer and must not make
        # the window taller than a small screen.
        self.editor.setMinimumHeight(48)
        self.steps.setMinimumHeight(36)
        self.failure.setMinimumHeight(36)
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(self.steps)
        results.addWidget(self.failure)
        results.setStretchFactor(0, 2)
        results.setStretchFactor(1, 3)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(results, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("scenarioSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        self.recording_label = QLabel()
        self.recording_label.setObjectName("scenarioRecording")
        self.recorder = RecordControl(
            self.record_button, self.recording_label, lambda: self._session, self
        )
        self.recorder.recorded.connect(self._recorded)
        self.recorder.toggled.connect(lambda _on: self._update_buttons())
        self.recorder.nothing_recorded.connect(
            lambda: self._show_summary(
                self.tr("Nothing was sent or received while recording."), False
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(top)
        layout.addWidget(self.recording_label)
        layout.addWidget(splitter, 1)

        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(300)
        self._validate_timer.timeout.connect(self.validate)
        for keys, slot in (
            ("Ctrl+S", lambda: self.save_file(self._path)),
            ("Ctrl+Return", self.run),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._update_file_label()
        self._update_buttons()

    def _tool(self, name: str, icon_name: str, tip: str, text: str = "") -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        if text:
            button.setText(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    # -- the current connection ------------------------------------------------------------

    def set_session(self, session: SessionController | None) -> None:
        self._session = session
        if session is None:
            self.target.setText(self.tr("No connection"))
        else:
            self.target.setText(self.tr("Runs on: {name}").format(name=session.name))
        self._update_buttons()

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def _update_buttons(self) -> None:
        connected = self._session is not None and self._session.is_connected
        self.run_button.setEnabled(connected and not self.running and self._has_text())
        self.stop_button.setEnabled(self.running)
        self.record_button.setEnabled(connected or self.recorder.recording is not None)
        self.junit_button.setEnabled(self.last_result is not None and not self.running)
        self.save_button.setEnabled(self._has_text())

    def _has_text(self) -> bool:
        return bool(self.editor.toPlainText().strip())

    # -- files -----------------------------------------------------------------------------

    @property
    def file_name(self) -> str:
        return str(self._path) if self._path is not None else "untitled.yaml"

    def set_text(self, text: str, path: Path | None = None, *, dirty: bool = True) -> None:
        self._path = path
        self.editor.setPlainText(text)
        self._dirty = dirty
        self._update_file_label()
        # Another scenario: the last run's marks and report no longer describe it.
        self.steps.clear()
        self.failure.clear()
        self._show_summary("", None)
        scenario = self.validate()
        if scenario is not None and not self.running:
            self.steps.show_plan(scenario)

    def new_file(self, confirm: bool = True) -> None:
        if confirm and not self._may_discard():
            return
        self.set_text(EXAMPLE, None)

    def open_file(self, path: Path, confirm: bool = True) -> bool:
        if confirm and not self._may_discard():
            return False
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else self.tr("not UTF-8 text")
            self._show_problem(
                self.tr("{file} cannot be opened: {reason}").format(file=path, reason=reason)
            )
            return False
        self.set_text(text, Path(path), dirty=False)
        return True

    def save_file(self, path: Path | None = None) -> bool:
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the scenario"), "scenario.yaml", self.tr("YAML (*.yaml *.yml)")
            )
            if not chosen:
                return False
            path = Path(chosen)
        from explorer.profiles.storage import atomic_write

        try:
            atomic_write(Path(path), self.editor.toPlainText().encode("utf-8"))
        except OSError as exc:
            self._show_problem(
                self.tr("{file} cannot be written: {reason}").format(file=path, reason=exc.strerror)
            )
            return False
        self._path, self._dirty = Path(path), False
        self._update_file_label()
        self.validate()  # the file name is part of every message
        return True

    def _may_discard(self) -> bool:
        if not self._dirty or not self._has_text():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved scenario"),
            self.tr("The scenario in the editor is not saved. Discard it?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _choose_open(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open a scenario"), "", self.tr("YAML (*.yaml *.yml);;All files (*)")
        )
        if chosen:
            self.open_file(Path(chosen))

    def _update_file_label(self) -> None:
        name = self._path.name if self._path is not None else self.tr("untitled")
        self.file_label.setText(f"{name} •" if self._dirty else name)
        self.file_label.setToolTip(self.file_name)

    def _text_changed(self) -> None:
        if not self._dirty:
            self._dirty = True
            self._update_file_label()
        self._validate_timer.start()
        self._update_buttons()

    # -- validation ------------------------------------------------------------------------

    def _engine(self, scenario: Scenario) -> TemplateEngine:
        from explorer.scenarios import scenario_engine

        profile = self._session.name if self._session is not None else scenario.profile
        variables = self._library.library.profile_variables.get(profile or "")
        return scenario_engine(scenario, profile_variables=variables)

    def validate(self) -> Scenario | None:
        """Check the editor's text now; the problem is shown at its line."""
        from explorer.scenarios import ScenarioFileError, check_templates, parse_scenario

        self._validate_timer.stop()
        if not self._has_text():
            self._show_problem("")
            return None
        try:
            scenario = parse_scenario(self.editor.toPlainText(), self.file_name)
            check_templates(scenario, self._engine(scenario))
        except ScenarioFileError as exc:
            self._show_problem(
                self._file_error(exc.line, exc.key, file_problem_text(exc)), exc.line
            )
            return None
        except TemplateError as exc:  # variables that cannot be used (a bad name)
            self._show_problem(describe_failure(exc))
            return None
        count = len(scenario.steps)
        text = (
            self.tr("“{name}”: 1 step, valid")
            if count == 1
            else self.tr("“{name}”: {count} steps, valid")
        )
        # The step list keeps the last run's marks while the file is edited (the report
        # is what one fixes the file by); Run shows the new plan.
        self._show_problem(text.format(name=scenario.name, count=count), ok=True)
        return scenario

    def _file_error(self, line: int | None, key: str | None, reason: str) -> str:
        if line is None:
            return reason
        where = f"<a href='{line}'>{self.tr('Line {line}').format(line=line)}</a>"
        key_text = f" <code>{key}</code>" if key else ""
        return f"{where}{key_text}: {html.escape(reason)}"

    def _show_problem(self, text: str, line: int | None = None, ok: bool = False) -> None:
        show_outcome(self.problem, text, ok)
        self.problem.setToolTip("" if ok else self.problem.text())
        self.editor.set_problem(None if ok else line, _plain(text))

    # -- running ---------------------------------------------------------------------------

    def run(self) -> bool:
        """Run the scenario in the editor on the current connection; False when it cannot
        start (not connected, not valid, already running)."""
        session = self._session
        if self.running:
            return False
        if session is None or not session.is_connected:
            self._show_summary(
                self.tr("Connect first: a scenario runs on the current tab's connection."), False
            )
            return False
        scenario = self.validate()
        if scenario is None:
            self._show_summary(self.tr("Fix the scenario first (see below the editor)."), False)
            return False
        engine = self._engine(scenario)
        self.steps.show_plan(scenario)
        self.failure.clear()
        self.steps.mark_running(1)
        self._show_summary(self.tr("Running on {name}…").format(name=session.name), None)
        self._task = self._runner.run(
            self._run(session, scenario, engine), self._finished, failed=self._run_failed
        )
        self._task.add_done_callback(self._run_ended)
        self._update_buttons()
        return True

    async def _run(
        self, session: SessionController, scenario: Scenario, engine: TemplateEngine
    ) -> ScenarioResult:
        from explorer.scenarios import ScenarioRunner, SessionConnection

        connection = SessionConnection(session.core)
        session.add_sink(connection)
        try:
            runner = ScenarioRunner(scenario, engine, connection, on_step=self._step_done)
            return await runner.run()
        finally:
            session.remove_sink(connection)

    def stop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def _step_done(self, result: StepResult) -> None:
        from explorer.scenarios import Status

        self.steps.show_result(result)
        if result.status is Status.PASSED:
            self.steps.mark_running(result.index + 1)
        elif self.steps.selected_index() is None and result.status is not Status.SKIPPED:
            self.steps.select_index(result.index)

    def _finished(self, result: ScenarioResult) -> None:
        self.last_result = result
        self._show_summary(*run_summary(result, self.steps))
        problem = result.first_problem
        if problem is not None:
            self.steps.select_index(problem.index)
        self.run_finished.emit(result)

    def _run_failed(self, error: BaseException) -> None:
        from explorer.scenarios import ScenarioFileError

        if isinstance(error, ScenarioFileError):  # a template that fails only when sent
            self._show_problem(
                self._file_error(error.line, error.key, file_problem_text(error)), error.line
            )
            self._show_summary(self.tr("Stopped: the scenario has a mistake."), False)
        else:
            self._show_summary(describe_failure(error), False)

    def _run_ended(self, task: asyncio.Task[Any]) -> None:
        if task.cancelled():
            self.steps.mark_stopped()
            self._show_summary(self.tr("Stopped."), None)
        self._update_buttons()

    def _show_summary(self, text: str, ok: bool | None) -> None:
        show_outcome(self.summary, text, ok)

    def _show_selected(self) -> None:
        index = self.steps.selected_index()
        if index is None:
            self.failure.clear()
            return
        step, result = self.steps.step(index), self.steps.result(index)
        self.failure.show_step(step, result)
        if step is not None and not self.editor.hasFocus():
            self.editor.go_to_line(step.place.line)

    def export_junit(self, path: Path) -> bool:
        from explorer.scenarios import write_junit

        if self.last_result is None:
            return False
        try:
            write_junit(Path(path), [self.last_result])
        except OSError as exc:
            self._show_summary(
                self.tr("{file} cannot be written: {reason}").format(
                    file=path, reason=exc.strerror
                ),
                False,
            )
            return False
        self._show_summary(self.tr("JUnit report saved: {file}").format(file=path), True)
        return True

    def _choose_junit(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save JUnit XML"), "scenario-report.xml", self.tr("JUnit XML (*.xml)")
        )
        if chosen:
            self.export_junit(Path(chosen))

    def _recorded(self, text: str) -> None:
        """A recording's scenario opens in the editor, unsaved."""
        if self._may_discard():
            self.set_text(text, None)


def _plain(text: str) -> str:
    """A label's rich text as plain text (for the editor's tooltip)."""
    return QTextDocumentFragment.fromHtml(text).toPlainText()
