"""What each condition means, in one place: the in-memory predicate calls these directly and
the SQL back end registers them as SQLite functions where SQL alone cannot say it (regular
expressions, JSONPaths beyond plain fields, header numbers), so both agree by construction.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Final

from explorer.search.ast import Op, Value
from explorer.search.jsonpaths import compiled_jsonpath, json_plan

REGEX_BODY_BYTES: Final = 1 << 20
"""Regular expressions look at this much of each body (a 10 MB body must not stall)."""

_HEADER_NUMBER: Final = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)\Z")
NOT_JSON: Final = object()
"""What `json_document` returns for a body that is not JSON."""


# -- text and regular expressions --------------------------------------------------------------


def text_needle(text: str) -> bytes:
    """The bytes a body must contain for `BodyText(text)`, ASCII letters lowered."""
    return text.encode("utf-8", "surrogatepass").lower()


def body_contains(body: bytes, needle: bytes) -> bool:
    return needle in body.lower()


@lru_cache(maxsize=256)
def compiled_regex(pattern: str) -> re.Pattern[str]:
    """The compiled pattern (^ and $ at line breaks); the parser has already checked it."""
    return re.compile(pattern, re.MULTILINE)


def body_for_regex(body: bytes) -> str:
    return body[:REGEX_BODY_BYTES].decode("utf-8", "replace")


def regex_found(pattern: str, text: str | None) -> bool:
    return text is not None and compiled_regex(pattern).search(text) is not None


# -- destinations ----------------------------------------------------------------------------


class MisplacedWildcard(ValueError):
    """A `>` or `#` that is not the last segment of a destination pattern."""

    def __init__(self, wildcard: str) -> None:
        super().__init__(f"'{wildcard}' matches the rest of a destination: put it last")
        self.wildcard = wildcard


@lru_cache(maxsize=256)
def destination_regex(pattern: str) -> re.Pattern[str] | None:
    """A regex for a destination pattern with STOMP wildcards, or None when `pattern` has
    none (then it is compared as it is).

    Segments are separated by `/` and `.`. `*` matches any characters within one segment
    (`/queue/orders.*`, `/topic/ord*`); `>` or `#` as the last segment matches the rest,
    zero or more segments (`/topic/prices.>` matches `/topic/prices` and
    `/topic/prices.eu.fx`). Raises `MisplacedWildcard` when `>`/`#` is not last.
    """
    parts = re.split(r"([./])", pattern)
    if not any(part in ("*", ">", "#") or "*" in part for part in parts):
        return None
    out: list[str] = []
    for index, part in enumerate(parts):
        if part in (">", "#"):
            if index != len(parts) - 1:
                raise MisplacedWildcard(part)
            if out and out[-1] in (re.escape("."), re.escape("/")):
                out[-1] = "(?:[./].*)?"
            else:
                out.append(".*")
            continue
        out.append("[^./]*".join(re.escape(piece) for piece in part.split("*")))
    return re.compile("".join(out) + r"\Z", re.DOTALL)


def destination_matches(pattern: str, destination: str) -> bool:
    regex = destination_regex(pattern)
    if regex is None:
        return destination == pattern
    return regex.match(destination) is not None


# -- headers and ordering ------------------------------------------------------------------


def header_number(text: str | None) -> float | None:
    """A header value as a number, else None: an optional sign, digits with at most one
    decimal point (`5`, `-1.5`, `.5`, `10.`); no exponent, no spaces (SQL checks the same)."""
    if text is None or not _HEADER_NUMBER.match(text):
        return None
    return float(text)


def ordered(left: Any, op: Op, right: Any) -> bool:
    """`left op right` for =, !=, <, <=, >, >= (same types on both sides)."""
    if op is Op.EQ:
        return bool(left == right)
    if op is Op.NE:
        return bool(left != right)
    if op is Op.LT:
        return bool(left < right)
    if op is Op.LE:
        return bool(left <= right)
    if op is Op.GT:
        return bool(left > right)
    return bool(left >= right)


def header_condition(found: str | None, op: Op, value: Value) -> bool:
    """`HeaderCompare` on the first value `found` (None when the header is absent)."""
    if op is Op.NE:
        return not header_condition(found, Op.EQ, value)
    if found is None:
        return False
    if op is Op.MATCH:
        return regex_found(str(value), found)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = header_number(found)
        return number is not None and ordered(number, op, value)
    return ordered(found, op, value)


# -- JSON ------------------------------------------------------------------------------------


def _no_constants(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are not JSON (SQLite agrees)


def json_document(body: bytes) -> object:
    """The parsed body, or `NOT_JSON` when it is not a UTF-8 JSON text without NUL."""
    try:
        text = body.decode("utf-8")
        if "\x00" in text:
            return NOT_JSON
        return json.loads(text, parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return NOT_JSON


def json_found(path: str, document: object) -> list[Any]:
    """The values `path` finds in `document` (empty for NOT_JSON)."""
    if document is NOT_JSON:
        return []
    plan = json_plan(path)
    if plan is not None:
        return plan.find(document)
    try:
        return [match.value for match in compiled_jsonpath(path).find(document)]
    except Exception:  # jsonpath-ng can raise on odd shapes (e.g. a filter over a string)
        return []


def json_value_condition(found: Any, op: Op, value: Value) -> bool:
    """One found JSON value against a literal; types must agree (a number never equals a
    string, true is not 1)."""
    if op is Op.MATCH:
        return isinstance(found, str) and regex_found(str(value), found)
    if value is None:
        return found is None and op is Op.EQ
    if isinstance(value, bool):
        return isinstance(found, bool) and found is value and op is Op.EQ
    if isinstance(value, (int, float)):
        return (
            isinstance(found, (int, float))
            and not isinstance(found, bool)
            and ordered(found, op, value)
        )
    return isinstance(found, str) and ordered(found, op, value)


def json_condition(document: object, path: str, op: Op, value: Value) -> bool:
    """`JsonCompare`: some found value compares true; `!=` is "not any equal"."""
    if op is Op.NE:
        return not json_condition(document, path, Op.EQ, value)
    return any(json_value_condition(found, op, value) for found in json_found(path, document))
