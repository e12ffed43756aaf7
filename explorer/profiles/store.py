"""ProfileStore: the saved profiles of one file, their secrets, and the built-in profiles.

Every change is validated, then written to disk at once (atomically, under an inter-process
lock, after re-reading a file another process changed), so the window and the command line can
share the file. Built-in profiles (e.g. the sandbox) come from code: `ProfileStore(builtins=[...])`
or `register_builtin(factory)`; they cannot be edited or removed, only hidden or duplicated.
Secrets are keyed by profile name, so a team file's "prod" and your own "prod" share them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from explorer.profiles import quarantine, storage
from explorer.profiles import secrets as sec
from explorer.profiles.errors import (
    BuiltinProfileError,
    FieldError,
    ProfileFileError,
    ProfileFileUnreadable,
    ProfileInvalid,
    ProfileNotFound,
    ProfileSchemaTooNew,
)
from explorer.profiles.loading import LoadedFile, read_profiles
from explorer.profiles.migrate import CURRENT_SCHEMA
from explorer.profiles.model import Profile, profile_to_dict
from explorer.profiles.quarantine import SetAside, readable
from explorer.profiles.validate import validate

_BUILTIN_FACTORIES: list[Callable[[], Profile]] = []


def register_builtin(factory: Callable[[], Profile]) -> None:
    """Add a built-in profile (called once at import time, e.g. by explorer.sandbox).

    The factory is called whenever a store is opened, so it may compute a fresh URL.
    """
    if factory not in _BUILTIN_FACTORIES:
        _BUILTIN_FACTORIES.append(factory)


def registered_builtins() -> list[Profile]:
    return [replace(f(), builtin=True) for f in _BUILTIN_FACTORIES]


SecretValues = Mapping[str, str | None]


@dataclass(frozen=True, slots=True)
class RemovedProfile:
    """What `remove` took away, so that `restore` can undo it (secrets included)."""

    profile: Profile
    index: int
    secrets: dict[str, str]


def _profiles(n: int) -> str:
    return "1 profile" if n == 1 else f"{n} profiles"


@dataclass(frozen=True, slots=True)
class LoadNote:
    """One thing loading the file found: `text` (English, as in `load_warnings`), `kind`
    ("read-only", "broken-file", "name-taken", "set-aside", "set-aside-one",
    "set-aside-many") and `details`, for the window to word it in the user's language."""

    kind: str
    text: str
    details: Mapping[str, str]


