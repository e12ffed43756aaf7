from __future__ import annotations

from pathlib import Path

import pytest

from explorer.broker.destinations import DestinationKind, kind_of
from explorer.discovery.local import (
    ImportFileError,
    SeenTracker,
    bookmarked,
    parse_import_text,
    read_import_file,
)
from explorer.discovery.model import DiscoveredDestination, Source


def test_seen_reports_each_destination_once() -> None:
    seen = SeenTracker()
    first = seen.observe({"destination": "/queue/a,/topic/b", "reply-to": "/temp-queue/r"})
    assert [(d.destination, d.kind, d.source) for d in first] == [
        ("/queue/a", DestinationKind.QUEUE, Source.SEEN),
        ("/topic/b", DestinationKind.TOPIC, Source.SEEN),
        ("/temp-queue/r", DestinationKind.TEMP_QUEUE, Source.SEEN),
    ]
    assert seen.observe({"destination": "/queue/a"}) == []
    assert "/topic/b" in seen


def test_bookmarks_deduplicate() -> None:
    assert bookmarked(["/queue/a", " /queue/a", "", "/exchange/x"]) == [
        DiscoveredDestination("/queue/a", DestinationKind.QUEUE, Source.BOOKMARK),
        DiscoveredDestination("/exchange/x", DestinationKind.EXCHANGE, Source.BOOKMARK),
    ]


def test_import_plain_lines_and_json_lines(tmp_path: Path) -> None:
    file = tmp_path / "list.txt"
    file.write_text(
        "# my destinations\n/queue/a\n\n"
        '{"destination": "/topic/b", "kind": "topic", "sources": ["advisory"], '
        '"depth": null, "consumers": 2}\n'
        "/queue/a\n"
        "orders\n",
        encoding="utf-8",
    )
    assert read_import_file(file) == [
        DiscoveredDestination("/queue/a", DestinationKind.QUEUE, Source.IMPORT),
        DiscoveredDestination("/topic/b", DestinationKind.TOPIC, Source.IMPORT, consumers=2),
        DiscoveredDestination("orders", DestinationKind.UNKNOWN, Source.IMPORT),
    ]


def test_import_errors_name_the_line(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="line 2: not valid JSON"):
        parse_import_text("/queue/a\n{oops\n", name="f")
    with pytest.raises(ImportFileError, match='no "destination"'):
        parse_import_text('{"kind": "queue"}')
    with pytest.raises(ImportFileError, match="no such file"):
        read_import_file(tmp_path / "missing.txt")


def test_kind_of_prefixes() -> None:
    assert kind_of("/amq/queue/x") is DestinationKind.QUEUE
    assert kind_of("/remote-temp-topic/x") is DestinationKind.TEMP_TOPIC
    assert kind_of("/app/chat") is DestinationKind.UNKNOWN
