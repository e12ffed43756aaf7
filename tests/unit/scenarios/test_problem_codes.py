"""Every mistake in a scenario file carries a problem code and its details (the window words
them in the user's language), besides the English reason the command line prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.scenarios import ScenarioFileError, load_scenario, parse_scenario
from explorer.scenarios.templating import check_templates, scenario_engine

HEAD = "name: x\nsteps:\n"

# (YAML, problem, details that must be present)
CASES: list[tuple[str, str, dict[str, str]]] = [
    ("name: [unclosed\n", "invalid-yaml", {}),
    ("", "empty-file", {}),
    ("- a\n- b\n", "not-a-mapping", {"keys": "name, connection / profile, vars, steps"}),
    ("name: x\nvars: [1]\nsteps: []\n", "not-a-mapping", {"keys": ""}),
    ("name: x\nsteps: {a: 1}\n", "not-a-list", {}),
    ("name: x\n? [a]\n: 1\nsteps: []\n", "key-not-text", {}),
    ("name: x\nname: y\nsteps: []\n", "key-twice", {}),
    ("name: x\nvars: {a: !custom x}\nsteps: []\n", "unreadable-value", {}),
    ("name: [a]\nsteps: []\n", "not-text", {}),
    ("name:\nsteps: []\n", "empty-text", {}),
    (HEAD + "  - send: {destination: /queue/a, receipt: maybe}\n", "not-boolean", {}),
    (
        HEAD + "  - expect: {destination: /queue/a, count: 0}\n",
        "not-integer",
        {"minimum": "1"},
    ),
    (HEAD + "  - send: {destination: /queue/a, rate: 0}\n", "not-positive", {}),
    (HEAD + "  - wait: [1]\n", "duration", {}),
    (HEAD + "  - wait: 5\n", "needs-unit", {"value": "5"}),
    (HEAD + "  - wait: soon\n", "not-a-duration", {"value": "soon"}),
    ("steps: []\n", "name-missing", {}),
    ("name: x\nconnection: a\nprofile: b\nsteps: []\n", "connection-and-profile", {}),
    ("name: x\n", "steps-missing", {}),
    ("name: x\nsteps: []\n", "no-steps", {}),
    ("name: x\nvars: {n: 1}\nsteps: []\n", "bad-variable", {}),
    (HEAD + "  - {id: a}\n", "step-kind", {"found": ""}),
    (
        HEAD + "  - {wait: 1s, send: {destination: /q}}\n",
        "step-kinds-found",
        {"found": "wait, send"},
    ),
    (HEAD + "  - subscribe: /queue/a\n    id: ''\n", "empty-id", {}),
    (
        HEAD + "  - {subscribe: /queue/a, id: a}\n  - {subscribe: /queue/b, id: a}\n",
        "id-twice",
        {"id": "a"},
    ),
    (HEAD + "  - expect: {within: 1s}\n", "target-either", {}),
    (
        HEAD + "  - {subscribe: /queue/a, id: a}\n  - expect: {subscription: b}\n",
        "unknown-subscription",
        {"id": "b", "known": "a"},
    ),
    (HEAD + "  - expect: {subscription: b}\n", "unknown-subscription-none", {"id": "b"}),
    (HEAD + "  - expect_none: {destination: /queue/a}\n", "for-missing", {}),
    (HEAD + "  - send: {body: x}\n", "destination-missing", {}),
    (HEAD + "  - expect: {destination: /q, body: {}}\n", "body-rule-empty", {}),
    (HEAD + "  - expect: {destination: /q, body: {json: {}}}\n", "json-empty", {}),
    (HEAD + "  - expect: {destination: /q, body: {regex: '('}}\n", "regex", {}),
    (HEAD + "  - expect: {destination: /q, body: {json: {'$[': 1}}}\n", "jsonpath", {"path": "$["}),
    (HEAD + "  - send: {destination: /q, headers: {'': x}}\n", "empty-header-name", {}),
    (HEAD + "  - send: {destination: /q, headers: {receipt: r}}\n", "reserved-receipt", {}),
    (
        HEAD + "  - send: {destination: /q, headers: {Destination: /a}}\n",
        "reserved-destination",
        {},
    ),
    (
        HEAD + "  - send: {destination: /q, headers: {content-length: '3'}}\n",
        "reserved-content-length",
        {},
    ),
    ("name: x\nbogus: 1\nsteps: []\n", "unknown-key", {"name": "bogus"}),
]


@pytest.mark.parametrize(("text", "problem", "details"), CASES)
def test_a_file_mistake_has_its_problem_code(
    text: str, problem: str, details: dict[str, str]
) -> None:
    with pytest.raises(ScenarioFileError) as caught:
        parse_scenario(text, "s.yaml")
    error = caught.value
    assert error.problem == problem, error.reason
    assert details.items() <= error.details.items()
    assert str(error).startswith("s.yaml")  # the command line's English sentence is kept
    assert error.reason in str(error)


def test_unreadable_and_non_utf8_files_have_codes(tmp_path: Path) -> None:
    with pytest.raises(ScenarioFileError) as missing:
        load_scenario(tmp_path / "absent.yaml")
    assert missing.value.problem == "cannot-read"
    assert missing.value.details["reason"]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ScenarioFileError) as not_utf8:
        load_scenario(latin)
    assert not_utf8.value.problem == "not-utf8"


def test_a_template_mistake_is_placed_with_its_column() -> None:
    scenario = parse_scenario(HEAD + "  - send: {destination: /q, body: 'a {{ nope( }}'}\n")
    with pytest.raises(ScenarioFileError) as caught:
        check_templates(scenario, scenario_engine(scenario))
    error = caught.value
    assert error.problem == "template-at"
    assert error.details["column"].isdigit()
    assert error.details["reason"] in error.reason
