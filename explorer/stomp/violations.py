"""How strictly the parser reads a peer, and the typed record of each deviation it tolerated.

An explorer has to show a broken server's traffic instead of dying on it, so the parser has
three modes (`Strictness`):

- `STRICT`: STOMP 1.2 to the letter. Besides everything `STANDARD` refuses, a body on a frame
  that may not carry one (STOMP 1.2 "Body": only SEND, MESSAGE and ERROR may) and a NUL in
  the header section (refused at once, instead of waiting for a blank line that never comes)
  are `FrameError`s.
- `STANDARD`: the parser as it always was: malformed input is a sticky `FrameError`; bodies on
  bodiless frames and NULs inside header values pass unremarked.
- `LENIENT`: nothing is fatal except a size limit. A deviation the parser can read past is
  tolerated and recorded on the frame (`Frame.violations`); a frame it cannot read (a NUL in
  its head, a header line without a colon, a head that is not UTF-8, a CR without LF inside
  it) is dropped: the parser skips to the next NUL (where the broken frame most likely
  ends), emits one `Violation` item carrying the skipped bytes, and goes on with the next
  frame.

Which rules drop a frame and which keep it is listed in `DROPPING_RULES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

__all__ = ["DROPPING_RULES", "Rule", "Strictness", "Violation"]


class Strictness(StrEnum):
    """How the parser treats input that breaks the STOMP specification."""

    STRICT = "strict"
    STANDARD = "standard"
    LENIENT = "lenient"


class Rule(StrEnum):
    """The rule a peer broke; the value is a short stable name for logs and filters."""

    BODY_NOT_ALLOWED = "body-not-allowed"  # kept: a body on CONNECTED, RECEIPT, SUBSCRIBE...
    UNDEFINED_ESCAPE = "undefined-escape"  # kept: the sequence stays literally in the header
    BAD_CONTENT_LENGTH = "bad-content-length"  # kept: ignored, the body ends at the first NUL
    MISSING_NUL = "missing-nul"  # kept: the body runs on to the next NUL
    UNEXPECTED_COMMAND = "unexpected-command"  # kept: unknown, or the other side's command
    BARE_CR = "bare-cr"  # skipped: a CR without LF between frames
    NUL_IN_HEAD = "nul-in-head"  # dropped: a NUL before the blank line ending the headers
    BAD_HEADER_LINE = "bad-header-line"  # dropped: a line without ':' or with an empty name
    INVALID_UTF8 = "invalid-utf8"  # dropped: the command or headers are not UTF-8
    CR_IN_HEAD = "cr-in-head"  # dropped: a CR not followed by LF inside the headers


DROPPING_RULES: Final = frozenset(
    {Rule.BARE_CR, Rule.NUL_IN_HEAD, Rule.BAD_HEADER_LINE, Rule.INVALID_UTF8, Rule.CR_IN_HEAD}
)
"""Rules whose breach leaves nothing to deliver: the bytes are skipped, not made a frame."""


@dataclass(frozen=True, slots=True)
class Violation:
    """One deviation the lenient parser tolerated.

    `offset` is where, in the stream of bytes received since the parser was made, the frame
    concerned begins (for skipped bytes: where they begin). `skipped` holds the bytes dropped
    to resynchronise; it is empty when the frame was delivered (then the violation is in
    that frame's `violations`).
    """

    rule: Rule
    offset: int
    detail: str
    skipped: bytes = b""

    def __str__(self) -> str:
        return f"{self.rule} at byte {self.offset}: {self.detail}"
