"""Why a broker sent an ERROR or closed the connection, and what to do: the likely cause and
the fix in one sentence, from the table of known messages and close codes
(`explain_table.py`). GUI-free: the command line prints `Explanation.sentence`, the window
translates it (explorer/ui/explain_text.py).

    explain_error(frame, version)            # an ERROR frame (values unescaped first)
    explain_close(code, reason, layer)       # a WebSocket or SockJS close
    explain_text(text)                       # words from an error we only have as text

Header values are unescaped per version before matching: an ERROR answering CONNECT comes
before any version is agreed, yet Spring escapes its 1.2 way (`AccessDeniedException\\c
Access is denied`), so such values are decoded as 1.2 would (`display_value`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from explorer.broker.explain_table import CLOSE_RULES, ERROR_RULES, CloseRule, ErrorRule
from explorer.stomp import Frame, Version
from explorer.stomp.escaping import unescape_header

__all__ = [
    "Explanation",
    "display_value",
    "explain_close",
    "explain_error",
    "explain_text",
    "explained",
]

_BODY_CHARS: Final = 4096  # enough for a message and a stack trace's first lines
# How our client words closes: `SockJS close 3000 "Go away!": ...` (a SockJS close frame) and
# `close code 1011: reason` / `WebSocket close code 1009` (a WebSocket close).
_SOCKJS_CLOSE_IN_TEXT: Final = re.compile(
    r'SockJS close (?P<code>[1-4]\d{3})\b(?: "(?P<reason>[^"\n]*)")?', re.IGNORECASE
)
_CLOSE_IN_TEXT: Final = re.compile(
    r"close code (?P<code>[1-4]\d{3})\b(?::\s*(?P<reason>[^)\n]*))?", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Explanation:
    """A known failure: `sentence` says the likely cause and the fix (English; the window
    translates it), `origin` who sends such words, `source` where they are documented."""

    key: str
    origin: str
    sentence: str
    source: str


def display_value(value: str, version: Version | str | None) -> str:
    """A header value as it was meant: under 1.1/1.2 the parser decoded it already; before a
    version is agreed (an ERROR answering CONNECT) or under 1.0, escapes such as Spring's
    `\\c` are decoded the 1.2 way, unknown ones kept."""
    if version is not None and Version(version) is not Version.V1_0:
        return value
    return unescape_header(value, None)


def explain_error(frame: Frame, version: Version | str | None = None) -> Explanation | None:
    """The explanation of an ERROR frame, or None when its words are not in the table."""
    message = display_value(frame.header("message") or "", version)
    body = frame.body[:_BODY_CHARS].decode("utf-8", "replace")
    return explain_text(f"{message}\n{body}")


def explain_text(text: str) -> Explanation | None:
    """The explanation of words from an ERROR (message and body) or an error's text; a close
    code mentioned in the text (`close code 1009`) is explained too."""
    text = display_value(text, None)
    for rule, pattern in _compiled_errors():
        if pattern.search(text):
            return _of(rule)
    for pattern, layer in ((_SOCKJS_CLOSE_IN_TEXT, "sockjs"), (_CLOSE_IN_TEXT, "websocket")):
        match = pattern.search(text)
        if match is not None:
            return explain_close(int(match.group("code")), match.group("reason") or "", layer)
    return None


def explain_close(
    code: int | None, reason: str = "", layer: str = "websocket"
) -> Explanation | None:
    """The explanation of a WebSocket close code (RFC 6455) or a SockJS close frame's code.
    A normal close (1000, 1005) has none. The reason, when it holds known ERROR words (RabbitMQ
    puts them there), is matched against the ERROR table first."""
    if reason:
        for rule, pattern in _compiled_errors():
            if pattern.search(reason):
                return _of(rule)
    if code is None:
        return None
    for close in CLOSE_RULES:
        if close.code != code or close.layer != layer:
            continue
        if close.reason and not re.search(close.reason, reason, re.IGNORECASE):
            continue
        return _of(close)
    if layer == "sockjs" and 1000 < code < 2000:  # SockJS passes WebSocket codes on
        return explain_close(code, "", "websocket")
    return None


def explained(sentence: str, explanation: Explanation | None) -> str:
    """`sentence`, then the explanation, on one line (the command line's errors are one line
    on stderr)."""
    if explanation is None:
        return sentence
    return f"{sentence} — likely cause and fix: {explanation.sentence}"


def _of(rule: ErrorRule | CloseRule) -> Explanation:
    return Explanation(rule.key, rule.origin, rule.sentence, rule.source)


@cache
def _compiled_errors() -> tuple[tuple[ErrorRule, re.Pattern[str]], ...]:
    return tuple((rule, re.compile(rule.pattern, re.IGNORECASE)) for rule in ERROR_RULES)
