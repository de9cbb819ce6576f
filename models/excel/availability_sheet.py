"""Who can work when: the 勤務可否 matrix (staff × dates).

A matrix has `職員ID` as a column header and one column per date (one-person forms are read by
`models.excel.form_sheet`). Marks outside the plan period are not read, said in a note; a form
replaces what a matrix said about that person.

A cell naming one of the plan's activities (`日勤`, `日勤希望`, `日勤○`; `日勤/準夜` for either) is
a wish: the person is available that day (○) and asks for that shift (`parse_wish`).
"""

from __future__ import annotations

import calendar

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from collections.abc import Collection, Mapping
from typing import Any

from models.domain import Mark, Problem, Window, day_mark, ids_named, known_id, typed
from models.errors import InputProblem
from models.excel import messages
from models.excel.reader import Cells, Period, Table, cell_name, column_title, is_blank, normalize_header
from models.excel.schema import AVAILABILITY
from models.textparse import (SAYS_WHEN, Explained, half_day_mark, leave_word, parse_day_cap, parse_evening, parse_mark,
                              parse_refusal, parse_wish, parse_window, western_year)

Availability = dict[tuple[str, date], Mark]
Wishes = dict[tuple[str, date], str]  # (staff ID, date) -> the activity asked for (`日勤+準夜`: either)
Leave = dict[tuple[str, date], str]  # (staff ID, date) -> the leave written (有休, 研修): Problem.leave
Windows = dict[tuple[str, date], Window]  # (staff ID, date) -> the hours written (15時から): Problem.windows
Refused = dict[tuple[str, date], frozenset[str]]  # (staff ID, date) -> the shifts refused (遅番不可): Problem.refused
Seen = dict[str, list[tuple[str, frozenset[date]]]]  # staff ID -> (where a matrix row was read, its dates)


@dataclass
class Kept:
    """What 勤務可否 cells say beside their marks, kept with them: the leave of a × day (`有休`:
    Problem.leave), the hours free on a day that can be worked (`15時から`: Problem.windows) and the
    shifts refused on one (`遅番不可`: Problem.refused), and the most sessions of one (`1枠のみ`: Problem.day_caps)."""

    leave: Leave = field(default_factory=dict)
    windows: Windows = field(default_factory=dict)
    refused: Refused = field(default_factory=dict)
    caps: dict[tuple[str, date], int] = field(default_factory=dict)

    def add(self, key: tuple[str, date], read: MarkReader, raw: Any) -> None:
        """What the cell `raw` (read by `read`) keeps for the person's day `key`."""
        _, _, word, hours, refused = read.kept(raw)  # one look-up a cell: a year's matrix has 180 000
        if word is not None:
            self.leave[key] = word
        if hours is not None:
            self.windows[key] = hours
        if refused:
            self.refused[key] = refused
        if (cap := read.cap(raw)) is not None:
            self.caps[key] = cap

    def update(self, other: Kept, but: Collection[str] = ()) -> None:
        """`other`'s words and hours added, but for those of the people `but` (a form replaces their row)."""
        self.leave.update({key: word for key, word in other.leave.items() if key[0] not in but})
        self.windows.update({key: hours for key, hours in other.windows.items() if key[0] not in but})
        self.refused.update({key: shifts for key, shifts in other.refused.items() if key[0] not in but})
        self.caps.update({key: cap for key, cap in other.caps.items() if key[0] not in but})


def wishes_of(problem: Problem) -> Wishes:
    """The requests a 勤務可否 cell can say, by (staff ID, date): a person's only request of the
    day, to work an activity (or any session: `出勤希望`), of weight 1, on a day marked ○ (what
    `read_matrix` reads back)."""
    per_day = Counter((r.staff_id, r.date) for r in problem.requests)
    return {
        (r.staff_id, r.date): r.activity
        for r in problem.requests
        if r.on and r.weight == 1 and per_day[(r.staff_id, r.date)] == 1
        and problem.availability.get((r.staff_id, r.date)) is Mark.AVAILABLE
    }


_DATE_LIKE = re.compile(r"\d+\s*[/月.\-]\s*\d+")


