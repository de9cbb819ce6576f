"""The month's paperwork as plain functions (no Qt), shared by `haichi` and the desktop window.

Forms out to every staff member, returned forms back into the plan, each person's own files
(workbook and calendar), the master roster as PDF, and after a change to a published roster the
change report with new files for the affected people only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from openpyxl import Workbook, load_workbook

from desktop.operations import atomic_output
from models.calendars import write_calendars
from models.changes import (
    MOVED, REMOVED, ROLE, TOLD, Change, change_report, kind_title, role_change, roster_changes, session_label,
    session_of,
)
from models.domain import Problem, Requirement, Roster
from models.excel import export, template
from models.excel.changes_sheet import write_changes
from models.excel.form_returns import Collection, collect_forms
from models.excel.forms import write_forms
from models.excel.marks_into import marks_edits, write_marks_into
from models.excel.styles import FONT_NAME
from models.i18n import t
from solver.rules import CATALOGUE

CHANGES_FILE = "変更一覧.xlsx"
_WINDOWS_SOFFICE = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
PDF_TIMEOUT = 180  # seconds; a first LibreOffice start on a slow PC takes a while


class PdfUnavailable(Exception):
    """LibreOffice is not installed or failed; the message says what to do instead."""


def make_forms(problem: Problem, folder: Path | str, prefill: bool = False) -> list[Path]:
    """One availability form per active staff member into `folder`; returns the files written."""
    return write_forms(folder, problem, prefill=prefill)


def collect(problem: Problem, paths: Sequence[Path | str]) -> Collection:
    """The returned forms merged into a copy of `problem`, with the report material.

    Raises InvalidInput (listing every problem with file, sheet and cell) and merges nothing
    when any form has a problem or a file is missing.
    """
    return collect_forms(problem, [Path(p) for p in paths])


def write_input_workbook(path: Path | str, problem: Problem) -> None:
    """`problem` as a complete input workbook (what `haichi import` reads), written whole or not at all."""
    with atomic_output(Path(path)) as tmp:
        template.write_template(tmp, problem.start, problem.end, CATALOGUE, problem)


def write_collected(source: Path | str, path: Path | str, collection: Collection) -> int | None:
    """The forms of `collection` written into the coordinator's own workbook `source`, saved at `path`
    (models.excel.marks_into): how many cells changed. None when its layout cannot take them, and
    the merged plan is written whole in the template's layout instead."""
    edits = marks_edits(Path(source), collection.problem, {form.staff_id for form in collection.used})
    if edits is None:
        write_input_workbook(path, collection.problem)
        return None
    with atomic_output(Path(path)) as tmp:
        write_marks_into(Path(source), tmp, edits)
    return len(edits)


def personal_files(folder: Path | str, problem: Problem, roster: Roster) -> list[Path]:
    """Each person's workbook and (for people with sessions) their .ics calendar; returns the paths."""
    return export.write_personal_workbooks(folder, problem, roster) + write_calendars(folder, problem, roster)


def calendars(folder: Path | str, problem: Problem, roster: Roster) -> list[Path]:
    """One .ics calendar per person with a session into `folder`; returns the paths."""
    return write_calendars(folder, problem, roster)


