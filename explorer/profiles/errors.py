"""The profiles layer's exception family: every message says what the user should fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with one field of a profile (`field` is a dotted name, e.g. `tls.ca_file`)."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ProfileError(Exception):
    """Root of the profiles layer's errors."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ProfileNotFound(ProfileError):
    """No profile has this name."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"no profile named '{name}'; `stomp-explorer profiles list` shows the saved ones"
        )
        self.name = name


class ProfileInvalid(ProfileError):
    """A profile failed validation; `errors` lists each field to fix."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


class BuiltinProfileError(ProfileError):
    """Built-in profiles come from the code: they can be hidden or duplicated, not changed."""


class ProfileFileError(ProfileError):
    """The profiles file (or an import/export file) cannot be read or written."""


class ProfileFileUnreadable(ProfileFileError):
    """The operating system refused to read the file (permissions, a directory...): the file
    may be fine, so it is left where it is."""


class ProfileSchemaTooNew(ProfileFileError):
    """The file was written by a newer STOMP Explorer; it is read-only for this one."""
