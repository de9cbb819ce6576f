"""Where the database lives and how a location given by the user becomes a URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.storage import Database, default_url
from models.storage.engine import to_url


def test_default_url_is_in_the_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data" / "Haichi"
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(folder))
    url = default_url()
    assert folder.is_dir()
    assert to_url(url).database == str(folder / "haichi.sqlite3")
    assert url.startswith("sqlite:///")


def test_a_bare_path_becomes_a_sqlite_url(tmp_path: Path) -> None:
    url = to_url(tmp_path / "sub dir" / "plans.sqlite3")
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "sub dir" / "plans.sqlite3")
    assert (tmp_path / "sub dir").is_dir()


def test_relative_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert to_url("plans.sqlite3").database == str(tmp_path / "plans.sqlite3")


def test_postgres_urls_get_the_psycopg_driver() -> None:
    assert to_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert to_url("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"


def test_database_without_url_uses_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "Haichi"))
    with Database() as db:
        assert db.url.database == str(tmp_path / "Haichi" / "haichi.sqlite3")
    assert (tmp_path / "Haichi" / "haichi.sqlite3").exists()


def test_in_memory_database_keeps_its_data() -> None:
    with Database("sqlite://") as db:
        from datetime import date

        from models.domain import Problem

        db.save_problem("m", Problem("m", date(2026, 4, 1), date(2026, 4, 2)))
        assert [p.name for p in db.list_plans()] == ["m"]
