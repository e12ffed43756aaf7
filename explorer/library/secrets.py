"""Secrets never go into a library file: a team keeps it in its repository.

A header (or a variable) whose name or value looks like a credential is stripped when saved,
imported or exported, and the caller is told which ones, so it can say so. A value written as
a template (`Bearer {{env.TOKEN}}`) is kept: the secret then stays in the environment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from explorer.profiles.model import SECRET_HEADER_NAMES
from explorer.templates import is_template

_SECRET_NAME = re.compile(
    r"pass(word|code|wd|phrase)|secret|token|api[-_]?key|authori[sz]ation|(^|[-_])auth([-_]|$)"
    r"|cookie|credential|private[-_]?key",
    re.IGNORECASE,
)
_SECRET_VALUE = re.compile(r"^\s*(bearer|basic|digest|negotiate)\s+\S+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class StrippedSecret:
    """One value left out: where it was (`collection`, `message` or None for a collection
    variable) and the header or variable name."""

    collection: str
    message: str | None
    name: str

    def __str__(self) -> str:
        owner = f"message '{self.message}'" if self.message else "the variables"
        return (
            f"'{self.name}' in {owner} of collection '{self.collection}' looked like a secret "
            "and was not saved; write it as a template such as {{env.VAR}}"
        )


def looks_secret(name: str, value: Any) -> bool:
    """True for a credential-like name or value that is not a template."""
    if isinstance(value, str) and is_template(value):
        return False
    if name.strip().lower() in SECRET_HEADER_NAMES or _SECRET_NAME.search(name):
        return True
    return isinstance(value, str) and _SECRET_VALUE.match(value) is not None


def strip_headers(
    headers: Iterable[tuple[str, str]], collection: str, message: str
) -> tuple[tuple[tuple[str, str], ...], list[StrippedSecret]]:
    kept: list[tuple[str, str]] = []
    stripped: list[StrippedSecret] = []
    for name, value in headers:
        if looks_secret(name, value):
            stripped.append(StrippedSecret(collection, message, name))
        else:
            kept.append((name, value))
    return tuple(kept), stripped


def strip_variables(
    variables: Mapping[str, Any], collection: str
) -> tuple[dict[str, Any], list[StrippedSecret]]:
    kept: dict[str, Any] = {}
    stripped: list[StrippedSecret] = []
    for name, value in variables.items():
        if looks_secret(name, value):
            stripped.append(StrippedSecret(collection, None, name))
        else:
            kept[name] = value
    return kept, stripped