def looks_like_date(value: Any) -> bool:
    """Whether a header or cell that failed to parse was meant as a date (`4/31`), not a word."""
    if isinstance(value, (date, datetime)):
        return True
    return isinstance(value, str) and bool(_DATE_LIKE.search(unicodedata.normalize("NFKC", value)))


class MarkReader:
    """Parses marks with a cache: a 500 × 365 matrix holds only a handful of distinct values. A
    cell naming one of `activities` reads as ○ and is a wish (`wish`); one refusing some of them
    (`遅番不可`, `日勤のみ`) reads as ○ with those refused (`refused`)."""

    def __init__(self, activities: Collection[str] = ()) -> None:
        self._activities = activities
        self._cache: dict[Any, tuple[Mark | None, str | None, str | None, Window | None, frozenset[str]]] = {}
        self._caps: dict[Any, int] = {}  # the most sessions a cell allows its day (`1枠のみ`), for those that say it

    def _read(self, raw: Any) -> tuple[Mark | None, str | None, str | None, Window | None, frozenset[str]]:
        """(mark, wish, leave, hours, shifts refused) of a cell, worked out once per value."""
        if raw not in self._cache:
            # a shift's name first: a plan whose shift is 研修 reads `研修` as a wish for it, not as ×
            wish = parse_wish(raw, self._activities)
            if wish is not None and half_day_mark(raw) is not None:
                wish = None  # `午前` is 午前のみ, though a shift is named 午前 (`午前希望` asks for it)
            window, refused = None, frozenset[str]()
            try:
                mark = Mark.AVAILABLE if wish is not None else parse_mark(raw)
            except ValueError:
                if (hours := parse_window(raw)) is not None:
                    mark, window = hours[0], hours[1:]
                elif (shifts := parse_refusal(raw, self._activities)) is not None:
                    mark, refused = Mark.AVAILABLE, shifts  # `日勤のみ` in a plan of 日勤 alone: ○, none refused
                elif (capped := parse_day_cap(raw)) is not None:
                    mark, self._caps[raw] = capped
                elif (evening := parse_evening(raw)) is not None:  # `夜のみ`: from 16:00 (a clinic's 17:30 夜間)
                    mark, window = evening[0], evening[1:]
                else:
                    raise  # a bad value: not cached
            self._cache[raw] = (mark, wish, leave_word(raw) if mark is Mark.UNAVAILABLE and wish is None else None,
                                window, refused)
        return self._cache[raw]

    def __call__(self, raw: Any) -> Mark | None:
        return self._read(raw)[0]

    def wish(self, raw: Any) -> str | None:
        """The activity a readable cell asks for (None for a plain mark)."""
        return self._read(raw)[1]

    def leave(self, raw: Any) -> str | None:
        """The leave a readable × cell says (`有休`, `研修`), None for any other cell."""
        return self._read(raw)[2]

    def cap(self, raw: Any) -> int | None:
        """The most sessions a readable cell allows its day (`1枠のみ`), None for no cap."""
        self._read(raw)
        return self._caps.get(raw)

    def window(self, raw: Any) -> Window | None:
        """The hours a readable cell says the person is free (`15時から`), None for any other cell."""
        return self._read(raw)[3]

    def kept(self, raw: Any) -> tuple[Mark | None, str | None, str | None, Window | None, frozenset[str]]:
        """(mark, wish, leave, hours, shifts refused) of a readable cell, in one look-up."""
        return self._read(raw)

    def refused(self, raw: Any) -> frozenset[str]:
        """The activities a readable cell refuses that day (`遅番不可`), empty for any other cell."""
        return self._read(raw)[4]


_HALF_ROW_SEARCH = 3  # rows below the header that may hold the 午前/午後 labels
_HALVES = (Mark.AM_ONLY, Mark.PM_ONLY)
Column = tuple[int, date, Mark | None]  # (column, date, the half it holds; None = the whole day)


