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
from explorer.search.sql_json import (
    SQL_OPS,
    json_compare_sql,
    json_exists_sql,
    quoted_path,
    when,
)

_SQL_OPS: Final = SQL_OPS
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
        return when(f"{candidates} AND instr(lower(body), {self.p(needle)}) > 0")

    # -- headers -----------------------------------------------------------------------------

    def header(self, node: HeaderCompare) -> str:
        name, op, value = node.name, node.op, node.value
        if op is Op.NE:
            return f"(NOT {self.header(HeaderCompare(name, Op.EQ, value))})"
        if op is Op.MATCH:
            return f"stomp_regexp({self.p(value)}, {self.found(name)})"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self.header_number(name, op, value)
        return when(f"{self.found(name)} {_SQL_OPS[op]} {self.p(value)}")

    def header_number(self, name: str, op: Op, value: float) -> str:
        """`semantics.header_number` in SQL: the unsigned part is digits with at most one
        point and at least one digit; then SQLite's CAST gives the same number. (Each `?`
        is its own parameter, so every use of the header builds its SQL afresh.)"""

        def unsigned() -> str:
            return (
                f"(CASE WHEN substr({self.found(name)}, 1, 1) IN ('+', '-') "
                f"THEN substr({self.found(name)}, 2) ELSE {self.found(name)} END)"
            )

        return when(  # the cheap comparison first: the checks run for its matches only
            f"{self.found(name)} IS NOT NULL"
            f" AND CAST({self.found(name)} AS REAL) {_SQL_OPS[op]} {self.p(value)}"
            f" AND {unsigned()} NOT GLOB '*[^0-9.]*'"
            f" AND {unsigned()} GLOB '*[0-9]*'"
            f" AND {unsigned()} NOT GLOB '*.*.*'"
        )

    def found(self, name: str) -> str:
        """SQL for the first `name` header's value (NULL when absent)."""
        if '"' in name or "\\" in name:
            return f"stomp_header(headers, {self.p(name)})"
        return f"json_extract(headers, {self.p(quoted_path(name))})"

    def header_exists(self, name: str) -> str:
        if '"' in name or "\\" in name:
            return f"(stomp_header(headers, {self.p(name)}) IS NOT NULL)"
        return f"(json_type(headers, {self.p(quoted_path(name))}) IS NOT NULL)"

    # -- JSON --------------------------------------------------------------------------------

    def json(self, path: str, op: Op, value: Value) -> str:
        if op is Op.NE:
            return f"(NOT {self.json(path, Op.EQ, value)})"
        return json_compare_sql(path, op, value, self.p)

    def json_exists(self, path: str) -> str:
        return json_exists_sql(path, self.p)

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


# -- functions for SQLite ----------------------------------------------------------------------


def register_functions(conn: sqlite3.Connection) -> None:
    """Make the functions the compiled SQL calls available on `conn` (idempotent)."""
    flags = {"deterministic": True}
    conn.create_function("stomp_regexp", 2, _regexp, **flags)
    conn.create_function("stomp_regexp_body", 2, _regexp_body, **flags)
    conn.create_function("stomp_header", 2, _header, **flags)
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


def _json(body: object, path: str, op: str, value: str) -> int:
    document = semantics.json_document(_body(body))
    return int(semantics.json_condition(document, path, Op(op), json.loads(value)))


def _json_exists(body: object, path: str) -> int:
    return int(bool(semantics.json_found(path, semantics.json_document(_body(body)))))


def _destination(pattern: str, destination: str) -> int:
    return int(semantics.destination_matches(pattern, destination))
