"""Alembic builds exactly the ORM schema from an empty database, and can go back down."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

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
