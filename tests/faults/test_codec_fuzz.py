"""A short fuzz run of the STOMP codec in CI (the long one: scripts/fuzz).

Mutated frames in random chunks through every parser mode: only typed codec errors, sticky
after the first, the same outcome however the bytes are cut, and every parsed frame either
serializes again or is refused with a StompError."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.stomp import Frame, Strictness, UnrepresentableHeader, Version, serialize
from tests.faults.fuzzing import Options, check, mutate, random_cuts, random_options, seeds

CORPUS = seeds()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_seeded_mutation_run_finds_nothing(seed: int) -> None:
    rng = random.Random(seed)
    outcomes: set[str] = set()
    for _ in range(4000):
        data = mutate(rng, CORPUS)
        outcomes.add(check(data, random_cuts(rng, len(data)), random_options(rng)))
    # the run reached the interesting places, not only one kind of failure
    assert {"ok", "FrameError", "IncompleteFrame", "LimitExceeded"} <= outcomes


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(CORPUS),
    insert=st.binary(max_size=40),
    at=st.integers(0, 400),
    cut=st.integers(0, 400),
    version=st.sampled_from([None, *Version]),
    server_side=st.booleans(),
    strictness=st.sampled_from(list(Strictness)),
    tiny=st.booleans(),
    cuts=st.lists(st.integers(0, 500), max_size=6),
)
def test_hypothesis_splices_find_nothing(
    seed: bytes,
    insert: bytes,
    at: int,
    cut: int,
    version: Version | None,
    server_side: bool,
    strictness: Strictness,
    tiny: bool,
    cuts: list[int],
) -> None:
    data = (seed[:at] + insert + seed[at:])[: len(seed) + len(insert) - cut % 8]
    cuts = sorted(c % (len(data) + 1) for c in cuts)
    check(data, cuts, Options(version, server_side, strictness, tiny))


@pytest.mark.parametrize("version", list(Version))
@pytest.mark.parametrize(
    "headers",
    [(("destination", "/q"), ("x", "a\0b")), (("login", "a\0b"), ("host", "/"))],
    ids=["header value", "login"],
)
def test_a_nul_in_a_header_value_is_refused_by_the_serializer(
    version: Version, headers: tuple[tuple[str, str], ...]
) -> None:
    with pytest.raises(UnrepresentableHeader):
        serialize(Frame("SEND", headers), version)
