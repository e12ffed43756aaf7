"""The sdist and wheel carry everything the app needs at run time.

`python -m build` makes the sdist and then the wheel *from the sdist*, so a resource missing
from either shows up here. The wheel is installed into a fresh venv (what `pipx install`
does) and its commands and resources are used from there, away from this checkout.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from explorer import __version__
from tests.packaging.conftest import APP_ID, ICON_SIZES, REPO, subcommands
from tests.packaging.frozen import free_port

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(900)]


@dataclass(frozen=True)
class Installed:
    wheel: Path
    sdist: Path
    venv: Path


def run(*args: str | Path, timeout: float = 600, **kwargs: object) -> str:
    result = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return str(result.stdout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Build sdist + wheel in a throwaway venv, then install the wheel there (with deps)."""
    root = tmp_path_factory.mktemp("wheel")
    venv = root / "venv"
    out = root / "dist"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    pip = (python, "-m", "pip", "install", "-q", "--disable-pip-version-check")
    run(*pip, "build")
    run(python, "-m", "build", "--outdir", out, REPO, cwd=root)
    wheel = out / f"stomp_explorer-{__version__}-py3-none-any.whl"
    sdist = out / f"stomp_explorer-{__version__}.tar.gz"
    run(*pip, wheel)
    return Installed(wheel=wheel, sdist=sdist, venv=venv)


def test_wheel_carries_resources(installed: Installed) -> None:
    """Every file of resources/ (icons, translations, styles, desktop files) is in the wheel."""
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        entry_points = wheel.read(f"stomp_explorer-{__version__}.dist-info/entry_points.txt")
    resources = REPO / "resources"
    expected = {
        f"explorer/resources/{path.relative_to(resources).as_posix()}"
        for path in resources.rglob("*")
        if path.is_file()
    }
    expected |= {f"explorer/resources/icons/app/stomp-explorer-{size}.png" for size in ICON_SIZES}
    expected |= {
        f"explorer/resources/desktop/{APP_ID}.desktop",
        f"explorer/resources/desktop/{APP_ID}.metainfo.xml",
        "explorer/resources/translations/explorer_ko.qm",
        "explorer/resources/styles/app.qss",
        "explorer/ui/about.py",
        "explorer/capture/process_writer.py",
    }
    assert expected - names == set()
    assert b"stomp-explorer = explorer.cli.main:main" in entry_points


