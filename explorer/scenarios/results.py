"""What running a scenario found: per-step status, timing, latency, and for a failed
expectation what was expected and the closest messages that did arrive."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from explorer.scenarios.matchers import Check
from explorer.scenarios.model import Place
from explorer.scenarios.protocol import ReceivedMessage


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"  # an expectation did not hold, or the broker refused a command
    ERROR = "error"  # the connection was lost: the scenario could not finish
    SKIPPED = "skipped"  # after a failure or an error


@dataclass(frozen=True, slots=True)
class Candidate:
    """A message that arrived but did not (fully) match, with each rule's outcome."""

    message: ReceivedMessage
    checks: tuple[Check, ...]

    @property
    def score(self) -> int:
        return sum(1 for check in self.checks if check.ok)


@dataclass(frozen=True, slots=True)
class Failure:
    summary: str  # one line, e.g. "0 of 1 expected messages arrived on 'inbox' within 2s"
    expected: tuple[str, ...] = ()  # the rules in words
    received: int = 0  # messages that arrived on that subscription during the step
    closest: tuple[Candidate, ...] = ()
    refused: str | None = None  # the broker's ERROR message, when it refused a command


@dataclass(frozen=True, slots=True)
class StepResult:
    index: int
    kind: str
    label: str  # "send 1 message to /queue/orders (receipt)"
    place: Place
    status: Status
    started: float = 0.0  # seconds since the scenario started
    duration: float = 0.0
    latency: float | None = None  # expect: last send -> the message that satisfied it
    sent: int = 0
    matched: int = 0
    failure: Failure | None = None
    error: str | None = None


@dataclass(slots=True)
class ScenarioResult:
    name: str
    file: str
    steps: list[StepResult] = field(default_factory=list)
    duration: float = 0.0
    error: str | None = None  # connection lost (or could not connect): the run is incomplete

    @property
    def passed(self) -> bool:
        return self.error is None and all(step.status is Status.PASSED for step in self.steps)

    @property
    def first_problem(self) -> StepResult | None:
        return next((s for s in self.steps if s.status in (Status.FAILED, Status.ERROR)), None)

    @property
    def latencies(self) -> list[float]:
        return [s.latency for s in self.steps if s.latency is not None]
