"""Warnings for connections that are less safe than they look (issue 16, defect 6).

Nothing insecure happens silently: a TLS connection without certificate verification
(`--insecure`, or a profile with verification off) and credentials sent over plain HTTP to
another machine each print one line on stderr, every time such a connection is made.
"""

from __future__ import annotations

import ipaddress
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from explorer.client import TlsOptions
    from explorer.client.url import Endpoint

__all__ = ["insecure_tls", "is_loopback", "plain_http_credentials", "warn"]

PROG = "stomp-explorer"


def warn(sentence: str) -> None:
    """One line on stderr, apart from the data on stdout."""
    print(f"{PROG}: warning: {sentence}", file=sys.stderr, flush=True)


def insecure_tls(endpoint: Endpoint, tls: TlsOptions | None, source: str) -> str | None:
    """The warning for a TLS connection that does not verify the broker's certificate
    (`source` says who turned it off: "--insecure" or "profile 'x'"), or None."""
    if not endpoint.is_tls or tls is None or not tls.insecure:
        return None
    return (
        f"the certificate of {endpoint.url()} is not verified ({source}): anyone on the way "
        "can pose as the broker and read or change this connection, passcode included"
    )


def plain_http_credentials(url: str | None, what: str) -> str | None:
    """The warning for `what` (a password) sent to `url` over plain HTTP to a host that is
    not this machine, or None (https, loopback, no URL)."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme != "http" or is_loopback(parts.hostname or ""):
        return None
    return (
        f"{what} goes to {parts.scheme}://{parts.netloc.rpartition('@')[2]} over plain HTTP, "
        "readable by anyone on the way; use an https:// URL"
    )


def is_loopback(host: str) -> bool:
    """localhost, *.localhost, 127.0.0.0/8 and ::1: traffic that never leaves this machine."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
