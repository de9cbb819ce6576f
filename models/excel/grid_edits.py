"""People changed in the 配置表 sheet of a roster workbook, read into its roster.

A coordinator fixes a roster where they read it, in the 配置表 grid, not in the Assignments
table. With the export fingerprint (`models.excel.fingerprint`) each session's 配置表 entry and
Assignments rows can be compared with what Haichi wrote, and each sheet's edits counted:

- 配置表 changed, Assignments as exported: the session's people are read from 配置表. People
  still there keep their Assignments row (and its lock); people added are unlocked.
- Assignments changed, 配置表 as exported: Assignments is read, and the note says 配置表 is stale.
- both changed the same session to the same people: read as they say. Both changed it differently:
  refused, naming the cell and both versions — a coordinator who edited the two sheets by
  hand must say which one holds the roster; Haichi does not guess which edit came last.
  Edits of different sessions, one in each sheet, are all read: they do not contradict each other.
- an edited entry with a name nobody is registered under, a name twice, a heading changed or
  removed: refused, naming the cell, for a misread name would check the wrong person.

Without a fingerprint (an older Haichi's export, a workbook made by hand) Assignments is read
as before, and the 配置表 cells whose people differ from it are named (`grid_disagreements`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from models.domain import Assignment, Problem, bare_name, ids_named
from models.errors import InputProblem
from models.excel.duty_edits import DutyReport
from models.excel.fingerprint import Fingerprint, names_digest, people_digest
from models.excel.grid_reader import Entry, Master
from models.excel.history_sheet import UnappliedHistory
from models.excel.schema import ASSIGNMENTS_SHEET, MASTER_SHEET
from models.excel.sheets_master import session_heading
from models.i18n import t


@dataclass(frozen=True)
class GridEdit:
    """One session whose people were read from its edited 配置表 entry: registered names."""

    cell: str
    session: str  # `4/1 灘 3歳児健診 13:00-16:00`
    removed: tuple[str, ...]
    added: tuple[str, ...]

    def note(self) -> str:
        old, new = "、".join(self.removed), "、".join(self.added)
        if old and new:
            change = f"{old} → {new}"
        elif new:
            change = t("{new} を追加", "added {new}", new=new)
        else:
            change = t("{old} を外す", "removed {old}", old=old)
        return t("{sheet}!{cell} の変更を読みました（{session}: {change}）",
                 "read the change in {sheet}!{cell} ({session}: {change})",
                 sheet=MASTER_SHEET, cell=self.cell, session=self.session, change=change)


@dataclass(frozen=True)
class GridReport:
    """What the 配置表 sheet said beside the Assignments sheet: the sessions read from it, the cells
    whose people differ from the roster read, whether the workbook has the export fingerprint and
    whether, having one, its 配置表 could not be read (gone, or its layout reworked). Also the
    roster read's other note: a hidden history sheet of another plan period, left unapplied."""

    edits: tuple[GridEdit, ...] = ()
    stale: tuple[str, ...] = ()
    fingerprint: bool = False
    unreadable: bool = False
    unapplied_history: UnappliedHistory | None = None
    duty: DutyReport = DutyReport()  # what was read from the 勤務表 sheet

    def notes(self) -> list[str]:
        """The lines to show the user, in the current language."""
        notes = [edit.note() for edit in self.edits] + self.duty.notes()
        if self.unapplied_history is not None:
            notes.append(self.unapplied_history.note())
        if self.unreadable:
            notes.append(t("注意: 配置表 が書き出した時の形ではないため、配置表 での変更は読めません。Haichi は Assignments シートを読みました。",
                           "note: 配置表 is no longer laid out as exported, so changes made in it cannot be read; "
                           "Haichi read the Assignments sheet."))
        if not self.stale:
            return notes
        cells = "、".join(self.stale[:5]) + (
            t(" ほか {n} か所", " and {n} more", n=len(self.stale) - 5) if len(self.stale) > 5 else "")
        if self.fingerprint:
            notes.append(t("注意: 配置表 の {cells} は書き出した時のままで、その後の Assignments シートの変更が表示されていません。"
                           "Haichi は Assignments シートを読みました。",
                           "note: 配置表 {cells} still show(s) the people as exported, not the later changes of the "
                           "Assignments sheet; Haichi read the Assignments sheet.", cells=cells))
        else:
            notes.append(t("注意: 配置表 の {cells} が Assignments シートと食い違っています。Haichi は Assignments シートを読みます"
                           "（配置表で人を替えたときは、Assignments の行も直してください）。",
                           "note: 配置表 {cells} disagree(s) with the Assignments sheet. Haichi reads the Assignments sheet "
                           "(when you change people in 配置表, change their Assignments rows too).", cells=cells))
        return notes


