"""Returned forms written back into the coordinator's own workbook, as it is laid out.

`haichi collect --into 入力.xlsx` had written the merged plan as a new workbook in the template's
layout: title rows, 毎日の枠, the sheet per month, the staff's 備考 and every format were gone (a
care home and an after-school club each had to copy them back by hand for the next month). Here the
workbook is copied and only the 勤務可否 cells of the people whose forms came back change, each
written as a cell says it (`cell_text`: ○, 希, 有休, `13:00〜`, a shift asked for). A cell that
already reads the same keeps its spelling (`休み` stays `休み`, not `×`).

That needs every one of those people to have a row, by 職員ID, in a matrix of whole-day columns for
every day they answered; anything else (forms sent instead of a matrix, a 午前/午後 pair of columns, a
matrix of names or dates down the side) returns None, and the caller writes the template's layout.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from models.domain import Problem, known_id, normalize, rotation_order
from models.errors import InputProblem
from models.excel.availability_import import marks_sheets
from models.excel.availability_sheet import MarkReader, _date_columns, _half_row, wishes_of
from models.excel.importer import marks_stand_ins
from models.excel.reader import Period, open_book
from models.textparse import cell_text

Edits = dict[tuple[str, str], str | None]  # (sheet, cell) -> the text it is to say (None: blank)


def marks_edits(source: Path, problem: Problem, people: Collection[str]) -> Edits | None:
    """The cells of `source`'s 勤務可否 matrices to rewrite so that they say `problem`'s marks of
    `people`, only those that now read otherwise; None when the workbook's layout cannot take them."""
    problems: list[InputProblem] = []
    book = open_book(source, problems)
    if book is None:
        return None
    try:
        # the sheets the import reads as 勤務可否, named so or not (an election office's 意向調査)
        sheets = marks_sheets([book], problems, {s.id: s.name for s in problem.staff}, marks_stand_ins([book]))
        if not sheets or any(s.table is None or s.turned for s in sheets):
            return None
        period = Period(problem.start, problem.end)
        activities = rotation_order(problem.requirements)
        read, wishes = MarkReader(activities), wishes_of(problem)
        known = {s.id for s in problem.staff}
        edits: Edits = {}
        covered: dict[str, set[date]] = {}
        for sheet in sheets:
            table = sheet.table
            assert table is not None
            if _half_row(table) is not None or "staff_id" not in table.columns:
                return None
            columns, _ = _date_columns(table, period, [], {})
            for index, row in table.data():
                staff_id = known_id(normalize(table.value(row, "staff_id")), known)
                if staff_id is None or staff_id not in people:
                    continue
                covered.setdefault(staff_id, set()).update(day for _, day, _ in columns)
                for col, day, _ in columns:
                    key = (staff_id, day)
                    wanted = cell_text(problem.availability.get(key), wishes.get(key), problem.leave.get(key),
                                       problem.windows.get(key), problem.refused.get(key), activities,
                                       problem.day_caps.get(key))
                    if _says(read, row[col] if col < len(row) else None, activities) != wanted:
                        edits[(sheet.title, table.cell(index, col))] = wanted
        said = {(staff_id, day) for staff_id, day in problem.availability if staff_id in people}
        if any(day not in covered.get(staff_id, set()) for staff_id, day in said):
            return None  # someone without a row, or an answer for a day without a column: the template's layout holds them
        return edits
    finally:
        book.close()


def _says(read: MarkReader, raw: Any, activities: Sequence[str] = ()) -> str | None:
    """What a cell says, written as `cell_text` writes it (None: blank or unreadable)."""
    try:
        mark = read(raw)
    except ValueError:
        return None
    return (cell_text(mark, read.wish(raw), read.leave(raw), read.window(raw), read.refused(raw), activities,
                      read.cap(raw))
            if mark is not None else None)


def write_marks_into(source: Path, target: Path, edits: Edits) -> None:
    """`source` with `edits` made, saved at `target` (formats, formulas and every other sheet kept).
    A cell of a merged range (a × across a weekend) has the range unmerged first, its value copied
    to each of its cells, so that the days it covered keep what they said."""
    wb = openpyxl.load_workbook(source)
    try:
        for (title, ref), text in edits.items():
            ws = wb[title]
            # the range's first cell too: rewritten while merged, it would speak for the days after it
            if (merged := next((r for r in ws.merged_cells.ranges if ref in r), None)) is not None:
                value = ws.cell(merged.min_row, merged.min_col).value
                ws.unmerge_cells(str(merged))
                for row in ws.iter_rows(merged.min_row, merged.max_row, merged.min_col, merged.max_col):
                    for cell in row:
                        cell.value = value
            ws[ref].value = text
        wb.save(target)
    finally:
        wb.close()
