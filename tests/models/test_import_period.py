"""The plan period: 設定's 期間開始 and 期間終了, else the sessions' dates grown to the 勤務可否 dates
in the months they span; marks outside the period are said in a note, never dropped unseen."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from workbooks import MATRIX_ROWS, SESSION_ROWS, form, standard, write_book

from models.domain import Mark
from models.errors import InputProblem
from models.excel.importer import read_workbooks
from models.i18n import set_language

pytestmark = pytest.mark.usefixtures("english")

APRIL = [date(2026, 4, 1) + timedelta(days=n) for n in range(30)]


def _read(path, *more):
    notes: list[InputProblem] = []
    return read_workbooks([path, *more], notes=notes), [str(note) for note in notes]


def test_a_months_availability_makes_the_plan_that_month(tmp_path):
    """Sessions on 4/1 and 4/14, the matrix 4/1(水) … 4/30(木): the plan is April, the 4/30 mark
    read (it was dropped unseen, and 勤務表 left the days out)."""
    header = [f"{d.month}/{d.day}({'月火水木金土日'[d.weekday()]})" for d in APRIL]
    matrix = [["職員ID", "氏名", *header], ["H001", "山田 花子", "○", *[None] * 28, "×"], ["H002", "佐藤 次郎"]]
    problem, notes = _read(write_book(tmp_path / "m.xlsx", standard(勤務可否=matrix)))
    assert (problem.start, problem.end) == (date(2026, 4, 1), date(2026, 4, 30))
    assert problem.availability == {("H001", APRIL[0]): Mark.AVAILABLE, ("H001", APRIL[-1]): Mark.UNAVAILABLE}
    assert notes == []


def test_day_numbers_of_the_sessions_month_make_the_plan_that_month(tmp_path):
    matrix = [["2026年4月 勤務可否"], ["職員ID", "氏名", *range(1, 31)], ["H001", "山田 花子", *["○"] * 30]]
    problem, _ = _read(write_book(tmp_path / "d.xlsx", standard(勤務可否=matrix)))
    assert (problem.start, problem.end) == (date(2026, 4, 1), date(2026, 4, 30))
    assert problem.mark("H001", date(2026, 4, 30)) is Mark.AVAILABLE


def test_dates_of_another_month_do_not_stretch_the_plan_and_their_marks_are_noted(tmp_path):
    """May's columns beside April's (a sheet kept for next month, a year typed wrong): the plan
    stays in the sessions' April, and the May marks are said with their cells and dates."""
    matrix = [[*MATRIX_ROWS[0], datetime(2026, 4, 30), datetime(2026, 5, 1), datetime(2026, 5, 2)],
              [*MATRIX_ROWS[1], "○", "×", None], [*MATRIX_ROWS[2], None, "×", "○"]]
    problem, notes = _read(write_book(tmp_path / "m.xlsx", standard(勤務可否=matrix)))
    assert (problem.start, problem.end) == (date(2026, 4, 1), date(2026, 4, 30))
    assert notes == [
        "m.xlsx 勤務可否!F1:G1: 3 mark(s) for dates outside the plan period 2026-04-01 to 2026-04-30 "
        "(2026-05-01〜2026-05-02) were not read (to read them, set 期間開始 and 期間終了 (period_start, "
        "period_end) on the 設定 sheet to include them)"]


def test_marks_outside_the_period_of_the_settings_sheet_are_noted(tmp_path):
    """期間 4/2〜4/14 over a matrix from 4/1: its 4/1 marks are not read, said (in Japanese too),
    and the import goes on."""
    settings = [["項目", "値"], ["期間開始", "2026/4/2"], ["期間終了", "2026/4/14"]]
    path = write_book(tmp_path / "s.xlsx", {**standard(枠=[SESSION_ROWS[0], SESSION_ROWS[2]]), "設定": settings})
    problem, notes = _read(path)
    assert (problem.start, problem.end) == (date(2026, 4, 2), date(2026, 4, 14))
    assert set(problem.availability) == {("H001", date(2026, 4, 14)), ("H002", date(2026, 4, 14))}
    assert notes == [
        "s.xlsx 勤務可否!C1: 2 mark(s) for dates outside the plan period 2026-04-02 to 2026-04-14 (2026-04-01) "
        "were not read (to read them, set 期間開始 and 期間終了 (period_start, period_end) on the 設定 sheet "
        "to include them)"]
    set_language("ja")
    _, notes = _read(path)
    assert notes == ["s.xlsx 勤務可否!C1: 計画期間 2026-04-02〜2026-04-14 の外の日付（2026-04-01）の記号 2 個は読んでいません"
                     "（読むには 設定 シートの 期間開始・期間終了 にその日付を含めてください）"]


def test_one_end_from_the_settings_sheet_the_other_from_sessions_and_availability(tmp_path):
    matrix = [[*MATRIX_ROWS[0], datetime(2026, 4, 30)], [*MATRIX_ROWS[1], "×"], MATRIX_ROWS[2]]
    settings = [["項目", "値"], ["期間開始", "2026/3/30"]]
    problem, _ = _read(write_book(tmp_path / "o.xlsx", {**standard(勤務可否=matrix), "設定": settings}))
    assert (problem.start, problem.end) == (date(2026, 3, 30), date(2026, 4, 30))


def test_a_forms_dates_make_the_plan_and_its_marks_outside_it_are_noted(tmp_path):
    """A form's rows widen the plan as a matrix's columns do; under a 期間 they lie partly outside
    of, its marks there are said with their date cells (the form's other days are read)."""
    main = write_book(tmp_path / "main.xlsx", standard(勤務可否=None))
    answers = [["4/1", "水", "○"], ["4/29", "水", None], ["4/30", "木", "×"]]
    answer = write_book(tmp_path / "h001.xlsx", {"勤務可否": form("H001", answers)})
    problem, notes = _read(main, answer)
    assert (problem.start, problem.end) == (date(2026, 4, 1), date(2026, 4, 30)) and notes == []
    settings = [["項目", "値"], ["期間開始", "2026/4/1"], ["期間終了", "2026/4/28"]]
    fixed = write_book(tmp_path / "fixed.xlsx", {**standard(勤務可否=None), "設定": settings})
    problem, notes = _read(fixed, answer)
    assert problem.availability == {("H001", date(2026, 4, 1)): Mark.AVAILABLE}
    assert notes == [
        "h001.xlsx 勤務可否!A9: 1 mark(s) for dates outside the plan period 2026-04-01 to 2026-04-28 (2026-04-30) "
        "were not read (to read them, set 期間開始 and 期間終了 (period_start, period_end) on the 設定 sheet "
        "to include them)"]


def test_a_plan_across_new_year_takes_each_header_date_in_its_year(tmp_path):
    """Sessions 12/21 to 1/8, the matrix `12/1` … `1/31`: December 2026 to January 2027."""
    sessions = [SESSION_ROWS[0], *[[datetime(y, m, d), "灘", "教室", time(9, 0), time(12, 0), 1]
                                   for y, m, d in ((2026, 12, 21), (2027, 1, 8))]]
    matrix = [["職員ID", "氏名", "12/1", "12/21", "12/31", "1/1", "1/8", "1/31"],
              ["H001", "山田 花子", "×", None, "○", "×", None, "△"], ["H002", "佐藤 次郎"]]
    problem, notes = _read(write_book(tmp_path / "y.xlsx", standard(枠=sessions, 勤務可否=matrix)))
    assert (problem.start, problem.end) == (date(2026, 12, 1), date(2027, 1, 31)) and notes == []
    assert problem.mark("H001", date(2027, 1, 31)) is Mark.PREFER_NOT