def _half_row(table: Table) -> tuple[int, dict[int, Mark]] | None:
    """The row of 午前/午後 (AM/PM) labels under a matrix's dates, when it has one: a date with a
    morning and an afternoon column (the date merged across both, or written over each). Looked for
    in the few rows between the header and the first person's row (a weekday row may come first);
    the labels are at least one 午前 and one 午後 and no other mark. Returns (row index, the half of
    each labelled column)."""
    staff_col = table.columns.get("staff_id", 0)
    own_label = normalize_header(table.header()[staff_col]) if staff_col < len(table.header()) else ""
    known = set(table.columns.values())
    for index in range(table.header_row + 1, min(len(table.rows), table.header_row + 1 + _HALF_ROW_SEARCH)):
        row = table.rows[index]
        first = row[staff_col] if staff_col < len(row) else None
        if not is_blank(first) and normalize_header(first) != own_label:  # `職員ID` merged down to here
            return None  # the first person's row: the table has no such row
        halves: dict[int, Mark] = {}
        for col, value in enumerate(row):
            if col in known or is_blank(value):
                continue
            try:
                mark = parse_mark(value)
            except ValueError:
                continue  # a weekday or a note
            if mark not in _HALVES:
                halves = {}  # ○ or ×: someone's answers, not labels
                break
            halves[col] = mark
        if Mark.AM_ONLY in halves.values() and Mark.PM_ONLY in halves.values():
            return index, halves
    return None


def matrix_dates(table: Table, around: Period) -> set[date]:
    """The dates a matrix's header names (its problems left to `read_matrix`), `4/1` read in the
    year of `around` (the sessions' period, before the plan period is known)."""
    half_row = _half_row(table)
    return {day for _, day, _ in _header_dates(table, around, [], half_row[1] if half_row else {})}


def _header_dates(table: Table, period: Period, problems: list[InputProblem],
                  halves: dict[int, Mark]) -> list[Column]:
    """(column, date, half) of the header's dates, inside the period or not. Under a row of
    午前/午後 labels (`halves`), a labelled column with a blank header takes the date to its left (a
    date merged across its two columns). A header with no date at all is read as day numbers of
    the sheet's month (`_day_number_columns`), or else is a problem: every mark in the sheet would
    be dropped unseen."""
    known = set(table.columns.values())
    header = table.header()
    dated: dict[int, date] = {}
    other = None  # the first header that is neither a known column nor a date
    bad = False
    for col, value in enumerate(header):
        if col in known or is_blank(value):
            continue
        if (unreadable := messages.unreadable_cell(value)) is not None:  # `=C3+1` unsaved, `#REF!`
            bad = True
            problems.append(table.problem(table.header_row, col, unreadable))
            continue
        try:
            dated[col] = period.to_date(value)
        except Explained as refused:  # 1/12(水), a Tuesday
            bad = True
            problems.append(table.problem(table.header_row, col, str(refused)))
        except ValueError:
            if looks_like_date(value):
                bad = True
                problems.append(table.problem(table.header_row, col, messages.bad_date(value)))
            elif other is None:
                other = col
    if not dated and not bad:
        if (named := another_month(table, period)) is not None:  # 勤務可否_2月 in a plan of March
            problems.append(table.problem(table.header_row, other if other is not None else 0,
                                          messages.day_numbers_of_another_month(table.sheet, named, period.start)))
            return []
        numbered = _day_number_columns(table, known, period)
        if numbered is None:
            where = other if other is not None else len(header)
            problems.append(table.problem(table.header_row, where, messages.no_date_columns()))
            return []
        dated = dict(numbered)
    for col in sorted(halves):  # a blank header over a half: the date to its left, merged across both
        if col in dated or (col < len(header) and not is_blank(header[col])):
            continue
        left = next((c for c in range(col - 1, -1, -1) if c in known or c in dated
                     or (c < len(header) and not is_blank(header[c]))), None)
        if left in dated:
            dated[col] = dated[left]
        else:
            problems.append(table.problem(table.header_row, col, messages.half_without_date()))
    return [(col, day, halves.get(col)) for col, day in sorted(dated.items())]


