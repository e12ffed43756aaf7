from __future__ import annotations

from explorer.broker.destinations import DestinationKind
from explorer.discovery.advisories import parse_advisory, parse_destination_info
from explorer.discovery.model import DiscoveredDestination, Source
from tests.unit.discovery import samples


def test_queue_added_from_real_frame() -> None:
    headers, body = samples.QUEUE_ADDED
    assert parse_advisory(headers, body) == DiscoveredDestination(
        "/queue/probe.cap", DestinationKind.QUEUE, Source.ADVISORY, gone=False
    )


def test_queue_removed_is_marked_gone() -> None:
    headers, body = samples.QUEUE_REMOVED
    found = parse_advisory(headers, body)
    assert found is not None
    assert found.destination == "/queue/probe.cap"
    assert found.gone is True


def test_topic_and_temp_queue() -> None:
    topic = parse_advisory(*samples.TOPIC_ADDED)
    temp = parse_advisory(*samples.TEMP_QUEUE_ADDED)
    assert topic is not None and temp is not None
    assert (topic.destination, topic.kind) == ("/topic/probe.captopic", DestinationKind.TOPIC)
    assert temp.destination == "/remote-temp-queue/ID:vm-44631-1795555747001-3:17:1"
    assert temp.kind is DestinationKind.TEMP_QUEUE


def test_advisory_topics_are_skipped_unless_asked() -> None:
    headers, body = samples.ADVISORY_TOPIC_ADDED
    assert parse_advisory(headers, body) is None
    found = parse_advisory(headers, body, include_advisory=True)
    assert found is not None
    assert found.destination == "/topic/ActiveMQ.Advisory.Consumer.Queue.probe.cap"


def test_consumer_advisories_give_consumer_counts() -> None:
    added = parse_advisory(*samples.CONSUMER_ADDED)
    removed = parse_advisory(*samples.CONSUMER_REMOVED)
    assert added is not None and removed is not None
    assert (added.destination, added.consumers, added.gone) == ("/queue/probe.cap", 1, False)
    assert (removed.destination, removed.consumers) == ("/queue/probe.cap", 0)


def test_consumer_advisory_for_an_advisory_topic_is_skipped() -> None:
    headers = {
        "destination": "/topic/ActiveMQ.Advisory.Consumer.Topic.ActiveMQ.Advisory.Queue",
        "consumerCount": "1",
    }
    assert parse_advisory(headers, b"{}") is None


def test_physical_name_and_missing_class_fall_back_to_the_advisory_topic() -> None:
    body = '{"DestinationInfo":{"destination":{"physicalName":"a.b"},"operationType":0}}'
    found = parse_destination_info("/topic/ActiveMQ.Advisory.Topic", body)
    assert found == DiscoveredDestination("/topic/a.b", DestinationKind.TOPIC, Source.ADVISORY)


def test_nested_class_form() -> None:
    body = '{"DestinationInfo":{"destination":{"ActiveMQQueue":{"physicalName":"q"}}}}'
    found = parse_destination_info("/topic/ActiveMQ.Advisory.Topic", body)
    assert found is not None
    assert (found.destination, found.kind) == ("/queue/q", DestinationKind.QUEUE)


def test_garbage_is_ignored() -> None:
    topic = "/topic/ActiveMQ.Advisory.Queue"
    assert parse_destination_info(topic, b"<DestinationInfo/>") is None
    assert parse_destination_info(topic, b"[]") is None
    assert parse_destination_info(topic, b'{"ConnectionInfo":{}}') is None
    assert parse_destination_info(topic, b'{"DestinationInfo":{"destination":{}}}') is None
    assert parse_advisory({"destination": "/topic/other"}, b"{}") is None
    bad_count = {
        "destination": "/topic/ActiveMQ.Advisory.Consumer.Queue.q",
        "consumerCount": "many",
    }
    assert parse_advisory(bad_count, b"{}") is None
