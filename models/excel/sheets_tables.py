"""The table sheets of the roster workbook: 集計, 未充足, 違反 and the machine-readable Assignments."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from openpyxl import Workbook

from models.domain import Problem, Roster, Violation, clock, hhmm
from models.excel import schema
from models.excel.sheets_master import skills_short_phrases
from models.excel.sheetwriter import SheetWriter, plan_title
from models.excel.styles import (
    BODY, ONE_DECIMAL, PLAIN, SHORT_FILL, TOTAL_FILL, YEN_FORMAT, Look, day_fill, day_label, text_width,
    widest, wrapped_height,
)
from models.history import FISCAL_MONTH, fiscal_years, pay_year_month, year_name, years_of
from models.i18n import language, t
from models.rulemeta import RuleInfo
from models.stats import PersonStats, activity_columns, person_stats, weekend_mornings, said_once, skills_short, unfilled

_CENTER = BODY.but(horizontal="center")


# The widest the 集計 sheet's sites column grows before its lists wrap.
SITES_WIDTH = 70


def write_summary(wb: Workbook, problem: Problem, roster: Roster) -> None:
    """集計: per person count, days worked (a polling office's limit is days: a 前半 and a 後半 are one), (with few
    activities, a ward's shifts) the count of each activity,
    days worked on weekends and holidays, minutes, hours, pay, △ used, desired, deviation, the
    fiscal year's count and pay so far (earlier plans carried in, this roster included; a plan that
    crosses April 1 gets a pair for each fiscal year) and sites; a totals row."""
    activities = activity_columns(problem)
    years, month = fiscal_years(problem), pay_year_month(problem)
    pay_years = years_of(problem, month)
    year_headings = _year_headings(years, pay_years, month)
    stats = person_stats(problem, roster)
    sites = ["、".join(s.sites) for s in stats]
    # the sites column as wide as its longest list, up to SITES_WIDTH; longer lists wrap
    sites_width = min(SITES_WIDTH, max([40, *(text_width(text) + 2 for text in sites)]))
    widths = [10, 16, 7, 7, *(max(6, min(12, text_width(a) + 2)) for a in activities), 9, 10, 9, 12, 8, 9, 8,
              *_year_widths(len(years), len(year_headings) - len(years), month), sites_width]
    sheet = SheetWriter(wb, schema.SUMMARY_SHEET, widths, freeze="C4")
    mornings = (t("（夜勤明けを含む）", " (a morning after a night included)") if weekend_mornings(problem)
                else t("（その日に始まる勤務のみ、夜勤明けは含まない）", " (sessions starting on one; mornings after a night not included)"))
    note = t("希望回数は月あたりの希望を期間に換算した値、差＝回数−希望回数。土日祝は土曜・日曜・祝日に勤務した日数{m}。"
             "年度は今年度（4月〜）の前の計画とこの計画の合計（支給見込は年間支給済額を含む）",
             "Desired = the monthly wish scaled to the period; deviation = count − desired. Weekend days = "
             "Saturdays, Sundays and holidays worked{m}. Fiscal year = earlier plans of the fiscal year (from "
             "April) and this one (the pay with what was already paid)", m=mornings)
    if month != FISCAL_MONTH:
        note += t("。年間支給見込は{m}月からの1年（年間支給額の上限の年）", ". The year's pay is of the year from month "
                  "{m} (the annual pay cap's year)", m=month)
    if len(years) > 1:
        note += t("。4月1日からの勤務は新しい年度（{fy}年度）として、前の計画の分と年間支給済額を含めずに数えます",
                  ". The sessions from April 1 are a new fiscal year ({fy}), counted without earlier plans or what "
                  "was already paid", fy=years[1])
    sheet.title(plan_title(problem.name, "集計", "summary"), len(widths), note)
    header_row = sheet.header([
        t("職員ID", "Staff ID"), t("氏名", "Name"), t("回数", "Count"), t("日数", "Days"), *activities,
        t("土日祝", "Weekend days"), t("勤務時間(分)", "Minutes"),
        t("時間", "Hours"), t("支給額(円)", "Pay (yen)"), t("△の日数", "△ days"), t("希望回数", "Desired"),
        t("差", "Deviation"), *year_headings, t("会場", "Sites"),
    ])
    hours, yen = BODY.but(number_format=ONE_DECIMAL), BODY.but(number_format=YEN_FORMAT)
    wrapped = BODY.but(wrap=True, vertical="top")
    for s, text in zip(stats, sites):
        counts = dict(s.activities)
        sheet.append([
            s.staff_id, s.name, s.count, s.work_days, *(counts.get(a, 0) for a in activities), s.weekend_days, s.minutes,
            sheet.cell(round(s.hours, 2), hours), sheet.cell(s.pay, yen), s.prefer_not_days,
            sheet.cell(None if s.desired is None else round(s.desired, 2), hours),
            sheet.cell(None if s.deviation is None else round(s.deviation, 2), hours),
            *_year_values(sheet, s, yen, month), sheet.cell(text, wrapped),
        ], height=wrapped_height([(text, sites_width)]))
    total = BODY.but(bold=True, fill=TOTAL_FILL)
    desired = [s.desired for s in stats if s.desired is not None]
    sheet.append([
        sheet.cell(t("合計", "Total"), total), sheet.cell(f"{len(stats)}" + t("人", " people"), total),
        sheet.cell(sum(s.count for s in stats), total), sheet.cell(sum(s.work_days for s in stats), total),
        *(sheet.cell(sum(dict(s.activities).get(a, 0) for s in stats), total) for a in activities),
        sheet.cell(sum(s.weekend_days for s in stats), total), sheet.cell(sum(s.minutes for s in stats), total),
        sheet.cell(round(sum(s.minutes for s in stats) / 60, 2), total.but(number_format=ONE_DECIMAL)),
        sheet.cell(sum(s.pay or 0 for s in stats), total.but(number_format=YEN_FORMAT)),
        sheet.cell(sum(s.prefer_not_days for s in stats), total),
        sheet.cell(round(sum(desired), 2) if desired else None, total.but(number_format=ONE_DECIMAL)),
        *(sheet.cell(None, total) for _ in range(2 + len(year_headings))),
    ], look=None)
    sheet.print_setup(landscape=True, title_rows=f"{header_row}:{header_row}")


def _year_headings(years: list[int], pay_years: list[int], month: int) -> list[str]:
    """The count heading of each fiscal year of the plan and the pay heading of each year of the pay
    cap, side by side when the two years are one (the fiscal year), the year named when there are two."""
    if month == FISCAL_MONTH:
        if len(years) == 1:
            return [t("年度の回数", "Fiscal-year count"), t("年度の支給見込(円)", "Fiscal-year pay (yen)")]
        return [heading for fy in years for heading in (
            t("{fy}年度の回数", "Fiscal {fy} count", fy=fy), t("{fy}年度の支給見込(円)", "Fiscal {fy} pay (yen)", fy=fy))]
    counts = [t("年度の回数", "Fiscal-year count")] if len(years) == 1 else [
        t("{fy}年度の回数", "Fiscal {fy} count", fy=fy) for fy in years]
    return counts + [t("{year}の支給見込(円)", "Pay in {year} (yen)", year=year_name(y, month)) for y in pay_years]


def _year_widths(counts: int, pays: int, month: int) -> list[int]:
    """The widths of the _year_headings columns: wider when the headings name the year."""
    if month == FISCAL_MONTH:
        return [9, 14] * counts if counts == 1 else [12, 18] * counts
    return [9 if counts == 1 else 12] * counts + [18] * pays


def _year_values(sheet: SheetWriter, s: PersonStats, yen: Look, month: int) -> list[object]:
    """A person's values under _year_headings: count and pay of each fiscal year side by side, or the
    counts and then the pays when the pay cap's year starts in another `month`."""
    pays = [sheet.cell(p.pay, yen) for p in s.pay_years]
    if month == FISCAL_MONTH:  # the pay years are the fiscal years
        return [value for year, pay in zip(s.fiscal, pays) for value in (year.count, pay)]
    return [year.count for year in s.fiscal] + pays


