"""Reading a profiles file into Profiles, setting aside the ones that cannot be used.

Shared by the store (the user's file, a team file given with --profiles) and by import. A
profile is usable when its JSON decodes within bounds, it migrates, every field has the right
type and `validate` finds nothing wrong (leaving out the checks that depend on this machine,
such as whether a CA file exists). Anything else about one profile sets that profile aside;
only a broken outer structure (not a JSON object, no schema, brackets that do not match) is a
problem of the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from explorer.profiles import storage
from explorer.profiles.document import JsonProblem, RawItem, parse_document
from explorer.profiles.errors import ProfileError, ProfileFileError, ProfileInvalid
from explorer.profiles.migrate import check_schema, migrate_profile
from explorer.profiles.model import Profile, profile_from_dict
from explorer.profiles.quarantine import SetAside, readable
from explorer.profiles.validate import validate


@dataclass
class LoadedFile:
    """The usable profiles of a file, in order, and the ones set aside."""

    schema: int
    profiles: list[Profile] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    hidden_builtins: set[str] = field(default_factory=set)


def read_profiles(path: Path) -> LoadedFile | None:
    """The file's profiles; None when there is no file. Whole-file problems raise
    ProfileFileError (ProfileFileUnreadable, ProfileSchemaTooNew: leave the file alone)."""
    raw = storage.read_bytes(path)
    if raw is None:
        return None
    try:
        doc = parse_document(raw)
        schema = check_schema(doc.member("schema"))
    except JsonProblem as exc:
        raise ProfileFileError(f"{path} is not valid JSON: {exc}") from None
    try:
        hidden = doc.member("hidden_builtins")
    except JsonProblem:
        hidden = None  # a list of names to hide: without it, everything shows
    if doc.items is None:
        if "profiles" in doc.members:
            raise ProfileFileError(f"{path}: 'profiles' should be a list")
        items: list[RawItem] = []
    else:
        items = doc.items
    loaded = LoadedFile(schema)
    if isinstance(hidden, list):
        loaded.hidden_builtins = {h for h in hidden if isinstance(h, str)}
    for item in items:
        try:
            loaded.profiles.append(_profile(item, schema))
        except ProfileError as exc:
            name = item.data.get("name") if isinstance(item.data, dict) else None
            entry = SetAside(
                position=item.index + 1,
                name=readable(name) if isinstance(name, str) else None,
                problem="",
                raw=item.raw,
            )
            problem = f"{entry.label}: {_detail(exc.message)}"
            loaded.set_aside.append(replace(entry, problem=readable(problem)))
    return loaded


_LABELLED = re.compile(r"profile (?:'.*?'|#\d+)(?:\.(?P<field>[\w.\[\]]+))?: ")


def _detail(message: str) -> str:
    """The model's messages start with their own label ("profile 'x'.heart_beat: ..."); keep
    the field and the problem, the SetAside label names the profile."""
    match = _LABELLED.match(message)
    if match is None:
        return message
    rest = message[match.end() :]
    return f"{match.group('field')}: {rest}" if match.group("field") else rest


def _profile(item: RawItem, schema: int) -> Profile:
    where = f"profile #{item.index + 1}"
    if item.problem is not None:
        raise ProfileFileError(item.problem)
    profile = profile_from_dict(migrate_profile(item.data, schema, where), where)
    errors = validate(profile, check_files=False)
    if errors:
        raise ProfileInvalid(errors)
    return profile
