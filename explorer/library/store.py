"""The library file next to the profiles, read and written without ever breaking it.

Writes are atomic (temporary file, fsync, rename: `explorer.profiles.storage.atomic_write`),
so a crash or `kill -9` at any moment leaves the old or the new file. A file that cannot be
read is moved aside (`library.json.corrupt-<time>`), never overwritten. Secrets are stripped
on every write, import and export, and the caller gets the list to tell the user.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from explorer.library.errors import LibraryFileError, LibraryNameError
from explorer.library.model import (
    Collection,
    Library,
    LibraryMessage,
    library_from_dict,
    library_to_dict,
)
from explorer.library.secrets import StrippedSecret, strip_headers, strip_variables
from explorer.profiles.storage import atomic_write, config_dir, move_aside, remove_stale_temps
from explorer.templates import MessageTemplate, TemplateEngine, merge_variables

FILE_NAME = "library.json"


def default_path() -> Path:
    """`library.json` in the same directory as the profiles file."""
    return config_dir() / FILE_NAME


def encode(library: Library) -> bytes:
    """Indented, stable, UTF-8 JSON with a newline at the end (diffs well in a repository)."""
    text = json.dumps(library_to_dict(library), indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def read_library(path: Path) -> Library:
    """The library in `path`; an empty one when the file does not exist."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Library()
    except OSError as exc:
        raise LibraryFileError(str(path), f"cannot be read: {exc.strerror}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LibraryFileError(str(path), f"is not valid JSON ({exc})") from None
    return library_from_dict(data, str(path))


def without_secrets(library: Library) -> tuple[Library, list[StrippedSecret]]:
    stripped: list[StrippedSecret] = []
    collections = []
    for collection in library.collections:
        variables, found = strip_variables(collection.variables, collection.name)
        stripped += found
        messages = []
        for message in collection.messages:
            headers, found = strip_headers(message.headers, collection.name, message.name)
            stripped += found
            messages.append(replace(message, headers=headers))
        collections.append(replace(collection, messages=tuple(messages), variables=variables))
    profiles = {}
    for profile, values in library.profile_variables.items():
        kept, found = strip_variables(values, f"profile {profile}")
        stripped += found
        profiles[profile] = kept
    return Library(tuple(collections), profiles), stripped


def write_library(path: Path, library: Library) -> list[StrippedSecret]:
    """Write atomically, secrets stripped; returns what was stripped."""
    clean, stripped = without_secrets(library)
    atomic_write(path, encode(clean))
    return stripped


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: tuple[str, ...] = ()  # collection names new to the library
    replaced: tuple[str, ...] = ()  # collections that the imported file replaced
    stripped: tuple[StrippedSecret, ...] = ()


@dataclass
class LibraryStore:
    """The user's library (or one at `path`), loaded on creation."""

    path: Path = field(default_factory=default_path)
    library: Library = field(init=False)
    load_warnings: list[str] = field(init=False, default_factory=list)
    # engine_for's engines, valid while `library` is the one they were made from (the
    # composer asks on every check while typing; a new engine loads Faker again).
    _engines: dict[tuple[str | None, str | None], tuple[Library, TemplateEngine]] = field(
        init=False, default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        self.reload()

    def reload(self) -> None:
        remove_stale_temps(self.path)
        try:
            self.library = read_library(self.path)
        except LibraryFileError as exc:
            if not self.path.exists():
                raise
            aside = move_aside(self.path)
            self.library = Library()
            self.load_warnings.append(f"{exc.message}; it was moved to {aside.name}")

    def _save(self, library: Library) -> list[StrippedSecret]:
        stripped = write_library(self.path, library)
        self.library = read_library(self.path)
        return stripped

    # --------------------------------------------------------------------- editing

    def save_message(
        self, collection: str, message: LibraryMessage, *, replacing: str | None = None
    ) -> list[StrippedSecret]:
        """Add `message` to `collection` (created when missing), or replace the message named
        `replacing` (or one with the same name)."""
        if not message.name.strip():
            raise LibraryNameError("a message needs a name")
        if not collection.strip():
            raise LibraryNameError("a collection needs a name")
        current = self.library.collection(collection) or Collection(collection)
        old_name = replacing or message.name
        if replacing and replacing != message.name and current.message(message.name):
            raise LibraryNameError(
                f"collection '{collection}' already has a message named '{message.name}'"
            )
        messages = [m for m in current.messages if m.name != old_name]
        index = next(
            (i for i, m in enumerate(current.messages) if m.name == old_name), len(messages)
        )
        messages.insert(index, message)
        return self._put(replace(current, messages=tuple(messages)))

    def remove_message(self, collection: str, name: str) -> None:
        current = self.library.collection(collection)
        if current is None or current.message(name) is None:
            raise LibraryNameError(f"there is no message '{name}' in collection '{collection}'")
        self._put(replace(current, messages=tuple(m for m in current.messages if m.name != name)))

    def save_collection(self, collection: Collection) -> list[StrippedSecret]:
        """Add or replace a whole collection (for example after editing its variables)."""
        if not collection.name.strip():
            raise LibraryNameError("a collection needs a name")
        return self._put(collection)

    def remove_collection(self, name: str) -> None:
        if self.library.collection(name) is None:
            raise LibraryNameError(f"there is no collection '{name}'")
        kept = tuple(c for c in self.library.collections if c.name != name)
        self._save(replace(self.library, collections=kept))

    def set_profile_variables(
        self, profile: str, variables: Mapping[str, Any]
    ) -> list[StrippedSecret]:
        profiles = dict(self.library.profile_variables)
        if variables:
            profiles[profile] = dict(variables)
        else:
            profiles.pop(profile, None)
        return self._save(replace(self.library, profile_variables=profiles))

    def _put(self, collection: Collection) -> list[StrippedSecret]:
        collections = list(self.library.collections)
        for i, existing in enumerate(collections):
            if existing.name == collection.name:
                collections[i] = collection
                break
        else:
            collections.append(collection)
        return self._save(replace(self.library, collections=tuple(collections)))

    # --------------------------------------------------------------------- sharing

    def export_to(
        self, path: Path, collections: Iterable[str] | None = None
    ) -> list[StrippedSecret]:
        """Write the chosen collections (all by default) to a file a team can keep in its
        repository; profile variables stay private."""
        wanted = None if collections is None else set(collections)
        chosen = tuple(c for c in self.library.collections if wanted is None or c.name in wanted)
        missing = (wanted or set()) - {c.name for c in chosen}
        if missing:
            raise LibraryNameError(f"there is no collection '{sorted(missing)[0]}'")
        return write_library(Path(path), Library(chosen))

    def import_from(self, path: Path) -> ImportReport:
        """Add the collections of a library file; a collection with the same name is
        replaced by the imported one (in its place)."""
        path = Path(path)
        if not path.is_file():
            raise LibraryFileError(str(path), "does not exist or is not a file")
        imported, stripped = without_secrets(read_library(path))
        existing = {c.name for c in self.library.collections}
        incoming = {c.name: c for c in imported.collections}
        collections = [incoming.pop(c.name, c) for c in self.library.collections]
        collections += incoming.values()
        self._save(replace(self.library, collections=tuple(collections)))
        names = [c.name for c in imported.collections]
        return ImportReport(
            added=tuple(n for n in names if n not in existing),
            replaced=tuple(n for n in names if n in existing),
            stripped=tuple(stripped),
        )

    # --------------------------------------------------------------------- using

    def engine_for(
        self,
        collection: str | None = None,
        *,
        profile: str | None = None,
        command_line: Mapping[str, Any] | None = None,
    ) -> TemplateEngine:
        """The template engine with profile, collection and command-line variables: the one
        variable lookup of the library's Send, the composer and scenarios' profiles."""
        key = (collection, profile)
        cached = self._engines.get(key)
        if command_line is None and cached is not None and cached[0] is self.library:
            return cached[1]
        found = self.library.collection(collection) if collection else None
        engine = TemplateEngine(
            merge_variables(
                self.library.profile_variables.get(profile or ""),
                found.variables if found else None,
                command_line,
            )
        )
        if command_line is None:
            self._engines[key] = (self.library, engine)
        return engine

    def templates(
        self, collection: str, name: str, engine: TemplateEngine | None = None
    ) -> list[MessageTemplate]:
        """One compiled template per destination of a saved message (TemplateError when a
        template is wrong)."""
        found = self.library.collection(collection)
        message = found.message(name) if found else None
        if message is None:
            raise LibraryNameError(f"there is no message '{name}' in collection '{collection}'")
        engine = engine or self.engine_for(collection)
        return [
            MessageTemplate(engine, d, message.headers, message.body, message.content_type)
            for d in message.destinations
        ]


def profile_variables(profile: str, path: Path | None = None) -> dict[str, Any]:
    """The variables saved for `profile` in the library ({} when there are none, or when the
    file cannot be read: scenarios then report any variable they miss by name)."""
    try:
        library = read_library(path or default_path())
    except LibraryFileError:
        return {}
    return dict(library.profile_variables.get(profile, {}))
