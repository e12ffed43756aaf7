"""The sdist and wheel carry everything the app needs at run time.

`python -m build` makes the sdist and then the wheel *from the sdist*, so a resource missing
from either shows up here. The wheel is installed into a fresh venv (what `pipx install`
does) and its commands and resources are used from there, away from this checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from explorer import __version__
from tests.packaging.conftest import APP_ID, ICON_SIZES, REPO

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
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        entry_points = wheel.read(f"stomp_explorer-{__version__}.dist-info/entry_points.txt")
    expected = {f"explorer/resources/icons/app/stomp-explorer-{size}.png" for size in ICON_SIZES}
    expected |= {
        "explorer/resources/icons/app/stomp-explorer.svg",
        f"explorer/resources/desktop/{APP_ID}.desktop",
        f"explorer/resources/desktop/{APP_ID}.metainfo.xml",
        "explorer/ui/about.py",
    }
    assert expected <= names
    assert b"stomp-explorer = explorer.cli.main:main" in entry_points


def test_sdist_carries_resources_and_packaging(installed: Installed) -> None:
    prefix = f"stomp_explorer-{__version__}/"
    with tarfile.open(installed.sdist) as sdist:
        names = set(sdist.getnames())
    for path in (
        "resources/icons/app/stomp-explorer.svg",
        "packaging/stomp-explorer.spec",
        "scripts/install-desktop",
        "pyproject.toml",
    ):
        assert prefix + path in names
    assert not any("node_modules" in name for name in names)


def test_installed_commands_work(installed: Installed, tmp_path: Path) -> None:
    command = installed.venv / "bin" / "stomp-explorer"
    assert run(command, "--version", cwd=tmp_path).strip() == f"stomp-explorer {__version__}"
    installed_help = run(command, "--help", cwd=tmp_path)
    assert installed_help == run(sys.executable, "-m", "explorer", "--help", cwd=REPO)
    assert (installed.venv / "bin" / "stomp-explorer-window").is_file()


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
