"""`haichi db backup|check`, `versions`, `diff`, `audit` and `publish` on a stored plan."""

from __future__ import annotations

import argparse
import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.cli_data import COMMANDS, add_parsers
from models.domain import Assignment, Problem, Requirement, Roster, Staff
from models.i18n import set_language
from models.storage import Database

D1 = date(2026, 4, 1)
PLAN = Problem("2026-04", D1, D1, staff=[Staff("H001", "山田 花子"), Staff("H002", "佐藤 次郎")],
               requirements=[Requirement("am", D1, "灘", "3歳児健診", 540, 720, 1),
                             Requirement("pm", D1, "東灘", "1歳6か月児健診", 780, 960, 1)])


def haichi(*argv: str) -> int:
    """Parse `argv` as `haichi` would (with these sub-commands) and run the command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang")
    common.add_argument("--db")
    parser = argparse.ArgumentParser(prog="haichi", parents=[common])
    add_parsers(parser.add_subparsers(dest="command"), common)
    args = parser.parse_args(list(argv))
    return COMMANDS[args.command](args)


@pytest.fixture
def stored(tmp_path: Path) -> str:
    path = tmp_path / "haichi.sqlite3"
    with Database(path, user="sato") as db:
        db.save_problem(PLAN.name, PLAN)
        db.save_solution(PLAN.name, Roster([Assignment("H001", "am"), Assignment("H002", "pm")]),
                         stats={"objective": 12})
        db.publish(PLAN.name, 1)
        db.save_solution(PLAN.name, Roster([Assignment("H001", "pm", locked=True)]))
    return str(path)


def test_versions(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert haichi("versions", "--plan", PLAN.name, "--db", stored) == 0
    out = capsys.readouterr().out
    assert "plan '2026-04' (write #4)" in out and "by sato (save_solution)" in out
    assert "version 1  published" in out and "2 assignments objective 12" in out
    # each version scored under the plan as it stands (changed since version 1 was published): said beside
    # it, whatever its stored objective; version 2 leaves 灘 short and places someone on a × day
    assert "version 2  draft" in out and "2 hard rule(s) broken" in out.split("version 2")[1]
    assert "objective 12  3 hard rule(s) broken" in out.split("version 2")[0]


def test_versions_say_which_published_one_is_in_force(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Database(stored) as db:
        db.publish(PLAN.name, 2)
    assert haichi("versions", "--plan", PLAN.name, "--db", stored) == 0
    out = capsys.readouterr().out
    assert "version 1  published (earlier)" in out and "version 2  published (in force)" in out


def test_diff_between_published_and_latest(stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "changes.xlsx"
    assert haichi("diff", "--plan", PLAN.name, "published", "latest", "--db", stored, "-o", str(out_file)) == 0
    out = capsys.readouterr().out
    assert "version 1 → version 2" in out
    assert "山田 花子 (H001) moved from 4/1 灘 3歳児健診 09:00-12:00 to 4/1 東灘 1歳6か月児健診 13:00-16:00" in out
    assert "佐藤 次郎 (H002) taken off 4/1 東灘 1歳6か月児健診 13:00-16:00" in out
    rows = list(openpyxl.load_workbook(out_file)["変更"].iter_rows(values_only=True))
    assert [r[3] for r in rows[3:]] == ["moved", "removed"]


def test_diff_refusals_exit_1(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert haichi("diff", "--plan", PLAN.name, "1", "7", "--db", stored) == 1
    assert 'plan "2026-04" has no version 7' in capsys.readouterr().err
    assert haichi("diff", "--plan", PLAN.name, "first", "2", "--db", stored) == 1
    assert "not a version: first" in capsys.readouterr().err
    assert haichi("diff", "--plan", "nope", "1", "2", "--db", stored) == 1
    assert 'plan "nope" not found' in capsys.readouterr().err


def test_audit(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert haichi("audit", "--db", stored, "--limit", "2") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "sato" in lines[0] and "version saved" in lines[0] and "published" in lines[1]
    assert "save_solution" not in lines[0] and "assignments=" not in lines[0] and "version 2" in lines[0]
    set_language("ja")
    try:
        assert haichi("audit", "--db", stored, "--limit", "1") == 0
        assert "版を保存" in capsys.readouterr().out
    finally:
        set_language("en")


def test_publish_and_frozen(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    # version 2 leaves 灘's session without its one person, its other on a blank (×) day: not published
    # (a ward's hand-edited night with no リーダー had gone out with exit code 0), unless --force
    assert haichi("publish", "--plan", PLAN.name, "--db", stored) == 2
    err = capsys.readouterr().err
    assert "version 2 breaks 2 hard rule(s), so it was not published" in err and "--force" in err
    with Database(stored) as db:
        assert [s.status for s in db.list_solutions(PLAN.name)] == ["published", "draft"]
    assert haichi("publish", "--plan", PLAN.name, "--force", "--db", stored) == 0
    out = capsys.readouterr().out
    assert "version 2 published" in out and "note: version 2 just published breaks 2 hard rule(s)" in out
    with Database(stored) as db:
        assert [s.status for s in db.list_solutions(PLAN.name)] == ["published", "published"]


def test_publishing_an_older_version_again_makes_it_the_published_one(stored: str,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Version 2 published, then version 1 again (a rollback): version 1 said it was published but
    2 stayed the published roster everyone else read. It comes back as version 3, published."""
    assert haichi("publish", "--plan", PLAN.name, "--force", "--db", stored) == 0
    assert haichi("publish", "--plan", PLAN.name, "1", "--force", "--db", stored) == 0
    assert "version 1 published again as version 3 (in place of the published version 2)" in capsys.readouterr().out
    with Database(stored) as db:
        assert db.load_solution(PLAN.name, 3).pairs() == db.load_solution(PLAN.name, 1).pairs()
        assert [s.status for s in db.list_solutions(PLAN.name)] == ["published"] * 3


def test_db_backup_and_check(stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "copy.sqlite3"
    assert haichi("db", "backup", "--to", str(target), "--db", stored) == 0
    assert f"backup written: {target}" in capsys.readouterr().out
    assert haichi("db", "check", "--db", str(target)) == 0
    out = capsys.readouterr().out
    assert "integrity check: ok" in out and "schema: up to date" in out and "healthy" in out


def test_db_check_of_a_stranger_and_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    assert haichi("db", "check", "--db", str(other)) == 1
    assert "not a Haichi database" in capsys.readouterr().err
    assert haichi("db", "backup", "--db", str(tmp_path / "none.sqlite3")) == 1
    assert "no database file" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_db_backup_of_postgres_says_pg_dump(capsys: pytest.CaptureFixture[str]) -> None:
    assert haichi("db", "backup", "--db", "postgresql+psycopg://u@127.0.0.1:1/x") == 1
    assert "pg_dump" in capsys.readouterr().err


def test_delete_plan_asks_for_yes_then_removes_it(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A what-if copy of a month counted in the next month's carry-in, and only the window could remove it."""
    assert haichi("db", "delete-plan", "--plan", PLAN.name, "--db", stored) == 1
    assert "would be deleted: run again with --yes" in capsys.readouterr().err
    with Database(stored) as db:
        assert [p.name for p in db.list_plans()] == [PLAN.name]
    assert haichi("db", "delete-plan", "--plan", PLAN.name, "--yes", "--db", stored) == 0
    assert "deleted plan '2026-04' (2 version(s), published: 1)" in capsys.readouterr().out
    with Database(stored) as db:
        assert db.list_plans() == []
