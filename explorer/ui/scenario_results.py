"""A scenario run as the window shows it: the step list with pass/fail marks and timings,
and the expected-vs-received report of a failed step.

The runner reports structured results (`explorer.scenarios.results`); the words here are the
window's own, so they can be translated. Rules and checks (`header content-type`,
`body $.user`) are shown as written: they are expressions, not sentences.

`explorer.scenarios` is imported when first used, not with the window (it costs start-up
time, and most sessions never run a scenario).
"""

from __future__ import annotations

import difflib
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTextBrowser, QTreeWidget, QTreeWidgetItem, QWidget

from explorer.ui.theme import is_dark

if TYPE_CHECKING:
    from explorer.scenarios.matchers import Check
    from explorer.scenarios.model import Scenario, Step, Text
    from explorer.scenarios.results import Candidate, Failure, ScenarioResult, Status, StepResult

_CONTEXT = "ScenarioResults"
_MARK, _NUMBER, _STEP, _TIME, _LATENCY = range(5)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _colours() -> dict[str, str]:
    if is_dark():
        return {"passed": "#56d364", "failed": "#ff7b72", "skipped": "#8b949e", "run": "#e3b341"}
    return {"passed": "#1a7f37", "failed": "#c62828", "skipped": "#6a737d", "run": "#9a6700"}


def _text(text: Text | None) -> str:
    return text.value if text is not None else ""


def step_label(step: Step) -> str:
    """One line for a step, as the file writes it (templates unexpanded)."""
    from explorer.scenarios.model import Expect, ExpectNone, Send, Subscribe
    from explorer.scenarios.yamlnodes import format_duration

    if isinstance(step, Subscribe):
        return _tr("Subscribe to {destination} as {id}").format(
            destination=_text(step.destination), id=step.id
        )
    if isinstance(step, Send):
        text = (
            _tr("Send to {destination}")
            if step.count == 1
            else _tr("Send {count} messages to {destination}")
        )
        label = text.format(count=step.count, destination=_text(step.destination))
        return label + (" " + _tr("(receipt)") if step.receipt else "")
    if isinstance(step, Expect):
        target = step.subscription or _text(step.destination)
        text = (
            _tr("Expect a message on {target} within {within}")
            if step.count == 1
            else _tr("Expect {count} messages on {target} within {within}")
        )
        return text.format(count=step.count, target=target, within=format_duration(step.within))
    if isinstance(step, ExpectNone):
        target = step.subscription or _text(step.destination)
        return _tr("Expect nothing on {target} for {duration}").format(
            target=target, duration=format_duration(step.duration)
        )
    return _tr("Wait {duration}").format(duration=format_duration(step.duration))


def _ms(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds * 1000:,.1f} ms"


