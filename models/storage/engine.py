"""Opening a database: where it lives, SQLite settings, and bringing the schema up to date.

Alembic is imported only when a schema has to be created or migrated: a database already at
SCHEMA_HEAD is recognised by one query, and opening it costs no Alembic import (0.4 s of a
desktop start with a plan).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# The newest revision in models/migrations/versions (a test holds the two together).
SCHEMA_HEAD = "0015"
WRITE_OPTION = "haichi_write"  # execution option of write transactions (SQLite: BEGIN IMMEDIATE)


def default_path() -> Path:
    """The per-user SQLite file `…/Haichi/haichi.sqlite3`, made or not."""
    return Path(platformdirs.user_data_dir("Haichi", appauthor=False)) / "haichi.sqlite3"


def default_url() -> str:
    """The URL of default_path() (its folder is created)."""
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return URL.create("sqlite", database=str(path)).render_as_string()


def to_url(location: str | Path) -> URL:
    """A SQLAlchemy URL from a URL string or a bare file path (made absolute, folder created)."""
    text = str(location)
    if "://" in text:
        url = make_url(text)
    else:
        path = Path(text).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        url = URL.create("sqlite", database=str(path))
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")  # the driver we ship
    return url


def _is_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def make_engine(url: URL) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and real BEGIN/COMMIT transactions."""
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": 30}}
    if _is_memory(url):
        # One shared connection, or every checkout would see a new empty database.
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide where transactions begin (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A write takes the file's write lock at BEGIN, so two writers queue instead of one
        # failing half-way with "database is locked" when it first writes.
        immediate = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def alembic_config(url: URL | None = None) -> Config:
    """An Alembic configuration pointing at `models/migrations`, no alembic.ini needed."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        # ConfigParser treats % as interpolation; URLs may hold %-escaped passwords.
        config.set_main_option("sqlalchemy.url", url.render_as_string(False).replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic migrations up to `revision` on `engine`, in one transaction."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def at_head(engine: Engine) -> bool:
    """Whether the database's schema is at SCHEMA_HEAD (read without Alembic: one row of its
    `alembic_version` table). False for an empty database and for any other revision."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return False
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return versions == [SCHEMA_HEAD]
