"""The PyInstaller bundle runs on its own: a module or resource missing from it fails here.

Everything runs from the bundle's executable in a directory away from the checkout: every
subcommand, the sandbox (TCP, WebSocket, SockJS), a scenario with Faker's Korean locale and a
JSONPath expectation, bench, replay, move, purge (ActiveMQ's Jolokia), the window on X11, a
chart (pyqtgraph and numpy, loaded lazily) and a kept recording written by the capture
writer's child process. Name a bundle already built in STOMP_EXPLORER_BUNDLE; otherwise the
fixture builds one with scripts/build-bundle into a temporary folder (a minute or two).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import shutil
import signal
import struct
import subprocess
import sys
import tarfile
import termios
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from explorer import __version__
from explorer.capture import Capture
from explorer.profiles import ProfileStore
from explorer.profiles.model import Profile, RecordingSettings
from explorer.ui.config import WindowSettings
from tests.packaging.conftest import APP_ID, REPO, subcommands
from tests.packaging.frozen import Sandbox, bundled_sandbox, run_bundled, run_in_bundle
from tests.support.brokers import ACTIVEMQ, Broker, unique

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(900)]

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unpacked bundle folder: STOMP_EXPLORER_BUNDLE, or one built for this session."""
    given = os.environ.get("STOMP_EXPLORER_BUNDLE")
    if given:
        folder = Path(given)
    else:
        out = tmp_path_factory.mktemp("bundle")
        result = subprocess.run(
            [str(REPO / "scripts" / "build-bundle")],
            cwd=REPO,
            timeout=880,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "BUNDLE_DIST": str(out / "dist"), "BUNDLE_WORK": str(out / "work")},
        )
        assert result.returncode == 0, f"build-bundle failed:\n{result.stdout}\n{result.stderr}"
        folder = out / "dist" / "stomp-explorer"
    assert (folder / "stomp-explorer").is_file(), f"no bundle at {folder}"
    return folder


@pytest.fixture
def sandbox(bundle: Path, tmp_path: Path) -> Iterator[Sandbox]:
    with bundled_sandbox(bundle, tmp_path / "sandbox.log") as running:
        yield running


def checkout_output(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=REPO,
        env={**os.environ, "COLUMNS": "100"},
    )
    return result.stdout


