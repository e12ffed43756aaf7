"""The built-in "Sandbox" profile: an in-process broker with demo traffic, on demand.

The broker runs in the window's own (qasync) loop, starts the first time the Sandbox profile
connects, and stops when the window closes. Its ports are free ports picked at start, so the
profile's URL is only a placeholder until then.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP

from explorer.profiles.model import Profile, Subscription

SANDBOX_NAME = "Sandbox"
SANDBOX_PLACEHOLDER_URL = "stomp://127.0.0.1:61699"
# English in the profile (as every profile's notes); the window shows it translated.
SANDBOX_NOTES = QT_TRANSLATE_NOOP(
    "BuiltinProfiles",
    "Built-in broker with demo traffic, started inside the app. Nothing leaves this computer.",
)


def sandbox_profile() -> Profile:
    """The built-in profile; connecting it starts the sandbox and subscribes to the demo."""
    from explorer.sandbox import DEMO_DESTINATIONS

    return Profile(
        name=SANDBOX_NAME,
        url=SANDBOX_PLACEHOLDER_URL,
        login=None,
        subscriptions=tuple(Subscription(d) for d in DEMO_DESTINATIONS),
        notes=str(SANDBOX_NOTES),
        builtin=True,
    )


def is_sandbox(profile: Profile) -> bool:
    return profile.builtin and profile.name == SANDBOX_NAME


class SandboxRunner:
    """Starts the sandbox broker once (demo traffic on) and points profiles at it."""

    def __init__(self) -> None:
        from explorer.sandbox import SandboxBroker

        self._broker: SandboxBroker | None = None

    @property
    def running(self) -> bool:
        return self._broker is not None

    async def ensure_started(self) -> str:
        """The broker's TCP URL, starting it first when needed."""
        if self._broker is None:
            from explorer.sandbox import SandboxBroker

            broker = SandboxBroker(demo=True)
            await broker.start()
            self._broker = broker
        return self._broker.tcp_url

    async def resolve(self, profile: Profile) -> Profile:
        return replace(profile, url=await self.ensure_started())

    async def stop(self) -> None:
        broker, self._broker = self._broker, None
        if broker is not None:
            await broker.stop()
