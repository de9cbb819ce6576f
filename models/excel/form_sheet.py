"""One person's availability form (勤務可否 回答票) as a sheet: who it is for and their marks.

A form has a `職員ID` label with the ID to its right (or in the same cell, `職員ID：H003`), an
optional `氏名` label, above a `日付 | 可否` table with one row per date. People edit the forms
they return, so what cannot be attributed safely is refused with its cell: another person's name
under the ID, the same date answered twice differently, a form whose dates all lie outside the
plan (last month's form sent by mistake), a note typed in the date column; marks for some dates
outside the plan are not read, said in a note. A 可否 cell naming one of the plan's shifts (`日勤`,
`日勤/準夜`) is a wish, read as the 勤務可否 matrix reads it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from models.domain import Mark, bare_name, ids_named, known_id, normalize
from models.errors import InputProblem
from models.excel import messages
from models.excel.availability_sheet import Availability, Kept, MarkReader, Unread, Wishes, looks_like_date
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
from models.excel.schema import (
    AVAILABILITY, AVAILABILITY_FORM, AVAILABILITY_LIST, FORM_NAME_LABELS, FORM_STAFF_ID_LABELS,
)


def is_form(rows: list[tuple[Any, ...]]) -> bool:
    """Whether a 勤務可否 sheet is a one-person form: a `日付 | 可否` header in the first rows, or a
    `日付` header below a `職員ID | H003` label (its answer column misnamed, which `locate` reports)."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = match_columns(row, AVAILABILITY_FORM.columns)
        if "date" in found and ("mark" in found or _id_label_above(rows, index)):
            return True
    return False


def form_dates(file: str, sheet: str, rows: list[tuple[Any, ...]], around: Period) -> set[date]:
    """The dates a form's rows name (its problems left to `read_form`), `4/1` read in the year of
    `around` (the sessions' period, before the plan period is known)."""
    table = locate(file, sheet, rows, AVAILABILITY_FORM, [])
    found = set()
    for _, row in table.data() if table is not None else ():
        try:
            found.add(around.to_date(table.value(row, "date")))
        except ValueError:
            continue
    return found


def _id_label_above(rows: list[tuple[Any, ...]], below: int) -> bool:
    """Whether a staff-ID label with an ID to its right stands above row `below` (a matrix's
    `職員ID` header has `氏名` or a date to its right instead)."""
    label = find_label(rows, FORM_STAFF_ID_LABELS, below)
    if label is None or is_blank(label[2]):
        return False
    value = label[2]
    return not looks_like_date(value) and not match_columns((value,), AVAILABILITY.columns)


def labelled(rows: list[tuple[Any, ...]], labels: tuple[str, ...], above: int) -> tuple[int, int, Any] | None:
    """`find_label`, or else a label and its value typed into one cell (`職員ID：H003`, `氏名 山田`):
    (row, col, value); a label with nothing beside it gives (row, col, None)."""
    found = find_label(rows, labels, above)
    if found is not None and not is_blank(found[2]):
        return found
    names = "|".join(re.escape(unicodedata.normalize("NFKC", label)) for label in labels)
    same_cell = re.compile(rf"^\s*(?:{names})\s*(?::\s*|\s+)(\S.*)$", re.IGNORECASE)
    for r, row in enumerate(rows[:above]):
        for c, value in enumerate(row):
            if isinstance(value, str) and (m := same_cell.match(unicodedata.normalize("NFKC", value))):
                return r, c, m[1].strip()
    return found


def same_name(a: str, b: str) -> bool:
    """Names compared without spaces (`bare_name`)."""
    return bare_name(a) == bare_name(b)


def owner_of(name: str, names: Mapping[str, str]) -> str | None:
    """The one staff ID registered under `name` (spaces ignored), None when none or several are."""
    owners = ids_named(name, names)
    return owners[0] if len(owners) == 1 else None


