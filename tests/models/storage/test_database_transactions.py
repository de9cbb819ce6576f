"""A write that fails half-way leaves the last committed state; SQLite runs in WAL mode."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from models.domain import Assignment, Mark, Problem, Roster
from models.storage import Database, problems


class Crash(Exception):
    pass


def _crash(*_args: object, **_kwargs: object) -> None:
    raise Crash("power cut")


def test_failed_resave_keeps_previous_input(db: Database, problem: Problem, monkeypatch: pytest.MonkeyPatch) -> None:
    db.save_problem(problem.name, problem)
    changed = problem.with_(
        requirements=problem.requirements[:1], availability={("H001", date(2026, 4, 5)): Mark.UNAVAILABLE}
    )
    # Fail after the old input is deleted and the new sessions are written.
    monkeypatch.setattr(problems, "_write_availability", _crash)
    with pytest.raises(Crash):
        db.save_problem(problem.name, changed)
    monkeypatch.undo()
    assert db.load_problem(problem.name) == problem
    assert db.plan_version(problem.name) == 1
    assert [e.action for e in db.audit_log(problem.name)] == ["save_problem"]


def test_failed_first_save_leaves_no_plan(db: Database, problem: Problem, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(problems, "_write_requirements", _crash)
    with pytest.raises(Crash):
        db.save_problem(problem.name, problem)
    assert db.list_plans() == []


def test_failed_solution_save_adds_no_version(db: Database, problem: Problem, monkeypatch: pytest.MonkeyPatch) -> None:
    db.save_problem(problem.name, problem)
    roster = Roster([Assignment("H001", problem.requirements[0].id)])
    v1 = db.save_solution(problem.name, roster)
    monkeypatch.setattr(problems, "touch", _crash)  # after the assignments are written
    with pytest.raises(Crash):
        db.save_solution(problem.name, Roster())
    with pytest.raises(Crash):
        db.save_solution(problem.name, Roster(), version=v1)
    monkeypatch.undo()
    assert [s.version for s in db.list_solutions(problem.name)] == [1]
    assert db.load_solution(problem.name, v1) == roster


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    with Database(tmp_path / "plans.sqlite3") as db:
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_second_connection_sees_only_committed_data(tmp_path: Path, problem: Problem,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shared.sqlite3"
    with Database(path) as writer, Database(path) as reader:
        writer.save_problem(problem.name, problem)
        seen: list[int] = []

        def look_then_crash(*_args: object, **_kwargs: object) -> None:
            # Mid-transaction, another user still sees the committed plan, not the half-written one.
            seen.append(len(reader.load_problem(problem.name).requirements))
            raise Crash("power cut")

        monkeypatch.setattr(problems, "_write_availability", look_then_crash)
        with pytest.raises(Crash):
            writer.save_problem(problem.name, problem.with_(requirements=[]))
        assert seen == [3]
        assert reader.load_problem(problem.name) == problem

