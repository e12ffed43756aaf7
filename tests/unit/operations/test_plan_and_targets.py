"""Plans, their confirmation and result sentences, and the destination checks (no broker)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from explorer.broker.kind import BrokerKind
from explorer.operations import (
    GUARANTEE,
    ApiMissing,
    MovePlan,
    MoveResult,
    QueueNotFound,
    UnsupportedOperation,
    confirmation,
    purge_confirmation,
)
from explorer.operations.admin import AdminApis, ManagementAdmin, parse_jms_timestamp
from explorer.operations.purge import PurgeResult, check_purge
from explorer.operations.targets import (
    TargetResolver,
    check_selector,
    looks_like_dead_letter_queue,
    require_queue,
)


class FakeManagement(ManagementAdmin):
    """The management API with a fixed set of queues (no HTTP)."""

    def __init__(self, queues: set[str]) -> None:
        super().__init__("http://management.invalid")
        self.known = queues
        self.asked: list[str] = []

    async def queue(self, name: str) -> Mapping[str, Any] | None:
        self.asked.append(name)
        return {"name": name} if name in self.known else None


def test_a_plan_needs_one_target_or_to_original() -> None:
    with pytest.raises(ValueError, match="either a target or to_original"):
        MovePlan("/queue/a")
    with pytest.raises(ValueError, match="either a target or to_original"):
        MovePlan("/queue/a", target="/queue/b", to_original=True)
    with pytest.raises(ValueError, match="count"):
        MovePlan("/queue/a", target="/queue/b", count=0)
    with pytest.raises(ValueError, match="source"):
        MovePlan(" ", target="/queue/b")
    with pytest.raises(ValueError, match="discard"):
        MovePlan("/queue/a", discard=True)  # deletes what `where` matches: needs one
    with pytest.raises(ValueError, match="exactly one"):
        MovePlan("/queue/a", target="/queue/b", discard=True, where="x")
    removal = confirmation(MovePlan("/queue/a", discard=True, where="x"), BrokerKind.RABBITMQ)
    assert removal.destructive and removal.verb == "remove"
    assert removal.text.startswith("Delete every message matching 'x' (our filter) from")


def test_the_move_confirmation_promises_duplicates_never_loss() -> None:
    plan = MovePlan("/queue/a", target="/queue/b", count=5, selector="x = 1")
    ask = confirmation(plan, BrokerKind.ACTIVEMQ)
    assert ask.destructive and ask.verb == "move" and ask.count == 5
    assert ask.text.startswith(
        "Move up to 5 messages matching selector 'x = 1' from /queue/a to /queue/b."
    )
    assert GUARANTEE in ask.text and "never loses" in ask.text
    copy = confirmation(MovePlan("/queue/a", to_original=True, copy=True), BrokerKind.RABBITMQ)
    assert not copy.destructive
    assert copy.target == "their original destinations"
    assert "originals stay" in copy.text


def test_the_result_sentence_names_moved_duplicated_failed() -> None:
    plan = MovePlan("/queue/a", target="/queue/b")
    result = MoveResult(moved=3, duplicated=1, failed=2, redelivered=1)
    text = result.summary(plan)
    assert text.startswith("moved 3 messages from /queue/a to /queue/b; 1 duplicated, 2 failed")
    assert "delivered before" in text and "still on the source too" in text
    redrive = MoveResult(moved=2, skipped=1, by_target={"/queue/x": 1, "/queue/y": 1})
    assert redrive.summary(MovePlan("/queue/DLQ", to_original=True)) == (
        "moved 2 messages from /queue/DLQ to /queue/x (1), /queue/y (1); 0 duplicated, "
        "0 failed, 1 skipped (no original destination)"
    )


def test_topics_and_exchanges_are_not_queues() -> None:
    for destination in ("/topic/a", "/exchange/x/y", "/temp-topic/t"):
        with pytest.raises(UnsupportedOperation, match="not a queue") as caught:
            require_queue(destination, "move")
        assert caught.value.destination == destination
    require_queue("/queue/a", "move")
    require_queue("plain", "move")  # ActiveMQ: a name without a prefix is a queue


def test_only_brokers_with_selectors_take_one() -> None:
    check_selector("a = 1", BrokerKind.ACTIVEMQ, "/queue/a", "move")
    check_selector(None, BrokerKind.RABBITMQ, "/queue/a", "move")
    with pytest.raises(UnsupportedOperation, match="RabbitMQ has no message selectors"):
        check_selector("a = 1", BrokerKind.RABBITMQ, "/queue/a", "move")
    with pytest.raises(UnsupportedOperation, match=r"this broker \(sandbox\)"):
        check_selector("a = 1", BrokerKind.SANDBOX, "/queue/a", "purge")


@pytest.mark.asyncio
async def test_rabbitmq_targets_that_exist_are_not_declared_again() -> None:
    management = FakeManagement({"orders", "a/b"})
    resolver = TargetResolver(BrokerKind.RABBITMQ, management)
    assert await resolver.resolve("/queue/orders") == "/amq/queue/orders"
    assert await resolver.resolve("/queue/a%2Fb") == "/amq/queue/a%2Fb"
    assert await resolver.resolve("/queue/new") == "/queue/new"  # declared durable on SEND
    with pytest.raises(QueueNotFound):
        await resolver.resolve("/amq/queue/missing")  # would be dropped silently
    await resolver.resolve("/queue/orders")
    assert management.asked.count("orders") == 1  # remembered


@pytest.mark.asyncio
async def test_rabbitmq_amq_queue_targets_need_the_management_api() -> None:
    resolver = TargetResolver(BrokerKind.RABBITMQ)
    assert await resolver.resolve("/queue/x") == "/queue/x"
    with pytest.raises(UnsupportedOperation, match="silently drops") as caught:
        await resolver.resolve("/amq/queue/x")
    assert "--management URL" in caught.value.message


@pytest.mark.asyncio
async def test_other_brokers_send_where_told() -> None:
    resolver = TargetResolver(BrokerKind.ACTIVEMQ)
    assert await resolver.resolve("/queue/x") == "/queue/x"
    with pytest.raises(UnsupportedOperation):
        await resolver.resolve("/topic/x")


def test_purge_refusals_say_what_to_do() -> None:
    none = AdminApis()
    with pytest.raises(UnsupportedOperation, match="topic keeps no messages"):
        check_purge("/topic/a", BrokerKind.ACTIVEMQ, none, None)
    with pytest.raises(ApiMissing) as activemq:
        check_purge("/queue/a", BrokerKind.ACTIVEMQ, none, None)
    assert activemq.value.flag == "--jolokia" and "--jolokia http://" in activemq.value.message
    with pytest.raises(ApiMissing) as rabbitmq:
        check_purge("/queue/a", BrokerKind.RABBITMQ, none, None)
    assert rabbitmq.value.flag == "--management"
    with pytest.raises(UnsupportedOperation, match="no message selectors"):
        check_purge("/queue/a", BrokerKind.RABBITMQ, none, "a = 1")
    with pytest.raises(UnsupportedOperation, match="no purge API"):
        check_purge("/queue/a", BrokerKind.SANDBOX, none, None)
    with_api = AdminApis(management=FakeManagement(set()))
    check_purge("/queue/a", BrokerKind.RABBITMQ, with_api, None)


def test_purge_sentences() -> None:
    assert PurgeResult("/queue/a", 1, True, "x = 1").summary() == (
        "removed 1 message matching 'x = 1' from /queue/a"
    )
    assert PurgeResult("/queue/a", 7, False, kept_unacked=2).summary() == (
        "removed about 7 messages from /queue/a; 2 delivered but unacknowledged messages "
        "stay (a consumer holds them)"
    )
    assert "did not say" in PurgeResult("/queue/a", None, False).summary()
    assert "cannot be brought back" in purge_confirmation("/queue/a").text
    assert "matching 'x'" in purge_confirmation("/queue/a", "x").text


def test_jms_timestamps_from_jolokia() -> None:
    assert parse_jms_timestamp("2026-11-30T01:38:52Z") == 1796002732.0
    assert parse_jms_timestamp(1796002732000) == 1796002732.0
    assert parse_jms_timestamp(0) is None
    assert parse_jms_timestamp("yesterday") is None
    assert parse_jms_timestamp(None) is None


def test_which_queues_look_like_dead_letter_queues() -> None:
    amq, rmq = BrokerKind.ACTIVEMQ, BrokerKind.RABBITMQ
    assert looks_like_dead_letter_queue("/queue/ActiveMQ.DLQ", amq)
    assert looks_like_dead_letter_queue("/queue/DLQ.orders", amq)
    assert not looks_like_dead_letter_queue("/queue/orders.dlq", amq)  # not ActiveMQ's naming
    assert looks_like_dead_letter_queue("/queue/orders.dlq", rmq)
    assert looks_like_dead_letter_queue("/amq/queue/orders-dead-letter", rmq)
    assert looks_like_dead_letter_queue("/queue/orders_DLX", rmq)
    assert not looks_like_dead_letter_queue("/queue/deadline", rmq)
    assert not looks_like_dead_letter_queue("/topic/x.dlq", rmq)
