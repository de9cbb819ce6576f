"""What `haichi solve --plan` and `haichi import` say once a version is published: the part of the objective
that is the changes, the hand fixes of a draft made after it, and the published days late marks rule out."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from models.storage import Database
from tests.models.workbooks import write_book

STAFF = {"H001": "山田 花子", "H002": "佐藤 次郎", "H003": "上野 三郎"}
DAYS = (datetime(2026, 4, 1), datetime(2026, 4, 14))
SESSION = "2026-04-01|灘|3歳児健診|13:00"


def run(args: list[object], capsys) -> tuple[int, str]:
    code = main(["--lang", "en", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out + out.err


def book(path: Path, off: dict[str, int] | None = None) -> Path:
    """Three people, one session on each of two days (one person each), every day ○ but the days `off`
    gives (staff ID -> index in DAYS) marked `研修`."""
    off = off or {}
    return write_book(path, {
        "職員": [["職員ID", "氏名"], *([i, n] for i, n in STAFF.items())],
        "枠": [["日付", "会場", "内容", "開始", "終了", "必要人数", "最大人数"],
              [DAYS[0], "灘", "3歳児健診", time(13, 0), time(16, 0), 1, 1],
              [DAYS[1], "東灘", "1歳6か月児健診", time(9, 0), time(12, 0), 1, 1]],
        "勤務可否": [["職員ID", "氏名", *DAYS],
                 *([i, n, *("研修" if off.get(i) == d else "○" for d in range(len(DAYS)))] for i, n in STAFF.items())],
    })


@pytest.fixture
def published(tmp_path: Path, capsys) -> tuple[list[str], str]:
    """A plan solved and published as version 1: (the --db arguments, who works 4/1 in it)."""
    db = ["--db", tmp_path / "plans.sqlite3"]
    assert run(["import", book(tmp_path / "in.xlsx"), "--plan", "4月", *db], capsys)[0] == 0
    code, text = run(["solve", "--plan", "4月", "-o", tmp_path / "v1.xlsx", "--quiet", "--time-limit", "10", *db], capsys)
    assert code == 0, text
    assert run(["publish", "--plan", "4月", *db], capsys)[0] == 0
    with Database(tmp_path / "plans.sqlite3") as store:
        return db, store.load_solution("4月", 1).staff_for(SESSION)[0]


def hand_fix(tmp_path: Path, db: list, worker: str, capsys) -> str:
    """Version 1 exported, its 4/1 person replaced by another in 配置表 and the workbook imported (a draft,
    version 2), as a coordinator fixes a roster in Excel after publishing it; returns who took the place."""
    other = next(i for i in STAFF if i != worker)
    path = tmp_path / "edited.xlsx"
    assert run(["export", "--plan", "4月", "-o", path, *db], capsys)[0] == 0
    edited = openpyxl.load_workbook(path)
    cell = next(c for row in edited["配置表"].iter_rows() for c in row
                if isinstance(c.value, str) and "3歳児健診" in c.value and STAFF[worker] in c.value)
    cell.value = cell.value.replace(STAFF[worker], STAFF[other])
    edited.save(path)
    code, text = run(["import", path, "--plan", "4月", *db], capsys)
    assert code == 0 and "saved as version 2 (draft" in text, text
    return other


def objective(text: str) -> int:
    """The objective of a solve's summary line (`optimal: objective 26, bound …`)."""
    return int(text.split(": objective ", 1)[1].split(",")[0])


def test_solve_after_publishing_says_which_part_of_the_objective_is_the_changes(published, tmp_path: Path,
                                                                                capsys) -> None:
    """The 4/1 person gone to 研修 after publishing: solve said 評価値 66 and check of its workbook 6,
    read as a roster eleven times worse. It says the changes' part, as repair does, and the rest is check's."""
    db, worker = published
    assert run(["import", book(tmp_path / "late.xlsx", {worker: 0}), "--plan", "4月", *db], capsys)[0] == 0
    out = tmp_path / "v2.xlsx"
    code, text = run(["solve", "--plan", "4月", "-o", out, "--quiet", "--time-limit", "10", *db], capsys)
    assert code == 0, text
    assert "20 of the objective is the changes from the published roster (check of the written workbook scores " \
           "it without them: " in text, text
    rest = int(text.split("scores it without them: ", 1)[1].split(")")[0])
    assert objective(text) == rest + 20
    code, checked = run(["check", out], capsys)
    assert code == 0 and checked.strip().endswith(f"objective {rest}"), checked


def test_solve_keeps_the_hand_fix_of_a_draft_made_after_publishing(published, tmp_path: Path, capsys) -> None:
    """A 4/1 person replaced by hand in the roster workbook after publishing (版3, a draft), then late marks
    for another day: solve started from the published version and undid the fix, naming no draft. It now
    stays close to the draft and says so; the fix is kept, and told as a change from the published roster."""
    db, worker = published
    other = hand_fix(tmp_path, db, worker, capsys)
    third = next(i for i in STAFF if i not in (worker, other))
    assert run(["import", book(tmp_path / "late.xlsx", {third: 1}), "--plan", "4月", *db], capsys)[0] == 0
    code, text = run(["solve", "--plan", "4月", "-o", tmp_path / "v3.xlsx", "--quiet", "--time-limit", "10", *db],
                     capsys)
    assert code == 0, text
    assert "the roster is made close to version 2 (a draft), not to the published one, to keep its 2 hand fix(es)" \
        in text, text
    with Database(tmp_path / "plans.sqlite3") as store:
        assert store.load_solution("4月", 3).staff_for(SESSION) == [other]
    assert f"{STAFF[other]} ({other}) added to 4/1 灘" in text and "hand fix(es) of version 2 (a draft) are not" not in text


