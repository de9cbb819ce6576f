"""A roster workbook written by hand (input sheets + Assignments) read back for `haichi check`."""

from __future__ import annotations

from datetime import date

import pytest
from workbooks import standard, write_book

from models.domain import Assignment, Requirement
from models.errors import InvalidInput
from models.excel.roster_reader import read_roster
from models.excel.schema import ASSIGNMENTS_COLUMNS
from models.i18n import language, set_language

NADA = Requirement.make_id(date(2026, 4, 1), "灘", "3歳児健診", 13 * 60)
HIGASHINADA = Requirement.make_id(date(2026, 4, 14), "東灘", "1歳6か月児健診", 9 * 60)


def problems_of(path) -> list:
    """The problems `read_roster` raises for the roster workbook at `path` (it must raise)."""
    with pytest.raises(InvalidInput) as caught:
        read_roster(path)
    return caught.value.problems


@pytest.fixture(autouse=True)
def english():
    before = language()
    set_language("en")
    yield
    set_language(before)


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
    from models.domain import Roster
    from models.excel.export import write_roster
    from models.excel.importer import read_workbooks

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