class StepList(QTreeWidget):
    """The steps of the scenario in the editor, marked as they run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioSteps")
        self.setHeaderLabels(["", "#", self.tr("Step"), self.tr("Time"), self.tr("Latency")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.resizeSection(_MARK, 28)
        header.resizeSection(_NUMBER, 34)
        header.setSectionResizeMode(_STEP, header.ResizeMode.Stretch)
        header.resizeSection(_TIME, 84)
        header.resizeSection(_LATENCY, 84)
        self._results: dict[int, StepResult] = {}
        self._steps: dict[int, Step] = {}

    def show_plan(self, scenario: Scenario) -> None:
        """The steps of a scenario, none run yet."""
        self.clear()
        self._results.clear()
        self._steps = {step.index: step for step in scenario.steps}
        for step in scenario.steps:
            item = QTreeWidgetItem(["", str(step.index), step_label(step), "", ""])
            item.setToolTip(_STEP, _tr("Line {line}").format(line=step.place.line))
            for column in (_TIME, _LATENCY, _NUMBER):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.addTopLevelItem(item)

    def _item(self, index: int) -> QTreeWidgetItem | None:
        return self.topLevelItem(index - 1)

    def mark_running(self, index: int) -> None:
        item = self._item(index)
        if item is not None:
            item.setText(_MARK, "…")
            item.setForeground(_MARK, QColor(_colours()["run"]))

    def show_result(self, result: StepResult) -> None:
        from explorer.scenarios.results import Status

        self._results[result.index] = result
        item = self._item(result.index)
        if item is None:
            return
        colours = _colours()
        mark, colour = {
            Status.PASSED: ("✓", colours["passed"]),
            Status.FAILED: ("✗", colours["failed"]),
            Status.ERROR: ("✗", colours["failed"]),
            Status.SKIPPED: ("–", colours["skipped"]),
        }[result.status]
        item.setText(_MARK, mark)
        item.setForeground(_MARK, QColor(colour))
        item.setToolTip(_MARK, status_text(result.status))
        if result.status is not Status.SKIPPED:
            item.setText(_TIME, _ms(result.duration))
            item.setText(_LATENCY, _ms(result.latency))
        if result.status in (Status.FAILED, Status.ERROR):
            for column in range(self.columnCount()):
                item.setForeground(column, QColor(colour))

    def mark_stopped(self) -> None:
        """The run was stopped: steps that never reported are marked as not run."""
        for index in self._steps:
            if index not in self._results:
                item = self._item(index)
                if item is not None:
                    item.setText(_MARK, "–")
                    item.setForeground(_MARK, QColor(_colours()["skipped"]))
                    item.setToolTip(_MARK, _tr("not run: stopped"))

    def result(self, index: int) -> StepResult | None:
        return self._results.get(index)

    def step(self, index: int) -> Step | None:
        return self._steps.get(index)

    def marks(self) -> list[str]:
        """The mark column, top to bottom (✓ ✗ – …), for tests and summaries."""
        return [
            item.text(_MARK) for item in map(self._item, range(1, len(self._steps) + 1)) if item
        ]

    def selected_index(self) -> int | None:
        items = self.selectedItems()
        return int(items[0].text(_NUMBER)) if items else None

    def select_index(self, index: int) -> None:
        item = self._item(index)
        if item is not None:
            self.setCurrentItem(item)


def run_summary(result: ScenarioResult, steps: StepList) -> tuple[str, bool]:
    """One line for a finished run, and whether it passed."""
    problem = result.first_problem
    if result.passed:
        text = _tr("Passed: {count} steps in {seconds} s")
        return text.format(count=len(result.steps), seconds=f"{result.duration:.2f}"), True
    if problem is None:  # could not subscribe to an expect's destination
        return _tr("Could not start: {reason}").format(reason=result.error or ""), False
    step = steps.step(problem.index)
    label = step_label(step) if step is not None else problem.label
    return _tr("Failed at step {index}: {label}").format(index=problem.index, label=label), False


def status_text(status: Status) -> str:
    from explorer.scenarios.results import Status

    return {
        Status.PASSED: _tr("passed"),
        Status.FAILED: _tr("failed"),
        Status.ERROR: _tr("connection problem"),
        Status.SKIPPED: _tr("skipped after a failure"),
    }[status]


class FailureView(QTextBrowser):
    """What a failed step expected and what came closest (a diff for a body that differs)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioFailure")
        self.setOpenLinks(False)
        self.setPlaceholderText(self.tr("Select a step to see what it expected and received."))

    def show_step(self, step: Step | None, result: StepResult | None) -> None:
        if step is None or result is None:
            self.clear()
            return
        self.setHtml(step_html(step, result))


def step_html(step: Step, result: StepResult) -> str:
    from explorer.scenarios.results import Status

    colours = _colours()
    colour = colours["passed"] if result.status is Status.PASSED else colours["failed"]
    if result.status is Status.SKIPPED:
        colour = colours["skipped"]
    parts = [
        f"<p><b>{html.escape(_tr('Step {index}').format(index=result.index))}: "
        f"{html.escape(step_label(step))}</b> — "
        f"<span style='color:{colour}'>{html.escape(status_text(result.status))}</span></p>",
    ]
    where = _tr("Line {line} of {file}").format(line=step.place.line, file=step.place.file)
    if result.status is not Status.SKIPPED:
        where += " · " + _tr("took {time}").format(time=_ms(result.duration))
        if result.latency is not None:
            where += " · " + _tr("send → receive {latency}").format(latency=_ms(result.latency))
    parts.append(f"<p>{html.escape(where)}</p>")
    if result.error is not None:
        parts.append(
            f"<p style='color:{colours['failed']}'>"
            + html.escape(_tr("The connection was lost: {reason}").format(reason=result.error))
            + "</p>"
        )
    if result.failure is not None:
        parts += _failure_html(step, result, result.failure, colours)
    return "".join(parts)