def test_solve_names_the_hand_fixes_it_could_not_keep(published, tmp_path: Path, capsys) -> None:
    """The person put in by hand goes to 研修 that day: the fix cannot stay, and the warning names the draft,
    how many of its fixes this roster leaves out, each of them, and which a rule now rules out."""
    db, worker = published
    other = hand_fix(tmp_path, db, worker, capsys)
    assert run(["import", book(tmp_path / "late.xlsx", {other: 0}), "--plan", "4月", *db], capsys)[0] == 0
    code, text = run(["solve", "--plan", "4月", "-o", tmp_path / "v3.xlsx", "--quiet", "--time-limit", "10", *db],
                     capsys)
    assert code == 0, text
    assert "warning: 2 hand fix(es) of version 2 (a draft) are not in this roster (" in text, text
    assert f"{STAFF[other]} → 4/1 灘 3歳児健診 13:00-16:00 is missing (it breaks a hard rule now)" in text
    assert "20 of the objective is the changes from version 2 (a draft; check of the written workbook" in text


def test_import_names_the_days_late_marks_rule_out_in_the_published_version(published, tmp_path: Path,
                                                                             capsys) -> None:
    """The 4/1 person of the published version 1 moved off it by hand in draft version 2, then 研修 on 4/1
    imported: only the draft was checked, and nothing was said of the roster the people hold."""
    db, worker = published
    hand_fix(tmp_path, db, worker, capsys)
    code, text = run(["import", book(tmp_path / "late.xlsx", {worker: 0}), "--plan", "4月", *db], capsys)
    assert code == 0, text
    assert "note: 1 assignment(s) of version 1 (published) fall on days the availability just read now rules " \
           f"out ({STAFF[worker]} is unavailable (研修) on 4/1" in text, text
    assert "of version 2 fall" not in text


def test_a_place_in_a_session_called_off_since_is_said_with_its_hours_and_why() -> None:
    """An import's note on the places it leaves behind said a cancelled check-up as `1/4 垂水 妊婦歯科健診 09:30`;
    a session the plan has called off is said with its hours and its 備考."""
    from datetime import date

    from dataclasses import replace

    from desktop.commands import orphans_note
    from models.domain import Assignment, Problem, Requirement

    day = date(2027, 1, 4)
    off = Requirement(Requirement.make_id(day, "垂水", "妊婦歯科健診", 570), day, "垂水", "妊婦歯科健診", 570, 690, 0, 0,
                      notes="会場設備点検のため")
    gone = [Assignment("H014", off.id)]
    plan = Problem("1月", day, date(2027, 1, 31), closed=[off])
    assert "1/4 垂水 妊婦歯科健診 09:30-11:30 (called off: 会場設備点検のため) H014" in orphans_note(gone, 1, True, plan)
    assert "1/4 垂水 妊婦歯科健診 09:30 H014" in orphans_note(gone, 1, True)
    # a 備考 that says 中止 itself is said once: `（中止: 中止（イベントのため））` had read oddly
    said = Problem("1月", day, date(2027, 1, 31), closed=[replace(off, notes="中止（イベントのため）")])
    assert "09:30-11:30 (中止（イベントのため）) H014" in orphans_note(gone, 1, True, said)


def test_marks_replaced_on_import_are_what_a_cell_says(tmp_path) -> None:
    """An exam office's re-import told 13 days of `×→×`: a × day whose 時間帯 column gave hours the stored plan
    had dropped. Hours beside a × say nothing; a mark changed is still said."""
    from datetime import date

    from desktop.operations import marks_replaced
    from models.domain import Mark, Problem, Requirement, Staff
    from models.storage import Database

    day, other = date(2027, 1, 25), date(2027, 1, 26)
    exam = Requirement(Requirement.make_id(day, "A棟101", "1限", 540), day, "A棟101", "1限", 540, 630, 1, 1)
    stored = Problem("後期試験", day, other, [Staff("T1", "高橋 浩")], [], [exam],
                     availability={("T1", day): Mark.UNAVAILABLE, ("T1", other): Mark.AVAILABLE})
    with Database(f"sqlite:///{tmp_path / 'p.db'}") as db:
        db.save_problem(stored.name, stored)
        again = stored.with_(windows={("T1", day): (780, None)})
        assert marks_replaced(db, stored.name, again) == []
        moved = stored.with_(availability={("T1", day): Mark.UNAVAILABLE, ("T1", other): Mark.UNAVAILABLE})
        assert marks_replaced(db, stored.name, moved) == ["T1 高橋 浩 1/26 ○→×"]
