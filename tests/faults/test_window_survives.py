"""The window opens on a profiles file that used to kill it at every start (issue 16,
defect 3): the usable profiles are listed, the bad ones are reported in the profile list's
warning, and the file is left as it was. Run in its own process, like a real start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent("""
    import asyncio, json, sys
    import qasync
    from PySide6.QtWidgets import QApplication
    from explorer.app import configure_application, create_window

    app = QApplication(sys.argv[:1])
    configure_application(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        window = create_window(sys.argv[1], first_run=False)
        window.show()
        app.processEvents()
        profiles = window.profiles
        rows = profiles.model.rowCount()
        names = [profiles.model.profile(r).name for r in range(rows)]
        if len(sys.argv) > 2:
            window.grab().save(sys.argv[2])
        print(json.dumps({
            "names": names,
            "warnings": profiles.warnings.text(),
            "warnings_visible": profiles.warnings.isVisible(),
        }))
        window.close()
""")


def test_the_window_opens_on_a_file_that_used_to_kill_it(tmp_path: Path) -> None:
    path = tmp_path / "team.json"
    original = (
        b'{"schema": 2, "profiles": ['
        b'{"name": "usable", "url": "stomp://127.0.0.1:61613"},'
        b'{"name": "huge", "url": "stomp://h", "heart_beat": {"send_ms": ' + b"9" * 5000 + b"}},"
        b'{"name": "deep", "url": "stomp://h", "notes": ' + b"[" * 100_000 + b"]" * 100_000 + b"},"
        b'{"name": "negative", "url": "stomp://h", "heart_beat": {"send_ms": -5}}'
        b"]}"
    )
    path.write_bytes(original)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "STOMP_EXPLORER_CONFIG_DIR": str(tmp_path / "config"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    shot = os.environ.get("FAULTS_SCREENSHOT")  # set it to look at the window
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path), *([shot] if shot else [])],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert "usable" in seen["names"]
    assert not {"huge", "deep", "negative"} & set(seen["names"])
    assert seen["warnings_visible"]
    assert "5000 digits" in seen["warnings"]
    assert "levels deep" in seen["warnings"]
    assert "heart_beat" in seen["warnings"]
    assert path.read_bytes() == original