def _date_columns(table: Table, period: Period, problems: list[InputProblem],
                  halves: dict[int, Mark]) -> tuple[list[Column], list[Column]]:
    """The header's date columns inside the period, and those outside it (`_header_dates`). A date
    given two columns of the same half is a problem (which to believe?)."""
    columns = _header_dates(table, period, problems, halves)
    inside = _once_each(table, [c for c in columns if c[1] in period], problems)
    return inside, [c for c in columns if c[1] not in period]


def _once_each(table: Table, columns: list[Column], problems: list[InputProblem]) -> list[Column]:
    """`columns` without the second column of a date (or of a date's half), each reported; a whole
    day's column and a half's column of one date clash too."""
    first: dict[tuple[date, Mark | None], int] = {}
    kept = []
    for col, day, half in columns:
        clashes = [(day, None)] + ([(day, h) for h in _HALVES] if half is None else [(day, half)])
        earlier = next((first[key] for key in clashes if key in first), None)
        if earlier is not None:
            problems.append(table.problem(table.header_row, col, messages.duplicate_date_column(
                day.isoformat() if half is None else f"{day.isoformat()} {half.value}",
                f"{table.sheet}!{cell_name(table.header_row, earlier)}")))
            continue
        first[(day, half)] = col
        kept.append((col, day, half))
    return kept


_DAY_NUMBER = re.compile(r"^(\d{1,2})\s*日?\s*(?:[(（]\s*[月火水木金土日]\s*[)）])?$")
# A month named in a sheet's name or title: `2026年5月`, `令和8年5月`, `R8.5`, `2026/5`, `5月`.
_MONTH = re.compile(r"(?:(令和|平成|r|h)\s*(\d{1,2}|元)\s*[年.]|(\d{4})\s*[年/\-.])?\s*(\d{1,2})\s*月"
                    r"|(?:(令和|平成|r|h)\s*(\d{1,2}|元)|(\d{4}))\s*[/\-.]\s*(\d{1,2})(?!\d)")


def _months_named(text: str, period: Period) -> set[tuple[int, int]]:
    """The (year, month) pairs of the plan that `text` names; a month without a year is the plan's
    month of that number."""
    found = set()
    for m in _MONTH.finditer(unicodedata.normalize("NFKC", text).casefold()):
        era, era_year, year, month = (m[1], m[2], m[3], m[4]) if m[4] else (m[5], m[6], m[7], m[8])
        number = int(month)
        if not 1 <= number <= 12:
            continue
        if era:
            try:
                years = {western_year(era, era_year)}
            except ValueError:  # 令和0年
                continue
        elif year:
            years = {int(year)}
        else:
            years = set(range(period.start.year, period.end.year + 1))
        found |= {(y, number) for y in years if _month_in(y, number, period)}
    return found


def _month_in(year: int, month: int, period: Period) -> bool:
    return (period.start.year, period.start.month) <= (year, month) <= (period.end.year, period.end.month)


def _month_of(table: Table, period: Period) -> tuple[int, int] | None:
    """The month a header of day numbers counts in: the plan's when it lies in one month, else the
    one month of the plan named by the sheet's name (`勤務可否_5月`) or by its title rows above
    the header (`2026年5月 勤務可否`); None when none or several are named (the month would be a guess)."""
    if (period.start.year, period.start.month) == (period.end.year, period.end.month):
        return period.start.year, period.start.month
    named = _months_named(table.sheet, period)
    if not named:
        for row in table.rows[:table.header_row]:
            for value in row:
                if isinstance(value, str):
                    named |= _months_named(value, period)
    return next(iter(named)) if len(named) == 1 else None


def another_month(table: Table, period: Period) -> int | None:
    """For a plan within one month, the month a header of day numbers (no date in it) is said to be
    of, by the sheet's name (`勤務可否_2月`) or else its title rows (`令和9年2月 勤務希望`), when that
    names no month of the plan's: a March workbook's only sheet of marks, February's, had its 1-28
    read as March's days (35 places on days marked ×). None when it names the plan's month, or no
    month, or the header has dates."""
    if (period.start.year, period.start.month) != (period.end.year, period.end.month):
        return None  # several months: _month_of finds the one the sheet names among them
    known = set(table.columns.values())
    for col, value in enumerate(table.header()):
        if col in known or is_blank(value) or _day_number(value) is not None:
            continue
        try:
            period.to_date(value)
            return None  # a header of dates: they say their own month
        except (ValueError, TypeError):
            continue
    anywhen = Period(date(period.start.year - 1, 1, 1), date(period.start.year + 1, 12, 31))
    named = {month for _, month in _months_named(table.sheet, anywhen)}
    if not named:
        named = {month for row in table.rows[:table.header_row] for value in row if isinstance(value, str)
                 for _, month in _months_named(value, anywhen)}
    return min(named) if named and period.start.month not in named else None


