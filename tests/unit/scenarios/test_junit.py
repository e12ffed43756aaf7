"""JUnit XML checked field by field, as Jenkins' JUnit plugin and GitLab read it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from explorer.scenarios import ScenarioResult, Status, StepResult, junit_xml
from explorer.scenarios.matchers import Check
from explorer.scenarios.model import Place
from explorer.scenarios.protocol import ReceivedMessage
from explorer.scenarios.results import Candidate, Failure


def step(index: int, status: Status, **extra: object) -> StepResult:
    return StepResult(
        index,
        "expect",
        f"step label {index}",
        Place("s/a.yaml", 4 + index, "k"),
        status,
        duration=0.25,
        **extra,  # type: ignore[arg-type]
    )


def results() -> list[ScenarioResult]:
    passed = ScenarioResult("all good", "scenarios/good.yaml", [step(1, Status.PASSED)], 0.5)
    message = ReceivedMessage("inbox", "/queue/a", (("x", "2"),), b"{}", 1.0)
    failure = Failure(
        "expected 1 matching message on 'inbox' within 2s: 0 matched, 1 arrived",
        ("header x = 1",),
        1,
        (Candidate(message, (Check("header x", "1", "2", False),)),),
    )
    failed = ScenarioResult(
        'order <reaches> "user"',
        "scenarios/orders.yaml",
        [step(1, Status.PASSED), step(2, Status.FAILED, failure=failure), step(3, Status.SKIPPED)],
        2.25,
    )
    lost = ScenarioResult(
        "lost", "lost.yaml", [step(1, Status.ERROR, error="reset")], 0.1, error="reset"
    )
    unreachable = ScenarioResult("down", "down.yaml", error="cannot connect to stomp://x: refused")
    return [passed, failed, lost, unreachable]


def test_one_testsuite_with_one_testcase_per_scenario_file() -> None:
    started = datetime(2026, 11, 30, 1, 2, 3, tzinfo=UTC)
    root = ET.fromstring(junit_xml(results(), started=started))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "stomp-explorer scenarios"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "1", "2")
    assert suite.get("skipped") == "0"
    assert suite.get("timestamp") == "2026-11-30T01:02:03"
    assert float(suite.get("time") or "nan") == 2.85
    assert suite.get("hostname")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["all good", 'order <reaches> "user"', "lost", "down"]
    assert [c.get("classname") for c in cases] == [
        "scenarios.good",
        "scenarios.orders",
        "lost",
        "down",
    ]
    assert [c.get("time") for c in cases] == ["0.500", "2.250", "0.100", "0.000"]


def test_passing_case_has_only_its_progress() -> None:
    case = ET.fromstring(junit_xml(results())).findall("testsuite/testcase")[0]
    assert case.find("failure") is None and case.find("error") is None
    out = case.find("system-out")
    assert out is not None and out.text == "  ok    1 step label 1  250.0 ms"


def test_failure_names_the_step_and_expected_versus_received() -> None:
    case = ET.fromstring(junit_xml(results())).findall("testsuite/testcase")[1]
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "expectation"
    assert failure.get("message") == (
        "step 2: expected 1 matching message on 'inbox' within 2s: 0 matched, 1 arrived"
    )
    text = failure.text or ""
    assert text.splitlines()[0] == "scenarios/orders.yaml:6: step 2 step label 2"
    assert "expected:\n  header x = 1" in text
    assert "header x: expected 1, got 2" in text
    out = case.find("system-out")
    assert out is not None and "skip  3 step label 3" in (out.text or "")


def test_connection_problems_are_errors() -> None:
    cases = ET.fromstring(junit_xml(results())).findall("testsuite/testcase")
    lost, down = cases[2].find("error"), cases[3].find("error")
    assert lost is not None and lost.get("message") == "step 1 (step label 1): reset"
    assert down is not None and down.get("message") == "cannot connect to stomp://x: refused"
    assert down.get("type") == "connection"
    assert cases[2].find("failure") is None
