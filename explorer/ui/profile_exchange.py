"""Words for the profile list's import, what loading the profiles file found, and the name
of a quick connection.

An import says what it did in one banner: how many profiles came in, which were renamed
because the name was taken, which were skipped and why, and that passcodes are not in the
file (they are asked for when connecting: no secret ever travels in a profiles file).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from explorer.client.url import redact_url
from explorer.profiles.exchange import ImportResult
from explorer.profiles.store import LoadNote


def import_summary(result: ImportResult, file_name: str) -> str:
    parts = []
    imported = len(result.added) + len(result.renamed)
    if imported:
        parts.append(
            QCoreApplication.translate(
                "ProfileListWidget", "Imported {count} profile(s) from {file}."
            ).format(count=imported, file=file_name)
        )
    for old, new in result.renamed:
        parts.append(
            QCoreApplication.translate("ProfileListWidget", "“{old}” was renamed “{new}”.").format(
                old=old, new=new
            )
        )
    for name, why in result.skipped:
        parts.append(
            QCoreApplication.translate("ProfileListWidget", "“{name}” was skipped: {why}").format(
                name=name, why=why
            )
        )
    if not parts:
        parts.append(
            QCoreApplication.translate(
                "ProfileListWidget", "{file} holds no profiles to import."
            ).format(file=file_name)
        )
    if imported:
        parts.append(
            QCoreApplication.translate(
                "ProfileListWidget",
                "Passcodes are not in the file: you will be asked when connecting.",
            )
        )
    return " ".join(parts)


def quick_name(url: str) -> str:
    """A quick connection's name: the URL as typed, scheme kept, without a login, a
    trailing slash or a token (`stomp://guest@host:61613/` -> `stomp://host:61613`,
    `wss://h/ws?access_token=abc` -> `wss://h/ws?access_token=***`)."""
    scheme, sep, rest = url.strip().partition("://")
    if not sep:
        return url.strip()
    authority, slash, path = rest.partition("/")
    host = authority.rpartition("@")[2]
    return redact_url(f"{scheme}://{host}{slash}{path}".rstrip("/"))


# What loading the profiles file found (explorer.profiles.store.LoadNote), by kind; the
# English is the store's own sentence, so the English window reads as the command line.
LOAD_NOTES: dict[str, object] = {
    "read-only": QT_TRANSLATE_NOOP(
        "ProfileFile", "{path}: {reason}. Profiles cannot be changed until this is fixed."
    ),
    "broken-file": QT_TRANSLATE_NOOP(
        "ProfileFile",
        "The profiles file could not be read ({reason}). STOMP Explorer started with no saved "
        "profiles and left the file as it is; the next time a profile is saved, the file is "
        "first renamed to {renamed} so nothing is lost. Fix that file and import it to get its "
        "profiles back.",
    ),
    "name-taken": QT_TRANSLATE_NOOP(
        "ProfileFile", "{path}: the name '{name}' is taken, that profile is shown as '{new}'"
    ),
    "set-aside": QT_TRANSLATE_NOOP("ProfileFile", "Set aside: {problem}."),
    "set-aside-one": QT_TRANSLATE_NOOP(
        "ProfileFile",
        "1 profile of {file} could not be loaded. It stays unchanged in that file until "
        "profiles are next saved, then moves to {quarantine} next to it; fix it there and run "
        "`stomp-explorer profiles import {quarantine_path}`.",
    ),
    "set-aside-many": QT_TRANSLATE_NOOP(
        "ProfileFile",
        "{count} profiles of {file} could not be loaded. They stay unchanged in that file until "
        "profiles are next saved, then move to {quarantine} next to it; fix them there and run "
        "`stomp-explorer profiles import {quarantine_path}`.",
    ),
}


def load_note_text(note: LoadNote) -> str:
    """One thing loading the profiles file found, in the user's language (the store's
    English when the kind is not known here)."""
    sentence = LOAD_NOTES.get(note.kind)
    if sentence is None:
        return note.text
    return QCoreApplication.translate("ProfileFile", str(sentence)).format(**note.details)
