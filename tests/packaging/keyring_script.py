"""Runs inside the bundle (tests/packaging/frozen.py: run_in_bundle) and in the checkout.

Prints what keyring can find: its backends come from entry points (package metadata, which a
bundle must carry), and the Secret Service backend needs secretstorage and cryptography. On
a machine without a D-Bus session it says so, the same words in both places.
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import entry_points


def report() -> dict[str, object]:
    from keyring.backends import SecretService

    try:
        secret_service = f"priority {SecretService.Keyring.priority}"
    except Exception as exc:  # the backend's own reason for not being usable here
        secret_service = f"{type(exc).__name__}: {exc}"
    import cryptography
    import secretstorage

    return {
        "backends": sorted(point.name for point in entry_points(group="keyring.backends")),
        "secret_service": secret_service,
        "secretstorage": bool(secretstorage.__name__ and cryptography.__version__),
    }


if __name__ in ("__bundle_script__", "__main__"):
    print(json.dumps(report()))
    sys.exit(0)
