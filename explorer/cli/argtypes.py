"""Argument types shared by the subcommands: each refuses a bad value with one sentence
(argparse turns it into exit 2), so nothing odd (`nan`, `-1`, `²`, a byte that is not UTF-8)
reaches a connection and fails there with a traceback.

    parser.add_argument("--count", type=whole_number)
    parser.add_argument("--timeout", type=seconds)          # finite and > 0
    parser.add_argument("--rate", type=per_second)          # finite and > 0
    parser.add_argument("--rate", type=per_second_or_max)   # the same, or `max` (None)
    parser.add_argument("--speed", type=factor_or_max)      # finite and > 0, or `max` (None)
    parser.add_argument("--size", type=byte_count)          # 0, 1, 2...
    parser.add_argument("--jolokia", type=http_url)         # http(s)://host[:port]/path
"""

from __future__ import annotations

import argparse
import math
import re
from urllib.parse import urlsplit

__all__ = [
    "byte_count",
    "check_text",
    "factor_or_max",
    "http_url",
    "per_second",
    "per_second_or_max",
    "seconds",
    "text",
    "whole_number",
]

_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def whole_number(text: str) -> int:
    """1, 2, 3...: ASCII digits only (`²` and `٣` are digits to Python, not to a script)."""
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def byte_count(text: str) -> int:
    """0, 1, 2...: a number of bytes, ASCII digits only."""
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of bytes")
    return int(text)


def _positive_finite(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of {what}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"'{text}' is not a finite number of {what}")
    if value <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be more than 0 {what}")
    return value


def seconds(text: str) -> float:
    """A duration: a finite number of seconds above 0 (`nan`, `inf`, `0`, `-1` refused)."""
    return _positive_finite(text, "seconds")


def per_second(text: str) -> float:
    """A rate: a finite number per second above 0."""
    return _positive_finite(text, "messages per second")


def per_second_or_max(text: str) -> float | None:
    """A rate, or `max` (None: as fast as possible)."""
    return _positive_finite_or_max(text, "messages per second")


def factor_or_max(text: str) -> float | None:
    """A speed-up factor above 0 (0.5 halves the pace), or `max` (None: no waiting)."""
    return _positive_finite_or_max(text, "times the recorded speed")


def _positive_finite_or_max(text: str, what: str) -> float | None:
    if text.strip().lower() == "max":
        return None
    try:
        return _positive_finite(text, what)
    except argparse.ArgumentTypeError as exc:
        raise argparse.ArgumentTypeError(f"{exc} (or 'max')") from None


def http_url(text: str) -> str:
    """An HTTP API's address (Jolokia, RabbitMQ management): http:// or https:// with a
    host, no spaces or control characters (urllib would fail later with a traceback)."""
    check_text(text, "the URL")
    if _SPACE_OR_CONTROL.search(text):
        raise argparse.ArgumentTypeError(
            f"'{text}' contains a space or a control character; remove it (write a space in "
            "a path as %20)"
        )
    try:
        parts = urlsplit(text)
        scheme, host, _port = parts.scheme, parts.hostname, parts.port
    except ValueError:  # a port that is not a number, an unclosed [IPv6 bracket
        scheme, host = "", None
    if scheme not in ("http", "https") or not host:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not an http:// or https:// URL with a host, e.g. "
            "http://localhost:8161/api/jolokia"
        )
    return text


def check_text(text: str, what: str) -> str:
    """Text that goes into a frame must be UTF-8; a shell in another encoding passes bytes
    that are not as lone surrogates, which no header can carry."""
    if _SURROGATE.search(text):
        raise argparse.ArgumentTypeError(
            f"{what} holds a byte that is not UTF-8 text; check the shell's quoting and the "
            "terminal's encoding"
        )
    return text


def text(value: str) -> str:
    """A positional or option that ends up in a header (a destination, say): UTF-8 only."""
    return check_text(value, f"'{value.encode('utf-8', 'replace').decode()}'")
