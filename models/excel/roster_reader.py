"""Reading an exported roster workbook back (`haichi check`): its input sheets and `Assignments`.

The input sheets are read by the same code as an import; the `Assignments` long table
(`date, site, activity, start, end, staff_id, staff_name, locked`) names each session by its
date, site, activity and start, and each person by ID. People changed in the 配置表 sheet since
the export are read from there (`models.excel.grid_edits`), and then people's days changed in the
勤務表 sheet (`models.excel.duty_edits`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from models.domain import Assignment, Problem, Requirement, Roster, bare_name, hhmm, ids_named, known_id, normalize
from models.errors import InputProblem, InvalidInput
from models.excel import messages
from models.excel.duty_edits import read_duty_edits
from models.excel.fingerprint import Fingerprint, people_digest, read_duty_fingerprint, read_fingerprint
from models.excel.grid_edits import GridReport, read_grid_edits
from models.excel.grid_reader import grid_disagreements, read_master
from models.excel.history_sheet import KeptHistory, read_history
from models.excel.importer import collect
from models.excel.reader import Book, Cells, Table, locate, open_book
from models.excel.schema import ASSIGNMENTS_COLUMNS, ASSIGNMENTS_SHEET, DUTY_SHEET, MASTER_SHEET, Column, SheetSpec
from models.i18n import t
from models.rulemeta import RuleInfo
from models.textparse import parse_bool, parse_date, parse_time

ASSIGNMENTS = SheetSpec(
    ASSIGNMENTS_SHEET,
    ASSIGNMENTS_SHEET,
    tuple(Column(name, name, name != "staff_name") for name in ASSIGNMENTS_COLUMNS),
)


def _names(problem: Problem) -> dict[str, str]:
    """Staff ID -> registered name."""
    return {s.id: s.name for s in problem.staff}


def _name_mismatch(name: str, staff_id: str, problem: Problem) -> str | None:
    """Why the staff_name cell does not go with the staff_id cell, or None when it does (the
    registered name, spaces aside, or its family name alone) or is blank.
    `check` places people by ID, so a name changed alone would be ignored without this."""
    registered = problem.staff_by_id(staff_id).name
    family = normalize(registered).split()[:1]  # the family name alone (`佐藤` for `佐藤 次郎`) is a short form
    if not name or bare_name(name) in {bare_name(registered), *family}:
        return None
    hint = ""
    if others := ids_named(name, _names(problem)):
        hint = t("「{name}」の職員IDは {ids} です。", '"{name}" has staff ID {ids}. ', name=name, ids=", ".join(others))
    elif (other := known_id(name, {s.id for s in problem.staff})) is not None:
        hint = t("「{name}」は {other} の職員IDです。", '"{name}" is the staff ID of {other}. ',
                 name=name, other=problem.staff_by_id(other).name)
    return t("氏名「{name}」は職員ID {id} の職員（{registered}）と一致しません。{hint}"
             "人を替えるときは職員ID の列も書き換えてください（check は職員ID で人を読みます）",
             'name "{name}" does not match staff ID {id} ({registered}). {hint}'
             "To put someone else here, change the staff_id cell too (check reads people by ID)",
             name=name, id=staff_id, registered=registered, hint=hint)


def _unknown_staff(staff_id: str, problem: Problem) -> str:
    """The unknown-ID message, with the ID when the cell holds a registered person's name instead."""
    ids = ids_named(staff_id, _names(problem))
    if not ids:
        return messages.unknown_staff(staff_id)
    return t("職員ID の列に氏名「{name}」が書かれています。職員ID（{ids}）を記入してください",
             'the staff_id cell holds the name "{name}": write the staff ID ({ids}) instead',
             name=staff_id, ids=", ".join(ids))


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
        cells.report("staff_id", _unknown_staff(staff_id, problem))
    elif (mismatch := _name_mismatch(cells.text("staff_name"), known, problem)) is not None:
        cells.report("staff_name", mismatch)
    staff_id = known or staff_id
    if not cells.ok:
        return None
    return Assignment(staff_id, requirement_id, locked=locked, source="import")


