"""The parsed form of a search expression: plain frozen data, compared by value.

Both back ends (`explorer.search.memory` and `explorer.search.sql`) walk these nodes; all
checking happens in the parser, so compiling never fails. `render()` turns a node back into
text that parses to an equal node.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

Value: TypeAlias = "str | int | float | bool | None"
"""A literal: a string, a number (int or float, never bool), true/false, or null."""


class Op(StrEnum):
    EQ = "="
    NE = "!="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    MATCH = "~"
    """Regular expression search (Python `re` syntax)."""


ORDERING = frozenset({Op.LT, Op.LE, Op.GT, Op.GE})


class Field(StrEnum):
    """What a message has besides its headers and body."""

    DIRECTION = "direction"
    COMMAND = "command"
    DESTINATION = "destination"
    CONNECTION = "connection"
    SIZE = "size"
    TIME = "time"


@dataclass(frozen=True, slots=True)
class Everything:
    """The empty expression: every message."""


@dataclass(frozen=True, slots=True)
class And:
    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    part: Node


@dataclass(frozen=True, slots=True)
class BodyText:
    """The body contains `text` (UTF-8 bytes, ASCII letters compared case-insensitively)."""

    text: str


@dataclass(frozen=True, slots=True)
class BodyRegex:
    """A Python regular expression found in the body (decoded as UTF-8, first MiB); ^ and $
    match at line breaks. Flags written as `/.../i` arrive as an inline `(?i)` prefix."""

    pattern: str


@dataclass(frozen=True, slots=True)
class FieldCompare:
    """`direction`/`command`/`connection`: strings; `destination`: a STOMP wildcard pattern
    (`*` within a segment, `>` or `#` as the last segment for the rest); `size`: body bytes;
    `time`: received, seconds since the epoch."""

    field: Field
    op: Op
    value: Value


@dataclass(frozen=True, slots=True)
class HeaderCompare:
    """The first `name` header compared with `value` (numerically when `value` is a number;
    a header that is not a number never matches a number then)."""

    name: str
    op: Op
    value: Value


@dataclass(frozen=True, slots=True)
class HeaderExists:
    name: str


@dataclass(frozen=True, slots=True)
class JsonCompare:
    """Some value that the JSONPath `path` finds in the JSON body compares true with
    `value`: numbers with numbers, strings with strings, true/false/null by equality."""

    path: str
    op: Op
    value: Value


@dataclass(frozen=True, slots=True)
class JsonExists:
    """The JSONPath `path` finds something in the JSON body."""

    path: str


Node: TypeAlias = (
    "Everything | And | Or | Not | BodyText | BodyRegex | FieldCompare | HeaderCompare"
    " | HeaderExists | JsonCompare | JsonExists"
)

FIELD_NAMES = frozenset(field.value for field in Field) | {"body"}
KEYWORDS = frozenset({"and", "or", "not", "has"})


# -- text ----------------------------------------------------------------------------------


def render(node: Node) -> str:
    """Text that parses back to an equal node (quotes and parentheses where needed)."""
    if isinstance(node, Everything):
        return ""
    if isinstance(node, And):
        return " and ".join(_grouped(part, And, Or) for part in node.parts)
    if isinstance(node, Or):
        return " or ".join(_grouped(part, Or) for part in node.parts)
    if isinstance(node, Not):
        return f"not {_grouped(node.part, And, Or)}"
    if isinstance(node, BodyText):
        return quote(node.text)
    if isinstance(node, BodyRegex):
        if _slash_safe(node.pattern):
            return f"/{node.pattern}/"
        return f"body ~ {quote(node.pattern)}"
    if isinstance(node, FieldCompare):
        return f"{node.field.value} {node.op.value} {render_value(node.value)}"
    if isinstance(node, HeaderCompare):
        return f"{_name(node.name)} {node.op.value} {render_value(node.value)}"
    if isinstance(node, HeaderExists):
        return f"has {_name(node.name)}"
    if isinstance(node, JsonCompare):
        return f"{node.path} {node.op.value} {render_value(node.value)}"
    if isinstance(node, JsonExists):
        return node.path
    raise TypeError(f"not a search node: {node!r}")


def _grouped(node: Node, *kinds: type) -> str:
    text = render(node)
    return f"({text})" if isinstance(node, kinds) else text


def _name(name: str) -> str:
    from explorer.search.parser import is_plain_name  # the parser owns the name rule

    return name if is_plain_name(name) and name.lower() not in FIELD_NAMES else quote(name)


def quote(text: str) -> str:
    """A double-quoted string literal: backslash and double quote escaped, nothing else."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _slash_safe(pattern: str) -> bool:
    """True when `/pattern/` reads back as `pattern`: no unescaped slash, no trailing
    lone backslash."""
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            if i + 1 == len(pattern):
                return False
            i += 2
        elif pattern[i] == "/":
            return False
        else:
            i += 1
    return True


def render_value(value: Value) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError("NaN and infinity are not search values")
        return repr(value)
    return quote(value)
