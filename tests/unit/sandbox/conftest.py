from tests.support.sandbox import sandbox_broker, sandbox_thread

__all__ = ["sandbox_broker", "sandbox_thread"]
