"""Parser errors in the window's own words, so they can be translated.

Python's `json` and `re` explain a mistake in English ("Expecting ',' delimiter"); shown as is,
they leak English into the Korean window. Their messages are a small fixed set: each known
one maps to a sentence of ours (context "ParseErrors" in the translation), and only an
unknown one falls back to the parser's words. The position always comes from the
structured fields, never from the parser's text.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from explorer.store.errors import FilterError


# (prefix of the parser's message, our words): checked in order, first match wins.
def _json_reasons() -> tuple[tuple[str, str], ...]:
    return (
        (
            "Expecting value",
            QCoreApplication.translate("ParseErrors", "a value is missing or is not valid JSON"),
        ),
        (
            "Expecting property name enclosed in double quotes",
            QCoreApplication.translate(
                "ParseErrors", 'a key in double quotes is expected (is there a comma before "}"?)'
            ),
        ),
        (
            "Expecting ':' delimiter",
            QCoreApplication.translate("ParseErrors", 'a ":" is missing after the key'),
        ),
        (
            "Expecting ',' delimiter",
            QCoreApplication.translate("ParseErrors", 'a "," is missing between two values'),
        ),
        (
            "Unterminated string",
            QCoreApplication.translate("ParseErrors", "a string is not closed with a double quote"),
        ),
        (
            "Invalid control character",
            QCoreApplication.translate("ParseErrors", "a string holds a raw line break or tab"),
        ),
        (
            "Invalid \\uXXXX escape",
            QCoreApplication.translate("ParseErrors", "a \\u escape needs four hex digits"),
        ),
        (
            "Invalid \\escape",
            QCoreApplication.translate("ParseErrors", "a backslash escape is not valid JSON"),
        ),
        (
            "Extra data",
            QCoreApplication.translate("ParseErrors", "there is more text after the JSON value"),
        ),
        (
            "Illegal trailing comma",
            QCoreApplication.translate("ParseErrors", "a comma stands before a closing bracket"),
        ),
    )


def _regex_reasons() -> tuple[tuple[str, str], ...]:
    return (
        (
            "missing ), unterminated subpattern",
            QCoreApplication.translate("ParseErrors", 'a "(" is not closed'),
        ),
        (
            "unbalanced parenthesis",
            QCoreApplication.translate("ParseErrors", 'a ")" has no "(" to close'),
        ),
        (
            "nothing to repeat",
            QCoreApplication.translate(
                "ParseErrors", '"*", "+" or "?" has nothing before it to repeat'
            ),
        ),
        (
            "multiple repeat",
            QCoreApplication.translate("ParseErrors", "two repeat signs follow each other"),
        ),
        (
            "unterminated character set",
            QCoreApplication.translate("ParseErrors", 'a "[" is not closed'),
        ),
        (
            "bad escape",
            QCoreApplication.translate("ParseErrors", "a backslash escape is not known"),
        ),
        (
            "bad character range",
            QCoreApplication.translate("ParseErrors", "a character range runs backwards"),
        ),
        (
            "unknown extension",
            QCoreApplication.translate("ParseErrors", '"(?" is followed by something unknown'),
        ),
        (
            "look-behind requires fixed-width pattern",
            QCoreApplication.translate("ParseErrors", "a look-behind must have a fixed width"),
        ),
        (
            "unexpected end of pattern",
            QCoreApplication.translate("ParseErrors", "the pattern ends too early"),
        ),
        (
            "missing group name",
            QCoreApplication.translate("ParseErrors", "a group name is missing"),
        ),
        (
            "unknown group name",
            QCoreApplication.translate("ParseErrors", "a group name is not defined"),
        ),
    )


def _reason(detail: str, table: Callable[[], tuple[tuple[str, str], ...]]) -> str:
    for prefix, words in table():
        if detail.startswith(prefix):
            return words
    return detail


def json_error_text(error: json.JSONDecodeError) -> str:
    """ "Line 3, column 7: a "," is missing between two values" in the window's language."""
    return QCoreApplication.translate(
        "ParseErrors", "Line {line}, column {column}: {reason}"
    ).format(line=error.lineno, column=error.colno, reason=_reason(error.msg, _json_reasons))


def regex_reason(detail: str) -> str:
    """Python's `re` message in our words (unknown ones unchanged)."""
    return _reason(detail, _regex_reasons)


def filter_error_text(error: FilterError) -> str:
    """Why the log filter cannot be used, for the line under the filter box."""
    where = error.position
    if error.field == "regex":
        reason = regex_reason(error.detail)
        if where is None:
            return QCoreApplication.translate(
                "ParseErrors", "Not a valid regular expression: {reason}."
            ).format(reason=reason)
        return QCoreApplication.translate(
            "ParseErrors", "Not a valid regular expression at character {n}: {reason}."
        ).format(n=where + 1, reason=reason)
    if error.field == "header":
        return QCoreApplication.translate(
            "ParseErrors", "Type a header name, as in name or name=value."
        )
    if error.field == "expression":
        from explorer.ui.search_text import problem_words  # (it words regexes with ours)

        reason = problem_words(error.problem, error.details) or error.detail
        return QCoreApplication.translate(
            "ParseErrors", "The search does not parse at character {n}: {reason}"
        ).format(n=(where or 0) + 1, reason=reason)
    return str(error)
