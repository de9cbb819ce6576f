"""Alembic builds exactly the ORM schema from an empty database, and can go back down."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from models.storage import Database
from models.storage.engine import alembic_config, make_engine, to_url, upgrade
from models.storage.orm import Base


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
