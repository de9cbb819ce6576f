"""Backups (by hand and before every migration) and the health check of `haichi db check`."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from models.domain import Problem
from models.storage import Database, maintenance
from models.storage.engine import make_engine, to_url
from models.storage.maintenance import NotSQLite, SchemaUnknown, backup, check


def _saved(path: Path, problem: Problem) -> Path:
    with Database(path) as db:
        db.save_problem(problem.name, problem)
    return path


def test_backup_is_a_working_copy(tmp_path: Path, problem: Problem) -> None:
    path = tmp_path / "plans.sqlite3"
    with Database(path) as db:
        db.save_problem(problem.name, problem)
        # Taken while the database is open, with the save still in the WAL file.
        copy = backup(db.url, tmp_path / "copies" / "monday.sqlite3")
    assert copy == tmp_path / "copies" / "monday.sqlite3"
    assert not copy.with_name(copy.name + ".partial").exists()
    with Database(copy) as restored:
        assert restored.load_problem(problem.name) == problem


def test_backup_default_name_sits_beside_the_file(tmp_path: Path, problem: Problem) -> None:
    path = _saved(tmp_path / "haichi.sqlite3", problem)
    copy = backup(to_url(path))
    assert copy.parent == tmp_path and copy.name.startswith("haichi-") and copy.suffix == ".sqlite3"


def test_backup_refuses_postgres() -> None:
    with pytest.raises(NotSQLite, match="pg_dump"):
        backup(to_url("postgresql+psycopg://u@127.0.0.1:1/x"))


def test_no_backup_when_nothing_is_migrated(tmp_path: Path, problem: Problem) -> None:
    with Database(tmp_path / "new.sqlite3") as db:  # empty: nothing to lose
        assert db.backup_path is None
    _saved(tmp_path / "new.sqlite3", problem)
    with Database(tmp_path / "new.sqlite3") as db:  # already at head
        assert db.backup_path is None
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == []


def test_backup_before_a_schema_upgrade(tmp_path: Path, problem: Problem, monkeypatch: pytest.MonkeyPatch) -> None:
    # what the first release could hold: no session gave a most of a skill (revision 0007) or a break
    # (0011), nobody worked some days of the week only (0008), had a limit of days a month (0009) or
    # leave written (0010)
    problem = problem.with_(requirements=[replace(r, skill_caps=(), break_minutes=0) for r in problem.requirements],
                            staff=[replace(s, weekdays="", max_days_per_month=None) for s in problem.staff], leave={})
    path = _saved(tmp_path / "haichi.sqlite3", problem)
    _downgrade(path, "0001")  # the file as the first release of Haichi left it
    with Database(path) as db:
        assert db.backup_path is not None
        assert db.backup_path.parent == tmp_path and f"before-{maintenance.head_revision()}" in db.backup_path.name
        assert db.load_problem(problem.name) == problem  # upgraded in place, nothing lost
    with sqlite3.connect(db.backup_path) as connection:  # the copy is the file as it was
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert connection.execute("SELECT name FROM plans").fetchone() == (problem.name,)


def _downgrade(path: Path, revision: str) -> None:
    from alembic import command

    from models.storage.engine import alembic_config, make_engine

    engine = make_engine(to_url(path))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    engine.dispose()


def test_a_database_from_a_newer_haichi_is_refused(tmp_path: Path, problem: Problem) -> None:
    path = _saved(tmp_path / "haichi.sqlite3", problem)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(SchemaUnknown, match="0099"):
        Database(path)
    assert any("0099" in p for p in check(to_url(path)).problems)


def test_check_of_a_healthy_file(tmp_path: Path, problem: Problem) -> None:
    path = _saved(tmp_path / "haichi.sqlite3", problem)
    health = check(to_url(path))
    assert health.ok, health.problems
    assert len(health.facts) == 2


def test_check_never_creates_a_file(tmp_path: Path) -> None:
    health = check(to_url(tmp_path / "missing.sqlite3"))
    assert not health.ok and not (tmp_path / "missing.sqlite3").exists()


def test_check_finds_a_damaged_file(tmp_path: Path, problem: Problem) -> None:
    path = _saved(tmp_path / "haichi.sqlite3", problem)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page + 8: 3 * page] = b"\xff" * (page - 8)  # scribble over a page's b-tree cells
    path.write_bytes(bytes(data))
    assert not check(to_url(path)).ok


def test_check_of_a_stranger_and_of_an_old_schema(tmp_path: Path, problem: Problem,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    assert not check(to_url(other)).ok
    path = _saved(tmp_path / "haichi.sqlite3", problem)
    _downgrade(path, "0001")
    head = maintenance.head_revision()
    behind = check(to_url(path))  # usable: opening it upgrades it, so it is said, not a problem
    assert behind.ok and any("0001" in f and head in f for f in behind.facts)


@pytest.mark.postgres
def test_check_of_postgres(fresh_postgres_url: str) -> None:
    Database(fresh_postgres_url).close()
    health = check(to_url(fresh_postgres_url))
    assert health.ok, health.problems
    engine = make_engine(to_url(fresh_postgres_url))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM alembic_version"))
    engine.dispose()
    assert not check(to_url(fresh_postgres_url)).ok


def test_check_of_an_unreachable_server() -> None:
    health = check(to_url("postgresql+psycopg://nobody@127.0.0.1:1/haichi?connect_timeout=2"))
    assert not health.ok
    assert "cannot open" in health.problems[0] or "開けません" in health.problems[0]
