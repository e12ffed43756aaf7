"""The texts of the message log's rows: what each column shows and a row's tooltip.

Made on demand from a `LogEntry` (packed bytes) when a row is painted; the model caches them
for the rows in view. Other tables (captures) show their columns with the same helpers.
"""

from __future__ import annotations

import time
from typing import Any, Final

from PySide6.QtCore import QCoreApplication

from explorer.store import LogEntry
from explorer.ui.icons import icon

__all__ = [
    "column_titles",
    "destination_text",
    "direction_icon",
    "direction_text",
    "display_texts",
    "size_text",
    "time_text",
    "tooltip",
]

_TOOLTIP_HEADERS: Final = 20
_TOOLTIP_CHARS: Final = 600
_PLAIN_COMMANDS: Final = frozenset({"MESSAGE", "SEND"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("MessageTableModel", text)


def column_titles() -> tuple[str, ...]:
    return (
        _tr("Time"),
        _tr("Direction"),
        _tr("Destination"),
        _tr("Size"),
        _tr("Content type"),
        _tr("Preview"),
    )


def time_text(timestamp: float) -> str:
    """Local wall-clock time with milliseconds, as the Time column shows it."""
    seconds = int(timestamp)
    millis = int((timestamp - seconds) * 1000)
    return f"{time.strftime('%H:%M:%S', time.localtime(seconds))}.{millis:03d}"


_ICONS: dict[bool, Any] = {}


def direction_icon(outgoing: bool) -> Any:
    """The arrow of the Direction column (made once: the engine tints it at paint time)."""
    found = _ICONS.get(outgoing)
    if found is None:
        found = _ICONS[outgoing] = icon("arrow-out" if outgoing else "arrow-in")
    return found


def direction_text(entry: LogEntry) -> str:
    """Beside the direction arrow: nothing for MESSAGE and SEND, else the command."""
    if entry.command in _PLAIN_COMMANDS:
        return ""
    return entry.command


def destination_text(destination: str, delivered_from: str = "") -> str:
    """The Destination column: a composite SEND (ActiveMQ's "a,b") reads as N destinations."""
    if "," not in destination:  # a user destination: where the broker delivered from beside
        return f"{destination} ← {delivered_from}" if delivered_from else destination
    parts = [part for part in destination.split(",") if part]
    return _tr("{count} destinations: {list}").format(count=len(parts), list=", ".join(parts))


def size_text(size: int) -> str:
    """Short enough for a narrow column: "512 B", "12.1 KiB", "7.8 MiB"."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB"
    if size < 1024**3:
        return f"{size / 1024**2:.1f} MiB"
    return f"{size / 1024**3:.1f} GiB"


def display_texts(entry: LogEntry) -> tuple[str, str, str, str, str, str]:
    return (
        time_text(entry.timestamp),
        direction_text(entry),
        destination_text(entry.destination, entry.delivered_from),
        size_text(entry.size),
        entry.content_type,
        entry.preview,
    )


def tooltip(entry: LogEntry) -> str:
    lines = [f"#{entry.seq} {entry.command} {entry.destination}".rstrip()]
    headers = entry.headers
    lines.extend(f"{name}:{value}" for name, value in headers[:_TOOLTIP_HEADERS])
    if len(headers) > _TOOLTIP_HEADERS:
        more = len(headers) - _TOOLTIP_HEADERS
        lines.append(_tr("… {count} more header(s)").format(count=more))
    if entry.body:
        lines.append("")
        if not entry.preview.startswith("⟨binary"):
            text = str(entry.body_view()[: _TOOLTIP_CHARS * 4], "utf-8", "ignore")
            lines.append(text[:_TOOLTIP_CHARS])
        else:
            lines.append(entry.preview)
    return "\n".join(lines)
