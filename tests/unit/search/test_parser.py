"""The search language: what each form parses to, and errors that point at the character."""

from __future__ import annotations

import pytest

from explorer.search import (
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
    SearchSyntaxError,
    parse,
    render,
)
from explorer.search.errors import SENTENCES, Problem

EXAMPLES: list[tuple[str, Node]] = [
    ("", Everything()),
    ("   ", Everything()),
    ("error", BodyText("error")),
    ('"order failed"', BodyText("order failed")),
    ("'and'", BodyText("and")),
    ("hello!", BodyText("hello!")),
    ("주문", BodyText("주문")),
    ("priority>5", HeaderCompare("priority", Op.GT, 5)),
    ("priority >= 2.5", HeaderCompare("priority", Op.GE, 2.5)),
    ("content-type=application/json", HeaderCompare("content-type", Op.EQ, "application/json")),
    ("x-id == '5'", HeaderCompare("x-id", Op.EQ, "5")),
    ("x-flag = true", HeaderCompare("x-flag", Op.EQ, "true")),
    ("x-id != abc", HeaderCompare("x-id", Op.NE, "abc")),
    ("x-id ~ '^a.c$'", HeaderCompare("x-id", Op.MATCH, "^a.c$")),
    ('"destination" = /queue/a', HeaderCompare("destination", Op.EQ, "/queue/a")),
    ("has correlation-id", HeaderExists("correlation-id")),
    ('has "my header"', HeaderExists("my header")),
    ("$.user.id == 1001", JsonCompare("$.user.id", Op.EQ, 1001)),
    ("$.user.id=1001", JsonCompare("$.user.id", Op.EQ, 1001)),
    ('$.user.name = "Kim"', JsonCompare("$.user.name", Op.EQ, "Kim")),
    ("$.ok = true", JsonCompare("$.ok", Op.EQ, True)),
    ("$.gone = null", JsonCompare("$.gone", Op.EQ, None)),
    ("$.price < 9.5", JsonCompare("$.price", Op.LT, 9.5)),
    ("$.user.name ~ ^K", JsonCompare("$.user.name", Op.MATCH, "^K")),
    ("$.items[?(@.price > 10)]", JsonExists("$.items[?(@.price > 10)]")),
    ("$['a b'].c", JsonExists("$['a b'].c")),
    ("has $.user", JsonExists("$.user")),
    ("/ord(er)?-\\d+/", BodyRegex("ord(er)?-\\d+")),
    ("/kim/i", BodyRegex("(?i)kim")),
    ("/a.b/si", BodyRegex("(?is)a.b")),
    ("body ~ 'a/b'", BodyRegex("a/b")),
    ("direction=in", FieldCompare(Field.DIRECTION, Op.EQ, "in")),
    ("direction != OUT", FieldCompare(Field.DIRECTION, Op.NE, "out")),
    ("command=message", FieldCompare(Field.COMMAND, Op.EQ, "MESSAGE")),
    ("connection=staging", FieldCompare(Field.CONNECTION, Op.EQ, "staging")),
    ("destination=/topic/prices.>", FieldCompare(Field.DESTINATION, Op.EQ, "/topic/prices.>")),
    ("destination ~ DLQ", FieldCompare(Field.DESTINATION, Op.MATCH, "DLQ")),
    ("size > 1000", FieldCompare(Field.SIZE, Op.GT, 1000)),
    ("time >= 1700000000.5", FieldCompare(Field.TIME, Op.GE, 1700000000.5)),
    ("time < 2023-11-14T22:13:20Z", FieldCompare(Field.TIME, Op.LT, 1700000000.0)),
    ("time < 2023-11-15T07:13:20+09:00", FieldCompare(Field.TIME, Op.LT, 1700000000.0)),
    ("a b", And((BodyText("a"), BodyText("b")))),
    ("a and b or c", Or((And((BodyText("a"), BodyText("b"))), BodyText("c")))),
    ("a AND (b OR c)", And((BodyText("a"), Or((BodyText("b"), BodyText("c")))))),
    ("not a", Not(BodyText("a"))),
    ("not not a", Not(Not(BodyText("a")))),
    ("a and not (b or c)", And((BodyText("a"), Not(Or((BodyText("b"), BodyText("c"))))))),
    ("(priority>5)", HeaderCompare("priority", Op.GT, 5)),
    ("not=1", HeaderCompare("not", Op.EQ, 1)),
]


@pytest.mark.parametrize(("text", "node"), EXAMPLES, ids=[text for text, _ in EXAMPLES])
def test_each_form_parses_to_its_node(text: str, node: Node) -> None:
    assert parse(text) == node


