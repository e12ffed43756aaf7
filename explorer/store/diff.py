"""What changed between two messages: side-by-side rows for the window's `messageDiff`.

A message is compared as text: its headers, one per line, then its body. A JSON body is
pretty-printed with sorted keys first, so a reordered object or a reformatted document
shows only the values that really changed; any other body is compared line by line.
`side_by_side` pairs the lines with difflib's matcher: equal rows, changed rows (left and
right both set), and rows only on one side.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Final, Literal

from explorer.store.messages import LogEntry

# Bigger bodies are compared on their first bytes only (a diff of megabytes helps nobody).
MAX_DIFF_BYTES: Final = 256 * 1024
# Headers that differ on every message and say nothing about its content.
VOLATILE_HEADERS: Final = frozenset(
    {"message-id", "timestamp", "ack", "content-length", "subscription", "receipt"}
)

Tag = Literal["equal", "changed", "removed", "added"]


@dataclass(frozen=True, slots=True)
class DiffRow:
    """One row: the older message's line on the left, the newer one's on the right."""

    tag: Tag
    left: str | None
    right: str | None


def message_lines(entry: LogEntry, *, volatile: bool = False) -> list[str]:
    """The lines compared: headers (`name: value`, without volatile ones unless asked),
    an empty line, then the body (JSON pretty-printed with sorted keys)."""
    lines = [
        f"{name}: {value}"
        for name, value in entry.headers
        if volatile or name not in VOLATILE_HEADERS
    ]
    lines.append("")
    lines.extend(body_lines(entry.body))
    return lines


def body_lines(body: bytes) -> list[str]:
    data = body[:MAX_DIFF_BYTES]
    text = data.decode("utf-8", "replace")
    stripped = text.lstrip()
    if stripped[:1] in ("{", "[") and len(data) == len(body):
        try:
            document = json.loads(text)
        except ValueError:
            pass
        else:
            return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False).splitlines()
    lines = text.splitlines()
    if len(data) < len(body):
        lines.append(f"… ({len(body) - len(data):,} more bytes not compared)")
    return lines


def side_by_side(left: list[str], right: list[str]) -> list[DiffRow]:
    """Pair two texts line by line (difflib's longest matching blocks)."""
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(DiffRow("equal", left[a1 + i], right[b1 + i]) for i in range(a2 - a1))
            continue
        old, new = left[a1:a2], right[b1:b2]
        paired = min(len(old), len(new))
        rows.extend(DiffRow("changed", old[i], new[i]) for i in range(paired))
        rows.extend(DiffRow("removed", line, None) for line in old[paired:])
        rows.extend(DiffRow("added", None, line) for line in new[paired:])
    return rows


def diff_messages(older: LogEntry, newer: LogEntry, *, volatile: bool = False) -> list[DiffRow]:
    """The side-by-side rows between two messages (headers and body)."""
    return side_by_side(
        message_lines(older, volatile=volatile), message_lines(newer, volatile=volatile)
    )


def changed_count(rows: list[DiffRow]) -> int:
    return sum(1 for row in rows if row.tag != "equal")
