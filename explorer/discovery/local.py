"""Sources that work with any broker: destinations seen in traffic, bookmarks, imported files.

Import files hold one destination per line (blank lines and `#` comments ignored), or JSON
Lines as written by `stomp-explorer destinations --format jsonl` (one object per line with at
least `"destination"`). Both can be mixed: a line starting with `{` is read as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from explorer.broker.destinations import DestinationKind, kind_of
from explorer.discovery.errors import DiscoveryError
from explorer.discovery.model import DiscoveredDestination, Source

# Frame headers that name a destination the user may want in the tree.
DESTINATION_HEADERS: tuple[str, ...] = ("destination", "reply-to", "original-destination")


class ImportFileError(DiscoveryError):
    """An import file that cannot be read; the message names the file and line."""


class SeenTracker:
    """Remembers destinations seen in frames; reports each new one once."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def __contains__(self, destination: object) -> bool:
        return destination in self._seen

    def observe(self, headers: Mapping[str, str]) -> list[DiscoveredDestination]:
        """Destinations named by one frame (MESSAGE, SEND, SUBSCRIBE) that are new."""
        new: list[DiscoveredDestination] = []
        for name in DESTINATION_HEADERS:
            value = headers.get(name)
            if not value:
                continue
            for destination in value.split(","):  # ActiveMQ composite destinations
                destination = destination.strip()
                if destination and destination not in self._seen:
                    self._seen.add(destination)
                    new.append(
                        DiscoveredDestination(destination, kind_of(destination), Source.SEEN)
                    )
        return new


def bookmarked(destinations: Iterable[str]) -> list[DiscoveredDestination]:
    """The profile's bookmarks as destination records."""
    return [
        DiscoveredDestination(d, kind_of(d), Source.BOOKMARK)
        for d in dict.fromkeys(x.strip() for x in destinations)
        if d
    ]


def _optional_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def parse_import_line(line: str, *, where: str = "line") -> DiscoveredDestination | None:
    """One line of an import file → a destination (None for blank lines and comments)."""
    text = line.strip()
    if not text or text.startswith("#"):
        return None
    if not text.startswith("{"):
        return DiscoveredDestination(text, kind_of(text), Source.IMPORT)
    try:
        item = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{where}: not valid JSON ({exc.msg})", "import") from None
    destination = item.get("destination") if isinstance(item, dict) else None
    if not isinstance(destination, str) or not destination.strip():
        raise ImportFileError(f'{where}: the object has no "destination" string', "import")
    destination = destination.strip()
    try:
        kind = DestinationKind(item.get("kind") or kind_of(destination))
    except ValueError:
        kind = kind_of(destination)
    return DiscoveredDestination(
        destination,
        kind,
        Source.IMPORT,
        depth=_optional_int(item.get("depth")),
        consumers=_optional_int(item.get("consumers")),
    )


def parse_import_text(text: str, *, name: str = "import") -> list[DiscoveredDestination]:
    found: dict[str, DiscoveredDestination] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        record = parse_import_line(line, where=f"{name}, line {number}")
        if record is not None:
            found.setdefault(record.destination, record)
    return list(found.values())


def read_import_file(path: str | Path) -> list[DiscoveredDestination]:
    """Destinations listed in a file (plain lines or JSON Lines); duplicates kept once."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ImportFileError(f"{file}: no such file", "import") from None
    except UnicodeDecodeError:
        raise ImportFileError(f"{file}: not a UTF-8 text file", "import") from None
    except OSError as exc:
        raise ImportFileError(f"{file}: {exc.strerror or exc}", "import") from None
    return parse_import_text(text, name=str(file))
