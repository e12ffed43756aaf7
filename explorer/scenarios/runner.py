"""Run a scenario over a `ScenarioConnection`: the same code for the command line and the
window.

Messages are read by one background task into an inbox per subscription; each expect step
looks at the messages of its subscription that no earlier expect consumed (so a reply that
came in before the expect step started still counts), waits up to `within`, and moves the
inbox past the messages it used. The first failing step ends the scenario; the rest are
reported as skipped.

In expect steps, `{{n}}`, `{{uuid}}`, `{{now}}` and `{{now_ms}}` are those of the last message
sent, so an expectation can name the `x-run: {{uuid}}` its send step used.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from explorer.scenarios.errors import ConnectionProblem, NotSendable
from explorer.scenarios.matchers import Criteria, JsonRule
from explorer.scenarios.model import (
    BodyRule,
    Expect,
    ExpectNone,
    Scenario,
    Send,
    Step,
    Subscribe,
    Text,
    Wait,
)
from explorer.scenarios.protocol import ReceivedMessage, ScenarioConnection
from explorer.scenarios.results import Candidate, Failure, ScenarioResult, Status, StepResult
from explorer.scenarios.templating import compile_templates, compile_text, render_error, uses_of
from explorer.scenarios.yamlnodes import format_duration
from explorer.templates import TemplateEngine, TemplateError
from explorer.templates.values import per_message_values

StepCallback = Callable[[StepResult], None]
CLOSEST = 3


@dataclass(slots=True)
class _Inbox:
    """Messages of one subscription; `cursor` is the first one no expect has used yet."""

    messages: list[ReceivedMessage] = field(default_factory=list)
    cursor: int = 0
    changed: asyncio.Event = field(default_factory=asyncio.Event)


class _StepFailed(Exception):
    def __init__(self, failure: Failure, **details: Any) -> None:
        super().__init__(failure.summary)
        self.failure = failure
        self.details = details


class ScenarioRunner:
    """Runs one scenario once. `on_step` is called with each step's result as it ends
    (skipped steps too), for progress output."""

    def __init__(
        self,
        scenario: Scenario,
        engine: TemplateEngine,
        connection: ScenarioConnection,
        *,
        on_step: StepCallback | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.scenario = scenario
        self._engine = engine
        self._connection = connection
        self._on_step = on_step
        self._clock = clock
        self._templates = compile_templates(scenario, engine)
        self._uses = uses_of(self._templates)
        self._inboxes: dict[str, _Inbox] = {}
        self._opened: list[str] = []  # subscription ids this run opened
        self._destination_subs: dict[str, str] = {}  # rendered destination -> id
        self._step_targets: dict[int, tuple[str, str]] = {}  # step index -> (id, destination)
        self._problem: ConnectionProblem | None = None
        self._last_values: dict[str, Any] = per_message_values(self._uses, 1)
        self._last_send: float | None = None
        self._start = 0.0

    # ------------------------------------------------------------------------- the run

    async def run(self) -> ScenarioResult:
        result = ScenarioResult(self.scenario.name, self.scenario.file)
        self._start = self._clock()
        reader = asyncio.create_task(self._read(), name="scenario-reader")
        try:
            await self._run_steps(result)
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reader
            await self._close_subscriptions(result)
        result.duration = self._clock() - self._start
        return result

    async def _run_steps(self, result: ScenarioResult) -> None:
        try:
            await self._subscribe_destinations()
        except ConnectionProblem as exc:
            result.error = exc.reason
        stopped = result.error is not None
        for step in self.scenario.steps:
            if stopped:
                self._report(result, self._skipped(step))
                continue
            outcome = await self._step(step)
            self._report(result, outcome)
            if outcome.status is Status.ERROR:
                result.error = outcome.error
            stopped = outcome.status is not Status.PASSED

    def _report(self, result: ScenarioResult, outcome: StepResult) -> None:
        result.steps.append(outcome)
        if self._on_step is not None:
            self._on_step(outcome)

    async def _step(self, step: Step) -> StepResult:
        started = self._clock()
        details: dict[str, Any] = {}
        status, failure, error = Status.PASSED, None, None
        try:
            self._raise_problem()
            details = await self._execute(step) or {}
            self._raise_problem()
        except _StepFailed as exc:
            status, failure, details = Status.FAILED, exc.failure, exc.details
        except NotSendable as exc:
            status, failure = Status.FAILED, Failure(f"not sent: {exc.reason}", refused=exc.reason)
        except ConnectionProblem as exc:
            if exc.refused:
                status = Status.FAILED
                failure = Failure(f"the broker refused it: {exc.reason}", refused=exc.reason)
            else:
                status, error = Status.ERROR, exc.reason
        return StepResult(
            step.index,
            step.kind,
            self._label(step),
            step.place,
            status,
            started=started - self._start,
            duration=self._clock() - started,
            failure=failure,
            error=error,
            **details,
        )

    def _skipped(self, step: Step) -> StepResult:
        return StepResult(step.index, step.kind, self._label(step), step.place, Status.SKIPPED)

    async def _execute(self, step: Step) -> dict[str, Any] | None:
        if isinstance(step, Subscribe):
            await self._subscribe(self._render(step.destination), step.id, step)
            return None
        if isinstance(step, Send):
            return await self._send(step)
        if isinstance(step, Expect):
            return await self._expect(step)
        if isinstance(step, ExpectNone):
            await self._expect_none(step)
            return None
        await asyncio.sleep(step.duration)
        return None

    # ------------------------------------------------------------------------- steps

    async def _subscribe(self, destination: str, sub_id: str, step: Subscribe | None) -> None:
        headers = tuple((k, self._render(v)) for k, v in step.headers) if step else ()
        self._inboxes[sub_id] = _Inbox()
        await self._connection.subscribe(destination, sub_id, headers)
        self._opened.append(sub_id)

    async def _subscribe_destinations(self) -> None:
        """`expect: {destination: ...}` listens from the start, so that a reply sent before
        the expect step is not missed (one subscription per destination, its name rendered
        once, here)."""
        for step in self.scenario.steps:
            if isinstance(step, Expect | ExpectNone) and step.destination is not None:
                destination = self._render(step.destination)
                sub_id = self._destination_subs.get(destination)
                if sub_id is None:
                    sub_id = self._free_id(len(self._destination_subs) + 1)
                    self._destination_subs[destination] = sub_id
                    await self._subscribe(destination, sub_id, None)
                self._step_targets[step.index] = (sub_id, destination)

    def _free_id(self, number: int) -> str:
        """`expect-N`, unless a subscribe step of the scenario already uses that id."""
        taken = {step.id for step in self.scenario.steps if isinstance(step, Subscribe)}
        while f"expect-{number}" in taken:
            number += 1
        return f"expect-{number}"

    async def _send(self, step: Send) -> dict[str, Any]:
        started = self._clock()
        self._last_send = started
        for n in range(1, step.count + 1):
            if step.rate is not None and n > 1:
                delay = started + (n - 1) / step.rate - self._clock()
                if delay > 0:
                    await asyncio.sleep(delay)
            values = per_message_values(self._uses, n)
            where = self._render_with(step.destination, values)
            frame_headers = [(k, self._render_with(v, values)) for k, v in step.headers]
            text = self._render_with(step.body, values) if step.body is not None else ""
            self._last_values = values
            await self._connection.send(where, frame_headers, text.encode("utf-8"), step.receipt)
        return {"sent": step.count}

    def _criteria(self, headers: tuple[tuple[str, Text], ...], body: BodyRule | None) -> Criteria:
        rendered = tuple((name, self._render(value)) for name, value in headers)
        if body is None:
            return Criteria(headers=rendered)
        rules = tuple(
            JsonRule(
                check.path,
                check.compiled,
                self._render(Text(check.expected, check.place))
                if isinstance(check.expected, str)
                else check.expected,
                templated=isinstance(check.expected, str) and "{" in check.expected,
            )
            for check in body.json
        )
        return Criteria(
            headers=rendered,
            json=rules,
            contains=self._render(body.contains) if body.contains else None,
            equals=self._render(body.equals) if body.equals else None,
            regex=body.regex,
        )

    async def _expect(self, step: Expect) -> dict[str, Any]:
        inbox, target = self._inbox(step)
        criteria = self._criteria(step.headers, step.body)
        deadline = self._clock() + step.within
        matched: list[int] = []
        scanned = inbox.cursor
        while True:
            inbox.changed.clear()
            while scanned < len(inbox.messages):
                if criteria.matches(inbox.messages[scanned]):
                    matched.append(scanned)
                    if len(matched) >= step.count:
                        return self._expect_passed(inbox, matched)
                scanned += 1
            self._raise_problem()
            remaining = deadline - self._clock()
            if remaining <= 0 or not await _wait(inbox.changed, remaining):
                break
        window = inbox.messages[inbox.cursor :]
        inbox.cursor = len(inbox.messages)
        noun = "message" if step.count == 1 else "messages"
        summary = (
            f"expected {step.count} matching {noun} on {target} within "
            f"{format_duration(step.within)}: {len(matched)} matched, {len(window)} arrived"
        )
        raise _StepFailed(
            Failure(summary, tuple(criteria.describe()), len(window), _closest(criteria, window)),
            matched=len(matched),
        )

    def _expect_passed(self, inbox: _Inbox, matched: list[int]) -> dict[str, Any]:
        last = inbox.messages[matched[-1]]
        inbox.cursor = matched[-1] + 1
        latency = None
        if self._last_send is not None and last.arrived >= self._last_send:
            latency = last.arrived - self._last_send
        return {"matched": len(matched), "latency": latency}

    async def _expect_none(self, step: ExpectNone) -> None:
        inbox, target = self._inbox(step)
        criteria = self._criteria(step.headers, step.body)
        deadline = self._clock() + step.duration
        scanned = inbox.cursor
        while True:
            inbox.changed.clear()
            for message in inbox.messages[scanned:]:
                if criteria.matches(message):
                    offending = inbox.messages[inbox.cursor :]
                    inbox.cursor = len(inbox.messages)
                    what = "matching message" if not criteria.empty else "message"
                    raise _StepFailed(
                        Failure(
                            f"expected no {what} on {target} for "
                            f"{format_duration(step.duration)}, but one arrived",
                            tuple(criteria.describe()),
                            len(offending),
                            tuple(Candidate(m, tuple(criteria.checks(m))) for m in offending)[
                                :CLOSEST
                            ],
                        )
                    )
            scanned = len(inbox.messages)
            self._raise_problem()
            remaining = deadline - self._clock()
            if remaining <= 0 or not await _wait(inbox.changed, remaining):
                break
        inbox.cursor = len(inbox.messages)

    # ------------------------------------------------------------------------- plumbing

    def _inbox(self, step: Expect | ExpectNone) -> tuple[_Inbox, str]:
        if step.subscription is not None:
            return self._inboxes[step.subscription], f"'{step.subscription}'"
        sub_id, destination = self._step_targets[step.index]  # as subscribed at the start
        return self._inboxes[sub_id], destination

    def _render(self, text: Text) -> str:
        return self._render_with(text, self._last_values)

    def _render_with(self, text: Text, values: dict[str, Any]) -> str:
        """Render one scenario text; a failure names its place in the file."""
        template = self._templates.get(text) or compile_text(self._engine, text)
        try:
            return template.render(values)
        except TemplateError as exc:
            raise render_error(text, exc) from None

    def _shown(self, text: Text | None) -> str:
        """A text for a label: rendered when possible, as written otherwise."""
        if text is None:
            return ""
        try:
            return self._render(text)
        except Exception:
            return text.value

    async def _read(self) -> None:
        try:
            async for message in self._connection.received():
                inbox = self._inboxes.get(message.subscription or "")
                if inbox is not None:
                    inbox.messages.append(message)
                    inbox.changed.set()
        except ConnectionProblem as exc:
            self._problem = exc
        except Exception as exc:  # a broken adapter must not hang the run
            self._problem = ConnectionProblem(str(exc) or type(exc).__name__, refused=False)
        else:
            self._problem = ConnectionProblem("the connection was closed", refused=False)
        for inbox in self._inboxes.values():
            inbox.changed.set()

    def _raise_problem(self) -> None:
        if self._problem is not None:
            raise self._problem

    async def _close_subscriptions(self, result: ScenarioResult) -> None:
        if result.error is not None or self._problem is not None:
            return
        for sub_id in reversed(self._opened):
            with contextlib.suppress(ConnectionProblem):
                await self._connection.unsubscribe(sub_id)

    def _label(self, step: Step) -> str:
        if isinstance(step, Subscribe):
            return f"subscribe {self._shown(step.destination)} as {step.id}"
        if isinstance(step, Send):
            noun = "message" if step.count == 1 else "messages"
            receipt = " (receipt)" if step.receipt else ""
            return f"send {step.count} {noun} to {self._shown(step.destination)}{receipt}"
        if isinstance(step, Expect):
            target = step.subscription or self._shown(step.destination)
            noun = "message" if step.count == 1 else "messages"
            return f"expect {step.count} {noun} on {target} within {format_duration(step.within)}"
        if isinstance(step, ExpectNone):
            target = step.subscription or self._shown(step.destination)
            return f"expect no message on {target} for {format_duration(step.duration)}"
        assert isinstance(step, Wait)
        return f"wait {format_duration(step.duration)}"


def _closest(criteria: Criteria, window: list[ReceivedMessage]) -> tuple[Candidate, ...]:
    """The messages that satisfied the most rules (the latest first among equals)."""
    candidates = [Candidate(m, tuple(criteria.checks(m))) for m in window]
    ranked = sorted(enumerate(candidates), key=lambda pair: (pair[1].score, pair[0]), reverse=True)
    return tuple(candidate for _i, candidate in ranked[:CLOSEST])


async def _wait(event: asyncio.Event, timeout: float) -> bool:
    try:
        await asyncio.wait_for(event.wait(), timeout)
    except TimeoutError:
        return False
    return True
