"""The roster workbook keeps what its plan carried in from earlier plans, and gives it back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from models.domain import Assignment, HistorySource, Problem, Requirement, Roster, Staff
from models.excel.export import write_roster
from models.excel.roster_reader import read_roster

FEB = date(2027, 2, 1)


def _february(**history: object) -> Problem:
    session = Requirement(Requirement.make_id(FEB, "灘", "健診", 780), FEB, "灘", "健診", 780, 960, 1)
    return Problem("2月", FEB, date(2027, 2, 28), staff=[Staff("H001", "山田"), Staff("H002", "佐藤")],
                   requirements=[session], **history)


def test_the_carried_in_history_survives_export_and_read_back(tmp_path: Path) -> None:
    eve = date(2027, 1, 31)
    history = {
        "history": {"H001": (date(2027, 1, 30), eve)},
        "history_counts": {"H001": 9, "H002": 3},
        "history_pay": {"H001": 27_000},
        "history_unpriced_minutes": {"H002": 540},
        "history_sessions": {"H001": (Requirement(Requirement.make_id(eve, "東灘", "準夜", 990), eve, "東灘", "準夜",
                                                  990, 1500, 1),)},
        "history_sources": (HistorySource("1月", 2, False, date(2027, 1, 1), eve, 120),),
    }
    problem = _february(**history)
    path = tmp_path / "roster.xlsx"
    write_roster(path, problem, Roster([Assignment("H002", problem.requirements[0].id)]))
    read, _ = read_roster(path)
    assert {name: getattr(read, name) for name in history} == history


def test_a_plan_without_history_writes_none(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    write_roster(path, _february(), Roster())
    read, _ = read_roster(path)
    assert read.history_sources == () and read.history_counts == {}


def test_a_history_sheet_changed_by_hand_is_refused_at_its_cell(tmp_path: Path, english: None) -> None:
    """haichi check exits 1 naming the workbook, the sheet and the cell (it crashed with a ValueError:
    an internal error, exit 3), and says what to do."""
    import openpyxl
    import pytest

    from models.errors import InvalidInput

    problem = _february(history_counts={"H001": 9}, history_sources=(HistorySource("1月", 2, True, date(2027, 1, 1),
                                                                                     date(2027, 1, 31), 120),))
    path = tmp_path / "roster.xlsx"
    write_roster(path, problem, Roster([Assignment("H001", problem.requirements[0].id)]))
    book = openpyxl.load_workbook(path)
    row = next(r for r in book["haichi_history"].iter_rows() if r[0].value == "count")
    row[2].value = "9回"
    book.save(path)
    with pytest.raises(InvalidInput) as caught:
        read_roster(path)
    [found] = caught.value.problems
    assert (found.file, found.sheet, found.cell) == ("roster.xlsx", "haichi_history", f"A{row[0].row}")
    assert "9回" in found.message and "export" in found.message
