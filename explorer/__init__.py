"""STOMP Explorer: look inside STOMP messaging."""

__version__ = "0.1.0"