@dataclass
class _Workbook:
    """What a roster workbook holds beside its input sheets."""

    assignments: list[Assignment] = field(default_factory=list)
    master: list[tuple[object, ...]] = field(default_factory=list)  # the 配置表 rows (none without one)
    fingerprint: dict[str, Fingerprint] | None = None
    history: KeptHistory = field(default_factory=KeptHistory)  # what the export's plan carried in
    duty: list[tuple[object, ...]] | None = None  # the 勤務表 rows (None without one)
    duty_fingerprint: dict[str, str] | None = None  # staff id -> their 勤務表 row's digest as exported


def _read_workbook(path: Path, problem: Problem, problems: list[InputProblem]) -> _Workbook:
    """The Assignments sheet's assignments, the rows of the 配置表 sheet and the export fingerprint."""
    book = open_book(path, problems)
    if book is None:
        return _Workbook()
    try:
        master = book.rows(MASTER_SHEET) if MASTER_SHEET in book.titles else []
        duty = book.rows(DUTY_SHEET) if DUTY_SHEET in book.titles else None
        return _Workbook(_assignments_in(book, problem, problems), master, read_fingerprint(book),
                         read_history(book, problems), duty, read_duty_fingerprint(book))
    finally:
        book.close()


def _assignments_in(book: Book, problem: Problem, problems: list[InputProblem]) -> list[Assignment]:
    """The assignments of the Assignments sheet, every bad row reported."""
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


def read_roster(path: Path | str, catalogue: Sequence[RuleInfo] = ()) -> tuple[Problem, Roster]:
    """The problem in a roster workbook's input sheets and the roster in its `Assignments` sheet;
    locked assignments are also the Problem's `locked`. Raises InvalidInput with every problem."""
    problem, roster, _ = read_roster_and_grid(path, catalogue)
    return problem, roster


def read_roster_and_grid(path: Path | str, catalogue: Sequence[RuleInfo] = ()) -> tuple[Problem, Roster, GridReport]:
    """`read_roster`, with the people of the 配置表 entries edited since the export read from 配置表
    (`models.excel.grid_edits`: with the export fingerprint), and the report of what 配置表 said:
    the cells read from it, or the cells whose people differ from the roster read. Raises
    InvalidInput with every problem of both sheets."""
    path = Path(path)
    problem, problems = collect([path], catalogue)
    if problem is None:
        raise InvalidInput(problems)
    book = _read_workbook(path, problem, problems)
    if problems:
        raise InvalidInput(problems)
    assignments = book.assignments
    if book.fingerprint is None:
        report = GridReport(stale=tuple(grid_disagreements(book.master, problem, Roster(assignments))))
    else:
        assignments, report = read_grid_edits(path.name, problem, assignments, book.fingerprint,
                                              read_master(book.master, problem), problems)
        if book.duty is not None and not problems:
            changed = _changed_sessions(problem, assignments, book.fingerprint)
            assignments, duty = read_duty_edits(path.name, problem, assignments, book.duty, book.duty_fingerprint,
                                                changed, problems)
            report = replace(report, duty=duty)
        if problems:
            raise InvalidInput(problems)
    history, unapplied = book.history.for_plan(problem)
    locked = [a for a in assignments if a.locked]
    return problem.with_(locked=locked, **history), Roster(assignments), replace(report, unapplied_history=unapplied)


def _changed_sessions(problem: Problem, assignments: list[Assignment], fingerprint: dict[str, Fingerprint]) -> set[str]:
    """The sessions whose people differ from the export's (`fingerprint`): changed in 配置表 or Assignments."""
    people: dict[str, list[str]] = {}
    for a in assignments:
        people.setdefault(a.requirement_id, []).append(a.staff_id)
    return {req.id for req in problem.requirements
            if req.id in fingerprint and people_digest(req.id, people.get(req.id, [])) != fingerprint[req.id].assignments}
