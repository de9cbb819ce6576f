"""Cells no value can be read from: an Excel error value (`#N/A` from a VLOOKUP that found nothing)
and a formula whose result the file does not hold (a workbook written by a program and never
opened in Excel), and a date whose weekday says another day. Each is named at its cell; none is
read as a blank, a note line or a day off."""

from __future__ import annotations

from datetime import datetime, time

import openpyxl
import pytest
from workbooks import MATRIX_ROWS, SESSION_ROWS, STAFF_ROWS, standard, write_book

from models.errors import InvalidInput
from models.excel.importer import read_workbooks
from models.excel.xlsxread import Unevaluated, XlsxBook

pytestmark = pytest.mark.usefixtures("english")


def _problems(path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([path])
    return [f"{p.sheet}!{p.cell}: {p.message}" for p in caught.value.problems]


def test_an_error_value_in_a_date_is_named_not_read_as_a_note_line(tmp_path):
    """`#N/A` starts with # like a note line, and the session used to vanish without a word."""
    sessions = [*SESSION_ROWS, ["#N/A", "灘", "3歳児健診", time(9), time(12), 1, None, None]]
    assert _problems(write_book(tmp_path / "s.xlsx", standard(枠=sessions))) == [
        '枠!A4: Excel error value "#N/A" (mend the formula\'s source or the value)']


def test_an_error_value_in_a_staff_id_or_a_site_is_named_at_its_cell(tmp_path):
    staff = [*STAFF_ROWS, ["#REF!", "鈴木 三郎", None]]
    sessions = [*SESSION_ROWS, [datetime(2026, 4, 2), "#N/A", "3歳児健診", time(9), time(12), 1, None, None]]
    assert _problems(write_book(tmp_path / "s.xlsx", standard(職員=staff, 枠=sessions))) == [
        '職員!A4: Excel error value "#REF!" (mend the formula\'s source or the value)',
        '枠!B4: Excel error value "#N/A" (mend the formula\'s source or the value)']


def test_a_formula_without_its_result_is_named_not_read_as_blank(tmp_path):
    """A date `=A2+1` took the date of the row above; a limit `=…` was no limit; a mark `=IF(…)`
    was a blank, × by default; a header date `=C1+1` dropped its column's marks."""
    sessions = [*SESSION_ROWS, ["=A3+1", "灘", "3歳児健診", time(9), time(12), 1, None, None]]
    staff = [["職員ID", "氏名", "月上限"], ["H001", "山田 花子", "=2*2"], ["H002", "佐藤 次郎", 4]]
    marks = [MATRIX_ROWS[0], ["H001", "山田 花子", '=IF(1=1,"○","×")', "○"], MATRIX_ROWS[2]]
    path = write_book(tmp_path / "f.xlsx", standard(枠=sessions, 職員=staff, 勤務可否=marks))
    found = _problems(path)
    assert [line.split(":")[0] for line in found] == ["職員!C2", "枠!A4", "勤務可否!C2"]
    assert 'the result of the formula "=A3+1" is not saved in the file (a program wrote it)' in found[1]
    header = [["職員ID", "氏名", datetime(2026, 4, 1), "=C1+13"], *MATRIX_ROWS[1:]]
    assert [line.split(":")[0] for line in _problems(write_book(tmp_path / "h.xlsx", standard(勤務可否=header)))] == [
        "勤務可否!D1"]


def test_the_fast_reader_gives_a_formula_without_result_as_its_formula(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["=A2+1", 5])
    book.save(tmp_path / "x.xlsx")
    with XlsxBook(tmp_path / "x.xlsx") as fast:
        [row] = list(fast.rows(book.active.title))
    assert row == ("=A2+1", 5) and isinstance(row[0], Unevaluated)


def test_a_date_whose_weekday_contradicts_it_is_refused_at_its_cell(tmp_path):
    sessions = [*SESSION_ROWS, ["2026/4/2(金)", "灘", "3歳児健診", time(9), time(12), 1, None, None]]
    assert _problems(write_book(tmp_path / "w.xlsx", standard(枠=sessions))) == [
        "枠!A4: 4/2 is a Thursday, not the Friday written beside it: mend the date or the weekday"]
