"""One availability form per staff member (勤務可否 回答票): sent out, filled in, sent back.

A form is what `models.excel.form_sheet.read_form` reads: a `職員ID | H001` label above a
`日付 | 曜日 | 可否 | 備考` table with one row per day of the plan. Only the 可否 and 備考 cells
of the day rows are unlocked (sheet protection without a password), so a person can answer but
not break the layout by accident. It prints on one A4 portrait page. The 可否 drop-down also
offers the plan's shifts (picking one asks for it, as in the 勤務可否 matrix) when they fit in it.

Forms are small (a month is 31 rows), so they use a normal openpyxl workbook rather than the
streaming writer: protection, merged cells and per-cell styles are simplest there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from models.domain import Mark, Problem, Requirement, Staff, counted_activities, rotation_order
from models.excel import schema
from models.excel.availability_sheet import Wishes, wishes_of
from models.excel.sheets_input import MARK_CHOICES, mark_choices
from models.excel.styles import (
    BODY, HEADER, NOTE, PAPER_A4, SUBTITLE, TITLE, Look, apply_look, day_fill, safe_file_stem, safe_text,
)
from models.holidays import holiday_name
from models.i18n import t
from models.textparse import cell_text, weekdays_text

FORM_SUFFIX = "勤務可否"  # the file name ends in this, so a folder of returns sorts and reads clearly
HEADER_ROW = 9  # 1-based; the importer looks for the table header within the first ten rows
_WIDTHS = (13, 20, 12, 44)
_DAY_FORMAT = '[$-411]m"月"d"日"'
_WEEKDAYS = "月火水木金土日"
_LINE_CHARS = 55  # Japanese characters of a 9 pt instruction line across the printed page
_ANSWER = BODY.but(horizontal="center", size=12, bold=True)
_LABEL = BODY.but(bold=True, fill=HEADER.fill, horizontal="center")


def form_file_name(staff: Staff) -> str:
    """`H001_山田 花子_勤務可否.xlsx`, safe as a Windows file name."""
    return f"{safe_file_stem(staff.label('_') + '_' + FORM_SUFFIX)}.xlsx"


def instructions(blank_means: Mark, shifts: Sequence[str] = ()) -> list[str]:
    """The lines printed above the table, telling the person how to answer (always Japanese:
    the form goes to staff, whatever language the coordinator's screen is in); `shifts`, the
    plan's activities offered in the drop-down, can be picked to ask for one."""
    blank = "○（勤務できる）" if blank_means is Mark.AVAILABLE else "×（勤務できない）"
    wish = f" / {'・'.join(shifts)} その勤務を希望（勤務できる日として扱います）" if shifts else ""
    return [
        "「可否」欄のセルを選ぶと ▼ が出ます。次のいずれかを選んでください: "
        f"○ 終日勤務できる / △ できれば避けたい / × 勤務できない / 希 休みの希望 / 有休 有給休暇 / 午前 午前のみ / "
        f"午後 午後のみ{wish}。",
        f"空欄の日は {blank} として扱います。勤務できる時間が限られる日は「15時から」「〜15時」「10時〜15時」のように"
        "「可否」欄に書いてください（その時間内の勤務だけに入ります）。"
        + (f"入れない勤務がある日は「{shifts[0]}不可」のように書いてください。" if shifts else "")
        + "ほかの条件は「備考」欄へ。",
        "「可否」と「備考」以外のセルは変更できません。記入後は上書き保存し、ファイル名を変えずに返送してください。",
    ]


def _put(ws: Worksheet, row: int, col: int, value: object, look: Look, merge_to: int | None = None) -> None:
    cell = ws.cell(row=row, column=col, value=safe_text(value) if isinstance(value, str) else value)
    apply_look(cell, look)
    if merge_to is not None and merge_to > col:
        for c in range(col + 1, merge_to + 1):  # borders and fill across the merged cells
            apply_look(ws.cell(row=row, column=c), look)
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=merge_to)


