"""The 勤務表 sheet: the staff × dates duty roster that wards and most clinics keep on the wall.

One row per person (active or placed, as in 個人別 and 集計), one column per day of the plan (the
date over its weekday, weekends and holidays shaded as in 配置表). A cell holds the person's
sessions that day in short form, one a line: the activity alone when the plan has one site
(日勤, 準夜, 深夜), else the site over the activity (`東灘` over `3歳`), so a column stays a few
characters wide and a month fits across one page. Short forms: a site's name without the ending
every site shares (保健センター, 病棟), and every name cut to its shortest start, two characters
or more, that no other name begins with; a legend below the table spells out the shortened ones.
A day off is blank, with a faint × where the person said they cannot work; 明 (in dark grey, a day
on duty) marks the day after a night shift that ends in the morning (夜勤明け, not a day off). At the
right, per person: the sessions of each activity (few activities only), their total, hours,
weekend and holiday days, and days off; at the bottom, per day, how many work each activity
(shaded where a session is short of staff) and how many work at all.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from models.domain import (
    AFTER_NIGHT,
    DAY_MINUTES,
    DAY_OFF_WORDS,
    SET_OFF,
    WISHED_OFF,
    Problem,
    Requirement,
    Roster,
    clock,
    duty_days,
    is_afternoon,
    is_morning,
    rotation_order,
)
from models.excel import schema
from models.excel.sheets_master import site_order
from models.excel.sheets_personal import schedules
from models.excel.sheetwriter import Out, SheetWriter, plan_title
from models.excel.styles import (
    BODY, HEADER, HOURS_FORMAT, PAPER_A3, PAPER_A4, SHORT_FILL, SUBTITLE, TOTAL_FILL, day_fill, text_width,
    weekday_name,
)
from models.i18n import t
from models.stats import PersonStats, activity_columns, person_stats

_LINE_HEIGHT = 12.5  # points per text line at 9 pt
_FAINT = "A6A6A6"
_AFTER_NIGHT = "595959"  # 明 (a day on duty), 希 and leave: darker than ×, and they stay on a black-and-white copy
_NIGHT = "9C1C1C"  # a night's session (into the next morning): bold, and still bold on a black-and-white copy
_CELL = BODY.but(horizontal="center", wrap=True, size=9)
_NUMBER = BODY.but(horizontal="center")
_LABEL = BODY.but(bold=True, fill=TOTAL_FILL)
_HEAD = HEADER.but(size=9)


# Names this long or shorter are written whole: a cut of a character or two saves little and reads
# oddly (a nursery's 短時間 as 短時, a fire station's ポンプ隊 as ポン).
WHOLE_UP_TO = 4


_OPENING, _CLOSING = "(（[［【「『〔<〈", ")）]］】」』〕>〉"


def _open_bracket(text: str) -> bool:
    """Whether `text` ends inside brackets (`放課後(`, `放課後(15`): no place to cut a name."""
    return sum(text.count(c) for c in _OPENING) > sum(text.count(c) for c in _CLOSING)


def shortest_starts(names: Iterable[str], least: int = 2) -> dict[str, str]:
    """Each name cut to its shortest start of `least` characters or more that no other name begins
    with and that ends outside brackets; the whole name when there is none (`日勤` beside `日勤リーダー`,
    which becomes `日勤リ`; `放課後(15時〜)` beside `放課後`, which had become `放課後(`) or it is
    WHOLE_UP_TO characters or fewer."""
    unique = sorted(set(names))
    result = {}
    for name in unique:
        others = [n for n in unique if n != name]
        result[name] = name if len(name) <= WHOLE_UP_TO else next(
            (name[:k] for k in range(least, len(name))
             if not _open_bracket(name[:k]) and not any(o.startswith(name[:k]) for o in others)), name)
    return result


def site_stems(sites: Sequence[str]) -> dict[str, str]:
    """Each site without the ending (two characters or more) that every site's name shares:
    `東灘保健センター` -> `東灘`; the names as they are when they share none or one is all ending."""
    ending = os.path.commonprefix([s[::-1] for s in sites])[::-1] if len(sites) > 1 else ""
    if len(ending) < 2 or any(len(s) == len(ending) for s in sites):
        ending = ""
    return {s: s[:len(s) - len(ending)] for s in sites}


def half_of(req: Requirement) -> str | None:
    """午前 for a morning session, 午後 for one that starts at noon or later (as the marks read them:
    models.domain.is_morning, is_afternoon), else None."""
    if is_morning(req.start, req.end):
        return t("午前", "AM")
    return t("午後", "PM") if is_afternoon(req.start, req.end) else None


@dataclass(frozen=True)
class ShortForms:
    """How the 勤務表 writes sites and activities; `site` is empty when the plan has one site.
    `timed` names the (site, activity) held more than once on one day (a clinic's morning and
    afternoon): their sessions carry 午前/午後 below, or their start where halves do not tell them apart."""

    site: dict[str, str]
    activity: dict[str, str]
    timed: dict[tuple[str, str], bool] = field(default_factory=dict)  # (site, activity) -> told by halves

    @classmethod
    def of(cls, problem: Problem) -> ShortForms:
        shorts = shortest_starts(r.activity for r in problem.requirements)
        activities = {a: shorts[a] for a in rotation_order(problem.requirements)}  # the legend's order
        timed = _timed(problem.requirements)
        sites = site_order(problem)
        if len(sites) < 2:
            return cls({}, activities, timed)
        stems = site_stems(sites)
        by_stem = shortest_starts(stems.values())
        return cls({s: by_stem[stems[s]] for s in sites}, activities, timed)

    def session(self, req: Requirement) -> str:
        """A session in a cell: its activity, below its site when the plan has several, above its
        half of the day (or start) when its site and activity are held more than once that day."""
        activity = self.activity[req.activity]
        # a site named as its one activity (a care home's 看護 at 看護) once, not 看護 over 看護
        text = f"{self.site[req.site]}\n{activity}" if self.site and req.site != req.activity else activity
        halves = self.timed.get((req.site, req.activity))
        if halves is None:
            return text
        return f"{text}\n{half_of(req) if halves else clock(req.start)}"

    def legend(self) -> list[str]:
        """A line for the sites and one for the activities written shorter than their names."""
        lines = []
        for title, forms in ((t("会場", "Sites"), self.site), (t("内容", "Activities"), self.activity)):
            pairs = [f"{short}＝{name}" for name, short in forms.items() if short != name]
            if pairs:
                lines.append(t("{title}の略称: {pairs}", "{title} abbreviated: {pairs}", title=title,
                               pairs=t("、", ", ").join(pairs)))
        return lines


def _timed(requirements: Iterable[Requirement]) -> dict[tuple[str, str], bool]:
    """The (site, activity) held more than once on some day, each with whether 午前/午後 tells its
    sessions of a day apart on every day (else their starts do)."""
    by_day: dict[tuple[str, str], dict[date, list[Requirement]]] = defaultdict(lambda: defaultdict(list))
    for req in requirements:
        by_day[(req.site, req.activity)][req.date].append(req)
    timed = {}
    for key, days in by_day.items():
        if any(len(reqs) > 1 for reqs in days.values()):
            timed[key] = all(len({half_of(r) for r in reqs}) == len(reqs) and None not in {half_of(r) for r in reqs}
                             for reqs in days.values())
    return timed


@dataclass
class _Person:
    """One person's row: cell texts by date, and the days that are faint marks."""

    stats: PersonStats
    texts: dict[date, str]
    unavailable: set[date]
    after_night: set[date]
    leave: dict[date, str]  # × days by the word written (有休, 研修; 希 asked off), among `unavailable`
    nights: set[date] = field(default_factory=set)  # days with a session into the next morning: printed bold


