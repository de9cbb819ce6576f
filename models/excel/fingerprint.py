"""The export fingerprint: what a roster workbook said of each session when Haichi wrote it.

A roster workbook names its people twice, in the 配置表 sheet a coordinator edits and in the
Assignments table Haichi reads. To tell later which of the two a person was changed in, the
export keeps, per session, a digest of the staff IDs of its Assignments rows and one of the
names its 配置表 entry shows (grid cell or list row alike), in a very hidden sheet: not shown,
not printed, kept by Excel and by LibreOffice (which saves it as a hidden sheet). Digests rather
than copies, so the sheet is never a third place people could be read from. The 勤務表 sheet
(people down, days across) is kept the same way, one digest per person's row of day cells, so
that a row edited since the export can be told from one merely showing the roster as exported
(`models.excel.duty_edits`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook

from models.domain import Problem, Roster, bare_name, normalize
from models.excel.reader import Book
from models.excel.sheets_master import placed_names
from models.excel.sheetwriter import SheetWriter

FINGERPRINT_SHEET = "haichi_export"
_MARK = "Haichi export fingerprint"  # the first cell, so a sheet of this name made by someone else is not read
_VERSION = 1
_DUTY = "duty"  # the third cell of a 勤務表 row's digest, where a session's row holds its 配置表 digest


@dataclass(frozen=True)
class Fingerprint:
    """One session as exported: the digest of its Assignments people and of its 配置表 names."""

    assignments: str
    grid: str


def _digest(kind: str, requirement_id: str, items: Iterable[str]) -> str:
    text = "\x1f".join([kind, requirement_id, *sorted(items)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]  # 96 bits: to notice edits, not to resist forgery


def people_digest(requirement_id: str, staff_ids: Iterable[str]) -> str:
    """The digest of a session's people as the Assignments sheet names them (staff IDs)."""
    return _digest("assignments", requirement_id, staff_ids)


def names_digest(requirement_id: str, names: Iterable[str]) -> str:
    """The digest of a session's people as 配置表 shows them (names, compared spaces aside)."""
    return _digest("grid", requirement_id, (bare_name(n) for n in names))


def duty_digest(staff_id: str, cells: Mapping[date, str]) -> str:
    """The digest of a person's 勤務表 row: day -> the text of its cell, blank days left out (and
    a cell's lines compared trimmed and folded)."""
    return _digest(_DUTY, staff_id, (f"{day.isoformat()}\x1e{duty_text(text)}" for day, text in cells.items()
                                     if duty_text(text)))


def duty_text(value: object) -> str:
    """A 勤務表 cell's text as compared: its lines folded and trimmed, blank lines dropped."""
    return "\n".join(line.strip() for line in normalize(value).splitlines() if line.strip())


def write_fingerprint(wb: Workbook, problem: Problem, roster: Roster, duty: Mapping[str, Mapping[date, str]]) -> None:
    """The very hidden fingerprint sheet: one row per session with its two digests, then one per
    person who works with the digest of their 勤務表 row (`duty`: the cells write_duty_roster wrote)."""
    sheet = SheetWriter(wb, FINGERPRINT_SHEET)
    sheet.ws.sheet_state = "veryHidden"
    sheet.append([_MARK, _VERSION], look=None)
    sheet.append(["session", "assignments", "grid"], look=None)
    shown = placed_names(problem, roster)
    for req in problem.requirements:
        staff_ids = roster.staff_for(req.id)
        sheet.append([req.id, people_digest(req.id, staff_ids), names_digest(req.id, shown.get(req.id, []))],
                     look=None)
    for staff_id, cells in duty.items():
        sheet.append([staff_id, duty_digest(staff_id, cells), _DUTY], look=None)


def read_fingerprint(book: Book) -> dict[str, Fingerprint] | None:
    """Requirement id -> its fingerprint, or None when the workbook has none (written by an older
    Haichi or by hand)."""
    if FINGERPRINT_SHEET not in book.titles:
        return None
    rows = book.rows(FINGERPRINT_SHEET)
    if not rows or [normalize(v) for v in rows[0][:2]] != [_MARK, str(_VERSION)]:
        return None
    found = {}
    for row in rows[2:]:
        if len(row) >= 3 and all(isinstance(v, str) for v in row[:3]) and row[2] != _DUTY:
            found[row[0]] = Fingerprint(row[1], row[2])
    return found


def read_duty_fingerprint(book: Book) -> dict[str, str] | None:
    """Staff id -> the digest of their 勤務表 row as exported (people with no session have none),
    or None when the workbook's fingerprint has no 勤務表 rows (an export older than them)."""
    if read_fingerprint(book) is None:
        return None
    rows = [row for row in book.rows(FINGERPRINT_SHEET)[2:] if len(row) >= 3 and row[2] == _DUTY]
    if not rows:
        return None
    return {normalize(row[0]): str(row[1]) for row in rows}
