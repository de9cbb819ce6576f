"""週日数上限 and 在籍 on the 職員 sheet: read, kept by the database, written back by the export."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from workbooks import standard, write_book

from models.domain import Roster
from models.excel.export import write_roster
from models.excel.importer import read_workbooks
from models.storage import Database


def test_days_a_week_go_from_the_staff_sheet_to_the_database_and_back(tmp_path: Path) -> None:
    staff = [["職員ID", "氏名", "週上限", "週日数上限"], ["H001", "山田 花子", 6, "3日"], ["H002", "佐藤 次郎", None, None]]
    problem = read_workbooks([write_book(tmp_path / "s.xlsx", standard(職員=staff))])
    assert [(s.max_per_week, s.max_days_per_week) for s in problem.staff] == [(6, 3), (None, None)]
    with Database(tmp_path / "h.sqlite3") as db:
        db.save_problem("4月", problem)
        assert db.load_problem("4月").staff_by_id("H001").max_days_per_week == 3
    write_roster(tmp_path / "r.xlsx", problem, Roster())
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["職員"]
    header = [c.value for c in sheet[1]]
    assert sheet.cell(2, header.index("週日数上限") + 1).value == 3


def test_someone_away_for_the_plan_is_marked_in_the_在籍_column(tmp_path: Path) -> None:
    """A nurse on maternity leave: 在籍 × (or 産休) leaves her out of the roster; the column was
    ignored without a word and she got 14 shifts. Written back as ×, read again the same."""
    staff = [["職員ID", "氏名", "在籍"], ["H001", "山田 花子", "産休"], ["H002", "佐藤 次郎", None]]
    problem = read_workbooks([write_book(tmp_path / "a.xlsx", standard(職員=staff))])
    assert [(s.id, s.active) for s in problem.staff] == [("H001", False), ("H002", True)]
    assert [s.id for s in problem.active_staff()] == ["H002"]
    write_roster(tmp_path / "r.xlsx", problem, Roster())
    again = read_workbooks([tmp_path / "r.xlsx"])
    assert [(s.id, s.active) for s in again.staff] == [("H001", False), ("H002", True)]
