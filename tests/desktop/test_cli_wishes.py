"""Shift wishes (`日勤` in the 勤務可否 sheet) through the command line: solved, written back, checked alike."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

from desktop.cli import main
from tests.models.test_availability_wishes import WARD_SESSIONS
from tests.models.workbooks import MATRIX_ROWS, standard, write_book


def _objective(text: str) -> int:
    return int(re.findall(r"objective (\d+)", text)[-1])


def test_wishes_are_written_back_and_check_gives_the_solve_s_objective(tmp_path: Path, capsys) -> None:
    """Both ask for 4/1's one 日勤: one wish is met, one costs 1; the roster's 勤務可否 keeps the
    wishes, so `check` reads the same problem and finds the same objective and the unmet wish."""
    marks = [MATRIX_ROWS[0], ["H001", "山田 花子", "日勤", "深夜希望"], ["H002", "佐藤 次郎", "日勤", "○"]]
    book = write_book(tmp_path / "ward.xlsx", standard(枠=WARD_SESSIONS, 勤務可否=marks))
    roster = tmp_path / "roster.xlsx"
    assert main(["--lang", "en", "solve", str(book), "-o", str(roster), "--time-limit", "10"]) == 0
    solved = capsys.readouterr().out
    sheet = openpyxl.load_workbook(roster, read_only=True)["勤務可否"]
    rows = [[row[0], row[2], row[15]] for row in sheet.iter_rows(min_row=2, max_row=3, values_only=True)]
    assert rows == [["H001", "日勤", "深夜"], ["H002", "日勤", "○"]]
    assert main(["--lang", "en", "check", str(roster)]) == 0
    checked = capsys.readouterr().out
    assert _objective(solved) == _objective(checked) == 1
    assert re.search(r"(山田 花子|佐藤 次郎) asked for 日勤 on 4/1 but did not get it\. \(penalty 1\)", checked)


def test_import_says_how_many_wishes_it_read(tmp_path: Path, capsys) -> None:
    marks = [MATRIX_ROWS[0], ["H001", "山田 花子", "日勤", "深夜希望"], ["H002", "佐藤 次郎", "日勤", "○"]]
    book = write_book(tmp_path / "ward.xlsx", standard(枠=WARD_SESSIONS, 勤務可否=marks))
    assert main(["--lang", "en", "import", str(book), "--db", str(tmp_path / "plans.db")]) == 0
    assert "3 shift wish(es) (shift names in availability cells)" in capsys.readouterr().out