def find_office() -> str | None:
    """The LibreOffice program (`soffice`) on this machine, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _WINDOWS_SOFFICE if os.path.isfile(p)), None)


def to_pdf(workbook: Path, pdf: Path) -> None:
    """Convert `workbook` to `pdf` with LibreOffice headless; PdfUnavailable when it cannot."""
    office = find_office()
    if office is None:
        raise PdfUnavailable(t(
            "PDF を作るには LibreOffice が必要です（https://ja.libreoffice.org/ から入手できます）。"
            "代わりに配置表の Excel ファイルを Excel で開いて PDF として保存してください。",
            "making a PDF needs LibreOffice (https://www.libreoffice.org/). Instead, open the roster "
            "workbook in Excel and save it as PDF."))
    with tempfile.TemporaryDirectory(prefix="haichi-pdf-") as work:
        # A private profile: works while the user has LibreOffice open, and in parallel runs.
        profile = Path(work, "profile").as_uri()
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", work, str(workbook)]
        try:
            subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfUnavailable(t("LibreOffice で PDF を作れませんでした ({e})",
                                   "LibreOffice could not make the PDF ({e})", e=type(error).__name__)) from None
        made = Path(work, workbook.stem + ".pdf")
        if not made.is_file() or made.stat().st_size == 0:
            raise PdfUnavailable(t("LibreOffice で PDF を作れませんでした",
                                   "LibreOffice could not make the PDF"))
        with atomic_output(pdf, suffix=".pdf") as tmp:
            shutil.copyfile(made, tmp)


def master_pdf(pdf: Path | str, problem: Problem, roster: Roster, duty: bool = False, sites: bool = False,
               stamp: str = "") -> Path:
    """The 配置表 master roster (sessions down; `duty`: the 勤務表, people down and days across; `sites`:
    the 会場別 sheet, each site's days) as a PDF at `pdf` (via LibreOffice); returns the path. `stamp`
    (`版 7（下書き）`) is printed at the top right of every page."""
    pdf = Path(pdf)
    name, write = (("勤務表", export.write_duty_workbook) if duty else ("会場別", export.write_site_workbook) if sites
                   else ("配置表", export.write_master_workbook))
    with tempfile.TemporaryDirectory(prefix="haichi-master-") as work:
        book = Path(work, f"{name}.xlsx")
        write(book, problem, roster)
        if stamp:
            _stamp(book, stamp)
        to_pdf(book, pdf)
    return pdf


def _stamp(book: Path, text: str) -> None:
    """`text` in the header of every page of every sheet of the workbook at `book`, at the right."""
    wb = load_workbook(book)
    for ws in wb.worksheets:
        ws.oddHeader.right.text = text.replace("&", "&&")  # `&` starts a field code
        ws.oddHeader.right.size = 9
        ws.oddHeader.right.font = FONT_NAME  # LibreOffice's default header font drew no Japanese glyph
    wb.save(book)


@dataclass
class Notice:
    """What `notify` produced: the changes, who is affected and the files written."""

    changes: list[Change]
    lines: list[str]  # the change report as sentences, ending with the count
    affected: list[str]  # staff ids whose schedule changed, in staff order
    files: list[Path] = field(default_factory=list)


def _cancelled(problem: Problem, changes: list[Change]) -> dict[str, list[Requirement]]:
    """Staff id -> sessions they were taken off (sent as cancelled calendar events)."""
    result: dict[str, list[Requirement]] = {}
    for c in changes:
        if c.kind in (MOVED, REMOVED) and c.before and (session := session_of(problem, c.before)) is not None:
            result.setdefault(c.staff_id, []).append(session)  # a session closed since too: same UID
    return result


def own_change(problem: Problem, change: Change) -> str:
    """A change as told to the person it concerns: `【移動】 1/5 北 健診 13:00-16:00 → 1/5 東 教室 9:30-11:30`."""
    before, after = session_label(problem, change.before), session_label(problem, change.after)
    text = f"{before} → {after}" if change.kind == MOVED else f"{before}　{role_change(change)}" \
        if change.kind == ROLE else (after or before)
    return f"【{kind_title(change.kind)}】 {text}"


def notify(
    folder: Path | str, problem: Problem, before: Roster, after: Roster, before_label: str = "", after_label: str = ""
) -> Notice:
    """After a change to a published roster: `変更一覧.xlsx` listing every change, and for each
    affected person (someone added, removed, moved or given another role; pins alone affect nobody) a new workbook
    that starts with what changed for them and a calendar with the taken-off sessions cancelled."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    changes = roster_changes(problem, before, after)
    moving = {c.staff_id for c in changes if c.kind in TOLD}
    affected = [s.id for s in problem.staff if s.id in moving]
    notices: dict[str, list[str]] = {}
    for c in changes:
        if c.kind in TOLD:
            notices.setdefault(c.staff_id, []).append(own_change(problem, c))
    with atomic_output(folder / CHANGES_FILE) as tmp:
        wb = Workbook(write_only=True)
        write_changes(wb, problem, before, after, before_label, after_label)
        wb.save(tmp)
    files = [folder / CHANGES_FILE]
    files += export.write_personal_workbooks(folder, problem, after, staff_ids=set(affected), notices=notices)
    files += write_calendars(folder, problem, after, staff_ids=set(affected), cancelled=_cancelled(problem, changes))
    return Notice(changes, change_report(problem, before, after), affected, files)
