"""The engine's built-in names: what `{{uuid}}`, `{{faker.name()}}`, `{{env.HOME}}` ... are.

Per-message values (`n`, `uuid`, `now`, `now_ms`) are made once per message, so `{{uuid}}` in
a header and in the body of the same message agree. Faker is created on first use only: it
takes a while to load and most templates never touch it.
"""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

# Names made fresh for every message (copy number, identifiers, clocks).
PER_MESSAGE_NAMES: frozenset[str] = frozenset({"n", "uuid", "now", "now_ms"})
# Names that are the same for every message of a run.
SHARED_NAMES: frozenset[str] = frozenset({"random_int", "faker", "env"})
BUILTIN_NAMES: frozenset[str] = PER_MESSAGE_NAMES | SHARED_NAMES

DEFAULT_FAKER_LOCALE = "en_US"
# A variable with this name picks Faker's locale (for example `ko_KR`) for `{{faker.xxx()}}`.
FAKER_LOCALE_VARIABLE = "faker_locale"


def per_message_values(names: frozenset[str], n: int) -> dict[str, Any]:
    """Fresh values for the per-message names a template uses (only those: uuid4 and the
    clock are cheap, but a burst of 100,000 messages should not pay for unused ones)."""
    values: dict[str, Any] = {}
    if "n" in names:
        values["n"] = n
    if "uuid" in names:
        values["uuid"] = str(uuid.uuid4())
    if "now" in names or "now_ms" in names:
        now = datetime.now(UTC)
        values["now"] = now.isoformat(timespec="milliseconds")
        values["now_ms"] = int(now.timestamp() * 1000)
    return values


class RandomInt:
    """`random_int(a, b)`: a whole number from a to b, both included (like random.randint)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def __call__(self, low: int, high: int) -> int:
        if not isinstance(low, int) or not isinstance(high, int):
            raise TypeError("random_int(a, b) takes two whole numbers")
        if low > high:
            raise ValueError(f"random_int({low}, {high}): the first number is larger")
        return self._rng.randint(low, high)


class FakerData:
    """`faker.name()` in the default locale, `faker["ko_KR"].name()` in another one.

    Faker itself is loaded on first use. A seed makes every locale's data repeatable (tests,
    reproducible runs)."""

    def __init__(self, locale: str = DEFAULT_FAKER_LOCALE, seed: int | None = None) -> None:
        self._locale = locale
        self._seed = seed
        self._fakers: dict[str, Any] = {}

    def _faker(self, locale: str) -> Any:
        faker = self._fakers.get(locale)
        if faker is None:
            from faker import Faker
            from faker.config import AVAILABLE_LOCALES

            if locale not in AVAILABLE_LOCALES:
                raise LookupError(f"Faker has no locale '{locale}' (for example en_US, ko_KR)")
            faker = Faker(locale)
            if self._seed is not None:
                faker.seed_instance(self._seed)
            self._fakers[locale] = faker
        return faker

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._faker(self._locale), name)

    def __getitem__(self, locale: str) -> Any:
        return self._faker(str(locale))


class Environment(Mapping[str, str]):
    """`env.VAR`: the process environment, read-only (a missing variable is an error)."""

    def __init__(self, source: Mapping[str, str] | None = None) -> None:
        self._source = os.environ if source is None else source

    def __getitem__(self, name: str) -> str:
        return self._source[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._source)

    def __len__(self) -> int:
        return len(self._source)


def shared_values(
    *, faker_locale: str, seed: int | None, environ: Mapping[str, str] | None
) -> dict[str, Any]:
    rng = random.Random(seed)
    return {
        "random_int": RandomInt(rng),
        "faker": FakerData(faker_locale, seed),
        "env": Environment(environ),
    }
