"""A 勤務可否 matrix laid out the other way round, as many calendars are: dates down, people across."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from workbooks import standard, write_book

from models.domain import Mark
from models.errors import InvalidInput
from models.excel.importer import read_workbooks

pytestmark = pytest.mark.usefixtures("english")

APRIL_1, APRIL_14 = datetime(2026, 4, 1), datetime(2026, 4, 14)


def test_dates_down_and_staff_ids_across_read_as_the_matrix(tmp_path):
    rows = [["日付", "H001", "H002"], [APRIL_1, "○", "△"], [APRIL_14, "×", "午前"]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(勤務可否=rows))])
    assert problem.availability == {
        ("H001", date(2026, 4, 1)): Mark.AVAILABLE, ("H002", date(2026, 4, 1)): Mark.PREFER_NOT,
        ("H001", date(2026, 4, 14)): Mark.UNAVAILABLE, ("H002", date(2026, 4, 14)): Mark.AM_ONLY}


def test_names_over_the_columns_a_title_and_a_weekday_column(tmp_path):
    """A calendar as a coordinator makes it: a title row, 日付 and 曜日 down the left, each person's
    name over a column (spaces aside), text dates."""
    rows = [["2026年4月 勤務可否表"], ["日付", "曜日", "山田　花子", "佐藤次郎"], ["4/1", "水", "○", "×"],
            ["4/14", "火", None, "○"]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(勤務可否=rows))])
    assert problem.availability[("H001", date(2026, 4, 1))] is Mark.AVAILABLE
    assert problem.availability[("H002", date(2026, 4, 1))] is Mark.UNAVAILABLE
    assert problem.availability[("H002", date(2026, 4, 14))] is Mark.AVAILABLE


def test_a_bad_mark_is_named_at_its_cell_as_the_sheet_has_it(tmp_path):
    rows = [["日付", "H001", "H002"], [APRIL_1, "○", "◇"], [APRIL_14, "×", "○"]]
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "t.xlsx", standard(勤務可否=rows))])
    [problem] = caught.value.problems
    assert (problem.sheet, problem.cell) == ("勤務可否", "C2") and '"◇"' in problem.message
