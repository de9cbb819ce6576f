"""The frozen app built from installer/haichi.spec: it starts, solves the sample headless, renders its window.

Builds the bundle once for the module (about two minutes on two cores) unless HAICHI_FROZEN_DIR
names one already built; Windows CI runs these same tests against its own build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from installer.version_info import project_version
from tests.installer.frozen import SAMPLE, frozen_bundle, missing_build_tool, program, run, user_environment

pytestmark = pytest.mark.slow

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = None if os.environ.get("HAICHI_FROZEN_DIR") else missing_build_tool()
    if reason:
        pytest.skip(reason)
    return frozen_bundle(tmp_path_factory.mktemp("frozen"))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A fresh per-user home for one run (data, settings and logs land here)."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def bundle_files(bundle: Path) -> set[Path]:
    return {p.relative_to(bundle) for p in bundle.rglob("*")}


def test_version_is_the_projects(bundle: Path, home: Path) -> None:
    done = run([program(bundle, "haichi"), "--version"], user_environment(home))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"haichi {project_version()}"


def test_solves_the_sample_in_a_folder_with_japanese_and_spaces(bundle: Path, home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "配置 テスト"
    folder.mkdir()
    workbook = folder / "入力 2027年1月.xlsx"
    shutil.copyfile(SAMPLE, workbook)
    roster = folder / "配置表 2027年1月.xlsx"
    done = run([program(bundle, "haichi"), "--lang", "ja", "solve", workbook, "-o", roster, "--time-limit", "30"],
               user_environment(home))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "配置表を書き出しました" in done.stdout  # Japanese output survives the pipe
    book = openpyxl.load_workbook(roster, read_only=True)
    assert len(book.sheetnames) >= 1
    book.close()


def test_desktop_renders_the_sample_offscreen_and_keeps_data_per_user(bundle: Path, home: Path, tmp_path: Path) -> None:
    before = bundle_files(bundle)
    shot = tmp_path / "画面 ja.png"
    done = run([program(bundle, "haichi-desktop"), SAMPLE, "--lang", "ja", "--screenshot", shot],
               user_environment(home))
    assert done.returncode == 0, done.stderr
    data = shot.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 20_000  # a painted window, not a blank
    assert bundle_files(bundle) == before  # nothing written next to the program (it may be read-only)
    if sys.platform.startswith("linux"):
        assert (home / "data" / "Haichi" / "haichi.sqlite3").is_file()  # platformdirs' user_data_dir


def test_a_plan_file_opens_as_the_database(bundle: Path, home: Path, tmp_path: Path) -> None:
    plan_file = tmp_path / "計画 1月.haichi"
    env = user_environment(home)
    imported = run([program(bundle, "haichi"), "import", SAMPLE, "--db", plan_file, "--plan", "1月"], env)
    assert imported.returncode == 0, imported.stderr
    shot = tmp_path / "plan.png"
    done = run([program(bundle, "haichi-desktop"), plan_file, "--screenshot", shot], env)
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes().startswith(PNG_SIGNATURE)
    assert not (home / "data" / "Haichi" / "haichi.sqlite3").exists()  # the plan file was the database


def test_bundle_holds_resources_and_only_the_needed_qt_translations(bundle: Path) -> None:
    internal = bundle / "_internal"
    for part in ("resources/translations/haichi_ja.qm", "resources/samples/hygienists_2027_01.xlsx",
                 "resources/icons/haichi.ico", "resources/icons/haichi.png", "models/migrations/env.py",
                 "models/migrations/script.py.mako", "models/migrations/versions/0001_initial.py"):
        assert (internal / part).is_file(), part
    qt_translations = {p.name for p in internal.rglob("qtbase_*.qm")}
    assert "qtbase_ja.qm" in qt_translations
    assert "qtbase_de.qm" not in qt_translations
    assert not list(internal.rglob("tests"))  # no test suites of ours or of libraries


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("ldd"), reason="ldd is Linux's")
def test_every_kept_qt_library_finds_the_qt_libraries_it_needs(bundle: Path) -> None:
    internal = bundle / "_internal"
    qt_lib = next(internal.rglob("libQt6Core.so.6")).parent
    missing: list[str] = []
    for library in internal.rglob("*.so*"):
        if "Qt" not in str(library.relative_to(internal)):
            continue
        out = subprocess.run(["ldd", str(library)], capture_output=True, text=True,
                             env={"LD_LIBRARY_PATH": f"{qt_lib}:{internal}"}).stdout
        missing += [f"{library.name}: {line.strip()}" for line in out.splitlines()
                    if "libQt6" in line and "not found" in line]
    assert missing == []
