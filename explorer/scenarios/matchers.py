"""Does a received message match an expect step? And if not, how close did it come?

`Criteria` holds one step's rules with templates already rendered; `checks(message)` tells,
rule by rule, what was expected and what arrived (the failure report's diff is built from
these).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from jsonpath_ng import JSONPath

from explorer.scenarios.protocol import ReceivedMessage

_SHOW = 120  # characters of a value shown in a report


@dataclass(frozen=True, slots=True)
class JsonRule:
    path: str
    compiled: JSONPath
    expected: Any
    templated: bool  # expected came from a template: a string that may stand for a number


@dataclass(frozen=True, slots=True)
class Check:
    """One rule against one message."""

    rule: str  # "header content-type", "body $.user", "body contains" ...
    expected: str
    actual: str | None  # None: absent (no such header, path found nothing)
    ok: bool


@dataclass(frozen=True, slots=True)
class Criteria:
    headers: tuple[tuple[str, str], ...] = ()
    json: tuple[JsonRule, ...] = ()
    contains: str | None = None
    equals: str | None = None
    regex: re.Pattern[str] | None = None

    @property
    def empty(self) -> bool:
        return not (self.headers or self.json or self.contains is not None) and (
            self.equals is None and self.regex is None
        )

    def describe(self) -> list[str]:
        """The rules in words, one per line."""
        lines = [f"header {name} = {shorten(value)}" for name, value in self.headers]
        lines += [f"body {rule.path} = {show_json(rule.expected)}" for rule in self.json]
        if self.contains is not None:
            lines.append(f"body contains {shorten(self.contains)!r}")
        if self.equals is not None:
            lines.append(f"body equals {shorten(self.equals)!r}")
        if self.regex is not None:
            lines.append(f"body matches /{self.regex.pattern}/")
        return lines

    def matches(self, message: ReceivedMessage) -> bool:
        """Fast yes/no (stops at the first rule that fails)."""
        for name, value in self.headers:
            if message.header(name) != value:
                return False
        if self.json or self.contains is not None or self.equals is not None or self.regex:
            return all(check.ok for check in self._body_checks(message))
        return True

    def checks(self, message: ReceivedMessage) -> list[Check]:
        """Every rule's outcome, for the report."""
        found = [
            Check(f"header {name}", value, message.header(name), message.header(name) == value)
            for name, value in self.headers
        ]
        return found + self._body_checks(message)

    def _body_checks(self, message: ReceivedMessage) -> list[Check]:
        text = message.text()
        found: list[Check] = []
        if self.json:
            found += _json_checks(self.json, text)
        if self.contains is not None:
            found.append(
                Check("body contains", self.contains, shorten(text), self.contains in text)
            )
        if self.equals is not None:
            found.append(Check("body equals", self.equals, text, text == self.equals))
        if self.regex is not None:
            ok = self.regex.search(text) is not None
            found.append(Check("body regex", f"/{self.regex.pattern}/", shorten(text), ok))
        return found


def _json_checks(rules: tuple[JsonRule, ...], text: str) -> list[Check]:
    try:
        document = json.loads(text)
    except ValueError:
        return [
            Check(f"body {rule.path}", show_json(rule.expected), "(the body is not JSON)", False)
            for rule in rules
        ]
    found = []
    for rule in rules:
        values = [match.value for match in rule.compiled.find(document)]
        ok = any(json_equal(value, rule.expected, rule.templated) for value in values)
        actual = None if not values else ", ".join(show_json(v) for v in values[:3])
        found.append(Check(f"body {rule.path}", show_json(rule.expected), actual, ok))
    return found


def json_equal(actual: Any, expected: Any, templated: bool) -> bool:
    """Equal as JSON values (true is not 1). A templated string also matches the number,
    boolean or null it spells ('{{user}}' renders '1001', which matches 1001)."""
    if templated and isinstance(expected, str) and not isinstance(actual, str):
        return json.dumps(actual) == expected or str(actual) == expected
    if isinstance(actual, bool) != isinstance(expected, bool):
        return False
    return bool(actual == expected)


def show_json(value: Any) -> str:
    return shorten(json.dumps(value, ensure_ascii=False))


def shorten(text: str, limit: int = _SHOW) -> str:
    text = text.replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 1] + "…"
