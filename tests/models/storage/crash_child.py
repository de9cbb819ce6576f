"""A child process for the crash tests: loops importing, saving or solving into a database and
prints one line after every commit, until the test kills it with SIGKILL.

    python crash_child.py import|save|solve URL [WORKBOOK]
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from models.domain import Assignment, Mark, Problem, Requirement, Roster, Site, Staff  # noqa: E402

PLAN = "crash"
START = date(2026, 4, 1)


def plan(marker: int, staff: int = 60, days: int = 30) -> Problem:
    """A plan big enough that a save takes a while; `marker` is written into it to tell saves apart."""
    people = [Staff(f"H{i:03d}", f"職員{i}", frozenset({"フッ化物"} if i % 3 else set())) for i in range(staff)]
    sessions = [
        Requirement(f"{START + timedelta(d)}|{site}", START + timedelta(d), site, "健診", 540, 720, 1)
        for d in range(days) for site in ("灘", "東灘", "中央")
    ]
    marks = {(p.id, START + timedelta(d)): Mark.PREFER_NOT if (i + d) % 5 == 0 else Mark.AVAILABLE
             for i, p in enumerate(people) for d in range(days)}
    return Problem(PLAN, START, START + timedelta(days - 1), staff=people, sites=[Site("灘"), Site("東灘"), Site("中央")],
                   requirements=sessions, availability=marks, min_rest_minutes=marker)


def roster(problem: Problem, marker: int) -> Roster:
    """One person per session, chosen by `marker`, so each saved roster is recognisable."""
    n = len(problem.staff)
    return Roster([Assignment(problem.staff[(k + marker) % n].id, r.id) for k, r in enumerate(problem.requirements)])


def _say(text: str) -> None:
    print(text, flush=True)


def loop_save(url: str) -> None:
    from models.storage import Database

    db = Database(url)
    marker = db.load_problem(PLAN).min_rest_minutes if db.list_plans() else 0
    while True:
        marker += 1
        problem = plan(marker)
        db.save_problem(PLAN, problem)
        _say(f"problem {marker}")
        db.save_solution(PLAN, roster(problem, marker), stats={"marker": marker})
        _say(f"solution {marker}")


def loop_import(url: str, workbook: str) -> None:
    from desktop.cli import main

    while True:
        if main(["import", workbook, "--plan", PLAN, "--db", url, "--lang", "en"]) != 0:
            raise SystemExit("import failed")
        _say("imported")


def loop_solve(url: str) -> None:
    from models.storage import Database
    from solver.core import SolveOptions, solve

    db = Database(url)
    if not db.list_plans():
        db.save_problem(PLAN, plan(0, staff=12, days=10))
    problem = db.load_problem(PLAN)
    while True:
        result = solve(problem, SolveOptions(time_limit=2, workers=1))
        assert result.roster is not None
        db.save_solution(PLAN, result.roster, stats={"assignments": len(result.roster.assignments)})
        _say("solved")


if __name__ == "__main__":
    mode, target = sys.argv[1], sys.argv[2]
    if mode == "save":
        loop_save(target)
    elif mode == "import":
        loop_import(target, sys.argv[3])
    else:
        loop_solve(target)
