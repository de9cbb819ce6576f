"""Reading one or many workbooks into one Problem (DESIGN §4), all problems at once.

Typically one workbook holds 職員 and 枠 (and maybe a 勤務可否 matrix, 会場 and 設定); further
files may be one-person availability forms. Everything is read, every problem is collected with
its file, sheet and cell, and only a clean import returns a Problem.
"""

from __future__ import annotations

import filecmp
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Callable

from models.domain import (
    BRACKETED, BREAK, OR_SKILL, WEEKDAY_NAMES, Mark, Problem, Requirement, RuleSetting, ShiftRequest, Site, Staff,
    TravelBuffers, clock, counted_activities, ids_named, known_id, next_morning, normalize, one_working_day, rotation_order,
    skills_make_up,
)
from models.errors import InputProblem, InvalidInput
from models.excel import messages
from models.excel.availability_import import MarksSheet, covering, is_day, marks_sheets, read_availability
from models.excel.daily_sheet import DailySession, daily_sessions, fill_from_daily, holiday_notes, read_daily
from models.excel.availability_sheet import Kept, Wishes
from models.excel.bands_sheet import read_bands
from models.excel.reader import (HEADER_SEARCH_ROWS, Book, Period, Table, is_blank, locate, match_columns, normalize_header,
                                 open_book)
from models.excel.schema import (
    ASSIGNMENTS_SHEET, AVAILABILITY, BAND_RULE, BANDS, DAILY, DUTY_SHEET, INSTRUCTIONS_SHEET, MASTER_SHEET, PERSONAL_SHEET_PREFIX, SESSIONS,
    SETTINGS, SITE_SHEET, SITES, STAFF, SUMMARY_SHEET, UNFILLED_SHEET, VIOLATIONS_SHEET, SheetSpec,
)
from models.excel.settings_sheet import Settings, read_settings, rule_setting
from models.excel.staff_rules import with_person_values
from models.excel.sheets import (OF_THE_DATES, Tenure, affiliations_as_skills, homes_of_sites, read_sessions, read_sites,
                                 read_staff, say_homes, session_years)
from models.history import pay_year_month, year_name, year_of
from models.holidays import is_holiday
from models.i18n import t
from models.rulemeta import RuleInfo
from models.stats import skills_apart
from models.textparse import (SAYS_WHEN, WHOLE_DAY, NOTHING_WRITTEN, half_day_mark, leave_word, parse_date,
                              parse_skill_counts, parse_skill_needs, parse_skills, parse_window, resembling, weekdays_text)


@dataclass
class _Import:
    """What has been read so far from all the workbooks of one import."""

    problems: list[InputProblem] = field(default_factory=list)
    notes: list[InputProblem] = field(default_factory=list)  # how something was read, not a problem
    settings: Settings = field(default_factory=Settings)
    sites: dict[str, tuple[Site, str]] = field(default_factory=dict)
    staff: dict[str, tuple[Staff, str]] = field(default_factory=dict)
    staff_ids: dict[str, str] = field(default_factory=dict)  # every ID on a 職員 sheet, good row or not: its name
    limit_cells: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # staff ID -> its 内容別上限 cell
    requirements: dict[str, tuple[Requirement, str]] = field(default_factory=dict)
    wishes: Wishes = field(default_factory=dict)  # shifts asked for in 勤務可否 cells (a matrix or a form)
    # the days of leave (有休, 研修), the hours free (15時から) and the shifts refused (遅番不可) among them
    kept: Kept = field(default_factory=Kept)
    tenure: Tenure = field(default_factory=dict)  # a 在籍 with a date (2/15退職, 3/1から): staff ID -> what it says
    # the people a list of dates (可能日, 不可日, 希望日, 時間帯) names, blank or not: every one of 職員 when it has
    # such a column, each row's person on a sheet beside it
    listed: set[str] = field(default_factory=set)
    # a rule's value for one person, from a 職員 column (staff_rules): rule id -> staff ID -> {param: value}
    person_rules: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)


def _tables(books: list[Book], spec: SheetSpec, problems: list[InputProblem],
            skip: Collection[tuple[str, str]] = ()) -> list[Table] | None:
    """The located tables of `spec` in every book, but the (file, sheet) of `skip` (None when no book
    has such a sheet)."""
    found = False
    tables = []
    for book in books:
        titles = [title for title in book.find(spec, prefix=True) if (book.name, title) not in skip][:1] if skip \
            else book.find(spec)
        for title in titles:
            if not spec.required and _unrelated(book, title, spec):
                continue
            found = True
            table = locate(book.name, title, book.rows(title), spec, problems, book.merged(title))
            if table is not None:
                tables.append(table)
    return tables if found else None


def _settings_tables(books: list[Book], catalogue: Sequence[RuleInfo], state: _Import) -> list[Table]:
    """The 設定 tables that set the plan. Beside a workbook holding its staff or sessions, one of
    availability alone (a copy of the template one person filled in, its 職員 and 枠 left blank)
    brings its marks, not its settings, which are the template's as it was sent out: its 計画名 or
    a weight would otherwise contradict the coordinator's. Left unread, with a note when they say
    something else. A workbook of settings alone is read, as is every 設定 when no workbook holds
    staff or sessions."""
    tables = _tables(books, SETTINGS, state.problems) or []
    planning = {book.name for book in books if _holds_rows(book, STAFF) or _holds_rows(book, SESSIONS)}
    marks_only = {book.name for book in books
                  if book.name not in planning and book.find(AVAILABILITY, prefix=True)}
    if not planning or not marks_only:
        return tables
    for table in tables:
        if table.file not in marks_only:
            continue
        own, used = Settings(), Settings()
        read_settings(table, catalogue, [], own)
        for other in tables:
            if other.file in planning:
                read_settings(other, catalogue, [], used)
        if _said(own) != _said(used):
            state.notes.append(InputProblem(table.file, table.sheet, "", messages.settings_of_marks_only(
                ", ".join(sorted(planning)))))
    return [table for table in tables if table.file not in marks_only]


def _said(settings: Settings) -> tuple[object, ...]:
    """What a 設定 sheet set, to compare two sheets by."""
    return (settings.period_start, settings.period_end, settings.blank_means, settings.plan_name, settings.travel,
            settings.forbidden_pairs, settings.rules)


def _holds_rows(book: Book, spec: SheetSpec) -> bool:
    """Whether the workbook has a `spec` sheet with a row of data under its header."""
    for title in book.find(spec):
        table = locate(book.name, title, book.rows(title), spec, [], book.merged(title))
        if table is not None and next(table.data(), None) is not None:
            return True
    return False


def _hidden_sheets(books: list[Book], problems: list[InputProblem]) -> list[InputProblem]:
    """One problem per hidden sheet that others name, saying it is hidden: else a coordinator
    looks for the sheet and cannot see its tab (an old copy hidden away, `勤務可否 (2)`, is read
    like any other sheet of its name)."""
    named = dict.fromkeys((p.file, p.sheet) for p in problems if p.sheet)
    return [
        InputProblem(book.name, title, "", messages.hidden_sheet())
        for book in books
        for title in book.titles
        if (book.name, title) in named and book.hidden(title)
    ]


def _second_sheets(books: list[Book]) -> list[InputProblem]:
    """A note per sheet left unread beside the one read for its kind: `枠 (2)`, a copy made in
    Excel beside 枠, holding rows. Only one 職員, 枠, 毎日の枠, 会場 and 設定 sheet is read (勤務可否
    sheets are all read), so sessions put on the copy would be missing without a word. A hidden
    sheet (an old copy put away) is left alone."""
    notes = []
    for book in books:
        for spec in (STAFF, SESSIONS, DAILY, SITES, SETTINGS):
            read = book.find(spec)
            for title in book.find(spec, prefix=True):
                if title not in read and read and not book.hidden(title) and not _unrelated(book, title, spec):
                    notes.append(InputProblem(book.name, title, "", messages.second_sheet(title, read[0])))
    return notes


