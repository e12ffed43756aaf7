"""Sharing profiles: export without secrets, import with conflict handling, import a URL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from explorer.client.url import UrlError, parse_url
from explorer.profiles import storage
from explorer.profiles.errors import FieldError, ProfileFileError, ProfileInvalid
from explorer.profiles.loading import LoadedFile, read_profiles
from explorer.profiles.migrate import CURRENT_SCHEMA
from explorer.profiles.model import Profile, profile_to_dict
from explorer.profiles.store import ProfileStore


def export_profiles(
    store: ProfileStore, path: Path | str, names: Sequence[str] | None = None
) -> list[str]:
    """Write the chosen profiles (all saved ones when `names` is empty) to `path`.

    Profiles hold no secrets, so the file is safe to commit to a repository. Returns the
    exported names; ProfileNotFound for an unknown name.
    """
    if names:
        chosen = [replace(store.get(n), builtin=False, hidden=False) for n in names]
    else:
        chosen = [p for p in store.profiles() if not p.builtin]
    doc = {"schema": CURRENT_SCHEMA, "profiles": [profile_to_dict(p) for p in chosen]}
    target = Path(path).expanduser()
    if not target.parent.is_dir():
        raise ProfileFileError(
            f"the folder {target.parent} does not exist; create it first or export into an "
            "existing folder"
        )
    if target.is_dir():
        raise ProfileFileError(f"{target} is a folder; give a file name, e.g. {target}/team.json")
    try:
        storage.atomic_write(target, storage.encode(doc))
    except OSError as exc:
        raise ProfileFileError(f"cannot write {path}: {exc.strerror}") from None
    return [p.name for p in chosen]


@dataclass
class ImportResult:
    """What an import did, for the message shown to the user."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (name in file, new name)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name, why)

    def summary(self) -> str:
        parts = []
        if self.added:
            parts.append(f"added {len(self.added)}")
        if self.replaced:
            parts.append(f"replaced {len(self.replaced)}")
        if self.renamed:
            parts.append("renamed " + ", ".join(f"'{a}' to '{b}'" for a, b in self.renamed))
        if self.skipped:
            parts.append("skipped " + "; ".join(f"'{a}' ({b})" for a, b in self.skipped))
        return ", ".join(parts) if parts else "nothing to import"


def read_profiles_file(path: Path | str) -> LoadedFile:
    """Profiles from an exported or team file (older schemas are migrated), and the ones set
    aside because they cannot be used. ProfileFileError when the file cannot be read at all."""
    loaded = read_profiles(Path(path).expanduser())
    if loaded is None:
        raise ProfileFileError(f"{path} does not exist")
    return loaded


def import_profiles(
    store: ProfileStore, path: Path | str, replace_existing: bool = False
) -> ImportResult:
    """Merge a file's profiles into `store`: a name already taken is renamed 'name (2)',
    or, with `replace_existing`, the saved profile is replaced (its secrets are kept).
    Profiles of the file that cannot be used are skipped, each with the reason."""
    result = ImportResult()
    loaded = read_profiles_file(path)
    for profile in loaded.profiles:
        try:
            if profile.name in store:
                existing = store.get(profile.name)
                if replace_existing and not existing.builtin:
                    store.update(existing.name, replace(profile, name=existing.name))
                    result.replaced.append(existing.name)
                    continue
                new_name = store.unique_name(profile.name)
                store.add(replace(profile, name=new_name))
                result.renamed.append((profile.name, new_name))
            else:
                store.add(profile)
                result.added.append(profile.name)
        except ProfileInvalid as exc:
            result.skipped.append((profile.name, exc.message))
    for entry in loaded.set_aside:
        result.skipped.append((entry.name or f"#{entry.position}", entry.problem))
    return result


def profile_from_url(url: str, name: str | None = None) -> Profile:
    """A new profile for a URL (quick connect, `import URL`); the login in the URL moves to
    the login field. Raises ProfileInvalid with a `url` field error for a bad URL."""
    try:
        endpoint = parse_url(url)
    except UrlError as exc:
        raise ProfileInvalid([FieldError("url", str(exc))]) from None
    bare = replace(endpoint, login=None).url(reveal=True)  # a token in its query still works
    default_name = f"{endpoint.host}:{endpoint.port}"
    return Profile(name=name or default_name, url=bare, login=endpoint.login)


def import_url(store: ProfileStore, url: str, name: str | None = None) -> Profile:
    """Save a URL as a new profile, named after its host unless `name` is given."""
    profile = profile_from_url(url, name)
    if name is None:
        profile = replace(profile, name=store.unique_name(profile.name))
    return store.add(profile)


__all__ = [
    "ImportResult",
    "export_profiles",
    "import_profiles",
    "import_url",
    "profile_from_url",
    "read_profiles_file",
]
