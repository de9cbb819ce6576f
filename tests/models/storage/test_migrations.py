"""Alembic builds exactly the ORM schema from an empty database, and can go back down."""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, MetaData, insert, inspect, select, text

from models.domain import Problem, Site, Staff
from models.storage import Database
from models.storage.engine import SCHEMA_HEAD, alembic_config, make_engine, to_url, upgrade
from models.storage.maintenance import head_revision
from models.storage.orm import Base

ROOT = Path(__file__).resolve().parents[3]


def _differences(db: Database) -> list[object]:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(context, Base.metadata))


def test_migrations_create_the_orm_schema(db_url: str) -> None:
    with Database(db_url) as db:
        tables = set(inspect(db.engine).get_table_names())
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
        assert _differences(db) == []


def test_opening_twice_is_harmless(db_url: str) -> None:
    Database(db_url).close()
    with Database(db_url) as db:
        assert db.list_plans() == []


def test_downgrade_to_empty_and_back(db_url: str) -> None:
    engine = make_engine(to_url(db_url))
    try:
        upgrade(engine)
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(engine)
        assert "plans" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_named_constraints() -> None:
    staff = Base.metadata.tables["staff"]
    assert {c.name for c in staff.constraints} >= {"pk_staff", "uq_staff_code"}
    assert {i.name for i in Base.metadata.tables["assignments"].indexes} == {
        "ix_assignments_solution_id", "ix_assignments_staff_id"
    }


def test_schema_head_is_the_newest_migration() -> None:
    assert SCHEMA_HEAD == head_revision()


def test_a_database_at_head_opens_without_alembic(tmp_path: Path) -> None:
    """The fast path of Database(): an up-to-date file is recognised by one query, and Alembic
    is not even imported (checked in a fresh interpreter, where nothing else loaded it)."""
    path = tmp_path / "plans.sqlite3"
    Database(path).close()
    script = ("import sys; from models.storage import Database; db = Database(sys.argv[1]); "
              "print(db.backup_path, 'alembic' in sys.modules, db.list_plans())")
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.split() == ["None", "False", "[]"]


# -- 0004: each plan keeps its own copy of its people's values -----------------------------------
@contextmanager
def _at(url: str, revision: str) -> Iterator[tuple[Connection, MetaData]]:
    """A connection (in a transaction) to a database as Haichi at schema `revision` left it, with its tables."""
    engine = make_engine(to_url(url))
    try:
        upgrade(engine, revision)
        tables = MetaData()
        tables.reflect(engine)
        with engine.begin() as connection:
            yield connection, tables
    finally:
        engine.dispose()


def _add(connection: Connection, tables: MetaData, name: str, *rows: dict[str, object]) -> dict[str, int]:
    """Insert `rows` into table `name`; returns the row id by code (staff) or name (sites, plans)."""
    table = tables.tables[name]
    connection.execute(insert(table), list(rows))
    key = table.c.get("code", table.c.get("name"))
    return {} if key is None else dict(connection.execute(select(key, table.c.id)).all())


def _january_and_february(connection: Connection, tables: MetaData) -> dict[str, int]:
    """The plans 1月 and 2月 of 2027; their row ids by name."""
    stamp = datetime(2027, 1, 20, tzinfo=timezone.utc)
    return _add(connection, tables, "plans", *(
        {"name": name, "start_date": start, "end_date": end, "blank_means": "AVAILABLE", "min_rest_minutes": 0,
         "travel_same_site": 0, "travel_same_group": 30, "travel_other_group": 60, "version": 1, "created": stamp,
         "updated": stamp}
        for name, start, end in (("1月", date(2027, 1, 1), date(2027, 1, 31)),
                                 ("2月", date(2027, 2, 1), date(2027, 2, 28)))))


def _at_0003_with_two_plans(url: str) -> None:
    """A database as Haichi at schema 0003 left it: one register row per person for both plans."""
    with _at(url, "0003") as (connection, tables):
        nothing = dict.fromkeys(c.name for c in tables.tables["staff"].c if c.name not in ("id", "code", "name"))
        staff = _add(connection, tables, "staff",
                     nothing | {"code": "N01", "name": "看護 一子", "max_consecutive_days": 4, "hourly_rate": 1800,
                                "annual_pay_cap": 1_030_000, "paid_this_year": 250_000, "active": True, "home": "",
                                "notes": "夜勤可"},
                     nothing | {"code": "N02", "name": "看護 二郎", "paid_this_year": 0, "active": False, "home": "",
                                "notes": ""})
        n01 = staff["N01"]
        _add(connection, tables, "staff_skills",
             {"staff_id": n01, "skill": "リーダー"}, {"staff_id": n01, "skill": "夜勤"})
        _add(connection, tables, "staff_activity_limits",
             {"staff_id": n01, "activity": "準夜+深夜", "max_count": 8, "position": 0},
             {"staff_id": n01, "activity": "日勤", "max_count": 20, "position": 1})
        plans = _january_and_february(connection, tables)
        _add(connection, tables, "plan_staff", *({"plan_id": plan_id, "staff_id": staff[code], "position": i}
                                                 for plan_id in plans.values() for i, code in enumerate(("N01", "N02"))))


