"""The SQL back end: a search node as a WHERE clause over a capture's `messages` table.

Most conditions become plain SQL (columns, SQLite's JSON functions `json_extract` and
`json_type`, `instr`); body text uses the capture's FTS5 trigram index to find candidates
and `instr` to confirm them. What SQL cannot say the same way Python does (regular
expressions, JSONPaths beyond plain fields and indexes, "this header is a number") calls the
functions of `explorer.search.semantics`, registered on the connection by
`register_functions`, so the result always equals the in-memory predicate's.

Columns used (see `explorer.capture.schema`): seq, received, direction, connection, command,
destination, headers (JSON object of first values), body (TEXT or BLOB), body_size,
body_json; the FTS5 table body_text (rowid = seq).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, Final

from explorer.search import semantics
from explorer.search.ast import (
    And,
    BodyRegex,
    BodyText,
    Everything,
    Field,
    FieldCompare,
    HeaderCompare,
    HeaderExists,
    JsonCompare,
    JsonExists,
    Node,
    Not,
    Op,
    Or,
    Value,
)

_SQL_OPS: Final = {Op.EQ: "=", Op.LT: "<", Op.LE: "<=", Op.GT: ">", Op.GE: ">="}
_FIELD_COLUMNS: Final = {
    Field.DIRECTION: "direction",
    Field.COMMAND: "command",
    Field.CONNECTION: "connection",
    Field.DESTINATION: "destination",
    Field.SIZE: "body_size",
    Field.TIME: "received",
}
_MIN_TRIGRAM: Final = 3


@dataclass(frozen=True, slots=True)
class SqlCondition:
    """A WHERE clause (never NULL: 0 or 1 for every row) and its `?` parameters in order."""

    where: str
    params: tuple[Any, ...] = field(default=())


def compile_sql(
    node: Node,
    *,
    text_indexed_upto: int = 0,
    destinations: Collection[str] | None = None,
) -> SqlCondition:
    """The WHERE clause for `node`.

    `text_indexed_upto`: messages with seq up to it are in the body_text index (0: use no
    index). `destinations`: the capture's distinct destinations, to turn wildcard patterns
    into `destination IN (...)` (None: match them with a function, row by row).
    """
    builder = _Builder(text_indexed_upto, destinations)
    where = builder.build(node)
    return SqlCondition(where, tuple(builder.params))


class _Builder:
    def __init__(self, indexed_upto: int, destinations: Collection[str] | None) -> None:
        self.indexed_upto = indexed_upto
        self.destinations = destinations
        self.params: list[Any] = []

    def p(self, value: Any) -> str:
        self.params.append(value)
        return "?"

    def build(self, node: Node) -> str:
        if isinstance(node, Everything):
            return "1"
        if isinstance(node, And):
            return "(" + " AND ".join(self.build(part) for part in node.parts) + ")"
        if isinstance(node, Or):
            return "(" + " OR ".join(self.build(part) for part in node.parts) + ")"
        if isinstance(node, Not):
            return f"(NOT {self.build(node.part)})"
        if isinstance(node, BodyText):
            return self.text(node.text)
        if isinstance(node, BodyRegex):
            return f"stomp_regexp_body({self.p(node.pattern)}, body)"
        if isinstance(node, HeaderCompare):
            return self.header(node)
        if isinstance(node, HeaderExists):
            return self.header_exists(node.name)
        if isinstance(node, JsonCompare):
            return self.json(node.path, node.op, node.value)
        if isinstance(node, JsonExists):
            return self.json_exists(node.path)
        if isinstance(node, FieldCompare):
            return self.field(node)
        raise TypeError(f"not a search node: {node!r}")

    # -- body text ---------------------------------------------------------------------------

    def text(self, text: str) -> str:
        needle = semantics.text_needle(text).decode("utf-8", "surrogatepass")
        if not needle:
            return "1"
        if self.indexed_upto <= 0 or len(text) < _MIN_TRIGRAM:
            return f"(instr(lower(body), {self.p(needle)}) > 0)"
        # Candidates from the trigram index (binary bodies and the unindexed tail are not in
        # it), then the exact, ASCII-case-insensitive check.
        phrase = '"' + text.replace('"', '""') + '"'
        candidates = (
            f"(seq > {self.p(self.indexed_upto)} OR typeof(body) = 'blob' OR seq IN "
            f"(SELECT rowid FROM body_text WHERE body_text MATCH {self.p(phrase)}))"
        )
        return f"({candidates} AND instr(lower(body), {self.p(needle)}) > 0)"

    # -- headers -----------------------------------------------------------------------------

    def header(self, node: HeaderCompare) -> str:
        name, op, value = node.name, node.op, node.value
        if op is Op.NE:
            return f"(NOT {self.header(HeaderCompare(name, Op.EQ, value))})"
        if op is Op.MATCH:
            return f"stomp_regexp({self.p(value)}, {self.found(name)})"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            found = self.found(name)
            number = f"stomp_number({self.found(name)})"
            return f"({found} IS NOT NULL AND coalesce({number} {_SQL_OPS[op]} {self.p(value)}, 0))"
        return f"coalesce({self.found(name)} {_SQL_OPS[op]} {self.p(value)}, 0)"

    def found(self, name: str) -> str:
        """SQL for the first `name` header's value (NULL when absent)."""
        if '"' in name or "\\" in name:
            return f"stomp_header(headers, {self.p(name)})"
        return f"json_extract(headers, {self.p(_quoted_path(name))})"

    def header_exists(self, name: str) -> str:
        if '"' in name or "\\" in name:
            return f"(stomp_header(headers, {self.p(name)}) IS NOT NULL)"
        return f"(json_type(headers, {self.p(_quoted_path(name))}) IS NOT NULL)"

    # -- JSON --------------------------------------------------------------------------------

    def json(self, path: str, op: Op, value: Value) -> str:
        if op is Op.NE:
            return f"(NOT {self.json(path, Op.EQ, value)})"
        simple = sqlite_path(path)
        if simple is None:
            return (
                f"(body_json AND stomp_json(body, {self.p(path)}, {self.p(op.value)}, "
                f"{self.p(json.dumps(value))}))"
            )
        p = self.p
        if op is Op.MATCH:
            return (
                f"(body_json AND json_type(body, {p(simple)}) = 'text' AND "
                f"stomp_regexp({p(value)}, json_extract(body, {p(simple)})))"
            )
        if value is None:
            return f"(body_json AND coalesce(json_type(body, {p(simple)}) = 'null', 0))"
        if isinstance(value, bool):
            kind = "true" if value else "false"
            return f"(body_json AND coalesce(json_type(body, {p(simple)}) = '{kind}', 0))"
        sql_op = _SQL_OPS[op]
        kinds = "('integer', 'real')" if isinstance(value, (int, float)) else "('text')"
        return (
            f"(body_json AND coalesce(json_extract(body, {p(simple)}) {sql_op} {p(value)}, 0) "
            f"AND json_type(body, {p(simple)}) IN {kinds})"
        )

    def json_exists(self, path: str) -> str:
        simple = sqlite_path(path)
        if simple is None:
            return f"(body_json AND stomp_json_exists(body, {self.p(path)}))"
        return f"(body_json AND json_type(body, {self.p(simple)}) IS NOT NULL)"

    # -- fields ------------------------------------------------------------------------------

    def field(self, node: FieldCompare) -> str:
        field_, op, value = node.field, node.op, node.value
        if op is Op.NE:
            return f"(NOT {self.field(FieldCompare(field_, Op.EQ, value))})"
        column = _FIELD_COLUMNS[field_]
        if op is Op.MATCH:
            return f"stomp_regexp({self.p(value)}, {column})"
        if field_ is Field.DESTINATION:
            pattern = str(value)
            if semantics.destination_regex(pattern) is None:
                return f"(destination = {self.p(pattern)})"
            if self.destinations is not None:
                chosen = [
                    name
                    for name in self.destinations
                    if semantics.destination_matches(pattern, name)
                ]
                if not chosen:
                    return "0"
                return f"(destination IN ({', '.join(self.p(name) for name in chosen)}))"
            return f"stomp_destination({self.p(pattern)}, destination)"
        return f"({column} {_SQL_OPS[op]} {self.p(value)})"


