"""The 配置表 master roster: the sheet a coordinator prints and pins on the wall.

Dates run down the page (every day of the period, so the calendar reads naturally and
weekends/holidays show as shaded rows; over more than a month only the days with sessions when
they are fewer than half, see `grid_days`) and sites across; a cell lists each session of that site
and day (`3歳児健診 13:00-16:00`) followed by the names placed in it, with sessions still short of
staff highlighted. A site that holds several sessions a day, one of each activity (a ward's 日勤,
準夜 and 深夜), gets a column per activity when they fit across, so a day reads along one row.
With more sites than fit across a page, the sheet turns into one row per session instead (date,
site, activity, time, needed, placed, names), which prints at any size.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Sequence

from openpyxl import Workbook

from models.changes import called_off
from models.domain import Problem, Requirement, Roster, rotation_order, time_range
from models.excel import schema
from models.excel.sheetwriter import SheetWriter, plan_title
from models.excel.styles import (
    BODY, PAPER_A3, PAPER_A4, SHORT_FILL, day_fill, day_label, text_width,
)
from models.i18n import language, t

CALLED_OFF_COLOUR = "7F7F7F"  # a list row of a session called off, grey: nobody is to come
from models.stats import printed_roles, skills_short

GRID_MAX_SITES = 12  # beyond this, columns get too narrow on A3 landscape: list layout instead
_LINE_HEIGHT = 12.5  # points per text line at 9-10 pt
_DATE_WIDTH = 14
_SHIFT_WIDTH = 48  # widest a column of one activity grows, for its names in two lines
# A column's width counts characters of the sheet's 11-point font; the grid's cells are 9-point, so
# a line of them holds this many times more (a library's month printed rows twice as tall as their
# text, 2 days a page over 12 pages).
_SMALL = 11 / 9


@dataclass(frozen=True)
class GridColumn:
    """A column of the grid: every session of a site, or those of one activity there (a shift)."""

    site: str
    activity: str | None = None

    def title(self) -> str:
        """The column's header cell: the site, and the activity below it."""
        return self.site if self.activity is None else f"{self.site}\n{self.activity}"

    def holds(self, req: Requirement) -> bool:
        return req.site == self.site and (self.activity is None or req.activity == self.activity)


def grid_columns(problem: Problem) -> list[GridColumn]:
    """The grid's columns, in order; empty when the sites do not fit across (the list layout).

    A site gets a column per activity, in rotation order (日勤, 準夜, 深夜), when some day holds several of its sessions
    and no day two of one activity, and every column still fits across (else one per site)."""
    sites = site_order(problem)
    if len(sites) > GRID_MAX_SITES:
        return []
    per_day = Counter((r.site, r.date) for r in problem.requirements)
    per_activity = Counter((r.site, r.date, r.activity) for r in problem.requirements)
    sessions: dict[str, list[Requirement]] = defaultdict(list)
    for r in problem.requirements:
        sessions[r.site].append(r)
    shifts = {site for (site, _), n in per_day.items() if n > 1} - {site for (site, _, _), n in per_activity.items() if n > 1}
    split = [GridColumn(site, activity) for site in sites
             for activity in (rotation_order(sessions[site]) if site in shifts else [None])]
    return split if len(split) <= GRID_MAX_SITES else [GridColumn(site) for site in sites]


def grid_days(problem: Problem) -> list[date]:
    """The grid's rows: every day of the period, or, over more than a month, only the days with
    sessions when those are fewer than half of it (a holiday clinic's quarter, 26 days of 90,
    printed 64 empty rows; a month keeps its calendar)."""
    days = problem.days()
    used = {r.date for r in problem.requirements}
    return [d for d in days if d in used] if len(days) > 31 and 2 * len(used) < len(days) else days


# The list layout's columns (Japanese, English); the names are the last one.
LIST_HEADER = (("日付", "Date"), ("会場", "Site"), ("内容", "Activity"), ("時間", "Time"),
               ("必要", "Needed"), ("配置", "Placed"), ("氏名", "Names"))


