"""Keeping the database safe: schema revision, backups (also before every migration) and a health check.

Backups use SQLite's online backup API, so they are consistent even while another Haichi window
is writing, and include what is still in the WAL file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from models.i18n import t
from models.storage.engine import alembic_config
from models.storage.errors import StorageError


class SchemaUnknown(StorageError):
    """The database was written by a newer Haichi: its schema revision is not one this version knows."""

    def __init__(self, revision: str):
        self.revision = revision
        super().__init__(t(
            "このデータベースは新しい版の Haichi で作られています (スキーマ {rev})。Haichi を更新してください。",
            "this database was written by a newer Haichi (schema {rev}); please update Haichi.",
            rev=revision,
        ))


class NotSQLite(StorageError):
    """`haichi db backup` copies SQLite files; a PostgreSQL server is backed up with its own tools."""

    def __init__(self) -> None:
        super().__init__(t(
            "バックアップは SQLite ファイルのみ対応です。PostgreSQL は pg_dump でバックアップしてください。",
            "backup copies SQLite files only; back up a PostgreSQL database with pg_dump.",
        ))


def head_revision() -> str:
    """The newest schema revision this version of Haichi knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def schema_revision(engine: Engine) -> str | None:
    """The database's current schema revision (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL, None for PostgreSQL or an in-memory database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def backup(url: URL, target: Path | None = None) -> Path:
    """Copy the SQLite database at `url` to `target` (default: a time-stamped file beside it).

    The copy is written to a temporary name and then renamed, so `target` is never half-written.
    Returns the path written; raises `NotSQLite` for other databases.
    """
    source = sqlite_file(url)
    if source is None:
        raise NotSQLite()
    if target is None:
        target = source.with_name(f"{source.stem}-{datetime.now():%Y%m%d-%H%M%S-%f}.backup{source.suffix}")
    target = target.expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=30)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return target


def backup_before_upgrade(engine: Engine) -> Path | None:
    """Back up a SQLite file whose schema is about to be migrated; returns the backup, or None
    when nothing is migrated (schema at head, empty database, PostgreSQL, in memory).

    Raises `SchemaUnknown` when the database is newer than this Haichi.
    """
    current = schema_revision(engine)
    if current is None:
        return None
    if current not in known_revisions():
        raise SchemaUnknown(current)
    head = head_revision()
    if current == head or sqlite_file(engine.url) is None:
        return None
    source = sqlite_file(engine.url)
    assert source is not None
    name = f"{source.stem}-before-{head}-{datetime.now():%Y%m%d-%H%M%S}.backup{source.suffix}"
    return backup(engine.url, source.with_name(name))


@dataclass
class Health:
    """The result of `check`: `problems` is empty when all is well; `facts` say what was looked at."""

    facts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(url: URL) -> Health:
    """Look at the database without changing it: can it be opened, is SQLite's integrity check
    clean, and is the schema at this Haichi's head revision (one behind is said, not a problem:
    opening the database upgrades it)."""
    health = Health()
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        health.problems.append(t("データベースファイルがありません: {p}", "no database file at {p}", p=path))
        return health
    if path is not None:
        # Read-only: a check must never create, migrate or repair anything.
        engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true", poolclass=NullPool)
    else:
        engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            if path is not None:
                _check_sqlite(connection, health)
            else:
                version = connection.execute(text("SELECT version()")).scalar()
                health.facts.append(t("接続できました: {v}", "connected: {v}", v=str(version).split(",")[0]))
        _check_schema(engine, health)
    except Exception as error:  # any driver failure means the same thing to a user: cannot open
        health.problems.append(t("データベースを開けません: {e}", "cannot open the database: {e}",
                                 e=str(error).splitlines()[0] if str(error) else type(error).__name__))
    finally:
        engine.dispose()
    return health


def _check_sqlite(connection: object, health: Health) -> None:
    rows = [r[0] for r in connection.execute(text("PRAGMA integrity_check"))]  # type: ignore[attr-defined]
    if rows == ["ok"]:
        health.facts.append(t("整合性チェック: 正常", "integrity check: ok"))
    else:
        health.problems += [t("整合性チェック: {r}", "integrity check: {r}", r=r) for r in rows[:20]]
    bad_keys = list(connection.execute(text("PRAGMA foreign_key_check")))  # type: ignore[attr-defined]
    if bad_keys:
        health.problems.append(t("参照の壊れた行が {n} 件あります", "{n} row(s) with broken references", n=len(bad_keys)))


def _check_schema(engine: Engine, health: Health) -> None:
    current, head = schema_revision(engine), head_revision()
    if current == head:
        health.facts.append(t("スキーマ: 最新 ({rev})", "schema: up to date ({rev})", rev=head))
    elif current is None:
        health.problems.append(t("Haichi のデータベースではありません (スキーマがありません)",
                                 "not a Haichi database (no schema)"))
    elif current not in known_revisions():
        health.problems.append(str(SchemaUnknown(current)))
    else:  # behind, not broken: opening it upgrades it, so it is usable
        health.facts.append(t(
            "スキーマが古いままです ({cur}、最新は {head})。Haichi で一度開くと更新されます (更新前に自動でバックアップします)。",
            "schema is behind ({cur}, newest {head}); opening it in Haichi upgrades it (after an automatic backup).",
            cur=current, head=head,
        ))
