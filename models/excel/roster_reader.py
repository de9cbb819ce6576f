"""Reading an exported roster workbook back (`haichi check`): its input sheets and `Assignments`.

The input sheets are read by the same code as an import; the `Assignments` long table
(`date, site, activity, start, end, staff_id, staff_name, locked`) names each session by its
date, site, activity and start, and each person by ID.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from models.domain import Assignment, Problem, Requirement, Roster, hhmm, known_id
from models.errors import InputProblem, InvalidInput
from models.excel import messages
from models.excel.importer import collect
from models.excel.reader import Cells, Table, locate, open_book
from models.excel.schema import ASSIGNMENTS_COLUMNS, ASSIGNMENTS_SHEET, Column, SheetSpec
from models.i18n import t
from models.rulemeta import RuleInfo
from models.textparse import parse_bool, parse_date, parse_time

ASSIGNMENTS = SheetSpec(
    ASSIGNMENTS_SHEET,
    ASSIGNMENTS_SHEET,
    tuple(Column(name, name, name != "staff_name") for name in ASSIGNMENTS_COLUMNS),
)


def _assignment(cells: Cells, problem: Problem, staff_ids: set[str]) -> Assignment | None:
    """One row as an Assignment, or None after reporting what is wrong with it."""
    col = ASSIGNMENTS.column
    day = cells.get("date", parse_date, messages.bad_date, col("date"))
    site = cells.text("site", col("site"))
    activity = cells.text("activity", col("activity"))
    start = cells.get("start", parse_time, messages.bad_time, col("start"))
    end = cells.get("end", parse_time, messages.bad_time, col("end"))
    staff_id = cells.text("staff_id", col("staff_id"))
    locked = cells.get("locked", parse_bool, messages.bad_bool, default=False)
    if not cells.ok:
        return None
    requirement_id = Requirement.make_id(day, site, activity, start)
    if not problem.has_requirement(requirement_id) or problem.requirement(requirement_id).end != end:
        label = f"{day.month}/{day.day} {site} {activity} {hhmm(start)}-{hhmm(end)}"
        cells.report("date", t("枠 {label} は枠シートにありません", "session {label} is not on the sessions sheet",
                               label=label))
    known = known_id(staff_id, staff_ids)
    if known is None:
        cells.report("staff_id", messages.unknown_staff(staff_id))
    staff_id = known or staff_id
    if not cells.ok:
        return None
    return Assignment(staff_id, requirement_id, locked=locked, source="import")


def _read_assignments(path: Path, problem: Problem, problems: list[InputProblem]) -> list[Assignment]:
    book = open_book(path, problems)
    if book is None:
        return []
    try:
        titles = book.find(ASSIGNMENTS)
        if not titles:
            problems.append(InputProblem(book.name, "", "", messages.missing_sheet(ASSIGNMENTS_SHEET)))
            return []
        table: Table | None = locate(book.name, titles[0], book.rows(titles[0]), ASSIGNMENTS, problems)
        if table is None:
            return []
        result: list[Assignment] = []
        seen: set[tuple[str, str]] = set()
        staff_ids = {s.id for s in problem.staff}
        for index, row in table.data():
            assignment = _assignment(Cells(table, index, row, problems), problem, staff_ids)
            # The same person twice in one session is one assignment.
            if assignment is not None and (assignment.staff_id, assignment.requirement_id) not in seen:
                seen.add((assignment.staff_id, assignment.requirement_id))
                result.append(assignment)
        return result
    finally:
        book.close()


def read_roster(path: Path | str, catalogue: Sequence[RuleInfo] = ()) -> tuple[Problem, Roster]:
    """The problem in a roster workbook's input sheets and the roster in its `Assignments` sheet;
    locked assignments are also the Problem's `locked`. Raises InvalidInput with every problem."""
    path = Path(path)
    problem, problems = collect([path], catalogue)
    if problem is None:
        raise InvalidInput(problems)
    assignments = _read_assignments(path, problem, problems)
    if problems:
        raise InvalidInput(problems)
    locked = [a for a in assignments if a.locked]
    return problem.with_(locked=locked), Roster(assignments)