def role_labels(problem: Problem, roster: Roster) -> dict[tuple[str, str], str]:
    """(staff id, requirement id) -> the person's name followed by the required skill whose place
    they take (`佐々木 由美（小児科医）`, models.stats.roles): who is the doctor, printed. A person
    alone in a session is not labelled (a night's one doctor printed as 山田 太郎（当直可） read like a
    remark), nor are people who all take the same role when every place asks for it. A person the plan
    does not know is named by their ID."""
    staff = {s.id: s.name for s in problem.staff}
    role = printed_roles(problem, roster)
    return {(a.staff_id, a.requirement_id): staff.get(a.staff_id, a.staff_id) + (
        t("（{r}）", " ({r})", r=role[key]) if (key := (a.staff_id, a.requirement_id)) in role else "")
        for a in roster.assignments}


def placed_labels(problem: Problem, roster: Roster) -> dict[str, list[str]]:
    """placed_names with each person's role (role_labels), in staff-ID order."""
    labels = role_labels(problem, roster)
    out: dict[str, list[str]] = defaultdict(list)
    for a in sorted(roster.assignments, key=lambda a: a.staff_id):
        out[a.requirement_id].append(labels[(a.staff_id, a.requirement_id)])
    return out


def placed_names(problem: Problem, roster: Roster) -> dict[str, list[str]]:
    """Requirement id -> names of the people placed there, in staff-ID order (what 配置表 shows)."""
    placed: dict[str, list[str]] = defaultdict(list)
    for a in sorted(roster.assignments, key=lambda a: a.staff_id):
        try:
            placed[a.requirement_id].append(problem.staff_by_id(a.staff_id).name)
        except KeyError:
            placed[a.requirement_id].append(a.staff_id)
    return placed


def _session_text(req: Requirement, names: list[str], width: float, lacking: tuple[tuple[str, int], ...]) -> str:
    """One session in a grid cell: a heading line, then the names packed into lines of `width`, then
    what it is short of."""
    heading = session_heading(req)
    items = [f"{n}、" for n in names[:-1]] + names[-1:] + _shortfall(req, names, lacking)
    return "\n".join([heading, *_pack(items, width * _SMALL)])


def _shortfall(req: Requirement, names: list[str], lacking: tuple[tuple[str, int], ...]) -> list[str]:
    """`（あと1人）` for a session short of people, then its skills_short."""
    missing = req.min_staff - len(names)
    return ([t("（あと{n}人）", " (short {n})", n=missing)] if missing > 0 else []) + skills_short_text(lacking)


def skills_short_text(lacking: tuple[tuple[str, int], ...]) -> list[str]:
    """`（栄養士 あと1人）` for each skill a session is short of (the 配置表 reader passes over them)."""
    return [t("（{p}）", " ({p})", p=phrase) for phrase in skills_short_phrases(lacking, language())]


@lru_cache(maxsize=1024)  # a year's sessions are short of the same few skills
def skills_short_phrases(lacking: tuple[tuple[str, int], ...], _language: str) -> tuple[str, ...]:
    """`栄養士 あと1人` for each skill a session is short of, in the language given: 配置表 and 未充足 say them."""
    return tuple(t("{skill} あと{n}人", "{skill}: {n} more", skill=skill, n=n) for skill, n in lacking)


def session_heading(req: Requirement) -> str:
    """The line that opens a session in a grid cell: `3歳児健診 13:00-16:00`."""
    return f"{req.activity} {session_time(req)}"


def session_time(req: Requirement) -> str:
    """A session's hours as 配置表 writes them: `13:00-16:00`, `16:30-翌1:00`."""
    return time_range(req.start, req.end)


def _pack(items: list[str], width: float) -> list[str]:
    """Lines of whole items (names never split across lines), each at most `width` wide if possible."""
    lines: list[str] = []
    for item in items:
        if lines and text_width(lines[-1] + item) <= width - 2:
            lines[-1] += item
        else:
            lines.append(item)
    return lines


