"""What a move asks for (`MovePlan`), what it did (`MoveResult`), and the confirmation text.

Plain data, no I/O: the window builds a plan from the tree's menu, shows `confirmation(plan)`
and runs `move_messages`; the command line builds the same plan from its flags.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from explorer.broker.kind import BrokerKind

DEFAULT_WINDOW = 100
DEFAULT_IDLE = 2.0


@dataclass(frozen=True, slots=True)
class MovePlan:
    """Move (or copy) messages from the queue `source`.

    `target` is one queue for every message; `to_original` sends each message back where
    its dead-letter headers say it came from (ActiveMQ `original-destination`, RabbitMQ
    `x-first-death-queue`); `discard` sends nowhere: the matching messages are deleted (a
    purge by `where`). `selector` is a JMS selector evaluated by the broker (ActiveMQ;
    RabbitMQ has none). `where` is our own filter (`explorer.search` syntax: headers, JSON
    fields, body text), evaluated here on every message read: the others stay on the source,
    given back when the move ends. `count` caps how many; `idle` seconds without a message
    end the move; `window` is how many SENDs await their receipts at once (and the source
    subscription's prefetch).
    """

    source: str
    target: str | None = None
    to_original: bool = False
    copy: bool = False
    selector: str | None = None
    count: int | None = None
    idle: float = DEFAULT_IDLE
    window: int = DEFAULT_WINDOW
    where: str | None = None
    discard: bool = False

    def __post_init__(self) -> None:
        if not self.source.strip():
            raise ValueError("the source queue is empty")
        if (self.target is not None) + self.to_original + self.discard != 1:
            raise ValueError("give either a target or to_original (or discard), exactly one")
        if self.discard and (self.copy or not self.where):
            raise ValueError("discard deletes what `where` matches: it needs where, not copy")
        if self.count is not None and self.count < 1:
            raise ValueError("count must be at least 1")
        if self.window < 1 or self.idle <= 0:
            raise ValueError("window must be at least 1 and idle more than 0")

    @property
    def verb(self) -> str:
        return "copy" if self.copy else "remove" if self.discard else "move"

    @property
    def destination_text(self) -> str:
        if self.discard:
            return "nowhere (deleted)"
        return self.target if self.target is not None else "their original destinations"

    @property
    def matching_text(self) -> str:
        """` matching ...` for sentences: the broker's selector and/or our filter."""
        parts = []
        if self.selector:
            parts.append(f"selector {self.selector!r}")
        if self.where:
            parts.append(f"{self.where!r} (our filter)")
        return (" matching " + " and ".join(parts)) if parts else ""


class StopReason(StrEnum):
    """Why a move ended."""

    DONE = "done"  # the source had no more (matching) messages for `idle` seconds
    COUNT = "count"  # `count` messages were handled
    CANCELLED = "cancelled"  # the caller asked it to stop
    REFUSED = "refused"  # the broker refused a SEND: stopped, the message stays
    CONNECTION_LOST = "connection-lost"  # the connection ended; unacked messages go back


@dataclass(slots=True)
class MoveResult:
    """The counts a move reports (also passed, as a copy, to the progress callback).

    - `moved`: sent to the target (receipt seen) and removed from the source (ACK receipt
      seen); for a copy: sent, and left on the source.
    - `duplicated`: sent, but the source's ACK was not confirmed (or the SEND's receipt did
      not come): these may now be in both queues. Never lost.
    - `failed`: refused by the broker; still on the source.
    - `skipped`: no original destination to send back to (to_original), or a topic there;
      left on the source.
    - `redelivered`: of the moved ones, those the broker had delivered before; if an earlier
      move was interrupted they may be in the target twice.
    """

    moved: int = 0
    duplicated: int = 0
    failed: int = 0
    skipped: int = 0
    redelivered: int = 0
    by_target: dict[str, int] = field(default_factory=dict)
    stopped: StopReason = StopReason.DONE
    error: Exception | None = None  # what ended it when stopped is REFUSED / CONNECTION_LOST
    not_matching: int = 0  # read but not matched by `where`: left on the source

    def snapshot(self) -> MoveResult:
        """A copy for progress callbacks (the running result keeps changing)."""
        return replace(self, by_target=dict(self.by_target))

    @property
    def handled(self) -> int:
        return self.moved + self.duplicated + self.failed + self.skipped

    def summary(self, plan: MovePlan) -> str:
        """One English sentence (the command line's result line)."""
        if plan.discard:
            return self._removed(plan)
        done = "copied" if plan.copy else "moved"
        text = f"{done} {self.moved} message{'s' if self.moved != 1 else ''} from {plan.source}"
        if plan.target is not None:
            text += f" to {plan.target}"
        elif self.by_target:
            text += " to " + ", ".join(f"{d} ({n})" for d, n in sorted(self.by_target.items()))
        text += f"; {self.duplicated} duplicated, {self.failed} failed"
        if self.skipped:
            text += f", {self.skipped} skipped (no original destination)"
        if self.redelivered and not plan.copy:
            text += (
                f"; {self.redelivered} had been delivered before (to a consumer, a dry run or "
                "an interrupted move): after an interrupted move they may now be in the "
                "target twice"
            )
        if self.duplicated:
            text += "; the duplicated ones were sent but are still on the source too"
        return text + self._unmatched(plan)

    def _removed(self, plan: MovePlan) -> str:
        noun = "message" if self.moved == 1 else "messages"
        text = f"removed {self.moved} {noun}{plan.matching_text} from {plan.source}"
        return text + self._unmatched(plan)

    def _unmatched(self, plan: MovePlan) -> str:
        if not self.not_matching:
            return ""
        return (
            f"; {self.not_matching} read but not matching {plan.where!r} stayed on the source "
            "(given back, marked redelivered)"
        )


GUARANTEE = (
    "Each message is sent to the target with a receipt and removed from the source only "
    "after the broker confirmed it, so an interruption can leave a message in both queues "
    "(a duplicate) but never loses one."
)


@dataclass(frozen=True, slots=True)
class Confirmation:
    """What the window shows before running a plan (fields to word it; `text` in English)."""

    verb: str  # "move" | "copy"
    source: str
    target: str  # a queue, or "their original destinations"
    count: int | None
    selector: str | None
    broker: BrokerKind
    destructive: bool
    text: str


def confirmation(plan: MovePlan, broker: BrokerKind) -> Confirmation:
    """The question to ask before `move_messages(plan)`, with the no-loss guarantee."""
    how_many = "every message" if plan.count is None else f"up to {plan.count} messages"
    matching = plan.matching_text
    if plan.discard:
        text = (
            f"Delete {how_many}{matching} from {plan.source}? They cannot be brought back. "
            "Every message is read to test it; the others stay, marked redelivered."
        )
    elif plan.copy:
        text = (
            f"Copy {how_many}{matching} from {plan.source} to {plan.destination_text}; the "
            "originals stay where they are. Each copy is confirmed by the broker (receipt)."
        )
    else:
        text = (
            f"Move {how_many}{matching} from {plan.source} to {plan.destination_text}. " + GUARANTEE
        )
    return Confirmation(
        verb=plan.verb,
        source=plan.source,
        target=plan.destination_text,
        count=plan.count,
        selector=plan.selector,
        broker=broker,
        destructive=not plan.copy,
        text=text,
    )
