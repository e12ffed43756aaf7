"""Search and capture errors in the window's own words, so they can be translated.

`explorer.search` and `explorer.capture` report problems as typed errors with structured
fields and an English sentence (the command line prints that). The window words each
problem code and each error type itself from the fields (context "SearchText"), and keeps
only third-party text (SQLite's, the operating system's, jsonpath-ng's) as a detail.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from explorer.capture import (
    CaptureClosed,
    CaptureCorrupt,
    CaptureError,
    CaptureLocked,
    CaptureNotFound,
    CaptureSettingsError,
    CaptureTooNew,
    CaptureWriteFailed,
    ExchangeError,
    NotACapture,
    SearchInterrupted,
)
from explorer.search import SearchSqlError, SearchSyntaxError
from explorer.search.errors import Problem
from explorer.ui.messages import with_detail
from explorer.ui.parse_errors import regex_reason

translate = QCoreApplication.translate


def _problem_sentences() -> dict[Problem, Callable[[Mapping[str, str]], str]]:
    """One sentence per problem code; `details` fill the names the sentence mentions."""
    return {
        Problem.UNMATCHED_CLOSE: lambda d: translate(
            "SearchText", "This ')' has no matching '(': remove it or add one before."
        ),
        Problem.UNEXPECTED_TEXT: lambda d: translate(
            "SearchText", "Unexpected text here: join conditions with and/or."
        ),
        Problem.ENDS_EARLY: lambda d: translate(
            "SearchText", "The expression ends too early: a condition is missing here."
        ),
        Problem.MISSING_CONDITION: lambda d: translate(
            "SearchText", "A condition is missing before this and/or."
        ),
        Problem.EMPTY_PARENTHESES: lambda d: translate(
            "SearchText", "Empty parentheses: put a condition inside."
        ),
        Problem.UNCLOSED_PARENTHESIS: lambda d: translate(
            "SearchText", "Missing ')' to close the '(' here."
        ),
        Problem.MISSING_NAME: lambda d: translate(
            "SearchText", "A condition needs a name before the operator, as in priority>5."
        ),
        Problem.BODY_OPERATOR: lambda d: translate(
            "SearchText",
            "The body takes ~ (a regular expression); for text, write the words themselves.",
        ),
        Problem.HAS_NEEDS_NAME: lambda d: translate(
            "SearchText", "'has' needs a header name or a JSONPath, as in: has priority."
        ),
        Problem.HAS_FIELD: lambda d: translate(
            "SearchText",
            "Every message has a {name}: 'has' is for headers and JSON fields (quote the "
            'name for a header called {name}: has "{name}").',
        ).format(name=d.get("name", "")),
        Problem.UNCLOSED_STRING: lambda d: translate(
            "SearchText", "This string has no closing {quote}: add one."
        ).format(quote=d.get("quote", '"')),
        Problem.MISSING_VALUE: lambda d: translate(
            "SearchText", "A value is missing after the operator."
        ),
        Problem.BAD_JSONPATH: lambda d: with_detail(
            translate("SearchText", "This JSONPath does not parse."), d.get("reason", "")
        ),
        Problem.UNCLOSED_REGEX: lambda d: translate(
            "SearchText",
            "This regular expression has no closing '/': add one, or quote the text to "
            "search for it as it is.",
        ),
        Problem.REGEX_FLAG: lambda d: translate(
            "SearchText",
            "Unknown regular expression flag '{flag}': use i (ignore case), s (dot matches "
            "newline) or x (verbose); or quote the text to search for it as it is.",
        ).format(flag=d.get("flag", "")),
        Problem.BAD_REGEX: lambda d: translate(
            "SearchText", "Invalid regular expression: {reason}."
        ).format(reason=regex_reason(d.get("reason", ""))),
        Problem.NOT_ORDERABLE: lambda d: translate(
            "SearchText", "{value} cannot be ordered: use = or !=."
        ).format(value=d.get("value", "")),
        Problem.NUMBER_FIELD_REGEX: lambda d: translate(
            "SearchText", "{field} is a number: compare it with < <= > >= = !=."
        ).format(field=d.get("field", "")),
        Problem.WILDCARD_NOT_LAST: lambda d: translate(
            "SearchText",
            "'{wildcard}' matches the rest of a destination: put it last (as in /topic/prices.>).",
        ).format(wildcard=d.get("wildcard", "")),
        Problem.BAD_SIZE: lambda d: translate(
            "SearchText", "size takes a whole number of bytes, as in size > 1000."
        ),
        Problem.EQUALITY_ONLY: lambda d: translate(
            "SearchText", "{field} takes = or != (or ~ for a regular expression)."
        ).format(field=d.get("field", "")),
        Problem.DIRECTION_OPERATOR: lambda d: translate(
            "SearchText", "direction takes = or !=, as in direction=in."
        ),
        Problem.BAD_DIRECTION: lambda d: translate(
            "SearchText", "direction is 'in' (received) or 'out' (sent)."
        ),
        Problem.BAD_TIME: lambda d: translate(
            "SearchText",
            "time takes an ISO date and time (2026-11-30T10:00, local unless it ends in Z or "
            "an offset), epoch seconds, or a time relative to now (-15m, -2h, -1d).",
        ),
    }


def problem_text(error: SearchSyntaxError) -> str:
    """What is wrong with the expression, without the position."""
    return problem_words(error.problem, error.details) or error.message


def problem_words(problem: str, details: Mapping[str, str]) -> str | None:
    """Our sentence for a search problem code (None for a code this window does not know:
    the caller falls back to the search's English)."""
    try:
        sentence = _problem_sentences().get(Problem(problem))
    except ValueError:
        return None
    return sentence(details) if sentence is not None else None


def search_error_text(error: SearchSyntaxError) -> str:
    """The line under a search field: what is wrong and at which character (1-based)."""
    return translate("SearchText", "At character {n}: {problem}").format(
        n=error.offset + 1, problem=problem_text(error)
    )


def sql_error_text(error: SearchSqlError) -> str:
    """A raw SQL condition SQLite refused; SQLite's words stay as the detail."""
    return with_detail(
        translate(
            "SearchText",
            "The SQL condition cannot be used: write one SQL expression over the columns of "
            "the messages table, as in body_size > 1000 AND command = 'MESSAGE'.",
        ),
        error.detail,
    )


def capture_error_text(error: CaptureError) -> str:
    """A sentence for every `CaptureError` type: what happened and what to do."""
    path = str(error.path) if error.path is not None else ""
    if isinstance(error, CaptureNotFound):
        return translate(
            "SearchText", "There is no capture at {path}: check the file name."
        ).format(path=path)
    if isinstance(error, NotACapture):
        return with_detail(
            translate(
                "SearchText",
                "{path} is not a STOMP Explorer capture: choose a file recorded by STOMP "
                "Explorer (.stompcap), or import JSON Lines or CSV instead.",
            ).format(path=path),
            error.detail,
        )
    if isinstance(error, CaptureTooNew):
        return translate(
            "SearchText",
            "{path} was written by a newer STOMP Explorer (capture format {version}; this "
            "version reads up to {supported}): update STOMP Explorer to open it.",
        ).format(path=path, version=error.version, supported=error.supported)
    if isinstance(error, CaptureCorrupt):
        return with_detail(
            translate(
                "SearchText",
                "{path} is damaged or truncated: copy it again from where it was recorded, "
                "or recover what can still be read with the sqlite3 shell's .recover.",
            ).format(path=path),
            error.detail,
        )
    if isinstance(error, CaptureLocked):
        return with_detail(
            translate(
                "SearchText",
                "{path} is in use by another program: stop the other recording or close the "
                "program that has it open, then try again.",
            ).format(path=path),
            error.detail,
        )
    if isinstance(error, CaptureWriteFailed):
        if error.disk_full:
            sentence = translate(
                "SearchText",
                "Recording to {path} stopped because the disk is full; {lost} message(s) "
                "were not saved, everything before them is. Free some space or choose "
                "another place, then record again.",
            )
            return sentence.format(path=path, lost=f"{error.lost:,}")
        return with_detail(
            translate(
                "SearchText",
                "Recording to {path} stopped because the disk refused a write; {lost} "
                "message(s) were not saved, everything before them is. Choose another "
                "place, then record again.",
            ).format(path=path, lost=f"{error.lost:,}"),
            error.detail,
        )
    if isinstance(error, CaptureSettingsError):
        return with_detail(
            translate(
                "SearchText",
                "These recording caps cannot work: give a size of at least 1 MiB and a "
                "positive age.",
            ),
            error.message,
        )
    if isinstance(error, CaptureClosed):
        return translate("SearchText", "The capture {path} is closed: open it again.").format(
            path=path
        )
    if isinstance(error, ExchangeError):
        if error.line:
            sentence = translate(
                "SearchText",
                "{path}, line {line}, cannot be imported: fix that line or export the file again.",
            ).format(path=path, line=error.line)
        else:
            sentence = translate(
                "SearchText", "{path} cannot be imported: export the file again."
            ).format(path=path)
        return with_detail(sentence, error.detail)
    if isinstance(error, SearchInterrupted):
        return translate("SearchText", "The search was cancelled.")
    return error.message
