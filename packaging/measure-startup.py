"""Print bundle sizes and start-up times (figures for the release notes, never asserted).

    scripts/build-bundle && python3 packaging/measure-startup.py [BUNDLE_FOLDER|COMMAND ...]

Measures `stomp-explorer --version` (median of 10 runs) and the time until the main window
is mapped on a private Xvfb display (median of 5 runs, polled with xwininfo every 20 ms; a
fresh config each run, so the Sandbox profile connects as on a first start). Given several
bundles (say the previous release's and this one) or commands (.venv/bin/stomp-explorer for
a comparison with the venv; no sizes then), the runs alternate between them, so the load of
a shared machine weighs on each alike; the load average is printed with the figures.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def time_version(exe: Path, runs: int = 10) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), "--version"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        return server, ":" + pipe.readline().strip()


def window_viewable(env: dict[str, str]) -> bool:
    """True once the main window is mapped: titled "STOMP Explorer", or "<tab> — STOMP
    Explorer" once a tab is open (Qt also makes an unmapped leader window)."""

    def xwininfo(*args: str) -> str:
        return subprocess.run(
            ["xwininfo", *args], env=env, capture_output=True, text=True, check=False
        ).stdout

    ids = [
        line.split()[0]
        for line in xwininfo("-root", "-tree").splitlines()
        if '"STOMP Explorer"' in line or ' STOMP Explorer"' in line
    ]
    return any("Map State: IsViewable" in xwininfo("-id", wid) for wid in ids)


def time_window(exe: Path, display: str, config: Path) -> float:
    """Seconds from starting `exe` to its window mapped. Closing does not ask about the
    messages the Sandbox profile's demo brought in (closing/ask_unexported=false)."""
    config.mkdir(parents=True, exist_ok=True)
    (config / "window.ini").write_text("[closing]\nask_unexported=false\n", encoding="utf-8")
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "STOMP_EXPLORER_CONFIG_DIR": str(config),
    }
    start = time.perf_counter()
    app = subprocess.Popen([str(exe)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            if window_viewable(env):
                return time.perf_counter() - start
            if app.poll() is not None:
                error = app.stderr.read().decode(errors="replace") if app.stderr else ""
                raise RuntimeError(f"the bundle exited before showing its window: {error}")
            time.sleep(0.02)
    finally:
        app.terminate()
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(timeout=10)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def executable(target: Path) -> Path:
    """A bundle folder's executable, or the command itself (e.g. .venv/bin/stomp-explorer)."""
    return target / "stomp-explorer" if target.is_dir() else target


def main() -> int:
    targets = [Path(arg) for arg in sys.argv[1:]] or [REPO / "dist" / "stomp-explorer"]
    for target in targets:
        if not target.is_dir():
            continue
        print(f"{target}:")
        print(f"  folder:  {folder_size(target) / 2**20:.1f} MiB")
        for archive in sorted(target.parent.glob("stomp-explorer-*.tar.gz")):
            print(f"  archive: {archive.stat().st_size / 2**20:.1f} MiB ({archive.name})")
    print(f"before: {load()}")
    versions: dict[Path, list[float]] = {target: [] for target in targets}
    windows: dict[Path, list[float]] = {target: [] for target in targets}
    for _ in range(10):
        for target in targets:
            versions[target].append(time_version(executable(target), runs=1))
    server, display = start_xvfb()
    try:
        base = Path(os.environ.get("TMPDIR", "/tmp")) / f"stomp-explorer-measure-{os.getpid()}"
        for run in range(5):
            for n, target in enumerate(targets):
                config = base / f"{n}-{run}"
                windows[target].append(time_window(executable(target), display, config))
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"after:  {load()}")
    for target in targets:
        version, window = versions[target], windows[target]
        print(f"{target}:")
        print(
            f"  --version:    {statistics.median(version) * 1000:.0f} ms (median of 10, warm cache)"
        )
        print(
            f"  window shown: {statistics.median(window) * 1000:.0f} ms (median of 5 on Xvfb; "
            f"min {min(window) * 1000:.0f}, max {max(window) * 1000:.0f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