class ProfileStore:
    """The profiles of one file (the user's own, or a team file given with --profiles)."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        secrets: sec.SecretStore | None = None,
        builtins: Sequence[Profile] | None = None,
    ) -> None:
        self.path = Path(path).expanduser() if path is not None else storage.default_path()
        self.secrets = secrets if secrets is not None else sec.SecretStore()
        self._builtin_source = builtins
        self._profiles: list[Profile] = []
        self._builtins: list[Profile] = []
        self._hidden_builtins: set[str] = set()
        self._stamp: tuple[int, int, int] | None = None
        self.load_warnings: list[str] = []
        self.load_notes: list[LoadNote] = []
        self.read_only = False
        self.load()

    # -- secrets status ----------------------------------------------------------------------

    @property
    def secrets_persistent(self) -> bool:
        """False when no keyring works: secrets are then asked for and kept in memory."""
        return self.secrets.persistent

    @property
    def secrets_note(self) -> str:
        """Why secrets are not persistent (empty when they are)."""
        return self.secrets.note

    @property
    def builtin_profiles(self) -> list[Profile]:
        return [replace(p, hidden=p.name in self._hidden_builtins) for p in self._builtins]

    # -- loading and saving ------------------------------------------------------------------

    def _file_stamp(self) -> tuple[int, int, int] | None:
        """Identity of the file on disk: every atomic write makes a new inode."""
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def load(self) -> None:
        """(Re)read the file; nothing on disk changes here. A profile that cannot be used is
        set aside (`set_aside`, reported in `load_warnings`) and moves to the quarantine file
        at the next save; a file that cannot be read at all is reported, the store starts
        empty, and the next save first renames that file to `<name>.corrupt-<time>`."""
        self.load_warnings = []
        self.load_notes = []
        self.read_only = False
        self.set_aside: list[SetAside] = []
        self.broken_file: str | None = None  # why the whole file could not be read
        self._schema = CURRENT_SCHEMA
        self._builtins = list(
            self._builtin_source if self._builtin_source is not None else registered_builtins()
        )
        self._builtins = [replace(p, builtin=True) for p in self._builtins]
        self._profiles = []
        self._hidden_builtins = set()
        # Stamp first, read second: if another process replaces the file in between, the
        # stamp is older than what was read and the next change reads again (safe); the other
        # order could take a newer file's stamp for older content and lose its changes.
        stamp = self._file_stamp()
        try:
            loaded = read_profiles(self.path)
            if loaded is not None:
                self._apply(loaded)
        except (ProfileSchemaTooNew, ProfileFileUnreadable) as exc:
            # the file may well be fine: leave it alone and refuse to overwrite it
            self._profiles = []
            self._hidden_builtins = set()
            self.read_only = True
            self._note(
                "read-only",
                f"{self.path}: {exc.message}. Profiles cannot be changed until this is fixed.",
                path=str(self.path),
                reason=exc.message,
            )
        except ProfileFileError as exc:
            self._profiles = []
            self._hidden_builtins = set()
            self.broken_file = exc.message
            self._note(
                "broken-file",
                f"The profiles file could not be read ({readable(exc.message)}). STOMP Explorer "
                f"started with no saved profiles and left the file as it is; the next time a "
                f"profile is saved, the file is first renamed to "
                f"{self.path.name}.corrupt-<date-time> so nothing is lost. Fix that file and "
                "import it to get its profiles back.",
                reason=readable(exc.message),
                renamed=f"{self.path.name}.corrupt-<date-time>",
            )
        self._stamp = stamp

    @property
    def quarantine_path(self) -> Path:
        """Where profiles that cannot be used are kept (see explorer.profiles.quarantine)."""
        return quarantine.quarantine_path(self.path)

    def _apply(self, loaded: LoadedFile) -> None:
        self._schema = loaded.schema
        self.set_aside = list(loaded.set_aside)
        builtin_names = {b.name.casefold() for b in self._builtins}
        seen: set[str] = set(builtin_names)
        for p in loaded.profiles:
            if p.name.casefold() in seen:
                # never drop a saved profile: a hand-edited duplicate, or a name a built-in
                # took after the profile was saved (e.g. with the command line), is renamed
                n = 2
                while f"{p.name} ({n})".casefold() in seen:
                    n += 1
                new = f"{p.name} ({n})"
                if p.name.casefold() in builtin_names:
                    self.secrets.move(p.name, new, sec.secret_fields(p))
                self._note(
                    "name-taken",
                    f"{self.path}: the name '{p.name}' is taken, that profile is shown as '{new}'",
                    path=str(self.path),
                    name=p.name,
                    new=new,
                )
                p = replace(p, name=new)
            seen.add(p.name.casefold())
            self._profiles.append(p)
        self._hidden_builtins = set(loaded.hidden_builtins)
        if self.set_aside:
            one = len(self.set_aside) == 1
            for entry in self.set_aside:
                self._note("set-aside", f"Set aside: {entry.problem}.", problem=entry.problem)
            self._note(
                "set-aside-one" if one else "set-aside-many",
                f"{_profiles(len(self.set_aside))} of {self.path.name} could not be loaded. "
                f"{'It stays' if one else 'They stay'} unchanged in that file until profiles "
                f"are next saved, then {'moves' if one else 'move'} to "
                f"{self.quarantine_path.name} next to it; fix {'it' if one else 'them'} there "
                f"and run `stomp-explorer profiles import {self.quarantine_path}`.",
                count=str(len(self.set_aside)),
                file=self.path.name,
                quarantine=self.quarantine_path.name,
                quarantine_path=str(self.quarantine_path),
            )

    def _note(self, kind: str, text: str, **details: str) -> None:
        self.load_warnings.append(text)
        self.load_notes.append(LoadNote(kind, text, details))

    def document(
        self,
        profiles: Iterable[Profile] | None = None,
        hidden_builtins: Iterable[str] | None = None,
    ) -> dict[str, Any]:
        """The file form: schema number, profiles, hidden built-ins."""
        chosen = self._profiles if profiles is None else list(profiles)
        hidden = sorted(self._hidden_builtins if hidden_builtins is None else hidden_builtins)
        doc: dict[str, Any] = {
            "schema": CURRENT_SCHEMA,
            "profiles": [profile_to_dict(p) for p in chosen if not p.builtin],
        }
        if hidden:
            doc["hidden_builtins"] = hidden
        return doc

    def save(self) -> None:
        """Write the file as it is in memory."""
        with storage.exclusive(self.path):
            self._commit(list(self._profiles), set(self._hidden_builtins))

    def _commit(self, profiles: list[Profile], hidden_builtins: set[str] | None = None) -> None:
        """Write `profiles`, and only once that worked make them the store's: a failed write
        leaves both the file and the store as they were. Callers hold `storage.exclusive`.

        A file that could not be read is renamed first, and profiles set aside are copied to
        the quarantine file first, so that rewriting the file never loses a byte of them."""
        if self.read_only:
            raise ProfileFileError(
                f"{self.path} is read-only for this session: " + " ".join(self.load_warnings)
            )
        hidden = set(self._hidden_builtins if hidden_builtins is None else hidden_builtins)
        try:
            self._set_broken_file_aside()
            self._quarantine_set_aside()
            storage.atomic_write(self.path, storage.encode(self.document(profiles, hidden)))
        except OSError as exc:
            raise ProfileFileError(f"cannot write {self.path}: {exc.strerror}") from None
        storage.remove_stale_temps(self.path)  # left by killed writers: we hold the lock
        self._profiles = profiles
        self._hidden_builtins = hidden
        self._stamp = self._file_stamp()

    def _set_broken_file_aside(self) -> None:
        if self.broken_file is None:
            return
        if self.path.exists():
            moved = storage.move_aside(self.path)
            self.load_warnings = [
                w
                if not w.startswith("The profiles file could not be read")
                else f"The profiles file could not be read ({readable(self.broken_file)}). It was "
                f"renamed to {moved}; fix that file and import it to get its profiles back."
                for w in self.load_warnings
            ]
        self.broken_file = None

    def _quarantine_set_aside(self) -> None:
        if not self.set_aside:
            return
        kept_in = quarantine.keep(self.path, self._schema, self.set_aside)
        self.load_warnings = [w for w in self.load_warnings if " could not be loaded. " not in w]
        one = len(self.set_aside) == 1
        self.load_warnings.append(
            f"{_profiles(len(self.set_aside))} could not be loaded and "
            f"{'was' if one else 'were'} moved, unchanged, to {kept_in}; fix "
            f"{'it' if one else 'them'} there and run `stomp-explorer profiles import {kept_in}`."
        )
        self.set_aside = []

    def _refresh_if_changed(self) -> None:
        """Another process (the CLI, another window) changed the file: read it again first."""
        if self._file_stamp() != self._stamp:
            self.load()

    # -- queries -----------------------------------------------------------------------------

    def profiles(self, include_hidden: bool = True) -> list[Profile]:
        """Built-ins first, then the file's profiles in the user's order."""
        every = self.builtin_profiles + list(self._profiles)
        return every if include_hidden else [p for p in every if not p.hidden]

    def names(self, include_hidden: bool = True) -> list[str]:
        return [p.name for p in self.profiles(include_hidden)]

    def _find(self, name: str) -> Profile | None:
        for p in self.profiles():
            if p.name == name:
                return p
        folded = name.casefold()
        for p in self.profiles():
            if p.name.casefold() == folded:
                return p
        return None

    def get(self, name: str) -> Profile:
        found = self._find(name)
        if found is None:
            raise ProfileNotFound(name)
        return found

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._find(name) is not None

    def _index(self, name: str) -> int:
        profile = self.get(name)
        if profile.builtin:
            raise BuiltinProfileError(
                f"'{profile.name}' is built in: it can be hidden or duplicated, not changed"
            )
        return self._profiles.index(next(p for p in self._profiles if p.name == profile.name))

    def check(self, profile: Profile, original_name: str | None = None) -> list[FieldError]:
        """validate() against the other profiles of this store (renames allowed)."""
        skip = (original_name or "").casefold()
        others = [n for n in self.names() if n.casefold() != skip]
        return validate(profile, others)

    def unique_name(self, base: str) -> str:
        """`base`, or `base (2)`, `base (3)`... whichever is free."""
        base = base.strip() or "Profile"
        if base not in self:
            return base
        n = 2
        while f"{base} ({n})" in self:
            n += 1
        return f"{base} ({n})"

    # -- secrets -----------------------------------------------------------------------------

    def get_secrets(self, name: str) -> dict[str, str]:
        """The stored secrets of a profile by field (see explorer.profiles.secrets)."""
        profile = self.get(name)
        return self.secrets.get_all(profile.name, sec.secret_fields(profile))

    def get_secret(self, name: str, field: str) -> str | None:
        return self.secrets.get(self.get(name).name, field)

    def set_secret(self, name: str, field: str, value: str | None) -> None:
        self.secrets.set(self.get(name).name, field, value)

    def has_secret(self, name: str, field: str) -> bool:
        return bool(self.get_secret(name, field))

    def _write_secrets(self, profile: Profile, values: SecretValues | None) -> None:
        for field, value in (values or {}).items():
            self.secrets.set(profile.name, field, value)

    # -- changes -----------------------------------------------------------------------------

    def _require_writable(self) -> None:
        if self.read_only:
            raise ProfileFileError(" ".join(self.load_warnings) or f"{self.path} is read-only")

    def add(
        self, profile: Profile, secrets: SecretValues | None = None, index: int | None = None
    ) -> Profile:
        """Validate and save a new profile (and its secrets); ProfileInvalid lists problems."""
        self._require_writable()
        with storage.exclusive(self.path):
            self._refresh_if_changed()
            profile = replace(profile, builtin=False)
            errors = self.check(profile)
            if errors:
                raise ProfileInvalid(errors)
            profiles = list(self._profiles)
            if index is None:
                profiles.append(profile)
            else:
                profiles.insert(max(0, min(index, len(profiles))), profile)
            self._commit(profiles)
            self._write_secrets(profile, secrets)
            return profile

    def update(self, name: str, profile: Profile, secrets: SecretValues | None = None) -> Profile:
        """Replace profile `name` by `profile` (which may carry a new name: secrets move).

        In `secrets`, a field set to None or "" is deleted; fields not given are kept.
        """
        self._require_writable()
        with storage.exclusive(self.path):
            self._refresh_if_changed()
            i = self._index(name)
            old = self._profiles[i]
            profile = replace(profile, builtin=False)
            errors = self.check(profile, original_name=old.name)
            if errors:
                raise ProfileInvalid(errors)
            profiles = list(self._profiles)
            profiles[i] = profile
            self._commit(profiles)
            if old.name != profile.name:
                self.secrets.move(old.name, profile.name, sec.secret_fields(old))
            dropped = set(old.websocket.secret_headers) - set(profile.websocket.secret_headers)
            for header in dropped:
                self.secrets.delete(profile.name, sec.header_field(header))
            self._write_secrets(profile, secrets)
            return profile

    def remove(self, name: str) -> RemovedProfile:
        """Delete a profile and its secrets; keep what `restore` needs to undo it."""
        self._require_writable()
        with storage.exclusive(self.path):
            self._refresh_if_changed()
            i = self._index(name)
            profiles = list(self._profiles)
            profile = profiles.pop(i)
            kept = self.secrets.get_all(profile.name, sec.secret_fields(profile))
            self._commit(profiles)
            self.secrets.delete_all(profile.name, sec.secret_fields(profile))
            return RemovedProfile(profile, i, kept)

    def restore(self, removed: RemovedProfile) -> Profile:
        """Undo `remove` (fails with ProfileInvalid if the name was taken meanwhile)."""
        return self.add(removed.profile, removed.secrets, index=removed.index)

    def duplicate(self, name: str, new_name: str | None = None) -> Profile:
        """A copy (secrets included) named `new_name` or 'name (2)'; built-ins too."""
        source = self.get(name)
        copy = replace(
            source, name=new_name or self.unique_name(source.name), builtin=False, hidden=False
        )
        secrets = self.get_secrets(source.name)
        return self.add(copy, secrets, index=None)

    def move(self, name: str, index: int) -> None:
        """Move a saved profile to position `index` among the saved (non-built-in) ones."""
        self._require_writable()
        with storage.exclusive(self.path):
            self._refresh_if_changed()
            i = self._index(name)
            profiles = list(self._profiles)
            profile = profiles.pop(i)
            profiles.insert(max(0, min(index, len(profiles))), profile)
            self._commit(profiles)

    def set_hidden(self, name: str, hidden: bool) -> None:
        """Hide or show a profile in the list (built-ins can be hidden, not removed)."""
        self._require_writable()
        with storage.exclusive(self.path):
            self._refresh_if_changed()
            profile = self.get(name)
            profiles = list(self._profiles)
            hidden_builtins = set(self._hidden_builtins)
            if profile.builtin:
                if hidden:
                    hidden_builtins.add(profile.name)
                else:
                    hidden_builtins.discard(profile.name)
            else:
                profiles[self._index(name)] = replace(profile, hidden=hidden)
            self._commit(profiles, hidden_builtins)
