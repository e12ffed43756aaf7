"""Fault-injection tests (issue 16): private brokers, kill -9, SIGSTOP, bad TLS, floods."""
