r"""Parse a search expression into `explorer.search.ast` nodes, once.

Grammar (keywords are case-insensitive; juxtaposition means `and`)::

    query     := [or_expr]
    or_expr   := and_expr ("or" and_expr)*
    and_expr  := unary (["and"] unary)*
    unary     := "not" unary | primary
    primary   := "(" or_expr ")"
               | "has" (NAME | STRING | JSONPATH)        header or JSON field exists
               | JSONPATH [OP value]                    JSON body field (bare = exists)
               | (NAME | STRING) OP value               field or header condition
               | "/" regex "/" [flags]                  regular expression on the body
               | WORD | STRING                          text in the body
    OP        := "=" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "~"
    value     := STRING | WORD                          bare numbers, true/false/null are typed

A NAME is a reserved field (direction, command, destination, connection, size, time, body)
or a header name; a quoted name is always a header (`"destination" = /queue/a` reads the
header, not the field). Strings take "..." or '...'; inside, only \\ \" \' are escapes.
`time` takes ISO 8601 (`2026-11-30T10:00`, local time unless it has an offset), epoch
seconds, or a time relative to now (`-15m`, `-2h`, `-1d`, `-30s`). Every error names the
character where it is (`SearchSyntaxError.offset`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import datetime
from typing import Final

from jsonpath_ng.exceptions import JsonPathLexerError, JsonPathParserError
from jsonpath_ng.ext.parser import parse as parse_jsonpath

from explorer.search.ast import (
    ORDERING,
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
from explorer.search.errors import Problem, SearchSyntaxError
from explorer.search.semantics import MisplacedWildcard, destination_regex

_OPERATORS: Final = ("==", "!=", "<=", ">=", "=", "<", ">", "~")
_OP_CHARS: Final = frozenset("=!<>~")
_STOP: Final = frozenset("()\"'") | _OP_CHARS
_NUMBER: Final = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\Z")
_INTEGER: Final = re.compile(r"[+-]?\d+\Z")
_PLAIN_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_.:-]*\Z")
_RELATIVE: Final = re.compile(r"-(\d+(?:\.\d+)?)([smhd])\Z")
_UNITS: Final = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_REGEX_FLAGS: Final = "isx"
_DIRECTIONS: Final = ("in", "out")
_FIELDS: Final = frozenset(field.value for field in Field)


def is_plain_name(name: str) -> bool:
    """A header name that needs no quotes in an expression."""
    return bool(_PLAIN_NAME.match(name)) and name.lower() not in ("and", "or", "not", "has")


def parse(expression: str, *, now: Callable[[], float] = time.time) -> Node:
    """The node for `expression`; raises `SearchSyntaxError` pointing at the character.
    `now` resolves relative times (`time > -5m`) once, here."""
    return _Parser(expression, now).parse()


class _Parser:
    def __init__(self, text: str, now: Callable[[], float]) -> None:
        self.text = text
        self.pos = 0
        self.op_at = 0
        self.now = now

    # -- helpers ---------------------------------------------------------------------------

    def error(
        self, problem: Problem, offset: int | None = None, **details: str
    ) -> SearchSyntaxError:
        where = self.pos if offset is None else offset
        return SearchSyntaxError(problem, self.text, where, details)

    def skip_space(self) -> None:
        text = self.text
        while self.pos < len(text) and text[self.pos].isspace():
            self.pos += 1

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def at_end(self) -> bool:
        self.skip_space()
        return self.pos >= len(self.text)

    def keyword(self, word: str) -> bool:
        """Consume `word` when it stands alone here (not a prefix, not a name before an OP)."""
        self.skip_space()
        end = self.pos + len(word)
        if self.text[self.pos : end].lower() != word:
            return False
        if end < len(self.text) and not (self.text[end].isspace() or self.text[end] in "()"):
            return False
        after = end
        while after < len(self.text) and self.text[after].isspace():
            after += 1
        if after < len(self.text) and self.text[after] in _OP_CHARS:
            return False  # `not = 1` is a header named "not"
        self.pos = end
        return True

    # -- grammar ---------------------------------------------------------------------------

    def parse(self) -> Node:
        if self.at_end():
            return Everything()
        node = self.or_expr()
        if not self.at_end():
            if self.peek() == ")":
                raise self.error(Problem.UNMATCHED_CLOSE)
            raise self.error(Problem.UNEXPECTED_TEXT)
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while self.keyword("or"):
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Node:
        parts = [self.unary()]
        while True:
            if self.keyword("and"):
                parts.append(self.unary())
                continue
            if self.at_end() or self.peek() == ")" or self._at_keyword("or"):
                break
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def _at_keyword(self, word: str) -> bool:
        start = self.pos
        found = self.keyword(word)
        self.pos = start
        return found

    def unary(self) -> Node:
        if self.keyword("not"):
            return Not(self.unary())
        return self.primary()

    def primary(self) -> Node:
        self.skip_space()
        start = self.pos
        char = self.peek()
        if not char:
            raise self.error(Problem.ENDS_EARLY)
        if self._at_keyword("and") or self._at_keyword("or"):
            raise self.error(Problem.MISSING_CONDITION)
        if char == "(":
            self.pos += 1
            if self.at_end() or self.peek() == ")":
                raise self.error(Problem.EMPTY_PARENTHESES)
            node = self.or_expr()
            self.skip_space()
            if self.peek() != ")":
                raise self.error(Problem.UNCLOSED_PARENTHESIS, start)
            self.pos += 1
            return node
        if char == ")":
            raise self.error(Problem.UNMATCHED_CLOSE)
        if self.keyword("has"):
            return self.exists()
        if char == "$":
            path = self.jsonpath()
            op = self.operator()
            if op is None:
                return JsonExists(path)
            return self.json_compare(path, op)
        if char == "/":
            return self.regex_literal()
        if char in "\"'":
            text = self.string()
            op = self.operator()
            if op is None:
                return BodyText(text)
            return self.header_compare(text, op)
        if char in _OP_CHARS:
            raise self.error(Problem.MISSING_NAME)
        name = self.name()
        op = self.operator()
        if op is None:
            return BodyText(self.rest_of_word(name))
        lowered = name.lower()
        if lowered == "body":
            if op is not Op.MATCH:
                raise self.error(Problem.BODY_OPERATOR, start)
            value_at = self.pos
            return BodyRegex(self.checked_regex(self.raw_value(), value_at))
        if lowered in _FIELDS:
            return self.field_compare(Field(lowered), op)
        return self.header_compare(name, op)

    # -- pieces ----------------------------------------------------------------------------

    def exists(self) -> Node:
        self.skip_space()
        char = self.peek()
        if not char or char in _STOP - {'"', "'"}:
            raise self.error(Problem.HAS_NEEDS_NAME)
        if char == "$":
            return JsonExists(self.jsonpath())
        if char in "\"'":
            return HeaderExists(self.string())
        name = self.name()
        if name.lower() in _FIELDS or name.lower() == "body":
            raise self.error(Problem.HAS_FIELD, self.pos - len(name), name=name)
        return HeaderExists(name)

    def name(self) -> str:
        start = self.pos
        text = self.text
        while self.pos < len(text) and not text[self.pos].isspace() and text[self.pos] not in _STOP:
            self.pos += 1
        return text[start : self.pos]

    def rest_of_word(self, head: str) -> str:
        """A bare word in the body: `head` plus anything up to a space or parenthesis."""
        text = self.text
        start = self.pos
        while self.pos < len(text) and not text[self.pos].isspace() and text[self.pos] not in "()":
            self.pos += 1
        return head + text[start : self.pos]

    def operator(self) -> Op | None:
        """The comparison operator here, if any (spaces before it allowed)."""
        start = self.pos
        self.skip_space()
        for candidate in _OPERATORS:
            if self.text.startswith(candidate, self.pos):
                self.op_at = self.pos
                self.pos += len(candidate)
                return Op.EQ if candidate == "==" else Op(candidate)
        self.pos = start
        return None

    def string(self) -> str:
        quote_char = self.text[self.pos]
        start = self.pos
        self.pos += 1
        out: list[str] = []
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char == "\\" and self.pos + 1 < len(text):
                following = text[self.pos + 1]
                out.append(following if following in "\\\"'" else char + following)
                self.pos += 2
                continue
            if char == quote_char:
                self.pos += 1
                return "".join(out)
            out.append(char)
            self.pos += 1
        raise self.error(Problem.UNCLOSED_STRING, start, quote=quote_char)

    def raw_value(self) -> tuple[str, bool]:
        """(text, quoted) of the value after an operator."""
        self.skip_space()
        char = self.peek()
        if not char or char == ")":
            raise self.error(Problem.MISSING_VALUE)
        if char in "\"'":
            return self.string(), True
        start = self.pos
        text = self.text
        while self.pos < len(text) and not text[self.pos].isspace() and text[self.pos] != ")":
            self.pos += 1
        return text[start : self.pos], False

    def typed_value(self) -> tuple[Value, int]:
        self.skip_space()
        at = self.pos
        raw, quoted = self.raw_value()
        if quoted:
            return raw, at
        lowered = raw.lower()
        if lowered in ("true", "false"):
            return lowered == "true", at
        if lowered == "null":
            return None, at
        if _INTEGER.match(raw):
            return int(raw), at
        if _NUMBER.match(raw):
            return float(raw), at
        return raw, at

    def jsonpath(self) -> str:
        """A JSONPath from `$` to a space or operator outside brackets and quotes."""
        start = self.pos
        text = self.text
        depth = 0
        quote_char = ""
        while self.pos < len(text):
            char = text[self.pos]
            if quote_char:
                if char == "\\":
                    self.pos += 1
                elif char == quote_char:
                    quote_char = ""
            elif char in "\"'":
                quote_char = char
            elif char in "[(":
                depth += 1
            elif char in "])":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and (char.isspace() or char in _OP_CHARS):
                break
            self.pos += 1
        path = text[start : self.pos]
        try:
            parse_jsonpath(path)
        except (JsonPathParserError, JsonPathLexerError, Exception) as exc:
            reason = _jsonpath_reason(exc)
            raise self.error(Problem.BAD_JSONPATH, start, reason=reason) from None
        return path

    def regex_literal(self) -> Node:
        start = self.pos
        text = self.text
        self.pos += 1
        chars: list[str] = []
        while self.pos < len(text):
            char = text[self.pos]
            if char == "\\" and self.pos + 1 < len(text):
                chars.append(text[self.pos : self.pos + 2])
                self.pos += 2
                continue
            if char == "/":
                break
            chars.append(char)
            self.pos += 1
        else:
            raise self.error(Problem.UNCLOSED_REGEX, start)
        self.pos += 1
        flags_at = self.pos
        while self.pos < len(text) and not text[self.pos].isspace() and text[self.pos] != ")":
            if text[self.pos] not in _REGEX_FLAGS:
                raise self.error(Problem.REGEX_FLAG, flag=text[self.pos])
            self.pos += 1
        flags = "".join(sorted(set(text[flags_at : self.pos])))
        pattern = "".join(chars)
        if flags:
            pattern = f"(?{flags}){pattern}"
        shift = len(flags) + 3 if flags else 0
        return BodyRegex(self.checked_regex((pattern, False), start + 1, shift))

    def checked_regex(self, raw: tuple[str, bool], at: int, shift: int = 0) -> str:
        pattern = raw[0]
        try:
            re.compile(pattern, re.MULTILINE)
        except re.error as exc:
            offset = at + max(0, (exc.pos or 0) - shift) + (1 if raw[1] else 0)
            raise self.error(Problem.BAD_REGEX, offset, reason=exc.msg) from None
        return pattern

    # -- conditions ------------------------------------------------------------------------

    def header_compare(self, name: str, op: Op) -> Node:
        if op is Op.MATCH:
            self.skip_space()
            at = self.pos
            raw = self.raw_value()
            return HeaderCompare(name, op, self.checked_regex(raw, at))
        value, at = self.typed_value()
        if op in ORDERING and (value is None or isinstance(value, bool)):
            raise self.error(Problem.NOT_ORDERABLE, at, value=_shown(value))
        if value is None or isinstance(value, bool):
            value = _shown(value)  # headers are text: true means the text "true"
        return HeaderCompare(name, op, value)

    def json_compare(self, path: str, op: Op) -> Node:
        if op is Op.MATCH:
            self.skip_space()
            at = self.pos
            return JsonCompare(path, op, self.checked_regex(self.raw_value(), at))
        value, at = self.typed_value()
        if op in ORDERING and (value is None or isinstance(value, bool)):
            raise self.error(Problem.NOT_ORDERABLE, at, value=_shown(value))
        return JsonCompare(path, op, value)

    def field_compare(self, field: Field, op: Op) -> Node:
        self.skip_space()
        at = self.pos
        raw, quoted = self.raw_value()
        if op is Op.MATCH:
            if field in (Field.SIZE, Field.TIME):
                raise self.error(Problem.NUMBER_FIELD_REGEX, self.op_at, field=field.value)
            return FieldCompare(field, op, self.checked_regex((raw, quoted), at))
        if field is Field.DIRECTION:
            return self._direction(op, raw, at)
        if field is Field.COMMAND:
            self._equality_only(field, op, at)
            return FieldCompare(field, op, raw.upper())
        if field is Field.CONNECTION:
            self._equality_only(field, op, at)
            return FieldCompare(field, op, raw)
        if field is Field.DESTINATION:
            self._equality_only(field, op, at)
            try:
                destination_regex(raw)
            except MisplacedWildcard as exc:
                raise self.error(Problem.WILDCARD_NOT_LAST, at, wildcard=exc.wildcard) from None
            return FieldCompare(field, op, raw)
        if field is Field.SIZE:
            if quoted or not _INTEGER.match(raw):
                raise self.error(Problem.BAD_SIZE, at)
            return FieldCompare(field, op, int(raw))
        return FieldCompare(field, op, self._time(raw, at))

    def _equality_only(self, field: Field, op: Op, at: int) -> None:
        if op in ORDERING:
            raise self.error(Problem.EQUALITY_ONLY, at, field=field.value)

    def _direction(self, op: Op, raw: str, at: int) -> Node:
        if op not in (Op.EQ, Op.NE):
            raise self.error(Problem.DIRECTION_OPERATOR, at)
        value = raw.lower()
        if value not in _DIRECTIONS:
            raise self.error(Problem.BAD_DIRECTION, at)
        return FieldCompare(Field.DIRECTION, op, value)

    def _time(self, raw: str, at: int) -> float:
        relative = _RELATIVE.match(raw)
        if relative:
            return self.now() - float(relative.group(1)) * _UNITS[relative.group(2)]
        if _NUMBER.match(raw):
            return float(raw)
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            raise self.error(Problem.BAD_TIME, at) from None
        return moment.timestamp() if moment.tzinfo else moment.astimezone().timestamp()


def _shown(value: Value) -> str:
    if value is None:
        return "null"
    return "true" if value is True else "false" if value is False else str(value)


def _jsonpath_reason(exc: Exception) -> str:
    text = str(exc).strip().rstrip(".!")
    return text[0].lower() + text[1:] if text else "it is incomplete"