def _misnamed(books: list[Book]) -> list[tuple[Book, str, SheetSpec]]:
    """(book, sheet, the table it holds) of every visible sheet that no name of Haichi's sheets
    names, yet holds one of its tables (see _misnamed_sheets)."""
    found = []
    specs = (STAFF, SESSIONS, DAILY, AVAILABILITY, SITES)
    outputs = {normalize_header(n) for n in (MASTER_SHEET, DUTY_SHEET, SUMMARY_SHEET, UNFILLED_SHEET, SITE_SHEET,
                                              VIOLATIONS_SHEET, INSTRUCTIONS_SHEET, ASSIGNMENTS_SHEET)}
    for book in books:
        claimed = {title for spec in (*specs, SETTINGS) for title in book.find(spec, prefix=True)
                   if not _sessions_by_site(book, title, spec)}
        for title in book.titles:
            if title in claimed or book.hidden(title) or normalize_header(title) in outputs \
                    or normalize_header(title).startswith(normalize_header(PERSONAL_SHEET_PREFIX)):
                continue
            rows = book.rows(title)
            # people down and dates across is availability; people without dates a staff list
            kinds = (AVAILABILITY, SESSIONS, DAILY, STAFF, SITES) if _dates_across(rows) else \
                (SESSIONS, DAILY, STAFF, SITES)
            if book.named(title, BANDS):  # a 配置基準 of sessions (a polling office's) is one; its 会場 column no 会場 table
                kinds = tuple(kind for kind in kinds if kind in (AVAILABILITY, SESSIONS, DAILY))
            spec = next((spec for spec in kinds if _holds(book, title, rows, spec)), None)
            if spec is not None:
                found.append((book, title, spec))
    return found


def _holds(book: Book, title: str, rows: list, spec: SheetSpec) -> bool:
    """Whether a sheet holds a `spec` table: its required columns, and for a 職員 table more than names
    alone (a list of phone numbers by 氏名 is no register, though a 職員 sheet of names alone is; a matrix
    of names and dates is availability)."""
    table = locate(book.name, title, rows, spec, [])
    return table is not None and (spec is not STAFF or set(table.columns) != {"name"})


def _misnamed_sheets(misnamed: list[tuple[Book, str, SheetSpec]]) -> list[InputProblem]:
    """A note per sheet of `misnamed` (_misnamed): availability on sheets named `4月`, `5月` and `6月`
    was left unread without a word (勤務可否_4月 is read). Other sheets (notes, a list of phone
    numbers) are passed over in silence."""
    notes = []
    for book, title, spec in misnamed:
        # availability may come on several sheets, each named after its kind (勤務可否_4月)
        name = f"{spec.ja}_{title}" if spec is AVAILABILITY else spec.ja
        notes.append(InputProblem(book.name, title, "", messages.misnamed_sheet(title, spec.ja, name)))
    return notes


def _within_tenure(state: _Import, availability: dict, period: Period) -> dict:
    """`availability` with × on the plan's days before someone joins or after they leave, as their 在籍
    says (`2/15退職`, `3/1から`): a hygienist leaving mid-month could only be written as × on every later
    day, or as 退職 for the whole month. And the dates listed on 職員: 不可日 ×, 可能日 ○ and every other
    day × where the marks leave it blank (a 医局's 非常勤 doctors offering `3/5, 3/12` were put on any night
    under 空欄の扱い 可), and 希望日 ○ with a wish to work any session of the day (into `state.wishes`) unless
    a × (written, 不可日 or outside 在籍) says otherwise. Last, a 時間帯 (`午後のみ`, `15時まで`) makes each day
    the person may work all day that half or those hours (a polling office's people free only in the
    afternoons, written once beside their 不可日). A date or part that is none is a problem at its cell."""
    out = dict(availability)
    days = period.days()
    # the days with a night into the next morning: a 可能日 of 3/5 offers that night, its morning of 3/6 too
    nights = {req.date for req, _ in state.requirements.values() if next_morning(req) is not None}
    for staff_id, bounds in state.tenure.items():
        wished: set[date] = set()
        off: set[date] = set()  # the dates of the 不可日 just read, which a 理由 after it speaks of
        # 希望日 first (可能日 keeps them ○), 時間帯 last (on the days the others leave workable)
        for kind, written, where in sorted(bounds, key=lambda bound: {"wish": 0, "part": 2}.get(bound[0], 1)):
            try:
                if kind == "wish":
                    wished |= dates_listed(written, period) & set(days)
                elif kind in ("only", "off"):
                    listed = dates_listed(written, period) | (wished if kind == "only" else set())
                    out.update(_listed_marks(staff_id, kind, listed, days, nights, availability))
                    for day, half in listed_halves(written, period).items():  # a half day offered, or the half off
                        if day in listed and (staff_id, day) not in availability:
                            other = Mark.PM_ONLY if half is Mark.AM_ONLY else Mark.AM_ONLY
                            out[(staff_id, day)] = half if kind == "only" else other
                    if kind == "off":
                        off = listed & set(days)
                        _keep_leave(state, staff_id, _bracketed_leave(written, period))
                elif kind == "reason":
                    _keep_leave(state, staff_id, dict.fromkeys(off, leave_word(written)))
                elif kind == "part":
                    _day_part(state, staff_id, written, days, out)
                else:
                    day = period.to_date(written)
                    out.update({(staff_id, d): Mark.UNAVAILABLE for d in days
                                if (kind == "until" and d > day) or (kind == "from" and d < day)
                                or (kind == "away" and d >= day)})
            except ValueError:
                bad = {"part": messages.bad_day_part, "from": messages.bad_tenure, "until": messages.bad_tenure,
                       "away": messages.bad_tenure}.get(
                    kind, messages.bad_date_list)
                state.problems.append(InputProblem(*where, bad(written)))
        for day in sorted(wished):
            if out.get((staff_id, day)) is not Mark.UNAVAILABLE:
                out[(staff_id, day)] = out.get((staff_id, day)) or Mark.AVAILABLE
                state.wishes.setdefault((staff_id, day), "")  # a shift written in the cell is the wish
    return out


def _keep_leave(state: _Import, staff_id: str, words: dict[date, str | None]) -> None:
    """The leave of the person's 不可日 (`1/5（研修）`, or 研修 in the 理由 beside them): kept as a × cell's word
    is, no day off (公休) for 休日数の下限. A fire station's 研修 days had counted as days off, its people given 6
    free days under a rule of 8. A date whose 勤務可否 cell says its own word, or the list's bracket, keeps it."""
    for day, word in words.items():
        key = (staff_id, day)
        if word is not None and key not in state.kept.leave:
            state.kept.leave[key] = word


def _bracketed_leave(value: Any, period: Period) -> dict[date, str | None]:
    """The leave each item of a 不可日 cell says in brackets (`1/5（研修）`, `1/12〜1/14（年休）`), by date."""
    if isinstance(value, (date, datetime)) or normalize(str(value)) in NOTHING_WRITTEN:
        return {}
    out: dict[date, str | None] = {}
    for item in _LIST_SEPARATORS.split(normalize(str(value))):
        if (m := BRACKETED.match(item)) and (word := leave_word(m[2])) is not None:
            out.update(dict.fromkeys(dates_listed(m[1], period), word))
    return out



def _skills_at_least(state: _Import, requirements: list[Requirement]) -> list[InputProblem]:
    """One note when sessions whose skills make up their 必要人数 may take more people (最大人数, 目標人数) and
    leave a skill without a most: its count is "at least" (a health centre's `歯科医師:1` had 3 dentists at a
    session of 目標 10, the rest of its seats filled with them), said with the first and how to write exactly."""
    roomy = [req for req in requirements if (made := skills_make_up(req))
             and max(req.max_staff or 0, req.preferred_staff or 0) > sum(k for _, k in req.required_skills)
             and made - {skill for skill, _ in req.skill_caps}]
    if not roomy:
        return []
    first = roomy[0]
    file, sheet, cell = _row_place(state.requirements[first.id][1])
    skill, k = next((skill, k) for skill, k in first.required_skills
                    if k > 0 and skill not in {s for s, _ in first.skill_caps})
    return [InputProblem(file, sheet, cell, messages.skills_at_least(first.label(), skill, k, len(roomy)))]


def _row_place(where: str) -> tuple[str, str, str]:
    """(file, sheet, cell) of a session's row as _Import.requirements keeps it: `book.xlsx 枠!A5`, or 毎日の枠."""
    file, _, place = where.rpartition(" ")
    sheet, _, cell = place.partition("!")
    return file, sheet, cell


def _day_part(state: _Import, staff_id: str, written: Any, days: list[date], out: dict) -> None:
    """A person's 時間帯 on each of `days` they may work all day (○, or blank where a blank is ○): 午前 or
    午後 (`午後のみ`), or the hours written (`15時まで`), kept as a day's hours are; 終日 and the like
    change nothing. ValueError for anything else."""
    if normalize(written) in WHOLE_DAY:
        return
    half, hours = half_day_mark(written), None
    if half is None:
        if (found := parse_window(written)) is None:
            raise ValueError(f"not a part of the day: {written!r}")
        half, hours = found[0], found[1:]
    for day in days:
        mark = out.get((staff_id, day)) or state.settings.blank_means
        if mark is Mark.AVAILABLE:
            out[(staff_id, day)] = half
            if hours is not None:
                state.kept.windows[(staff_id, day)] = hours


