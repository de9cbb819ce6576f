"""The input sheets 職員, 枠, 勤務可否, 会場 and 設定, written in the layout the importer reads.

Headers come from `models.excel.schema` (Japanese names, header in row 1) so what the
template and the exporter write is read back by `models.excel.importer` unchanged. Used empty
(the template) or pre-filled from a Problem (the exported roster, so `haichi check` can re-read
the whole problem).
"""

from __future__ import annotations

from datetime import date, time
from typing import Any, Callable, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from models.domain import DAY_MINUTES, OR_SKILL, WISHED_OFF, Mark, Problem, Requirement, Site, Staff, TravelBuffers, hhmm, rotation_order
from models.excel import schema
from models.excel.availability_sheet import Kept, Wishes, wishes_of
from models.excel.staff_rules import exported_values
from models.i18n import t
from models.excel.sheets import HOURS_FIELDS
from models.excel.settings_rows import NOTE_HEADER, setting_rows
from models.excel.sheetwriter import Out, SheetWriter
from models.excel.styles import BODY, DATE_FORMAT, DAY_FORMAT, HEADER, TIME_FORMAT, Look, day_fill, text_width
from models.rulemeta import RuleInfo
from models.textparse import cell_text, hours_text, name_counts_text, skill_needs_text, weekdays_text, wish_text

# The drop-down of 勤務可否 and of a form: the marks, with the two days off staff ask for most, 希 (a day
# off asked for) and 有休 (paid leave), after × (a care home's staff submit those, which the list lacked).
MARK_CHOICES = (Mark.AVAILABLE.value, Mark.PREFER_NOT.value, Mark.UNAVAILABLE.value, WISHED_OFF, "有休",
                Mark.AM_ONLY.value, Mark.PM_ONLY.value)
_LIST_LIMIT = 255  # characters Excel allows in a drop-down's list written in the rule itself
SPARE_ROWS = 100  # empty, validated rows left for people to add in the template


def mark_choices(activities: Sequence[str]) -> tuple[str, ...]:
    """The drop-down of an availability cell: the marks, then the plan's `activities` (wishes)
    when they fit in a list Excel keeps in the rule itself, else the marks only."""
    choices = tuple(dict.fromkeys((*MARK_CHOICES, *(wish_text(name) for name in activities))))
    if len(",".join(choices)) > _LIST_LIMIT or any("," in name for name in activities):
        return MARK_CHOICES
    return choices

_STAFF_VALUES: dict[str, Callable[[Staff], Any]] = {
    "staff_id": lambda s: s.id,
    "skills": lambda s: "、".join(sorted(k for k in s.skills if OR_SKILL not in k)),  # 教員または職員: Problem's own
    "paid_this_year": lambda s: s.paid_this_year or None,
    "max_per_activity": lambda s: name_counts_text(s.max_per_activity) or None,
    "active": lambda s: None if s.active else "×",  # blank is active, as people leave it
    "weekdays": lambda s: weekdays_text(s.weekdays) or None,
    **{key: (lambda s, key=key: None if getattr(s, key) is None else hours_text(getattr(s, key)))
       for key in HOURS_FIELDS},
}
_SESSION_VALUES: dict[str, Callable[[Requirement], Any]] = {
    "required_skills": lambda r: skill_needs_text(r.required_skills, r.skill_caps),
    "start": lambda r: _time_value(r.start),
    "end": lambda r: _time_value(r.end),
    "break_minutes": lambda r: r.break_minutes or None,  # blank: no break
}
_WIDTHS = {"staff_id": 10, "name": 16, "skills": 22, "home": 18, "max_per_activity": 16, "notes": 30, "date": 12,
           "site": 20, "activity": 22, "required_skills": 24, "area": 14, "travel_group": 14}


