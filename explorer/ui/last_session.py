"""The last session: which connections were open, with their subscriptions, to reopen at start.

When the window closes it writes, for each tab, the profile's name (or, for a quick
connection, its URL) and the subscriptions the tab would open again (destination, ack mode,
extra headers; never a secret: a passcode lives in the keyring or is asked for). With the
setting on, the next start opens the same tabs and subscribes again.
"""

from __future__ import annotations

import json
from typing import Any

from explorer.client.url import redact_url
from explorer.profiles import ProfileError, ProfileStore
from explorer.profiles.model import Profile
from explorer.session.subscriptions import SubscriptionSpec
from explorer.ui.session import SessionController


def snapshot(sessions: list[SessionController], store: ProfileStore) -> str:
    """The tabs as JSON (what `WindowSettings.last_session` keeps)."""
    tabs: list[dict[str, Any]] = []
    for session in sessions:
        profile = session.profile
        tab: dict[str, Any] = {"name": profile.name}
        if profile.name not in store:
            if redact_url(profile.url) != profile.url:
                continue  # a token typed into a quick connection's URL is never written
            tab["url"] = profile.url
            if profile.login:
                tab["login"] = profile.login
        tab["subscriptions"] = [
            {"destination": spec.destination, "ack": spec.ack, "headers": list(spec.headers)}
            for spec in session.subscription_specs()
        ]
        tabs.append(tab)
    return json.dumps(tabs, ensure_ascii=False, separators=(",", ":"))


def planned(text: str, store: ProfileStore) -> list[tuple[Profile, tuple[SubscriptionSpec, ...]]]:
    """The profiles to open and their subscriptions; unknown or unreadable entries are left
    out (a profile deleted since, a hand-edited file)."""
    try:
        tabs = json.loads(text) if text else []
    except ValueError:
        return []
    if not isinstance(tabs, list):
        return []
    plan: list[tuple[Profile, tuple[SubscriptionSpec, ...]]] = []
    for tab in tabs:
        if not isinstance(tab, dict) or not isinstance(tab.get("name"), str):
            continue
        profile = _profile(tab, store)
        if profile is None:
            continue
        specs = tuple(
            SubscriptionSpec.of(
                str(sub["destination"]),
                [(str(k), str(v)) for k, v in sub.get("headers", [])],
                str(sub.get("ack", "auto")),
            )
            for sub in tab.get("subscriptions", [])
            if isinstance(sub, dict) and sub.get("destination")
        )
        plan.append((profile, specs))
    return plan


def _profile(tab: dict[str, Any], store: ProfileStore) -> Profile | None:
    name = tab["name"]
    if name in store:
        try:
            return store.get(name)
        except ProfileError:
            return None
    url = tab.get("url")
    if not isinstance(url, str):
        return None
    login = tab.get("login")
    return Profile(name=name, url=url, login=login if isinstance(login, str) else None)
