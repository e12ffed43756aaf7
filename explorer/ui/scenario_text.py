"""The window's words for a mistake in a scenario file (the "ScenarioText" context).

`explorer.scenarios` raises `ScenarioFileError` with an English `reason` (what the command
line prints) plus a `problem` code and `details`; here each code becomes a sentence the
translation files know. Technical text from lower layers (YAML's, a regular expression's, the
template engine's own words) stays as given inside the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from explorer.ui.template_text import template_reason

if TYPE_CHECKING:  # the scenario package loads on first use, not at the window's start
    from explorer.scenarios import ScenarioFileError

# problem code -> English sentence with the details' names as placeholders. Literal braces
# are doubled (the sentences go through str.format).
PROBLEMS: dict[str, object] = {
    "cannot-read": QT_TRANSLATE_NOOP("ScenarioText", "The file cannot be read: {reason}"),
    "not-utf8": QT_TRANSLATE_NOOP("ScenarioText", "The file is not UTF-8 text."),
    "invalid-yaml": QT_TRANSLATE_NOOP("ScenarioText", "This is not valid YAML: {reason}"),
    "empty-file": QT_TRANSLATE_NOOP("ScenarioText", "The file is empty."),
    "not-a-mapping": QT_TRANSLATE_NOOP(
        "ScenarioText", "Write key: value lines here (keys: {keys})."
    ),
    "not-a-mapping-plain": QT_TRANSLATE_NOOP("ScenarioText", "Write key: value lines here."),
    "not-a-list": QT_TRANSLATE_NOOP("ScenarioText", "Write a list here: lines starting with '- '."),
    "key-not-text": QT_TRANSLATE_NOOP("ScenarioText", "A key must be plain text."),
    "key-twice": QT_TRANSLATE_NOOP("ScenarioText", "This key is given twice."),
    "unreadable-value": QT_TRANSLATE_NOOP("ScenarioText", "This value cannot be read: {reason}"),
    "not-text": QT_TRANSLATE_NOOP("ScenarioText", "This should be text."),
    "empty-text": QT_TRANSLATE_NOOP("ScenarioText", "This should be text, not empty."),
    "not-boolean": QT_TRANSLATE_NOOP("ScenarioText", "This should be true or false."),
    "not-integer": QT_TRANSLATE_NOOP(
        "ScenarioText", "This should be a whole number of at least {minimum}."
    ),
    "not-positive": QT_TRANSLATE_NOOP("ScenarioText", "This should be a number above 0."),
    "duration": QT_TRANSLATE_NOOP(
        "ScenarioText", "This should be a duration with a unit, for example 2s or 500ms."
    ),
    "needs-unit": QT_TRANSLATE_NOOP(
        "ScenarioText", "'{value}' needs a unit, for example {value}s or 500ms."
    ),
    "not-a-duration": QT_TRANSLATE_NOOP(
        "ScenarioText",
        "'{value}' is not a duration: write a number and a unit (ms, s, m), for example 2s.",
    ),
    "name-missing": QT_TRANSLATE_NOOP(
        "ScenarioText", "'name' is missing (a line such as: name: order reaches the user)."
    ),
    "connection-and-profile": QT_TRANSLATE_NOOP(
        "ScenarioText", "Give either 'connection' or 'profile', not both."
    ),
    "steps-missing": QT_TRANSLATE_NOOP(
        "ScenarioText", "'steps' is missing (a list of subscribe, send, expect … steps)."
    ),
    "no-steps": QT_TRANSLATE_NOOP("ScenarioText", "There are no steps."),
    "bad-variable": QT_TRANSLATE_NOOP("ScenarioText", "This variable cannot be used: {reason}"),
    "step-kind": QT_TRANSLATE_NOOP("ScenarioText", "A step needs exactly one of {kinds}."),
    "step-kinds-found": QT_TRANSLATE_NOOP(
        "ScenarioText", "A step needs exactly one of {kinds} (found {found})."
    ),
    "empty-id": QT_TRANSLATE_NOOP("ScenarioText", "The id is empty."),
    "id-twice": QT_TRANSLATE_NOOP("ScenarioText", "The subscription id '{id}' is used twice."),
    "target-either": QT_TRANSLATE_NOOP(
        "ScenarioText", "Give either 'subscription' (an id) or 'destination', exactly one."
    ),
    "unknown-subscription": QT_TRANSLATE_NOOP(
        "ScenarioText", "No subscribe step before this one has the id '{id}' (ids: {known})."
    ),
    "unknown-subscription-none": QT_TRANSLATE_NOOP(
        "ScenarioText", "No subscribe step before this one has the id '{id}' (none yet)."
    ),
    "for-missing": QT_TRANSLATE_NOOP(
        "ScenarioText", "'for' is missing: how long nothing may arrive, for example for: 500ms."
    ),
    "destination-missing": QT_TRANSLATE_NOOP("ScenarioText", "'destination' is missing."),
    "body-rule-empty": QT_TRANSLATE_NOOP("ScenarioText", "Give at least one of {keys}."),
    "json-empty": QT_TRANSLATE_NOOP(
        "ScenarioText", 'Give at least one JSONPath, for example json: {{"$.user": 1001}}.'
    ),
    "regex": QT_TRANSLATE_NOOP("ScenarioText", "The regular expression does not compile: {reason}"),
    "jsonpath": QT_TRANSLATE_NOOP(
        "ScenarioText", "'{path}' is not a JSONPath that parses ({reason})."
    ),
    "empty-header-name": QT_TRANSLATE_NOOP("ScenarioText", "A header name is empty."),
    "reserved-destination": QT_TRANSLATE_NOOP(
        "ScenarioText", "Set the destination with the send step's own 'destination' key."
    ),
    "reserved-receipt": QT_TRANSLATE_NOOP(
        "ScenarioText", "Ask for a receipt with the send step's 'receipt: true'."
    ),
    "reserved-content-length": QT_TRANSLATE_NOOP(
        "ScenarioText", "content-length is computed from the body."
    ),
    "unknown-key": QT_TRANSLATE_NOOP(
        "ScenarioText", "Unknown key '{name}' (allowed here: {allowed})."
    ),
    "template": QT_TRANSLATE_NOOP("ScenarioText", "template: {reason}"),
    "template-at": QT_TRANSLATE_NOOP("ScenarioText", "column {column}: {reason}"),
}


def file_problem_text(error: ScenarioFileError) -> str:
    """What is wrong in the file, in the user's language (the English reason when the
    mistake has no code, e.g. one from a newer scenario format)."""
    problem = error.problem or ""
    if problem == "not-a-mapping" and not error.details.get("keys"):
        problem = "not-a-mapping-plain"
    sentence = PROBLEMS.get(problem)
    if sentence is None:
        return error.reason
    details = dict(error.details)
    if details.get("template"):  # a template's own problem, worded as the composer does
        inner = {
            name.removeprefix("template."): value
            for name, value in details.items()
            if name.startswith("template.")
        }
        details["reason"] = template_reason(details["template"], inner, details["reason"])
    try:
        return QCoreApplication.translate("ScenarioText", str(sentence)).format(**details)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return error.reason
