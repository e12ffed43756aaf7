"""The operations' questions, results and errors in the window's words: each error type, the
profile field that would help, why a run ended, and the re-publish outcomes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from explorer.broker.kind import BrokerKind
from explorer.client import ConnectionLostError
from explorer.operations import (
    ApiFailed,
    ApiMissing,
    DestinationRefused,
    InvalidFilter,
    InvalidSelector,
    MovePlan,
    MoveResult,
    Outcome,
    PurgeResult,
    QueueNotFound,
    RepublishResult,
    StopReason,
    UnsupportedOperation,
)
from explorer.operations.admin import AdminApis
from explorer.operations.move import compile_filter, refusal
from explorer.operations.purge import check_purge
from explorer.ui import ops_text

pytestmark = pytest.mark.gui


def test_each_error_in_a_sentence_and_the_field_that_helps(qapp: QApplication) -> None:
    missing = ApiMissing("purging an ActiveMQ queue", "Jolokia endpoint", "--jolokia")
    assert ops_text.error_text(missing) == (
        "This needs the broker's Jolokia endpoint: fill in “Jolokia URL” on the Management "
        "page of the profile, then try again."
    )
    assert ops_text.missing_field(missing) == "management.jolokia_url"
    rabbit = ApiMissing("purging a RabbitMQ queue", "RabbitMQ management API", "--management")
    assert "“Management URL”" in ops_text.error_text(rabbit)
    assert ops_text.missing_field(rabbit) == "management.management_url"
    assert ops_text.error_text(QueueNotFound("/queue/x", "Jolokia lists no such queue")) == (
        "There is no queue /queue/x on this broker: check the name."
    )
    assert ops_text.error_text(InvalidSelector("a >> 1", "bad token")) == (
        "The broker refused the selector a >> 1: bad token"
    )
    unreachable = ApiFailed("cannot connect to http://h:1/api/jolokia", unreachable=True)
    assert ops_text.error_text(unreachable).startswith(
        "The broker's HTTP API cannot be reached or refused the login"
    )
    assert ops_text.error_text(unreachable).endswith("(cannot connect to http://h:1/api/jolokia)")
    with pytest.raises(InvalidFilter) as caught:
        compile_filter("priority >")
    assert ops_text.error_text(caught.value).startswith("The filter does not parse: ")
    assert ops_text.error_text(ConnectionLostError("gone")).startswith("The connection was lost.")
    assert ops_text.missing_field(QueueNotFound("/queue/x")) is None


def test_unsupported_operations_worded_by_their_cause(qapp: QApplication) -> None:
    with pytest.raises(UnsupportedOperation) as topic:
        check_purge("/topic/prices", BrokerKind.ACTIVEMQ, AdminApis(), None)
    assert ops_text.error_text(topic.value).startswith("/topic/prices is a topic: a topic keeps")
    with pytest.raises(UnsupportedOperation) as selector:
        check_purge("/queue/a", BrokerKind.RABBITMQ, AdminApis(), "x = 1")
    assert "no message selectors" in ops_text.error_text(selector.value)
    with pytest.raises(UnsupportedOperation) as sandbox:
        check_purge("/queue/a", BrokerKind.SANDBOX, AdminApis(), None)
    assert "use “Remove matching…” with a filter" in ops_text.error_text(sandbox.value)


def test_a_rabbitmq_refusal_points_at_the_management_url_not_a_flag(qapp: QApplication) -> None:
    from explorer.client import BrokerError
    from explorer.stomp import Frame

    frame = Frame("ERROR", (("message", "PRECONDITION_FAILED - inequivalent arg"),))
    error = refusal("/queue/dlx", BrokerError(frame), BrokerKind.RABBITMQ, AdminApis())
    assert isinstance(error, DestinationRefused) and "--management" in error.broker_message
    text = ops_text.error_text(error)
    assert "--management" not in text and "“Management URL”" in text
    assert text.startswith("The broker refused /queue/dlx: PRECONDITION_FAILED")
    assert ops_text.missing_field(error) == "management.management_url"


def test_results_name_counts_and_why_a_run_ended(qapp: QApplication) -> None:
    plan = MovePlan("/queue/a", target="/queue/b")
    done = MoveResult(moved=7, duplicated=1, failed=0, skipped=0)
    text = ops_text.result_text(done, plan)
    assert text.startswith("7 moved · 1 duplicated · 0 failed · 0 skipped.")
    assert "still on the source too: nothing was lost" in text
    stopped = MoveResult(moved=3, stopped=StopReason.CANCELLED)
    assert ops_text.result_text(stopped, plan).endswith(
        "Stopped as you asked; what was not handled stays on the source."
    )
    refused = MoveResult(
        failed=1,
        stopped=StopReason.REFUSED,
        error=DestinationRefused("/queue/b", "access denied"),
    )
    assert "Stopped: The broker refused /queue/b: access denied" in ops_text.result_text(
        refused, plan
    )
    redrive = MovePlan("/queue/ActiveMQ.DLQ", to_original=True)
    back = MoveResult(moved=3, skipped=1, by_target={"/queue/x": 2, "/queue/y": 1})
    text = ops_text.result_text(back, redrive)
    assert "Sent back to /queue/x (2), /queue/y (1)." in text and "no original destination" in text
    copy = MovePlan("/queue/a", target="/queue/b", copy=True, count=5)
    assert ops_text.counts_text(MoveResult(moved=5), copy).startswith("5 copied")
    assert ops_text.move_question(copy).startswith("Copy up to 5 messages from /queue/a to")
    removal = MovePlan("/queue/a", discard=True, where="priority > 4")
    assert ops_text.move_question(removal).startswith(
        "Delete every message matching filter priority > 4 from /queue/a?"
    )


def test_purge_and_republish_results(qapp: QApplication) -> None:
    assert ops_text.purge_result_text(PurgeResult("/queue/a", 4, False)) == (
        "Removed about 4 messages from /queue/a."
    )
    assert ops_text.purge_result_text(PurgeResult("/queue/a", None, False, kept_unacked=2)) == (
        "Purged /queue/a (the broker did not say how many). 2 delivered but unacknowledged "
        "messages stay (a consumer holds them)."
    )
    results = [
        RepublishResult(0, "/queue/b", Outcome.SENT),
        RepublishResult(1, "/queue/b", Outcome.REFUSED, "not allowed"),
    ]
    assert ops_text.republish_result_text(results) == (
        "1 sent · 1 refused · 0 unconfirmed · 0 not sent. The broker refused /queue/b: not allowed"
    )
    assert ops_text.republish_question(2, ["/queue/a", "/queue/b"], "AMQ").startswith(
        "Send 2 messages again to 2 destinations on AMQ?"
    )