def _day_number_columns(table: Table, known: set[int], period: Period) -> list[tuple[int, date]] | None:
    """(column, date) for a header of day numbers (`1 2 … 31`, `1日`, `1(水)`) in the month of
    `_month_of`; None when the header holds fewer than two day numbers or no month is known."""
    month = _month_of(table, period)
    if month is None:
        return None
    first = date(month[0], month[1], 1)
    columns = []
    for col, value in enumerate(table.header()):
        if col in known or (number := _day_number(value)) is None:
            continue  # a count or a year in the header row is no day of the month either
        try:
            columns.append((col, first.replace(day=number)))
        except ValueError:
            continue  # day 31 of a 30-day month: its marks are said by _impossible_days
    return columns if len(columns) >= 2 else None


def read_matrix(
    table: Table,
    staff_ids: Collection[str],
    period: Period,
    problems: list[InputProblem],
    availability: Availability,
    seen: Seen,
    blank_means: Mark = Mark.UNAVAILABLE,
    activities: Collection[str] = (),
    wishes: Wishes | None = None,
    notes: list[InputProblem] | None = None,
    kept: Kept | None = None,
    names: Mapping[str, str] | None = None,
) -> frozenset[date]:
    """Adds the marks of a staff × dates matrix to `availability`; `seen` maps ID -> where read
    and for which dates (one person may be on several sheets, `勤務可否_4月` and `_5月`, not twice
    for one date). A date with a 午前 and a 午後 column (`_half_row`) gets one mark from both
    (`day_mark`), a half left blank read as `blank_means`. A cell naming one of the plan's
    `activities` is ○ and adds that wish to `wishes`; leave (有休) and hours (`15時から`) go to `kept`
    (hours in a 午前 or 午後 column are refused). Marks in
    date columns outside the period are not read, said in `notes`. A matrix without a 職員ID column
    finds its people by the names registered on 職員 (`names`: ID -> name, spaces aside). Returns
    the dates of the period the matrix has columns for."""
    half_row = _half_row(table)
    columns, outside = _date_columns(table, period, problems, half_row[1] if half_row else {})
    days = frozenset(day for _, day, _ in columns)
    marks = MarkReader(activities)
    undated = _undated_columns(table, columns)
    impossible = _impossible_days(table, period, columns)
    unread = Unread(period)
    twice: list[tuple[int, str, str]] = []  # (row, staff ID, where they were read before)
    stamp = _stamp_column(table)
    rows = list(table.data())
    if stamp is not None:  # a form's answers, newest first: one sent again replaces the earlier
        rows.sort(key=lambda item: _stamp(item[1], stamp), reverse=True)
    here = f"{table.file} {table.sheet}!"
    for index, row in rows:
        if half_row is not None and index == half_row[0]:
            continue
        cells = Cells(table, index, row, problems)
        key = person_key(table)
        staff_id = _by_name(cells, row, columns, names or {}) if key == "name" else cells.text("staff_id")
        if staff_id is None:
            continue  # said at its 氏名 cell, or a row of labels under the dates
        if not staff_id:
            # someone's answers without their ID: not to be dropped unseen; a row of weekdays under the dates is
            # none (its 日 may even name a shift: 日直)
            if _has_mark(row, columns, marks) and not _weekday_row(row, columns):
                cells.report(key, messages.empty(column_title(AVAILABILITY.column(key))))
            continue  # else a weekday row under the dates, a row of counts or notes
        known = known_id(staff_id, staff_ids)
        if known is None and key == "staff_id" and "name" in table.columns:
            known = _registered_by_name(cells.text("name"), names or {})
        if known is None and (_weekday_row(row, columns) or _LEGEND.match(staff_id)):
            continue  # `曜日 | 金 | 土 | …` under the dates, `凡例：○可 △…` below the table: a label, not a person
        if known is None:
            cells.report("staff_id", messages.unknown_staff(staff_id))
            continue
        staff_id = known
        earlier = next((where for where, given in seen.get(staff_id, ()) if given & days), None)
        if earlier is not None and stamp is not None and earlier.startswith(here):
            if notes is not None:  # an earlier answer of the same form, sent again since: the newer holds
                notes.append(table.problem(index, key, messages.answer_sent_again(staff_id, earlier)))
            continue
        if earlier is not None:
            twice.append((index, staff_id, earlier))
            continue
        seen.setdefault(staff_id, []).append((cells.where("staff_id"), days))
        for col, day, _ in outside:
            if col < len(row) and _is_mark(row[col], marks):
                unread.add(table.header_row, col, day)
        for col in [c for c in undated if c < len(row) and _is_mark(row[c], marks)]:
            undated.remove(col)  # reported once a column
            problems.append(table.problem(table.header_row, col, messages.marks_without_date()))
        for col in [c for c in impossible if c < len(row) and _is_mark(row[c], marks)]:
            if notes is not None:  # a 31 column left on June's sheet, a × in it: dropped without a word
                notes.append(table.problem(table.header_row, col, messages.no_such_day(impossible.pop(col))))
        said: dict[date, dict[Mark, Mark]] = {}  # date -> half -> what the person said of it
        for col, day, half in columns:
            raw = row[col] if col < len(row) else None
            if raw is None:
                continue
            try:
                mark = marks(raw)
            except ValueError:
                problems.append(table.problem(index, col, messages.unknown_mark(raw, activities)))
                continue
            if mark is None:
                continue
            wish = marks.wish(raw)
            if wish is not None and wishes is not None:
                wishes[(staff_id, day)] = wish
            if half is None:
                availability[(staff_id, day)] = mark
                if kept is not None:
                    kept.add((staff_id, day), marks, raw)
            elif (mark in _HALVES and mark is not half) or marks.window(raw) is not None or marks.refused(raw):
                problems.append(table.problem(index, col, messages.wrong_half_mark(raw, half.value)))
            else:
                said.setdefault(day, {})[half] = Mark.AVAILABLE if mark is half else mark
        for day, by_half in said.items():  # a half left blank means what a blank cell means
            availability[(staff_id, day)] = day_mark(by_half.get(Mark.AM_ONLY, blank_means),
                                                     by_half.get(Mark.PM_ONLY, blank_means))
    unread.close(table, notes)
    problems += _twice(table, twice)
    if notes is not None:
        notes += _named_columns_unread(table, columns)
    return days


