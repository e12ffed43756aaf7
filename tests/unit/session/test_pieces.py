"""The session's small parts on their own: reconnect back-off, counters, the subscription
book, applying tree changes, target from a profile."""

from __future__ import annotations

import itertools
import random

import pytest

from explorer.broker.destinations import DestinationKind
from explorer.client import ReconnectPolicy
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.profiles.model import Profile, Subscription
from explorer.profiles.resolve import settings_from
from explorer.session import FlapBackoff, MessageCounted, ReplyToSeen, SubscriptionSpec, Target
from explorer.session.backoff import with_flap_backoff
from explorer.session.sink import apply_changes
from explorer.session.stats import Counters
from explorer.session.subscriptions import SubscriptionBook
from explorer.store import DestinationTree, LogEntry
from tests.unit.session.fakes import FakeClock


def first_delays(backoff: FlapBackoff, count: int = 3) -> list[float]:
    delays = backoff.delays()
    return [round(next(delays), 3) for _ in range(count)]


def test_connections_that_drop_at_once_back_off_further_each_time() -> None:
    clock = FakeClock()
    backoff = FlapBackoff(clock, initial_delay=1.0, max_delay=30.0, jitter=0.0)
    assert first_delays(backoff) == [1.0, 2.0, 4.0]  # a first loss: the usual series
    starts = []
    for _ in range(6):  # connect, lose it a second later, again and again
        backoff.connected()
        clock.advance(1.0)
        starts.append(first_delays(backoff, 1)[0])
    assert starts == [2.0, 4.0, 8.0, 16.0, 30.0, 30.0]  # growing, capped: never a fixed rate
    backoff.connected()
    clock.advance(60.0)  # a connection that held counts as stable again
    assert first_delays(backoff, 1) == [1.0]


def test_quick_losses_count_even_before_connected_is_seen() -> None:
    """The client may lose the connection before the session has seen CONNECTED: the time
    since the previous loss then says the connection cannot have been up for long."""
    clock = FakeClock()
    backoff = FlapBackoff(clock, initial_delay=1.0, jitter=0.0)
    starts = []
    for _ in range(3):
        starts.append(first_delays(backoff, 1)[0])
        clock.advance(2.0)
    assert starts == [1.0, 2.0, 4.0]
    clock.advance(30.0)
    assert first_delays(backoff, 1) == [1.0]


def test_jitter_stays_within_its_fraction() -> None:
    backoff = FlapBackoff(FakeClock(), initial_delay=10.0, jitter=0.2, rng=random.Random(7))
    first = next(backoff.delays())
    assert 8.0 <= first <= 12.0


def test_the_profile_policy_gets_flap_aware_delays() -> None:
    policy = ReconnectPolicy(initial_delay=2.0, max_delay=9.0, jitter=0.0)
    options, backoff = with_flap_backoff({"reconnect": policy, "login": "me"}, FakeClock())
    assert backoff is not None and options["login"] == "me"
    assert list(itertools.islice(options["reconnect"].iter_delays(), 4)) == [2.0, 4.0, 8.0, 9.0]
    options, backoff = with_flap_backoff({"reconnect": None}, FakeClock())
    assert backoff is None and options["reconnect"] is None


def test_rate_counts_whole_seconds_of_the_window() -> None:
    counters = Counters()
    counters.count_received(10, 100.2)
    counters.count_received(5, 100.9)
    counters.count_received(20, 104.5)
    assert counters.rate(104.9) == pytest.approx(15 / 5)  # the current second is not counted
    assert counters.rate(105.0) == pytest.approx(35 / 5)
    counters.prune(106.0)
    assert counters.rate(106.0) == pytest.approx(20 / 5)
    assert counters.received == 35


def test_the_book_parks_restores_and_forgets_refused_subscriptions() -> None:
    book = SubscriptionBook([SubscriptionSpec("/queue/saved")])
    a = book.open(SubscriptionSpec.of("/queue/a", (("id", "x"), ("receipt", "r"), ("s", "1"))))
    assert a.id == "explorer-1" and a.headers == (("s", "1"),)
    book.open(SubscriptionSpec("/queue/bad"))
    book.refuse("/queue/bad", "no")
    book.park()
    profile = [SubscriptionSpec("/queue/profile"), SubscriptionSpec("/queue/bad")]
    restored = [s.destination for s in book.take_restore(profile)]
    assert restored == ["/queue/profile", "/queue/saved", "/queue/a"]  # never the refused one
    assert book.has_pending() is False
    book.requeue([SubscriptionSpec("/queue/later")])
    assert [s.destination for s in book.specs()] == ["/queue/later"]


def test_needs_ack_only_for_client_ack_messages_not_yet_answered() -> None:
    book = SubscriptionBook()
    sub = book.open(SubscriptionSpec("/queue/w", "client-individual"))
    headers = (("subscription", sub.id), ("message-id", "1"), ("ack", "1"))
    entry = LogEntry("in", "MESSAGE", headers)
    assert book.needs_ack(entry)
    assert not book.needs_ack(LogEntry("out", "SEND", headers))
    book.answered(entry)
    assert not book.needs_ack(entry)


def test_changes_apply_to_a_destination_tree() -> None:
    tree = DestinationTree("/.")
    tree.upsert("/queue/known", "advisory")
    listed = DiscoveredDestination("/queue/x", DestinationKind.QUEUE, Source.MANAGEMENT, depth=4)
    apply_changes(
        tree,
        [
            MessageCounted("/queue/a", "in", 1.0),
            MessageCounted("/queue/a", "out", 2.0),
            ReplyToSeen("/queue/known"),
            ReplyToSeen("/temp-queue/reply"),
            listed,
            listed.removed(),
        ],
        tree,
    )
    node = tree.node("/queue/a")
    assert node is not None and (node.total_in, node.total_out) == (1, 1)
    known = tree.node("/queue/known")
    assert known is not None and "seen" not in known.sources
    reply = tree.node("/temp-queue/reply")
    assert reply is not None and "seen" in reply.sources
    gone = tree.node("/queue/x")
    assert gone is not None and gone.gone


def test_a_target_from_a_profile_carries_options_subscriptions_and_discovery() -> None:
    profile = Profile(
        name="rabbit",
        url="stomp://guest@127.0.0.1:61623",
        subscriptions=(Subscription("/topic/a", "client", (("x-q", "1"),)),),
    )
    settings = settings_from(profile, {"passcode": "s3cret"})
    target = Target.from_settings(settings, management_password="m")
    assert target.name == "rabbit" and target.login == "guest"
    assert target.client_options["passcode"] == "s3cret"
    assert "s3cret" not in repr(target)
    assert target.subscriptions == (SubscriptionSpec("/topic/a", "client", (("x-q", "1"),)),)
    assert target.discovery is not None
    assert Target.from_settings(settings, discovery=False).discovery is None
