"""The 会場別 sheet: each site's days, printed site by site, for whoever runs that site that day.

A clinic's 会場責任者, an exam room's 主任監督 or a polling station's 管理者 needs the day at their own
site: each session in time order, who comes and in which role (the 問診 doctor first, then the
nurses), and the places nobody fills yet. The 配置表 holds the same people, but a month of four sites
printed as one grid ran to 22 mostly empty pages, and the people running each site had made their
own day sheets. A plan of one site (a ward) has none: its 配置表 and 勤務表 are already that.

A block per site and day, sites in the 会場 sheet's order then by date. A page holds whole days of one
site (PAGE_ROWS): a site starts a new page, and so does a day that would not fit on the page begun.
Sessions called off that day are listed in grey, so the site knows not to expect them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from openpyxl import Workbook
from openpyxl.worksheet.pagebreak import Break

from models.changes import called_off
from models.domain import OR_SKILL, Problem, Requirement, Roster, rotation_order, time_range
from models.excel import schema
from models.excel.sheets_master import CALLED_OFF_COLOUR, site_order
from models.excel.sheetwriter import SheetWriter
from models.excel.styles import BODY, HEADER, PAPER_A4, SHORT_FILL, SUBTITLE, TITLE, day_label, widest
from models.i18n import t
from models.stats import has_site_sheet, session_roles, skills_short

SHORT = BODY.but(fill=SHORT_FILL, color="C00000")  # a place nobody fills
# Points of an A4 portrait page's printed height (297 mm less the margins and footer): a site's days fill
# a page, whole, before the next one starts (a health centre's fortnight of one or two sessions a day
# on a page, a clinic's busy day on its own). A block is a title, a subtitle, the header, its rows and a blank.
PAGE_POINTS, TITLE_POINTS, HEADER_POINTS, ROW_POINTS = 760, 20, 18, 15
OFF = BODY.but(color=CALLED_OFF_COLOUR)


def _headers() -> list[str]:
    return [t("時間", "Time"), t("内容", "Activity"), t("役割", "Role"), t("氏名", "Name"), t("備考", "Notes")]


def site_days(problem: Problem) -> list[tuple[str, date, list[Requirement]]]:
    """(site, day, its sessions and those called off, in the day's order) for every site and day with one."""
    by_key: dict[tuple[str, date], list[Requirement]] = defaultdict(list)
    for req in [*problem.requirements, *problem.closed]:
        by_key[(req.site, req.date)].append(req)
    order = {name: i for i, name in enumerate(site_order(problem))}
    keys = sorted(by_key, key=lambda key: (order.get(key[0], len(order)), key[0], key[1]))
    out = []
    for site, day in keys:
        sessions = by_key[(site, day)]
        activities = {activity: i for i, activity in enumerate(rotation_order(sessions))}
        sessions.sort(key=lambda r: (r.start, activities.get(r.activity, 0), r.end, r.id))
        out.append((site, day, sessions))
    return out


def _role_rank(label: str, req: Requirement) -> int:
    """Where a role stands in its session: by the order the session asks for its skills (a
    clinic lists 医師 first), people without one last."""
    for i, (skill, _) in enumerate(req.required_skills):
        if any(part and part in label for part in (skill, *skill.split(OR_SKILL))):
            return i
    return len(req.required_skills)


def write_site_sheet(wb: Workbook, problem: Problem, roster: Roster) -> None:
    """The `会場別` sheet (plans of two sites or more): a page per site and day."""
    if not has_site_sheet(problem):
        return
    staff = {s.id: s for s in problem.staff}
    placed: dict[str, list[str]] = defaultdict(list)
    for a in roster.assignments:
        placed[a.requirement_id].append(a.staff_id)
    lacking = skills_short(problem, roster)
    role = session_roles(problem, roster)
    sessions = [*problem.requirements, *problem.closed]
    widths = [widest((time_range(r.start, r.end) for r in sessions), 13),
              widest((r.activity for r in sessions), 12) + 2, 16,
              widest((s.name for s in problem.staff), 14) + 2, 30]
    sheet = SheetWriter(wb, schema.SITE_SHEET, widths)
    closed = {id(r) for r in problem.closed}
    page = 0  # points of the page being filled
    last_site = None
    for site, day, reqs in site_days(problem):
        held = [r for r in reqs if id(r) not in closed]
        blocks = [_session_lines(req, staff, placed.get(req.id, []), lacking.get(req.id, ()), role,
                                 id(req) in closed) for req in reqs]
        size = TITLE_POINTS + HEADER_POINTS + ROW_POINTS * (2 + sum(len(lines) for lines in blocks))
        if last_site is not None and (site != last_site or page + size > PAGE_POINTS):
            sheet.ws.row_breaks.append(Break(id=sheet.rows))
            page = 0
        last_site, page = site, page + size
        need = sum(r.min_staff for r in held)
        people = sum(len(placed.get(r.id, ())) for r in held)
        short = sum(max(0, r.min_staff - len(placed.get(r.id, ()))) for r in held)
        sheet.append([sheet.cell(f"{site}　{day_label(day, with_holiday=True)}", TITLE.but(size=12))],
                     look=None, height=20)
        line = t("{p}人（必要 {n}人）", "{p} people ({n} needed)", p=people, n=need)
        if short:
            line += t("　不足 {s}人", ", {s} short", s=short)
        sheet.append([sheet.cell(f"{problem.name}　{line}", SUBTITLE)], look=None)
        sheet.append([sheet.cell(name, HEADER) for name in _headers()], look=None, height=HEADER_POINTS)
        for req, lines in zip(reqs, blocks):
            _write_session(sheet, req, lines, id(req) in closed)
        sheet.append([])
    sheet.print_setup(landscape=False, paper=PAPER_A4)


def _session_lines(req: Requirement, staff: dict, ids: list[str], lacking: tuple[tuple[str, int], ...],
                   role: dict[tuple[str, str], str], off: bool) -> list[tuple[str, str, bool]]:
    """A session's rows as (role, name, nobody fills it): its people by role, then a row per place
    nobody fills (by the skill it lacks, where one does); one row for a session called off."""
    if off:
        return [("", called_off(req).strip(), False)]
    rows = sorted(((role.get((i, req.id), ""), staff[i].name if i in staff else i, i) for i in ids),
                  key=lambda row: (_role_rank(row[0], req) if row[0] else len(req.required_skills) + 1, row[2]))
    lines: list[tuple[str, str, bool]] = [(label, name, False) for label, name, _ in rows]
    missing_skills = [skill for skill, n in lacking for _ in range(n)]
    empty = max(0, req.min_staff - len(ids))
    lines += [(skill, t("（未配置）", "(unfilled)"), True) for skill in missing_skills[:empty]]
    lines += [("", t("（未配置）", "(unfilled)"), True) for _ in range(empty - len(missing_skills[:empty]))]
    lines += [(skill, t("（この役割の人がいません）", "(nobody in this role)"), True) for skill in missing_skills[empty:]]
    return lines or [("", t("（配置なし）", "(nobody placed)"), False)]


def _write_session(sheet: SheetWriter, req: Requirement, lines: list[tuple[str, str, bool]], off: bool) -> None:
    """A session's rows (_session_lines); its time, activity and 備考 on the first row only."""
    hours = time_range(req.start, req.end)
    for n, (label, name, gap) in enumerate(lines):
        look = OFF if off else SHORT if gap else BODY
        first = n == 0
        sheet.append([sheet.cell(hours if first else "", OFF if off else BODY),
                      sheet.cell(req.activity if first else "", OFF if off else BODY),
                      sheet.cell(label, look), sheet.cell(name, look),
                      sheet.cell(req.notes if first and not off else "", BODY.but(wrap=True))], look=None)
