"""Running the frozen (PyInstaller) Haichi from tests and benchmarks: where it is, with what environment.

The bundle is `$HAICHI_FROZEN_DIR` when set (a build made earlier, e.g. by Windows CI), else one
built from installer/haichi.spec into the folder the caller gives.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from installer.build import build_bundle, program_name

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "hygienists_2027_01.xlsx"


def missing_build_tool() -> str | None:
    """Why PyInstaller cannot build here (Linux without objdump), or None when it can."""
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        return "PyInstaller needs objdump on Linux: install binutils (.ci/run does)"
    return None


def frozen_bundle(scratch: Path) -> Path:
    """The one-folder bundle to test: $HAICHI_FROZEN_DIR, or a fresh build under `scratch`."""
    given = os.environ.get("HAICHI_FROZEN_DIR")
    if given:
        return Path(given).resolve()
    return build_bundle(scratch / "dist", scratch / "work")


def program(bundle: Path, stem: str) -> Path:
    """The path of one of the bundle's programs (`haichi` or `haichi-desktop`)."""
    return bundle / program_name(stem)


def user_environment(home: Path) -> dict[str, str]:
    """An environment whose per-user folders (data, settings, cache, logs) all lie under `home`.

    Qt renders offscreen; on Windows platformdirs asks the shell for the folders, so the
    variables below only redirect Linux and macOS.
    """
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
    )
    env.pop("PYTHONPATH", None)  # the frozen app must not find the checkout's modules
    return env


def run(command: list[str | Path], env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess:
    """Run a frozen program to completion; returns the finished process with text output."""
    return subprocess.run(
        [str(c) for c in command], env=env, capture_output=True, text=True, encoding="utf-8",
        errors="replace", timeout=timeout, cwd=env.get("HOME"),
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0,
    )