def sqlite_path(path: str) -> str | None:
    """SQLite's path for a JSONPath of plain names and non-negative indexes (`$.a[0]."b c"`),
    or None when SQLite cannot say it (wildcards, filters, slices, `..`, unions)."""
    from jsonpath_ng.jsonpath import Child, Fields, Index, Root

    steps: list[str] = []
    expr = semantics.compiled_jsonpath(path)
    while isinstance(expr, Child):
        right = expr.right
        if type(right) is Fields and len(right.fields) == 1 and right.fields[0] != "*":
            name = right.fields[0]
            if '"' in name or "\\" in name:
                return None
            steps.append(_quoted_path(name)[1:])
        elif type(right) is Index and len(right.indices) == 1 and right.indices[0] >= 0:
            steps.append(f"[{right.indices[0]}]")
        else:
            return None
        expr = expr.left
    if type(expr) is not Root:
        return None
    return "$" + "".join(reversed(steps))


def _quoted_path(name: str) -> str:
    """`$."name"`: SQLite's path to an object member, any name without `"` or backslash."""
    return f'$."{name}"'


# -- functions for SQLite ----------------------------------------------------------------------


def register_functions(conn: sqlite3.Connection) -> None:
    """Make the functions the compiled SQL calls available on `conn` (idempotent)."""
    flags = {"deterministic": True}
    conn.create_function("stomp_regexp", 2, _regexp, **flags)
    conn.create_function("stomp_regexp_body", 2, _regexp_body, **flags)
    conn.create_function("stomp_header", 2, _header, **flags)
    conn.create_function("stomp_number", 1, _number, **flags)
    conn.create_function("stomp_json", 4, _json, **flags)
    conn.create_function("stomp_json_exists", 2, _json_exists, **flags)
    conn.create_function("stomp_destination", 2, _destination, **flags)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _body(value: object) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    return bytes(value) if isinstance(value, (bytes, bytearray, memoryview)) else b""


def _regexp(pattern: str, value: object) -> int:
    return int(semantics.regex_found(pattern, _text(value)))


def _regexp_body(pattern: str, body: object) -> int:
    return int(semantics.regex_found(pattern, semantics.body_for_regex(_body(body))))


def _header(headers: str, name: str) -> str | None:
    found = json.loads(headers).get(name)
    return None if found is None else str(found)


def _number(value: object) -> float | None:
    return semantics.header_number(_text(value))


def _json(body: object, path: str, op: str, value: str) -> int:
    document = semantics.json_document(_body(body))
    return int(semantics.json_condition(document, path, Op(op), json.loads(value)))


def _json_exists(body: object, path: str) -> int:
    return int(bool(semantics.json_found(path, semantics.json_document(_body(body)))))


def _destination(pattern: str, destination: str) -> int:
    return int(semantics.destination_matches(pattern, destination))
