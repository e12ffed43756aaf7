"""JSONPaths: parsed by jsonpath-ng, and the common shapes evaluated without its `find()`.

jsonpath-ng parses every path (and evaluates the rare ones: filters, slices, unions,
negative indexes). Three shapes cover nearly every search, and both back ends evaluate them
directly: walking the parsed JSON in Python (about ten times faster than `find()`), or with
SQLite's own JSON functions:

- plain: names and non-negative indexes (`$.user.id`, `$.items[0]."a b"`);
- each: a plain path and one wildcard step (`$.items[*]`, `$.user.*`): its children;
- tree: a plain path and descendants (`$..id`, `$.order..price`, `$..*`).

tests/unit/search checks these walks against jsonpath-ng's `find()`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from jsonpath_ng.ext.parser import parse as parse_jsonpath

Step = str | int
"""An object member's name, or an array index."""


@dataclass(frozen=True, slots=True)
class JsonPlan:
    """A path of a common shape: `steps` from the root, then (for each/tree) every child or
    every descendant (only those called `name` when it is set)."""

    kind: Literal["plain", "each", "tree"]
    steps: tuple[Step, ...]
    name: str | None = None

    def find(self, document: Any) -> list[Any]:
        """What jsonpath-ng's `find()` finds, as values (order aside)."""
        node = document
        for step in self.steps:
            if isinstance(step, str):
                if not isinstance(node, dict) or step not in node:
                    return []
                node = node[step]
            else:
                if not isinstance(node, list) or step >= len(node):
                    return []
                node = node[step]
        if self.kind == "plain":
            return [node]
        if self.kind == "each":
            if isinstance(node, dict):
                return list(node.values())
            return list(node) if isinstance(node, list) else []
        return list(_descendants(node, self.name))


def _descendants(node: Any, name: str | None) -> Iterator[Any]:
    if isinstance(node, dict):
        for key, value in node.items():
            if name is None or key == name:
                yield value
            yield from _descendants(value, name)
    elif isinstance(node, list):
        for value in node:
            if name is None:
                yield value
            yield from _descendants(value, name)


@lru_cache(maxsize=256)
def compiled_jsonpath(path: str) -> Any:
    """jsonpath-ng's parse (extended syntax: filters, arithmetic), cached."""
    return parse_jsonpath(path)


@lru_cache(maxsize=256)
def json_plan(path: str) -> JsonPlan | None:
    """The plan for `path` when it has one of the common shapes, else None."""
    from jsonpath_ng.jsonpath import Child, Descendants, Fields, Wildcard

    expr = compiled_jsonpath(path)
    steps = _steps(expr)
    if steps is not None:
        return JsonPlan("plain", steps)
    if type(expr) is Child and type(expr.right) is Wildcard:
        steps = _steps(expr.left)
        return None if steps is None else JsonPlan("each", steps)
    if type(expr) is Descendants:
        steps = _steps(expr.left)
        if steps is None:
            return None
        if type(expr.right) is Wildcard:
            return JsonPlan("tree", steps)
        name = _single_name(expr.right) if type(expr.right) is Fields else None
        return None if name is None else JsonPlan("tree", steps, name)
    return None


def _single_name(fields: Any) -> str | None:
    names = fields.fields
    return None if len(names) != 1 or names[0] == "*" else str(names[0])


def _steps(expr: Any) -> tuple[Step, ...] | None:
    from jsonpath_ng.jsonpath import Child, Fields, Index, Root

    steps: list[Step] = []
    while type(expr) is Child:
        right = expr.right
        if type(right) is Fields:
            name = _single_name(right)
            if name is None:
                return None
            steps.append(name)
        elif type(right) is Index and len(right.indices) == 1 and right.indices[0] >= 0:
            steps.append(int(right.indices[0]))
        else:
            return None
        expr = expr.left
    if type(expr) is not Root:
        return None
    return tuple(reversed(steps))