def _time_value(minutes: int) -> Any:
    """An Excel time for a time of day; past 24:00, which Excel times cannot hold, the next day's time
    as people write it on a roster and the importer reads it (`翌9:00`, not `33:00`)."""
    if 0 <= minutes < DAY_MINUTES:
        return time(minutes // 60, minutes % 60)
    if minutes < 2 * DAY_MINUTES:
        hour, minute = divmod(minutes - DAY_MINUTES, 60)
        return f"翌{hour}:{minute:02d}"
    return hhmm(minutes)


def _widths(spec: schema.SheetSpec) -> list[float]:
    return [max(_WIDTHS.get(c.key, 10), text_width(c.ja) + 4) for c in spec.columns]


def write_staff(wb: Workbook, staff: Sequence[Staff], rule_columns: Sequence[tuple[str, list[Any]]] = ()) -> None:
    """The 職員 sheet: one row per person, columns as in the schema, then `rule_columns` (header, a value
    per person: a rule's value for each, staff_rules.exported_values)."""
    spec = schema.STAFF
    sheet = SheetWriter(wb, spec.ja, _widths(spec) + [text_width(h) + 4 for h, _ in rule_columns], freeze="C2")
    sheet.header([c.ja for c in spec.columns] + [h for h, _ in rule_columns],
                 [c.required for c in spec.columns] + [False] * len(rule_columns))
    for i, person in enumerate(staff):
        sheet.append([_STAFF_VALUES.get(c.key, lambda s, k=c.key: getattr(s, k, None))(person) for c in spec.columns]
                     + [values[i] for _, values in rule_columns])


def write_sessions(wb: Workbook, requirements: Sequence[Requirement]) -> None:
    """The 枠 sheet: one row per session, dates as Excel dates and times as Excel times."""
    spec = schema.SESSIONS
    sheet = SheetWriter(wb, spec.ja, _widths(spec), freeze="A2")
    sheet.header([c.ja for c in spec.columns], [c.required for c in spec.columns])
    looks = {"date": BODY.but(number_format=DATE_FORMAT), "start": BODY.but(number_format=TIME_FORMAT),
             "end": BODY.but(number_format=TIME_FORMAT)}
    for req in sorted(requirements, key=lambda r: (r.date, r.start, r.site, r.activity)):
        row = []
        for c in spec.columns:
            value = _SESSION_VALUES.get(c.key, lambda r, k=c.key: getattr(r, k, None))(req)
            row.append(sheet.cell(value, looks.get(c.key, BODY)))
        sheet.append(row, look=None)


def write_daily(wb: Workbook) -> None:
    """The 毎日の枠 sheet, its header alone: a row per shift held every day (models.excel.daily_sheet)."""
    spec = schema.DAILY
    sheet = SheetWriter(wb, spec.ja, _widths(spec), freeze="A2")
    sheet.header([c.ja for c in spec.columns], [c.required for c in spec.columns])


def write_availability(
    wb: Workbook, days: Sequence[date], staff: Sequence[Staff], marks: dict[tuple[str, date], Mark],
    activities: Sequence[str] = (), wishes: Wishes | None = None, kept: Kept | None = None,
) -> None:
    """The 勤務可否 matrix: ID, name, one column per day (an Excel date shown `m/d(aaa)`); a day
    with a wish holds the activity asked for instead of ○, a day of leave its word (有休) instead of ×,
    a day with hours free those hours (`15:00〜`), a day with shifts refused those (`遅番不可`).

    Weekends and holidays are shaded down the whole column; the mark area has a ○/△/×/午前/午後
    drop-down (and the plan's `activities`, when they fit), including spare rows below the people listed.
    """
    wishes = wishes or {}
    kept = kept or Kept()
    spec = schema.AVAILABILITY
    sheet = SheetWriter(wb, spec.ja, [10, 16] + [10.0] * len(days), freeze="C2")
    header = [sheet.cell(c.ja, HEADER) for c in spec.columns]
    header += [sheet.cell(d, HEADER.but(number_format=DAY_FORMAT, fill=day_fill(d) or HEADER.fill)) for d in days]
    sheet.append(header, look=None, height=30)
    # one empty cell per column, shaded or not; a mark reuses its column's style (hot loop)
    blanks = [sheet.cell(None, BODY.but(horizontal="center", fill=day_fill(d))) for d in days]
    for person in staff:
        row: list[Out] = [sheet.cell(person.id), sheet.cell(person.name)]
        for day, blank in zip(days, blanks):
            key = (person.id, day)
            text = cell_text(marks.get(key), wishes.get(key), kept.leave.get(key), kept.windows.get(key),
                             kept.refused.get(key), activities, kept.caps.get(key))
            row.append(blank if text is None else Out((text, blank.style, blank.array)))
        sheet.append(row)
    first = len(staff) + 2
    for _ in range(SPARE_ROWS if not staff else 0):  # the template: empty rows to fill in
        sheet.append([sheet.cell(None), sheet.cell(None), *blanks])
    if days:
        last_row = max(first - 1, 1) + SPARE_ROWS
        choices = ",".join(mark_choices(activities))
        validation = DataValidation(
            type="list", formula1=f'"{choices}"', allow_blank=True,
            showErrorMessage=True, errorStyle="warning",
            errorTitle=spec.ja, error=t("○ △ × 午前 午後 か勤務名（希望）を選んでください。勤務できる時間（15時から・〜15時）や"
                                        "できない勤務（遅番不可）を書いたときは「はい」を押してください。",
                                        "Choose one of ○ △ × 午前 午後 or a shift to ask for. For hours free "
                                        "(15時から, 〜15時) or a shift refused (遅番不可), press Yes."),
            promptTitle=spec.ja, showInputMessage=True,
            prompt=t("○=可 △=できれば避けたい ×=不可 午前/午後=半日のみ 15時から・〜15時=その時間のみ 1枠のみ=その日は1枠まで "
                     "勤務名=その勤務を希望",
                     "○ yes, △ rather not, × no, 午前/午後 half day only, 15時から/〜15時 those hours only, "
                     "1枠のみ one session at most, a shift's name asks for it"),
        )
        validation.add(f"C2:{get_column_letter(len(days) + 2)}{last_row}")
        sheet.ws.data_validations.append(validation)


def write_sites(wb: Workbook, sites: Sequence[Site]) -> None:
    """The 会場 sheet: site, area (区), travel group."""
    spec = schema.SITES
    sheet = SheetWriter(wb, spec.ja, _widths(spec), freeze="A2")
    sheet.header([c.ja for c in spec.columns], [c.required for c in spec.columns])
    for site in sites:
        sheet.append([site.name, site.area, site.travel_group])


def write_settings(
    wb: Workbook,
    *,
    plan_name: str,
    start: date,
    end: date,
    blank_means: Mark,
    travel: TravelBuffers,
    catalogue: Sequence[RuleInfo],
    problem: Problem | None,
) -> None:
    """The 設定 sheet: 項目 / 値 / 説明 rows for the plan, blanks, travel and every rule setting."""
    rows = setting_rows(plan_name, start, end, blank_means, travel, catalogue, problem)
    # the keys whole: a Japanese key names its rule and parameter (週末・祝日勤務の偏り.年度で数える（前の計画の分も）)
    widest = max((text_width(row.key) for row in rows), default=30)
    sheet = SheetWriter(wb, schema.SETTINGS.ja, [max(30, widest + 2), 16, 70], freeze="A2")
    sheet.header([schema.SETTINGS.column("key").ja, schema.SETTINGS.column("value").ja, NOTE_HEADER], [True, True])
    choices: dict[str, list[str]] = {}
    for row in rows:
        value_look: Look = BODY.but(number_format=DATE_FORMAT) if isinstance(row.value, date) else BODY
        number = sheet.append([sheet.cell(row.key), sheet.cell(row.value, value_look.but(horizontal="left")),
                               sheet.cell(row.note, BODY.but(wrap=True))], look=None)
        if row.choices:
            choices.setdefault(",".join(row.choices), []).append(f"B{number}")
    for options, cells in choices.items():
        validation = DataValidation(type="list", formula1=f'"{options}"', allow_blank=False)
        for ref in cells:
            validation.add(ref)
        sheet.ws.data_validations.append(validation)


def write_input_sheets(
    wb: Workbook, start: date, end: date, catalogue: Sequence[RuleInfo], problem: Problem | None
) -> None:
    """All the input sheets in the template's order, empty or filled from `problem`; an empty
    template also has the 毎日の枠 sheet (a ward's shifts by kind of day, read into 枠 sessions)."""
    staff = problem.staff if problem else []
    # a session called off is its 枠 row of 0 (most 0 too), read back as called off: `check`, `pdf` and `repair` of
    # the exported roster show it as the export did
    requirements = [*problem.requirements, *problem.closed] if problem else []
    days = [date.fromordinal(o) for o in range(start.toordinal(), end.toordinal() + 1)]
    write_staff(wb, staff, exported_values(staff, problem.rules, catalogue) if problem else ())
    write_sessions(wb, requirements)
    if problem is None:
        write_daily(wb)
    if problem:
        write_availability(wb, days, staff, problem.availability, rotation_order(problem.requirements),
                           wishes_of(problem), Kept(problem.leave, problem.windows, problem.refused, problem.day_caps))
    else:
        write_availability(wb, days, staff, {})
    write_sites(wb, _sites_of(problem) if problem else [])
    write_settings(
        wb,
        plan_name=problem.name if problem else f"{start.year}年{start.month}月",
        start=start,
        end=end,
        blank_means=problem.blank_means if problem else Mark.UNAVAILABLE,
        travel=problem.travel if problem else TravelBuffers(),
        catalogue=catalogue,
        problem=problem,
    )


def _sites_of(problem: Problem) -> list[Site]:
    """The declared sites, then any site a session names that was not declared."""
    sites = list(problem.sites)
    known = {s.name for s in sites}
    for req in problem.requirements:
        if req.site not in known:
            known.add(req.site)
            sites.append(problem.site(req.site))
    return sites
