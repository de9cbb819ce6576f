"""The roster workbook keeps what its plan carried in from earlier plans, and gives it back."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from models.domain import Assignment, HistorySource, Problem, Requirement, Roster, Staff
from models.excel.export import write_roster
from models.excel.roster_reader import read_roster
from tests.models.workbooks import moved_export

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
        "history_weekend_days": {"H001": 4},
        "history_pay": {"H001": 27_000},
        "history_unpriced_minutes": {"H002": 540},
        "history_sessions": {"H001": (Requirement(Requirement.make_id(eve, "東灘", "準夜", 990), eve, "東灘", "準夜",
                                                  990, 1500, 1),)},
        "history_week": {"H002": (Requirement(Requirement.make_id(eve - timedelta(days=1), "灘", "健診", 780),
                                              eve - timedelta(days=1), "灘", "健診", 780, 960, 1,
                                              break_minutes=60),)},  # a week's hours left out its breaks
        "history_nights": {"H001": (Requirement(Requirement.make_id(eve - timedelta(days=1), "東灘", "夜勤", 990),
                                                eve - timedelta(days=1), "東灘", "夜勤", 990, 1980, 1),)},
        "history_sources": (HistorySource("1月", 2, False, date(2027, 1, 1), eve, 120),),
    }
    problem = _february(**history)
    path = tmp_path / "roster.xlsx"
    write_roster(path, problem, Roster([Assignment("H002", problem.requirements[0].id)]))
    read, _ = read_roster(path)
    assert {name: getattr(read, name) for name in history} == history


def test_a_sheet_written_before_breaks_were_kept_takes_them_from_the_plans_sessions(tmp_path: Path) -> None:
    """A library's April 9:00-17:00 shifts with 休憩 60, carried into May by an older export: check
    counted them at 8 h, and a week across the month's start at 31 h where the solve had 28."""
    import openpyxl

    from models.excel.history_sheet import HISTORY_SHEET

    eve = date(2027, 1, 31)
    day = Requirement(Requirement.make_id(FEB, "灘", "健診", 540), FEB, "灘", "健診", 540, 1020, 1, break_minutes=60)
    carried = Requirement(Requirement.make_id(eve, "灘", "健診", 540), eve, "灘", "健診", 540, 1020, 1,
                          break_minutes=60)
    problem = _february(history_week={"H001": (carried,)},
                        history_sources=(HistorySource("1月", 1, True, date(2027, 1, 1), eve, 20),))
    problem = problem.with_(requirements=[day])
    path = tmp_path / "roster.xlsx"
    write_roster(path, problem, Roster())
    book = openpyxl.load_workbook(path)
    for row in book[HISTORY_SHEET].iter_rows():
        if row[0].value == "week":
            row[7].value = None  # as an older Haichi wrote it: no break column
    book.save(path)
    read, _ = read_roster(path)
    assert read.history_week["H001"][0].break_minutes == 60 and read.history_week["H001"][0].minutes == 420


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


# -- the plan period the history was carried into ----------------------------------------------
def _carried_february() -> Problem:
    return _february(history_counts={"H001": 9}, history_sources=(
        HistorySource("1月", 2, True, date(2027, 1, 1), date(2027, 1, 31), 120),))


def test_the_history_sheet_names_the_period_it_was_carried_into(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "roster.xlsx"
    write_roster(path, _carried_february(), Roster())
    header = next(openpyxl.load_workbook(path)["haichi_history"].iter_rows(max_row=1, values_only=True))
    assert header[:4] == ("Haichi carried-in history", 1, "2027-02-01", "2027-02-28")


def test_a_copy_for_another_period_does_not_apply_the_history_and_says_so(tmp_path: Path, english: None) -> None:
    """February's export copied and moved to March keeps the hidden sheet: January's counts are not
    March's history, so check scores March without them, and the read says why."""
    from models.excel.roster_reader import read_roster_and_grid
    from models.i18n import set_language

    problem = _carried_february()
    path = tmp_path / "march.xlsx"
    write_roster(path, problem, Roster([Assignment("H001", problem.requirements[0].id)]))
    moved_export(path, 28)
    march, roster, report = read_roster_and_grid(path)
    assert (march.start, march.end) == (date(2027, 3, 1), date(2027, 3, 28)) and len(roster.assignments) == 1
    assert march.history_counts == {} and march.history_sources == ()
    note = ("note: the hidden sheet haichi_history holds what the plan of 2027-02-01 to 2027-02-28 carried in from "
            "earlier plans, not this workbook's period 2027-03-01 to 2027-03-28, so it was not applied")
    assert any(line.startswith(note) for line in report.notes()), report.notes()
    set_language("ja")
    assert any("2027-02-01〜2027-02-28 の計画のもの" in line and "2027-03-01〜2027-03-28" in line
               for line in report.notes()), report.notes()


def test_an_older_history_sheet_without_the_period_is_applied_as_before(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "roster.xlsx"
    write_roster(path, _carried_february(), Roster())
    book = openpyxl.load_workbook(path)
    sheet = book["haichi_history"]
    sheet["C1"], sheet["D1"] = None, None  # as Haichi wrote it before the period
    book.save(path)
    moved_export(path, 28)
    read, _ = read_roster(path)
    assert read.history_counts == {"H001": 9} and [s.plan for s in read.history_sources] == ["1月"]


def test_a_period_changed_by_hand_is_refused_at_its_cell(tmp_path: Path, english: None) -> None:
    import openpyxl
    import pytest

    from models.errors import InvalidInput

    path = tmp_path / "roster.xlsx"
    write_roster(path, _carried_february(), Roster())
    book = openpyxl.load_workbook(path)
    book["haichi_history"]["C1"] = "2月1日"
    book.save(path)
    with pytest.raises(InvalidInput) as caught:
        read_roster(path)
    [found] = caught.value.problems
    assert (found.sheet, found.cell) == ("haichi_history", "A1") and "2月1日" in found.message
