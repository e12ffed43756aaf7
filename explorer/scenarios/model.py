"""A scenario as plain frozen data: what the YAML file says, with the place of every value.

Texts that may hold templates (`{{user}}`) are kept as written in `Text`, with their place, so
a template mistake found later still points at the file, line and key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jsonpath_ng import JSONPath


@dataclass(frozen=True, slots=True)
class Place:
    """Where a value sits: file, 1-based line and column, key path; `block` for `|`/`>`
    scalars, whose text starts on the next line."""

    file: str
    line: int
    key: str
    column: int = 1
    block: bool = False

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"

    def inside(self, line: int | None, column: int | None) -> tuple[int, int | None]:
        """File line and column of a position inside this value's text (both 1-based)."""
        line = line or 1
        if self.block:
            return self.line + line, None if column is None else column
        if line > 1:
            return self.line + line - 1, column
        return self.line, None if column is None else self.column + column - 1


@dataclass(frozen=True, slots=True)
class Text:
    """A text as written (maybe a template) and its place."""

    value: str
    place: Place


Headers = tuple[tuple[str, Text], ...]


@dataclass(frozen=True, slots=True)
class JsonCheck:
    """`"$.user": 1001`: some value the path finds must equal `expected` (strings are
    templates)."""

    path: str
    compiled: JSONPath = field(compare=False)
    expected: Any
    place: Place


@dataclass(frozen=True, slots=True)
class BodyRule:
    """Body matchers; every one given must hold."""

    json: tuple[JsonCheck, ...] = ()
    contains: Text | None = None
    equals: Text | None = None
    regex: re.Pattern[str] | None = None
    regex_place: Place | None = None


@dataclass(frozen=True, slots=True)
class Subscribe:
    index: int
    place: Place
    destination: Text
    id: str
    headers: Headers = ()

    kind = "subscribe"


@dataclass(frozen=True, slots=True)
class Send:
    index: int
    place: Place
    destination: Text
    headers: Headers = ()
    body: Text | None = None
    receipt: bool = False
    count: int = 1
    rate: float | None = None

    kind = "send"


@dataclass(frozen=True, slots=True)
class Expect:
    """At least `count` matching messages on a subscription (or destination) within `within`
    seconds."""

    index: int
    place: Place
    subscription: str | None
    destination: Text | None
    within: float
    count: int = 1
    headers: Headers = ()
    body: BodyRule | None = None

    kind = "expect"


@dataclass(frozen=True, slots=True)
class ExpectNone:
    """No (matching) message on a subscription (or destination) for `duration` seconds."""

    index: int
    place: Place
    subscription: str | None
    destination: Text | None
    duration: float
    headers: Headers = ()
    body: BodyRule | None = None

    kind = "expect_none"


@dataclass(frozen=True, slots=True)
class Wait:
    index: int
    place: Place
    duration: float

    kind = "wait"


Step = Subscribe | Send | Expect | ExpectNone | Wait


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    file: str
    steps: tuple[Step, ...]
    connection: str | None = None
    profile: str | None = None
    variables: dict[str, Any] = field(default_factory=dict)
    place: Place | None = None  # of `connection` / `profile`, for errors found when connecting

    def texts(self) -> list[Text]:
        """Every templated text, in file order (to compile them all before running)."""
        found: list[Text] = []
        for step in self.steps:
            if isinstance(step, Subscribe | Send):
                found.append(step.destination)
            if isinstance(step, Send) and step.body is not None:
                found.append(step.body)
            if isinstance(step, Expect | ExpectNone):
                if step.destination is not None:
                    found.append(step.destination)
                if step.body is not None:
                    found.extend(t for t in (step.body.contains, step.body.equals) if t)
                    found.extend(
                        Text(check.expected, check.place)
                        for check in step.body.json
                        if isinstance(check.expected, str)
                    )
            if not isinstance(step, Wait):
                found.extend(text for _name, text in step.headers)
        return found