def _whose(rows: list[tuple[Any, ...]], table: Table, label: tuple[int, int, Any] | None,
           staff_ids: Collection[str], names: Mapping[str, str]) -> tuple[str, str] | InputProblem:
    """(staff ID, its cell) from the form's ID label, or the problem that stops the form: no ID,
    an unknown one (with the ID of the name written, when it is someone's), or a 氏名 that is
    another registered person's."""
    name_label = labelled(rows, FORM_NAME_LABELS, table.header_row)
    name = normalize(name_label[2]) if name_label and not is_blank(name_label[2]) else ""
    named = owner_of(name, names)
    where = cell_name(label[0], label[1]) if label else cell_name(table.header_row, 0)
    staff_id = normalize(label[2]) if label else ""
    if not staff_id:
        return InputProblem(table.file, table.sheet, where, messages.no_form_id(name, named))
    known = known_id(staff_id, staff_ids)
    if known is None:
        typed_name = owner_of(staff_id, names)  # a name typed where the ID belongs
        hint = (staff_id, typed_name) if typed_name else (name, named) if named else None
        return InputProblem(table.file, table.sheet, where, messages.unknown_form_id(staff_id, hint))
    if name and known in names and not same_name(name, names[known]) and named is not None:
        assert name_label is not None
        return InputProblem(table.file, table.sheet, cell_name(name_label[0], name_label[1]),
                            messages.form_name_of_another(name, named, known, names[known]))
    return known, where


def read_form(
    file: str,
    sheet: str,
    rows: list[tuple[Any, ...]],
    staff_ids: Collection[str],
    period: Period,
    problems: list[InputProblem],
    forms: dict[str, Availability],
    seen: dict[str, str],
    names: Mapping[str, str] | None = None,
    activities: Collection[str] = (),
    wishes: Wishes | None = None,
    notes: list[InputProblem] | None = None,
    kept: Kept | None = None,
) -> Table | None:
    """Reads one person's form into `forms[staff_id]` (their marks inside the period); `seen`
    maps an ID to where its form was read, `names` an ID to the registered name (to catch a
    form whose 氏名 is someone else's). A cell naming one of the plan's `activities` is ○ and
    adds that wish to `wishes`; marks for dates outside the period are said in `notes`. Returns
    the form's table, None when it was not read."""
    listed = as_list(file, sheet, rows, problems)
    if listed is not None:  # one row per person and day: each person's rows are their form
        return _read_list(listed, staff_ids, period, problems, forms, seen, names or {}, activities, wishes, notes,
                          kept)
    table = locate(file, sheet, rows, AVAILABILITY_FORM, problems)
    if table is None:
        return None
    found = _whose(rows, table, labelled(rows, FORM_STAFF_ID_LABELS, table.header_row), staff_ids, names or {})
    if isinstance(found, InputProblem):
        problems.append(found)
        return None
    staff_id, where = found
    if staff_id in seen:
        problems.append(InputProblem(file, sheet, where, messages.duplicate_availability(staff_id, seen[staff_id])))
        return None
    seen[staff_id] = f"{file} {sheet}!{where}"
    forms[staff_id] = _marks(table, staff_id, period, problems, activities,
                             wishes if wishes is not None else {}, notes, kept if kept is not None else Kept())
    return table


def as_list(file: str, sheet: str, rows: list[tuple[Any, ...]],
             problems: list[InputProblem]) -> Table | None:
    """The sheet's table when it is a list of answers of several people (`氏名 | 日付 | 可否`, a Google
    Form's export, refused before as a form without its 職員ID label); None for a one-person form."""
    for row in rows[:HEADER_SEARCH_ROWS]:
        found = match_columns(row, AVAILABILITY_LIST.columns)
        if "date" in found and "mark" in found and ("staff_id" in found or "name" in found):
            return locate(file, sheet, rows, AVAILABILITY_LIST, problems)
    return None


def list_key(table: Table) -> str:
    """The column a list of answers names its people by: 職員ID, else 氏名."""
    return "staff_id" if "staff_id" in table.columns else "name"


def list_owner(table: Table, row: tuple[Any, ...], staff_ids: Collection[str], names: Mapping[str, str]) -> str | None:
    """Whose answer a row of a list of answers is: the staff ID its 職員ID or 氏名 names (None: no one's)."""
    key = list_key(table)
    written = normalize(table.value(row, key))
    if not written:
        return None
    return known_id(written, staff_ids) if key == "staff_id" else owner_of(written, names)


