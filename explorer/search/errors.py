"""What a search can fail with: one family, structured fields, an English sentence.

A syntax error carries a `Problem` (what is wrong, as a code), the details its sentence
needs, and the offset of the character where it is. The command line prints the English
sentence; the window words each problem itself from the code and details (so it can be
translated) and draws the caret.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Final


class Problem(StrEnum):
    UNMATCHED_CLOSE = "unmatched-close"
    UNEXPECTED_TEXT = "unexpected-text"
    ENDS_EARLY = "ends-early"
    MISSING_CONDITION = "missing-condition"
    EMPTY_PARENTHESES = "empty-parentheses"
    UNCLOSED_PARENTHESIS = "unclosed-parenthesis"
    MISSING_NAME = "missing-name"
    BODY_OPERATOR = "body-operator"
    HAS_NEEDS_NAME = "has-needs-name"
    HAS_FIELD = "has-field"
    UNCLOSED_STRING = "unclosed-string"
    MISSING_VALUE = "missing-value"
    BAD_JSONPATH = "bad-jsonpath"
    UNCLOSED_REGEX = "unclosed-regex"
    REGEX_FLAG = "regex-flag"
    BAD_REGEX = "bad-regex"
    NOT_ORDERABLE = "not-orderable"
    NUMBER_FIELD_REGEX = "number-field-regex"
    WILDCARD_NOT_LAST = "wildcard-not-last"
    BAD_SIZE = "bad-size"
    EQUALITY_ONLY = "equality-only"
    DIRECTION_OPERATOR = "direction-operator"
    BAD_DIRECTION = "bad-direction"
    BAD_TIME = "bad-time"


SENTENCES: Final[Mapping[Problem, str]] = {
    Problem.UNMATCHED_CLOSE: "This ')' has no matching '(': remove it or add one before.",
    Problem.UNEXPECTED_TEXT: "Unexpected text here: join conditions with and/or.",
    Problem.ENDS_EARLY: "The expression ends too early: a condition is missing here.",
    Problem.MISSING_CONDITION: "A condition is missing before this and/or.",
    Problem.EMPTY_PARENTHESES: "Empty parentheses: put a condition inside.",
    Problem.UNCLOSED_PARENTHESIS: "Missing ')' to close the '(' here.",
    Problem.MISSING_NAME: "A condition needs a name before the operator, as in priority>5.",
    Problem.BODY_OPERATOR: (
        "The body takes ~ (a regular expression); for text, write the words themselves."
    ),
    Problem.HAS_NEEDS_NAME: "'has' needs a header name or a JSONPath, as in: has priority.",
    Problem.HAS_FIELD: (
        "Every message has a {name}: 'has' is for headers and JSON fields (quote the name "
        'for a header called {name}: has "{name}").'
    ),
    Problem.UNCLOSED_STRING: "This string has no closing {quote}: add one.",
    Problem.MISSING_VALUE: "A value is missing after the operator.",
    Problem.BAD_JSONPATH: "This JSONPath does not parse: {reason}.",
    Problem.UNCLOSED_REGEX: (
        "This regular expression has no closing '/': add one, or quote the text to search "
        "for it as it is."
    ),
    Problem.REGEX_FLAG: (
        "Unknown regular expression flag '{flag}': use i (ignore case), s (dot matches "
        "newline) or x (verbose); or quote the text to search for it as it is."
    ),
    Problem.BAD_REGEX: "Invalid regular expression: {reason}.",
    Problem.NOT_ORDERABLE: "{value} cannot be ordered: use = or !=.",
    Problem.NUMBER_FIELD_REGEX: "{field} is a number: compare it with < <= > >= = !=.",
    Problem.WILDCARD_NOT_LAST: (
        "'{wildcard}' matches the rest of a destination: put it last (as in /topic/prices.>)."
    ),
    Problem.BAD_SIZE: "size takes a whole number of bytes, as in size > 1000.",
    Problem.EQUALITY_ONLY: "{field} takes = or != (or ~ for a regular expression).",
    Problem.DIRECTION_OPERATOR: "direction takes = or !=, as in direction=in.",
    Problem.BAD_DIRECTION: "direction is 'in' (received) or 'out' (sent).",
    Problem.BAD_TIME: (
        "time takes an ISO date and time (2026-11-30T10:00, local unless it ends in Z or an "
        "offset), epoch seconds, or a time relative to now (-15m, -2h, -1d)."
    ),
}


class SearchError(Exception):
    """Root of the family. `message` says what is wrong and how to fix it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SearchSyntaxError(SearchError):
    """An expression that does not parse: `problem` (a code), `details` (the values its
    sentence names), `offset` (0-based character where it is), `expression` (the text);
    `caret()` draws the two lines a text field shows."""

    def __init__(
        self,
        problem: Problem,
        expression: str,
        offset: int,
        details: Mapping[str, str] | None = None,
    ) -> None:
        self.problem = problem
        self.details = dict(details or {})
        super().__init__(SENTENCES[problem].format(**self.details))
        self.expression = expression
        self.offset = max(0, min(offset, len(expression)))

    def caret(self) -> str:
        """The expression and a caret under the offending character."""
        line = self.expression.replace("\n", " ").replace("\t", " ")
        return f"{line}\n{' ' * self.offset}^"

    def __str__(self) -> str:
        return f"{self.message} (at character {self.offset + 1})\n{self.caret()}"


class SearchSqlError(SearchError):
    """A raw SQL condition that SQLite refused; `detail` is SQLite's own words."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The SQL condition cannot be used: {detail}. Write one SQL expression over the "
            "columns of the messages table, as in: body_size > 1000 AND command = 'MESSAGE'."
        )
        self.detail = detail
