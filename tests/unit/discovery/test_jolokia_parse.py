from __future__ import annotations

import pytest

from explorer.broker.destinations import DestinationKind
from explorer.discovery.errors import DiscoveryProtocolError
from explorer.discovery.jolokia import bulk_request, parse_bulk_response
from explorer.discovery.model import DiscoveredDestination, Source
from tests.unit.discovery import samples


def test_bulk_request_reads_every_destination_type_with_a_wildcard() -> None:
    request = bulk_request()
    assert [r["mbean"] for r in request] == [
        "org.apache.activemq:type=Broker,brokerName=*,destinationType=Queue,destinationName=*",
        "org.apache.activemq:type=Broker,brokerName=*,destinationType=Topic,destinationName=*",
        "org.apache.activemq:type=Broker,brokerName=*,destinationType=TempQueue,destinationName=*",
        "org.apache.activemq:type=Broker,brokerName=*,destinationType=TempTopic,destinationName=*",
    ]
    assert all("QueueSize" in r["attribute"] and r["type"] == "read" for r in request)


def test_bulk_answer_maps_to_stomp_destinations_with_counts() -> None:
    assert parse_bulk_response(samples.JOLOKIA_BULK) == [
        DiscoveredDestination(
            "/queue/orders",
            DestinationKind.QUEUE,
            Source.JOLOKIA,
            depth=3,
            consumers=1,
            enqueued=5,
            dequeued=2,
        ),
        DiscoveredDestination(
            "/topic/prices.eu",
            DestinationKind.TOPIC,
            Source.JOLOKIA,
            depth=0,
            consumers=2,
            enqueued=10,
            dequeued=20,
        ),
    ]


def test_advisory_topics_on_request() -> None:
    names = [
        d.destination for d in parse_bulk_response(samples.JOLOKIA_BULK, include_advisory=True)
    ]
    assert "/topic/ActiveMQ.Advisory.Queue" in names


def test_name_falls_back_to_the_mbean_key() -> None:
    mbean = "org.apache.activemq:brokerName=b,destinationName=x.y,destinationType=Queue,type=Broker"
    answer = {"status": 200, "value": {mbean: {"QueueSize": 1}}}
    [found] = parse_bulk_response(answer)
    assert (found.destination, found.depth, found.consumers) == ("/queue/x.y", 1, None)


def test_failed_read_is_a_protocol_error() -> None:
    with pytest.raises(DiscoveryProtocolError, match="read failed: boom"):
        parse_bulk_response([{"status": 500, "error": "boom"}])
    with pytest.raises(DiscoveryProtocolError):
        parse_bulk_response(["nonsense"])
