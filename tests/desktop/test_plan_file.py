"""`.haichi` plan files: a double-clicked file becomes the database, its newest plan opens."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.plan_file import is_plan_file, newest_plan, split_plan_file
from models.domain import Problem
from models.storage import Database


def test_plan_files_are_known_by_extension_in_any_case() -> None:
    assert is_plan_file("C:/Users/配置 担当/1月.haichi")
    assert is_plan_file(Path("plan.HAICHI"))
    assert not is_plan_file("roster.xlsx")
    assert not is_plan_file("haichi")


def test_a_plan_file_among_the_paths_becomes_the_database(tmp_path: Path) -> None:
    plan = tmp_path / "計画 1月.haichi"
    book = tmp_path / "input.xlsx"
    db, rest = split_plan_file(None, [book, plan])
    assert db == str(plan.resolve())
    assert rest == [book]


def test_an_explicit_database_wins_over_a_plan_file(tmp_path: Path) -> None:
    plan = tmp_path / "a.haichi"
    db, rest = split_plan_file("sqlite:///other.sqlite3", [plan])
    assert db == "sqlite:///other.sqlite3"
    assert rest == [plan]  # left for the importer, which refuses it by name


def test_without_a_plan_file_nothing_changes(tmp_path: Path) -> None:
    book = tmp_path / "input.xlsx"
    assert split_plan_file(None, [book]) == (None, [book])


def _plan(name: str) -> Problem:
    return Problem(name=name, start=date(2027, 1, 1), end=date(2027, 1, 31), staff=[], sites=[], requirements=[])


def test_the_newest_changed_plan_is_opened(tmp_path: Path) -> None:
    with Database(tmp_path / "plans.haichi") as database:
        assert newest_plan(database) is None
        database.save_problem("1月", _plan("1月"))
        database.save_problem("2月", _plan("2月"))
        assert newest_plan(database) == "2月"
        database.save_problem("1月", _plan("1月"))  # edited again: now the newest
        assert newest_plan(database) == "1月"
