"""Everything a sandbox can be told at start, with defaults fit for a desktop and for tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.sandbox.destinations import Caps


@dataclass(frozen=True, slots=True)
class SandboxOptions:
    """Options of `SandboxBroker`. Ports: 0 picks a free port, None disables that listener."""

    host: str = "127.0.0.1"
    tcp_port: int | None = 0
    ws_port: int | None = 0
    # Off by default: any login is accepted. When set, CONNECT must carry both.
    login: str | None = None
    passcode: str | None = None
    caps: Caps = field(default_factory=Caps)
    max_frame_bytes: int = 4 * 1024 * 1024
    # The broker mirrors the client's heart-beat wishes, but never faster than this.
    heartbeat_min_ms: int = 50
    # Answer heart-beat:0,0 whatever the client asks, as Spring's simple broker does without
    # a TaskScheduler (spring-framework#29153): to try the window's warning offline.
    heartbeats_off: bool = False
    connect_timeout: float = 30.0
    max_connections: int = 500
    max_transactions: int = 100
    max_transaction_frames: int = 10_000
    # Per-connection output: queues stop dispatching to a client above the high-water mark
    # and resume below the low one; a topic subscriber beyond max_pending_output is dropped.
    output_high_water: int = 1024 * 1024
    output_low_water: int = 256 * 1024
    max_pending_output: int = 16 * 1024 * 1024
    discovery_interval: float = 0.5
    # SockJS on the WebSocket port: its path, how often it sends its own `h` heart-beat (s),
    # and how long a session without a transport (between two polls) lives on (s).
    sockjs_path: str = "/sockjs"
    sockjs_heartbeat: float = 25.0
    sockjs_disconnect_delay: float = 5.0
    demo: bool = False
    demo_rate: float = 5.0
    demo_seed: int | None = None

    def __post_init__(self) -> None:
        for name in ("tcp_port", "ws_port"):
            port = getattr(self, name)
            if port is not None and not 0 <= port <= 65535:
                raise ValueError(f"{name} must be between 0 and 65535, not {port}")
        if self.tcp_port is None and self.ws_port is None:
            raise ValueError("at least one of tcp_port and ws_port must be set")
        if (self.login is None) != (self.passcode is None):
            raise ValueError("set both login and passcode, or neither")
        if not self.sockjs_path.startswith("/") or self.sockjs_path.rstrip("/") == "":
            raise ValueError(
                f"sockjs_path must start with / and name a path, not {self.sockjs_path!r}"
            )
        if self.demo_rate <= 0:
            raise ValueError(f"demo_rate must be positive, not {self.demo_rate}")