def test_sdist_carries_resources_and_packaging(installed: Installed) -> None:
    """Every tracked file of resources/, packaging/ and scripts/ (screenshot-spring, ...)."""
    prefix = f"stomp_explorer-{__version__}/"
    with tarfile.open(installed.sdist) as sdist:
        names = set(sdist.getnames())
    tracked = subprocess.run(
        ["git", "ls-files", "resources", "packaging", "scripts"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout.split()
    assert "scripts/screenshot-spring" in tracked
    assert {prefix + path for path in tracked} - names == set()
    assert prefix + "pyproject.toml" in names
    assert not any("node_modules" in name for name in names)


def test_installed_commands_work(installed: Installed, tmp_path: Path) -> None:
    command = installed.venv / "bin" / "stomp-explorer"
    assert run(command, "--version", cwd=tmp_path).strip() == f"stomp-explorer {__version__}"
    assert_every_help_matches_the_checkout(command, tmp_path)
    assert (installed.venv / "bin" / "stomp-explorer-window").is_file()


def assert_every_help_matches_the_checkout(command: Path, cwd: Path) -> None:
    """`--help` and every subcommand's `--help` read as the checkout's: each subcommand
    module and what its parser imports came with the installation."""
    env = {**os.environ, "COLUMNS": "100"}
    for args in [("--help",)] + [(name, "--help") for name in subcommands()]:
        installed_help = run(command, *args, cwd=cwd, env=env)
        assert installed_help == run(sys.executable, "-m", "explorer", *args, cwd=REPO, env=env)


def test_resources_resolve_inside_the_installed_package(
    installed: Installed, tmp_path: Path
) -> None:
    code = (
        "from explorer.assets import resource\n"
        "p = resource('icons', 'app', 'stomp-explorer-48.png')\n"
        "print(p.resolve()); assert p.is_file(), p\n"
    )
    path = Path(run(installed.venv / "bin" / "python", "-c", code, cwd=tmp_path).strip())
    assert installed.venv in path.parents
    assert "site-packages" in path.parts


@pytest.mark.gui
def test_about_dialog_runs_from_the_installed_package(installed: Installed, tmp_path: Path) -> None:
    code = (
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "from explorer.ui.about import AboutDialog\n"
        "d = AboutDialog()\n"
        "print(d.findChild(QLabel, 'aboutVersion').text())\n"
        "print(d.findChild(QLabel, 'aboutIcon').pixmap().width())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    lines = run(installed.venv / "bin" / "python", "-c", code, cwd=tmp_path, env=env).split()
    assert __version__ in lines
    assert lines[-1] == "128"


@pytest.fixture(scope="module")
def pipx_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pipx install <checkout>` into a throwaway PIPX_HOME; the folder with its commands.

    pipx comes from PyPI into its own venv (Debian's is older and may not be installed)."""
    root = tmp_path_factory.mktemp("pipx")
    run(sys.executable, "-m", "venv", root / "tools")
    run(root / "tools" / "bin" / "python", "-m", "pip", "install", "-q", "pipx")
    env = {
        **os.environ,
        "PIPX_HOME": str(root / "home"),
        "PIPX_BIN_DIR": str(root / "bin"),
        "PIPX_MAN_DIR": str(root / "man"),
    }
    run(root / "tools" / "bin" / "pipx", "install", REPO, cwd=root, env=env)
    return root / "bin"


SCENARIO = """\
name: fake Korean data from the pipx install
connection: {url}
vars: {{faker_locale: ko_KR}}
steps:
  - subscribe: /queue/pipx-check
    id: inbox
  - send:
      destination: /queue/pipx-check
      body: '{{"name": "{{{{faker.name()}}}}", "n": 3}}'
      receipt: true
  - expect:
      subscription: inbox
      body: {{json: {{"$.n": 3}}, regex: '"name": "[가-힣]+'}}
"""


def test_pipx_install_gives_every_subcommand(pipx_bin: Path, tmp_path: Path) -> None:
    command = pipx_bin / "stomp-explorer"
    assert run(command, "--version", cwd=tmp_path).strip() == f"stomp-explorer {__version__}"
    assert (pipx_bin / "stomp-explorer-window").is_file()
    assert_every_help_matches_the_checkout(command, tmp_path)


def test_pipx_install_runs_a_scenario_on_its_sandbox(pipx_bin: Path, tmp_path: Path) -> None:
    """The installed sandbox (aiohttp, sockjs) and run (YAML, Jinja2, Faker ko_KR, JSONPath)."""
    command = pipx_bin / "stomp-explorer"
    log = (tmp_path / "sandbox.log").open("w")
    port, ws_port = free_port(), free_port()
    sandbox = subprocess.Popen(
        [command, "sandbox", "--port", str(port), "--ws-port", str(ws_port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        wait_for_port(port, sandbox)
        wait_for_port(ws_port, sandbox)
        scenario = tmp_path / "check.yaml"
        scenario.write_text(SCENARIO.format(url=f"stomp://127.0.0.1:{port}"), encoding="utf-8")
        report = json.loads(run(command, "run", scenario, "--format", "json", cwd=tmp_path))
        assert report["passed"] == 1, report
        with urllib.request.urlopen(f"http://127.0.0.1:{ws_port}/sockjs/info", timeout=10) as r:
            assert json.loads(r.read())["websocket"] is True
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=10)
        log.close()


def wait_for_port(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while True:
        assert server.poll() is None, "the sandbox exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, "the sandbox did not listen in 30 s"
            time.sleep(0.1)
