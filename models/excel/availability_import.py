"""The 勤務可否 sheets of one import: found and located once, the plan period grown to their dates,
their marks read (a form replacing what a matrix said of its person), and notes on the gaps a
coordinator should not miss: a person with no row, a form returned blank, no marks at all.

A matrix may also be laid out the other way round, as many calendars are: dates down and people
across (`日付 | H001 | H002` or their names over the columns). Such a sheet is turned round and read
like any matrix; every problem and note it gives names the cell as the sheet has it.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from openpyxl.utils.cell import coordinate_to_tuple

from models.domain import Mark, Staff, ids_named, known_id, normalize, typed
from models.errors import InputProblem
from models.excel import messages
from models.excel.availability_sheet import (
    Availability, Kept, Seen, Wishes, another_month, matrix_dates, person_key, read_matrix,
)
from models.excel.form_sheet import form_dates, is_form, read_form, same_name
from models.excel.reader import HEADER_SEARCH_ROWS, Book, Period, Table, cell_name, is_blank, locate
from models.excel.schema import AVAILABILITY
from models.excel.settings_sheet import Settings
from models.i18n import t
from models.textparse import Explained, parse_date, parse_window

# The blanks-read-as-× note needs one cell in this many blank (of the people's days in the period):
# a sheet with every day marked, mostly × (weekends, a doctor's weekdays), has no blank to mean ○.
BLANKS_WORTH_A_NOTE = 20


@dataclass(frozen=True)
class MarksSheet:
    """A 勤務可否 sheet: a matrix's located table, or a one-person form's rows (`table` None)."""

    book: Book
    title: str
    rows: list[tuple[Any, ...]]
    table: Table | None = None
    turned: bool = False  # dates down and people across, read turned round (its cells named as they are)

    def dates(self, around: Period) -> set[date]:
        """The dates its header (a matrix) or its rows (a form) name, read near `around`."""
        if self.table is not None:
            return matrix_dates(self.table, around)
        return form_dates(self.book.name, self.title, self.rows, around)


def marks_sheets(books: list[Book], problems: list[InputProblem],
                 names: Mapping[str, str] | None = None,
                 stand_ins: Sequence[tuple[Book, str]] = ()) -> list[MarksSheet] | None:
    """Every 勤務可否 sheet, matrices located (a matrix without its columns reported and left out);
    None when no book has one. `names` (staff ID -> name, from 職員) lets a matrix of dates down and
    people across be recognised and turned round. `stand_ins` are sheets of other names read as
    勤務可否 (importer._marks_stand_ins)."""
    sheets = []
    titles = [(book, title) for book in books for title in book.find(AVAILABILITY, prefix=True)]
    for book, title in [*titles, *stand_ins]:
        rows = book.rows(title)
        if is_form(rows):
            sheets.append(MarksSheet(book, title, rows))
            continue
        local: list[InputProblem] = []
        table = locate(book.name, title, rows, AVAILABILITY, local, book.merged(title))
        turned = _turned_round(rows, names) if table is None and names else None
        if turned is not None:  # dates down and people across: read turned round
            local = []
            table = locate(book.name, title, turned, AVAILABILITY, local)
            problems += [_as_sheet_has_it(p) for p in local]
            if table is not None:
                sheets.append(MarksSheet(book, title, turned, table, turned=True))
            continue
        problems += local
        if table is not None:
            sheets.append(MarksSheet(book, title, rows, table))
    return sheets if titles or stand_ins else None


def _person(value: Any, names: Mapping[str, str]) -> str | None:
    """The staff ID a header cell names: an ID, or the one person registered under that name."""
    if is_blank(value) or isinstance(value, (date, datetime)):
        return None
    found = known_id(normalize(value), names)
    if found is not None:
        return found
    named = ids_named(value, names)
    return named[0] if len(named) == 1 else None


def is_day(value: Any) -> bool:
    """Whether a cell holds a date (`4/1`, `2026/4/1`, `4月1日(水)`, an Excel date, ...)."""
    if isinstance(value, (date, datetime)):
        return True
    try:
        parse_date(value, default_year=2000)
    except Explained:
        return True  # its weekday only fits another year than the one it was tried in: a date still
    except (ValueError, TypeError):
        return False
    return True


def _names_differ(table: Table, names: Mapping[str, str]) -> list[InputProblem]:
    """A note at each 氏名 cell of a matrix that names someone else than its row's 職員ID does on
    職員 (spaces aside): the row is read by its ID, and names sorted apart from their IDs (a sort of
    the name column alone) would give each person another's marks without a word."""
    if "name" not in table.columns or "staff_id" not in table.columns:
        return []
    notes = []
    for index, row in table.data():
        written, given = table.value(row, "name"), table.value(row, "staff_id")
        if is_blank(written) or is_blank(given):
            continue
        staff_id = known_id(normalize(given), names)
        if staff_id is not None and names.get(staff_id) and not same_name(str(written), names[staff_id]):
            notes.append(table.problem(index, "name", messages.name_differs(
                normalize(written), names[staff_id], staff_id, ids_named(normalize(written), names))))
    return notes