REGISTERED = [
    Staff("N01", "看護 一子", frozenset({"リーダー", "夜勤"}), max_consecutive_days=4,
          max_per_activity=(("準夜+深夜", 8), ("日勤", 20)), hourly_rate=1800, annual_pay_cap=1_030_000,
          paid_this_year=250_000, notes="夜勤可"),
    Staff("N02", "看護 二郎", active=False),
]


def _each_plan_keeps_its_own(db_url: str, field: str, registered: list[object], changed: list[object]) -> None:
    """Opening the database upgrades it (a SQLite file backed up first) to the ORM's schema; both plans
    load the register's `field` (Problem.staff or .sites), and February saved with `changed` leaves
    January's as it was."""
    with Database(db_url) as db:
        assert db.backup_path is not None or not db_url.startswith("sqlite")
        assert _differences(db) == []
        february = db.load_problem("2月")
        assert getattr(db.load_problem("1月"), field) == getattr(february, field) == registered
        db.save_problem("2月", february.with_(**{field: changed}))
        assert getattr(db.load_problem("1月"), field) == registered
        assert getattr(db.load_problem("2月"), field) == changed


def test_a_0003_database_upgrades_each_plan_to_the_register_s_values(db_url: str) -> None:
    """Opened by this Haichi, the file is upgraded in place: both plans keep the values they were
    solved with (the register's), and from then on February's import leaves January's alone."""
    _at_0003_with_two_plans(db_url)
    two_shift = [replace(REGISTERED[0], max_per_activity=(("夜勤", 5),), paid_this_year=0), REGISTERED[1]]
    _each_plan_keeps_its_own(db_url, "staff", REGISTERED, two_shift)


def _save_then_downgrade(db: Database, january: Problem, february: Problem, revision: str) -> None:
    """Save February, then January (saved last, but February is the newer plan); go down to `revision`."""
    db.save_problem("2月", february)
    db.save_problem("1月", january)
    db.engine.dispose()
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_downgrade_to_0003_gives_the_register_each_person_s_newest_plan(db_url: str) -> None:
    with Database(db_url) as db:
        january = Problem("1月", date(2027, 1, 1), date(2027, 1, 31), staff=REGISTERED)
        february = january.with_(name="2月", start=date(2027, 2, 1), end=date(2027, 2, 28),
                                 staff=[replace(REGISTERED[0], skills=frozenset({"夜勤"}), hourly_rate=2000,
                                                max_per_activity=(("夜勤", 5),), notes="")])
        _save_then_downgrade(db, january, february, "0003")
        with db.engine.connect() as connection:
            staff = {r.code: r for r in connection.execute(text("SELECT * FROM staff"))}
            skills = connection.execute(text("SELECT staff_id, skill FROM staff_skills")).all()
            limits = connection.execute(text("SELECT staff_id, activity, max_count FROM staff_activity_limits")).all()
        assert (staff["N01"].hourly_rate, staff["N01"].notes, staff["N01"].paid_this_year) == (2000, "", 250_000)
        assert (bool(staff["N02"].active), staff["N02"].hourly_rate) == (False, None)  # only in January
        assert skills == [(staff["N01"].id, "夜勤")] and limits == [(staff["N01"].id, "夜勤", 5)]
    with Database(db_url) as db:  # and up again: every plan gets the register's values
        assert db.load_problem("1月").staff[0] == february.staff[0]


# -- 0005: each plan keeps its own copy of its sites' area and travel group ----------------------
REGISTERED_SITES = [Site("5東", "本館", "北"), Site("外来")]


def _at_0004_with_two_plans(url: str) -> None:
    """A database as Haichi at schema 0004 left it: one register row per site for both plans."""
    with _at(url, "0004") as (connection, tables):
        sites = _add(connection, tables, "sites", {"name": "5東", "area": "本館", "travel_group": "北"},
                     {"name": "外来", "area": "", "travel_group": ""})
        plans = _january_and_february(connection, tables)
        _add(connection, tables, "plan_sites", *({"plan_id": plan_id, "site_id": sites[name], "position": i}
                                                 for plan_id in plans.values() for i, name in enumerate(("5東", "外来"))))


def test_a_0004_database_upgrades_each_plan_to_the_register_s_sites(db_url: str) -> None:
    """Opened by this Haichi, both plans keep the sites they were solved with (the register's), and
    from then on February's import, which moves 5東 to another travel group, leaves January's alone."""
    _at_0004_with_two_plans(db_url)
    _each_plan_keeps_its_own(db_url, "sites", REGISTERED_SITES, [Site("5東", "新館", "南"), Site("外来")])


def test_downgrade_to_0004_gives_the_register_each_site_s_newest_plan(db_url: str) -> None:
    with Database(db_url) as db:
        january = Problem("1月", date(2027, 1, 1), date(2027, 1, 31),
                          sites=[*REGISTERED_SITES, Site("検査室", "地下")])
        february = january.with_(name="2月", start=date(2027, 2, 1), end=date(2027, 2, 28),
                                 sites=[Site("5東", "新館", "南")])
        _save_then_downgrade(db, january, february, "0004")
        with db.engine.connect() as connection:
            sites = {r.name: (r.area, r.travel_group) for r in connection.execute(text("SELECT * FROM sites"))}
        assert sites == {"5東": ("新館", "南"), "外来": ("", ""), "検査室": ("地下", "")}
    with Database(db_url) as db:  # and up again: every plan gets the register's values
        assert db.load_problem("1月").sites[0] == Site("5東", "新館", "南")