def _read_list(table: Table, staff_ids: Collection[str], period: Period, problems: list[InputProblem],
               forms: dict[str, Availability], seen: dict[str, str], names: Mapping[str, str],
               activities: Collection[str], wishes: Wishes | None, notes: list[InputProblem] | None,
               kept: Kept | None) -> Table:
    """Each person's rows of a list of answers read as their form (`_marks`), the person found by 職員ID,
    else by 氏名; an unknown person, or one given a form elsewhere too, is a problem at their first cell."""
    key = list_key(table)
    people: dict[str, list[tuple[int, tuple[Any, ...]]]] = {}
    first: dict[str, str] = {}
    for index, row in table.data():
        written = normalize(table.value(row, key))
        if not written:
            continue
        staff_id = list_owner(table, row, staff_ids, names)
        if staff_id is None:
            problems.append(table.problem(index, key, messages.unknown_listed_person(written, key == "name")))
            continue
        if staff_id not in people:
            first[staff_id] = table.cell(index, key)
        people.setdefault(staff_id, []).append((index, row))
    for staff_id, rows in people.items():
        if staff_id in seen:
            problems.append(InputProblem(table.file, table.sheet, first[staff_id],
                                         messages.duplicate_availability(staff_id, seen[staff_id])))
            continue
        seen[staff_id] = f"{table.file} {table.sheet}!{first[staff_id]}"
        forms[staff_id] = _marks(table, staff_id, period, problems, activities, wishes if wishes is not None else {},
                                 notes, kept if kept is not None else Kept(), rows)
    return table


def _marks(table: Table, staff_id: str, period: Period, problems: list[InputProblem],
           activities: Collection[str], wishes: Wishes, notes: list[InputProblem] | None,
           kept: Kept, rows: list[tuple[int, tuple[Any, ...]]] | None = None) -> Availability:
    """The marks of the day rows inside the period (their wishes into `wishes`, leave and hours into
    `kept`), every bad row reported, marks outside the period said in `notes` (all of them outside: a
    problem). `rows` are the person's rows of a list of answers (`_read_list`), else the table's all."""
    marks: Availability = {}
    read = MarkReader(activities)
    unread = Unread(period)
    answered: dict[date, tuple[str, Mark | None, str | None]] = {}  # date -> (first row's date cell, mark, wish)
    inside, first_outside = False, None
    for index, row in (table.data() if rows is None else rows):
        cells = Cells(table, index, row, problems)
        mark = cells.get("mark", read, lambda raw: messages.unknown_form_mark(raw, activities))
        wish = read.wish(cells.raw("mark")) if mark is not None else None
        raw_date = cells.raw("date")
        if is_blank(raw_date):
            if mark is not None:
                cells.report("date", messages.empty(column_title(AVAILABILITY_FORM.column("date"))))
            continue
        bad = messages.bad_date if looks_like_date(raw_date) or not isinstance(raw_date, str) \
            else messages.note_in_date_column
        day = cells.get("date", period.to_date, bad)
        if day is None:
            continue
        if day not in period:
            first_outside = first_outside or table.cell(index, "date")
            if mark is not None:
                unread.add(index, table.columns["date"], day)
            continue
        inside = True
        earlier = answered.get(day)
        if earlier is not None and None not in (earlier[1], mark) and earlier[1:] != (mark, wish):
            cells.report("date", messages.form_date_twice(day.isoformat(), f"{table.sheet}!{earlier[0]}"))
        if earlier is None or earlier[1] is None:
            answered[day] = (table.cell(index, "date"), mark, wish)
        if cells.ok and mark is not None and (earlier is None or earlier[1] is None):
            marks[(staff_id, day)] = mark
            if wish is not None:
                wishes[(staff_id, day)] = wish
            kept.add((staff_id, day), read, cells.raw("mark"))
    if first_outside and not inside:
        problems.append(InputProblem(table.file, table.sheet, first_outside, messages.form_outside_period(
            period.start.isoformat(), period.end.isoformat())))
    else:
        unread.close(table, notes)
    return marks
