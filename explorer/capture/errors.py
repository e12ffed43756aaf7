"""What opening, recording, reading or converting a capture can fail with.

One family with structured fields and an English sentence that says what to do; the window
words each type itself (from the fields) so the sentence can be translated, the command line
prints `str(error)`.
"""

from __future__ import annotations

from pathlib import Path


class CaptureError(Exception):
    """Root of the family. `message` says what happened and what to do about it."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None


class NotACapture(CaptureError):
    """The file exists but is not a capture (another SQLite database, or not SQLite)."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        what = f" ({detail})" if detail else ""
        super().__init__(
            f"{path} is not a STOMP Explorer capture{what}: choose a file recorded by "
            "STOMP Explorer (.stompcap), or import JSON Lines or CSV instead.",
            path,
        )
        self.detail = detail


class CaptureNotFound(CaptureError):
    """Opening a capture to read that does not exist."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(f"There is no capture at {path}: check the file name.", path)


class CaptureTooNew(CaptureError):
    """Written by a newer STOMP Explorer whose schema this version cannot read safely."""

    def __init__(self, path: Path | str, version: int, supported: int) -> None:
        super().__init__(
            f"{path} was written by a newer STOMP Explorer (capture format {version}; this "
            f"version reads up to {supported}): update STOMP Explorer to open it.",
            path,
        )
        self.version = version
        self.supported = supported


class CaptureCorrupt(CaptureError):
    """Truncated or damaged: SQLite cannot read all of it."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        what = f" ({detail})" if detail else ""
        super().__init__(
            f"{path} is damaged or truncated{what}: copy it again from where it was "
            "recorded, or export what can still be read with the sqlite3 shell's .recover.",
            path,
        )
        self.detail = detail


class CaptureLocked(CaptureError):
    """Another program holds the file (a second recorder, or an open write transaction)."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        what = f" ({detail})" if detail else ""
        super().__init__(
            f"{path} is in use by another program{what}: stop the other recording or close "
            "the program that has it open, then try again.",
            path,
        )
        self.detail = detail


class CaptureWriteFailed(CaptureError):
    """Recording stopped because the disk refused a write. What was committed is kept."""

    def __init__(self, path: Path | str, detail: str, *, disk_full: bool, lost: int) -> None:
        reason = "the disk is full" if disk_full else f"the disk refused a write ({detail})"
        super().__init__(
            f"Recording to {path} stopped because {reason}; {lost} message(s) of the last "
            "batch were not saved, everything before them is. Free some space or choose "
            "another place, then record again.",
            path,
        )
        self.detail = detail
        self.disk_full = disk_full
        self.lost = lost


class CaptureSettingsError(CaptureError):
    """A cap or option that cannot work (e.g. a size cap smaller than one batch)."""


class CaptureClosed(CaptureError):
    """Using a capture reader or writer after close()."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(f"The capture {path} is closed: open it again.", path)


class ExchangeError(CaptureError):
    """A JSON Lines or CSV file that cannot be imported; `line` is 1-based (0 = unknown)."""

    def __init__(self, path: Path | str, line: int, detail: str) -> None:
        where = f" line {line}" if line else ""
        super().__init__(
            f"{path}{where}: {detail}. Fix that line or export the file again.",
            path,
        )
        self.line = line
        self.detail = detail
