"""People's days changed in the 勤務表 sheet of an exported roster, read back by `haichi check`."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import openpyxl
import pytest
from workbooks import standard, write_book

from models.domain import Assignment, Requirement, Roster
from models.errors import InvalidInput
from models.excel.export import write_roster
from models.excel.fingerprint import FINGERPRINT_SHEET
from models.excel.importer import read_workbooks
from models.excel.roster_reader import read_roster_and_grid
from models.i18n import set_language

STAFF = [["職員ID", "氏名"], ["N01", "佐藤 美咲"], ["N02", "鈴木 彩"], ["N03", "高橋 由美"]]
SHIFTS = [("日勤", time(8, 30), time(17, 0)), ("準夜", time(16, 30), time(1, 0)), ("深夜", time(0, 30), time(9, 0))]
DAYS = [datetime(2027, 2, d) for d in (1, 2, 3)]
SESSIONS = [["日付", "会場", "内容", "開始", "終了", "必要人数"],
            *([day, "5階東病棟", name, start, end, 1] for day in DAYS for name, start, end in SHIFTS)]
MATRIX = [["職員ID", "氏名", *DAYS], *([row[0], row[1], "○", "○", "○"] for row in STAFF[1:])]


def rid(day: int, activity: str, site: str = "5階東病棟") -> str:
    start = {name: s for name, s, _ in SHIFTS}.get(activity, time(10))
    return Requirement.make_id(datetime(2027, 2, day).date(), site, activity, start.hour * 60 + start.minute)


# as exported: 2/1 日勤 N01, 準夜 N02, 深夜 N03; 2/2 日勤 N02; 2/3 日勤 N01 (locked)
AS_EXPORTED = [("N01", rid(1, "日勤")), ("N02", rid(1, "準夜")), ("N03", rid(1, "深夜")), ("N02", rid(2, "日勤")),
               ("N01", rid(3, "日勤"))]


def exported(tmp_path: Path, sessions=SESSIONS, pairs=AS_EXPORTED) -> Path:
    problem = read_workbooks([write_book(tmp_path / "in.xlsx", standard(職員=STAFF, 勤務可否=MATRIX, 枠=sessions))])
    roster = Roster([Assignment(s, r, locked=r == rid(3, "日勤")) for s, r in pairs])
    write_roster(tmp_path / "roster.xlsx", problem, roster)
    return tmp_path / "roster.xlsx"


def cell_of(path: Path, staff_id: str, day: int) -> str:
    """The 勤務表 cell of a person's day."""
    sheet = openpyxl.load_workbook(path)["勤務表"]
    row = next(r[0].row for r in sheet.iter_rows() if r[0].value == staff_id)
    return f"{openpyxl.utils.get_column_letter(2 + day)}{row}"


def edit(path: Path, sheet: str, changes: dict[str, object]) -> None:
    book = openpyxl.load_workbook(path)
    for cell, value in changes.items():
        book[sheet][cell] = value
    book.save(path)


def as_older_export(path: Path) -> openpyxl.Workbook:
    """The exported workbook, opened, as an export older than the 勤務表 row digests wrote it."""
    book = openpyxl.load_workbook(path)
    sheet = book[FINGERPRINT_SHEET]
    for row in range(sheet.max_row, 2, -1):
        if sheet.cell(row, 3).value == "duty":
            sheet.delete_rows(row)
    return book


def grid_cell_naming(book: openpyxl.Workbook, name: str):
    """The 配置表 cell that names `name`."""
    return next(c for row in book["配置表"].iter_rows() for c in row if isinstance(c.value, str) and name in c.value)


def pairs(roster: Roster) -> set[tuple[str, str]]:
    return {(a.staff_id, a.requirement_id) for a in roster.assignments}


def test_an_unedited_export_reads_back_as_it_was(tmp_path):
    path = exported(tmp_path)
    _, roster, report = read_roster_and_grid(path)
    assert pairs(roster) == set(AS_EXPORTED) and report.notes() == []


