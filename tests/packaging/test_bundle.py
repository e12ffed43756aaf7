"""The PyInstaller bundle runs on its own: a module or resource missing from it fails here.

scripts/test builds the bundle before pytest and names it in STOMP_EXPLORER_BUNDLE; run
alone, the fixture builds it with scripts/build-bundle (a minute or two on a fresh machine).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer import __version__
from tests.packaging.conftest import APP_ID, ICON_SIZES, REPO

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(900)]


@pytest.fixture(scope="session")
def bundle() -> Path:
    """The unpacked bundle folder, built once per session unless scripts/test already did."""
    given = os.environ.get("STOMP_EXPLORER_BUNDLE")
    if given:
        folder = Path(given)
    else:
        result = subprocess.run(
            [str(REPO / "scripts" / "build-bundle")],
            cwd=REPO,
            timeout=880,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"build-bundle failed:\n{result.stdout}\n{result.stderr}"
        folder = REPO / "dist" / "stomp-explorer"
    assert (folder / "stomp-explorer").is_file(), f"no bundle at {folder}"
    return folder


def run_bundled(
    bundle: Path, *args: str, timeout: float = 60, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the bundle's executable from a directory away from the checkout."""
    return subprocess.run(
        [str(bundle / "stomp-explorer"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=bundle.parent,
        env=env,
    )


def test_version(bundle: Path) -> None:
    result = run_bundled(bundle, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"stomp-explorer {__version__}"


def test_help_matches_the_checkout(bundle: Path) -> None:
    """Every subcommand module of the checkout is in the bundle (they are imported by name)."""
    result = run_bundled(bundle, "--help")
    assert result.returncode == 0, result.stderr
    checkout = subprocess.run(
        [sys.executable, "-m", "explorer", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=REPO,
    )
    assert result.stdout == checkout.stdout


def test_resources_are_bundled(bundle: Path) -> None:
    resources = bundle / "_internal" / "explorer" / "resources"
    for size in ICON_SIZES:
        assert (resources / "icons" / "app" / f"stomp-explorer-{size}.png").is_file()
    assert (resources / "desktop" / f"{APP_ID}.desktop").is_file()
    assert os.access(bundle / "install-desktop", os.X_OK)


def test_only_the_qt_we_use_is_bundled(bundle: Path) -> None:
    names = {path.name for path in (bundle / "_internal").rglob("*")}
    assert {"libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6"} <= names
    for unwanted in (
        "libQt6Qml.so.6",
        "libQt6Quick.so.6",
        "libQt6Pdf.so.6",
        "libQt6WebEngineCore.so.6",
        "libqgtk3.so",
        "libqeglfs.so",
    ):
        assert unwanted not in names


def test_archive_holds_the_bundle(bundle: Path) -> None:
    archive = bundle.parent / f"stomp-explorer-{__version__}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(archive) as tar:
        member = tar.getmember("stomp-explorer/stomp-explorer")
    assert member.isfile() and member.mode & 0o111


def window_viewable(display: str, title: str) -> bool:
    """True once a window with this title is mapped (Qt also makes an unmapped leader window)."""
    env = {**os.environ, "DISPLAY": display}

    def xwininfo(*args: str) -> str:
        return subprocess.run(
            ["xwininfo", *args], capture_output=True, text=True, timeout=10, check=False, env=env
        ).stdout

    ids = [
        line.split()[0] for line in xwininfo("-root", "-tree").splitlines() if f'"{title}"' in line
    ]
    return any("Map State: IsViewable" in xwininfo("-id", wid) for wid in ids)


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private Xvfb server, so the bundle's own xcb platform plugin is what gets tested."""
    assert shutil.which("Xvfb") and shutil.which("xwininfo"), "apt-get install xvfb x11-utils"
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.gui
def test_window_opens_on_x11(bundle: Path, x_display: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env |= {"DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [str(bundle / "stomp-explorer")],
        env=env,
        cwd=bundle.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not window_viewable(x_display, "STOMP Explorer"):
            assert app.poll() is None, f"the bundle exited: {app.communicate()[1]}"
            assert time.monotonic() < deadline, "no STOMP Explorer window after 60 s"
            time.sleep(0.2)
    finally:
        app.terminate()
        _, stderr = app.communicate(timeout=20)
    assert "Traceback" not in stderr, stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def bundled_sandbox(bundle: Path, tmp_path: Path) -> Iterator[int]:
    """`stomp-explorer sandbox` from the bundle, in the background; yields its STOMP port."""
    port = free_port()
    log = (tmp_path / "sandbox.log").open("w")
    server = subprocess.Popen(
        [str(bundle / "stomp-explorer"), "sandbox", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=bundle.parent,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, (tmp_path / "sandbox.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the bundled sandbox did not listen in 30 s"
                time.sleep(0.1)
        yield port
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()
    # Ctrl+C is how users stop it: the bundled executable must exit cleanly on SIGINT too.
    assert server.returncode == 0, (tmp_path / "sandbox.log").read_text()


def test_round_trip_against_the_bundled_sandbox(bundle: Path, bundled_sandbox: int) -> None:
    url = f"stomp://127.0.0.1:{bundled_sandbox}"
    destination = "/queue/bundle-check"
    body = "안녕 from the bundle"
    sent = run_bundled(bundle, "send", url, destination, "--body", body, "--receipt")
    assert sent.returncode == 0, sent.stderr
    tailed = run_bundled(
        bundle, "tail", url, destination, "--count", "1", "--timeout", "20", "--format", "jsonl"
    )
    assert tailed.returncode == 0, tailed.stderr
    message = json.loads(tailed.stdout.strip().splitlines()[0])
    assert message["destination"] == destination
    assert message["body"] == body