def _skills_cell(lacking: tuple[tuple[str, int], ...]) -> str:
    """未充足's skills column: `栄養士 あと1人、心理士 あと1人`."""
    return t("、", ", ").join(skills_short_phrases(lacking, language()))


def write_unfilled(wb: Workbook, problem: Problem, roster: Roster,
                   skills: dict[str, tuple[tuple[str, int], ...]] | None = None) -> None:
    """未充足: every session below its minimum, with how many people are missing, or short of a
    required skill (a check-up without its 栄養士 is short though its headcount is full)."""
    hours = widest((clock(m) for r in problem.requirements for m in (r.start, r.end)), 8)  # `1:00 (next day)`
    skills = skills_short(problem, roster) if skills is None else skills
    widths = [16, 20, 22, hours, hours, 9, 9, 8] + ([24] if skills else [])
    sheet = SheetWriter(wb, schema.UNFILLED_SHEET, widths, freeze="A3")
    sheet.title(t("人数が足りない枠", "Sessions short of staff"), len(widths))
    header_row = sheet.header([
        t("日付", "Date"), t("会場", "Site"), t("内容", "Activity"), t("開始", "Start"), t("終了", "End"),
        t("必要人数", "Needed"), t("配置人数", "Placed"), t("不足", "Short"),
    ] + ([t("足りないスキル", "Skills short")] if skills else []))
    missing_of = dict((req.id, missing) for req, missing in unfilled(problem, roster))
    placed = Counter(a.requirement_id for a in roster.assignments)
    short = sorted((req for req in problem.requirements if req.id in missing_of or req.id in skills),
                   key=lambda r: (r.date, r.start, r.site, r.activity))
    short_look, skills_look = _CENTER.but(bold=True, fill=SHORT_FILL), BODY.but(bold=True, fill=SHORT_FILL)
    for req in short:
        look = BODY.but(fill=day_fill(req.date))
        missing = missing_of.get(req.id)
        row = [
            sheet.cell(day_label(req.date, with_holiday=True), look), sheet.cell(req.site, look),
            sheet.cell(req.activity, look), sheet.cell(clock(req.start), look), sheet.cell(clock(req.end), look),
            sheet.cell(req.min_staff, look), sheet.cell(placed[req.id], look),
            sheet.cell(missing, short_look) if missing else sheet.cell(None, look),
        ]
        if skills:
            text = _skills_cell(skills.get(req.id, ()))
            row.append(sheet.cell(text or None, skills_look if text else look))
        sheet.append(row, look=None)
    if not short:
        sheet.append([sheet.cell(t("すべての枠が必要人数を満たしています", "Every session has its minimum staff"), PLAIN)], look=None)
    sheet.print_setup(landscape=True, title_rows=f"{header_row}:{header_row}")


