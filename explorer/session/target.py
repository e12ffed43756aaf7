"""Where a session connects and what it does once connected, from a profile or the CLI.

A `Target` is plain data: the endpoint, the keyword arguments for the client (secrets
included, never shown by `repr`), the subscriptions to open, and how to configure
discovery for the broker kind found at CONNECTED (None: no discovery, as on the command
line).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from explorer.broker.kind import BrokerKind
from explorer.client.url import Endpoint
from explorer.discovery.service import DiscoveryConfig
from explorer.profiles.resolve import ConnectionSettings, client_kwargs
from explorer.session.subscriptions import SubscriptionSpec

DiscoveryPlan = Callable[[BrokerKind], DiscoveryConfig]


@dataclass(frozen=True)
class Target:
    name: str
    endpoint: Endpoint
    client_options: Mapping[str, Any] = field(default_factory=dict, repr=False)
    subscriptions: tuple[SubscriptionSpec, ...] = ()
    discovery: DiscoveryPlan | None = field(default=None, repr=False)
    split_rule: str = "/."

    @property
    def login(self) -> str | None:
        login = self.client_options.get("login")
        return login if isinstance(login, str) else self.endpoint.login

    @classmethod
    def from_settings(
        cls,
        settings: ConnectionSettings,
        *,
        management_password: str | None = None,
        discovery: bool = True,
    ) -> Target:
        """A saved (or edited) profile: its client options, subscriptions and discovery."""
        profile = settings.profile

        def plan(kind: BrokerKind) -> DiscoveryConfig:
            return DiscoveryConfig.from_profile(
                profile, kind, management_password=management_password
            )

        return cls(
            name=profile.name,
            endpoint=settings.endpoint,
            client_options=client_kwargs(settings),
            subscriptions=tuple(
                SubscriptionSpec.of(s.destination, s.headers, s.ack) for s in profile.subscriptions
            ),
            discovery=plan if discovery else None,
            split_rule=profile.split_rule,
        )
