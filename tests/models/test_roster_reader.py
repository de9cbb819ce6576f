"""A roster workbook written by hand (input sheets + Assignments) read back for `haichi check`."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from workbooks import MATRIX_ROWS, SESSION_ROWS, STAFF_ROWS, standard, write_book

from models.domain import Assignment, Requirement, Roster
from models.errors import InvalidInput
from models.excel.export import write_roster
from models.excel.importer import read_workbooks
from models.excel.roster_reader import read_roster, read_roster_and_grid
from models.excel.schema import ASSIGNMENTS_COLUMNS
from models.i18n import set_language

NADA = Requirement.make_id(date(2026, 4, 1), "灘", "3歳児健診", 13 * 60)
HIGASHINADA = Requirement.make_id(date(2026, 4, 14), "東灘", "1歳6か月児健診", 9 * 60)


def problems_of(path) -> list:
    """The problems `read_roster` raises for the roster workbook at `path` (it must raise)."""
    with pytest.raises(InvalidInput) as caught:
        read_roster(path)
    return caught.value.problems


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py: messages in English


def roster_book(tmp_path, rows):
    sheets = {**standard(), "配置表": [["4月 配置表"]], "Assignments": [list(ASSIGNMENTS_COLUMNS), *rows]}
    return write_book(tmp_path / "roster.xlsx", sheets)


def test_assignments_read_back_with_locks(tmp_path):
    path = roster_book(tmp_path, [
        ["2026-04-01", "灘", "3歳児健診", "13:00", "16:00", "H001", "山田 花子", "TRUE"],
        ["2026-04-01", "灘", "3歳児健診", "13:00", "16:00", "H002", "佐藤 次郎", "FALSE"],
        [],
        ["2026-04-14", "東灘", "1歳6か月児健診", "09:00", "12:00", "H002", "佐藤 次郎", False],
    ])
    problem, roster = read_roster(path)
    assert roster.assignments == [
        Assignment("H001", NADA, locked=True, source="import"),
        Assignment("H002", NADA, locked=False, source="import"),
        Assignment("H002", HIGASHINADA, locked=False, source="import"),
    ]
    assert problem.locked == [Assignment("H001", NADA, locked=True, source="import")]
    assert sorted(roster.staff_for(NADA)) == ["H001", "H002"]
    assert problem.has_requirement(NADA) and len(problem.staff) == 2


def test_empty_assignments_sheet_is_an_empty_roster(tmp_path):
    problem, roster = read_roster(roster_book(tmp_path, []))
    assert roster.assignments == [] and problem.locked == []


def test_unknown_session_and_staff_reported_with_cells(tmp_path):
    path = roster_book(tmp_path, [
        ["2026-04-01", "灘", "3歳児健診", "13:00", "16:00", "H001", "山田 花子", "TRUE"],
        ["2026-04-02", "灘", "3歳児健診", "13:00", "16:00", "H001", "山田 花子", "FALSE"],
        ["2026-04-01", "灘", "3歳児健診", "13:00", "16:00", "H404", "誰", "FALSE"],
        ["2026-04-01", "灘", "3歳児健診", "13:00", "17:00", "H002", "佐藤 次郎", "maybe"],
    ])
    problems = problems_of(path)
    assert [(p.sheet, p.cell) for p in problems] == [
        ("Assignments", "A3"), ("Assignments", "F4"), ("Assignments", "H5"),
    ]
    assert "session 4/2 灘 3歳児健診 13:00-16:00 is not on the sessions sheet" in problems[0].message


def test_end_that_differs_from_the_session_is_unknown(tmp_path):
    path = roster_book(tmp_path, [["2026-04-01", "灘", "3歳児健診", "13:00", "17:00", "H002", "佐藤", "FALSE"]])
    problems = problems_of(path)
    assert [p.cell for p in problems] == ["A2"]


def test_missing_assignments_sheet_or_column(tmp_path):
    path = write_book(tmp_path / "r.xlsx", standard())
    problems = problems_of(path)
    assert [p.message for p in problems] == ['sheet "Assignments" is missing']
    columns = [c for c in ASSIGNMENTS_COLUMNS if c != "locked"]
    path = write_book(tmp_path / "r2.xlsx", {**standard(), "Assignments": [columns]})
    problems = problems_of(path)
    assert [(p.cell, p.message) for p in problems] == [("A1", 'required column "locked" is missing')]


def test_exported_roster_reads_back_unchanged(tmp_path):
    problem = read_workbooks([write_book(tmp_path / "in.xlsx", standard())])
    roster = Roster([Assignment("H001", NADA, locked=True), Assignment("H002", HIGASHINADA)])
    write_roster(tmp_path / "out.xlsx", problem, roster)
    again, read_back = read_roster(tmp_path / "out.xlsx")
    assert read_back.pairs() == roster.pairs()
    assert [a.staff_id for a in again.locked] == ["H001"]
    assert (again.staff, again.requirements, again.availability) == (
        problem.staff, problem.requirements, problem.availability)


def test_name_that_is_not_the_ids_person_is_reported_not_ignored(tmp_path):
    # A coordinator who swaps a person by retyping the name alone must not get the old person checked.
    path = roster_book(tmp_path, [
        ["2026-04-01", "灘", "3歳児健診", "13:00", "16:00", "H001", "佐藤 次郎", "FALSE"],
        ["2026-04-01", "灘", "3歳児健診", "13:00", "16:00", "H002", "佐藤 二郎", "FALSE"],
        ["2026-04-14", "東灘", "1歳6か月児健診", "09:00", "12:00", "H001", "H002", "FALSE"],
    ])
    problems = problems_of(path)
    assert [(p.sheet, p.cell) for p in problems] == [
        ("Assignments", "G2"), ("Assignments", "G3"), ("Assignments", "G4"),
    ]
    first, typo, an_id = (p.message for p in problems)
    assert 'name "佐藤 次郎" does not match staff ID H001 (山田 花子)' in first and "staff ID H002" in first
    assert 'name "佐藤 二郎" does not match staff ID H002 (佐藤 次郎)' in typo
    assert '"H002" is the staff ID of 佐藤 次郎' in an_id


def test_name_spacing_variants_family_name_and_blank_name_are_the_same_person(tmp_path):
    path = roster_book(tmp_path, [
        ["2026-04-01", "灘", "3歳児健診", "13:00", "16:00", "H001", "山田　花子", "FALSE"],
        ["2026-04-01", "灘", "3歳児健診", "13:00", "16:00", "H002", "佐藤次郎", "FALSE"],
        ["2026-04-14", "東灘", "1歳6か月児健診", "09:00", "12:00", "H002", None, "FALSE"],
        ["2026-04-14", "東灘", "1歳6か月児健診", "09:00", "12:00", "H001", "山田", "FALSE"],
    ])
    _, roster = read_roster(path)
    assert [a.staff_id for a in roster.assignments] == ["H001", "H002", "H002", "H001"]


def test_name_typed_in_the_staff_id_column_names_the_id(tmp_path):
    path = roster_book(tmp_path, [["2026-04-01", "灘", "3歳児健診", "13:00", "16:00", "佐藤 次郎", "佐藤 次郎", "FALSE"]])
    problems = problems_of(path)
    assert [(p.cell, p.message) for p in problems] == [
        ("F2", 'the staff_id cell holds the name "佐藤 次郎": write the staff ID (H002) instead'),
    ]
    set_language("ja")
    problems = problems_of(path)
    assert problems[0].message == "職員ID の列に氏名「佐藤 次郎」が書かれています。職員ID（H002）を記入してください"


# -- People changed in the 配置表 grid (the export fingerprint tells which sheet was edited) --

STAFF3 = [*STAFF_ROWS, ["H003", "鈴木 一郎", "フッ化物"]]
MATRIX3 = [*MATRIX_ROWS, ["H003", "鈴木 一郎", "○", "○"]]
# as exported: 灘 4/1 山田 (locked) and 佐藤; 東灘 4/14 佐藤
AS_EXPORTED = [("H001", NADA, True), ("H002", NADA, False), ("H002", HIGASHINADA, False)]


def exported(tmp_path, sites: int = 0) -> Path:
    """A roster workbook as `haichi export` writes it; with `sites`, that many more sites with a
    session on 4/2, so 配置表 is written as the one-row-per-session list."""
    sessions = [*SESSION_ROWS, *([datetime(2026, 4, 2), f"会場{i:02d}", "教室", time(10), time(12), 1, 2, None]
                                 for i in range(sites))]
    problem = read_workbooks([write_book(tmp_path / "in.xlsx", standard(職員=STAFF3, 勤務可否=MATRIX3, 枠=sessions))])
    roster = Roster([Assignment(s, r, locked=lock) for s, r, lock in AS_EXPORTED])
    write_roster(tmp_path / "roster.xlsx", problem, roster)
    return tmp_path / "roster.xlsx"


def cell_with(book, sheet: str, find: str):
    """The first cell of `sheet` whose text holds `find`."""
    return next(c for row in book[sheet].iter_rows() for c in row if isinstance(c.value, str) and find in c.value)


def edit(path: Path, sheet: str, find: str, change) -> str:
    """Applies `change` to the text of the first cell of `sheet` holding `find`; returns its name."""
    book = openpyxl.load_workbook(path)
    cell = cell_with(book, sheet, find)
    cell.value = change(cell.value)
    book.save(path)
    return cell.coordinate


def people(roster) -> set[tuple[str, str, bool]]:
    return {(a.staff_id, a.requirement_id, a.locked) for a in roster.assignments}


def hard(problem, roster) -> set[tuple[str, str | None]]:
    from solver.evaluate import evaluate

    return {(v.rule_id, v.staff_id) for v in evaluate(problem, roster).hard_violations}


def test_a_person_replaced_in_the_grid_is_read_and_checked(tmp_path):
    path = exported(tmp_path)
    problem, roster, _ = read_roster_and_grid(path)
    assert hard(problem, roster) == set()
    # 山田 is × on 4/14: the roster checked must have her there, and say so
    cell = edit(path, "配置表", "1歳6か月児健診", lambda v: v.replace("佐藤 次郎", "山田 花子"))
    problem, roster, report = read_roster_and_grid(path)
    assert people(roster) == {("H001", NADA, True), ("H002", NADA, False), ("H001", HIGASHINADA, False)}
    assert ("availability", "H001") in hard(problem, roster)
    assert report.notes() == [f"read the change in 配置表!{cell} (4/14 東灘 1歳6か月児健診 09:00-12:00: 佐藤 次郎 → 山田 花子)"]
    set_language("ja")
    assert report.notes() == [f"配置表!{cell} の変更を読みました（4/14 東灘 1歳6か月児健診 09:00-12:00: 佐藤 次郎 → 山田 花子）"]


def test_a_person_removed_and_one_added_in_the_grid_keep_the_others_locks(tmp_path):
    path = exported(tmp_path)
    nada = edit(path, "配置表", "3歳児健診", lambda v: v.replace("佐藤 次郎", "").replace("、", ""))
    east = edit(path, "配置表", "1歳6か月児健診", lambda v: v + "、鈴木 一郎")
    problem, roster, report = read_roster_and_grid(path)
    assert people(roster) == {("H001", NADA, True), ("H002", HIGASHINADA, False), ("H003", HIGASHINADA, False)}
    assert [a.staff_id for a in problem.locked] == ["H001"]
    assert {("cover_min", None), ("cover_max", None)} <= hard(problem, roster)  # 灘 short of one, 東灘 one too many
    assert report.notes() == [f"read the change in 配置表!{nada} (4/1 灘 3歳児健診 13:00-16:00: removed 佐藤 次郎)",
                              f"read the change in 配置表!{east} (4/14 東灘 1歳6か月児健診 09:00-12:00: added 鈴木 一郎)"]


def test_names_are_read_spaces_aside_by_family_name_and_with_any_comma(tmp_path):
    path = exported(tmp_path)
    edit(path, "配置表", "3歳児健診", lambda v: "3歳児健診 13:00-16:00\n山田　花子，鈴木（あと1人）")
    _, roster, _ = read_roster_and_grid(path)
    assert people(roster) == {("H001", NADA, True), ("H003", NADA, False), ("H002", HIGASHINADA, False)}


def test_a_name_nobody_has_a_name_twice_and_a_changed_heading_are_refused_with_the_cell(tmp_path):
    path = exported(tmp_path)
    nada = edit(path, "配置表", "3歳児健診", lambda v: v.replace("佐藤 次郎", "田中 太郎"))
    east = edit(path, "配置表", "1歳6か月児健診", lambda v: v + "、佐藤次郎")
    problems = problems_of(path)
    assert [(p.file, p.sheet, p.cell) for p in problems] == [("roster.xlsx", "配置表", nada), ("roster.xlsx", "配置表", east)]
    assert '"田中 太郎": not the name of anyone on the staff sheet (4/1 灘 3歳児健診 13:00-16:00)' in problems[0].message
    assert "佐藤 次郎 written twice in 4/14 東灘 1歳6か月児健診 09:00-12:00" in problems[1].message
    path = exported(tmp_path)
    nada = edit(path, "配置表", "3歳児健診", lambda v: v.replace("13:00-16:00", "13:00-17:00"))
    east = edit(path, "配置表", "1歳6か月児健診", lambda v: v.split("\n", 1)[1])
    problems = problems_of(path)
    assert [p.cell for p in problems] == [nada, east]
    assert 'no session "3歳児健診 13:00-17:00" at this site on this day' in problems[0].message
    assert 'the names "佐藤 次郎" have no session heading (1歳6か月児健診 09:00-12:00) above them' in problems[1].message


def test_both_sheets_changing_one_session_differently_is_refused(tmp_path):
    path = exported(tmp_path)
    cell = edit(path, "配置表", "1歳6か月児健診", lambda v: v.replace("佐藤 次郎", "鈴木 一郎"))
    book = openpyxl.load_workbook(path)
    row = next(r for r in book["Assignments"].iter_rows() if r[1].value == "東灘")
    row[5].value, row[6].value = "H001", "山田 花子"
    book.save(path)
    problems = problems_of(path)
    assert [(p.sheet, p.cell) for p in problems] == [("配置表", cell)]
    assert ("the people of 4/14 東灘 1歳6か月児健診 09:00-12:00 were changed both in 配置表 and in the Assignments "
            "sheet, differently (配置表: 鈴木 一郎; Assignments: 山田 花子)") in problems[0].message
    # made the same in both sheets, the roster is what they say
    edit(path, "配置表", "1歳6か月児健診", lambda v: v.replace("鈴木 一郎", "山田 花子"))
    _, roster, report = read_roster_and_grid(path)
    assert ("H001", HIGASHINADA, False) in people(roster) and report.notes() == []


def test_edits_of_different_sessions_in_each_sheet_are_both_read(tmp_path):
    path = exported(tmp_path)
    cell = edit(path, "配置表", "1歳6か月児健診", lambda v: v.replace("佐藤 次郎", "鈴木 一郎"))
    book = openpyxl.load_workbook(path)
    row = next(r for r in book["Assignments"].iter_rows() if r[1].value == "灘" and r[5].value == "H002")
    row[5].value, row[6].value = "H003", "鈴木 一郎"
    book.save(path)
    _, roster, report = read_roster_and_grid(path)
    assert people(roster) == {("H001", NADA, True), ("H003", NADA, False), ("H003", HIGASHINADA, False)}
    (nada,) = report.stale  # 配置表 still shows 佐藤 in 灘, changed in Assignments alone: said so
    assert report.notes() == [
        f"read the change in 配置表!{cell} (4/14 東灘 1歳6か月児健診 09:00-12:00: 佐藤 次郎 → 鈴木 一郎)",
        f"note: 配置表 {nada} still show(s) the people as exported, not the later changes of the Assignments sheet; "
        "Haichi read the Assignments sheet."]


def test_without_the_fingerprint_the_assignments_sheet_is_read_and_the_grid_cell_named(tmp_path):
    path = exported(tmp_path)
    cell = edit(path, "配置表", "1歳6か月児健診", lambda v: v.replace("佐藤 次郎", "鈴木 一郎"))
    _, with_it, _ = read_roster_and_grid(path)
    book = openpyxl.load_workbook(path)
    del book["haichi_export"]  # a workbook of an older Haichi, or made by hand
    book.save(path)
    _, roster, report = read_roster_and_grid(path)
    assert ("H003", HIGASHINADA, False) in people(with_it)
    assert people(roster) == set(AS_EXPORTED)
    assert report.stale == (cell,) and report.notes() == [
        f"note: 配置表 {cell} disagree(s) with the Assignments sheet. Haichi reads the Assignments sheet "
        "(when you change people in 配置表, change their Assignments rows too)."]


def test_the_list_layout_of_many_sites_is_read_too(tmp_path):
    path = exported(tmp_path, sites=13)
    book = openpyxl.load_workbook(path)
    first = cell_with(book, "配置表", "佐藤 次郎")  # 灘 4/1, the first session row
    first.value, cell = "山田 花子、鈴木 一郎", first.coordinate
    names = next(c for c in book["配置表"]["G"] if c.row > int(cell[1:]) and c.value is None)  # 会場00 4/2, nobody
    names.value = "佐藤 次郎"
    book.save(path)
    problem, roster, report = read_roster_and_grid(path)
    extra = next(r.id for r in problem.requirements if r.site == "会場00")
    assert people(roster) == {("H001", NADA, True), ("H003", NADA, False), ("H002", HIGASHINADA, False),
                              ("H002", extra, False)}
    assert [e.cell for e in report.edits] == [cell, names.coordinate]
    book = openpyxl.load_workbook(path)
    book["配置表"][cell].value = "山田 花子、誰か"
    book.save(path)
    assert [(p.sheet, p.cell) for p in problems_of(path)] == [("配置表", cell)]


def test_the_list_layout_writes_a_session_called_off_and_reads_around_it(tmp_path):
    """Many sites, one of them closed on 4/2 (必要人数 中止, 備考 設備点検): the grid said so in its cell, the
    list left it out; its row now says it, reads back as no entry, and a name written there is refused. A
    list exported before such rows were written (the row deleted) still reads."""
    sessions = [[*SESSION_ROWS[0], "備考"], *SESSION_ROWS[1:],
                *([datetime(2026, 4, 2), f"会場{i:02d}", "教室", time(10), time(12), 1, 2, None] for i in range(13)),
                [datetime(2026, 4, 2), "会場99", "教室", time(10), time(12), "中止", None, None, "設備点検"]]
    problem = read_workbooks([write_book(tmp_path / "in.xlsx", standard(職員=STAFF3, 勤務可否=MATRIX3, 枠=sessions))])
    assert [r.site for r in problem.closed] == ["会場99"]
    write_roster(tmp_path / "roster.xlsx", problem, Roster([Assignment(s, r, locked=lock) for s, r, lock in AS_EXPORTED]))
    path = tmp_path / "roster.xlsx"
    book = openpyxl.load_workbook(path)
    row = cell_with(book, "配置表", "会場99").row
    assert book["配置表"][f"G{row}"].value == "(called off: 設備点検)"
    _, roster, report = read_roster_and_grid(path)
    assert people(roster) == set(AS_EXPORTED) and not report.edits
    book["配置表"][f"G{row}"].value = "佐藤 次郎"
    book.save(path)
    assert [(p.sheet, p.cell, p.message) for p in problems_of(path)] == [
        ("配置表", f"G{row}", "this session is called off: no one can be written in")]
    book["配置表"].delete_rows(row)  # as an older export wrote it
    book.save(path)
    _, roster, report = read_roster_and_grid(path)
    assert people(roster) == set(AS_EXPORTED) and not report.edits


def test_a_row_put_into_the_grid_is_refused_not_read_as_the_next_day(tmp_path):
    path = exported(tmp_path)
    book = openpyxl.load_workbook(path)
    row = cell_with(book, "配置表", "3歳児健診").row  # 4/1's
    book["配置表"].insert_rows(row)  # 4/1 and every day below it now sit a row lower
    book.save(path)
    problems = problems_of(path)
    assert (problems[0].sheet, problems[0].cell) == ("配置表", f"A{row}")
    assert "this should be the row of 4/1: do not add, delete or reorder the rows of 配置表" in problems[0].message