def test_days_changed_in_the_duty_roster_are_read_with_short_forms_and_day_off_marks(tmp_path):
    path = exported(tmp_path)
    add, off, move = cell_of(path, "N03", 2), cell_of(path, "N02", 1), cell_of(path, "N02", 2)
    # 高橋 works 2/2's 深夜 (`深` alone names it), 鈴木 takes 2/1 off (休) and moves 2/2 to 準夜
    edit(path, "勤務表", {add: "深", off: "休", move: "準夜"})
    problem, roster, report = read_roster_and_grid(path)
    assert pairs(roster) == {("N01", rid(1, "日勤")), ("N03", rid(1, "深夜")), ("N03", rid(2, "深夜")),
                             ("N02", rid(2, "準夜")), ("N01", rid(3, "日勤"))}
    assert [a.staff_id for a in problem.locked] == ["N01"]  # a row left alone keeps its lock
    assert report.notes() == [f"read the change in 勤務表!{off} (鈴木 彩 2/1: 準夜 -> day off)",
                              f"read the change in 勤務表!{move} (鈴木 彩 2/2: 日勤 -> 準夜)",
                              f"read the change in 勤務表!{add} (高橋 由美 2/2: day off -> 深夜)"]
    set_language("ja")
    assert report.notes()[0] == f"勤務表!{off} の変更を読みました（鈴木 彩 2/1: 準夜 → 休み）"


def test_two_sessions_in_one_cell_and_a_locked_day_moved(tmp_path):
    path = exported(tmp_path)
    cell = cell_of(path, "N01", 3)
    edit(path, "勤務表", {cell: "日勤、準夜"})
    problem, roster, _ = read_roster_and_grid(path)
    assert {("N01", rid(3, "日勤")), ("N01", rid(3, "準夜"))} <= pairs(roster)
    assert [a.staff_id for a in problem.locked] == ["N01"]  # 日勤 still there: still locked
    edit(path, "勤務表", {cell: "深夜"})
    problem, roster, _ = read_roster_and_grid(path)
    assert ("N01", rid(3, "深夜")) in pairs(roster) and problem.locked == []


def test_unreadable_cells_are_refused_naming_the_cell(tmp_path):
    # 2/1: two 日勤; 2/2: 日勤 alone
    sessions = [*SESSIONS[:5], [DAYS[0], "5階東病棟", "日勤", time(9), time(12), 1]]
    path = exported(tmp_path, sessions, [("N01", rid(1, "日勤"))])
    unknown, no_session, two = cell_of(path, "N02", 2), cell_of(path, "N03", 2), cell_of(path, "N02", 1)
    edit(path, "勤務表", {unknown: "夜", no_session: "深夜", two: "日勤"})
    with pytest.raises(InvalidInput) as caught:
        read_roster_and_grid(path)
    found = {p.cell: p.message for p in caught.value.problems}
    assert set(found) == {unknown, no_session, two} and all(p.sheet == "勤務表" for p in caught.value.problems)
    assert found[unknown] == '"夜" is not an activity of the sessions sheet (日勤, 準夜, 深夜) (2/2)'
    assert found[no_session] == 'there is no 深夜 session on 2/2 ("深夜")'
    assert found[two].startswith("2/1 has 2 日勤 sessions (")
    # the person already on one of the two: an unchanged cell names that one
    path = exported(tmp_path, sessions, [("N01", rid(1, "日勤"))])
    _, roster, report = read_roster_and_grid(path)
    assert pairs(roster) == {("N01", rid(1, "日勤"))} and report.notes() == []


def test_a_change_in_the_grid_leaves_the_untouched_duty_roster_unread(tmp_path):
    path = exported(tmp_path)
    book = openpyxl.load_workbook(path)
    grid = grid_cell_naming(book, "鈴木 彩")
    grid.value = grid.value.replace("鈴木 彩", "高橋 由美")  # 2/1 準夜: 鈴木 -> 高橋, in 配置表
    book.save(path)
    _, roster, report = read_roster_and_grid(path)
    assert ("N03", rid(1, "準夜")) in pairs(roster) and ("N02", rid(1, "準夜")) not in pairs(roster)
    assert len(report.notes()) == 1 and report.notes()[0].startswith("read the change in 配置表!")
    # a day of a person moved off 準夜 in 配置表 and onto 深夜 in 勤務表 is read from both
    cell = cell_of(path, "N02", 1)
    edit(path, "勤務表", {cell: "深夜"})
    _, roster, report = read_roster_and_grid(path)
    assert ("N02", rid(1, "深夜")) in pairs(roster) and ("N02", rid(1, "準夜")) not in pairs(roster)
    # 勤務表 still naming 準夜, which 配置表 took the person off: the cell is named, not read
    edit(path, "勤務表", {cell: "準夜、深夜"})
    _, roster, report = read_roster_and_grid(path)
    assert ("N02", rid(1, "深夜")) not in pairs(roster)
    assert report.notes()[-1].startswith(f"note: 勤務表 {cell} not read: the people of that day's sessions were changed")