def _listed_marks(staff_id: str, kind: str, listed: set[date], days: list[date], nights: set[date],
                  written: dict) -> dict:
    """The marks dates listed give the person: 不可日 (`off`) × on them; 可能日 (`only`) ○ on them and × on the
    other days the `written` marks leave blank, 午前 on the morning after an offered night."""
    if kind == "off":
        return {(staff_id, day): Mark.UNAVAILABLE for day in days if day in listed}
    out = {}
    for day in days:
        if (staff_id, day) in written:
            continue
        before = day - timedelta(days=1)
        out[(staff_id, day)] = Mark.AVAILABLE if day in listed else \
            Mark.AM_ONLY if before in listed and before in nights else Mark.UNAVAILABLE
    return out


_LIST_SEPARATORS = re.compile(r"\s*[,、，;；・\s]\s*")
_DATE_RANGE = re.compile(r"^(.+?)\s*(?:[〜~\-–—ー]|から)\s*(.+?)$")


def dates_listed(value: Any, period: Period) -> set[date]:
    """The dates a cell lists (`3/5, 3/12`, `3/10〜3/12`, `3/10〜12`, day numbers `5、12` of a plan of one
    month; an Excel date); ValueError for an item that is none."""
    if isinstance(value, (date, datetime)):
        return {period.to_date(value)}
    if normalize(str(value)) in NOTHING_WRITTEN:  # `なし`, `－`: every 課 writes one for nobody's dates
        return set()
    out: set[date] = set()
    for item in _LIST_SEPARATORS.split(normalize(str(value))):
        item = _half_of(item)[0]  # `3/31午後`: the date; listed_halves reads the half
        if item:
            out.update(_item_dates(item, period))
    return out


def _item_dates(item: str, period: Period) -> list[date]:
    if m := _DATE_RANGE.match(item):
        first = _listed_day(m[1], period)
        last = _listed_day(m[2], period, first)
        if last < first:
            raise ValueError(f"a range that ends before it starts: {item!r}")
        return Period(first, last).days()
    return [_listed_day(item, period)]


# A half of the day after a listed date (`3/31午後`, `3/28(午前のみ)`, `3/28 AM`): that half alone. A doctor's
# `3/28(午前のみ)` had been read as the whole day (the brackets taken for its weekday), and `3/31午後` refused.
_ITEM_HALF = re.compile(r"^(.*?)\s*[(（]?\s*(午前|午後|am|pm)\s*(?:中)?(?:のみ|だけ)?\s*(?:可)?\s*[)）]?$", re.IGNORECASE)


def _half_of(item: str) -> tuple[str, Mark | None]:
    """(the item without its half of the day, 午前のみ or 午後のみ), or (the item, None) when it names none."""
    if m := _ITEM_HALF.match(item):
        return m[1], Mark.AM_ONLY if m[2].casefold() in ("午前", "am") else Mark.PM_ONLY
    return item, None


def listed_halves(value: Any, period: Period) -> dict[date, Mark]:
    """The dates a list gives with a half of the day (`3/31午後`, `3/28(午前のみ)`, `3/28 午前`: the half after
    its date), and that half: 午前のみ or 午後のみ."""
    if isinstance(value, (date, datetime)) or normalize(str(value)) in NOTHING_WRITTEN:
        return {}
    out: dict[date, Mark] = {}
    previous = None
    for item in (i for i in _LIST_SEPARATORS.split(normalize(str(value))) if i):
        stem, half = _half_of(item)
        if half is None:
            previous = item
            continue
        if not stem and previous is None:
            raise ValueError(f"a half of a day with no date before it: {item!r}")
        out.update(dict.fromkeys(_item_dates(stem or previous, period), half))  # type: ignore[arg-type]
    return out


def _listed_day(text: str, period: Period, month_of: date | None = None) -> date:
    """One date of a list: as the period reads it, or a day number alone (`12`, `12日`) of `month_of`'s month
    (a range's end), else of a plan of one month."""
    bare = text.removesuffix("日")
    if bare.isdigit():
        base = month_of or (period.start if period.start.month == period.end.month else None)
        if base is None:
            raise ValueError(f"a day without its month: {text!r}")
        return base.replace(day=int(bare))
    return period.to_date(text)


def _marks_stand_ins(books: list[Book], misnamed: list[tuple[Book, str, SheetSpec]],
                     notes: list[InputProblem]) -> list[tuple[Book, str]]:
    """When no sheet is named 勤務可否 (nor 勤務可否_4月, 勤務希望, ...), every sheet of another name that
    holds a matrix of people and dates (`1月勤務希望`, `4月` and `5月`), each said in a note and taken
    off `misnamed`: a ward's only sheet of marks, left unread, had made everyone free every day."""
    if any(book.find(AVAILABILITY, prefix=True) for book in books):
        return []  # the sheets named for it are read; the others are said as not read (_misnamed_sheets)
    found = [(book, title) for book, title, spec in misnamed if spec is AVAILABILITY]
    for book, title in found:
        misnamed.remove((book, title, AVAILABILITY))
        notes.append(InputProblem(book.name, title, "", messages.read_as(title, AVAILABILITY.ja)))
    return found


def marks_stand_ins(books: list[Book]) -> list[tuple[Book, str]]:
    """The sheets of other names that the import reads as 勤務可否 (_marks_stand_ins), for a writer that must
    find the same sheets: `collect --into` a workbook whose marks are on 意向調査 had rewritten it whole."""
    return _marks_stand_ins(books, _misnamed(books), [])


def _stand_in(books: list[Book], spec: SheetSpec, misnamed: list[tuple[Book, str, SheetSpec]],
              problems: list[InputProblem], notes: list[InputProblem],
              skip: Collection[tuple[str, str]] = ()) -> list[Table] | None:
    """The tables of `spec` (but the (file, sheet) of `skip`); when no sheet is named for it, the one sheet
    of another name that holds such a table (a 医局's 医師一覧 for 職員), said in a note; None when there
    is none or several."""
    tables = _tables(books, spec, problems, skip)
    if tables is not None:
        return tables
    mine = [(book, title) for book, title, kind in misnamed if kind is spec]
    if len(mine) > 1:
        # the one naming the most of its columns (a 医局's 医師一覧 with its IDs, not the 非常勤可能日 beside it)
        named = {(book.name, title): len(table.columns) for book, title in mine
                 if (table := locate(book.name, title, book.rows(title), spec, [])) is not None}
        most = max(named.values(), default=0)
        best = [(book, title) for book, title in mine if named.get((book.name, title)) == most]
        if len(best) != 1:
            problems.append(InputProblem(", ".join(b.name for b in books), "", "", messages.missing_sheet_among(
                spec.ja, [title for _, title in mine])))
            return []
        mine = best
    if not mine:
        return None
    book, title = mine[0]
    misnamed.remove((book, title, spec))
    notes.append(InputProblem(book.name, title, "", messages.read_as(title, spec.ja)))
    table = locate(book.name, title, book.rows(title), spec, problems, book.merged(title))
    return [table] if table is not None else []


def _dates_across(rows: list[tuple[Any, ...]]) -> bool:
    """Whether a row near the top holds dates side by side (a matrix's header): three dates, or
    five day numbers rising (1, 2, 3, 4, 5, 8 under a month's title)."""
    def days_rising(row: tuple[Any, ...]) -> bool:
        # day numbers as numbers or as text (`'1'`, `'2'`: a 医局's 当直希望表 typed as text)
        days = [int(v) for v in row if (isinstance(v, int) and not isinstance(v, bool)
                                        or isinstance(v, str) and v.strip().isdigit()) and 1 <= int(v) <= 31]
        return len(days) >= 5 and all(a < b for a, b in zip(days, days[1:]))

    return any(sum(1 for value in row if not is_blank(value) and is_day(value)) >= 3 or days_rising(row)
               for row in rows[:HEADER_SEARCH_ROWS])


def _unrelated(book: Book, title: str, spec: SheetSpec) -> bool:
    """Whether an optional sheet (会場, 設定) is someone's notes rather than data: blank, or only
    named like one (`会場案内`) without its columns. Such sheets are skipped, not reported."""
    rows = book.rows(title)
    if all(is_blank(value) for row in rows for value in row):
        return True
    if book.named(title, spec):
        return False
    return _sessions_by_site(book, title, spec) or locate(book.name, title, rows, spec, []) is None


