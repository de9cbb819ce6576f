"""The 勤務可否 sheets of one import: found and located once, the plan period grown to their dates,
their marks read (a form replacing what a matrix said of its person), and notes on the gaps a
coordinator should not miss: a person with no row, a form returned blank, no marks at all.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from models.domain import Mark, Staff
from models.errors import InputProblem
from models.excel import messages
from models.excel.availability_sheet import Availability, Seen, Wishes, matrix_dates, read_matrix
from models.excel.form_sheet import form_dates, is_form, read_form
from models.excel.reader import Book, Period, Table, locate
from models.excel.schema import AVAILABILITY
from models.excel.settings_sheet import Settings
from models.i18n import t


@dataclass(frozen=True)
class MarksSheet:
    """A 勤務可否 sheet: a matrix's located table, or a one-person form's rows (`table` None)."""

    book: Book
    title: str
    rows: list[tuple[Any, ...]]
    table: Table | None = None

    def dates(self, around: Period) -> set[date]:
        """The dates its header (a matrix) or its rows (a form) name, read near `around`."""
        if self.table is not None:
            return matrix_dates(self.table, around)
        return form_dates(self.book.name, self.title, self.rows, around)


def marks_sheets(books: list[Book], problems: list[InputProblem]) -> list[MarksSheet] | None:
    """Every 勤務可否 sheet, matrices located (a matrix without its columns reported and left out);
    None when no book has one."""
    found = False
    sheets = []
    for book in books:
        for title in book.find(AVAILABILITY, prefix=True):
            found = True
            rows = book.rows(title)
            if is_form(rows):
                sheets.append(MarksSheet(book, title, rows))
            elif (table := locate(book.name, title, rows, AVAILABILITY, problems, book.merged(title))) is not None:
                sheets.append(MarksSheet(book, title, rows, table))
    return sheets if found else None


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
    sheets: list[MarksSheet], period: Period, staff: Sequence[Staff], staff_ids: set[str],
    activities: Sequence[str], blank: Mark, problems: list[InputProblem], notes: list[InputProblem],
) -> tuple[Availability, Wishes]:
    """The marks and wishes of every matrix, then of every form (a form replaces its person's
    matrix row and wishes). `staff` are the people read from 職員, `staff_ids` every ID written
    there; `blank` what a blank cell means. Problems go to `problems`, the gaps to `notes`."""
    matrix: Availability = {}
    forms: dict[str, Availability] = {}
    matrix_wishes: Wishes = {}
    form_wishes: Wishes = {}
    seen_matrix: Seen = {}
    seen_forms: dict[str, str] = {}
    names = {person.id: person.name for person in staff}
    read: list[tuple[Table, str]] = []  # each sheet read, with the column its notes name
    matrices: list[tuple[Table, frozenset[date]]] = []
    for sheet in sheets:
        if sheet.table is None:
            before = set(forms)
            table = read_form(sheet.book.name, sheet.title, sheet.rows, staff_ids, period, problems, forms,
                              seen_forms, names, activities, form_wishes, notes)
            if table is not None:
                read.append((table, "mark"))
                notes += [table.problem(table.header_row, "mark", messages.blank_form(f"{i} {names[i]}", blank))
                          for i in set(forms) - before if not forms[i]]
        else:
            matrices.append((sheet.table, read_matrix(sheet.table, staff_ids, period, problems, matrix, seen_matrix,
                                                      blank, activities, matrix_wishes, notes)))
            read.append((sheet.table, "staff_id"))
    notes += _rowless(matrices, seen_matrix, set(forms), staff, blank)
    result = {key: mark for key, mark in matrix.items() if key[0] not in forms}
    for marks in forms.values():
        result.update(marks)
    if not result and read and blank is not Mark.UNAVAILABLE:  # under ×, `haichi import` says to send the forms
        table, key = read[0]
        notes.append(table.problem(table.header_row, key, messages.no_marks_at_all(blank)))
    return result, {key: wish for key, wish in matrix_wishes.items() if key[0] not in forms} | form_wishes


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
            listed = t("、", ", ").join(f"{person.id} {person.name}" for person in people)
            notes.append(table.problem(table.header_row, "staff_id", messages.no_availability_row(listed, blank)))
    return notes