def test_several_sites_are_read_site_then_activity(tmp_path):
    sessions = [SESSIONS[0], [DAYS[0], "東灘保健センター", "3歳児健診", time(10), time(12), 1],
                [DAYS[0], "灘保健センター", "3歳児健診", time(10), time(12), 1],
                [DAYS[1], "灘保健センター", "1歳6か月児健診", time(10), time(12), 1]]
    path = exported(tmp_path, sessions, [("N01", rid(1, "3歳児健診", "東灘保健センター"))])
    moved, added = cell_of(path, "N01", 1), cell_of(path, "N02", 2)
    assert openpyxl.load_workbook(path)["勤務表"][moved].value == "東灘\n3歳"
    edit(path, "勤務表", {moved: "灘 3歳", added: "灘\n1歳"})
    _, roster, _ = read_roster_and_grid(path)
    assert pairs(roster) == {("N01", rid(1, "3歳児健診", "灘保健センター")),
                             ("N02", rid(2, "1歳6か月児健診", "灘保健センター"))}


def test_an_older_export_without_row_digests_is_read_all_the_same(tmp_path):
    path = exported(tmp_path)
    book = as_older_export(path)
    cell = cell_of(path, "N03", 3)
    book["勤務表"][cell] = "日勤"
    book.save(path)
    _, roster, report = read_roster_and_grid(path)
    assert ("N03", rid(3, "日勤")) in pairs(roster) and len(report.notes()) == 1


def test_a_reworked_layout_is_not_read_and_said_so(tmp_path):
    path = exported(tmp_path)
    book = openpyxl.load_workbook(path)
    book["勤務表"].insert_cols(3)  # a column put in before the days
    book.save(path)
    _, roster, report = read_roster_and_grid(path)
    assert pairs(roster) == set(AS_EXPORTED)
    assert report.notes() == ["note: 勤務表 is no longer laid out as exported, so changes made in it cannot be read."]


def test_an_older_export_edited_in_the_grid_alone_reads_no_duty_change_and_names_no_cell(tmp_path):
    """An export without the 勤務表 row digests, changed in 配置表 only: the 勤務表 cells that show the
    sessions changed there are the roster as exported, neither read nor named."""
    path = exported(tmp_path)
    book = as_older_export(path)
    grid = grid_cell_naming(book, "鈴木 彩")
    grid.value = grid.value.replace("鈴木 彩", "高橋 由美")
    book.save(path)
    _, roster, report = read_roster_and_grid(path)
    assert ("N03", rid(1, "準夜")) in pairs(roster)
    assert len(report.notes()) == 1 and report.notes()[0].startswith("read the change in 配置表!")


def test_a_day_after_a_night_is_named_as_such_in_the_note(tmp_path):
    """A 夜勤 16:30-9:00 on 2/1 makes 2/2 明 in the sheet: a 日勤 written there replaces 明, not
    a day off, and taking the night away leaves 2/2 a day off."""
    night = [["日付", "会場", "内容", "開始", "終了", "必要人数"],
             *([day, "5階東病棟", name, start, end, 1] for day in DAYS
               for name, start, end in (("日勤", time(8, 30), time(17, 0)), ("夜勤", time(16, 30), time(9, 0))))]
    path = exported(tmp_path, sessions=night,
                    pairs=[("N02", Requirement.make_id(DAYS[0].date(), "5階東病棟", "夜勤", 16 * 60 + 30))])
    after, next_day = cell_of(path, "N02", 2), cell_of(path, "N02", 3)
    assert openpyxl.load_workbook(path)["勤務表"][after].value == "PN"  # 明 in Japanese
    edit(path, "勤務表", {after: "日勤", next_day: "夜勤"})
    _, _, report = read_roster_and_grid(path)
    assert report.notes() == [f"read the change in 勤務表!{after} (鈴木 彩 2/2: after night -> 日勤)",
                              f"read the change in 勤務表!{next_day} (鈴木 彩 2/3: day off -> 夜勤)"]


