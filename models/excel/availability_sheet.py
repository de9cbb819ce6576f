"""Who can work when: the 勤務可否 matrix (staff × dates) and one-person availability forms.

A matrix has `職員ID` as a column header and one column per date; a form has a `職員ID` label
with the ID to its right, above a `日付 | 可否` table with one row per date. Marks outside the
plan period are ignored; a form replaces what a matrix said about that person.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from models.domain import Mark, normalize
from models.errors import InputProblem
from models.excel import messages
from models.excel.reader import (
    HEADER_SEARCH_ROWS,
    Cells,
    Period,
    Table,
    cell_name,
    column_title,
    find_label,
    is_blank,
    locate,
    match_columns,
)
from models.excel.schema import AVAILABILITY_FORM, FORM_STAFF_ID_LABELS
from models.textparse import parse_mark

Availability = dict[tuple[str, date], Mark]


_DATE_LIKE = re.compile(r"\d+\s*[/月.\-]\s*\d+")


def _looks_like_date(value: Any) -> bool:
    """Whether a header that failed to parse was meant as a date (else it is an extra column)."""
    if isinstance(value, (date, datetime)):
        return True
    return isinstance(value, str) and bool(_DATE_LIKE.search(unicodedata.normalize("NFKC", value)))


def is_form(rows: list[tuple[Any, ...]]) -> bool:
    """Whether a 勤務可否 sheet is a one-person form (a `日付 | 可否` header in the first rows)."""
    for row in rows[:HEADER_SEARCH_ROWS]:
        found = match_columns(row, AVAILABILITY_FORM.columns)
        if "date" in found and "mark" in found:
            return True
    return False


class MarkReader:
    """Parses marks with a cache: a 500 × 365 matrix holds only a handful of distinct values."""

    def __init__(self) -> None:
        self._cache: dict[Any, Mark | None] = {}

    def __call__(self, raw: Any) -> Mark | None:
        if raw not in self._cache:
            self._cache[raw] = parse_mark(raw)  # ValueError propagates; bad values are not cached
        return self._cache[raw]


def _date_columns(table: Table, period: Period, problems: list[InputProblem]) -> list[tuple[int, date]]:
    known = set(table.columns.values())
    result = []
    for col, value in enumerate(table.header()):
        if col in known or is_blank(value):
            continue
        try:
            day = period.to_date(value)
        except ValueError:
            if _looks_like_date(value):
                problems.append(table.problem(table.header_row, col, messages.bad_date(value)))
            continue
        if day in period:
            result.append((col, day))
    return result


def read_matrix(
    table: Table,
    staff_ids: set[str],
    period: Period,
    problems: list[InputProblem],
    availability: Availability,
    seen: dict[str, str],
) -> None:
    """Adds the marks of a staff × dates matrix to `availability`; `seen` maps ID -> where read."""
    columns = _date_columns(table, period, problems)
    marks = MarkReader()
    for index, row in table.data():
        cells = Cells(table, index, row, problems)
        staff_id = cells.text("staff_id")
        if not staff_id:
            continue  # a weekday row under the dates, or a row of notes
        if staff_id not in staff_ids:
            cells.report("staff_id", messages.unknown_staff(staff_id))
            continue
        if staff_id in seen:
            cells.report("staff_id", messages.duplicate_availability(staff_id, seen[staff_id]))
            continue
        seen[staff_id] = cells.where("staff_id")
        for col, day in columns:
            raw = row[col] if col < len(row) else None
            if raw is None:
                continue
            try:
                mark = marks(raw)
            except ValueError:
                problems.append(table.problem(index, col, messages.unknown_mark(raw)))
                continue
            if mark is not None:
                availability[(staff_id, day)] = mark


def read_form(
    file: str,
    sheet: str,
    rows: list[tuple[Any, ...]],
    staff_ids: set[str],
    period: Period,
    problems: list[InputProblem],
    forms: dict[str, Availability],
    seen: dict[str, str],
) -> None:
    """Reads one person's form into `forms[staff_id]` (their marks inside the period)."""
    table = locate(file, sheet, rows, AVAILABILITY_FORM, problems)
    if table is None:
        return
    label = find_label(rows, FORM_STAFF_ID_LABELS, table.header_row)
    staff_id = normalize(label[2]) if label else ""
    if not staff_id:
        where = cell_name(label[0], label[1]) if label else cell_name(table.header_row, 0)
        problems.append(InputProblem(file, sheet, where, messages.no_form_id()))
        return
    id_cell = cell_name(label[0], label[1])
    if staff_id not in staff_ids:
        problems.append(InputProblem(file, sheet, id_cell, messages.unknown_staff(staff_id)))
        return
    if staff_id in seen:
        problems.append(InputProblem(file, sheet, id_cell,
                                     messages.duplicate_availability(staff_id, seen[staff_id])))
        return
    seen[staff_id] = f"{file} {sheet}!{id_cell}"
    marks: Availability = {}
    for index, row in table.data():
        cells = Cells(table, index, row, problems)
        mark = cells.get("mark", parse_mark, messages.unknown_mark)
        if is_blank(cells.raw("date")):
            if mark is not None:
                cells.report("date", messages.empty(column_title(AVAILABILITY_FORM.column("date"))))
            continue
        day = cells.get("date", period.to_date, messages.bad_date)
        if cells.ok and day in period and mark is not None:
            marks[(staff_id, day)] = mark
    forms[staff_id] = marks
