"""Words for the profile list's import and the name of a quick connection.

An import says what it did in one banner: how many profiles came in, which were renamed
because the name was taken, which were skipped and why, and that passcodes are not in the
file (they are asked for when connecting: no secret ever travels in a profiles file).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from explorer.client.url import redact_url
from explorer.profiles.exchange import ImportResult


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
