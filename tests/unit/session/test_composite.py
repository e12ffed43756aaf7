"""A comma in a destination: ActiveMQ's composite destinations, refused elsewhere (issue 12,
defect 8)."""

from __future__ import annotations

import pytest

from explorer.broker.kind import BrokerKind
from explorer.session.composite import check_destination, composite_parts
from explorer.session.errors import CompositeRefused, SessionError


def test_no_comma_is_one_destination_everywhere() -> None:
    for broker in BrokerKind:
        assert check_destination("/queue/orders", broker) == ("/queue/orders",)


def test_activemq_reads_a_comma_as_several_destinations() -> None:
    parts = check_destination("/queue/a,/topic/b.c", BrokerKind.ACTIVEMQ)
    assert parts == ("/queue/a", "/topic/b.c")
    assert composite_parts("/queue/a,/queue/b,") == ("/queue/a", "/queue/b")


@pytest.mark.parametrize(
    ("destination", "part"),
    [("/queue/1002,", "/queue/1002,"), ("/queue/a,b", "b"), ("/queue/a,/queue/", "/queue/")],
)
def test_activemq_parts_need_their_own_prefix(destination: str, part: str) -> None:
    if destination == "/queue/1002,":
        # ActiveMQ drops the trailing empty part: a lone trailing comma is one destination.
        assert check_destination(destination, BrokerKind.ACTIVEMQ) == ("/queue/1002",)
        return
    with pytest.raises(CompositeRefused) as refused:
        check_destination(destination, BrokerKind.ACTIVEMQ)
    assert refused.value.part == part
    assert "must start with /queue/" in refused.value.message


@pytest.mark.parametrize("broker", [b for b in BrokerKind if b is not BrokerKind.ACTIVEMQ])
def test_other_brokers_refuse_a_comma_with_a_sentence(broker: BrokerKind) -> None:
    with pytest.raises(CompositeRefused) as refused:
        check_destination("/queue/a,/queue/b", broker)
    error = refused.value
    assert isinstance(error, SessionError)
    assert error.part is None and error.broker == broker.value
    assert "only on ActiveMQ" in error.message and "destination list" in error.message
