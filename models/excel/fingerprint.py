"""The export fingerprint: what a roster workbook said of each session when Haichi wrote it.

A roster workbook names its people twice, in the 配置表 sheet a coordinator edits and in the
Assignments table Haichi reads. To tell later which of the two a person was changed in, the
export keeps, per session, a digest of the staff IDs of its Assignments rows and one of the
names its 配置表 entry shows (grid cell or list row alike), in a very hidden sheet: not shown,
not printed, kept by Excel and by LibreOffice (which saves it as a hidden sheet). Digests rather
than copies, so the sheet is never a third place people could be read from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl import Workbook

from models.domain import Problem, Roster, bare_name, normalize
from models.excel.reader import Book
from models.excel.sheets_master import placed_names
from models.excel.sheetwriter import SheetWriter

FINGERPRINT_SHEET = "haichi_export"
_MARK = "Haichi export fingerprint"  # the first cell, so a sheet of this name made by someone else is not read
_VERSION = 1


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


def write_fingerprint(wb: Workbook, problem: Problem, roster: Roster) -> None:
    """The very hidden fingerprint sheet: one row per session with its two digests."""
    sheet = SheetWriter(wb, FINGERPRINT_SHEET)
    sheet.ws.sheet_state = "veryHidden"
    sheet.append([_MARK, _VERSION], look=None)
    sheet.append(["session", "assignments", "grid"], look=None)
    shown = placed_names(problem, roster)
    for req in problem.requirements:
        staff_ids = roster.staff_for(req.id)
        sheet.append([req.id, people_digest(req.id, staff_ids), names_digest(req.id, shown.get(req.id, []))],
                     look=None)


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
        if len(row) >= 3 and all(isinstance(v, str) for v in row[:3]):
            found[row[0]] = Fingerprint(row[1], row[2])
    return found