def test_version(bundle: Path) -> None:
    result = run_bundled(bundle, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"stomp-explorer {__version__}"


def test_help_matches_the_checkout(bundle: Path) -> None:
    result = run_bundled(bundle, "--help", env={**os.environ, "COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == checkout_output("--help")


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_help_matches_the_checkout(bundle: Path, command: str) -> None:
    """Subcommand modules are imported by name, and each handler imports more lazily."""
    result = run_bundled(bundle, command, "--help", env={**os.environ, "COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == checkout_output(command, "--help")


def test_resources_are_bundled(bundle: Path) -> None:
    """Every file of resources/ (icons, translations, styles, desktop files) is in the bundle."""
    checkout = REPO / "resources"
    bundled = bundle / "_internal" / "explorer" / "resources"
    expected = {p.relative_to(checkout) for p in checkout.rglob("*") if p.is_file()}
    assert {p.relative_to(bundled) for p in bundled.rglob("*") if p.is_file()} == expected
    assert (bundled / "desktop" / f"{APP_ID}.desktop").is_file()
    assert (bundled / "translations" / "explorer_ko.qm").is_file()
    assert os.access(bundle / "install-desktop", os.X_OK)


def test_only_the_qt_we_use_is_bundled(bundle: Path) -> None:
    names = {path.name for path in (bundle / "_internal").rglob("*")}
    assert {"libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6"} <= names
    # pyqtgraph's curve item imports QtOpenGL and QtOpenGLWidgets: charts need them.
    assert {"QtOpenGL.abi3.so", "QtOpenGLWidgets.abi3.so"} <= names
    for unwanted in (
        "libQt6Qml.so.6",
        "libQt6Quick.so.6",
        "libQt6Pdf.so.6",
        "libQt6WebEngineCore.so.6",
        "libqgtk3.so",
        "libqeglfs.so",
        "libgtk-3.so.0",
    ):
        assert unwanted not in names


def test_faker_keeps_every_locale_as_an_empty_marker(bundle: Path) -> None:
    """Faker finds locales by their folders' __init__.py; the code comes from the archive."""
    providers = bundle / "_internal" / "faker" / "providers"
    markers = list(providers.glob("*/*/__init__.py"))
    assert (providers / "person" / "ko_KR" / "__init__.py") in markers
    assert len(markers) > 300
    assert all(path.stat().st_size == 0 for path in providers.rglob("*.py"))


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


def window_settings(config: Path) -> WindowSettings:
    """The window.ini of the config dir the bundled window will read, with closing not
    asking about messages received and not exported (the Sandbox demo brings some)."""
    settings = WindowSettings(QSettings(str(config / "window.ini"), QSettings.Format.IniFormat))
    settings.ask_unexported = False
    return settings


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
def test_window_opens_on_x11(bundle: Path, x_display: str, isolated_config: Path) -> None:
    """A first start: the window maps with the bundle's xcb plugin and a tab for the Sandbox
    profile (the main window's title names the current tab); a SIGTERM closes it cleanly."""
    window_settings(isolated_config).sync()
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
        while not window_viewable(x_display, "Sandbox — STOMP Explorer"):
            assert app.poll() is None, f"the bundle exited: {app.communicate()[1]}"
            assert time.monotonic() < deadline, "no window with a Sandbox tab after 60 s"
            time.sleep(0.2)
    finally:
        app.terminate()
        _, stderr = app.communicate(timeout=30)
    assert app.returncode == 0, stderr
    assert "Traceback" not in stderr, stderr


def test_round_trip_against_the_bundled_sandbox(bundle: Path, sandbox: Sandbox) -> None:
    destination = "/queue/bundle-check"
    body = "안녕 from the bundle"
    sent = run_bundled(bundle, "send", sandbox.url, destination, "--body", body, "--receipt")
    assert sent.returncode == 0, sent.stderr
    message = tail_one(bundle, sandbox.url, destination)
    assert message["destination"] == destination
    assert message["body"] == body


def tail_one(bundle: Path, url: str, destination: str) -> dict[str, object]:
    tailed = run_bundled(
        bundle, "tail", url, destination, "--count", "1", "--timeout", "20", "--format", "jsonl"
    )
    assert tailed.returncode == 0, tailed.stderr
    message = json.loads(tailed.stdout.strip().splitlines()[0])
    assert isinstance(message, dict)
    return message


def test_the_bundled_sandbox_answers_sockjs_info(bundle: Path, sandbox: Sandbox) -> None:
    """The sandbox's SockJS endpoint (aiohttp + sockjs) is served from the bundle."""
    with urllib.request.urlopen(f"{sandbox.sockjs_url}/info", timeout=10) as response:
        info = json.loads(response.read())
    assert info["websocket"] is True
    assert "cookie_needed" in info


def test_send_over_sockjs_and_tail_over_websocket(bundle: Path, sandbox: Sandbox) -> None:
    """The SockJS client (aiohttp) and the WebSocket client (websockets) are in the bundle."""
    destination = "/queue/bundle-sockjs"
    for transport in ("websocket", "xhr-streaming"):
        body = f"{transport}: 안녕"
        sent = run_bundled(
            bundle, "send", sandbox.sockjs_url, destination, "--body", body, "--receipt",
            "--sockjs-transport", transport,
        )  # fmt: skip
        assert sent.returncode == 0, sent.stderr
        assert tail_one(bundle, sandbox.ws_url, destination)["body"] == body


SCENARIO = """\
name: a Korean order reaches the queue
connection: {url}
vars: {{faker_locale: ko_KR}}
steps:
  - subscribe: /queue/bundle-orders
    id: inbox
  - send:
      destination: /queue/bundle-orders
      headers: {{content-type: application/json}}
      body: '{{"name": "{{{{faker.name()}}}}", "city": "{{{{faker.city()}}}}", "n": 7}}'
      receipt: true
  - expect:
      subscription: inbox
      body:
        json: {{"$.n": 7}}
        regex: '"name": "[가-힣]+'
"""


def test_run_a_scenario_with_korean_fake_data_and_a_jsonpath_expect(
    bundle: Path, sandbox: Sandbox, tmp_path: Path
) -> None:
    """YAML, Jinja2's sandbox, Faker's ko_KR provider (imported by name) and jsonpath-ng."""
    scenario = tmp_path / "order.yaml"
    scenario.write_text(SCENARIO.format(url=sandbox.url), encoding="utf-8")
    junit = tmp_path / "report.xml"
    result = run_bundled(bundle, "run", str(scenario), "--format", "json", "--junit", str(junit))
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["passed"] == 1 and report["failed"] == 0
    assert [step["status"] for step in report["scenarios"][0]["steps"]] == ["passed"] * 3
    assert 'failures="0"' in junit.read_text(encoding="utf-8")


def test_bench_against_the_bundled_sandbox_loses_nothing(bundle: Path, sandbox: Sandbox) -> None:
    """Producers on threads, stamped messages, an HdrHistogram (a C extension), and the
    progress bar (tqdm, imported only when stderr is a terminal: here a pseudo-terminal)."""
    controller, terminal = pty.openpty()
    # A new pseudo-terminal is 0 columns wide, and tqdm would draw an empty bar in it.
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    bench = subprocess.Popen(
        [str(bundle / "stomp-explorer"), "bench", sandbox.url, "--messages", "3000",
         "--producers", "2", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=terminal,
        cwd=bundle.parent,
    )  # fmt: skip
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the bench closed the terminal's last writer
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    stdout, _ = bench.communicate(timeout=120)
    assert bench.returncode == 0, shown.decode(errors="replace")
    assert b"msg/s" in shown, shown.decode(errors="replace")  # tqdm's rate, in our unit
    figures = json.loads(stdout)
    assert figures["sent"] == figures["received"] == 3000
    assert figures["lost"] == 0 and figures["duplicates"] == 0
    assert figures["latency_ms"]["max"] >= figures["latency_ms"]["p50"] > 0


def test_replay_and_move_on_the_bundled_sandbox(
    bundle: Path, sandbox: Sandbox, tmp_path: Path
) -> None:
    recorded = tmp_path / "recorded.jsonl"
    recorded.write_text(
        "".join(
            json.dumps({"destination": "/queue/replayed", "headers": {}, "body": f"{n} 번"}) + "\n"
            for n in range(3)
        ),
        encoding="utf-8",
    )
    replayed = run_bundled(bundle, "replay", str(recorded), sandbox.url, "--speed", "max")
    assert replayed.returncode == 0, replayed.stderr
    moved = run_bundled(bundle, "move", sandbox.url, "/queue/replayed", "/queue/moved", "--yes")
    assert moved.returncode == 0, moved.stderr
    assert "moved 3 messages" in moved.stdout
    tailed = run_bundled(
        bundle, "tail", sandbox.url, "/queue/moved", "--count", "3", "--timeout", "20",
        "--format", "jsonl",
    )  # fmt: skip
    assert tailed.returncode == 0, tailed.stderr
    bodies = [json.loads(line)["body"] for line in tailed.stdout.splitlines()]
    assert bodies == ["0 번", "1 번", "2 번"]


@pytest.mark.activemq
def test_purge_on_activemq_through_jolokia(bundle: Path, activemq: Broker) -> None:
    """The management HTTP client: the purge goes through ActiveMQ's Jolokia."""
    queue = f"/queue/{unique('bundle-purge')}"
    sent = run_bundled(
        bundle, "send", activemq.stomp_url, queue, "--body", "x", "--count", "4", "--receipt"
    )
    assert sent.returncode == 0, sent.stderr
    assert ACTIVEMQ.management_url is not None
    purged = run_bundled(
        bundle, "purge", activemq.stomp_url, queue, "--yes", "--jolokia", ACTIVEMQ.management_url
    )
    assert purged.returncode == 0, purged.stdout + purged.stderr
    left = run_bundled(bundle, "tail", activemq.stomp_url, queue, "--count", "1", "--timeout", "2")
    assert left.returncode == 4, left.stdout  # a timeout: nothing left to receive


@pytest.mark.gui
def test_window_charts_a_json_field(bundle: Path, sandbox: Sandbox, tmp_path: Path) -> None:
    """The window, offscreen inside the bundle, opens "Chart this field" (pyqtgraph, numpy)."""
    png = tmp_path / "chart.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = run_in_bundle(
        bundle,
        HERE / "window_chart_script.py",
        {"url": sandbox.url, "png": str(png)},
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["frozen"] is True
    assert seen["outside"] == [] and seen["inside"] > 500
    assert seen["chart"] == "valueChart"
    assert seen["values"] == [[1.5, 2.5, 2.0]]
    assert seen["histogram"] == [[0.1, 0], [0.2, 4], [0.4, 30], [0.8, 12], [1.6, 1]]
    for picture in (png, png.with_name("histogram.png")):
        image = QImage(str(picture))
        assert image.width() > 200 and image.height() > 100, picture.name
        colours = {
            image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(image.height())
        }
        assert len(colours) > 20, f"{picture.name}: the chart drew next to nothing"


def test_keyring_finds_the_same_backends_as_the_checkout(bundle: Path) -> None:
    """keyring loads its backends from entry points: the bundle carries their metadata, and
    the Secret Service backend's secretstorage and cryptography."""
    script = HERE / "keyring_script.py"
    frozen = run_in_bundle(bundle, script, {})
    assert frozen.returncode == 0, frozen.stderr
    checkout = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(frozen.stdout) == json.loads(checkout.stdout)
    assert "SecretService" in json.loads(frozen.stdout)["backends"]


def child_commands(pid: int) -> list[list[str]]:
    """The command lines of the processes whose parent is `pid` (Linux /proc)."""
    commands = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                commands.append((entry / "cmdline").read_text().split("\0"))
        except (OSError, ValueError, IndexError):
            continue  # it ended meanwhile
    return commands


def captured_bodies(folder: Path, destination: str) -> list[str]:
    bodies: list[str] = []
    for path in sorted(folder.glob("*.stompcap")):
        with Capture(path) as capture:
            bodies += [
                record.body.decode()
                for record in capture.iter_records()
                if record.command == "MESSAGE" and record.destination == destination
            ]
    return bodies


@pytest.mark.gui
def test_window_records_a_kept_recording_in_a_child_process(
    bundle: Path, sandbox: Sandbox, tmp_path: Path, isolated_config: Path
) -> None:
    """A profile that keeps recording, reopened from the last session: the bundled window
    records through the capture writer's child (a frozen multiprocessing child), and the
    capture holds the messages once the window has closed."""
    queue = "/queue/bundle-recorded"
    captures = tmp_path / "captures"
    ProfileStore().add(
        Profile(
            name="Recorded",
            url=sandbox.url,
            recording=RecordingSettings(keep=True, folder=str(captures)),
        )
    )
    settings = window_settings(isolated_config)
    settings.reopen_session = True
    settings.last_session = json.dumps(
        [
            {
                "name": "Recorded",
                "subscriptions": [{"destination": queue, "ack": "auto", "headers": []}],
            }
        ]
    )
    settings.sync()
    window = subprocess.Popen(
        [str(bundle / "stomp-explorer")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=bundle.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(captures.glob("*.stompcap")):
            assert window.poll() is None, f"the window exited: {window.communicate()[1]}"
            assert time.monotonic() < deadline, "no capture file after 60 s"
            time.sleep(0.2)
        writers = [c for c in child_commands(window.pid) if "--multiprocessing-fork" in c]
        assert writers, f"no capture writer child: {child_commands(window.pid)}"
        sent = run_bundled(
            bundle, "send", sandbox.url, queue, "--body", '{"n": {{n}}, "이름": "값"}',
            "--count", "5", "--receipt",
        )  # fmt: skip
        assert sent.returncode == 0, sent.stderr
        expected = [f'{{"n": {n}, "이름": "값"}}' for n in range(1, 6)]
        while captured_bodies(captures, queue) != expected:
            assert window.poll() is None, f"the window exited: {window.communicate()[1]}"
            assert time.monotonic() < deadline + 60, captured_bodies(captures, queue)
            time.sleep(0.3)
        window.send_signal(signal.SIGTERM)  # closes the window the normal way
        _, stderr = window.communicate(timeout=60)
    finally:
        if window.poll() is None:
            window.kill()
            window.communicate(timeout=10)
    assert window.returncode == 0, stderr
    assert "Traceback" not in stderr, stderr
    assert captured_bodies(captures, queue) == expected
