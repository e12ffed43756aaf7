"""JSON over HTTP for the management APIs (Jolokia, RabbitMQ management), on aiohttp.

aiohttp is the app's one HTTP client (SockJS uses it too): requests run on the event loop,
the window's included, without a worker thread each. Failures become `DiscoveryError`s whose
message names the service, the URL and what to check.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp

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


async def _request(
    endpoint: HttpEndpoint,
    url: str,
    body: Any,
    headers: Mapping[str, str],
    timeout: float,
    method: str | None = None,
) -> Any:
    data = None if body is None else json.dumps(body).encode()
    verb = method or ("GET" if data is None else "POST")
    # RabbitMQ answers a DELETE that asks for JSON back with 406 (it returns nothing)
    sent = {"Accept": "*/*" if verb == "DELETE" else "application/json"}
    if data is not None:
        sent["Content-Type"] = "application/json"
    if endpoint.login is not None:
        token = f"{endpoint.login}:{endpoint.password or ''}".encode()
        sent["Authorization"] = "Basic " + base64.b64encode(token).decode("ascii")
    sent.update(headers)
    where = f"{endpoint.service} at {endpoint.url}"
    try:
        async with (
            asyncio.timeout(timeout),
            # A session per call, like urllib before: discovery polls every few seconds, so
            # a kept connection saves little and a session that outlived its loop would leak.
            aiohttp.ClientSession(trust_env=True) as session,
            session.request(verb, url, data=data, headers=sent) as response,
        ):
            status, reason = response.status, response.reason or ""
            raw = await response.read()
    except TimeoutError:
        # Most likely a port that is not this API (a STOMP port reads the request as a
        # frame and waits for its NUL): the same words as the scan's silent source.
        raise DiscoveryUnavailable(
            f"{where}: no answer within {timeout:g} s — is this really the {endpoint.service} "
            "URL? (a STOMP port, for one, never answers an HTTP request)",
            endpoint.source,
        ) from None
    except aiohttp.ClientConnectorError as exc:
        cause = exc.os_error
        text = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
        raise DiscoveryUnavailable(
            f"{where}: cannot connect ({text}) — is the endpoint running and is the URL right?",
            endpoint.source,
        ) from None
    except aiohttp.ServerDisconnectedError:
        raise DiscoveryUnavailable(
            f"{where}: the server closed the connection without an answer", endpoint.source
        ) from None
    except (aiohttp.ClientResponseError, aiohttp.ClientPayloadError) as exc:
        # the bytes that came back could not be read as an HTTP answer (another service)
        raise DiscoveryProtocolError(
            f"{where}: the answer is not HTTP ({type(exc).__name__}) — is this really the "
            f"{endpoint.service} URL, not another service's port?",
            endpoint.source,
        ) from None
    except (aiohttp.ClientError, OSError) as exc:
        raise DiscoveryUnavailable(
            f"{where}: {exc or type(exc).__name__}", endpoint.source
        ) from None
    if status in (401, 403):
        raise DiscoveryAuthError(
            f"{where}: {status} {reason} — {endpoint.auth_hint}", endpoint.source
        )
    if status == 404:
        raise DiscoveryNotFound(
            f"{where}: 404 Not Found for {url} — check the URL in the profile",
            endpoint.source,
        )
    if status == 405:  # a web server, but not this API (which takes this method)
        raise DiscoveryUnavailable(
            f"{where}: {status} {reason} — is this really the {endpoint.service} URL?",
            endpoint.source,
        )
    if status >= 400:
        raise DiscoveryUnavailable(f"{where}: {status} {reason}", endpoint.source)
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
    return await _request(endpoint, url, body, headers or {}, timeout, method)
