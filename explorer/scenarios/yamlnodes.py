"""Typed reading of a YAML document that keeps every value's line, so validation errors can
name the file, the line and the key.

PyYAML's `compose()` gives the node tree with positions; values are constructed node by node
with its safe constructor (no Python objects from tags).
"""

from __future__ import annotations

import re
from typing import Any, NoReturn

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from explorer.scenarios.errors import ScenarioFileError

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|min)\s*$")
_NUMBER = re.compile(r"^\s*[-+]?(\d+(?:\.\d+)?|\.\d+)\s*$")
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "min": 60.0}


def parse_duration(text: str) -> float:
    """'500ms', '2s', '1.5s', '1m' -> seconds; ValueError (with a hint) otherwise."""
    found = _DURATION.match(text)
    if found:
        return float(found.group(1)) * _UNITS[found.group(2)]
    if _NUMBER.match(text):
        raise ValueError(f"'{text.strip()}' needs a unit, for example {text.strip()}s or 500ms")
    raise ValueError(f"'{text}' is not a duration: write a number and a unit (ms, s, m), e.g. 2s")


def format_duration(seconds: float) -> str:
    """The shortest faithful spelling: 0.5 -> '500ms', 2.0 -> '2s'."""
    if seconds < 1 or seconds != int(seconds):
        millis = seconds * 1000
        return f"{millis:g}ms"
    return f"{seconds:g}s"


class Doc:
    """One YAML node with its file, key path and line; every accessor checks the type."""

    __slots__ = ("file", "key", "node")

    def __init__(self, node: Node, file: str, key: str) -> None:
        self.node = node
        self.file = file
        self.key = key

    @classmethod
    def parse(cls, text: str, file: str) -> Doc:
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else None
            reason = " ".join(part for part in (exc.context, exc.problem) if part)
            raise ScenarioFileError(
                file,
                line,
                None,
                f"not valid YAML: {reason}",
                problem="invalid-yaml",
                details={"reason": reason},
            ) from None
        except yaml.YAMLError as exc:
            raise ScenarioFileError(
                file,
                None,
                None,
                f"not valid YAML: {exc}",
                problem="invalid-yaml",
                details={"reason": str(exc)},
            ) from None
        if node is None:
            raise ScenarioFileError(file, 1, None, "the file is empty", problem="empty-file")
        return cls(node, file, "")

    # -------------------------------------------------------------------------- places

    @property
    def line(self) -> int:
        return int(self.node.start_mark.line) + 1

    @property
    def column(self) -> int:
        return int(self.node.start_mark.column) + 1

    @property
    def style(self) -> str | None:
        return getattr(self.node, "style", None)

    def fail(
        self,
        reason: str,
        key: str | None = None,
        *,
        problem: str | None = None,
        details: dict[str, str] | None = None,
    ) -> NoReturn:
        """Raise the ScenarioFileError at this node: `reason` in English, `problem` and
        `details` for the window's own words (see ScenarioFileError)."""
        raise ScenarioFileError(
            self.file,
            self.line,
            key or self.key or None,
            reason,
            problem=problem,
            details=details,
        )

    def child(self, node: Node, key: str) -> Doc:
        return Doc(node, self.file, key)

    # -------------------------------------------------------------------------- shapes

    def mapping(self, what: str = "a mapping") -> dict[str, Doc]:
        """Keys in order; duplicate keys are an error (YAML would silently keep the last)."""
        if not isinstance(self.node, MappingNode):
            # The keys a `what` such as "a step (subscribe, send, ...)" lists, for the window.
            keys = (
                what[what.find("(") + 1 : -1].replace(" or ", " / ") if what.endswith(")") else ""
            )
            self.fail(
                f"should be {what} (key: value lines)",
                problem="not-a-mapping",
                details={"keys": keys},
            )
        result: dict[str, Doc] = {}
        for key_node, value_node in self.node.value:
            if not isinstance(key_node, ScalarNode):
                Doc(key_node, self.file, self.key).fail(
                    "keys must be plain text", problem="key-not-text"
                )
            name = str(key_node.value)
            path = f"{self.key}.{name}" if self.key else name
            if name in result:
                Doc(key_node, self.file, path).fail("this key is given twice", problem="key-twice")
            result[name] = Doc(value_node, self.file, path)
        return result

    def sequence(self, what: str = "a list") -> list[Doc]:
        if not isinstance(self.node, SequenceNode):
            self.fail(f"should be {what} (lines starting with '- ')", problem="not-a-list")
        return [
            Doc(item, self.file, f"{self.key}[{i + 1}]") for i, item in enumerate(self.node.value)
        ]

    def value(self) -> Any:
        """The plain Python value (str, int, float, bool, None, list, dict)."""
        try:
            return SafeConstructor().construct_object(self.node, deep=True)
        except yaml.YAMLError as exc:
            self.fail(
                f"cannot read this value: {exc}",
                problem="unreadable-value",
                details={"reason": str(exc)},
            )

    def is_scalar(self) -> bool:
        return isinstance(self.node, ScalarNode)

    def text(self, *, numbers: bool = True) -> str:
        """A string; with `numbers`, a number or boolean written bare is taken as its text."""
        if not isinstance(self.node, ScalarNode):
            self.fail("should be text", problem="not-text")
        value = self.value()
        if isinstance(value, str):
            return value
        if value is None:
            self.fail("should be text, not empty", problem="empty-text")
        if numbers and isinstance(value, int | float | bool):
            return str(self.node.value)
        self.fail("should be text", problem="not-text")

    def boolean(self) -> bool:
        value = self.value()
        if not isinstance(value, bool):
            self.fail("should be true or false", problem="not-boolean")
        return value

    def integer(self, minimum: int = 1) -> int:
        value = self.value()
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(
                f"should be a whole number of at least {minimum}",
                problem="not-integer",
                details={"minimum": str(minimum)},
            )
        return value

    def positive_number(self) -> float:
        value = self.value()
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            self.fail("should be a number above 0", problem="not-positive")
        return float(value)

    def duration(self) -> float:
        value = self.value()
        if isinstance(value, bool) or value is None or isinstance(value, list | dict):
            self.fail("should be a duration with a unit, e.g. 2s or 500ms", problem="duration")
        text = str(value)
        try:
            return parse_duration(text)
        except ValueError as exc:
            problem = "needs-unit" if _NUMBER.match(text) else "not-a-duration"
            self.fail(str(exc), problem=problem, details={"value": text.strip()})

    def string_map(self) -> list[tuple[str, str, Doc]]:
        """`{name: text}` as (name, text, value doc) in order (for headers)."""
        pairs = []
        for name, doc in self.mapping().items():
            pairs.append((name, doc.text(), doc))
        return pairs
