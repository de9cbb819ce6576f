"""配置表 read back when a ward's shifts have a column each (the grid written by sheets_master)."""

from __future__ import annotations

from datetime import datetime, time

import openpyxl
import pytest
from workbooks import standard, write_book

from models.domain import Assignment, Requirement, Roster
from models.excel.export import write_roster
from models.excel.importer import read_workbooks
from models.excel.roster_reader import read_roster_and_grid

STAFF = [["職員ID", "氏名"], ["N01", "佐藤 美咲"], ["N02", "鈴木 彩"], ["N03", "高橋 由美"]]
MARKS = [["職員ID", "氏名", datetime(2027, 2, 1), datetime(2027, 2, 2)],
         ["N01", "佐藤 美咲", "○", "○"], ["N02", "鈴木 彩", "○", "○"], ["N03", "高橋 由美", "○", "○"]]
SHIFTS = [["日付", "会場", "内容", "開始", "終了", "必要人数"],
          *[[datetime(2027, 2, d), "5東", name, start, end, 1]
            for d in (1, 2) for name, start, end in (("日勤", time(8, 30), time(17)), ("準夜", time(16, 30), "25:00"))]]


pytestmark = pytest.mark.usefixtures("english")


def test_a_person_changed_in_a_shift_column_is_read(tmp_path):
    problem = read_workbooks([write_book(tmp_path / "in.xlsx", standard(職員=STAFF, 枠=SHIFTS, 勤務可否=MARKS))])
    day = Requirement.make_id(problem.start, "5東", "日勤", 510)
    late = Requirement.make_id(problem.start, "5東", "準夜", 990)
    write_roster(tmp_path / "roster.xlsx", problem, Roster([Assignment("N01", day), Assignment("N02", late)]))
    book = openpyxl.load_workbook(tmp_path / "roster.xlsx")
    grid = book["配置表"]
    assert [c.value for c in grid[3]] == ["Date", "5東\n日勤", "5東\n準夜"]
    cell = grid.cell(row=4, column=3)
    cell.value = cell.value.replace("鈴木 彩", "高橋 由美")
    book.save(tmp_path / "roster.xlsx")
    _, roster, report = read_roster_and_grid(tmp_path / "roster.xlsx")
    assert {(a.staff_id, a.requirement_id) for a in roster.assignments} == {("N01", day), ("N03", late)}
    assert report.notes() == ["read the change in 配置表!C4 (2/1 5東 準夜 16:30-1:00 (next day): 鈴木 彩 → 高橋 由美)"]


@pytest.mark.parametrize("heading", ["準夜 16:30-翌1:00", "準夜 16:30-1:00 (next day)", "準夜 16:30-25:00"])
def test_a_shift_ending_the_next_day_is_read_in_every_spelling(tmp_path, heading):
    """The heading of a shift that ends the next day as the export writes it in Japanese or English,
    or as exports before 翌 wrote it (25:00)."""
    problem = read_workbooks([write_book(tmp_path / "in.xlsx", standard(職員=STAFF, 枠=SHIFTS, 勤務可否=MARKS))])
    late = Requirement.make_id(problem.start, "5東", "準夜", 990)
    write_roster(tmp_path / "roster.xlsx", problem, Roster([Assignment("N02", late)]))
    book = openpyxl.load_workbook(tmp_path / "roster.xlsx")
    cell = book["配置表"].cell(row=4, column=3)
    cell.value = f"{heading}\n高橋 由美"
    book.save(tmp_path / "roster.xlsx")
    _, roster, _ = read_roster_and_grid(tmp_path / "roster.xlsx")
    assert {(a.staff_id, a.requirement_id) for a in roster.assignments} == {("N03", late)}


def test_names_joined_by_a_middle_dot_are_read_and_a_dot_inside_a_name_kept() -> None:
    """`山田 花子・佐藤 次郎` was refused as naming 「・」 nobody; a name that holds ・ stays one name."""
    from datetime import date

    from models.domain import Problem, Staff
    from models.excel.grid_reader import StaffNames

    names = StaffNames(Problem("x", date(2026, 4, 1), date(2026, 4, 2), staff=[
        Staff("H001", "山田 花子"), Staff("H002", "佐藤 次郎"), Staff("H003", "マリア・ガルシア")]))
    assert names.read("山田 花子・佐藤 次郎") == (["山田花子", "佐藤次郎"], [])
    assert names.read("マリア・ガルシア、山田花子") == (["マリア・ガルシア", "山田花子"], [])
    assert names.read("山田 花子・田中") == (["山田花子"], ["田中"])


def test_a_plan_of_a_few_days_lists_those_days_and_reads_them_back(tmp_path):
    """A holiday clinic's quarter (sessions on 26 days of 90) printed a row for every day; a month
    keeps its calendar (test_export)."""
    days = (datetime(2027, 2, 7), datetime(2027, 3, 7), datetime(2027, 4, 4))
    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数"], *[[d, "休日診療所", "診療", time(9), time(17), 1] for d in days]]
    marks = [["職員ID", "氏名", *days], *[[row[0], row[1], "○", "○", "○"] for row in STAFF[1:]]]
    problem = read_workbooks([write_book(tmp_path / "in.xlsx", standard(職員=STAFF, 枠=sessions, 勤務可否=marks))])
    assert len(problem.days()) > 2 * len(days)
    ids = [Requirement.make_id(d.date(), "休日診療所", "診療", 540) for d in days]
    write_roster(tmp_path / "roster.xlsx", problem, Roster([Assignment("N01", i) for i in ids]))
    book = openpyxl.load_workbook(tmp_path / "roster.xlsx")
    grid = book["配置表"]
    assert [grid.cell(row=r, column=1).value.split("\n")[0] for r in (4, 5, 6)] == ["2/7(Su)", "3/7(Su)", "4/4(Su)"]
    assert grid.max_row == 6
    grid.cell(row=6, column=2).value = grid.cell(row=6, column=2).value.replace("佐藤 美咲", "鈴木 彩")
    book.save(tmp_path / "roster.xlsx")
    _, roster, report = read_roster_and_grid(tmp_path / "roster.xlsx")
    assert {(a.staff_id, a.requirement_id) for a in roster.assignments} == {("N01", ids[0]), ("N01", ids[1]),
                                                                           ("N02", ids[2])}
    assert report.notes() == ["read the change in 配置表!B6 (4/4 休日診療所 診療 09:00-17:00: 佐藤 美咲 → 鈴木 彩)"]