class _Session:
    """One session's 配置表 entry beside its Assignments rows and its fingerprint."""

    def __init__(self, problem: Problem, entry: Entry, rows: list[Assignment], names: dict[str, str], book: str):
        self.entry, self.rows, self.names, self.book = entry, rows, names, book  # names: staff ID -> name
        self.req = problem.requirement(entry.requirement_id)

    def bare(self, staff_id: str) -> str:
        return bare_name(self.names.get(staff_id, staff_id))

    def shown(self, bare: str) -> str:
        """A name as registered (`山田 花子` for `山田花子`)."""
        return next((self.names[i] for i in ids_named(bare, self.names)), bare)

    def in_rows(self) -> Counter[str]:
        return Counter(self.bare(a.staff_id) for a in self.rows)

    def at_cell(self, message: str) -> InputProblem:
        return InputProblem(self.book, MASTER_SHEET, self.entry.cell, message)

    def entry_problem(self) -> InputProblem | None:
        """What makes the edited entry unreadable: a name not registered, or one person twice."""
        assert self.entry.names is not None
        if self.entry.unknown:
            return self.at_cell(t(
                "{quoted}は職員シートに登録された氏名ではありません（{session}）",
                "{listed}: not the name of anyone on the staff sheet ({session})",
                quoted="、".join(f"「{u}」" for u in self.entry.unknown),
                listed=", ".join(f'"{u}"' for u in self.entry.unknown), session=self.req.label()))
        twice = [n for n, k in Counter(self.entry.names).items() if k > len(ids_named(n, self.names))]
        if twice:
            return self.at_cell(t("{names} が {session} に2回書かれています", "{names} written twice in {session}",
                                   names="、".join(map(self.shown, twice)), session=self.req.label()))
        return None

    def conflict(self) -> InputProblem:
        listed = ["、".join(sorted(self.shown(n) for n in people.elements())) or t("なし", "nobody")
                  for people in (Counter(self.entry.names), self.in_rows())]
        return self.at_cell(t(
            "{session} の人が 配置表 と {assignments} シートの両方で変えられていて、食い違っています"
            "（配置表: {grid} / {assignments}: {rows}）。どちらか一方を、もう一方に合わせてください",
            "the people of {session} were changed both in 配置表 and in the {assignments} sheet, differently "
            "(配置表: {grid}; {assignments}: {rows}); make one of the two match the other",
            session=self.req.label(), assignments=ASSIGNMENTS_SHEET, grid=listed[0], rows=listed[1]))

    def from_grid(self) -> tuple[list[Assignment], GridEdit] | InputProblem:
        """The session's assignments as its 配置表 entry names them, keeping the Assignments row
        (and lock) of each person still there; or why a name is not one person."""
        assert self.entry.names is not None
        left = list(self.rows)
        kept: list[Assignment] = []
        added: list[Assignment] = []
        for name in self.entry.names:
            same = next((a for a in left if self.bare(a.staff_id) == name), None)
            if same is not None:
                left.remove(same)
                kept.append(same)
                continue
            taken = {a.staff_id for a in kept + added}
            ids = [i for i in ids_named(name, self.names) if i not in taken]
            if len(ids) != 1:
                return self.at_cell(t(
                    "「{name}」という職員が {n} 人います（{ids}）。この人を入れるときは {assignments} シートに職員ID で書いてください",
                    '{n} people are named "{name}" ({ids}): to place one of them, write their staff ID in the '
                    "{assignments} sheet", name=self.shown(name), n=len(ids), ids=", ".join(ids),
                    assignments=ASSIGNMENTS_SHEET))
            added.append(Assignment(ids[0], self.req.id, source="import"))
        # the session by its date and site too: many home-care clients have 生活援助 09:00-10:00 the same day
        edit = GridEdit(self.entry.cell, self.req.label(),
                        tuple(self.names.get(a.staff_id, a.staff_id) for a in left),
                        tuple(self.names[a.staff_id] for a in added))
        return kept + added, edit


def read_grid_edits(book: str, problem: Problem, assignments: list[Assignment],
                    fingerprint: dict[str, Fingerprint], master: Master | None,
                    problems: list[InputProblem]) -> tuple[list[Assignment], GridReport]:
    """The assignments with the people of 配置表 entries edited since the export (see the module
    docstring), and the report of what was read; every unreadable entry is added to `problems`."""
    if master is None:
        return assignments, GridReport(fingerprint=True, unreadable=True)
    problems += [InputProblem(book, MASTER_SHEET, cell, message) for cell, message in master.problems]
    unread = {cell for cell, _ in master.problems}
    names = {s.id: s.name for s in problem.staff}
    rows: dict[str, list[Assignment]] = defaultdict(list)
    for a in assignments:
        rows[a.requirement_id].append(a)
    replaced: dict[str, list[Assignment]] = {}
    edits: list[GridEdit] = []
    stale: list[str] = []
    headless: dict[str, list[str]] = defaultdict(list)  # cell -> headings of exported sessions missing from it
    for entry in master.entries:
        session = _Session(problem, entry, rows.get(entry.requirement_id, []), names, book)
        exported = fingerprint.get(entry.requirement_id)
        if entry.names is None:
            # a session added to 枠 since the export has no heading yet; a heading changed is reported already
            if exported is not None and entry.cell not in unread:
                headless[entry.cell].append(session_heading(session.req))
            continue
        if exported is None or names_digest(session.req.id, entry.names + entry.unknown) == exported.grid:
            if Counter(entry.names) != session.in_rows() and entry.cell not in stale:
                stale.append(entry.cell)
            continue
        if (bad := session.entry_problem()) is not None:
            problems.append(bad)
        elif people_digest(session.req.id, [a.staff_id for a in session.rows]) != exported.assignments:
            if Counter(entry.names) != session.in_rows():
                problems.append(session.conflict())
        elif isinstance(read := session.from_grid(), InputProblem):
            problems.append(read)
        else:
            replaced[session.req.id], edit = read
            if edit.removed or edit.added:
                edits.append(edit)
    problems += [InputProblem(book, MASTER_SHEET, cell, t(
        "枠の見出し行（{headings}）がありません。見出し行は消さずに、その下の氏名だけを書き換えてください",
        "the session heading ({headings}) is missing: keep the heading lines and change the names under them",
        headings="、".join(headings))) for cell, headings in headless.items()]
    kept = [a for a in assignments if a.requirement_id not in replaced]
    return kept + [a for new in replaced.values() for a in new], GridReport(tuple(edits), tuple(stale), True)
