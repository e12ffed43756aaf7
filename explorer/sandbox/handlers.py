"""What the sandbox does with each client frame after CONNECT: SEND, SUBSCRIBE, UNSUBSCRIBE,
ACK/NACK, transactions and DISCONNECT. This is the broker's routing; the protocol (states,
negotiation, receipts, ERROR framing) is `explorer.stomp.ServerConnection`'s, and the I/O is
`session.py`'s.

Handlers raise `SandboxError`s with sentences for the client; the session turns them into
ERROR frames.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from explorer.sandbox.destinations import (
    DISCOVERY_TOPIC,
    Subscription,
    compile_wildcard,
    is_wildcard,
    kind_of,
)
from explorer.sandbox.errors import ProtocolViolation
from explorer.sandbox.ports import Broker, SessionPort
from explorer.sandbox.users import (
    is_user_destination,
    send_target,
    session_destination,
    session_suffix,
)
from explorer.stomp import AckMode, Command, Frame, Version

__all__ = ["BROKER_HEADERS", "Handlers"]

# Headers the broker sets on MESSAGE frames; a producer's own values are dropped.
BROKER_HEADERS: Final = frozenset(
    {
        "destination",
        "message-id",
        "subscription",
        "ack",
        "redelivered",
        "redelivery-count",
        "transaction",
        "receipt",
        "content-length",
    }
)


@dataclass(frozen=True, slots=True)
class _Pending:
    """A transactional SEND, ACK or NACK, applied at COMMIT."""

    command: str
    frame: Frame
    subscription: Subscription | None = None
    ack_ids: tuple[str, ...] = ()


class Handlers:
    """The routing state of one session: its subscriptions, open transactions, ack ids."""

    def __init__(self, broker: Broker, session: SessionPort) -> None:
        self.broker = broker
        self.session = session
        self.subscriptions: dict[str, Subscription] = {}
        self._transactions: dict[str, list[_Pending]] = {}
        self._ack_counter = itertools.count(1)

    @property
    def version(self) -> Version | None:
        return self.session.version

    def next_ack_id(self) -> str:
        return f"ack-{next(self._ack_counter)}"

    def handle(self, frame: Frame) -> None:
        """Apply one frame; the session answers its receipt (DISCONNECT answers its own)."""
        handler = self._handlers.get(frame.command)
        if handler is None:
            raise ProtocolViolation(f"unexpected command {frame.command} from a client")
        handler(self, frame)

    def detach(self) -> None:
        """Leave the broker: abort transactions, give unacked messages back to their queues."""
        self._transactions.clear()
        subscriptions = list(self.subscriptions.values())
        self.subscriptions.clear()
        for subscription in subscriptions:
            self.broker.destinations.unsubscribe(subscription)
        self.broker.destinations.remove_idle_queues(session_suffix(self.session.session_id))

    # -- SEND ----------------------------------------------------------------------------

    def _on_send(self, frame: Frame) -> None:
        destination = _required(frame, "destination", "/queue/<name> or /topic/<name>")
        transaction = frame.header("transaction")
        if transaction is not None:
            if is_user_destination(destination):
                send_target(destination)
            else:
                kind_of(destination)
            self._transaction(transaction, frame).append(_Pending(Command.SEND, frame))
            return
        self._publish(frame, destination)

    def _publish(self, frame: Frame, destination: str) -> None:
        headers = tuple((k, v) for k, v in frame.headers if k not in BROKER_HEADERS)
        if not is_user_destination(destination):
            self.broker.publish_frame(destination, headers, frame.body)
            return
        login, subscribed_as = send_target(destination)
        for session_id in self.broker.sessions_of(login):
            self.broker.destinations.publish(
                session_destination(subscribed_as, session_id),
                headers,
                frame.body,
                delivered_as=subscribed_as,
            )

    # -- subscriptions -------------------------------------------------------------------

    def _on_subscribe(self, frame: Frame) -> None:
        destination = _required(frame, "destination", "/queue/<name> or /topic/<name>")
        sub_id = frame.header("id")
        if sub_id is None:
            if self.version is not Version.V1_0:
                raise ProtocolViolation(
                    f"SUBSCRIBE has no id header (required since STOMP 1.1); add id:<any "
                    f"unique name> (subscribing to {destination})"
                )
            sub_id = destination
        if sub_id in self.subscriptions:
            raise ProtocolViolation(
                f"subscription id {sub_id} is already used in this session; pick another id "
                "or UNSUBSCRIBE it first"
            )
        ack_text = frame.header("ack") or AckMode.AUTO
        try:
            ack = AckMode(ack_text)
        except ValueError:
            raise ProtocolViolation(
                f"unknown ack mode {ack_text!r}; use auto, client or client-individual"
            ) from None
        browser = frame.header("browser") == "true"
        if is_user_destination(destination):
            destination = session_destination(destination, self.session.session_id)
        kind_of(destination)
        if is_wildcard(destination) and destination.startswith("/topic/"):
            compile_wildcard(destination[len("/topic/") :])  # reject a bad pattern early
        subscription = Subscription(sub_id, destination, ack, self.session, browser=browser)
        self.broker.destinations.subscribe(subscription)
        self.subscriptions[sub_id] = subscription
        if browser:
            self._browse(subscription)
        elif destination == DISCOVERY_TOPIC:
            self.broker.discovery.send_snapshot(subscription)

    def _browse(self, subscription: Subscription) -> None:
        for message in self.broker.destinations.browse(subscription.destination):
            self.session.deliver(subscription, message)
        end = Frame(
            Command.MESSAGE,
            (
                ("subscription", subscription.id),
                ("message-id", f"browser-end-{subscription.id}"),
                ("destination", subscription.destination),
                ("browser", "end"),
            ),
        )
        self.session.hold(subscription, end)

    def _on_unsubscribe(self, frame: Frame) -> None:
        sub_id = frame.header("id")
        if sub_id is None and self.version is Version.V1_0:
            sub_id = frame.header("destination")
        if sub_id is None:
            raise ProtocolViolation("UNSUBSCRIBE has no id header; add id:<the SUBSCRIBE's id>")
        subscription = self.subscriptions.pop(sub_id, None)
        if subscription is None:
            raise ProtocolViolation(
                f"no subscription with id {sub_id} in this session; "
                f"known ids: {_names(self.subscriptions)}"
            )
        self.broker.destinations.unsubscribe(subscription)

    # -- acknowledgements ----------------------------------------------------------------

    def _on_ack(self, frame: Frame) -> None:
        subscription, ack_ids = self._find_deliveries(frame)
        transaction = frame.header("transaction")
        if transaction is not None:
            self._transaction(transaction, frame).append(
                _Pending(frame.command, frame, subscription, tuple(ack_ids))
            )
            return
        self.broker.destinations.settle(subscription, ack_ids, accept=frame.command == Command.ACK)

    def _find_deliveries(self, frame: Frame) -> tuple[Subscription, list[str]]:
        """The subscription and ack ids an ACK/NACK refers to, per negotiated version."""
        command = frame.command
        found: tuple[Subscription, str] | None = None
        if self.version is Version.V1_2:
            ack_id = _required(frame, "id", "the value of the MESSAGE's ack header")
            for subscription in self.subscriptions.values():
                if ack_id in subscription.unacked:
                    found = (subscription, ack_id)
                    break
            what = f"ack id {ack_id}"
        else:
            message_id = _required(frame, "message-id", "the MESSAGE's message-id")
            candidates = list(self.subscriptions.values())
            what = f"message-id {message_id}"
            if self.version is Version.V1_1:
                sub_id = _required(frame, "subscription", "the MESSAGE's subscription")
                if sub_id not in self.subscriptions:
                    raise ProtocolViolation(
                        f"{command} names subscription {sub_id}, which this session does not have"
                    )
                candidates = [self.subscriptions[sub_id]]
                what += f" on subscription {sub_id}"
            for subscription in candidates:
                for ack_id, message in subscription.unacked.items():
                    if message.message_id == message_id:
                        found = (subscription, ack_id)
                        break
                if found:
                    break
        if found is None:
            raise ProtocolViolation(
                f"{command} for {what}: no unacked message has it in this session "
                "(already acked, or delivered on an ack:auto subscription)"
            )
        subscription, ack_id = found
        if subscription.ack == AckMode.CLIENT:
            return subscription, self.broker.destinations.unacked_through(subscription, ack_id)
        return subscription, [ack_id]

    # -- transactions --------------------------------------------------------------------

    def _on_begin(self, frame: Frame) -> None:
        transaction = _required(frame, "transaction", "a transaction name of your choice")
        if transaction in self._transactions:
            raise ProtocolViolation(
                f"transaction {transaction} is already open; COMMIT or ABORT it first"
            )
        if len(self._transactions) >= self.broker.options.max_transactions:
            raise ProtocolViolation(
                f"too many open transactions ({len(self._transactions)}); commit or abort some"
            )
        self._transactions[transaction] = []

    def _on_commit(self, frame: Frame) -> None:
        transaction = _required(frame, "transaction", "the name given to BEGIN")
        pending = self._transaction(transaction, frame)
        del self._transactions[transaction]
        for step in pending:
            if step.command == Command.SEND:
                destination = step.frame.header("destination")
                assert destination is not None
                self._publish(step.frame, destination)
            else:
                assert step.subscription is not None
                if step.subscription.id in self.subscriptions:
                    self.broker.destinations.settle(
                        step.subscription, step.ack_ids, accept=step.command == Command.ACK
                    )

    def _on_abort(self, frame: Frame) -> None:
        transaction = _required(frame, "transaction", "the name given to BEGIN")
        self._transaction(transaction, frame)
        del self._transactions[transaction]

    def _transaction(self, name: str, frame: Frame) -> list[_Pending]:
        pending = self._transactions.get(name)
        if pending is None:
            raise ProtocolViolation(
                f"{frame.command} names transaction {name}, which is not open in this session; "
                f"open ones: {_names(self._transactions)} (send BEGIN first)"
            )
        if len(pending) >= self.broker.options.max_transaction_frames:
            raise ProtocolViolation(
                f"transaction {name} holds {len(pending)} frames (the cap); commit it"
            )
        return pending

    # -- DISCONNECT ----------------------------------------------------------------------

    def _on_disconnect(self, frame: Frame) -> None:
        self.session.disconnected_by_client(frame)

    _handlers: Final[dict[str, Callable[[Handlers, Frame], None]]] = {
        Command.SEND: _on_send,
        Command.SUBSCRIBE: _on_subscribe,
        Command.UNSUBSCRIBE: _on_unsubscribe,
        Command.ACK: _on_ack,
        Command.NACK: _on_ack,
        Command.BEGIN: _on_begin,
        Command.COMMIT: _on_commit,
        Command.ABORT: _on_abort,
        Command.DISCONNECT: _on_disconnect,
    }


def _required(frame: Frame, name: str, hint: str) -> str:
    value = frame.header(name)
    if value is None or (name == "destination" and not value):
        raise ProtocolViolation(f"{frame.command} frame has no {name} header; add {name}:<{hint}>")
    return value


def _names(items: Mapping[str, object], limit: int = 10) -> str:
    names = sorted(items)
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return (", ".join(names[:limit]) or "none") + more