def _sessions_by_site(book: Book, title: str, spec: SheetSpec) -> bool:
    """Whether a sheet only named like the 会場 sheet holds sessions (`会場日程`: 日付, 会場, 開始...): a clinic's
    was taken for its 会場 sheet and left unread, and the import said only that there was no 枠 sheet."""
    return spec is SITES and not book.named(title, spec) and _holds(book, title, book.rows(title), SESSIONS)


def _unread(books: list[Book]) -> list[InputProblem]:
    """One problem per file that holds none of the sheets Haichi reads: given with other files it
    would be silently left out (a returned form whose sheet was renamed, say)."""
    if len(books) < 2:
        return []  # alone, its missing 職員 and 枠 sheets say it
    specs = (STAFF, SESSIONS, AVAILABILITY, SITES, SETTINGS)
    sheets = t("・".join(spec.ja for spec in specs), ", ".join(spec.key for spec in specs))
    return [
        InputProblem(book.name, "", "", messages.no_known_sheet(sheets))
        for book in books
        if not any(book.find(spec, prefix=spec is AVAILABILITY) for spec in specs)
    ]


def _session_dates(settings: Settings, tables: list[Table]) -> Callable[[Any], date]:
    """How to read a session's date: inside the 設定 period, else `4/1` takes the year of the
    period's given end or of the sessions written with a year (this year when none is)."""
    if settings.period_start and settings.period_end:
        return Period(settings.period_start, settings.period_end).to_date
    anchor = settings.period_start or settings.period_end
    years = [y for table in tables for y in session_years(table)]
    year = anchor.year if anchor else min(years, default=date.today().year)
    # no year anywhere but today's: `1/5(火)` written in December for January tells its own year
    return lambda value: parse_date(value, year, guessed=anchor is None and not years)


def _marks_days(settings: Settings, sheets: list[MarksSheet]) -> list[date]:
    """The dates the 勤務可否 sheets name, `4/1` read in the year that puts it near the 設定 period's
    one given end, else in the coming months (a plan is made ahead of its month)."""
    anchor = settings.period_start or settings.period_end or date.today()
    around = Period(anchor - timedelta(days=90), anchor + timedelta(days=270))
    return sorted({day for sheet in sheets for day in sheet.dates(around)})


def _period(state: _Import, days: list[date], sessions_where: tuple[str, str]) -> Period | None:
    """The 設定 period, else first to last session date (None after reporting why not)."""
    s = state.settings
    start = s.period_start or min(days, default=None)
    end = s.period_end or max(days, default=None)
    if start is None or end is None:
        if not state.problems:  # else the sessions' own problems already say why
            state.problems.append(InputProblem(*sessions_where, "", messages.no_sessions()))
        return None
    if end < start:
        state.problems.append(InputProblem(
            *sessions_where, "", messages.period_reversed(start.isoformat(), end.isoformat())))
        return None
    return Period(start, end)


# The 職員 columns a sheet of people's dates may hold beside them (a 課's 所属, its 備考) and still be such a
# list, not a register of its own: a polling office's `不可日一覧` (所属課 | 氏名 | 不可日 | 時間帯 | 備考) was
# taken for a misnamed register and left unread, and everyone imported free on every day.
LIST_COMPANIONS = frozenset({"staff_id", "name", "home", "notes", "qualification", "job", "employment"})


def _listed_columns(book: Book, title: str) -> list[tuple[str, str]] | None:
    """The (column, kind) pairs of DATE_LISTS a sheet holds when it is a list of people's dates (their
    可能日, 不可日, 希望日 or 時間帯 beside LIST_COMPANIONS alone), else None."""
    from models.excel.sheets import DATE_LISTS

    table = locate(book.name, title, book.rows(title), STAFF, [])
    if table is None or not {"staff_id", "name"} & set(table.columns):
        return None
    keys = [(key, kind) for key, kind in DATE_LISTS if key in table.columns]
    listed = {key for key, _ in keys}
    return keys if listed - {"day_part"} - OF_THE_DATES and not set(table.columns) - listed - LIST_COMPANIONS else None


def _date_lists(books: list[Book], misnamed: list[tuple[Book, str, SheetSpec]]) -> set[tuple[str, str]]:
    """(file, sheet) of the sheets listing people's dates beside a register (`不可日一覧`, `職員_不可日` beside
    `従事者名簿`), taken off `misnamed`, to be read after the register (_date_list_sheets) and never as it: a
    `職員_不可日` had been read as the register, the real one dropped with its skills. Empty when no sheet is
    a register but these: then the one naming the most columns is (a 医局's 医師一覧 of names and 可能日)."""
    candidates = [(book, title) for book, title, spec in misnamed if spec is STAFF] + [
        (book, title) for book in books for title in book.find(STAFF, prefix=True)
        if not book.named(title, STAFF) and not book.hidden(title)]
    lists = [(book, title) for book, title in candidates if _listed_columns(book, title) is not None]
    registers = any(book.named(title, STAFF) for book in books for title in book.find(STAFF)) or \
        len(lists) < len(candidates)
    if not registers:
        return set()
    for book, title in lists:
        if (book, title, STAFF) in misnamed:
            misnamed.remove((book, title, STAFF))
    return {(book.name, title) for book, title in lists}


def _date_list_sheets(books: list[Book], lists: set[tuple[str, str]], misnamed: list[tuple[Book, str, SheetSpec]],
                      state: _Import) -> None:
    """The sheets of `lists`, and those of another name left in `misnamed` that list the dates of people
    registered on 職員 (a 医局's `非常勤可能日`: 氏名 | 所属 | 可能日 `3/5, 3/12`, beside its 医師一覧), read for
    those people, said in a note; the latter taken off `misnamed`: it had been called a misnamed 職員
    sheet, and its doctors put on any night."""
    names = {person.id: person.name for person, _ in state.staff.values()}  # 職員 read first: the people listed
    found = [(book, title) for book in books for title in book.titles if (book.name, title) in lists]
    for book, title, spec in list(misnamed):
        if spec is STAFF and _listed_columns(book, title) is not None:
            misnamed.remove((book, title, spec))
            found.append((book, title))
    for book, title in found:
        keys = _listed_columns(book, title) or []
        table = locate(book.name, title, book.rows(title), STAFF, [])
        assert table is not None  # _listed_columns found it
        state.notes.append(InputProblem(book.name, title, "", messages.dates_listed_read(
            title, "、".join(STAFF.column(key).ja for key, _ in keys))))
        for index, row in table.data():
            written = normalize(table.value(row, "staff_id" if "staff_id" in table.columns else "name"))
            owners = [known] if (known := known_id(written, names)) is not None else ids_named(written, names)
            if len(owners) != 1:
                if written:
                    state.problems.append(table.problem(index, "name", messages.unknown_name(written)))
                continue
            state.listed.add(owners[0])
            for key, kind in keys:
                if key in OF_THE_DATES and is_blank(table.value(row, "unavailable_dates")):
                    continue  # a 理由 speaks of the row's 不可日 alone
                if not is_blank(value := table.value(row, key)):
                    state.tenure.setdefault(owners[0], []).append((kind, value, (book.name, title, table.cell(index, key))))


def _missing(books: list[Book], spec: SheetSpec) -> InputProblem:
    files = ", ".join(b.name for b in books)
    message = messages.missing_sheet(spec.ja if spec.ja == t(spec.ja, spec.key) else f"{spec.ja} / {spec.key}")
    if (nearest := _nearest(books, spec)) is not None:
        message += messages.nearest_sheet(*nearest, spec.ja)
    return InputProblem(files, "", "", message)


def _nearest(books: list[Book], spec: SheetSpec) -> tuple[str, list[str]] | None:
    """The sheet whose header names the most of `spec`'s required columns, two or more, and the required
    columns it lacks: an exam office's 試験時間割 with 監督者数 for 必要人数 was said only as "no 枠 sheet"."""
    required = [c for c in spec.columns if c.required]
    best: tuple[int, str, list[str]] | None = None
    for book in books:
        for title in book.titles:
            rows = book.rows(title)
            for row in rows[:HEADER_SEARCH_ROWS]:
                found = match_columns(row, (*spec.columns, *spec.read_only))
                named = [c for c in required if c.key in found]
                lacking = [c.ja for c in required if c.key not in found and not (c.within and c.within in found)]
                if len(named) >= 2 and lacking and (best is None or len(named) > best[0]):
                    best = (len(named), title, lacking)
    return None if best is None else (best[1], best[2])