def _summary(step: Step, result: StepResult, failure: Failure) -> str:
    from explorer.scenarios.model import Expect, ExpectNone
    from explorer.scenarios.yamlnodes import format_duration

    if failure.refused is not None:
        return _tr("The broker refused it: {words}").format(words=failure.refused)
    if isinstance(step, Expect):
        target = step.subscription or _text(step.destination)
        text = (
            _tr("Expected a matching message on {target} within {within}: {arrived} arrived.")
            if step.count == 1
            else _tr(
                "Expected {count} matching messages on {target} within {within}: "
                "{matched} matched, {arrived} arrived."
            )
        )
        return text.format(
            count=step.count,
            target=target,
            within=format_duration(step.within),
            matched=result.matched,
            arrived=failure.received,
        )
    if isinstance(step, ExpectNone):
        target = step.subscription or _text(step.destination)
        return _tr(
            "Expected no matching message on {target} for {duration}, but one arrived."
        ).format(target=target, duration=format_duration(step.duration))
    return failure.summary


def _failure_html(
    step: Step, result: StepResult, failure: Failure, colours: dict[str, str]
) -> list[str]:
    parts = [
        f"<p style='color:{colours['failed']}'>{html.escape(_summary(step, result, failure))}</p>"
    ]
    if failure.expected:
        parts.append(f"<p><b>{html.escape(_tr('Expected'))}</b></p><ul>")
        parts += [f"<li><code>{html.escape(rule)}</code></li>" for rule in failure.expected]
        parts.append("</ul>")
    if failure.refused is not None:
        return parts
    if not failure.closest:
        if failure.received == 0:
            parts.append(f"<p>{html.escape(_tr('No message arrived.'))}</p>")
        return parts
    heading = (
        _tr("Closest messages that arrived")
        if len(failure.closest) > 1
        else _tr("The message that arrived")
    )
    parts.append(f"<p><b>{html.escape(heading)}</b></p>")
    for number, candidate in enumerate(failure.closest, start=1):
        parts += _candidate_html(number, candidate, colours)
    return parts


def _candidate_html(number: int, candidate: Candidate, colours: dict[str, str]) -> list[str]:
    from explorer.scenarios.matchers import shorten

    message = candidate.message
    total = len(candidate.checks)
    line = _tr("#{number} on {destination}").format(number=number, destination=message.destination)
    if total:
        line += " — " + _tr("{score} of {total} rules hold").format(
            score=candidate.score, total=total
        )
    parts = [f"<p>{html.escape(line)}</p>"]
    if not candidate.checks:
        parts.append(f"<pre>{html.escape(shorten(message.text(), 400))}</pre>")
        return parts
    parts.append(
        "<table cellspacing='0' cellpadding='3' border='0'><tr>"
        f"<th></th><th align='left'>{html.escape(_tr('Rule'))}</th>"
        f"<th align='left'>{html.escape(_tr('Expected'))}</th>"
        f"<th align='left'>{html.escape(_tr('Received'))}</th></tr>"
    )
    diffs: list[Check] = []
    for check in candidate.checks:
        mark, colour = ("✓", colours["passed"]) if check.ok else ("✗", colours["failed"])
        actual = _tr("(absent)") if check.actual is None else shorten(check.actual)
        parts.append(
            f"<tr><td style='color:{colour}'>{mark}</td>"
            f"<td><code>{html.escape(check.rule)}</code></td>"
            f"<td><code>{html.escape(shorten(check.expected))}</code></td>"
            f"<td style='color:{colour}'><code>{html.escape(actual)}</code></td></tr>"
        )
        if not check.ok and check.rule == "body equals" and check.actual is not None:
            diffs.append(check)
    parts.append("</table>")
    for check in diffs:
        parts.append(_diff_html(check, colours))
    return parts


def _diff_html(check: Check, colours: dict[str, str]) -> str:
    lines = list(
        difflib.unified_diff(
            check.expected.splitlines(),
            (check.actual or "").splitlines(),
            _tr("expected"),
            _tr("received"),
            lineterm="",
            n=1,
        )
    )
    shown = []
    for line in lines[:40]:
        colour = None
        if line.startswith("+") and not line.startswith("+++"):
            colour = colours["passed"]
        elif line.startswith("-") and not line.startswith("---"):
            colour = colours["failed"]
        text = html.escape(line)
        shown.append(f"<span style='color:{colour}'>{text}</span>" if colour else text)
    return "<pre>" + "\n".join(shown) + "</pre>"
