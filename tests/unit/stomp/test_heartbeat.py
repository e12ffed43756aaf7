"""Heart-beat header parsing and the spec's negotiation rule."""

from __future__ import annotations

import re

import pytest

from explorer.stomp import (
    LIVENESS_GRACE,
    FrameError,
    heartbeat_due,
    is_late,
    negotiate_heartbeat,
    parse_heart_beat,
    peer_deadline,
    silence_allowed,
)


@pytest.mark.parametrize(
    ("client", "server", "expected"),
    [
        ((0, 0), (0, 0), (0, 0)),
        ((10_000, 10_000), (0, 0), (0, 0)),
        ((0, 0), (10_000, 10_000), (0, 0)),
        ((10_000, 10_000), (10_000, 10_000), (10_000, 10_000)),
        ((4_000, 0), (0, 5_000), (5_000, 0)),  # only client -> server
        ((0, 4_000), (6_000, 0), (0, 6_000)),  # only server -> client
        ((1_000, 2_000), (3_000, 4_000), (4_000, 3_000)),  # the larger value wins each way
        ((5_000, 500), (100, 200), (5_000, 500)),
        ((10_000, 0), (1_000, 1_000), (10_000, 0)),  # client does not want server beats
    ],
)
def test_negotiation_table(
    client: tuple[int, int], server: tuple[int, int], expected: tuple[int, int]
) -> None:
    assert negotiate_heartbeat(client, server) == expected


def test_broker_view_is_the_swap() -> None:
    send, expect = negotiate_heartbeat((1_000, 2_000), (3_000, 4_000))
    # the broker sends every `expect` (3000) and expects every `send` (4000)
    assert (expect, send) == (3_000, 4_000)


def test_negative_intervals_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        negotiate_heartbeat((-1, 0), (0, 0))


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, (0, 0)), ("0,0", (0, 0)), ("10000,5000", (10_000, 5_000)), ("1, 2", (1, 2))],
)
def test_parse_heart_beat(value: str | None, expected: tuple[int, int]) -> None:
    assert parse_heart_beat(value) == expected


@pytest.mark.parametrize(
    "value", ["", "0", "1,2,3", "a,b", "-1,0", "1,", ",1", "1;2", "١,٢", "+1,1", "1.5,1"]
)
def test_malformed_heart_beat(value: str) -> None:
    with pytest.raises(FrameError, match=re.escape(f"invalid heart-beat header {value!r}")):
        parse_heart_beat(value)


# -- the one liveness rule -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expect_ms", "allowed"),
    [(10_000, 21.0), (500, 1.3), (50, 0.4), (3000, 6.3)],  # 2x + max(10 %, 0.3 s)
)
def test_silence_allowed_is_twice_the_interval_plus_slack(expect_ms: int, allowed: float) -> None:
    assert silence_allowed(expect_ms) == pytest.approx(allowed)
    assert peer_deadline(100.0, expect_ms) == pytest.approx(100.0 + allowed)
    assert not is_late(100.0 + allowed - 1e-6, 100.0, expect_ms)
    assert is_late(100.0 + allowed + 1e-6, 100.0, expect_ms)


def test_liveness_without_promised_heart_beats_and_with_another_grace() -> None:
    assert peer_deadline(5.0, 0) is None
    assert not is_late(1e9, 0.0, 0)
    assert LIVENESS_GRACE == 2.0
    assert silence_allowed(1000, grace=1.5) == pytest.approx(1.8)
    assert is_late(1.81, 0.0, 1000, grace=1.5)


def test_our_heart_beat_is_due_after_half_the_interval() -> None:
    assert heartbeat_due(10.0, 4000) == 12.0
    assert heartbeat_due(10.0, 0) is None