def _read_bands(books: list[Book], catalogue: Sequence[RuleInfo], state: _Import,
                misnamed: list[tuple[Book, str, SheetSpec]]) -> None:
    """The 配置基準 sheet's rows, after the 基準 the 設定 sheet gives (read with the rule's own reading, so a
    catalogue without the rule reads none). A sheet so named that holds another table (a polling office's
    配置基準 of sessions by kind of day, `misnamed`) is read as that table, not here."""
    info = next((info for info in catalogue if info.id == BAND_RULE), None)
    param = info.param("bands") if info is not None else None
    if param is None or param.reads is None:
        return
    # a 配置基準 sheet without the columns is someone's notes, said and left unread (a nursery's, kept before the
    # rule could read it, had a 平日の最低人数 column and its skills in words): it refuses no import
    unread: list[InputProblem] = []
    other = {(book.name, title) for book, title, _ in misnamed}
    tables = [table for table in _tables(books, BANDS, unread) or [] if (table.file, table.sheet) not in other]
    state.notes += [replace(note, message=note.message + messages.bands_unread()) for note in unread
                    if (note.file, note.sheet) not in other]
    lines = [line for table in tables for line in read_bands(table, state.problems, param.reads)]
    if lines:
        chosen = rule_setting(state.settings, info)
        chosen.params["bands"] = "\n".join(part for part in (str(chosen.params.get("bands") or "").strip(), *lines)
                                           if part)


def _read(books: list[Book], catalogue: Sequence[RuleInfo], state: _Import,
          marks_optional: bool = False) -> Problem | None:
    problems = state.problems
    problems += _unread(books)
    misnamed = _misnamed(books)
    lists = _date_lists(books, misnamed)
    state.notes += [note for note in _second_sheets(books) if (note.file, note.sheet) not in lists]
    for table in _settings_tables(books, catalogue, state):
        read_settings(table, catalogue, problems, state.settings, state.notes)
    _read_bands(books, catalogue, state, misnamed)
    site_tables = _stand_in(books, SITES, misnamed, problems, state.notes) or []
    for table in site_tables:
        read_sites(table, problems, state.sites)
    staff_tables = _stand_in(books, STAFF, misnamed, problems, state.notes, skip=lists)
    # the places a 拠点 may name, when the 会場 sheet gives areas (a plan without them has no travel to speak of)
    sites = [site for site, _ in state.sites.values()]
    places = {site.name for site in sites} | {site.area for site in sites if site.area} if any(
        site.area for site in sites) else set()
    for table in staff_tables or []:
        read_staff(table, problems, state.staff, state.staff_ids, state.limit_cells, state.notes, places,
                   state.tenure, (catalogue, state.person_rules))
    from models.excel.sheets import DATE_LISTS

    if any(key in table.columns for table in staff_tables or [] for key, _ in DATE_LISTS if key not in OF_THE_DATES):
        state.listed |= set(state.staff)  # a 不可日 column on 職員: each person's is their list, blank or not
    _date_list_sheets(books, lists, misnamed, state)
    daily_tables = _tables(books, DAILY, problems)
    if daily_tables is None and not any(book.find(SESSIONS) for book in books):
        # a polling office's `配置基準` (its sessions by kind of day) was told only as "no sheet 枠"
        daily_tables = _stand_in(books, DAILY, misnamed, problems, state.notes)
    # beside 毎日の枠 too, the one sheet of 枠 rows named otherwise: a library's `休館日` (its closing rows,
    # 必要人数 0) had been left unread with a note, and 44 shifts put on closed days
    session_tables = _tables(books, SESSIONS, problems)
    if session_tables is None and (daily_tables is None or [kind for _, _, kind in misnamed].count(SESSIONS) == 1):
        session_tables = _stand_in(books, SESSIONS, misnamed, problems, state.notes)
    stand_ins = _marks_stand_ins(books, misnamed, state.notes)
    state.notes += _misnamed_sheets(misnamed)
    s = state.settings
    to_date = _session_dates(s, session_tables or [])
    daily: list[DailySession] = []
    for table in daily_tables or []:
        read_daily(table, problems, daily, state.notes, to_date)
    if staff_tables is None:
        problems.append(_missing(books, STAFF))
    if session_tables is None and daily_tables is None:
        problems.append(_missing(books, SESSIONS))
        return None
    session_tables = session_tables or []
    fixed = Period(s.period_start, s.period_end) if s.period_start and s.period_end else None
    days: list[date] = []
    for table in session_tables:
        read_sessions(table, problems, state.requirements, to_date, fixed, days, state.notes)
    first = (session_tables or daily_tables or [None])[0]
    # without staff, every availability row would be reported too
    sheets = marks_sheets(books, problems, {person.id: person.name for person, _ in state.staff.values()},
                          stand_ins) if staff_tables else None
    # no sheet of marks where a blank is ○ or △ reads as everyone free (but for listed 不可日), whatever reads it:
    # `haichi solve` of a library's book with 空欄の扱い 可 had refused it, as `haichi import` did not
    marks_optional = marks_optional or s.blank_means is not Mark.UNAVAILABLE
    if sheets is None and staff_tables and marks_optional and s.blank_means is not Mark.UNAVAILABLE:
        # no sheet of marks at all, and a blank counts as ○ or △: everyone may work every day, said
        # (a ward's sheet named 1月勤務希望 left unread had put 46 shifts on wished days off, unsaid)
        read = {(table.file, table.sheet) for table in [*(staff_tables or []), *session_tables, *(daily_tables or []),
                                                          *site_tables]}
        others = [title for book in books for title in book.titles if (book.name, title) not in read
                  and not book.hidden(title) and not any(book.named(title, spec) for spec in (SETTINGS, BANDS))
                  and not all(is_blank(value) for row in book.rows(title) for value in row)]
        state.notes.append(InputProblem(books[0].name, "", "", messages.no_marks_sheet(s.blank_means,
                                                                                    bool(state.listed), others)))
    kinds = {kind for bounds in state.tenure.values() for kind, _, _ in bounds}
    if sheets is None and staff_tables and s.blank_means is Mark.UNAVAILABLE and "off" in kinds and not {"only", "wish"} & kinds:
        # only 不可日 listed, blanks ×: every day no list names is × too (a fire station's whole month, told at solve)
        state.notes.append(InputProblem(books[0].name, "", "", messages.only_days_off_listed()))
    if not days and daily:  # every day's sessions alone: the plan is the 設定 period, else the marks' dates
        days = _marks_days(s, sheets or [])
    period = _period(state, days, (first.file, first.sheet) if first else (books[0].name, SESSIONS.ja))
    if period is None or not staff_tables:
        return None
    availability = None
    if sheets is not None:
        period = covering(period, s, sheets)
    columns = {(table.file, table.sheet): table.columns for table in session_tables}
    changed, said = fill_from_daily(daily, [(req, "break_minutes" in (kept := columns.get(_row_place(where)[:2], {})),
                                             "required_skills" in kept) for req, where in state.requirements.values()])
    for req in changed:
        state.requirements[req.id] = (req, state.requirements[req.id][1])
    state.notes += [InputProblem(*_row_place(state.requirements[req.id][1]), text) for req, text in said]
    every_day = daily_sessions(daily, period, [req for req, _ in state.requirements.values()])
    for req in every_day:
        state.requirements[req.id] = (req, DAILY.ja)
    state.notes += holiday_notes(daily, every_day)
    # a 枠 row that nobody may take (必要人数 0, 最大人数 0 or blank) closes its day: 中央図書館's 整理日 over
    # 毎日の枠 left three empty 0/0 sessions in every sheet
    closed = sorted((req for req, _ in state.requirements.values() if req.max_staff == 0),  # kept: shown and told
                    key=lambda r: (r.date, r.start, r.site, r.activity))
    state.requirements = {key: value for key, value in state.requirements.items() if value[0].max_staff != 0}
    if sheets is not None:
        availability, state.wishes = read_availability(
            sheets, period, [person for person, _ in state.staff.values()], state.staff_ids,
            rotation_order(req for req, _ in state.requirements.values()), s.blank_means, problems, state.notes,
            state.kept, {req.date for req, _ in state.requirements.values()}, state.listed)
    if availability is None and marks_optional:
        availability = {}  # no marks yet: the returned forms bring them (`haichi collect --into`)
    elif availability is None:
        problems.append(_missing(books, AVAILABILITY))
        return None
    availability = _within_tenure(state, availability, period)
    requirements = [r for r, _ in state.requirements.values()]
    state.notes += _skills_at_least(state, requirements)
    # the activities written on every row, refused ones too: a 設定 or 職員 cell naming one that no
    # row has is said now, not only once the other problems are mended (it came a round later)
    written = {normalize(table.value(row, "activity")) for table in [*session_tables, *(daily_tables or [])]
               for _, row in table.data() if not is_blank(table.value(row, "activity"))}
    _unknown_activities(state, {r.activity for r in requirements} | written, problems)
    sites = [site for site, _ in state.sites.values()]
    for req in requirements:
        if req.site not in state.sites and all(site.name != req.site for site in sites):
            sites.append(Site(req.site))
    if state.sites:  # a 会場 sheet given: a session's site missing from it is most likely a typo
        state.notes += _unlisted_sites(session_tables, set(state.sites), [s.name for s in sites[len(state.sites):]])
    # no areas to name: a 拠点 is one of the sites (`1階` of 1階ユニット), or a 所属 of none is skills
    named = homes_of_sites(state.staff, {site.name for site in sites}) if not places else {}
    affiliations_as_skills(staff_tables or [], state.staff, places or {site.name for site in sites}, state.notes,
                           [home for home, site in named.items() if site])
    say_homes(staff_tables or [], state.staff, named, {site.name for site in sites}, state.notes)
    home = next((b for b in books if first is not None and b.name == first.file), books[0])
    problem = Problem(
        name=s.plan_name or home.path.stem,  # not a form's file, whichever order the files came in
        start=period.start,
        end=period.end,
        staff=[person for person, _ in state.staff.values()],
        sites=sites,
        requirements=requirements,
        availability=availability,
        blank_means=s.blank_means,
        leave=state.kept.leave,
        windows=state.kept.windows,
        refused=state.kept.refused,
        day_caps=state.kept.caps,
        requests=[ShiftRequest(staff_id, day, wish, on=True) for (staff_id, day), wish in state.wishes.items()],
        closed=closed,
        travel=TravelBuffers(**s.travel),
        rules=with_person_values(s.rules, state.person_rules, catalogue),
        forbidden_successions=s.forbidden_pairs,
    )
    people = problem.staff  # holding the either-skills the sessions ask for (教員または職員), as every rule reads them
    limits = _unread_limits(staff_tables or [])
    problems += limits
    state.notes += _unread_columns([*(staff_tables or []), *session_tables, *(daily_tables or []), *site_tables],
                                   {(p.sheet, p.cell) for p in limits})
    state.notes += _skills_nobody_has([*session_tables, *(daily_tables or [])], requirements, people)
    state.notes += _skills_nobody_asks_for(staff_tables, requirements, people)
    state.notes += _skills_counted_twice(session_tables, requirements, people, s.rules)
    state.notes += _marks_outside_weekdays(staff_tables or [], problem)
    state.notes += _remarks_unread(staff_tables or [], problem)
    state.notes += _long_shifts_back_to_back([*session_tables, *(daily_tables or [])], problem)
    state.notes += _two_shifts_one_day([*session_tables, *(daily_tables or [])], problem)
    state.notes += _paid_before_the_year([*(staff_tables or [])], problem)
    return problem


