"""The 変更 sheet lists each change with date, person, kind, before and after."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl import Workbook

from models.domain import Assignment, Problem, Requirement, Roster, Staff
from models.excel.changes_sheet import CHANGES_SHEET, write_changes
from models.i18n import language, set_language

D1 = date(2026, 4, 1)
AM = Requirement("am", D1, "灘", "3歳児健診", 540, 720, 1)
PM = Requirement("pm", D1, "東灘", "=1歳6か月児健診", 780, 960, 1)
PLAN = Problem("2026-04", D1, D1, staff=[Staff("H001", "山田 花子")], requirements=[AM, PM])


def _write(tmp_path: Path, before: Roster, after: Roster) -> tuple[int, list[tuple[object, ...]]]:
    previous = language()
    set_language("ja")
    try:
        wb = Workbook(write_only=True)
        written = write_changes(wb, PLAN, before, after, "版 1", "版 2")
        wb.save(tmp_path / "c.xlsx")
    finally:
        set_language(previous)
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx")[CHANGES_SHEET]
    return written, [tuple(r) for r in ws.iter_rows(values_only=True)]


def test_a_move_is_one_row(tmp_path: Path) -> None:
    written, rows = _write(tmp_path, Roster([Assignment("H001", "am")]), Roster([Assignment("H001", "pm")]))
    assert written == 1
    assert rows[0][0] == "2026-04 変更一覧" and rows[1][0] == "版 1 → 版 2"
    assert rows[2] == ("日付", "職員ID", "氏名", "変更", "変更前", "変更後")
    # Text that looks like a formula stays text.
    assert rows[3] == (datetime(2026, 4, 1), "H001", "山田 花子", "移動", "4/1 灘 3歳児健診 09:00-12:00",
                       "4/1 東灘 =1歳6か月児健診 13:00-16:00")


def test_no_changes_says_so(tmp_path: Path) -> None:
    roster = Roster([Assignment("H001", "am")])
    written, rows = _write(tmp_path, roster, roster)
    assert written == 0
    assert rows[3][0] == "変更はありません"
