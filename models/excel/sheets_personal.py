"""Each person's own schedule: the `個人別` sheet of the roster workbook and the per-person workbooks.

The roster workbook holds ONE `個人別` sheet with a block per person and a page break after each
block, rather than a sheet per person: with 45 or 300 staff, dozens of tabs named after people
(cut to Excel's 31 characters) are hard to find, while one sheet scrolls, searches (Ctrl+F) and
still prints one page per person. Files to hand out are `write_personal_workbooks`' job.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Iterable, Mapping, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from models.domain import (
    DAY_MINUTES, SET_OFF, WISHED_OFF, Assignment, Problem, Requirement, Roster, Staff, days_taken, person_label, time_range,
)
from models.excel import schema
from models.excel.messages import duration
from models.excel.sheetwriter import SheetWriter
from models.excel.styles import (
    BODY, PAPER_A4, PLAIN, SUBTITLE, TITLE, day_fill, day_label, safe_sheet_name, text_width, widest,
)
from models.i18n import t
from models.stats import PersonStats, person_stats, printed_roles


def _widths(sessions: Iterable[Requirement]) -> list[float]:
    """Date, time (wide enough for `16:30-1:00 (next day)`), site, activity and notes."""
    return [16, widest((time_range(*hours) for hours in {(r.start, r.end) for r in sessions}), 13), 22, 24, 30]


NOTICE = SUBTITLE.but(bold=True, color="C00000", wrap=True)  # a change the person must notice


def _headers() -> list[str]:
    return [t("日付", "Date"), t("時間", "Time"), t("会場", "Site"), t("内容", "Activity"), t("備考", "Notes")]


def schedules(problem: Problem, roster: Roster) -> dict[str, list[tuple[Requirement, Assignment]]]:
    """Staff id -> their sessions (with the assignment) by date and start time."""
    result: dict[str, list[tuple[Requirement, Assignment]]] = defaultdict(list)
    for a in roster.assignments:
        if problem.has_requirement(a.requirement_id):
            result[a.staff_id].append((problem.requirement(a.requirement_id), a))
    for items in result.values():
        items.sort(key=lambda item: (item[0].date, item[0].start, item[0].site))
    return result


def summary_line(stats: PersonStats, plan_days: int | None = None) -> str:
    """`8回　24時間　支給見込 38,400円` (`8回　8時間30分`) for the top of a person's schedule; with the plan's number of
    days (a plan with nights), `勤務 17日・休日 11日` as well (a 明 is a day on duty, not a day off)."""
    # the minutes as people say them: 166.25 hours printed as 166.2
    text = t("{n}回　{d}", "{n} sessions, {d}", n=stats.count, d=duration(stats.minutes))
    if plan_days is not None:
        text += t("　勤務 {w}日・休日 {o}日", ", {w} days on duty, {o} days off",
                  w=plan_days - stats.days_off - stats.leave_days, o=stats.days_off)
        if stats.leave_days:
            text += t("・有休など {l}日", ", {l} days of leave", l=stats.leave_days)
    if stats.pay is not None:
        text += t("　支給見込 {p:,}円", ", about {p:,} yen", p=stats.pay)
    return text


Row = tuple[date, str, str, str, str]  # day, time, site, activity, notes


def has_nights(problem: Problem) -> bool:
    """Whether the plan has nights that run into the morning (a ward): its people's schedules then
    list every day. Asked once per export, not per person (500 people × 14 000 sessions took 5 s)."""
    return any(len(days_taken(r)) > 1 for r in problem.requirements)


# Someone working at least 1 / EVERY_DAY_FROM of the plan's days reads every day of it on their sheet
EVERY_DAY_FROM = 3


def _activity(req: Requirement, staff_id: str, roles: Mapping[tuple[str, str], str]) -> str:
    """The session's activity with the role the person takes in it (`受付（投票管理者）`, printed_roles): a polling
    station's 従事通知 had said no role, though the 配置表 and 会場別 did."""
    role = roles.get((staff_id, req.id))
    return t("{a}（{r}）", "{a} ({r})", a=req.activity, r=role) if role else req.activity


