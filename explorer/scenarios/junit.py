"""JUnit XML for CI (Jenkins, GitLab): one <testsuite>, one <testcase> per scenario file.

A failed expectation is a <failure> (message: the failed step; text: expected vs received);
a scenario that could not connect or lost its connection is an <error>. Step progress goes to
<system-out>. Attributes follow the schema Jenkins' JUnit plugin reads.
"""

from __future__ import annotations

import socket
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from explorer.scenarios.report import describe_failure, step_line
from explorer.scenarios.results import ScenarioResult, Status

SUITE_NAME = "stomp-explorer scenarios"


def junit_xml(results: list[ScenarioResult], *, started: datetime | None = None) -> bytes:
    failures = sum(1 for r in results if r.error is None and not r.passed)
    errors = sum(1 for r in results if r.error is not None)
    total_time = sum(r.duration for r in results)
    stamp = (started or datetime.now(UTC)).replace(microsecond=0, tzinfo=None).isoformat()
    suites = ET.Element(
        "testsuites",
        name=SUITE_NAME,
        tests=str(len(results)),
        failures=str(failures),
        errors=str(errors),
        time=_seconds(total_time),
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name=SUITE_NAME,
        tests=str(len(results)),
        failures=str(failures),
        errors=str(errors),
        skipped="0",
        time=_seconds(total_time),
        timestamp=stamp,
        hostname=socket.gethostname() or "localhost",
    )
    for result in results:
        case = ET.SubElement(
            suite,
            "testcase",
            name=result.name,
            classname=_classname(result.file),
            time=_seconds(result.duration),
        )
        problem = result.first_problem
        if result.error is not None and (problem is None or problem.status is Status.ERROR):
            where = f"step {problem.index} ({problem.label}): " if problem else ""
            error = ET.SubElement(
                case, "error", message=f"{where}{result.error}", type="connection"
            )
            error.text = f"{where}{result.error}"
        elif problem is not None and problem.failure is not None:
            message = f"step {problem.index}: {problem.failure.summary}"
            failure = ET.SubElement(case, "failure", message=message, type="expectation")
            heading = f"{result.file}:{problem.place.line}: step {problem.index} {problem.label}"
            failure.text = "\n".join([heading, *describe_failure(problem.failure)])
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join(step_line(step) for step in result.steps)
    ET.indent(suites)
    data: bytes = ET.tostring(suites, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def write_junit(path: Path, results: list[ScenarioResult]) -> None:
    from explorer.profiles.storage import atomic_write

    atomic_write(path, junit_xml(results))


def _classname(file: str) -> str:
    """`tests/scenarios/orders.yaml` -> `tests.scenarios.orders` (how CI groups cases)."""
    path = Path(file)
    parts = [p for p in path.with_suffix("").parts if p not in ("/", ".", "..")]
    return ".".join(parts) or path.name


def _seconds(value: float) -> str:
    return f"{value:.3f}"
