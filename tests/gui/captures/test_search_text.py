"""The window words every search problem and every capture error itself (context
"SearchText"), so each can be translated; the live log's filter uses the same words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

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
from explorer.search import SearchSqlError, SearchSyntaxError, parse
from explorer.search.errors import Problem
from explorer.store import FilterError, MessageFilter, compile_filter
from explorer.ui.parse_errors import filter_error_text
from explorer.ui.search_text import (
    capture_error_text,
    problem_text,
    search_error_text,
    sql_error_text,
)

pytestmark = pytest.mark.gui

# One expression for each problem the parser reports (UNEXPECTED_TEXT is made directly: the
# parser reads side-by-side conditions as `and`, so no text reaches it today).
EXAMPLES = {
    Problem.UNMATCHED_CLOSE: "a )",
    Problem.ENDS_EARLY: "a and",
    Problem.MISSING_CONDITION: "and x",
    Problem.EMPTY_PARENTHESES: "()",
    Problem.UNCLOSED_PARENTHESIS: "(a",
    Problem.MISSING_NAME: "= 5",
    Problem.BODY_OPERATOR: "body = x",
    Problem.HAS_NEEDS_NAME: "has",
    Problem.HAS_FIELD: "has size",
    Problem.UNCLOSED_STRING: '"abc',
    Problem.MISSING_VALUE: "priority >",
    Problem.BAD_JSONPATH: "$.a[",
    Problem.UNCLOSED_REGEX: "/abc",
    Problem.REGEX_FLAG: "/abc/q",
    Problem.BAD_REGEX: "/a(/",
    Problem.NOT_ORDERABLE: "priority > true",
    Problem.NUMBER_FIELD_REGEX: "size ~ 5",
    Problem.WILDCARD_NOT_LAST: "destination = /a/>/b",
    Problem.BAD_SIZE: "size > big",
    Problem.EQUALITY_ONLY: "command > x",
    Problem.DIRECTION_OPERATOR: "direction > in",
    Problem.BAD_DIRECTION: "direction = sideways",
    Problem.BAD_TIME: "time > yesterday",
}


class Marking(QTranslator):
    """Translates every string of one context to "«…»", so a test sees what went through."""

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"«{source}»" if context == self.context else source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked(qapp: QApplication) -> Iterator[None]:
    translator = Marking("SearchText")
    assert qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def syntax_error(text: str) -> SearchSyntaxError:
    with pytest.raises(SearchSyntaxError) as caught:
        parse(text)
    return caught.value


def test_every_problem_is_worded_by_the_window(marked: None) -> None:
    assert set(EXAMPLES) == set(Problem) - {Problem.UNEXPECTED_TEXT}
    errors = [syntax_error(text) for text in EXAMPLES.values()]
    errors.append(SearchSyntaxError(Problem.UNEXPECTED_TEXT, "a b", 2))
    for error, problem in zip(errors, [*EXAMPLES, Problem.UNEXPECTED_TEXT], strict=True):
        assert error.problem is problem
        words = problem_text(error)
        assert words.startswith("«") and "{" not in words, words  # ours, every name filled
        line = search_error_text(error)
        assert line == f"«At character {error.offset + 1}: {words}»"
    assert problem_text(syntax_error("has size")).count("size") == 3
    assert problem_text(syntax_error("/a(/")).startswith("«Invalid regular expression: ")


def test_the_english_words_say_where_and_what(qapp: QApplication) -> None:
    error = syntax_error("direction = sideways")
    assert search_error_text(error) == (
        "At character 13: direction is 'in' (received) or 'out' (sent)."
    )
    jsonpath = syntax_error("$.a[")
    assert problem_text(jsonpath).startswith("This JSONPath does not parse. (")
    assert sql_error_text(SearchSqlError("no such column: x")).endswith("(no such column: x)")


def test_the_live_logs_filter_uses_the_same_words(marked: None) -> None:
    with pytest.raises(FilterError) as caught:
        compile_filter(MessageFilter(expression="direction = sideways"))
    assert caught.value.problem == "bad-direction"
    text = filter_error_text(caught.value)
    assert "«direction is 'in' (received) or 'out' (sent).»" in text
    assert "character 13" in text


def test_every_capture_error_has_its_own_sentence(marked: None, tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    errors: list[CaptureError] = [
        CaptureNotFound(path),
        NotACapture(path, "not an SQLite database"),
        CaptureTooNew(path, 9, 1),
        CaptureCorrupt(path, "truncated"),
        CaptureLocked(path, "held by pid 7"),
        CaptureWriteFailed(path, "disk I/O error", disk_full=True, lost=12),
        CaptureWriteFailed(path, "disk I/O error", disk_full=False, lost=3),
        CaptureSettingsError("A capture size cap of 5 bytes is too small."),
        CaptureClosed(path),
        ExchangeError(path, 4, "not JSON"),
        ExchangeError(path, 0, "cannot be read"),
        SearchInterrupted(path),
    ]
    sentences = [capture_error_text(error) for error in errors]
    assert all(sentence.startswith("«") for sentence in sentences), sentences
    assert len(set(sentences)) == len(sentences)
    assert "format 9" in sentences[2] and "up to 1" in sentences[2]
    assert "12 message(s)" in sentences[5] and "(disk I/O error)" in sentences[6]