def _named_columns_unread(table: Table, columns: list[Column]) -> list[InputProblem]:
    """One note for the columns of a matrix with a header of their own that is no date and no column
    Haichi reads, holding words (a 医局's `当直希望日 | 備考` right of the dates, `学会 3/18-3/20` in it, left
    unread unsaid); columns of numbers alone (a row's count of days) pass."""
    header = table.header()
    dated = {col for col, _, _ in columns}
    known = set(table.columns.values())
    found = [col for col in range(len(header)) if col not in dated and col not in known and not is_blank(header[col])
             and not looks_like_date(header[col]) and not isinstance(header[col], (int, float))  # dates elsewhere
             and any(col < len(row) and isinstance(row[col], str) and row[col].strip() for _, row in table.data())]
    if not found:
        return []
    names = "、".join(f"「{typed(header[col])}」" for col in found)
    out = [table.problem(table.header_row, found[0], messages.matrix_columns_unread(names))]
    # and where they say when someone can work (`2/25は午前のみ` beside ○ ○): an exam office's three people
    # put on the afternoon they had refused there, told only that the column was not read
    said = [(index, row, col) for index, row in table.data() for col in found
            if col < len(row) and isinstance(row[col], str) and SAYS_WHEN.search(row[col])]
    if said:
        index, row, col = said[0]
        remark = typed(row[col])
        name = typed(table.value(row, "name")) if "name" in table.columns else ""
        out.append(table.problem(index, col, messages.matrix_remarks_unread(name, remark, len(said) - 1)))
    return out


