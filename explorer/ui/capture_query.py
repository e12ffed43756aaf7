"""What a capture tab searches for: its field (an expression or raw SQL), "Messages only"
and the tree's selection, combined into one query for `CaptureSearch`.

The narrowing parts are exact: a tree node stands for the destinations recorded at or under
it, compared as names (plain SQL equality; a name that reads as a STOMP pattern is matched
by a regular expression instead), so a literal '*' or '>' in a destination is no wildcard.
"""

from __future__ import annotations

import re
from typing import Any, Final

from explorer.search import And, Field, FieldCompare, Node, Op, Or, parse
from explorer.search.ast import Everything
from explorer.search.semantics import MisplacedWildcard, destination_regex
from explorer.ui.capture_search import Query, expression_query, sql_query

MESSAGE_COMMANDS: Final = ("MESSAGE", "SEND", "ERROR")
"""What "Messages only" shows: what the live log shows (frames with a body to read)."""
MAX_LISTED: Final = 400
"""A tree node with more destinations than this narrows by their common prefix."""


def expression_search(text: str, messages_only: bool, names: list[str] | None) -> Query | None:
    """The expression `text` (raises `SearchSyntaxError`), narrowed to MESSAGE/SEND/ERROR
    frames and to the destinations `names` (None: no tree node chosen); None: everything."""
    parts: list[Node] = []
    node = parse(text) if text else Everything()
    if not isinstance(node, Everything):
        parts.append(node)
    if messages_only:
        parts.append(Or(tuple(FieldCompare(Field.COMMAND, Op.EQ, c) for c in MESSAGE_COMMANDS)))
    if names is not None:
        parts.append(destinations_node(names))
    if not parts:
        return None
    return expression_query(parts[0] if len(parts) == 1 else And(tuple(parts)))


def sql_search(text: str, messages_only: bool, names: list[str] | None) -> Query | None:
    """The raw SQL condition `text`, narrowed the same way; None: everything."""
    # The narrowing conditions first: SQLite tries them in order, so the user's own
    # (json_extract on a body that is no JSON, say) sees fewer rows.
    conditions: list[str] = []
    params: list[Any] = []
    if messages_only:
        conditions.append(f"command IN ({', '.join('?' * len(MESSAGE_COMMANDS))})")
        params.extend(MESSAGE_COMMANDS)
    if names is not None:
        conditions.append(f"destination IN ({', '.join('?' * len(names)) or 'NULL'})")
        params.extend(names)
    if text:
        conditions.append(f"({text})")
    if not conditions:
        return None
    return sql_query(" AND ".join(conditions), params)


def destinations_node(names: list[str]) -> Node:
    """Messages on any of `names` (exactly: a literal '*' or '>' in a name is no wildcard)."""
    if not names:
        return FieldCompare(Field.COMMAND, Op.EQ, "")  # matches nothing: no destination
    if len(names) > MAX_LISTED:
        return FieldCompare(Field.DESTINATION, Op.MATCH, "^" + re.escape(_common_prefix(names)))
    parts = tuple(_exactly(name) for name in names)
    return parts[0] if len(parts) == 1 else Or(parts)


def _exactly(name: str) -> Node:
    """`destination = name` (plain SQL equality) unless the name reads as a pattern."""
    try:
        literal = destination_regex(name) is None
    except MisplacedWildcard:
        literal = False
    if literal:
        return FieldCompare(Field.DESTINATION, Op.EQ, name)
    return FieldCompare(Field.DESTINATION, Op.MATCH, "^" + re.escape(name) + r"\Z")


def _common_prefix(names: list[str]) -> str:
    first, last = min(names), max(names)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]