def _sessions_by_day(problem: Problem, roster: Roster) -> dict[str, dict[date, list[Requirement]]]:
    """Staff id -> day -> the person's sessions that day, by start time: what a 勤務表 cell shows."""
    result: dict[str, dict[date, list[Requirement]]] = {}
    for staff_id, items in schedules(problem, roster).items():
        days: dict[date, list[Requirement]] = defaultdict(list)
        for req, _ in items:
            days[req.date].append(req)
        result[staff_id] = days
    return result


def _cell_texts(sessions: dict[date, list[Requirement]], forms: ShortForms) -> dict[date, str]:
    """One person's 勤務表 cells: day -> that day's sessions in short form, one a line."""
    return {day: "\n".join(forms.session(r) for r in reqs) for day, reqs in sessions.items()}


def _people(problem: Problem, roster: Roster, forms: ShortForms) -> list[_Person]:
    plans = _sessions_by_day(problem, roster)
    # a blank that counts as × too (空欄の扱い 不可): those days showed as free on the wall
    days = problem.days()
    cannot = {staff.id: {day for day in days if problem.cannot_work(staff.id, day)} for staff in problem.staff}
    people = []
    for stats in person_stats(problem, roster):
        sessions = plans.get(stats.staff_id, {})
        texts = _cell_texts(sessions, forms)
        # 明: a day on duty without a session of its own, the eve's night (last month's) included
        on_duty = duty_days(problem, stats.staff_id, (r for reqs in sessions.values() for r in reqs))
        away = {day: word for day, word in problem.day_words(stats.staff_id).items() if day not in on_duty}
        nights = {day for day, reqs in sessions.items() if any(r.end > DAY_MINUTES for r in reqs)}
        people.append(_Person(stats, texts, cannot.get(stats.staff_id, set()) - texts.keys(), on_duty - texts.keys(),
                              away, nights))
    return people