def write_violations(wb: Workbook, problem: Problem, violations: Sequence[Violation], catalogue: Sequence[RuleInfo]) -> None:
    """違反: each violation passed in — rule, hard/soft, who, session, message, cost — a session short
    of people once (stats.said_once)."""
    violations = said_once(violations, problem)
    titles = {info.id: t(info.title_ja, info.title_en) for info in catalogue}
    widths = [22, 8, 10, 14, 34, 60, 8]
    sheet = SheetWriter(wb, schema.VIOLATIONS_SHEET, widths, freeze="A3")
    sheet.title(t("ルール違反", "Rule violations"), len(widths))
    header_row = sheet.header([
        t("ルール", "Rule"), t("種別", "Kind"), t("職員ID", "Staff ID"), t("氏名", "Name"),
        t("枠", "Session"), t("内容", "Message"), t("コスト", "Cost"),
    ])
    order = sorted(violations, key=lambda v: (not v.hard, v.date or problem.start, v.rule_id, v.staff_id or ""))
    for v in order:
        name = _name_of(problem, v.staff_id) if v.staff_id else ""
        # a session's own label, or nothing: a month's or a run's date is no session (its message says when)
        session = problem.requirement(v.requirement_id).label() \
            if v.requirement_id and problem.has_requirement(v.requirement_id) else ""
        look = BODY.but(wrap=True, vertical="top", fill=SHORT_FILL if v.hard else None)
        texts = [titles.get(v.rule_id, v.rule_id), t("必須", "hard") if v.hard else t("努力", "soft"),
                 v.staff_id or "", name, session, v.message]
        # the session and the message are what wrap (the others fit their columns): measured alone,
        # as an export of 50 000 violations spent 3 s measuring every cell
        sheet.append([*(sheet.cell(text, look) for text in texts), sheet.cell(v.cost, look)], look=None,
                     height=wrapped_height([(session, widths[4]), (v.message, widths[5])]))
    if not violations:
        sheet.append([sheet.cell(t("違反はありません", "No violations"), PLAIN)], look=None)
    sheet.print_setup(landscape=True, title_rows=f"{header_row}:{header_row}")


def _name_of(problem: Problem, staff_id: str) -> str:
    """The person's name, or "" for an ID the problem does not know."""
    try:
        return problem.staff_by_id(staff_id).name
    except KeyError:
        return ""


def assignment_rows(problem: Problem, roster: Roster) -> list[tuple[str, str, str, str, str, str, str, bool]]:
    """The Assignments rows: one per placed person, sorted by date, start, site and staff.

    Raises ValueError for an assignment to a session the problem does not have.
    """
    rows = []
    for a in roster.assignments:
        if not problem.has_requirement(a.requirement_id):
            raise ValueError(t("配置の枠が見つかりません: {r}", "assignment to an unknown session: {r}", r=a.requirement_id))
        req = problem.requirement(a.requirement_id)
        name = _name_of(problem, a.staff_id)
        rows.append((req.date.isoformat(), req.site, req.activity, hhmm(req.start), hhmm(req.end), a.staff_id, name, a.locked))
    rows.sort(key=lambda r: (r[0], r[3], r[1], r[5], r[2]))
    return rows


def write_assignments(wb: Workbook, problem: Problem, roster: Roster) -> None:
    """Assignments: exactly `date, site, activity, start, end, staff_id, staff_name, locked`."""
    sheet = SheetWriter(wb, schema.ASSIGNMENTS_SHEET, [12, 20, 22, 8, 8, 10, 16, 8], freeze="A2")
    sheet.header(list(schema.ASSIGNMENTS_COLUMNS))
    for row in assignment_rows(problem, roster):
        sheet.append(row, look=None)