# The column of when a form's answer was sent (a Google Form's タイムスタンプ, a Microsoft Form's 完了時刻)
_STAMPS = frozenset({"タイムスタンプ", "timestamp", "回答日時", "送信日時", "完了時刻", "回答時刻", "提出日時", "受付日時"})


def _stamp_column(table: Table) -> int | None:
    """The index of the column of when each answer was sent, when the table has one."""
    from models.excel.reader import normalize_header

    return next((i for i, value in enumerate(table.header()) if normalize_header(value) in _STAMPS), None)


def _stamp(row: tuple[Any, ...], column: int) -> tuple[int, str]:
    """A row's time of sending as it sorts: a date and time, or its text (`2026/12/06 20:00:00`); none first."""
    value = row[column] if column < len(row) else None
    if isinstance(value, datetime):
        return 1, value.isoformat()
    if isinstance(value, date):
        return 1, datetime(value.year, value.month, value.day).isoformat()
    if value is None:
        return 0, ""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = re.match(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?", text)
    if m:
        parts = [int(x) if x else 0 for x in m.groups()]
        return 1, datetime(*parts).isoformat()
    return 0, text


# More rows than this repeating people of one other sheet are said once: a month's sheet copied (34 lines).
TWICE_SAID_EACH = 3


def _twice(table: Table, twice: list[tuple[int, str, str]]) -> list[InputProblem]:
    """The rows of people whose marks for these dates were read before: each at its ID, or, when more
    than TWICE_SAID_EACH repeat one other sheet, one problem at the first of them."""
    sheets = {where.rpartition("!")[0] for _, _, where in twice}
    key = person_key(table)
    if len(twice) <= TWICE_SAID_EACH or len(sheets) != 1:
        return [table.problem(index, key, messages.duplicate_availability(staff_id, where))
                for index, staff_id, where in twice]
    index, _, where = twice[0]
    return [table.problem(index, key, messages.duplicate_availability_sheet(len(twice), sheets.pop(), where))]


def person_key(table: Table) -> str:
    """The column a matrix names its people by: 職員ID, else (a matrix of names) 氏名."""
    return "staff_id" if "staff_id" in table.columns else "name"


def _by_name(cells: Cells, row: tuple[Any, ...], columns: list[Column], names: Mapping[str, str]) -> str | None:
    """The staff ID of a row of a matrix without IDs, by its 氏名: "" for a row without a name, None
    for a name no one or several people are registered under (said at its cell; a weekday row under
    the dates passes unsaid)."""
    name = cells.text("name")
    if not name:
        return ""
    owners = ids_named(name, names)
    if len(owners) == 1:
        return owners[0]
    if owners:
        cells.report("name", messages.name_of_several(name, owners))
    elif not _weekday_row(row, columns):
        cells.report("name", messages.unknown_name(name))
    return None


def _registered_by_name(name: str, names: Mapping[str, str]) -> str | None:
    """The one person of this name when 職員 registered them by name alone (no 職員ID column: the
    name is their ID), for a matrix that gives IDs from another list beside the names."""
    owners = ids_named(name, names) if name else []
    return owners[0] if len(owners) == 1 and names[owners[0]] == owners[0] else None


class Unread:
    """Marks for dates outside the plan period, not read: said in one note per sheet, with the
    cells (their header cells in a matrix, their date cells in a form), how many and which dates."""

    def __init__(self, period: Period) -> None:
        self.period = period
        self.cells: set[tuple[int, int]] = set()  # (row, column) of the cells naming their dates
        self.days: list[date] = []

    def add(self, row: int, col: int, day: date) -> None:
        """One mark not read, for `day`, whose date is named in the cell (`row`, `col`)."""
        self.cells.add((row, col))
        self.days.append(day)

    def close(self, table: Table, notes: list[InputProblem] | None) -> None:
        """The note, when a mark was not read."""
        if not self.days or notes is None:
            return
        first, last = (cell_name(*cell) for cell in (min(self.cells), max(self.cells)))
        since, until = min(self.days).isoformat(), max(self.days).isoformat()
        # a year typed wrong (2026/4/10 in a plan of April 2027) is no date to widen the period for
        year_off = next((shift for shift in (1, -1) if all(
            (moved := _years_later(day, shift)) is not None and moved in self.period for day in self.days)), None)
        notes.append(InputProblem(table.file, table.sheet, first if first == last else f"{first}:{last}",
                                  messages.marks_outside_period(
                                      len(self.days), since if since == until else f"{since}〜{until}",
                                      self.period.start.isoformat(), self.period.end.isoformat(), year_off)))


def _years_later(day: date, years: int) -> date | None:
    """The same day `years` later (earlier when negative); None for a 29 February without one."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return None


def _impossible_days(table: Table, period: Period, columns: list[Column]) -> dict[int, str]:
    """In a header of day numbers, the columns naming a day its month does not have (`31` on June's
    sheet, copied from May's): column -> `6/31`."""
    header = table.header()
    if not columns or any(isinstance(v, (date, datetime)) for v in header) or (month := _month_of(table, period)) is None:
        return {}
    length = calendar.monthrange(*month)[1]
    dated = {col for col, _, _ in columns}
    out = {}
    for col, value in enumerate(header):
        if col not in dated and (number := _day_number(value)) is not None and number > length:
            out[col] = f"{month[1]}/{number}"
    return out


def _day_number(value: Any) -> int | None:
    """The day of the month a header cell names (`5`, `5日`, `5(水)`), None for anything else (a
    date, a count or a year beside the days)."""
    if is_blank(value) or isinstance(value, (bool, date, datetime)):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer():
        number = int(value)
    elif isinstance(value, str) and (match := _DAY_NUMBER.match(unicodedata.normalize("NFKC", value).strip())):
        number = int(match[1])
    else:
        return None
    return number if 1 <= number <= 31 else None


def _undated_columns(table: Table, columns: list[Column]) -> list[int]:
    """The columns right of the first date whose header is blank and that hold no date: a mark
    there (someone's answer for a day the header does not name, say a second column under a merged
    date without 午前/午後 labels) would be dropped unseen, so it is reported."""
    if not columns:
        return []
    header = table.header()
    dated = {col for col, _, _ in columns}
    known = set(table.columns.values())
    width = max((len(row) for row in table.rows[table.header_row + 1:]), default=0)
    first = min(dated)
    return [col for col in range(first + 1, width)
            if col not in dated and col not in known and (col >= len(header) or is_blank(header[col]))]


_WEEKDAY = re.compile(r"^\(?(?:[月火水木金土日祝](?:曜日?)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\)?$")


# The start of a line of notes under (or over) a 勤務可否 table, not a person: `凡例：○可 △できれば避けたい`,
# `※ 午前のみ…`, `注）` (a health centre's 凡例 below its table was refused as an unknown 職員ID).
_LEGEND = re.compile(r"^(?:凡例|※|＊|\*|注\s*[:：)）]|注意|備考|記号|記入例|記入方法|記入上の注意)")


def _weekday_row(row: tuple[Any, ...], columns: list[Column]) -> bool:
    """Whether every filled date cell of `row` names a weekday (`金`, `(土)`, `Sun`), at least one
    does: the weekday row under the dates, whatever its first cells say (`曜日`)."""
    filled = [row[col] for col, _, _ in columns if col < len(row) and not is_blank(row[col])]
    return bool(filled) and all(
        isinstance(value, str) and _WEEKDAY.match(normalize_header(value)) for value in filled)


def _is_mark(value: Any, marks: MarkReader) -> bool:
    """Whether `value` reads as a mark (an unreadable one is not)."""
    try:
        return marks(value) is not None
    except ValueError:
        return False


def _has_mark(row: tuple[Any, ...], columns: list[Column], marks: MarkReader) -> bool:
    """Whether any date cell of `row` holds a mark (`水`, counts and notes are not marks)."""
    return any(col < len(row) and _is_mark(row[col], marks) for col, _, _ in columns)
