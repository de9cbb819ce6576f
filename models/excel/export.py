"""The roster workbook (`haichi export`) and the one-file-per-person hand-outs (DESIGN §4).

Output sheets first (配置表, 勤務表, 個人別, 会場別 when there are two sites or more, 集計, 未充足, 違反,
Assignments), then the input sheets (職員, 枠, 勤務可否, 会場, 設定) exactly as the template writes them, so the exported file is
also a complete input: `haichi check roster.xlsx` re-reads the whole problem and its roster.
Last, very hidden sheets with the export fingerprint (`models.excel.fingerprint`), by which a
later read tells people changed in 配置表 from people changed in Assignments, and with what the
plan carried in from earlier plans (`models.excel.history_sheet`), by which it is scored as solved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Collection, Mapping, Sequence

from openpyxl import Workbook

from models.domain import Problem, Roster, Violation
from models.excel.fingerprint import write_fingerprint
from models.excel.history_sheet import write_history
from models.excel.sheets_duty import write_duty_roster
from models.excel.sheets_input import write_input_sheets
from models.excel.sheets_master import write_master
from models.excel.sheets_personal import has_nights, schedules, write_person_workbook, write_personal_sheet
from models.excel.sheets_site import write_site_sheet
from models.excel.sheets_tables import write_assignments, write_summary, write_unfilled, write_violations
from models.excel.sheetwriter import save
from models.excel.styles import safe_file_stem
from models.rulemeta import RuleInfo
from models.stats import person_stats, printed_roles, skills_short


def write_roster(
    path: Path | str,
    problem: Problem,
    roster: Roster,
    violations: Sequence[Violation] = (),
    catalogue: Sequence[RuleInfo] = (),
) -> None:
    """Write the roster workbook to `path`; `catalogue` names the rules and fills the 設定 sheet.

    Raises ValueError when the roster places someone in a session the problem does not have.
    """
    wb = Workbook(write_only=True)
    skills = skills_short(problem, roster)  # 配置表 and 未充足 both say them
    write_master(wb, problem, roster, skills)
    duty = write_duty_roster(wb, problem, roster)
    write_personal_sheet(wb, problem, roster)
    write_site_sheet(wb, problem, roster)
    write_summary(wb, problem, roster)
    write_unfilled(wb, problem, roster, skills)
    write_violations(wb, problem, violations, catalogue)
    write_assignments(wb, problem, roster)
    write_input_sheets(wb, problem.start, problem.end, catalogue, problem)
    write_fingerprint(wb, problem, roster, duty)
    write_history(wb, problem)
    save(wb, path)


def write_master_workbook(path: Path | str, problem: Problem, roster: Roster) -> None:
    """A workbook holding only the 配置表 master roster (what gets printed or turned into a PDF)."""
    wb = Workbook(write_only=True)
    write_master(wb, problem, roster)
    save(wb, path)


def write_site_workbook(path: Path | str, problem: Problem, roster: Roster) -> None:
    """A workbook holding only the 会場別 sheet (a page per site and day), for printing."""
    wb = Workbook(write_only=True)
    write_site_sheet(wb, problem, roster)
    save(wb, path)


def write_duty_workbook(path: Path | str, problem: Problem, roster: Roster) -> None:
    """A workbook holding only the 勤務表 (people down, days across; what a ward posts and prints)."""
    wb = Workbook(write_only=True)
    write_duty_roster(wb, problem, roster)
    save(wb, path)


def write_personal_workbooks(
    directory: Path | str,
    problem: Problem,
    roster: Roster,
    staff_ids: Collection[str] | None = None,
    notices: Mapping[str, Sequence[str]] | None = None,
) -> list[Path]:
    """One workbook per person (active or placed) with only their own schedule, into `directory`.

    Only for `staff_ids` when given; `notices` maps a staff id to lines printed above their table.
    Files are named `<staff_id>_<name>.xlsx`, made safe for Windows; returns the paths written.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    taken: set[str] = set()
    plans = schedules(problem, roster)
    notices = notices or {}
    nights = has_nights(problem)
    roles = printed_roles(problem, roster)
    for stats in person_stats(problem, roster):
        if staff_ids is not None and stats.staff_id not in staff_ids:
            continue
        staff = problem.staff_by_id(stats.staff_id)
        stem = safe_file_stem(staff.label("_"))
        while stem.lower() in taken:  # two IDs that differ only in forbidden characters or case
            stem += "_"
        taken.add(stem.lower())
        wb = Workbook(write_only=True)
        write_person_workbook(wb, problem, staff, stats, plans.get(staff.id, []), notices.get(staff.id, ()), nights,
                              roles)
        path = folder / f"{stem}.xlsx"
        save(wb, path)
        written.append(path)
    return written
