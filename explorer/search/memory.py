"""The in-memory back end: a predicate over one message (the live log, a list of records).

`compile_predicate(node)` walks the tree once and returns a function; each call builds a
small context so the body is read, lowered and JSON-parsed at most once per message however
many conditions look at it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from explorer.search import semantics
from explorer.search.ast import (
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
)


class Searchable(Protocol):
    """What a search needs from a message: `explorer.store.LogEntry` and
    `explorer.capture.CaptureRecord` both have it. (A `connection` attribute is used when
    present; a live log's entries have none and count as connection "".)"""

    @property
    def timestamp(self) -> float: ...
    @property
    def direction(self) -> str: ...
    @property
    def command(self) -> str: ...
    @property
    def destination(self) -> str: ...
    @property
    def body(self) -> bytes: ...
    @property
    def size(self) -> int: ...
    def header(self, name: str, default: str | None = None) -> str | None: ...


class _Context:
    __slots__ = ("_body", "_document", "_document_read", "_lowered", "_regex_text", "message")

    def __init__(self, message: Searchable) -> None:
        self.message = message
        self._body: bytes | None = None
        self._lowered: bytes | None = None
        self._regex_text: str | None = None
        self._document: object = None
        self._document_read = False

    @property
    def body(self) -> bytes:
        if self._body is None:
            self._body = self.message.body
        return self._body

    @property
    def lowered(self) -> bytes:
        if self._lowered is None:
            self._lowered = self.body.lower()
        return self._lowered

    @property
    def regex_text(self) -> str:
        if self._regex_text is None:
            self._regex_text = semantics.body_for_regex(self.body)
        return self._regex_text

    @property
    def document(self) -> object:
        if not self._document_read:
            self._document = semantics.json_document(self.body)
            self._document_read = True
        return self._document


Test = Callable[[_Context], bool]
Predicate = Callable[[Searchable], bool]


def compile_predicate(node: Node) -> Predicate:
    """A function telling whether a message matches `node`."""
    test = _compile(node)
    if isinstance(node, Everything):
        return lambda message: True
    return lambda message: test(_Context(message))


def _compile(node: Node) -> Test:
    if isinstance(node, Everything):
        return lambda ctx: True
    if isinstance(node, And):
        parts = [_compile(part) for part in node.parts]
        return lambda ctx: all(part(ctx) for part in parts)
    if isinstance(node, Or):
        parts = [_compile(part) for part in node.parts]
        return lambda ctx: any(part(ctx) for part in parts)
    if isinstance(node, Not):
        inner = _compile(node.part)
        return lambda ctx: not inner(ctx)
    if isinstance(node, BodyText):
        needle = semantics.text_needle(node.text)
        return lambda ctx: needle in ctx.lowered
    if isinstance(node, BodyRegex):
        pattern = node.pattern
        return lambda ctx: semantics.regex_found(pattern, ctx.regex_text)
    if isinstance(node, HeaderCompare):
        name, op, value = node.name, node.op, node.value
        return lambda ctx: semantics.header_condition(ctx.message.header(name), op, value)
    if isinstance(node, HeaderExists):
        name = node.name
        return lambda ctx: ctx.message.header(name) is not None
    if isinstance(node, JsonCompare):
        path, op, value = node.path, node.op, node.value
        return lambda ctx: semantics.json_condition(ctx.document, path, op, value)
    if isinstance(node, JsonExists):
        path = node.path
        return lambda ctx: bool(semantics.json_found(path, ctx.document))
    if isinstance(node, FieldCompare):
        return _field(node)
    raise TypeError(f"not a search node: {node!r}")


def _field(node: FieldCompare) -> Test:
    field, op, value = node.field, node.op, node.value
    if op is Op.NE:
        positive = _field(FieldCompare(field, Op.EQ, value))
        return lambda ctx: not positive(ctx)
    if field is Field.DESTINATION:
        if op is Op.MATCH:
            return lambda ctx: semantics.regex_found(str(value), ctx.message.destination)
        pattern = str(value)
        return lambda ctx: semantics.destination_matches(pattern, ctx.message.destination)
    if field is Field.SIZE:
        return lambda ctx: semantics.ordered(ctx.message.size, op, value)
    if field is Field.TIME:
        return lambda ctx: semantics.ordered(ctx.message.timestamp, op, value)
    read: Callable[[Searchable], str]
    if field is Field.DIRECTION:
        read = _direction
    elif field is Field.COMMAND:
        read = _command
    else:
        read = _connection
    if op is Op.MATCH:
        return lambda ctx: semantics.regex_found(str(value), read(ctx.message))
    return lambda ctx: read(ctx.message) == value


def _direction(message: Searchable) -> str:
    return str(message.direction)


def _command(message: Searchable) -> str:
    return message.command


def _connection(message: Searchable) -> str:
    return str(getattr(message, "connection", ""))
