"""A tiny JSON-over-HTTP helper on the standard library (no extra dependency).

urllib blocks, so every request runs in a worker thread (`asyncio.to_thread`). Failures become
`DiscoveryError`s whose message names the service, the URL and what to check.
"""

from __future__ import annotations

import asyncio
import base64
import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from explorer.discovery.errors import (
    DiscoveryAuthError,
    DiscoveryNotFound,
    DiscoveryProtocolError,
    DiscoveryUnavailable,
)


@dataclass(frozen=True, slots=True)
class HttpEndpoint:
    """An HTTP API: base URL, optional Basic-auth login, and names for messages."""

    url: str
    service: str  # "RabbitMQ management", "Jolokia": used in error messages
    source: str  # the Source value reported on errors
    login: str | None = None
    password: str | None = None
    auth_hint: str = "check the management login and password in the profile"

    def join(self, path: str) -> str:
        return self.url.rstrip("/") + "/" + path.lstrip("/")


def _request(
    endpoint: HttpEndpoint,
    url: str,
    body: Any,
    headers: Mapping[str, str],
    timeout: float,
    method: str | None = None,
) -> Any:
    data = None if body is None else json.dumps(body).encode()
    verb = method or ("GET" if data is None else "POST")
    request = urllib.request.Request(url, data=data, method=verb)
    # RabbitMQ answers a DELETE that asks for JSON back with 406 (it returns nothing)
    request.add_header("Accept", "*/*" if verb == "DELETE" else "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if endpoint.login is not None:
        token = f"{endpoint.login}:{endpoint.password or ''}".encode()
        request.add_header("Authorization", "Basic " + base64.b64encode(token).decode("ascii"))
    for name, value in headers.items():
        request.add_header(name, value)
    where = f"{endpoint.service} at {endpoint.url}"
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        status, reason = exc.code, exc.reason
        exc.close()  # the error carries an open response; close it now
        if status in (401, 403):
            raise DiscoveryAuthError(
                f"{where}: {status} {reason} — {endpoint.auth_hint}", endpoint.source
            ) from None
        if status == 404:
            raise DiscoveryNotFound(
                f"{where}: 404 Not Found for {url} — check the URL in the profile",
                endpoint.source,
            ) from None
        if status == 405:  # a web server, but not this API (which takes this method)
            raise DiscoveryUnavailable(
                f"{where}: {status} {reason} — is this really the {endpoint.service} URL?",
                endpoint.source,
            ) from None
        raise DiscoveryUnavailable(f"{where}: {status} {reason}", endpoint.source) from None
    except urllib.error.URLError as exc:
        cause = exc.reason
        text = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
        raise DiscoveryUnavailable(
            f"{where}: cannot connect ({text}) — is the endpoint running and is the URL right?",
            endpoint.source,
        ) from None
    except TimeoutError:
        raise DiscoveryUnavailable(
            f"{where}: no answer within {timeout:g} s", endpoint.source
        ) from None
    except OSError as exc:
        raise DiscoveryUnavailable(f"{where}: {exc}", endpoint.source) from None
    except http.client.HTTPException as exc:  # e.g. BadStatusLine (not OSError)
        raise DiscoveryProtocolError(
            f"{where}: the answer is not HTTP ({type(exc).__name__}) — is this really the "
            f"{endpoint.service} URL, not another service's port?",
            endpoint.source,
        ) from None
    if not raw.strip():
        return None  # 204 No Content (a DELETE)
    try:
        return json.loads(raw)
    except ValueError:
        raise DiscoveryProtocolError(
            f"{where}: the answer is not JSON — is this really the {endpoint.service} URL?",
            endpoint.source,
        ) from None


async def fetch_json(
    endpoint: HttpEndpoint,
    path: str,
    *,
    body: Any = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 10.0,
    method: str | None = None,
) -> Any:
    """GET (or POST when `body` is given, or `method`, e.g. DELETE) `path` under the endpoint
    and decode the JSON; an empty answer (204 No Content) is None."""
    url = endpoint.join(path)
    return await asyncio.to_thread(_request, endpoint, url, body, headers or {}, timeout, method)