def _paid_before_the_year(tables: Sequence[Table], problem: Problem) -> list[InputProblem]:
    """A note at the first 年間支給済額 written when the plan starts on the first day of the pay year (4/1,
    or 1/1 under 年の始まり 1): nothing can have been paid in that year yet, so it is last year's amount
    left in the register (an April plan kept March's, and its caps were kept against the wrong year)."""
    first = pay_year_month(problem)
    if (problem.start.month, problem.start.day) != (first, 1):
        return []
    paid = [person for person in problem.staff if person.paid_this_year]
    if not paid:
        return []
    where = _first_cell(tables, "paid_this_year", lambda value: not is_blank(value) and str(value).strip() not in ("0",))
    if where is None:
        return []
    return [where[0].problem(where[1], "paid_this_year", messages.paid_before_the_year(
        year_name(year_of(problem.start, first), first), len(paid)))]


# Sessions this long or longer are shifts (a ward's 日勤, 準夜, 深夜), not a morning or afternoon session.
SHIFT_LENGTH = 6 * 60


def _two_shifts_one_day(tables: Sequence[Table], problem: Problem) -> list[InputProblem]:
    """A note at the first row of a shift when two shifts of one day are separate (they do not
    overlap and are not one working day with a break: rules.min_rest.one_working_day) and nothing
    keeps a person from working both: no 1日の上限 (rule or 職員 column) and no minimum rest. A
    ward's roster had 18 nurses on 深夜 0:30-9:00 and 準夜 16:30- of the same day, and 深夜 then
    遅番 12:00 with 3 hours between, all within the rules it was given."""
    if problem.min_rest_minutes or any(person.max_per_day for person in problem.staff):
        return []
    for rule_id, name in (("max_per_day", "max_per_day"), ("min_rest", "min_rest_minutes")):
        chosen = problem.rules.get(rule_id)  # neither rule has a number of its own by default
        if chosen is not None and chosen.enabled and (chosen.params.get(name) or chosen.staff_overrides):
            return []
    rest = problem.rules.get("min_rest")
    most_break = int(rest.params.get("max_break_minutes") or BREAK) if rest is not None else BREAK
    by_day: dict[date, dict[tuple[str, int, int], Requirement]] = {}
    for req in problem.requirements:
        if req.end - req.start >= SHIFT_LENGTH:
            by_day.setdefault(req.date, {}).setdefault((req.activity, req.start, req.end), req)
    for day in sorted(by_day):
        shifts = sorted(by_day[day].values(), key=lambda r: (r.start, r.end))
        for i, first in enumerate(shifts):
            for then in shifts[i + 1:]:
                if then.start >= first.end and not one_working_day(first, then, most_break):
                    where = _first_cell(tables, "activity", lambda value: normalize(value) == first.activity)
                    if where is None:
                        return []
                    return [where[0].problem(where[1], "activity", messages.two_shifts_one_day(
                        f"{first.activity} {clock(first.start)}-{clock(first.end)}",
                        f"{then.activity} {clock(then.start)}-{clock(then.end)}"))]
    return []


# A shift this long or longer (a fire station's 24-hour 当務) is said when nothing keeps one from following another.
LONG_SHIFT = 20 * 60


def _long_shifts_back_to_back(tables: Sequence[Table], problem: Problem) -> list[InputProblem]:
    """A note at the first row of an activity of LONG_SHIFT or more that no forbidden succession
    keeps from following itself: a 当務 8:30-翌8:30 ends as the next begins, so nothing else stops a
    person working 96 hours on end (a fire station's July had 70 such runs, unsaid)."""
    long = sorted({r.activity for r in problem.requirements if r.end - r.start >= LONG_SHIFT}
                  - {a for a, b in problem.forbidden_successions if a == b})
    notes = []
    for activity in long:
        where = _first_cell(tables, "activity", lambda value, activity=activity: normalize(value) == activity)
        if where is not None:
            hours = max(r.end - r.start for r in problem.requirements if r.activity == activity) // 60
            notes.append(where[0].problem(where[1], "activity", messages.long_shift_back_to_back(activity, hours)))
    return notes


# A remark on 職員 that says when someone can or cannot work: dates, 不可, のみ, 午前, 午後, 休み.
# A remark of weekdays only (`月・火・木曜のみ勤務可`), and one of a half day only (`午前のみ（子育て中）`).
_WEEKDAYS_ONLY = re.compile(r"^([月火水木金土日](?:[・、,\s]*[月火水木金土日])*)\s*曜?日?\s*(?:のみ|だけ)(?:勤務)?(?:可|可能)?$")
_HALF_ONLY = re.compile(r"^(午前|午後)\s*(?:のみ|だけ)(?:勤務)?(?:可|可能)?\s*(?:[(（][^)）]*[)）])?$")


def _remarks_unread(tables: Sequence[Table], problem: Problem) -> list[InputProblem]:
    """One note, at the first such 備考 cell, for the remarks on 職員 that say when someone can work
    (`5/10〜5/14 不可`, `午前のみ`): a doctor worked 5/13 and six afternoons, unsaid. A remark the
    person's marks already say is left out (a register whose 備考 sums up its 勤務可否, every day off
    its weekdays ×, every day 午前 or ×), so a coordinator hears only of those that may be missing."""
    said = [person for person in problem.staff if person.notes and SAYS_WHEN.search(person.notes)
            and not _marks_say(problem, person)]
    if not said:
        return []
    where = _first_cell(tables, "staff_id", lambda value: normalize(value) == said[0].id)
    if where is None:
        return []
    return [where[0].problem(where[1], "notes" if "notes" in where[0].columns else "staff_id",
                             messages.staff_remarks_unread(said[0].name, said[0].notes, len(said) - 1))]


