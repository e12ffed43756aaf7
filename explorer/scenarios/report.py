"""Scenario results as text (progress lines, failure details) and as JSON-ready data.

English only: the command line prints these; the window words results itself from the
structured `ScenarioResult`.
"""

from __future__ import annotations

import difflib
from typing import Any

from explorer.scenarios.matchers import Check, shorten
from explorer.scenarios.results import Candidate, Failure, ScenarioResult, Status, StepResult

_MARKS = {
    Status.PASSED: "ok  ",
    Status.FAILED: "FAIL",
    Status.ERROR: "ERR ",
    Status.SKIPPED: "skip",
}


def step_line(step: StepResult) -> str:
    """`  ok   3 expect 1 message on inbox within 2s   12.3 ms (latency 4.1 ms)`"""
    mark = _MARKS[step.status]
    line = f"  {mark} {step.index:>2} {step.label}"
    if step.status is not Status.SKIPPED:
        line += f"  {_ms(step.duration)}"
        if step.latency is not None:
            line += f" (latency {_ms(step.latency)})"
    return line


def failure_lines(step: StepResult) -> list[str]:
    """The detail under a failed step: what was expected, what came closest."""
    if step.error is not None:
        return [f"       connection lost: {step.error}"]
    if step.failure is None:
        return []
    return ["       " + line for line in describe_failure(step.failure)]


def describe_failure(failure: Failure) -> list[str]:
    lines = [failure.summary]
    if failure.expected:
        lines.append("expected:")
        lines += [f"  {rule}" for rule in failure.expected]
    if failure.refused is not None:
        return lines
    if not failure.closest:
        if failure.received == 0:
            lines.append("no message arrived")
        return lines
    lines.append("closest messages that arrived:" if len(failure.closest) > 1 else "arrived:")
    for number, candidate in enumerate(failure.closest, start=1):
        lines += _candidate_lines(number, candidate)
    return lines


def _candidate_lines(number: int, candidate: Candidate) -> list[str]:
    message = candidate.message
    total = len(candidate.checks)
    score = f", {candidate.score} of {total} rules hold" if total else ""
    lines = [f"  #{number} on {message.destination}{score}"]
    for check in candidate.checks:
        if not check.ok:
            lines += ["    " + line for line in _check_lines(check)]
    if not candidate.checks:
        lines.append(f"    body: {shorten(message.text())}")
    return lines


def _check_lines(check: Check) -> list[str]:
    if check.rule == "body equals" and check.actual is not None:
        diff = list(
            difflib.unified_diff(
                check.expected.splitlines(),
                check.actual.splitlines(),
                "expected",
                "received",
                lineterm="",
                n=1,
            )
        )
        return ["body differs:", *("  " + d for d in diff[:20])]
    actual = "(absent)" if check.actual is None else shorten(check.actual)
    return [f"{check.rule}: expected {shorten(check.expected)}, got {actual}"]


def summary_line(results: list[ScenarioResult]) -> str:
    passed = sum(1 for r in results if r.passed)
    failed = len(results) - passed
    noun = "scenario" if len(results) == 1 else "scenarios"
    return f"{len(results)} {noun}: {passed} passed, {failed} failed"


def result_json(result: ScenarioResult) -> dict[str, Any]:
    """A JSON-ready summary of one scenario run (times in milliseconds)."""
    return {
        "name": result.name,
        "file": result.file,
        "passed": result.passed,
        "duration_ms": round(result.duration * 1000, 3),
        "error": result.error,
        "steps": [_step_json(step) for step in result.steps],
    }


def _step_json(step: StepResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "index": step.index,
        "kind": step.kind,
        "label": step.label,
        "line": step.place.line,
        "status": step.status.value,
        "duration_ms": round(step.duration * 1000, 3),
        "latency_ms": None if step.latency is None else round(step.latency * 1000, 3),
    }
    if step.kind == "send":
        data["sent"] = step.sent
    if step.kind == "expect":
        data["matched"] = step.matched
    if step.error is not None:
        data["error"] = step.error
    if step.failure is not None:
        data["failure"] = {
            "summary": step.failure.summary,
            "expected": list(step.failure.expected),
            "received": step.failure.received,
            "refused": step.failure.refused,
            "closest": [
                {
                    "destination": c.message.destination,
                    "headers": dict(reversed(c.message.headers)),
                    "body": c.message.text(),
                    "checks": [
                        {"rule": k.rule, "expected": k.expected, "actual": k.actual, "ok": k.ok}
                        for k in c.checks
                    ],
                }
                for c in step.failure.closest
            ],
        }
    return data


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"
