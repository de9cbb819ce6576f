"""The 変更 sheet: who moved from where to where between two versions of a plan's roster.

Appended to a write-only roster workbook (as `models.excel.export` builds it), so a repaired
roster goes out with the list of changes people must be told about.
"""

from __future__ import annotations

from openpyxl import Workbook

from models.changes import ROLE, kind_title, roster_changes, session_label
from models.domain import Problem, Roster
from models.excel.sheetwriter import SheetWriter, plan_title
from models.excel.styles import BODY, DATE_FORMAT, PAPER_A4
from models.i18n import t

CHANGES_SHEET = "変更"


def write_changes(
    wb: Workbook, problem: Problem, before: Roster, after: Roster, before_label: str = "", after_label: str = ""
) -> int:
    """Append the 変更 sheet to write-only `wb`: one row per change; returns how many rows were written.

    `before_label` / `after_label` name the two versions in the title (e.g. `版 3`, `公開版`).
    """
    widths = [12, 10, 16, 10, 34, 34]
    sheet = SheetWriter(wb, CHANGES_SHEET, widths, freeze="A4")
    versions = f"{before_label} → {after_label}" if before_label or after_label else ""
    sheet.title(plan_title(problem.name, "変更一覧", "changes"), len(widths), versions)
    header_row = sheet.header([
        t("日付", "Date"), t("職員ID", "Staff ID"), t("氏名", "Name"), t("変更", "Change"),
        t("変更前", "Before"), t("変更後", "After"),
    ])
    changes = roster_changes(problem, before, after)
    day_look = BODY.but(number_format=DATE_FORMAT, horizontal="center")
    for change in changes:
        try:
            name = problem.staff_by_id(change.staff_id).name
        except KeyError:
            name = ""
        sheet.append([
            sheet.cell(change.date, day_look), change.staff_id, name, kind_title(change.kind),
            *((f"{session_label(problem, change.before)}（{role or t('役割なし', 'no role')}）" for role in change.roles)
              if change.kind == ROLE else (session_label(problem, change.before), session_label(problem, change.after))),
        ])
    if not changes:
        sheet.append([t("変更はありません", "no changes")])
    sheet.print_setup(landscape=True, paper=PAPER_A4, title_rows=f"{header_row}:{header_row}")
    return len(changes)
