r"""One search language for the live log and for captures on disk (no Qt here).

An expression is parsed once into a tree (`parse`), then either compiled into a predicate
over messages in memory (`compile_predicate`: the live log, any `LogEntry` or
`CaptureRecord`) or into an SQL WHERE clause over a capture (`compile_sql`; `Capture.search`
does it for you). Both give the same answers (a Hypothesis test checks it).

Examples::

    error                                  the body contains "error" (ASCII case ignored)
    "order failed"                         a phrase; quotes also protect and/or/not
    /ord(er)?-\d+/i                        a regular expression on the body (flags i s x)
    priority>5                             a header, numerically (non-numbers never match)
    content-type=application/json          a header's first value, as text
    has correlation-id                     a header is present
    $.user.id == 1001                      a JSON body field (JSONPath, jsonpath-ng ext)
    $.items[?(@.price > 10)]               a bare JSONPath: it finds something
    $.user.name ~ "^Kim"                   ~ is a regular expression search
    direction=in   direction!=out          received / sent
    destination=/topic/prices.>            STOMP wildcards: * within a segment, > or # the rest
    command=MESSAGE  connection=staging    the frame's command, the recording's connection
    size > 10000                           body bytes
    time >= 2026-11-30T09:00 time < -5m    received time: ISO (local unless Z/offset),
                                           epoch seconds, or relative to now
    error and not (priority<5 or destination=/queue/DLQ.*)

Juxtaposition is `and`. The grammar is in `explorer/search/parser.py`; errors
(`SearchSyntaxError`) carry the offset of the offending character and draw a caret line.

Python API::

    from explorer.search import parse, compile_predicate, compile_sql, SearchSyntaxError

    node = parse("priority>5 and $.user.id == 1001")     # SearchSyntaxError(offset, caret())
    matches = compile_predicate(node)                    # Callable[[message], bool]
    visible = [entry for entry in log if matches(entry)]
    condition = compile_sql(node)                        # .where (SQL text), .params
"""

from __future__ import annotations

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
    Value,
    render,
)
from explorer.search.errors import SearchError, SearchSqlError, SearchSyntaxError
from explorer.search.memory import Predicate, Searchable, compile_predicate
from explorer.search.parser import parse
from explorer.search.sql import SqlCondition, compile_sql, register_functions

__all__ = [
    "And",
    "BodyRegex",
    "BodyText",
    "Everything",
    "Field",
    "FieldCompare",
    "HeaderCompare",
    "HeaderExists",
    "JsonCompare",
    "JsonExists",
    "Node",
    "Not",
    "Op",
    "Or",
    "Predicate",
    "SearchError",
    "SearchSqlError",
    "SearchSyntaxError",
    "Searchable",
    "SqlCondition",
    "Value",
    "compile_predicate",
    "compile_sql",
    "parse",
    "register_functions",
    "render",
]
