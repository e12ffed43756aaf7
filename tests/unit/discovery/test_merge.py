from __future__ import annotations

from explorer.broker.destinations import DestinationKind
from explorer.discovery.merge import merge
from explorer.discovery.model import DiscoveredDestination, Source


def test_sources_merge_and_counts_come_from_the_best_source() -> None:
    rows = merge(
        [
            DiscoveredDestination("/queue/a", DestinationKind.QUEUE, Source.ADVISORY, consumers=5),
            DiscoveredDestination(
                "/queue/a", DestinationKind.QUEUE, Source.JOLOKIA, depth=3, consumers=2
            ),
            DiscoveredDestination("/queue/a", DestinationKind.UNKNOWN, Source.SEEN),
            DiscoveredDestination("/topic/t", DestinationKind.TOPIC, Source.ADVISORY, consumers=1),
            DiscoveredDestination("/queue/gone", DestinationKind.QUEUE, Source.ADVISORY, gone=True),
        ]
    )
    assert [r.destination for r in rows] == ["/queue/a", "/queue/gone", "/topic/t"]
    first = rows[0]
    assert first.sources == (Source.ADVISORY, Source.JOLOKIA, Source.SEEN)
    assert (first.kind, first.depth, first.consumers, first.enqueued) == (
        DestinationKind.QUEUE,
        3,
        2,
        None,
    )
    assert rows[1].gone is True
    assert rows[2].consumers == 1  # advisories' consumer count when nothing better is known
    assert rows[0].to_json()["sources"] == ["advisory", "jolokia", "seen"]


def test_latest_record_of_a_source_wins() -> None:
    [row] = merge(
        [
            DiscoveredDestination("/queue/a", DestinationKind.QUEUE, Source.ADVISORY),
            DiscoveredDestination("/queue/a", DestinationKind.QUEUE, Source.ADVISORY, gone=True),
            DiscoveredDestination("/queue/a", DestinationKind.QUEUE, Source.ADVISORY),
        ]
    )
    assert row.gone is False
