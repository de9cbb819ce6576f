"""Build the frozen Haichi folder with PyInstaller and, on Windows, its installer with Inno Setup.

    uv run python installer/build.py                 # dist/haichi/ (+ dist/haichi-setup-X.Y.Z.exe on Windows)
    uv run python installer/build.py --no-installer  # only the PyInstaller folder
    uv run python installer/build.py --dist D --work W

Inno Setup 6.3+ (`ISCC.exe`) is looked up on PATH, then in its usual install folders.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from version_info import project_version, version_tuple  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "haichi.spec"
ISS = ROOT / "installer" / "haichi.iss"
BUNDLE_NAME = "haichi"


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on installer/haichi.spec; returns the one-folder bundle `dist/haichi`."""
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
               "--distpath", str(dist), "--workpath", str(work), "--log-level", "WARN"]
    subprocess.run(command, cwd=ROOT, check=True)
    bundle = dist / BUNDLE_NAME
    if not (bundle / program_name("haichi")).is_file():
        raise SystemExit(f"PyInstaller finished but {bundle / program_name('haichi')} is missing")
    return bundle


def program_name(stem: str) -> str:
    """A frozen program's file name on this system: `haichi.exe` on Windows, `haichi` elsewhere."""
    return f"{stem}.exe" if sys.platform == "win32" else stem


def find_iscc() -> Path | None:
    """Inno Setup's command-line compiler, if installed; returns its path or None."""
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        folder = os.environ.get(base)
        if not folder:
            continue
        for candidate in (Path(folder) / "Inno Setup 6" / "ISCC.exe",
                          Path(folder) / "Programs" / "Inno Setup 6" / "ISCC.exe"):
            if candidate.is_file():
                return candidate
    return None


def build_installer(bundle: Path, iscc: Path, output: Path) -> Path:
    """Compile installer/haichi.iss around `bundle`; returns the setup program's path."""
    version = project_version()
    numbers = ".".join(str(n) for n in version_tuple(version))  # Windows' n.n.n.n
    command = [str(iscc), f"/DAppVersion={version}", f"/DAppVersionNumbers={numbers}",
               f"/DBundleDir={bundle.resolve()}", f"/DSourceRoot={ROOT}", f"/O{output.resolve()}", str(ISS)]
    subprocess.run(command, cwd=ROOT, check=True)
    setup = output / f"haichi-setup-{version}.exe"
    if not setup.is_file():
        raise SystemExit(f"Inno Setup finished but {setup} is missing")
    return setup


def folder_size(folder: Path) -> int:
    """Total size in bytes of the files under `folder` (symbolic links, which Linux builds use, count once)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Build Haichi's frozen app and installer")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-installer", action="store_true", help="skip Inno Setup even on Windows")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    bundle = build_bundle(args.dist, args.work)
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB, {time.perf_counter() - start:.0f} s)")
    if args.no_installer:
        return 0
    if sys.platform != "win32":
        print("installer: skipped (Inno Setup runs on Windows)")
        return 0
    iscc = find_iscc()
    if iscc is None:
        print("installer: Inno Setup 6 (ISCC.exe) not found; install it (choco install innosetup)", file=sys.stderr)
        return 1
    setup = build_installer(bundle, iscc, args.dist)
    print(f"installer: {setup} ({setup.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
