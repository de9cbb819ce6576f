"""Merged cells count for every cell they cover, as the sheet shows them: down the rows of any
sheet, across the columns under a table's header; titles, labels and headers keep their own reading."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from workbooks import MATRIX_ROWS, SESSION_ROWS, STAFF_ROWS, standard, write_book

from models.domain import Mark
from models.excel import reader
from models.excel.importer import read_workbooks
from models.excel.xlsxread import XlsxError

pytestmark = pytest.mark.usefixtures("english")

APRIL = [date(2026, 4, day) for day in (1, 2, 3, 14)]
STAFF = [*STAFF_ROWS, ["H003", "鈴木 三郎", ""]]
SESSIONS = [SESSION_ROWS[0], *[[datetime.combine(day, time()), "灘", "教室", time(9, 0), time(12, 0), 1]
                               for day in APRIL]]
BLANK_MEANS_AVAILABLE = [["項目", "値"], ["空欄の扱い", "可"]]


def _marks(problem, staff_id: str) -> list[Mark]:
    return [problem.mark(staff_id, day) for day in APRIL]


def _weekend_book(path, matrix, merge):
    sheets = {**standard(職員=STAFF, 枠=SESSIONS, 勤務可否=matrix), "設定": BLANK_MEANS_AVAILABLE}
    return write_book(path, sheets, merge={"勤務可否": merge})


WEEKEND = [
    ["2026年4月 勤務可否"],
    ["職員ID", "氏名", *APRIL],
    ["H001", "山田 花子", "×", None, None, "○"],
    ["H002", "佐藤 次郎", None, None, "×", None],
    ["H003", "鈴木 三郎", None, None, None, None],
]


def test_a_mark_merged_across_days_counts_for_each_day(tmp_path):
    """Blank means available, and a × merged over two days (`C3:D3`) refuses both, not the first
    only with the second read as blank (available); a × merged down over two people refuses the
    day for both, one merged over two days and two people all four; the title merged across the
    table is still a title."""
    path = _weekend_book(tmp_path / "w.xlsx", WEEKEND, ["A1:F1", "C3:D3", "E4:E5", "C4:D5"])
    problem = read_workbooks([path])
    assert _marks(problem, "H001") == [Mark.UNAVAILABLE, Mark.UNAVAILABLE, Mark.AVAILABLE, Mark.AVAILABLE]
    assert _marks(problem, "H002") == [Mark.AVAILABLE, Mark.AVAILABLE, Mark.UNAVAILABLE, Mark.AVAILABLE]
    assert _marks(problem, "H003") == [Mark.AVAILABLE, Mark.AVAILABLE, Mark.UNAVAILABLE, Mark.AVAILABLE]
    merged_block = [WEEKEND[0], WEEKEND[1], WEEKEND[2], ["H002", "佐藤 次郎", "△"], ["H003", "鈴木 三郎"]]
    problem = read_workbooks([_weekend_book(tmp_path / "b.xlsx", merged_block, ["C4:D5"])])
    assert _marks(problem, "H002")[:2] == _marks(problem, "H003")[:2] == [Mark.PREFER_NOT, Mark.PREFER_NOT]


def test_the_openpyxl_reader_spreads_merges_too(tmp_path, monkeypatch):
    """A workbook the fast reader cannot open is read by openpyxl, whose read-only mode does not
    keep merges: they are found in the sheet's part all the same (down and across)."""
    sessions = [SESSIONS[0], SESSIONS[1], [None, None, "教室", time(13, 0), time(16, 0), 1], *SESSIONS[2:]]
    book = {**standard(職員=STAFF, 枠=sessions, 勤務可否=WEEKEND), "設定": BLANK_MEANS_AVAILABLE}
    path = write_book(tmp_path / "o.xlsx", book, merge={"枠": ["A2:A3", "B2:B3"], "勤務可否": ["A1:F1", "C3:D3"]})
    fast = read_workbooks([path])

    def broken(*_args: object) -> None:
        raise XlsxError("a part the fast reader does not understand")

    monkeypatch.setattr(reader, "XlsxBook", broken)
    slow = read_workbooks([path])
    assert slow == fast
    assert _marks(slow, "H001")[:2] == [Mark.UNAVAILABLE, Mark.UNAVAILABLE]
    assert sorted((r.date, r.site, r.start) for r in slow.requirements)[:2] == [
        (APRIL[0], "灘", 9 * 60), (APRIL[0], "灘", 13 * 60)]


def test_merged_cells_count_for_every_cell_they_cover(tmp_path):
    """A date (and site) merged down over one day's sessions belongs to each, a merge reaching
    below the data adds no rows, and a count merged across 必要人数 and 最大人数 is both."""
    sessions = [
        SESSION_ROWS[0],
        [datetime(2026, 4, 1), "灘", "3歳児健診", time(9, 0), time(12, 0), 1],
        [None, None, "3歳児健診", time(13, 0), time(16, 0), 1],
        [datetime(2026, 4, 14), "東灘", "1歳6か月児健診", time(9, 0), time(12, 0), 3],
    ]
    matrix = [MATRIX_ROWS[0], ["H001", "山田 花子", "○", None], MATRIX_ROWS[2]]
    path = write_book(tmp_path / "m.xlsx", standard(枠=sessions, 勤務可否=matrix),
                      merge={"枠": ["A2:A3", "B2:B3", "A4:A9", "F4:G4"], "勤務可否": "C2:D2"})
    problem = read_workbooks([path])
    assert sorted((r.date, r.site, r.start, r.min_staff, r.max_staff) for r in problem.requirements) == [
        (date(2026, 4, 1), "灘", 9 * 60, 1, 1), (date(2026, 4, 1), "灘", 13 * 60, 1, 1),
        (date(2026, 4, 14), "東灘", 9 * 60, 3, 3)]
    assert problem.mark("H001", date(2026, 4, 1)) is Mark.AVAILABLE
    assert problem.mark("H001", date(2026, 4, 14)) is Mark.AVAILABLE  # the ○ merged across both days
    assert problem.mark("H002", date(2026, 4, 14)) is Mark.AM_ONLY


def test_merges_in_and_above_the_header_keep_their_reading(tmp_path):
    """A title merged across the sheet, `氏名` merged over two columns and a date merged across
    its 午前 and 午後 columns: headers as before; the row under them is data, its merges spread."""
    matrix = [["2026年4月 勤務可否"], ["職員ID", "氏名", None, datetime(2026, 4, 1), None],
              [None, None, None, "午前", "午後"],
              ["H001", "山田 花子", None, "×"], ["H002", "佐藤 次郎", None, "○", "×"]]
    path = write_book(tmp_path / "h.xlsx", standard(勤務可否=matrix),
                      merge={"勤務可否": ["A1:E1", "B2:C2", "D2:E2", "B4:C4", "D4:E4"]})
    problem = read_workbooks([path])
    assert problem.mark("H001", date(2026, 4, 1)) is Mark.UNAVAILABLE  # × over both halves
    assert problem.mark("H002", date(2026, 4, 1)) is Mark.AM_ONLY
    assert [s.name for s in problem.staff] == ["山田 花子", "佐藤 次郎"]