def _marks_say(problem: Problem, person: Staff) -> bool:
    """Whether the person's marks already keep to what their remark says, for the remarks of weekdays
    only and of a half day only, over the working week: a mark on a Saturday or Sunday (a special
    session's) is that month's exception, as a mark outside 勤務曜日 is. △ beside 午前のみ is a day
    they would rather not come, no contradiction. False for any other remark."""
    text = normalize(person.notes).replace(" ", "")
    week = [d for d in problem.days() if d.weekday() < 5]
    if (m := _WEEKDAYS_ONLY.match(text)) is not None:
        days = {WEEKDAY_NAMES.index(c) for c in m[1] if c in WEEKDAY_NAMES}
        return all(problem.mark(person.id, d) is Mark.UNAVAILABLE for d in week if d.weekday() not in days)
    if (m := _HALF_ONLY.match(text)) is not None:
        half = Mark.AM_ONLY if m[1] == "午前" else Mark.PM_ONLY
        return all(problem.mark(person.id, d) in (Mark.UNAVAILABLE, Mark.PREFER_NOT, half) for d in week)
    return False


# People named in the note on marks outside a person's 勤務曜日; the rest are counted.
NAMED_OUTSIDE_WEEKDAYS = 5


def _marks_outside_weekdays(tables: Sequence[Table], problem: Problem) -> list[InputProblem]:
    """A note at the first 勤務曜日 cell of people whose availability marks days outside their
    weekdays as workable (○, △, 午前, 午後, a wish): a written mark is that month's exception, so a
    勤務可否 sheet handed out filled with ○ made a 火・木 person work Mondays, Wednesdays and Fridays."""
    outside: dict[str, list[date]] = {}
    for (staff_id, day), mark in problem.availability.items():
        if mark is not Mark.UNAVAILABLE and problem.off_weekday(staff_id, day):
            outside.setdefault(staff_id, []).append(day)
    if not outside:
        return []
    people = [person for person in problem.staff if person.id in outside]
    where = _first_cell(tables, "staff_id", lambda value: normalize(value) == people[0].id)
    if where is None:
        return []
    named = [messages.person_outside_weekdays(person.name or person.id, weekdays_text(person.weekdays),
                                              [f"{d.month}/{d.day}" for d in sorted(outside[person.id])],
                                              sum(1 for d in outside[person.id] if is_holiday(d)))
             for person in people[:NAMED_OUTSIDE_WEEKDAYS]]
    return [where[0].problem(where[1], "weekdays" if "weekdays" in where[0].columns else "staff_id",
                             messages.marks_outside_weekdays(named, len(people) - len(named)))]


def _first_cell(tables: Sequence[Table], key: str, test: Callable[[Any], bool]) -> tuple[Table, int] | None:
    """The first data row of `tables` whose `key` cell passes `test`: (its table, its index)."""
    return next(((table, index) for table in tables for index, row in table.data() if test(table.value(row, key))),
                None)


# Headers that name no field and need no word: a running number, and remarks on a sheet that keeps none
# (会場's 備考: `駐車場なし`, noted on every import of an after-school club's workbook), read by no roster.
_RUNNING = frozenset({"no", "no.", "#", "連番", "通番", "№", "備考", "メモ", "notes", "memo", "remarks",
                      "フリガナ", "ふりがな", "カナ", "よみがな", "読み"})  # a name's reading: nothing to use, nothing to say


# A staff column whose header says a limit (`期間中の上限（日）`, `最低勤務日数`): unread, it would hold nothing.
_LIMIT_WORDS = re.compile(r"上限|下限|最大|最低|最小|まで")


def _unread_limits(tables: Sequence[Table]) -> list[InputProblem]:
    """A problem at each 職員 column Haichi does not read whose header says a limit and that holds a
    value: a polling office's `期間中の上限（日）` was passed over with a note among others, and its
    residents' 3-day cap was gone (25 breaches in a roster said to break no rule)."""
    found = []
    for table in tables:
        read = set(table.columns.values())
        for index, value in enumerate(table.header()):
            if index in read or is_blank(value) or not _LIMIT_WORDS.search(str(value)):
                continue
            if any(index < len(row) and not is_blank(row[index]) for _, row in table.data()):
                found.append(table.problem(table.header_row, index, messages.unread_limit(str(value).strip(), [
                    column.ja for column in STAFF.columns if column.key in _LIMIT_KEYS])))
    return found


_LIMIT_KEYS = ("max_per_day", "max_per_week", "max_days_per_week", "max_per_month", "max_days_per_month", "max_per_plan",
               "max_consecutive_days", "max_minutes_per_week", "min_minutes_per_week", "max_minutes_per_month",
               "min_minutes_per_month", "max_per_activity", "annual_pay_cap")


def _unread_columns(tables: Sequence[Table], refused: Collection[tuple[str, str]] = ()) -> list[InputProblem]:
    """A note at each table's header naming the columns it has that Haichi does not read: an office's
    性別 and 曜日 columns were passed over without a word, and men sent to clients who need a woman.
    The header cells of `refused` ((sheet, cell): 職員 columns of a limit, _unread_limits) are problems
    already."""
    notes = []
    for table in tables:
        read = set(table.columns.values())
        limits = {index for index in range(len(table.header()))
                  if (table.sheet, table.cell(table.header_row, index)) in refused}
        unread = [(index, str(value).strip()) for index, value in enumerate(table.header())
                  if index not in read and index not in limits and not is_blank(value)
                  and normalize_header(value) not in _RUNNING]
        if unread:
            notes.append(table.problem(table.header_row, unread[0][0], messages.unread_columns([h for _, h in unread])))
    return notes


def _unlisted_sites(tables: Sequence[Table], listed: set[str], unlisted: list[str]) -> list[InputProblem]:
    """A note at the first 枠 cell naming each site the 会場 sheet does not list (added without 区 or
    travel group, so travel between it and the others counts as between groups), with the listed
    name it most resembles."""
    notes: list[InputProblem] = []
    for name in unlisted:
        if (where := _first_cell(tables, "site", lambda value, name=name: normalize(value) == name)) is not None:
            notes.append(where[0].problem(where[1], "site", messages.unlisted_site(name, resembling(name, listed))))
    return notes


def _skills_nobody_has(tables: Sequence[Table], requirements: Sequence[Requirement],
                       staff: Sequence[Staff]) -> list[InputProblem]:
    """A note at the first 枠 cell asking for each skill no person holds (no roster can meet it: a
    typo, or a count written into the name, `妊婦指導1`), with the held skill it most resembles."""
    held = {skill for person in staff for skill in person.skills}
    if not held:
        return []  # no skills written at all: the pre-checks say what cannot be covered

    notes: list[InputProblem] = []
    asked = _asked(requirements)
    for skill in sorted(asked - held):
        where = _first_cell(tables, "required_skills", lambda value, skill=skill: skill in _asked_names(value))
        if where is not None:
            notes.append(where[0].problem(where[1], "required_skills",
                                          messages.skill_nobody_has(skill, resembling(skill, held))))
    # a most of a skill nobody holds keeps nobody out: a nursery's 0歳児担任:0〜2 on its 遅番, the 担任 written in
    # a column of its own that is not read, held all three 担任 on one 遅番 without a word
    capped = {skill for req in requirements for skill, _ in req.skill_caps} - asked - held
    for skill in sorted(capped):
        where = _first_cell(tables, "required_skills", lambda value, skill=skill: skill in _capped_names(value))
        if where is not None:
            notes.append(where[0].problem(where[1], "required_skills",
                                          messages.capped_skill_nobody_has(skill, resembling(skill, held))))
    return notes


def _asked(requirements: Sequence[Requirement]) -> set[str]:
    """The skills the sessions ask for, each part of an either-skill too (`介護福祉士/初任者研修`: a typo
    in one part passed unsaid, the other part's holders filling the place)."""
    asked = {skill for req in requirements for skill, _ in req.required_skills}
    return asked | {part for skill in asked if OR_SKILL in skill for part in skill.split(OR_SKILL)}