def _every_day(problem: Problem, staff_id: str, items: list[tuple[Requirement, Assignment]],
               nights: bool, roles: Mapping[tuple[str, str], str]) -> list[Row] | None:
    """For someone who works a third of the plan's days or more (the mornings after nights counted, in a
    plan with `nights`: has_nights), the person's every day: their sessions, 明 after a night, 休 (休（×） on a day marked ×: asked for, or ill)
    and the day of leave by its word (年休, 研修: no day off), as a ward's or a nursery's staff read their
    month (a nursery's 正規 could not see her 有休 and 希 on her sheet); None otherwise, for people who read
    only the days they work (a hygienist's six sessions)."""
    worked = {req.date for req, _ in items} | {day for req, _ in items for day in days_taken(req)} if nights else \
        {req.date for req, _ in items}
    if EVERY_DAY_FROM * len(worked) < problem.day_count():
        return None  # a hospital's 当直 doctor, on duty 4 nights of 31: his clinic days are no 休
    by_day: dict[date, list[Requirement]] = defaultdict(list)
    for req, _ in items:
        by_day[req.date].append(req)
    nights = [*problem.history_sessions.get(staff_id, ()), *(req for req, _ in items)]
    mornings = {day: req for req in nights for day in days_taken(req)[1:]}
    rows: list[Row] = []
    for day in problem.days():
        if by_day.get(day):
            rows += [(day, time_range(r.start, r.end), r.site, _activity(r, staff_id, roles), r.notes) for r in by_day[day]]
        elif day in mornings:
            night = mornings[day]
            hour, minute = divmod(night.end - DAY_MINUTES, 60)
            rows.append((day, t("〜{h}:{m:02d}", "until {h}:{m:02d}", h=hour, m=minute), night.site,
                         t("明（{a}明け）", "after night ({a})", a=night.activity), ""))
        elif word := problem.day_words(staff_id).get(day):  # a firefighter's 年休 read 休（×）, as a day asked off
            rows.append((day, "", "", t("休（希望）", "day off (asked)") if word == WISHED_OFF
                         else t("休（公休）", "day off") if word == SET_OFF else word, ""))
        else:
            marked = problem.cannot_work(staff_id, day)
            rows.append((day, "", "", t("休（×）", "day off (×)") if marked else t("休", "day off"), ""))
    return rows


def _write_rows(sheet: SheetWriter, items: list[tuple[Requirement, Assignment]], days: list[Row] | None,
                roles: Mapping[tuple[str, str], str]) -> None:
    sheet.header(_headers())
    rows = days if days is not None else [
        (req.date, time_range(req.start, req.end), req.site, _activity(req, a.staff_id, roles), req.notes)
        for req, a in items]
    for day, hours, site, activity, notes in rows:
        look = BODY.but(fill=day_fill(day))
        sheet.append([
            sheet.cell(day_label(day, with_holiday=True), look), sheet.cell(hours, look),
            sheet.cell(site, look), sheet.cell(activity, look), sheet.cell(notes, look.but(wrap=True)),
        ], look=None)
    if not rows:
        sheet.append([sheet.cell(t("この期間の勤務はありません", "No sessions in this period"), PLAIN)], look=None)


def write_personal_sheet(wb: Workbook, problem: Problem, roster: Roster) -> None:
    """The `個人別` sheet: one block per person (active or placed), one printed page each."""
    sheet = SheetWriter(wb, schema.PERSONAL_SHEET_PREFIX, _widths(problem.requirements))
    plans = schedules(problem, roster)
    nights = has_nights(problem)
    roles = printed_roles(problem, roster)
    for stats in person_stats(problem, roster):
        sheet.append([sheet.cell(person_label(stats.staff_id, stats.name, "  "), TITLE.but(size=12))], look=None, height=20)
        items = plans.get(stats.staff_id, [])
        days = _every_day(problem, stats.staff_id, items, nights, roles)
        sheet.append([sheet.cell(summary_line(stats, None if days is None else problem.day_count()), SUBTITLE)],
                     look=None)
        _write_rows(sheet, items, days, roles)
        sheet.append([])
        sheet.ws.row_breaks.append(Break(id=sheet.rows))
    sheet.print_setup(landscape=False, paper=PAPER_A4)


def write_person_workbook(
    wb: Workbook,
    problem: Problem,
    staff: Staff,
    stats: PersonStats,
    items: list[tuple[Requirement, Assignment]],
    notices: Sequence[str] = (),
    nights: bool | None = None,
    roles: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """One person's own schedule as the only sheet of `wb` (A4 portrait, print-ready).

    `notices` are lines shown between the title and the table, e.g. what changed since the
    version the person last received. `nights`: has_nights(problem), `roles`: printed_roles(problem, roster),
    when the caller knows them (without roles, none is printed).
    """
    roles = roles or {}
    header_row = 3 + len(notices)
    widths = _widths(req for req, _ in items)
    days = _every_day(problem, staff.id, items, has_nights(problem) if nights is None else nights, roles)
    sheet = SheetWriter(wb, safe_sheet_name(f"{schema.PERSONAL_SHEET_PREFIX}_{staff.name}"), widths,
                        freeze=f"A{header_row + 1}")
    sheet.title(t("{name} さんの勤務予定", "Schedule of {name}", name=staff.name), len(widths),
                f"{problem.name}　{problem.start:%Y/%m/%d} 〜 {problem.end:%Y/%m/%d}　"
                f"{summary_line(stats, None if days is None else problem.day_count())}")
    for line in notices:  # wrapped, and a second line tall when wider than the table
        tall = text_width(line) > sum(widths) * 0.95
        sheet.append([sheet.cell(line, NOTICE)], look=None, height=28 if tall else None)
        sheet.ws.merged_cells.add(f"A{sheet.rows}:{get_column_letter(len(widths))}{sheet.rows}")
    _write_rows(sheet, items, days, roles)
    sheet.print_setup(landscape=False, paper=PAPER_A4, title_rows=f"{header_row}:{header_row}")
