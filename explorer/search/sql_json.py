"""JSON body conditions in SQL: which JSONPaths SQLite can evaluate itself, and how.

- plain paths (`$.user.id`, `$.items[0]`): `json_extract` / `json_type`;
- a wildcard step at the end (`$.items[*]`, `$.user.*`): the rows of `json_each`;
- descendants (`$..id`, `$.order..price`, `$..*`): the rows of `json_tree`;
- anything else (filters, slices, unions, negative indexes): the Python function
  `stomp_json`, which runs jsonpath-ng itself (row by row, so much slower).

Whatever the route, the meaning is `explorer.search.semantics.json_condition`'s (the
Hypothesis test in tests/unit/search checks it).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from explorer.search import semantics
from explorer.search.ast import Op, Value

SQL_OPS = {Op.EQ: "=", Op.LT: "<", Op.LE: "<=", Op.GT: ">", Op.GE: ">="}

Param = Callable[[Any], str]
"""Adds a parameter and returns its placeholder."""


@dataclass(frozen=True, slots=True)
class JsonPlan:
    """How SQLite evaluates a JSONPath: `kind` and the SQLite path it starts from (and for
    descendants, the member name to look for, or None for every node)."""

    kind: Literal["plain", "each", "tree"]
    start: str
    name: str | None = None


def when(condition: str) -> str:
    """1 when `condition` holds, else 0 (also for NULL). SQLite stops at the first false
    term of an AND inside CASE WHEN, but evaluates every term inside a function such as
    coalesce(): about 2.5x faster on a million rows."""
    return f"(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def json_plan(path: str) -> JsonPlan | None:
    """The plan for `path`, or None when only jsonpath-ng can evaluate it."""
    from jsonpath_ng.jsonpath import Child, Descendants, Fields, Wildcard

    expr = semantics.compiled_jsonpath(path)
    plain = _plain(expr)
    if plain is not None:
        return JsonPlan("plain", plain)
    if type(expr) is Child and type(expr.right) is Wildcard:
        start = _plain(expr.left)
        return None if start is None else JsonPlan("each", start)
    if type(expr) is Descendants:
        start = _plain(expr.left)
        right = expr.right
        if start is None:
            return None
        if type(right) is Wildcard:
            return JsonPlan("tree", start)
        name = _single_name(right) if type(right) is Fields else None
        return None if name is None else JsonPlan("tree", start, name)
    return None


def sqlite_path(path: str) -> str | None:
    """SQLite's path for a JSONPath of plain names and non-negative indexes (`$.a[0]."b c"`),
    or None when SQLite cannot say it that way."""
    return _plain(semantics.compiled_jsonpath(path))


def quoted_path(name: str) -> str:
    """`$."name"`: SQLite's path to an object member, any name without `"` or backslash."""
    return f'$."{name}"'


def _single_name(fields: Any) -> str | None:
    names = fields.fields
    if len(names) != 1 or names[0] == "*" or '"' in names[0] or "\\" in names[0]:
        return None
    return str(names[0])


def _plain(expr: Any) -> str | None:
    from jsonpath_ng.jsonpath import Child, Fields, Index, Root

    steps: list[str] = []
    while type(expr) is Child:
        right = expr.right
        if type(right) is Fields:
            name = _single_name(right)
            if name is None:
                return None
            steps.append(quoted_path(name)[1:])
        elif type(right) is Index and len(right.indices) == 1 and right.indices[0] >= 0:
            steps.append(f"[{right.indices[0]}]")
        else:
            return None
        expr = expr.left
    if type(expr) is not Root:
        return None
    return "$" + "".join(reversed(steps))


# -- conditions --------------------------------------------------------------------------------


def json_compare_sql(path: str, op: Op, value: Value, p: Param) -> str:
    """`JsonCompare` (op is not !=) as SQL, never NULL."""
    plan = json_plan(path)
    if plan is None:
        literal = json.dumps(value)
        return when(f"body_json AND stomp_json(body, {p(path)}, {p(op.value)}, {p(literal)})")
    if plan.kind == "plain":
        return _plain_compare(plan.start, op, value, p)
    return _rows(plan, lambda: _row_condition(op, value, p), p)


def json_exists_sql(path: str, p: Param) -> str:
    plan = json_plan(path)
    if plan is None:
        return when(f"body_json AND stomp_json_exists(body, {p(path)})")
    if plan.kind == "plain":
        return when(f"body_json AND json_type(body, {p(plan.start)}) IS NOT NULL")
    return _rows(plan, lambda: "1", p)


def _plain_compare(start: str, op: Op, value: Value, p: Param) -> str:
    if op is Op.MATCH:
        return when(
            f"body_json AND json_type(body, {p(start)}) = 'text' AND "
            f"stomp_regexp({p(value)}, json_extract(body, {p(start)}))"
        )
    if value is None or isinstance(value, bool):
        kind = "null" if value is None else "true" if value else "false"
        return when(f"body_json AND json_type(body, {p(start)}) = '{kind}'")
    kinds = "('integer', 'real')" if isinstance(value, (int, float)) else "('text')"
    return when(
        f"body_json AND json_extract(body, {p(start)}) {SQL_OPS[op]} {p(value)} "
        f"AND json_type(body, {p(start)}) IN {kinds}"
    )


def _row_condition(op: Op, value: Value, p: Param) -> str:
    """A condition on one row of json_each/json_tree (columns type and atom)."""
    if op is Op.MATCH:
        return f"type = 'text' AND stomp_regexp({p(value)}, atom)"
    if value is None or isinstance(value, bool):
        kind = "null" if value is None else "true" if value else "false"
        return f"type = '{kind}'"
    kinds = "('integer', 'real')" if isinstance(value, (int, float)) else "('text')"
    return f"type IN {kinds} AND atom {SQL_OPS[op]} {p(value)}"


def _rows(plan: JsonPlan, condition: Callable[[], str], p: Param) -> str:
    """EXISTS over the rows of the plan; `condition` is built after the rows' own
    parameters, in the order they appear in the SQL."""
    if plan.kind == "each":  # a scalar gives one row without a key: not a wildcard match
        rows = f"json_each(body, {p(plan.start)}) WHERE key IS NOT NULL"
    else:  # the start node itself is not its own descendant
        rows = f"json_tree(body, {p(plan.start)}) WHERE parent IS NOT NULL"
        if plan.name is not None:
            rows += f" AND key = {p(plan.name)}"
    return f"(CASE WHEN body_json THEN EXISTS (SELECT 1 FROM {rows} AND {condition()}) ELSE 0 END)"
