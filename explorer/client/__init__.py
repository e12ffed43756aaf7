"""asyncio STOMP client (no Qt here)."""
