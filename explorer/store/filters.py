"""Message filters: what the log's filter box compiles to.

Every field is optional and the set fields combine with AND. `compile_filter` validates once
(an invalid regex becomes a `FilterError` with a readable message) and returns a predicate
that the log runs over its entries and over each new batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from explorer.store.errors import FilterError
from explorer.store.messages import LogEntry

Predicate = Callable[[LogEntry], bool]

# Regex and text search look at this much of each body (a 10 MB body must not stall a filter).
SEARCH_BODY_BYTES: Final = 1 << 20


@dataclass(frozen=True, slots=True)
class MessageFilter:
    """A message filter.

    - `text`: case-insensitive substring of the destination, command, any header name or
      value, or the body (bodies are compared bytewise after ASCII lowercasing).
    - `regex`: Python regular expression (case-insensitive, multi-line: `^`/`$` match at each
      line) searched in the text "destination, then one `name:value` line per header, then
      the body decoded as UTF-8".
    - `destination`: equal to the entry's destination, or with `destination_prefix` its start
      (use this for "the subtree under a tree node").
    - `header`: `name` (the header is present) or `name=value` (its first value equals it).
    """

    text: str = ""
    regex: str = ""
    destination: str = ""
    destination_prefix: bool = False
    header: str = ""

    @property
    def is_empty(self) -> bool:
        """True when the filter lets every entry through."""
        return not (self.text or self.regex or self.destination or self.header)


def compile_filter(spec: MessageFilter) -> Predicate:
    """Turn `spec` into a predicate; raises `FilterError` for an invalid regex or header."""
    tests: list[Predicate] = []
    if spec.destination:
        tests.append(_destination_test(spec.destination, spec.destination_prefix))
    if spec.header:
        tests.append(_header_test(spec.header))
    if spec.text:
        tests.append(_text_test(spec.text))
    if spec.regex:
        tests.append(_regex_test(spec.regex))
    if not tests:
        return _accept_all
    if len(tests) == 1:
        return tests[0]
    return lambda entry: all(test(entry) for test in tests)


def _accept_all(entry: LogEntry) -> bool:
    return True


def _destination_test(destination: str, prefix: bool) -> Predicate:
    if prefix:
        return lambda entry: entry.destination.startswith(destination)
    return lambda entry: entry.destination == destination


def _header_test(spec: str) -> Predicate:
    name, sep, value = spec.partition("=")
    name = name.strip()
    if not name:
        raise FilterError("Header filter needs a header name, as in 'name' or 'name=value'.")
    if not sep:
        return lambda entry: entry.header(name) is not None
    return lambda entry: entry.header(name) == value


def _text_test(text: str) -> Predicate:
    needle = text.lower()
    needle_bytes = needle.encode("utf-8")

    def test(entry: LogEntry) -> bool:
        # One join and one lowercase for all header names and values: far cheaper than a
        # lowercase per header.
        if needle in "\n".join(entry._flat_headers).lower():
            return True
        if needle in entry.destination.lower() or needle in entry.command.lower():
            return True
        return needle_bytes in entry.body[:SEARCH_BODY_BYTES].lower()

    return test


def _regex_test(pattern: str) -> Predicate:
    try:
        compiled = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        raise FilterError(f"Invalid regular expression{where}: {exc.msg}.") from None
    search = compiled.search

    def test(entry: LogEntry) -> bool:
        # One search over "destination\nname:value\n...\nbody": a search call per header
        # costs more than building the text.
        flat = entry._flat_headers
        lines = [entry.destination]
        lines.extend(map(":".join, zip(flat[0::2], flat[1::2], strict=True)))
        body = entry.body
        if body:
            lines.append(body[:SEARCH_BODY_BYTES].decode("utf-8", errors="replace"))
        return search("\n".join(lines)) is not None

    return test