def _weekday(day: date) -> str:
    """`金` or, on a national holiday, `金・祝 元日`."""
    name = holiday_name(day)
    return f"{_WEEKDAYS[day.weekday()]}・祝 {name}" if name else _WEEKDAYS[day.weekday()]


def _head(ws: Worksheet, problem: Problem, staff: Staff, shifts: Sequence[str]) -> None:
    """Title, who and when, and the instructions (rows 1 to HEADER_ROW - 1)."""
    last = len(_WIDTHS)
    _put(ws, 1, 1, f"{problem.name}　勤務可否 回答票", TITLE, last)
    ws.row_dimensions[1].height = 26
    _put(ws, 2, 1, schema.FORM_STAFF_ID_LABELS[0], _LABEL)
    _put(ws, 2, 2, staff.id, BODY.but(size=12))
    _put(ws, 3, 1, schema.FORM_NAME_LABELS[0], _LABEL)
    _put(ws, 3, 2, staff.name, BODY.but(size=12), 3)
    _put(ws, 4, 1, "期間", _LABEL)
    period = f"{problem.start:%Y年}{problem.start.month}月{problem.start.day}日 〜 " \
             f"{problem.end:%Y年}{problem.end.month}月{problem.end.day}日"
    _put(ws, 4, 2, period, BODY, 3)
    if staff.weekdays:  # a helper filling in only her exceptions needs to see which days are hers
        _put(ws, 2, 3, "勤務曜日", _LABEL)
        _put(ws, 2, 4, weekdays_text(staff.weekdays), BODY.but(size=12))
    for offset, line in enumerate(instructions(problem.blank_means, shifts)):
        _put(ws, 5 + offset, 1, line, NOTE.but(size=9), last)
        ws.row_dimensions[5 + offset].height = 13.5 * max(2, -(-len(line) // _LINE_CHARS))
    _put(ws, HEADER_ROW - 1, 1, "土曜は青、日曜・祝日は赤で示しています。", SUBTITLE.but(size=9), last)


def _own_shifts(problem: Problem, staff: Staff) -> list[str]:
    """The plan's activities the person may be asked for: not those their 内容別上限 sets to 0 (a
    part-timer's `夜勤:0`, offered 夜勤 on every day of the form's drop-down), nor those whose every
    session is closed to them by its skills (`_closed`: a polling office's 投票管理者 offered to all)."""
    names = rotation_order(problem.requirements)
    never = {activity for limit, most in staff.max_per_activity if most == 0
             for activity in counted_activities(limit, names)}
    open_to = {req.activity for req in problem.requirements if not _closed(req, staff)}
    return [name for name in names if name not in never and name in open_to]


def _closed(req: Requirement, staff: Staff) -> bool:
    """Whether the session's skills leave no place for the person: every place must hold a skill they
    lack (管理者:1 of at most 1), or a skill they hold may not be there at all (新人:0〜0)."""
    if req.max_staff is not None and any(k >= req.max_staff and skill not in staff.skills
                                         for skill, k in req.required_skills):
        return True
    return any(most == 0 and skill in staff.skills for skill, most in req.skill_caps)


def write_form(path: Path | str, problem: Problem, staff: Staff, prefill: bool = False, *,
               wishes: Wishes | None = None) -> None:
    """Write `staff`'s availability form for the plan period to `path`.

    With `prefill`, the 可否 cells hold what the plan already knows for that person (to confirm
    or correct; a wish as the shift asked for, from `wishes` when given, else `wishes_of` the
    plan); otherwise they are blank.
    """
    shifts = mark_choices(_own_shifts(problem, staff))[len(MARK_CHOICES):]
    activities = rotation_order(problem.requirements)  # a day refusing all but one says `日勤のみ`
    if not prefill:
        wishes = {}
    elif wishes is None:
        wishes = wishes_of(problem)
    wb = Workbook()
    ws = wb.active
    ws.title = schema.AVAILABILITY_FORM.ja
    for index, width in enumerate(_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    _head(ws, problem, staff, shifts)
    names = [schema.AVAILABILITY_FORM.column(k).ja for k in ("date", "weekday", "mark", "notes")]
    for col, name in enumerate(names, 1):
        _put(ws, HEADER_ROW, col, name, HEADER)
    ws.row_dimensions[HEADER_ROW].height = 22
    open_cell = Protection(locked=False)
    days = problem.days()
    for offset, day in enumerate(days, 1):
        row = HEADER_ROW + offset
        fill = day_fill(day)
        mark = problem.availability.get((staff.id, day)) if prefill else None
        _put(ws, row, 1, day, BODY.but(number_format=_DAY_FORMAT, fill=fill, horizontal="center"))
        _put(ws, row, 2, _weekday(day), BODY.but(fill=fill))
        key = (staff.id, day)
        _put(ws, row, 3, cell_text(mark, wishes.get(key), problem.leave.get(key), problem.windows.get(key),
                                   problem.refused.get(key), activities, problem.day_caps.get(key)), _ANSWER)
        _put(ws, row, 4, None, BODY.but(wrap=True))
        ws.cell(row=row, column=3).protection = open_cell
        ws.cell(row=row, column=4).protection = open_cell
        ws.row_dimensions[row].height = 19
    last_row = HEADER_ROW + len(days)
    if days:
        validation = DataValidation(
            type="list", formula1='"' + ",".join((*MARK_CHOICES, *shifts)) + '"', allow_blank=True,
            # a warning, not a stop: the hours free (`15時から`) are typed, not picked
            showErrorMessage=True, errorStyle="warning", errorTitle="勤務可否",
            error=("○ △ × 午前 午後 か勤務名（希望）を選んでください。" if shifts
                   else "○ △ × 午前 午後 のいずれかを選んでください。")
            + "勤務できる時間（15時から・〜15時・10時〜15時）を書いたときは「はい」を押してください。",
            showInputMessage=True, promptTitle="勤務可否",
            prompt="○=終日可 △=できれば避けたい ×=不可 午前/午後=半日のみ 15時から・〜15時=その時間のみ"
            + (" 勤務名=その勤務を希望" if shifts else ""),
        )
        validation.add(f"C{HEADER_ROW + 1}:C{last_row}")
        ws.add_data_validation(validation)
    _finish(ws, last_row)
    wb.save(Path(path))


def _finish(ws: Worksheet, last_row: int) -> None:
    """Freeze the header, protect the sheet (no password) and set up one A4 portrait page."""
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.protection.sheet = True  # no password: a determined person may unprotect, by design
    ws.protection.formatCells = False  # False means "allowed" in OOXML's protection flags
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_area = f"A1:{get_column_letter(len(_WIDTHS))}{last_row}"
    ws.sheet_view.selection[0].activeCell = f"C{HEADER_ROW + 1}"
    ws.sheet_view.selection[0].sqref = f"C{HEADER_ROW + 1}"


def write_forms(
    directory: Path | str, problem: Problem, staff_ids: Iterable[str] | None = None, prefill: bool = False
) -> list[Path]:
    """One form per active staff member (or per ID in `staff_ids`) into `directory`; returns the paths.

    Raises KeyError for an ID the plan does not have.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    people = problem.active_staff() if staff_ids is None else [problem.staff_by_id(i) for i in staff_ids]
    written: list[Path] = []
    taken: set[str] = set()
    wishes = wishes_of(problem) if prefill else {}  # once, not once per person
    for person in people:
        name = form_file_name(person)
        while name.lower() in taken:  # two IDs that differ only in forbidden characters or case
            name = name[:-5] + "_.xlsx"
        taken.add(name.lower())
        path = folder / name
        write_form(path, problem, person, prefill, wishes=wishes)
        written.append(path)
    return written