def _turned_round(rows: list[tuple[Any, ...]], names: Mapping[str, str]) -> list[tuple[Any, ...]] | None:
    """A matrix of dates down and people across, turned round (people down, dates across) with the
    cells keeping their places: the cell of row r, column c is the turned sheet's row c, column r.
    Its header row names people (IDs or registered names) over most of its cells, a column left of
    them holds dates below it; that header cell becomes 職員ID, the people's cells their IDs, and
    every other column and the rows above the header are left blank. None when the sheet is not so."""
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        filled = [c for c, value in enumerate(row) if not is_blank(value)]
        people = {c: found for c in filled if (found := _person(row[c], names)) is not None}
        if len(people) < 2 and not (people and len(filled) <= 2) or len(people) * 2 < len(filled) - 1:
            continue
        day_columns = [c for c in filled if c not in people and c < min(people)
                       and any(is_day(below[c]) for below in rows[r + 1:] if c < len(below))]
        if not day_columns:
            return None
        days = day_columns[0]
        width = max(len(row) for row in rows)
        turned: list[list[Any]] = [[None] * len(rows) for _ in range(width)]
        for c in (days, *people):
            for i in range(r, len(rows)):
                turned[c][i] = rows[i][c] if c < len(rows[i]) else None
            if c in people:
                turned[c][r] = people[c]
        turned[days][r] = "職員ID"
        return [tuple(line) for line in turned]
    return None


def _as_sheet_has_it(problem: InputProblem) -> InputProblem:
    """A problem of a turned-round sheet, at the cell as the sheet has it (row and column swapped)."""
    if not problem.cell or ":" in problem.cell:  # no single cell: none, or a range
        return problem
    row, column = coordinate_to_tuple(problem.cell)
    return replace(problem, cell=cell_name(column - 1, row - 1))


def covering(period: Period, settings: Settings, sheets: list[MarksSheet]) -> Period:
    """The sessions' `period` grown, at each end 設定 leaves open, to the 勤務可否 dates in the
    months it spans: a month's availability makes the plan that month, sessions or not on its
    first and last days. Dates of other months (a sheet for next month, a year typed wrong) do
    not stretch the plan; their marks are said in a note as they are read."""
    months = Period(period.start.replace(day=1),
                    period.end.replace(day=calendar.monthrange(period.end.year, period.end.month)[1]))
    dates = [day for sheet in sheets for day in sheet.dates(period) if day in months]
    start = period.start if settings.period_start else min([period.start, *dates])
    end = period.end if settings.period_end else max([period.end, *dates])
    return Period(start, end)