def _lines(text: str | None) -> int:
    return text.count("\n") + 1 if text else 1


def day_headers(days: Sequence[date]) -> tuple[list[str], list[str]]:
    """The two header rows of the day columns: `2/1` on the first day and each month's first, else
    the day of the month; below, the weekday. A plan printed on several pages across also gives the
    month on each Monday: a health check's May-June 勤務表 had a second page starting `2 水 3 木`,
    read as May."""
    pages = len(days) > DAYS_PER_PAGE
    top = [f"{d.month}/{d.day}" if i == 0 or d.day == 1 or (pages and d.weekday() == 0) else str(d.day)
           for i, d in enumerate(days)]
    return top, [weekday_name(d) for d in days]


DAYS_PER_PAGE = 31  # day columns printed on one page across
FIXED_COLUMNS = 2  # staff ID and name, left of the day columns


def write_duty_roster(wb: Workbook, problem: Problem, roster: Roster) -> dict[str, dict[date, str]]:
    """The 勤務表 sheet: people down, days across, each cell that day's sessions in short form.
    Returns the cells written of each person who works (staff ID -> day -> text), for the export
    fingerprint's digest of their row."""
    forms = ShortForms.of(problem)
    people = _people(problem, roster, forms)
    days = problem.days()
    activities = activity_columns(problem)
    totals = [forms.activity[a] for a in activities] + [
        t("計", "Total"), t("時間", "Hours"), t("土日祝", "Weekend days"), t("休み", "Days off")]
    top, weekdays = day_headers(days)
    texts = [line for p in people for text in p.texts.values() for line in text.split("\n")]
    texts += {word for p in people for word in p.leave.values()}
    day_width = max([4.5] + [text_width(x) + 1.5 for x in texts + top])
    name_width = min(20, max([10] + [text_width(p.stats.name) + 2 for p in people]))
    id_width = max([7] + [text_width(p.stats.staff_id) + 2 for p in people])
    total_widths = [max(5.5, max(text_width(w) for w in h.split()) + 2) for h in totals]
    widths = [id_width, name_width] + [day_width] * len(days) + total_widths
    sheet = SheetWriter(wb, schema.DUTY_SHEET, widths, freeze="C5")
    title = plan_title(problem.name, "勤務表", "duty roster")
    first_day, last_day = f"{problem.start:%Y/%m/%d}", f"{problem.end:%Y/%m/%d}"
    sheet.title(title, len(widths), t("期間 {a} 〜 {b}　{n} 人", "Period {a} to {b}   {n} people",
                                      a=first_day, b=last_day, n=len(people)))
    fills = [day_fill(d) for d in days]
    first = sheet.rows + 1
    sheet.append([sheet.cell(t("職員ID", "Staff ID"), _HEAD), sheet.cell(t("氏名", "Name"), _HEAD),
                  *(sheet.cell(x, _HEAD.but(fill=f) if f else _HEAD) for x, f in zip(top, fills)),
                  *(sheet.cell(h, _HEAD) for h in totals)], look=None, height=16)
    sheet.append([sheet.cell(None, _HEAD), sheet.cell(None, _HEAD),
                  *(sheet.cell(x, _HEAD.but(fill=f) if f else _HEAD) for x, f in zip(weekdays, fills)),
                  *(sheet.cell(None, _HEAD) for _ in totals)], look=None, height=16)
    for col in [1, 2, *range(len(widths) - len(totals) + 1, len(widths) + 1)]:
        letter = get_column_letter(col)
        sheet.ws.merged_cells.add(f"{letter}{first}:{letter}{first + 1}")
    # every row at least as tall as one session's cell (site over activity): a person without a
    # session printed as a thin row among the others
    least = max((_lines(forms.session(r)) for r in problem.requirements), default=1)
    _person_rows(sheet, people, days, fills, activities, name_width, least)
    _count_rows(sheet, problem, roster, days, fills, activities, len(totals))
    _legend(sheet, forms, people, id_width + name_width + min(len(days), DAYS_PER_PAGE) * day_width)
    # about a month of day columns to a page across (more would print too small to read); each page
    # repeats the header rows and the ID and name columns
    # each page's foot names the plan and its period: a page of later days had its title cut to the
    # ID and name columns (`期間 2027/05/01 〜 2027/`), and was read as May's
    sheet.print_setup(landscape=True, paper=PAPER_A3 if sum(widths) > 170 else PAPER_A4,
                      title_rows=f"{first}:{first + 1}", title_cols="A:B",
                      pages_wide=max(1, -(-len(days) // DAYS_PER_PAGE)),
                      footer=t("{title}　{a} 〜 {b}", "{title}   {a} to {b}", title=title, a=first_day, b=last_day))
    return {p.stats.staff_id: p.texts for p in people if p.texts}


def _person_rows(sheet: SheetWriter, people: list[_Person], days: Sequence[date], fills: Sequence[str | None],
                 activities: Sequence[str], name_width: float, least: int = 1) -> None:
    # the cells that repeat down a column, made once: blank, and the faint × and 明
    blank = [sheet.cell(None, _CELL.but(fill=f)) for f in fills]
    cross = [sheet.cell("×", _CELL.but(fill=f, color=_FAINT)) for f in fills]
    after = [sheet.cell(t("明", "PN"), _CELL.but(fill=f, color=_AFTER_NIGHT)) for f in fills]
    hours = _NUMBER.but(number_format=HOURS_FORMAT)
    column = {day: i for i, day in enumerate(days)}
    for p in people:
        row: list[Out] = [sheet.cell(p.stats.staff_id), sheet.cell(p.stats.name, BODY.but(wrap=True))]
        lines = max(least, 1 if text_width(p.stats.name) <= name_width - 2 else 2)  # a long name wraps
        cells = list(blank)  # then the person's own days, each once (a big plan has 500 × 365 cells)
        for marks, faint in ((p.unavailable, cross), (p.after_night, after)):
            for day in marks:
                if (i := column.get(day)) is not None:
                    cells[i] = faint[i]
        for day, word in p.leave.items():  # 有休 where the person is away, 希 where they asked off, not ×
            if (i := column.get(day)) is not None:
                # dark grey as 明: a ward checks its 希 and 有休 on the printed sheet, and the faint grey of ×
                # all but vanished on a black-and-white printer
                cells[i] = after[i] if word == AFTER_NIGHT else sheet.cell(word, _CELL.but(fill=fills[i], color=_AFTER_NIGHT))
        for day, text in p.texts.items():
            if (i := column.get(day)) is not None:
                # a night in bold, dark red: a ward checks its nights first, and they read like 日勤 in black
                look = _CELL.but(fill=fills[i], bold=True, color=_NIGHT) if day in p.nights else _CELL.but(fill=fills[i])
                cells[i] = sheet.cell(text, look)
                lines = max(lines, _lines(text))
        row += cells
        counts = dict(p.stats.activities)
        row += [sheet.cell(n, _NUMBER) for n in (*(counts.get(a, 0) for a in activities), p.stats.count)]
        row += [sheet.cell(p.stats.minutes / DAY_MINUTES, hours), sheet.cell(p.stats.weekend_days, _NUMBER),
                sheet.cell(p.stats.days_off, _NUMBER)]
        sheet.append(row, look=None, height=_LINE_HEIGHT * lines + 3)


def _count_rows(sheet: SheetWriter, problem: Problem, roster: Roster, days: Sequence[date],
                fills: Sequence[str | None], activities: Sequence[str], total_columns: int) -> None:
    """Per day, the people on each activity (few activities only; shaded where a session is short)
    and the people at work."""
    placed = Counter(a.requirement_id for a in roster.assignments)
    held: dict[tuple[str, date], list[Requirement]] = defaultdict(list)
    for req in problem.requirements:
        held[(req.activity, req.date)].append(req)
    for activity in activities:
        cells = []
        for day, fill in zip(days, fills):
            reqs = held.get((activity, day), [])
            short = any(placed[r.id] < r.min_staff for r in reqs)
            cells.append(sheet.cell(sum(placed[r.id] for r in reqs) if reqs else None,
                                    _NUMBER.but(fill=SHORT_FILL if short else fill)))
        total = sum(placed[r.id] for r in problem.requirements if r.activity == activity)
        _count_row(sheet, activity, cells, [None] * len(activities) + [total], total_columns)
    working: dict[date, set[str]] = defaultdict(set)
    for a in roster.assignments:
        if problem.has_requirement(a.requirement_id):
            working[problem.requirement(a.requirement_id).date].add(a.staff_id)
    cells = [sheet.cell(len(working.get(day, ())), _NUMBER.but(fill=fill)) for day, fill in zip(days, fills)]
    _count_row(sheet, t("出勤人数", "At work"), cells, [], total_columns)


def _count_row(sheet: SheetWriter, label: str, cells: list[Out], totals: list[int | None], width: int) -> None:
    """A row of per-day counts under the people, its label across the ID and name columns."""
    totals = totals + [None] * (width - len(totals))
    sheet.append([sheet.cell(label, _LABEL), sheet.cell(None, _LABEL), *cells,
                  *(sheet.cell(n, _NUMBER.but(fill=TOTAL_FILL)) for n in totals)], look=None)
    sheet.ws.merged_cells.add(f"A{sheet.rows}:B{sheet.rows}")


def _legend(sheet: SheetWriter, forms: ShortForms, people: list[_Person], room: float) -> None:
    """Below the table: the shortened names, and the faint marks used; each line broken to fit
    `room` (the width of a page's columns). One line of 55 patients' names ran far past the table,
    and the page, fitted to it, printed the table at a third of its size."""
    lines = [piece for line in forms.legend() for piece in _broken(line, room)]
    if any(p.unavailable.difference(p.leave) for p in people):
        lines.append(t("× 勤務できない日（勤務可否の×）", "× a day the person cannot work (× on the availability sheet)"))
    words = {word for p in people for word in p.leave.values()}
    if leave := sorted(words - {AFTER_NIGHT} - DAY_OFF_WORDS):  # 明: its own line below
        lines.append(t("{w} 休暇・研修など（休みに数えない）", "{w} leave, training and the like (not counted as days off)",
                       w="・".join(leave)))
    if WISHED_OFF in words:
        lines.append(t("希 希望休（本人が休みを希望した日、休みに数える）",
                       "希 a day off the person asked for (counted as a day off)"))
    if SET_OFF in words:
        lines.append(t("公 公休（前もって決まった休み、休みに数える）", "公 a day off set beforehand (counted as a day off)"))
    if any(p.after_night or AFTER_NIGHT in p.leave.values() for p in people):
        lines.append(t("明 夜勤明け（前日からの勤務が朝に終わる日、休みに数えない）",
                       "PN post-night: a shift of the day before ends that morning (not counted as a day off)"))
    if lines:
        sheet.append([])
    for line in lines:
        sheet.append([sheet.cell(line, SUBTITLE)], look=None)


def _broken(line: str, room: float) -> list[str]:
    """`line` in pieces no wider than `room` (display width), broken after its 、 or , separators."""
    pieces, current = [], ""
    for part in re.split(r"(?<=[、,])", line):
        if current and text_width(current + part) > room:
            pieces.append(current.rstrip())
            current = "  " + part.lstrip()
        else:
            current += part
    return [*pieces, current.rstrip()] if current.strip() else pieces
