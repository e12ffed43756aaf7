"""Queue operations and re-publish in the window's own words (context "QueueOps").

`explorer.operations` reports plans, results and errors as data with an English sentence
(the command line prints that). The window words them itself from the fields so they can be
translated; only the broker's own words (an ERROR frame, an HTTP answer) stay as they came.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from explorer.broker.destinations import DestinationKind, kind_of
from explorer.client import ClientError
from explorer.operations import (
    ApiFailed,
    ApiMissing,
    DestinationRefused,
    InvalidFilter,
    InvalidSelector,
    ListingMethod,
    MovePlan,
    MoveResult,
    OperationError,
    Outcome,
    PurgeResult,
    QueueNotFound,
    RepublishResult,
    StopReason,
    UnsupportedOperation,
)
from explorer.search import SearchSyntaxError
from explorer.ui.messages import describe_client_error, field_label, with_detail
from explorer.ui.search_text import search_error_text

translate = QCoreApplication.translate

# The profile field that gives what an ApiMissing asks for (the Management page).
PROFILE_FIELDS = {
    "--jolokia": "management.jolokia_url",
    "--management": "management.management_url",
}


def _n(count: int | None) -> str:
    return f"{count:,}" if count is not None else "?"


# What `operations.move.refusal` appends for the command line when RabbitMQ refuses a target
# declared with other arguments (the window says it with the profile's field instead).
_MANAGEMENT_HINT = "; the queue exists with other arguments: give --management URL"


def missing_field(error: BaseException) -> str | None:
    """The profile field that would have avoided `error` (None: no field helps)."""
    if isinstance(error, ApiMissing):
        return PROFILE_FIELDS.get(error.flag)
    if isinstance(error, UnsupportedOperation) and "silently drops" in error.reason:
        return PROFILE_FIELDS["--management"]
    if isinstance(error, DestinationRefused) and _MANAGEMENT_HINT in error.broker_message:
        return PROFILE_FIELDS["--management"]
    return None


def error_text(error: BaseException) -> str:
    """A failed operation in one translated sentence (the broker's words as a detail)."""
    if isinstance(error, ApiMissing):
        field = PROFILE_FIELDS.get(error.flag)
        label = field_label(field) if field else error.flag
        return translate(
            "QueueOps",
            "This needs the broker's {service}: fill in “{field}” on the Management page of "
            "the profile, then try again.",
        ).format(service=_service(error.flag), field=label)
    if isinstance(error, QueueNotFound):
        return translate(
            "QueueOps", "There is no queue {queue} on this broker: check the name."
        ).format(queue=error.destination)
    if isinstance(error, DestinationRefused):
        words, hint, _rest = error.broker_message.partition(_MANAGEMENT_HINT)
        text = translate("QueueOps", "The broker refused {destination}: {words}").format(
            destination=error.destination, words=words
        )
        if hint:
            text += " " + translate(
                "QueueOps",
                "The queue exists with other arguments: fill in “Management URL” on the "
                "profile's Management page, so the move sends to it without declaring it.",
            )
        return text
    if isinstance(error, InvalidSelector):
        return translate("QueueOps", "The broker refused the selector {selector}: {words}").format(
            selector=error.selector, words=error.broker_message
        )
    if isinstance(error, InvalidFilter):
        inner = error.error
        if isinstance(inner, SearchSyntaxError):
            return translate("QueueOps", "The filter does not parse: {reason}").format(
                reason=search_error_text(inner)
            )
        return with_detail(translate("QueueOps", "The filter does not parse."), str(inner))
    if isinstance(error, ApiFailed):
        sentence = (
            translate(
                "QueueOps",
                "The broker's HTTP API cannot be reached or refused the login: check the "
                "URL, login and password on the profile's Management page.",
            )
            if error.unreachable
            else translate("QueueOps", "The broker's HTTP API answered with an error.")
        )
        return with_detail(sentence, error.message)
    if isinstance(error, UnsupportedOperation):
        return unsupported_text(error)
    if isinstance(error, OperationError):
        return error.message
    if isinstance(error, ClientError):
        return describe_client_error(error)
    return translate("QueueOps", "Unexpected error: {error}").format(error=error)


def _service(flag: str) -> str:
    if flag == "--jolokia":
        return translate("QueueOps", "Jolokia endpoint")
    return translate("QueueOps", "management API")


def unsupported_text(error: UnsupportedOperation) -> str:
    """Why an operation cannot run here: the common cases worded, others with the detail."""
    destination = error.destination
    kind = kind_of(destination)
    reason = error.reason.lower()
    if kind in (DestinationKind.TOPIC, DestinationKind.TEMP_TOPIC, DestinationKind.EXCHANGE):
        return translate(
            "QueueOps",
            "{destination} is a topic: a topic keeps no messages, so only queues can be "
            "moved, copied or purged.",
        ).format(destination=destination)
    if "same queue" in reason:
        return translate("QueueOps", "The source and the target are the same queue.")
    if "no message selectors" in reason:
        return translate(
            "QueueOps",
            "This broker has no message selectors: leave the selector empty and use the "
            "filter instead (it reads every message).",
        )
    if "no purge api" in reason:
        return translate(
            "QueueOps",
            "This broker has no purge we know of (purge works on ActiveMQ and RabbitMQ): use "
            "“Remove matching…” with a filter instead.",
        )
    if "silently drops" in reason:
        return translate(
            "QueueOps",
            "RabbitMQ drops messages sent to a missing /amq/queue/ destination without a "
            "word: name the target /queue/… or fill in the profile's Management URL so it "
            "can be checked first.",
        )
    return with_detail(
        translate("QueueOps", "This cannot be done on {destination}.").format(
            destination=destination
        ),
        error.reason,
    )


# -- move, copy, re-drive, remove -------------------------------------------------------------


def how_many(plan: MovePlan) -> str:
    if plan.count is None:
        return translate("QueueOps", "every message")
    return translate("QueueOps", "up to {count} messages").format(count=_n(plan.count))


def matching(plan: MovePlan) -> str:
    parts = []
    if plan.selector:
        parts.append(translate("QueueOps", "selector {selector}").format(selector=plan.selector))
    if plan.where:
        parts.append(translate("QueueOps", "filter {filter}").format(filter=plan.where))
    if not parts:
        return ""
    return " " + translate("QueueOps", "matching {conditions}").format(
        conditions=translate("QueueOps", " and ").join(parts)
    )


def target_text(plan: MovePlan) -> str:
    if plan.discard:
        return translate("QueueOps", "nowhere (deleted)")
    if plan.target is not None:
        return plan.target
    return translate("QueueOps", "their original destinations")


def guarantee() -> str:
    return translate(
        "QueueOps",
        "Each message is sent with a receipt and taken off the source only after the broker "
        "confirmed it: a crash can duplicate a message but never lose one.",
    )


def move_question(plan: MovePlan) -> str:
    """What the dialog says it will do (the question a destructive run asks, too)."""
    values = {
        "how_many": how_many(plan),
        "matching": matching(plan),
        "source": plan.source,
        "target": target_text(plan),
    }
    if plan.discard:
        return translate(
            "QueueOps",
            "Delete {how_many}{matching} from {source}? They cannot be brought back. Every "
            "message is read to test it; the others stay, marked redelivered.",
        ).format(**values)
    if plan.copy:
        return translate(
            "QueueOps",
            "Copy {how_many}{matching} from {source} to {target}; the originals stay where "
            "they are. Each copy is confirmed by the broker (receipt).",
        ).format(**values)
    if plan.to_original:
        return (
            translate(
                "QueueOps",
                "Send {how_many}{matching} from {source} back to their original "
                "destinations (the original-destination or x-first-death-queue header).",
            ).format(**values)
            + " "
            + guarantee()
        )
    return (
        translate("QueueOps", "Move {how_many}{matching} from {source} to {target}.").format(
            **values
        )
        + " "
        + guarantee()
    )


def counts_text(result: MoveResult, plan: MovePlan) -> str:
    """The running counts (progress) and the first line of the result."""
    if plan.discard:
        return translate("QueueOps", "{removed} removed · {kept} not matching, kept").format(
            removed=_n(result.moved), kept=_n(result.not_matching)
        )
    done = (
        translate("QueueOps", "{n} copied") if plan.copy else translate("QueueOps", "{n} moved")
    ).format(n=_n(result.moved))
    return translate(
        "QueueOps", "{done} · {duplicated} duplicated · {failed} failed · {skipped} skipped"
    ).format(
        done=done,
        duplicated=_n(result.duplicated),
        failed=_n(result.failed),
        skipped=_n(result.skipped),
    )


def result_text(result: MoveResult, plan: MovePlan) -> str:
    """The whole result: counts, where they went, why it ended and what to know."""
    parts = [counts_text(result, plan) + "."]
    if plan.to_original and result.by_target:
        places = ", ".join(f"{d} ({n:,})" for d, n in sorted(result.by_target.items()))
        parts.append(translate("QueueOps", "Sent back to {places}.").format(places=places))
    if result.skipped:
        parts.append(
            translate(
                "QueueOps",
                "Skipped messages had no original destination (or one that is not a "
                "queue) and stay on the source.",
            )
        )
    if result.duplicated:
        parts.append(
            translate(
                "QueueOps",
                "Duplicated messages were sent but are still on the source too: nothing was lost.",
            )
        )
    if result.redelivered and not plan.copy and not plan.discard:
        parts.append(
            translate(
                "QueueOps",
                "{count} had been delivered before (a consumer, a preview or an interrupted "
                "move): after an interrupted move they may be in the target twice.",
            ).format(count=_n(result.redelivered))
        )
    if result.not_matching and not plan.discard:
        parts.append(
            translate(
                "QueueOps",
                "{count} read but not matching the filter stayed on the source (marked "
                "redelivered).",
            ).format(count=_n(result.not_matching))
        )
    ending = stop_text(result)
    if ending:
        parts.append(ending)
    return " ".join(parts)


def stop_text(result: MoveResult) -> str:
    """Why a run ended early (empty when it simply finished)."""
    if result.stopped is StopReason.CANCELLED:
        return translate(
            "QueueOps", "Stopped as you asked; what was not handled stays on the source."
        )
    if result.stopped is StopReason.REFUSED:
        words = error_text(result.error) if result.error is not None else ""
        return translate(
            "QueueOps", "Stopped: {reason} The refused message stays on the source."
        ).format(reason=words)
    if result.stopped is StopReason.CONNECTION_LOST:
        return with_detail(
            translate(
                "QueueOps",
                "Stopped: the connection was lost; unacknowledged messages went back to the "
                "source.",
            ),
            str(result.error or ""),
        )
    return ""


def listing_text(count: int, method: ListingMethod, plan: MovePlan) -> str:
    """The dry run's last line."""
    if method is ListingMethod.BROWSE:
        how = translate(
            "QueueOps", "browsed with the queue browser: nothing was taken or reordered"
        )
    else:
        how = translate(
            "QueueOps",
            "read without acknowledging and given back: nothing was taken, but the broker "
            "marks them redelivered",
        )
    if plan.discard:
        text = translate("QueueOps", "{count} messages would be deleted ({how}).")
    elif plan.copy:
        text = translate("QueueOps", "{count} messages would be copied ({how}).")
    else:
        text = translate("QueueOps", "{count} messages would move ({how}).")
    return text.format(count=_n(count), how=how)


# -- purge ------------------------------------------------------------------------------------


def purge_question(queue: str, selector: str | None, depth: int | None) -> str:
    if selector:
        return translate(
            "QueueOps",
            "Delete every message matching {selector} from {queue}? They cannot be brought back.",
        ).format(selector=selector, queue=queue)
    if depth is not None:
        return translate(
            "QueueOps",
            "Delete every message waiting in {queue} (about {count} now)? They cannot be "
            "brought back.",
        ).format(queue=queue, count=_n(depth))
    return translate(
        "QueueOps", "Delete every message waiting in {queue}? They cannot be brought back."
    ).format(queue=queue)


def purge_result_text(result: PurgeResult) -> str:
    if result.removed is None:
        text = translate("QueueOps", "Purged {queue} (the broker did not say how many).").format(
            queue=result.queue
        )
    elif result.selector:
        text = translate(
            "QueueOps", "Removed {count} messages matching {selector} from {queue}."
        ).format(count=_n(result.removed), selector=result.selector, queue=result.queue)
    elif result.exact:
        text = translate("QueueOps", "Removed {count} messages from {queue}.").format(
            count=_n(result.removed), queue=result.queue
        )
    else:
        text = translate("QueueOps", "Removed about {count} messages from {queue}.").format(
            count=_n(result.removed), queue=result.queue
        )
    if result.kept_unacked:
        text += " " + translate(
            "QueueOps",
            "{count} delivered but unacknowledged messages stay (a consumer holds them).",
        ).format(count=_n(result.kept_unacked))
    return text


# -- re-publish -------------------------------------------------------------------------------


def republish_question(count: int, destinations: Sequence[str], connection: str) -> str:
    where = (
        destinations[0]
        if len(destinations) == 1
        else translate("QueueOps", "{count} destinations").format(count=len(destinations))
    )
    return translate(
        "QueueOps",
        "Send {count} messages again to {where} on {connection}? Headers the broker set "
        "(message-id, timestamp, …) are left out; each send is confirmed by a receipt.",
    ).format(count=_n(count), where=where, connection=connection)


def republish_result_text(results: Sequence[RepublishResult]) -> str:
    counts = {outcome: 0 for outcome in Outcome}
    for result in results:
        counts[result.outcome] += 1
    text = translate(
        "QueueOps",
        "{sent} sent · {refused} refused · {unconfirmed} unconfirmed · {not_sent} not sent.",
    ).format(
        sent=_n(counts[Outcome.SENT]),
        refused=_n(counts[Outcome.REFUSED]),
        unconfirmed=_n(counts[Outcome.UNCONFIRMED]),
        not_sent=_n(counts[Outcome.NOT_SENT]),
    )
    refused = next((r for r in results if r.outcome is Outcome.REFUSED), None)
    if refused is not None:
        text += " " + translate("QueueOps", "The broker refused {destination}: {words}").format(
            destination=refused.destination, words=refused.detail
        )
    elif counts[Outcome.UNCONFIRMED] or counts[Outcome.NOT_SENT]:
        text += " " + translate(
            "QueueOps",
            "The connection ended first: unconfirmed messages may or may not have arrived.",
        )
    return text
