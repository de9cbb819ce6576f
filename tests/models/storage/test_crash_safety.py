"""SIGKILL in the middle of an import, a save and a solve: the database opens, passes SQLite's
integrity check, and holds exactly the last committed state.

A child process (`crash_child.py`) loops writing and prints a line after each commit; the test
kills it at a random moment, then checks that what is stored is what was last committed (or the
commit that was under way when the kill came, if it had finished but not yet printed).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crash_child import PLAN, plan, roster

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/models: the workbook builders
from workbooks import standard, write_book  # noqa: E402

from models.domain import Problem  # noqa: E402
from models.excel.importer import read_workbooks  # noqa: E402
from models.storage import Database  # noqa: E402
from models.storage.engine import to_url  # noqa: E402
from models.storage.maintenance import check  # noqa: E402

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[3]
KILLS = 2  # kills per scenario in the normal run; each lands at a random moment
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def _run_and_kill(args: list[str], rng: random.Random, first_line_timeout: float = 120) -> list[str]:
    """Start the child, wait for its first commit, kill it after a random delay; returns its lines."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             cwd=ROOT, env=env, text=True)
    try:
        assert child.stdout is not None
        first = child.stdout.readline()  # blocks until the first commit (or the child dies)
        assert first, f"child wrote nothing: {child.stderr.read() if child.stderr else ''}"
        time.sleep(rng.uniform(0.0, 0.6))
    finally:
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    return [first.strip(), *(line.strip() for line in out.splitlines() if line.strip())]


def _integrity_ok(url: str) -> None:
    parsed = to_url(url)
    if parsed.get_backend_name() == "sqlite":
        with sqlite3.connect(parsed.database) as connection:  # a plain open: replays the WAL like any reader
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    else:
        health = check(parsed)
        assert health.ok, health.problems


def test_kill_during_saves(db_url: str) -> None:
    rng = random.Random(5)
    for _ in range(KILLS):
        lines = _run_and_kill(["save", db_url], rng)
        _integrity_ok(db_url)
        last = int(lines[-1].split()[1])
        with Database(db_url) as db:
            stored = db.load_problem(PLAN)
            marker = stored.min_rest_minutes
            # The last printed commit, or the one after it if it committed but did not print.
            assert marker in (last, last + 1), (lines[-3:], marker)
            assert stored == plan(marker)  # the whole plan of one save, never a mix of two
            version, saved = db.latest_solution(PLAN) or (0, None)
            assert saved is not None
            stats = db.list_solutions(PLAN)[-1].stats or {}
            assert saved == roster(plan(stats["marker"]), stats["marker"])
            assert stats["marker"] in (marker - 1, marker)


def test_kill_during_imports(tmp_path: Path) -> None:
    rng = random.Random(7)
    workbook = write_book(tmp_path / "plan.xlsx", standard())
    url = f"sqlite:///{tmp_path / 'imports.sqlite3'}"
    expected = read_workbooks([workbook], plan_name=PLAN)
    total = 0
    for kill in range(1, KILLS + 1):
        # The CLI prints its own lines too: count only the child's commit lines.
        total += _run_and_kill(["import", url, str(workbook)], rng).count("imported")
        _integrity_ok(url)
        with Database(url) as db:
            # Each kill may have landed after a commit but before its line was printed.
            assert total <= db.plan_version(PLAN) <= total + kill
            assert _same_input(db.load_problem(PLAN), expected)


def _same_input(stored: Problem, expected: Problem) -> bool:
    fields = ("start", "end", "staff", "requirements", "availability", "blank_means", "sites")
    return all(getattr(stored, f) == getattr(expected, f) for f in fields)


def test_kill_during_solves(tmp_path: Path) -> None:
    rng = random.Random(11)
    url = f"sqlite:///{tmp_path / 'solves.sqlite3'}"
    total = 0
    for kill in range(1, KILLS + 1):
        total += _run_and_kill(["solve", url], rng).count("solved")
        _integrity_ok(url)
        with Database(url) as db:
            versions = db.list_solutions(PLAN)
            assert total <= len(versions) <= total + kill
            for summary in versions:
                assert summary.stats is not None and summary.assignments == summary.stats["assignments"]
                assert len(db.load_solution(PLAN, summary.version).assignments) == summary.assignments


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(8))
def test_many_kills_during_saves(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    url = f"sqlite:///{tmp_path / 'many.sqlite3'}"
    for _ in range(4):
        lines = _run_and_kill(["save", url], rng)
        _integrity_ok(url)
        with Database(url) as db:
            marker = db.load_problem(PLAN).min_rest_minutes
            assert marker in (int(lines[-1].split()[1]), int(lines[-1].split()[1]) + 1)
            assert db.load_problem(PLAN) == plan(marker)