def read_availability(
    sheets: list[MarksSheet], period: Period, staff: Sequence[Staff], staff_ids: Mapping[str, str],
    activities: Sequence[str], blank: Mark, problems: list[InputProblem], notes: list[InputProblem],
    kept: Kept | None = None,
    session_days: Collection[date] = (),
    listed: Collection[str] = (),
) -> tuple[Availability, Wishes]:
    """The marks and wishes of every matrix, then of every form (a form replaces its person's
    matrix row and wishes), the days of leave (有休) and the hours free (`15時から`) into `kept`. Days of `session_days` no matrix has a column for are said in `notes`. `staff` are the people read from 職員, `staff_ids` every ID written
    there with their names (a matrix of names finds the people of rows refused too, whose marks are
    then left out as theirs are by ID); `blank` what a blank cell means; `listed` the people whose days
    the 職員 sheet or a sheet beside it lists (不可日), not said as without a row. Problems go to
    `problems`, the gaps to `notes`."""
    matrix: Availability = {}
    forms: dict[str, Availability] = {}
    matrix_wishes: Wishes = {}
    form_wishes: Wishes = {}
    matrix_kept, form_kept = Kept(), Kept()
    seen_matrix: Seen = {}
    seen_forms: dict[str, str] = {}
    names = {person.id: person.name for person in staff}
    read: list[tuple[Table, str]] = []  # each sheet read, with the column its notes name
    matrices: list[tuple[Table, frozenset[date]]] = []
    said = len(problems), len(notes)
    # a sheet of another month's day numbers (勤務可否_2月 beside 勤務可否_3月) is last month's, left out
    # and said; alone, it is refused as it is read (availability_sheet.another_month)
    matrices_given = [sheet for sheet in sheets if sheet.table is not None]
    stale = [(sheet, month) for sheet in matrices_given
             if (month := another_month(sheet.table, period)) is not None]
    if stale and len(stale) < len(matrices_given):
        notes += [InputProblem(sheet.book.name, sheet.title, "", messages.sheet_of_another_month(sheet.title, month))
                  for sheet, month in stale]
        left_out = {id(sheet) for sheet, _ in stale}
        sheets = [sheet for sheet in sheets if id(sheet) not in left_out]
    for sheet in sheets:
        if sheet.table is None:
            before = set(forms)
            table = read_form(sheet.book.name, sheet.title, sheet.rows, staff_ids, period, problems, forms,
                              seen_forms, names, activities, form_wishes, notes, form_kept)
            if table is not None:
                read.append((table, "mark"))
                # a person whose 職員 row had a problem has no name read: the ID alone
                notes += [table.problem(table.header_row, "mark", messages.blank_form(f"{i} {names.get(i, '')}".strip(),
                                                                                     blank))
                          for i in set(forms) - before if not forms[i]]
                notes += _remarks(table, period)
        else:
            matrices.append((sheet.table, read_matrix(sheet.table, staff_ids, period, problems, matrix, seen_matrix,
                                                      blank, activities, matrix_wishes, notes, matrix_kept,
                                                      {**{i: n for i, n in staff_ids.items() if n}, **names})))
            notes += _names_differ(sheet.table, names)
            read.append((sheet.table, "staff_id"))
    notes += _rowless(matrices, seen_matrix, set(forms) | set(listed), staff, blank)
    notes += _columnless(matrices, session_days, blank)
    result = {key: mark for key, mark in matrix.items() if key[0] not in forms}
    for marks in forms.values():
        result.update(marks)
    if not result and read and blank is not Mark.UNAVAILABLE:  # under ×, `haichi import` says to send the forms
        table, key = read[0]
        notes.append(table.problem(table.header_row, key, messages.no_marks_at_all(blank)))
    refusing = sum(1 for mark in result.values() if mark is Mark.UNAVAILABLE)
    cells = len({staff_id for staff_id, _ in result}) * ((period.end - period.start).days + 1)
    blanks = cells - len(result)
    if read and blank is Mark.UNAVAILABLE and refusing > len(result) - refusing and BLANKS_WORTH_A_NOTE * blanks >= cells:
        # under ×, people write the days they can work: mostly × written means blanks were meant as ○
        table, key = read[0]
        notes.append(table.problem(table.header_row, key, messages.blanks_as_unavailable(refusing, len(result) - refusing)))
    turned = {(sheet.book.name, sheet.title) for sheet in sheets if sheet.turned}
    for found, start in ((problems, said[0]), (notes, said[1])):
        found[start:] = [_as_sheet_has_it(p) if (p.file, p.sheet) in turned else p for p in found[start:]]
    if kept is not None:
        kept.update(matrix_kept, but=forms)
        kept.update(form_kept)
    return result, {key: wish for key, wish in matrix_wishes.items() if key[0] not in forms} | form_wishes


def _remarks(table: Table, period: Period) -> list[InputProblem]:
    """A note at each 備考 a returned form holds for a day of the plan (`10時から`): the roster cannot
    read it, so the coordinator must."""
    if "notes" not in table.columns:
        return []
    found = []
    for index, row in table.data():
        remark = typed(table.value(row, "notes"))
        if not remark:
            continue
        try:
            day = period.to_date(table.value(row, "date"))
        except ValueError:
            continue  # the date's own problem, if any, is said by the form's reader
        if day in period:
            found.append(table.problem(index, "notes", messages.form_remark(day, remark, parse_window(remark) is not None)))
    return found


def _columnless(matrices: list[tuple[Table, frozenset[date]]], session_days: Collection[date],
                blank: Mark) -> list[InputProblem]:
    """A note at the first matrix's header when the matrices leave days with sessions without a column
    (a care home's 1/31 typed as `2/1(月)`: everyone blank that day, said only as a mark outside the
    period). A day without sessions needs none (an exam office lists its exam days alone)."""
    if not matrices:
        return []
    covered = frozenset().union(*(days for _, days in matrices))
    missing = sorted(day for day in set(session_days) if day not in covered)
    if not missing or not covered:
        return []  # no dated columns at all is said where the matrix is read
    runs: list[list[date]] = []
    for day in missing:
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    said = t("、", ", ").join(f"{r[0].month}/{r[0].day}" + (f"〜{r[-1].month}/{r[-1].day}" if len(r) > 1 else "")
                              for r in runs)
    table = matrices[0][0]
    return [table.problem(table.header_row, person_key(table), messages.days_without_column(said, blank))]


def _rowless(matrices: list[tuple[Table, frozenset[date]]], seen: Seen, with_form: set[str], staff: Sequence[Staff],
             blank: Mark) -> list[InputProblem]:
    """A note at a matrix's 職員ID header naming the people of the 職員 sheet it has no row for,
    when no other matrix has one for its dates nor a form came from them: each of their days is
    blank, what 空欄の扱い makes it (× by default), and a row forgotten would go unseen. Each
    person is named once, at the first such matrix."""
    notes, named = [], set()
    for table, days in matrices:
        people = [person for person in staff if person.active and person.id not in with_form | named
                  and days and not any(given & days for _, given in seen.get(person.id, ()))]
        if people:
            named |= {person.id for person in people}
            listed = t("、", ", ").join(person.label() for person in people)
            notes.append(table.problem(table.header_row, "staff_id", messages.no_availability_row(listed, blank)))
    return notes