def test_a_shift_named_like_a_day_away_reads_back_as_the_shift(tmp_path):
    """A ward whose 13:00-15:00 shift is 研修 (a word that, in 勤務可否, is a day away): its 勤務表
    cell is that shift, read back unchanged and as a change when written by hand."""
    training = [*SESSIONS, *([day, "5階東病棟", "研修", time(13), time(15), 1] for day in DAYS)]
    held = Requirement.make_id(DAYS[0].date(), "5階東病棟", "研修", 13 * 60)
    path = exported(tmp_path, sessions=training, pairs=[*AS_EXPORTED, ("N02", held)])
    _, roster, report = read_roster_and_grid(path)
    assert ("N02", held) in pairs(roster) and report.notes() == []
    edit(path, "勤務表", {cell_of(path, "N03", 2): "研修"})
    _, roster, _ = read_roster_and_grid(path)
    assert ("N03", Requirement.make_id(DAYS[1].date(), "5階東病棟", "研修", 13 * 60)) in pairs(roster)


def test_a_clinics_morning_and_afternoon_are_told_apart_and_read_back(tmp_path):
    """One site and activity held twice a day: the 勤務表 writes 午前/午後 below (a cell said 医師 alone,
    which session was it?), reads the sheet back unchanged, and reads a moved half."""
    clinic = [["日付", "会場", "内容", "開始", "終了", "必要人数"],
              *([day, "灘", "健診", start, end, 1] for day in DAYS[:2]
                for start, end in ((time(9), time(12)), (time(13, 30), time(16, 30))))]
    am, pm = (Requirement.make_id(DAYS[0].date(), "灘", "健診", start) for start in (540, 810))
    path = exported(tmp_path, sessions=clinic, pairs=[("N01", am), ("N02", pm)])
    cell = cell_of(path, "N01", 1)
    assert openpyxl.load_workbook(path)["勤務表"][cell].value.splitlines()[-1] == "AM"
    _, roster, report = read_roster_and_grid(path)
    assert pairs(roster) == {("N01", am), ("N02", pm)} and report.notes() == []
    edit(path, "勤務表", {cell: "健診\n午後", cell_of(path, "N02", 1): None})
    _, roster, report = read_roster_and_grid(path)
    assert pairs(roster) == {("N01", pm)}, report.notes()


def test_a_site_and_its_activity_written_together_and_a_day_of_leave_named_in_the_note(tmp_path):
    """A library's `東分館日勤` (no space) was refused as no activity; a day of 有休 typed over was said as 休み."""
    sessions = [SESSIONS[0], [DAYS[0], "東灘保健センター", "3歳児健診", time(10), time(12), 1],
                [DAYS[0], "灘保健センター", "3歳児健診", time(10), time(12), 1]]
    problem = read_workbooks([write_book(tmp_path / "in.xlsx", standard(
        職員=STAFF, 勤務可否=[*MATRIX[:2], ["N02", "鈴木 彩", "有休", "○", "○"], MATRIX[3]], 枠=sessions))])
    write_roster(tmp_path / "roster.xlsx", problem, Roster([Assignment("N01", rid(1, "3歳児健診", "東灘保健センター"))]))
    path = tmp_path / "roster.xlsx"
    moved, away = cell_of(path, "N01", 1), cell_of(path, "N02", 1)
    edit(path, "勤務表", {moved: "灘保健センター3歳児健診", away: "東灘3歳"})
    _, roster, report = read_roster_and_grid(path)
    assert pairs(roster) == {("N01", rid(1, "3歳児健診", "灘保健センター")), ("N02", rid(1, "3歳児健診", "東灘保健センター"))}
    assert f"read the change in 勤務表!{away} (鈴木 彩 2/1: 有休 -> 東灘保健センター 3歳児健診)" in report.notes()
    edit(path, "勤務表", {away: "3歳"})  # one at each site that day: the cell is told to name the site
    with pytest.raises(InvalidInput) as caught:
        read_roster_and_grid(path)
    [said] = [p.message for p in caught.value.problems]
    assert said.startswith("2/1 has 2 3歳児健診 sessions (") and said.endswith('write the site first, as in "東灘 3歳児健診"')