def _lines(text: str, width: float) -> int:
    """How many lines `text` takes when wrapped in a column `width` units wide."""
    usable = max(4.0, width - 1.5)
    return sum(max(1, -(-text_width(part) // int(usable))) for part in text.split("\n"))


def write_master(wb: Workbook, problem: Problem, roster: Roster,
                 skills: dict[str, tuple[tuple[str, int], ...]] | None = None) -> None:
    """The 配置表 sheet, as a dates × sites (or shifts) grid or, with many sites, one row per session."""
    columns = grid_columns(problem)
    placed = placed_labels(problem, roster)
    skills = skills_short(problem, roster) if skills is None else skills  # the export works them out once
    if columns:
        _write_grid(wb, problem, columns, placed, skills)
    else:
        _write_list(wb, problem, placed, skills)


def site_order(problem: Problem) -> list[str]:
    """Sites in the order of the 会場 sheet, then any others sessions name; only sites with sessions."""
    used = {r.site for r in problem.requirements}
    order = [s.name for s in problem.sites if s.name in used]
    order += sorted(used - set(order), key=natural_key)
    return order


def natural_key(text: str) -> tuple:
    """`第2投票所` before `第10投票所`: numbers by their value (an election office's 配置表 ran 第29, 第2, 第30)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text) if part)


def _subtitle(problem: Problem, placed: dict[str, list[str]], skills: dict[str, tuple[tuple[str, int], ...]]) -> str:
    short = sum(1 for r in problem.requirements if len(placed.get(r.id, [])) < r.min_staff or r.id in skills)
    people = sum(len(v) for k, v in placed.items() if problem.has_requirement(k))
    return t(
        "期間 {a} 〜 {b}　枠 {n} 件　配置 延べ {p} 人　未充足 {s} 件",
        "Period {a} to {b}   {n} sessions   {p} placements   {s} short",
        a=f"{problem.start:%Y/%m/%d}", b=f"{problem.end:%Y/%m/%d}",
        n=len(problem.requirements), p=people, s=short,
    )


def _write_grid(wb: Workbook, problem: Problem, columns: Sequence[GridColumn], placed: dict[str, list[str]],
                skills: dict[str, tuple[tuple[str, int], ...]]) -> None:
    by_cell: dict[tuple[date, int], list[Requirement]] = defaultdict(list)
    index = {(c.site, c.activity): i for i, c in enumerate(columns)}
    for req in sorted(problem.requirements, key=lambda r: (r.start, r.activity)):
        by_cell[(req.date, index.get((req.site, req.activity), index.get((req.site, None))))].append(req)
    widths = [_DATE_WIDTH] + [_column_width(c, [r for (_, i), v in by_cell.items() if i == n for r in v], placed)
                              for n, c in enumerate(columns)]
    # a session called off says so in its cell, among the others by its hours (a library's 整理日 had printed as
    # a blank, read as forgotten; an after-school club's morning closed for 開所準備 beside its afternoon, not at all)
    closed: dict[tuple[date, int], list[Requirement]] = defaultdict(list)
    for req in problem.closed:
        key = (req.date, index.get((req.site, req.activity), index.get((req.site, None))))
        if key[1] is not None:
            closed[key].append(req)
    texts = {}
    for key in {*by_cell, *closed}:
        held = [(r.start, r.activity, _session_text(r, placed.get(r.id, []), widths[key[1] + 1], skills.get(r.id, ())))
                for r in by_cell.get(key, [])]
        off = [(r.start, r.activity, session_heading(r) + called_off(r)) for r in closed.get(key, [])]
        texts[key] = "\n".join(text for _, _, text in sorted([*held, *off], key=lambda item: item[:2]))
    sheet = SheetWriter(wb, schema.MASTER_SHEET, widths, freeze="B4")
    sheet.title(plan_title(problem.name, "配置表", "roster"), len(widths), _subtitle(problem, placed, skills))
    header_row = sheet.header([t("日付", "Date"), *(c.title() for c in columns)])
    for day in grid_days(problem):
        fill = day_fill(day)
        label = day_label(day, with_holiday=True, between="\n")
        row = [sheet.cell(label, BODY.but(fill=fill, wrap=True, vertical="top"))]
        lines = 1
        for n, width in enumerate(widths[1:]):
            reqs = by_cell.get((day, n), [])
            short = any(len(placed.get(r.id, [])) < r.min_staff or r.id in skills for r in reqs)
            look = BODY.but(fill=SHORT_FILL if short else fill, wrap=True, vertical="top", size=9)
            text = texts.get((day, n))
            row.append(sheet.cell(text, look))
            if text:
                lines = max(lines, _lines(text, width * _SMALL))
        lines = max(lines, _lines(label, _DATE_WIDTH))
        sheet.append(row, look=None, height=_LINE_HEIGHT * lines + 3)
    total = sum(widths)  # landscape always (a ward's three columns too), A3 when A4 would squeeze the names
    sheet.print_setup(landscape=True, paper=PAPER_A3 if total > 170 else PAPER_A4, title_rows=f"{header_row}:{header_row}")


def _column_width(column: GridColumn, reqs: list[Requirement], placed: dict[str, list[str]]) -> float:
    """Wide enough for the site name and every session heading, between 14 and 30 units; a column
    of one activity up to _SHIFT_WIDTH, so that its busiest cell's names take two lines."""
    longest = max([text_width(part) for part in column.title().split("\n")]
                  + [text_width(session_heading(r)) for r in reqs])
    width = min(30, max(14, longest + 2))
    if column.activity is not None:
        names = max((text_width("、".join(placed.get(r.id, []))) for r in reqs), default=0)
        width = max(width, min(_SHIFT_WIDTH, -(-names // 2) + 4))
    return float(width)


def list_order(problem: Problem) -> list[Requirement]:
    """The sessions in the order of the list layout's rows, those called off (`Problem.closed`) among them."""
    rank = {site: i for i, site in enumerate(site_order(problem))}
    return sorted([*problem.requirements, *problem.closed],
                  key=lambda r: (r.date, r.start, rank.get(r.site, len(rank)), natural_key(r.site), r.activity))


def _write_list(wb: Workbook, problem: Problem, placed: dict[str, list[str]],
                skills: dict[str, tuple[tuple[str, int], ...]]) -> None:
    widths = [_DATE_WIDTH, 20, 22, 13, 7, 7, 60]
    sheet = SheetWriter(wb, schema.MASTER_SHEET, widths, freeze="A4")
    sheet.title(plan_title(problem.name, "配置表", "roster"), len(widths), _subtitle(problem, placed, skills))
    header_row = sheet.header([t(ja, en) for ja, en in LIST_HEADER])
    for req in list_order(problem):
        names = placed.get(req.id, [])
        if not problem.has_requirement(req.id):  # called off: its row says so (a library's 整理日, as the grid does)
            look = BODY.but(fill=day_fill(req.date), vertical="top", color=CALLED_OFF_COLOUR)
            needed, text = 0, called_off(req).strip()
        else:
            fill = SHORT_FILL if len(names) < req.min_staff or req.id in skills else day_fill(req.date)
            look = BODY.but(fill=fill, vertical="top")
            needed, text = req.min_staff, "、".join(names) + "".join(skills_short_text(skills.get(req.id, ())))
        sheet.append([
            sheet.cell(day_label(req.date, with_holiday=True), look), sheet.cell(req.site, look),
            sheet.cell(req.activity, look), sheet.cell(session_time(req), look),
            sheet.cell(needed, look), sheet.cell(len(names), look), sheet.cell(text, look.but(wrap=True)),
        ], look=None, height=_LINE_HEIGHT * _lines(text, widths[-1]) + 3)
    sheet.print_setup(landscape=True, paper=PAPER_A4, title_rows=f"{header_row}:{header_row}")