def _asked_names(value: Any) -> set[str]:
    names = _skill_names(value)
    return names | {part for name in names if OR_SKILL in name for part in name.split(OR_SKILL)}


def _skills_nobody_asks_for(tables: Sequence[Table], requirements: Sequence[Requirement],
                            staff: Sequence[Staff]) -> list[InputProblem]:
    """A note at the first 職員 cell holding a skill no session asks for that resembles one they do
    (保健士 for 保健師, 臨床心理士 for 心理士) someone holds without the one asked for: its holders never
    count for the skill the sessions need, so a person went unused or filled a place with the wrong
    role, without a word. Those holding both (調理員 and 調理師) are not named.
    A required skill nobody holds is said by `_skills_nobody_has`, with the held one it resembles."""
    held = {skill for person in staff for skill in person.skills}
    required = _asked(requirements) & held  # the others: said above
    notes: list[InputProblem] = []
    for skill in sorted(held - required):
        like = resembling(skill, required)
        # those who hold the required skill too count for it (調理員 and 調理師 both written)
        holders = [person.name or person.id for person in staff if skill in person.skills and like not in person.skills]
        where = _first_cell(tables, "skills", lambda value, skill=skill, like=like: skill in (found := parse_skills(value))
                            and like not in found)
        if like is not None and where is not None and holders:
            notes.append(where[0].problem(where[1], "skills", messages.skill_nobody_asks_for(skill, like, holders)))
    return notes


# People named in the note on skills one person can count for twice; the rest are counted.
NAMED_HOLDERS = 3


def _skills_counted_twice(tables: Sequence[Table], requirements: Sequence[Requirement], staff: Sequence[Staff],
                          rules: dict[str, RuleSetting]) -> list[InputProblem]:
    """A note at the first 枠 cell of sessions whose required skills add up to their whole staff
    (内科:1、小児科:1、看護師:2 for 4 people: every place a role) when someone holds two of those
    skills: that person counts for both unless 設定 says each skill needs its own people, and the
    place left over goes to anyone (a clinic's roster had one doctor in both doctors' places)."""
    if skills_apart(rules):
        return []
    notes: list[InputProblem] = []
    seen: set[tuple[str, ...]] = set()  # each combination of skills looked at once (a year has 14 000 sessions)
    for req in requirements:
        needs = tuple(sorted(skill for skill, _ in req.required_skills))
        if len(needs) < 2 or needs in seen or sum(k for _, k in req.required_skills) < req.min_staff:
            continue
        seen.add(needs)
        both = [person for person in staff if len(set(needs) & person.skills) > 1]
        if not both:
            continue
        where = _first_cell(tables, "required_skills",
                            lambda value, needs=needs: _skill_names(value) == set(needs))
        if where is not None:
            written = [skill for skill, _ in req.required_skills]
            notes.append(where[0].problem(where[1], "required_skills", messages.skills_counted_twice(
                "、".join(written), "、".join(f"{p.name}（{'・'.join(s for s in written if s in p.skills)}）"
                                            for p in both[:NAMED_HOLDERS]), len(both) - len(both[:NAMED_HOLDERS]))))
    if len(notes) > COUNTED_TWICE_SAID:  # an exam office's 102 notes, one an exam (each with its own 担当 skill)
        more = notes[COUNTED_TWICE_SAID]
        notes = notes[:COUNTED_TWICE_SAID] + [InputProblem(more.file, more.sheet, more.cell, messages.more_counted_twice(
            len(notes) - COUNTED_TWICE_SAID))]
    return notes


# Notes on skills one person can count for twice said one by one; the others are counted in one more.
COUNTED_TWICE_SAID = 3


def _capped_names(value: Any) -> set[str]:
    """The skill names a 必要スキル cell gives a most for (`新人:0〜1`; none when it cannot be read)."""
    try:
        return {name for name, _ in parse_skill_needs(value)[1]}
    except ValueError:
        return set()


def _skill_names(value: Any) -> set[str]:
    """The skill names a 必要スキル cell asks for (none when it cannot be read)."""
    try:
        return {name for name, _ in parse_skill_counts(value)}
    except ValueError:
        return set()


def _unknown_activities(state: _Import, activities: set[str], problems: list[InputProblem]) -> None:
    """A problem at the 禁止する勤務の並び cell and at each 内容別上限 cell for the activities they name
    that no session has, when they may be a slip: written in one cell only, or like an activity that
    is there (`準夜勤` for 準夜): a typo there would forbid or limit nothing. A name written in several
    cells and like none of the plan's activities is a shift this plan does not hold (a staff sheet
    kept from month to month, its `準夜+深夜+遅番:0` in a plan of 日勤 and 準夜 only, had been refused
    24 times): one note, at the first cell naming it."""
    named: list[tuple[tuple[str, str, str] | None, set[str]]] = [
        (state.settings.forbidden_pairs_at, {name for pair in state.settings.forbidden_pairs for name in pair})]
    for staff_id, where in state.limit_cells.items():
        limits = state.staff[staff_id][0].max_per_activity
        named.append((where, {part for key, _ in limits for part in counted_activities(key, activities)}))
    absent: dict[str, tuple[str, str, str]] = {}
    cells = Counter(name for where, names in named if where is not None for name in names - activities)
    for where, names in named:
        unknown = sorted(names - activities)
        slips = [name for name in unknown if cells[name] == 1 or resembling(name, activities) is not None]
        if slips and where is not None:
            problems.append(InputProblem(*where, messages.unknown_activity("、".join(slips), "、".join(sorted(activities)))))
        for name in unknown:
            if name not in slips and where is not None:
                absent.setdefault(name, where)
    if absent:
        first = next(iter(absent.values()))  # the first cell found naming one of them
        state.notes.append(InputProblem(*first, messages.absent_activity("、".join(absent), "、".join(sorted(activities)))))


def _once_each(paths: Sequence[Path | str], problems: list[InputProblem]) -> list[Path]:
    """`paths` without a file given a second time or a byte-identical copy of one given before
    (`main - コピー.xlsx`), each repeat reported once: read twice, every row of it would be
    reported as a duplicate of itself. Only files of the same size are compared byte by byte."""
    kept: list[Path] = []
    resolved: dict[Path, Path] = {}
    by_size: dict[int, list[Path]] = {}
    for path in map(Path, paths):
        try:
            where = path.resolve()
            size = path.stat().st_size if path.is_file() else 0  # empty files: open_book says so
        except OSError:  # an unreadable path: open_book says so
            where, size = path, 0
        first = resolved.get(where)
        if first is None and size:
            first = next((other for other in by_size.get(size, ()) if _same_bytes(other, path)), None)
        if first is not None:
            problems.append(InputProblem(path.name, "", "", messages.same_file_twice(first.name)))
            continue
        resolved[where] = path
        if size:
            by_size.setdefault(size, []).append(path)
        kept.append(path)
    return kept


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def collect(
    paths: Sequence[Path | str], catalogue: Sequence[RuleInfo] = (), plan_name: str | None = None,
    marks_optional: bool = False, notes: list[InputProblem] | None = None,
) -> tuple[Problem | None, list[InputProblem]]:
    """The Problem read from `paths` and every problem found (the Problem is None if any). With
    `marks_optional`, workbooks without any 勤務可否 sheet give a Problem without marks. `notes`
    gets what a clean import read in a way the coordinator should know of (a blank date taken
    from the row above), each with its cells."""
    state = _Import()
    books = [b for b in (open_book(p, state.problems) for p in _once_each(paths, state.problems)) if b is not None]
    try:
        if not books:
            return None, state.problems
        problem = _read(books, catalogue, state, marks_optional)
        state.problems[:0] = _hidden_sheets(books, state.problems)  # first: it explains those below
    finally:
        for book in books:
            book.close()
    if state.problems or problem is None:
        return None, state.problems
    if notes is not None:
        notes += state.notes
    return (problem.with_(name=plan_name) if plan_name else problem), []


def read_workbooks(
    paths: Sequence[Path | str], catalogue: Sequence[RuleInfo] = (), plan_name: str | None = None,
    marks_optional: bool = False, notes: list[InputProblem] | None = None,
) -> Problem:
    """The Problem held by one or many workbooks (sessions, staff, availability matrix or forms,
    sites, settings) merged; raises InvalidInput listing every problem found, returns nothing half-read.
    `marks_optional` and `notes`: see `collect`."""
    problem, problems = collect(paths, catalogue, plan_name, marks_optional, notes)
    if problems or problem is None:
        raise InvalidInput(problems)
    return problem
