"""Storage fixtures: a throw-away PostgreSQL server, and a `db` on SQLite or PostgreSQL.

The server is started once per test session from the machine's PostgreSQL binaries (PATH or
/usr/lib/postgresql/*/bin); without them the PostgreSQL tests are skipped, saying why.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

import pytest

from models.domain import Mark, Problem, Requirement, RuleSetting, ShiftRequest, Site, Staff, TravelBuffers
from models.storage import Database


def _postgres_bin() -> Path | None:
    """The folder holding initdb and pg_ctl, or None if this machine has no PostgreSQL."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(os.path.realpath(initdb)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _as_postgres(args: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; as root, run its tools as the postgres account.
    if _is_root():
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def _run(args: list[str]) -> None:
    done = subprocess.run(_as_postgres(args), capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A running PostgreSQL on a free loopback port; yields `postgresql+psycopg://postgres@127.0.0.1:PORT`."""
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found in PATH or "
                    "/usr/lib/postgresql/*/bin")
    if _is_root() and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL as the postgres user")
    root = Path(tempfile.mkdtemp(prefix="haichi-pg-"))
    if _is_root():
        shutil.chown(root, "postgres", "postgres")
    root.chmod(0o700)
    data, port = root / "data", _free_port()
    started = False
    try:
        _run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
              "--no-locale"])
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-o", options,
              "-w", "-t", "60", "start"])
        started = True
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        if started:
            _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
        shutil.rmtree(root, ignore_errors=True)


def _create_database(server: str, name: str) -> str:
    import psycopg

    dsn = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


@pytest.fixture(scope="session")
def postgres_url(postgres_server: str) -> str:
    """The session's `haichi` database on the throw-away server."""
    return _create_database(postgres_server, "haichi")


@pytest.fixture
def fresh_postgres_url(postgres_server: str) -> str:
    """A new, empty database of its own for one test."""
    return _create_database(postgres_server, f"haichi_{uuid.uuid4().hex[:12]}")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL on each backend: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'haichi.sqlite3'}"
    return str(request.getfixturevalue("fresh_postgres_url"))


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A freshly migrated `Database` on each backend."""
    database = Database(db_url)
    yield database
    database.close()


# -- sample plans --------------------------------------------------------------------------------
def sample_problem(name: str = "2026-04", *, staff_name: str = "山田 花子") -> Problem:
    """A small plan that uses every field a Problem can hold (Japanese text included)."""
    d1, d2, d3 = date(2026, 4, 1), date(2026, 4, 2), date(2026, 4, 3)
    staff = [
        Staff("H001", staff_name, frozenset({"リーダー", "フッ化物"}), home="灘", max_per_day=1,
              max_per_week=3, max_per_month=10, max_per_plan=12, min_per_plan=2, desired_per_month=6,
              max_consecutive_days=3, min_consecutive_days=1, min_consecutive_days_off=2, max_weekends=1,
              max_minutes_per_week=1200, min_minutes_per_week=60, max_minutes_per_month=4800,
              min_minutes_per_month=120, max_minutes_per_plan=5000, min_minutes_per_plan=100,
              max_per_activity=(("3歳児健診", 4), ("妊婦歯科健診", 2)), hourly_rate=1800,
              annual_pay_cap=1_030_000, paid_this_year=250_000, notes="=SUM(A1) は文字"),
        Staff("H002", "Suzuki Ken", active=False),
        Staff("H003", "佐藤", frozenset({"フッ化物"}), weekdays="火木", max_days_per_month=16),
    ]
    sites = [Site("灘", "灘区", "東部"), Site("東灘", "東灘区", "東部"), Site("中央", "", "")]
    requirements = [
        Requirement(Requirement.make_id(d1, "灘", "3歳児健診", 780), d1, "灘", "3歳児健診", 780, 960, 2,
                    max_staff=3, preferred_staff=3, required_skills=(("リーダー", 1), ("フッ化物", 2)),
                    under_weight=20, over_weight=2, notes="午後", skill_caps=(("フッ化物", 3), ("新人", 1))),
        Requirement("n-1", d2, "東灘", "夜勤", 22 * 60, 31 * 60, 1, break_minutes=60),
        Requirement("r-west", d3, "西", "教室", 540, 660, 1),  # a site not in the plan's site list
    ]
    availability = {("H001", d1): Mark.AVAILABLE, ("H001", d2): Mark.PREFER_NOT, ("H002", d1): Mark.UNAVAILABLE,
                    ("H003", d1): Mark.AM_ONLY, ("H003", d3): Mark.PM_ONLY}
    return Problem(
        name=name, start=d1, end=date(2026, 4, 30), staff=staff, sites=sites, requirements=requirements,
        availability=availability, blank_means=Mark.AVAILABLE,
        requests=[ShiftRequest("H003", d2, "", False, 5), ShiftRequest("H001", d1, "3歳児健診", True)],
        forbidden_successions=frozenset({("夜勤", "3歳児健診"), ("夜勤", "教室")}), min_rest_minutes=660,
        travel=TravelBuffers(5, 20, 45),
        rules={"cover_min": RuleSetting(), "fairness": RuleSetting(True, False, 3, {"spread": 2, "on": True},
                                                                   {"H001": {"target": 4.5, "note": "産休明け"}})},
    )


@pytest.fixture
def problem() -> Problem:
    return sample_problem()


@pytest.fixture
def make_problem() -> Callable[..., Problem]:
    """`sample_problem` itself, for tests that need several plans or a changed one."""
    return sample_problem