@pytest.mark.parametrize(("text", "node"), EXAMPLES, ids=[text for text, _ in EXAMPLES])
def test_rendered_text_parses_back_to_the_same_node(text: str, node: Node) -> None:
    assert parse(render(node)) == node


def test_relative_time_is_resolved_once_against_now() -> None:
    assert parse("time > -5m", now=lambda: 1000.0) == FieldCompare(Field.TIME, Op.GT, 700.0)
    assert parse("time > -2h", now=lambda: 10000.0) == FieldCompare(Field.TIME, Op.GT, 2800.0)
    assert parse("time>-1d", now=lambda: 86400.0) == FieldCompare(Field.TIME, Op.GT, 0.0)


def test_naive_iso_time_is_local_time() -> None:
    from datetime import datetime

    expected = datetime(2026, 11, 30, 10, 0).astimezone().timestamp()
    assert parse("time >= 2026-11-30T10:00") == FieldCompare(Field.TIME, Op.GE, expected)


ERRORS: list[tuple[str, int, str, Problem]] = [
    ("a b c d ) e", 8, "no matching", Problem.UNMATCHED_CLOSE),
    ("priority>", 9, "value is missing", Problem.MISSING_VALUE),
    ("(a", 0, "Missing ')'", Problem.UNCLOSED_PARENTHESIS),
    ("a)", 1, "no matching '('", Problem.UNMATCHED_CLOSE),
    ("(a or (b)", 0, "Missing ')'", Problem.UNCLOSED_PARENTHESIS),
    ("()", 1, "Empty parentheses", Problem.EMPTY_PARENTHESES),
    ("/abc", 0, "no closing '/'", Problem.UNCLOSED_REGEX),
    ("/a/q", 3, "Unknown regular expression flag", Problem.REGEX_FLAG),
    ("/a(/", 2, "Invalid regular expression", Problem.BAD_REGEX),
    ("x ~ '('", 5, "Invalid regular expression", Problem.BAD_REGEX),
    ('"abc', 0, "no closing", Problem.UNCLOSED_STRING),
    ("direction=up", 10, "'in' (received) or 'out'", Problem.BAD_DIRECTION),
    ("direction > in", 12, "= or !=", Problem.DIRECTION_OPERATOR),
    ("$.a[", 0, "JSONPath does not parse", Problem.BAD_JSONPATH),
    ("error and $.a[ = 1", 10, "JSONPath does not parse", Problem.BAD_JSONPATH),
    ("body = 1", 0, "~ (a regular expression)", Problem.BODY_OPERATOR),
    ("time > yesterday", 7, "ISO date", Problem.BAD_TIME),
    ("size > 1.5", 7, "whole number", Problem.BAD_SIZE),
    ("size ~ x", 5, "number", Problem.NUMBER_FIELD_REGEX),
    ("destination=/a.>.b", 12, "put it last", Problem.WILDCARD_NOT_LAST),
    ("destination > /a", 14, "= or !=", Problem.EQUALITY_ONLY),
    ("has", 3, "header name or a JSONPath", Problem.HAS_NEEDS_NAME),
    ("has direction", 4, "Every message has a direction", Problem.HAS_FIELD),
    ("a and", 5, "ends too early", Problem.ENDS_EARLY),
    ("and a", 0, "missing before this and/or", Problem.MISSING_CONDITION),
    ("a or or b", 5, "missing before this and/or", Problem.MISSING_CONDITION),
    ("not", 3, "ends too early", Problem.ENDS_EARLY),
    ("x < true", 4, "cannot be ordered", Problem.NOT_ORDERABLE),
    ("$.a >= null", 7, "cannot be ordered", Problem.NOT_ORDERABLE),
    ("= 5", 0, "needs a name", Problem.MISSING_NAME),
]


@pytest.mark.parametrize(("text", "offset", "words", "problem"), ERRORS, ids=[e[0] for e in ERRORS])
def test_errors_point_at_the_character(
    text: str, offset: int, words: str, problem: Problem
) -> None:
    with pytest.raises(SearchSyntaxError) as caught:
        parse(text)
    error = caught.value
    assert error.problem is problem
    assert error.message == SENTENCES[problem].format(**error.details)
    assert words in error.message
    assert error.offset == offset
    assert error.expression == text
    line, caret = error.caret().split("\n")
    assert line == text
    assert caret == " " * offset + "^"
    assert str(error).endswith(error.caret())
