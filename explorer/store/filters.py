"""Message filters: what the log's filter bar compiles to.

Every field is optional and the set fields combine with AND. `compile_filter` validates once
(an invalid regex or search expression becomes a `FilterError` with a readable message and
the position of the problem) and returns a predicate that the log runs over its entries and
over each new batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from explorer.store.errors import FilterError
from explorer.store.messages import IN, OUT, TEXT_OFFSET, LogEntry

Predicate = Callable[[LogEntry], bool]

# Regex and text search look at this much of each body (a 10 MB body must not stall a filter).
SEARCH_BODY_BYTES: Final = 1 << 20


@dataclass(frozen=True, slots=True)
class MessageFilter:
    """A message filter.

    - `text`: case-insensitive substring of the command, destination, a `name:value` header
      line or the body (compared bytewise after ASCII lowercasing, so non-ASCII text such as
      Korean matches exactly).
    - `regex`: Python regular expression, case-sensitive like grep (write `(?i)` to ignore
      case: IGNORECASE also makes Python's search ~10x slower), multi-line (`^`/`$` match at
      each line), searched in the text "destination, then one `name:value` line per header, then
      the body decoded as UTF-8".
    - `destination`: equal to the entry's destination, or with `destination_prefix` its start
      (use this for "the subtree under a tree node").
    - `header`: `name` (the header is present) or `name=value` (its first value equals it).
    - `direction`: "in" (received) or "out" (sent); "" for both.
    - `expression`: an `explorer.search` expression, e.g. `$.user.id == 1001` (JSON fields),
      `priority>5 and not error` (see that package's docstring).
    """

    text: str = ""
    regex: str = ""
    destination: str = ""
    destination_prefix: bool = False
    header: str = ""
    direction: str = ""
    expression: str = ""

    @property
    def is_empty(self) -> bool:
        """True when the filter lets every entry through."""
        return not (
            self.text
            or self.regex
            or self.destination
            or self.header
            or self.direction
            or self.expression.strip()
        )


def compile_filter(spec: MessageFilter) -> Predicate:
    """Turn `spec` into a predicate; raises `FilterError` for an invalid regex, header or
    search expression."""
    tests: list[Predicate] = []
    if spec.direction:
        tests.append(_direction_test(spec.direction))
    if spec.destination:
        tests.append(_destination_test(spec.destination, spec.destination_prefix))
    if spec.header:
        tests.append(_header_test(spec.header))
    if spec.text:
        tests.append(_text_test(spec.text))
    if spec.regex:
        tests.append(_regex_test(spec.regex))
    if spec.expression.strip():
        tests.append(_expression_test(spec.expression))
    if not tests:
        return _accept_all
    if len(tests) == 1:
        return tests[0]
    return lambda entry: all(test(entry) for test in tests)


def _accept_all(entry: LogEntry) -> bool:
    return True


def _direction_test(direction: str) -> Predicate:
    if direction not in (IN, OUT):
        raise FilterError(f"Direction must be 'in' or 'out', not {direction!r}.", field="direction")
    # The direction is one flag bit of the packed bytes: no LogEntry property needed.
    wanted = str(direction)
    return lambda entry: entry.direction == wanted


def _destination_test(destination: str, prefix: bool) -> Predicate:
    if prefix:
        return lambda entry: entry.destination.startswith(destination)
    return lambda entry: entry.destination == destination


def _header_test(spec: str) -> Predicate:
    name, sep, value = spec.partition("=")
    name = name.strip()
    if not name:
        raise FilterError(
            "Header filter needs a header name, as in 'name' or 'name=value'.",
            field="header",
            position=0,
        )
    if not sep:
        return lambda entry: entry.header(name) is not None
    return lambda entry: entry.header(name) == value


def _text_test(text: str) -> Predicate:
    needle_bytes = text.lower().encode("utf-8")
    limit = TEXT_OFFSET + SEARCH_BODY_BYTES

    def test(entry: LogEntry) -> bool:
        # Command, destination, header lines and body are packed in one bytes object:
        # one lowercase and one search.
        return entry.packed[:limit].lower().find(needle_bytes, TEXT_OFFSET) >= 0

    return test


def _regex_test(pattern: str) -> Predicate:
    try:
        compiled = re.compile(pattern, re.MULTILINE)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        raise FilterError(
            f"Invalid regular expression{where}: {exc.msg}.",
            field="regex",
            position=exc.pos,
            detail=exc.msg,
        ) from None
    search = compiled.search
    limit = TEXT_OFFSET + SEARCH_BODY_BYTES

    def test(entry: LogEntry) -> bool:
        # One search over "destination\nCOMMAND\nname:value\n...\n\nbody" (header values
        # as packed, i.e. with backslash escapes for line breaks).
        packed = entry.packed[TEXT_OFFSET:limit].decode("utf-8", "replace")
        return search(f"{entry.destination}\n{packed}") is not None

    return test


def _expression_test(expression: str) -> Predicate:
    # Imported here: the search language (jsonpath-ng) costs ~50 ms at start-up, and most
    # sessions never type an expression.
    from explorer.search import SearchSyntaxError, compile_predicate, parse

    try:
        node = parse(expression)
    except SearchSyntaxError as exc:
        raise FilterError(
            f"{exc.message} (at character {exc.offset + 1}).",
            field="expression",
            position=exc.offset,
            detail=exc.message,
            problem=str(exc.problem),
            details=exc.details,
        ) from None
    return compile_predicate(node)
