"""Queue operations that lose nothing: move, copy, DLQ re-drive, purge, re-publish (no Qt).

Each operation opens a short-lived connection of its own (a `ClientFactory`: a callable
returning a new `explorer.client.Client`), does one careful job and closes it. The window
runs one as a task with a progress callback and an `asyncio.Event` to stop it between
batches (cancelling the task is safe too); the command line (`stomp-explorer move`,
`stomp-explorer purge`) runs the same functions.

Move, copy and re-drive::

    from explorer.operations import (MovePlan, move_messages, list_messages, confirmation,
                                     AdminApis, JolokiaAdmin, ManagementAdmin, client_factory)

    plan = MovePlan("/queue/orders.DLQ", target="/queue/orders", count=100,
                    selector="region = 'eu'")            # ActiveMQ only: the broker's selector
    plan = MovePlan("/queue/ActiveMQ.DLQ", to_original=True)   # re-drive a dead-letter queue
    plan = MovePlan("/queue/a", target="/queue/b", copy=True)  # the originals stay
    plan = MovePlan("/queue/a", target="/queue/b", where="$.region == 'eu'")  # our filter
    plan = MovePlan("/queue/a", discard=True, where="size > 100000")  # delete what matches
    ask = confirmation(plan, broker_kind)                # .text says: duplicates, never loss
    apis = AdminApis(jolokia=JolokiaAdmin(url), management=ManagementAdmin(url, ...))
    result = await move_messages(client_factory(target), plan, apis=apis,
                                 progress=on_progress, stop=stop_event)
    result.moved, result.duplicated, result.failed, result.skipped, result.redelivered
    result.by_target, result.stopped (StopReason), result.error, result.summary(plan)
    count, method = await list_messages(factory, plan, on_message=show)   # the dry run
    looks_like_dead_letter_queue(destination, kind)      # offer "re-drive" in the tree menu

`selector` goes to the broker (a JMS selector: ActiveMQ); `where` is ours (explorer.search:
headers, JSON fields, body text) and reads every message, holding the ones it does not match
unacknowledged until the end, when the broker takes them back (marked redelivered).

Per message: consume with `ack:client-individual`, SEND the copy with a receipt, ACK the
source after the receipt (`move.py` says how batches work and what a copy does). Headers
the broker set are dropped from copies (`headers.py`, per broker); destinations are checked
and mapped first (`targets.py`: RabbitMQ's `/queue/` vs `/amq/queue/`, topics refused).
`--to-original`: ActiveMQ `original-destination`, RabbitMQ `x-first-death-queue`.

Purge (HTTP: Jolokia on ActiveMQ, the management API on RabbitMQ)::

    result = await purge_queue("/queue/orders", broker=kind, apis=apis, selector=None)
    result.removed, result.exact, result.summary(); purge_confirmation(queue, selector).text

Re-publish recorded messages (`LogEntry`, `CaptureRecord`, or `Republish(message,
destination=..., headers=..., body=...)` for edited ones) on any connected client::

    results = await republish(session.client, entries, broker=kind, destination=None)
    [r.outcome for r in results]      # Outcome.SENT / REFUSED / UNCONFIRMED / NOT_SENT

Errors: the `OperationError` family (`errors.py`), each with
fields and an English sentence, raised before anything is touched; connection failures stay
`explorer.client.ClientError`. Once a move has started it returns its counts instead of
raising (`result.stopped`, `result.error`).
"""

from __future__ import annotations

from explorer.operations.admin import AdminApis, JolokiaAdmin, ManagementAdmin
from explorer.operations.connection import ClientFactory, broker_kind, client_factory
from explorer.operations.errors import (
    ApiFailed,
    ApiMissing,
    DestinationRefused,
    InvalidFilter,
    InvalidSelector,
    OperationError,
    QueueNotFound,
    UnsupportedOperation,
)
from explorer.operations.headers import copy_headers, dropped_headers, original_destination
from explorer.operations.listing import (
    LISTING_NOTES,
    ListedMessage,
    ListingMethod,
    list_messages,
)
from explorer.operations.move import move_messages
from explorer.operations.plan import (
    GUARANTEE,
    Confirmation,
    MovePlan,
    MoveResult,
    StopReason,
    confirmation,
)
from explorer.operations.purge import (
    PurgeConfirmation,
    PurgeResult,
    purge_confirmation,
    purge_queue,
)
from explorer.operations.republish import (
    Outcome,
    Republish,
    RepublishConfirmation,
    RepublishResult,
    republish,
    republish_confirmation,
)
from explorer.operations.targets import looks_like_dead_letter_queue

__all__ = [
    "GUARANTEE",
    "LISTING_NOTES",
    "AdminApis",
    "ApiFailed",
    "ApiMissing",
    "ClientFactory",
    "Confirmation",
    "DestinationRefused",
    "InvalidFilter",
    "InvalidSelector",
    "JolokiaAdmin",
    "ListedMessage",
    "ListingMethod",
    "ManagementAdmin",
    "MovePlan",
    "MoveResult",
    "OperationError",
    "Outcome",
    "PurgeConfirmation",
    "PurgeResult",
    "QueueNotFound",
    "Republish",
    "RepublishConfirmation",
    "RepublishResult",
    "StopReason",
    "UnsupportedOperation",
    "broker_kind",
    "client_factory",
    "confirmation",
    "copy_headers",
    "dropped_headers",
    "list_messages",
    "looks_like_dead_letter_queue",
    "move_messages",
    "original_destination",
    "purge_confirmation",
    "purge_queue",
    "republish",
    "republish_confirmation",
]
