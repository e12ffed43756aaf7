"""The quarantine file: profiles that could not be loaded, kept byte for byte.

Next to `profiles.json` lives `profiles.quarantine.json`. It is itself a profiles file
(`schema`, `profiles`), so once an entry is fixed by hand `stomp-explorer profiles import` reads
it; its `problems` list says, entry by entry, where it came from, when and what to fix. Each
profile is copied there, exactly as it was, in the same save that drops it from the profiles
file, and before that file is rewritten: a crash in between can leave it in both files, never
in neither. Entries are only ever added; the user deletes the file once it has served.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.profiles import storage
from explorer.profiles.document import JsonProblem, parse_document, render_document

ABOUT = (
    "Profiles STOMP Explorer could not load, each kept exactly as it was in the profiles file. "
    "Fix an entry (the 'problems' list says what is wrong), then run: "
    "stomp-explorer profiles import {path}"
)


def readable(text: str) -> str:
    """`text` with bytes that were not UTF-8 shown as U+FFFD, so it can be printed and saved."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@dataclass(frozen=True, slots=True)
class SetAside:
    """A profile of the file that cannot be used: where it was, why, and its exact bytes."""

    position: int  # 1-based position in the file's `profiles` list
    name: str | None
    problem: str  # an English sentence naming the field and the fix
    raw: bytes

    @property
    def label(self) -> str:
        return f"profile #{self.position}" + (f" ('{self.name}')" if self.name else "")


def quarantine_path(path: Path) -> Path:
    """`profiles.json` -> `profiles.quarantine.json` (a team file's likewise)."""
    return path.with_name(f"{path.stem}.quarantine{path.suffix or '.json'}")


@dataclass(frozen=True, slots=True)
class _Existing:
    schema: Any
    items: list[bytes]
    problems: list[Any]


def _read(target: Path) -> _Existing | None:
    """What a quarantine file already holds; None when there is none; ValueError when it
    cannot be extended (edited into something else), so a new file is used instead."""
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ValueError(exc.strerror) from None
    try:
        doc = parse_document(raw)
        problems = doc.member("problems")
        schema = doc.member("schema")
    except JsonProblem as exc:
        raise ValueError(str(exc)) from None
    if doc.items is None:
        raise ValueError("'profiles' is not a list")
    return _Existing(
        schema, [item.raw for item in doc.items], problems if isinstance(problems, list) else []
    )


def keep(path: Path, schema: int, entries: list[SetAside]) -> Path:
    """Add `entries` (profiles of the file at `path`, written with `schema`) to the quarantine
    file next to it, atomically, and return that file's path. OSError when it cannot be
    written: the caller then must not drop the entries from the profiles file."""
    target = quarantine_path(path)
    existing: _Existing | None = None
    n = 1
    while True:
        try:
            existing = _read(target)
        except ValueError:
            existing = None
        else:
            if existing is None or existing.schema == schema:
                break
        n += 1
        target = path.with_name(f"{path.stem}.quarantine-{n}{path.suffix or '.json'}")
        if not target.exists():
            existing = None
            break
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    problems = list(existing.problems if existing else [])
    problems += [
        {
            "set_aside": stamp,
            "from": readable(str(path)),
            "position": e.position,
            "name": e.name,
            "problem": e.problem,
        }
        for e in entries
    ]
    items = list(existing.items if existing else []) + [e.raw for e in entries]
    members: dict[str, Any] = {
        "schema": schema,
        "about": ABOUT.format(path=readable(str(target))),
        "problems": problems,
    }
    storage.atomic_write(target, render_document(members, items))
    return target
