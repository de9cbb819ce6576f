"""Rows of the 職員, 会場 and 枠 sheets turned into Staff, Site and Requirement, one function per sheet.

Each function adds what it reads to a dict shared by all workbooks of one import (so a duplicate
in a second file is caught too) and appends every problem it finds; a bad row is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from models.domain import (DAY_MINUTES, Requirement, Site, Staff, bare_name, end_after, hhmm, home_names, normalize,
                           time_range, typed)
from models.errors import InputProblem
from models.excel import messages, staff_rules
from models.excel.availability_sheet import looks_like_date
from models.excel.reader import Cells, Period, Table, is_blank, normalize_header
from models.excel.schema import SESSIONS, SITES, SKILL_COLUMNS, STAFF
from models.rulemeta import RuleInfo
from models.textparse import (
    parse_active, parse_activity_limits, parse_break, parse_count, parse_date, parse_skill_needs, parse_skills, parse_time,
    man_yen, parse_conditions, parse_hours, parse_time_range, parse_weekdays, resembling,
)


def parse_amount(value: Any) -> int:
    """Yen as a whole number: `1,200`, `¥1200`, `1200円`, `103万`, `103万円`."""
    if isinstance(value, str):
        value = re.sub(r"[,¥円\s]", "", man_yen(value))
    return parse_count(value)


def read_sites(table: Table, problems: list[InputProblem], sites: dict[str, tuple[Site, str]]) -> None:
    """Sites from the 会場 sheet into `sites` (name -> (Site, where it was read))."""
    for index, row in table.data():
        cells = Cells(table, index, row, problems)
        name = cells.text("site", SITES.column("site"))
        if not cells.ok:
            continue
        if name in sites:
            cells.report("site", messages.duplicate_site(name, sites[name][1]))
            continue
        site = Site(name, cells.text("area"), cells.text("travel_group"))
        sites[name] = (site, cells.where("site"))


_COUNT_FIELDS = ("max_per_day", "max_per_week", "max_days_per_week", "max_per_month", "max_days_per_month",
                 "desired_per_month", "max_per_plan", "min_per_plan", "max_consecutive_days")
_AMOUNT_FIELDS = ("hourly_rate", "annual_pay_cap", "paid_this_year")
# Staff fields in minutes that 職員 writes in hours (週時間上限 40), read here and written by sheets_input
HOURS_FIELDS = ("max_minutes_per_week", "min_minutes_per_week", "max_minutes_per_month", "min_minutes_per_month")


_BRACKETED = re.compile(r"\s*[（(][^（()）]*[)）]\s*")


def _without_brackets(places: Collection[str]) -> dict[str, str]:
    """Each place by its name without what its brackets add (`北保健センター（2階）` as 北保健センター),
    where that leaves one place only: a 拠点 written without the floor had made every session of
    the person's own centre "outside their area", and was taken for a slip for 西保健センター."""
    found: dict[str, list[str]] = {}
    for place in places:
        bare = _BRACKETED.sub("", place).strip()
        if bare and bare != place:
            found.setdefault(bare, []).append(place)
    return {bare: names[0] for bare, names in found.items() if len(names) == 1 and bare not in places}


def _hours_of(key: str) -> Callable[[Any], int]:
    """parse_hours for the column `key`, refusing a period word that is not the column's (`月60時間` in a
    weekly column would otherwise be read as 60 hours a week)."""
    own = "週" if "week" in key else "月"

    def read(value: Any) -> int:
        if isinstance(value, str) and (word := value.strip()[:1]) in ("週", "月") and word != own:
            raise ValueError(f"hours of another period: {value!r}")
        return parse_hours(value)
    return read


_HOURS_READERS = {key: _hours_of(key) for key in HOURS_FIELDS}


# 在籍 with a date: the last day (`2/15退職`, `2/15まで`, `〜2/15`) or the first (`3/1から`, `3/1入職`, `3/1〜`).
_UNTIL = re.compile(r"^(?:[〜~]\s*(.+?)|(.+?)\s*(?:付け?)?\s*(?:退職|退職予定|まで|迄))$")
_FROM = re.compile(r"^(.+?)\s*(?:付け?)?\s*(?:から|より|入職|採用|着任|勤務開始|[〜~])$")
# 在籍 naming the first day away (`3/10から休職`, `3/10より療養`): an injured nurse's `3/10から` alone read as
# her first day, and she was given 8 sessions after it
_AWAY = re.compile(r"^(.+?)\s*(?:付け?)?\s*(?:から|より|以降)?\s*(?:休職|休業|休養|療養|病休|病欠|産休|育休|産前休暇|休暇|"
                   r"休み|不在|離脱|欠勤|退所|異動)$")
# staff ID -> what bounds their days, each (kind, as written, its cell): "from" | "until" (在籍 with a date), "only"
# (可能日: the dates they offer, × the others), "off" (不可日: × those dates), "wish" (希望日: ○ and a wish to work)
# and "part" (時間帯: `午後のみ` on every day they may work)
Tenure = dict[str, list[tuple[str, Any, tuple[str, str, str]]]]
DATE_LISTS = (("available_dates", "only"), ("unavailable_dates", "off"), ("leave_reason", "reason"), ("wished_dates", "wish"),
              ("day_part", "part"))
# Of DATE_LISTS, what says something of the dates the others list (the 理由 of a row's 不可日), listing none itself
OF_THE_DATES = frozenset({"leave_reason"})


def _tenure(value: Any) -> tuple[str, Any] | None:
    """("until", date text) for `2/15退職` or `〜2/15`, ("from", date text) for `3/1から`, ("away", date
    text) for `3/10から休職` (the first day away); None for anything else (a 在籍 of ○ or ×, read by
    parse_active). `3/1〜` is from, `〜2/15` until."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if (m := _AWAY.match(text)) and looks_like_date(m[1]):
        return "away", m[1]
    if (m := _FROM.match(text)) and looks_like_date(m[1]):
        return "from", m[1]
    if (m := _UNTIL.match(text)) and looks_like_date(m[1] or m[2]):
        return "until", m[1] or m[2]
    return None


def read_staff(
    table: Table, problems: list[InputProblem], staff: dict[str, tuple[Staff, str]], ids: dict[str, str],
    limit_cells: dict[str, tuple[str, str, str]] | None = None, notes: list[InputProblem] | None = None,
    places: set[str] | None = None, tenure: Tenure | None = None,
    person_rules: tuple[Sequence[RuleInfo], dict[str, dict[str, dict[str, Any]]]] | None = None,
) -> None:
    """People from the 職員 sheet into `staff` (ID -> (Staff, where it was read)); `ids` gets every
    ID written with its name, even on rows with problems (so availability for them is not reported
    twice, and a matrix of names finds them: a bad 勤務曜日 made them "not on 職員");
    `limit_cells` the cell of each person's 内容別上限 (to name activities no session has). Said in
    `notes`: an annual pay cap without an hourly rate (it cannot be kept), a 拠点 that is none
    of `places` (the 会場 sheet's sites and areas, when it gives areas), and a name an earlier
    person has (one person under two IDs could be placed twice at once). With `person_rules` (the
    catalogue, and where to put them), the columns of a rule's value for one person are read
    (staff_rules): rule id -> staff ID -> {param: value}."""
    named = {bare_name(person.name): (person.id, where) for person, where in staff.values() if person.name}
    bare_places = _without_brackets(places) if places else {}
    by_name = "staff_id" not in table.columns  # no ID column: each person's name is their ID
    # 所属 naming no place (a 学部): no home unknown to say at each row; the importer reads it as skills
    affiliation = _affiliation(table, places or set(), bare_places)
    if by_name and notes is not None:
        notes.append(table.problem(table.header_row, "name", messages.names_as_ids()))
    rule_columns, found = {}, {}
    if person_rules is not None:
        catalogue, found = person_rules
        rule_columns = staff_rules.rule_columns(table.header(), set(table.columns.values()), catalogue)
        for column, (info, param) in rule_columns.items():  # read: no note of a column Haichi does not read
            table.columns[staff_rules.COLUMN_KEY.format(rule=info.id, param=param.name)] = column
    for index, row in table.data():
        cells = Cells(table, index, row, problems)
        name = cells.text("name", STAFF.column("name"))
        staff_id = " ".join(name.split()) if by_name else cells.text("staff_id", STAFF.column("staff_id"))
        ids.setdefault(staff_id, name)
        limits: dict[str, Any] = {
            key: cells.get(key, parse_count, messages.bad_count) for key in _COUNT_FIELDS
        }
        for key in _AMOUNT_FIELDS:
            limits[key] = cells.get(key, parse_amount, messages.bad_count)
        for key in HOURS_FIELDS:  # hours in the sheet (`40`, `37時間30分`), minutes in the plan
            limits[key] = cells.get(key, _HOURS_READERS[key], messages.bad_hours)
        limits["max_per_activity"] = cells.get("max_per_activity", parse_activity_limits, messages.bad_activity_limits,
                                               default=())
        if "conditions" in table.columns:  # `月8回まで、週2日まで`: the limits its own columns leave blank
            said, unread = parse_conditions(cells.raw("conditions"))
            limits.update({key: value for key, value in said.items() if limits.get(key) is None})
            if unread and notes is not None:
                notes.append(table.problem(index, "conditions", messages.conditions_unread(name, unread)))
        if limits["paid_this_year"] is None:
            limits["paid_this_year"] = 0
        if not cells.ok:
            continue
        if staff_id in staff:
            cells.report("staff_id", messages.duplicate_staff(staff_id, staff[staff_id][1]))
            continue
        if tenure is not None and (dated := _tenure(cells.raw("active"))) is not None:
            active = True  # `2/15退職`, `3/1から`: in the register, for the days of the plan it gives
            tenure.setdefault(staff_id, []).append((*dated, cells.at("active")))
        else:
            active = cells.get("active", parse_active, messages.bad_active, default=True)
        for key, kind in DATE_LISTS if tenure is not None else ():
            if not is_blank(cells.raw(key)) and (key not in OF_THE_DATES or not is_blank(cells.raw("unavailable_dates"))):
                # a 医局's 非常勤 offering `3/5, 3/12`: read as marks (importer); a 理由 right after its 不可日
                tenure.setdefault(staff_id, []).append((kind, cells.raw(key), cells.at(key)))
        weekdays = cells.get("weekdays", parse_weekdays, messages.bad_weekdays, default="")
        skills = frozenset().union(*(_skills_in(table, cells, key) for key in SKILL_COLUMNS))
        if not cells.ok:
            continue
        home = cells.text("home")
        if normalize(home) in ANY_PLACE:  # a library's floaters of 全館: no home, not an area holding no site
            home = ""
        if home and places and home not in places:  # `北保健センター` for the site `北保健センター（2階）`
            home = bare_places.get(home, home)
        person = Staff(
            id=staff_id,
            name=name,
            skills=skills,
            home=home,
            weekdays=weekdays,
            notes=cells.note("notes"),
            active=active,
            **limits,
        )
        staff[staff_id] = (person, cells.where("staff_id"))
        for column, (info, param) in rule_columns.items():
            raw = row[column] if column < len(row) else None
            if is_blank(raw):
                continue
            try:
                value = param.parse(raw.strip() if isinstance(raw, str) else raw)
            except (ValueError, TypeError):
                problems.append(table.problem(index, column, messages.bad_person_rule_value(
                    str(table.header()[column]).strip(), raw, param)))
                continue
            found.setdefault(info.id, {}).setdefault(staff_id, {})[param.name] = value
        if person.max_per_activity and limit_cells is not None:
            limit_cells[staff_id] = cells.at("max_per_activity")
        if notes is not None and person.annual_pay_cap is not None and person.hourly_rate is None:
            notes.append(table.problem(index, "annual_pay_cap", messages.cap_without_rate(person.name)))
        if (notes is not None and places and person.home and not affiliation
                and not set(home_names(person.home, places)) <= set(places)):  # `北区・中央区`: each a place
            notes.append(table.problem(index, "home", messages.unknown_home(person.home, resembling(person.home, places))))
        for sessions, days in (("max_per_week", "max_days_per_week"), ("max_per_month", "max_days_per_month")):
            raw = cells.raw(sessions)  # `16日` in 月上限: days meant, sessions read
            if notes is not None and isinstance(raw, str) and "日" in raw and getattr(person, days) is None:
                notes.append(table.problem(index, sessions, messages.days_in_a_sessions_limit(
                    STAFF.column(sessions).ja, STAFF.column(days).ja, getattr(person, sessions))))
        if notes is not None and person.name and (twin := named.get(bare_name(person.name))) is not None:
            notes.append(table.problem(index, "name", messages.same_name(person.name, *twin)))
        named.setdefault(bare_name(person.name), (staff_id, cells.where("staff_id")))


# A 拠点 naming every place, or none: no home (a library's 4 floaters of 全館 got 0-1 shifts, every one
# "outside their area").
ANY_PLACE = frozenset({"全館", "全会場", "全施設", "全区", "全域", "市内全域", "全センター", "全て", "すべて", "全部", "どこでも",
                       "不問", "指定なし", "なし", "-", "ー", "―", "共通", "全館共通", "フリー"})


def affiliations_as_skills(tables: Sequence[Table], staff: dict[str, tuple[Staff, str]], places: Collection[str],
                           notes: list[InputProblem], read_as_sites: Collection[str] = ()) -> None:
    """A 所属 column naming none of the `places` (the 会場 sheet's sites and areas, else the sessions' sites)
    is skills, not homes, said in a note: a university's 学部 had made every duty "outside their area" (370,
    and 362 without a 会場 sheet)."""
    for table in tables:  # a home homes_of_sites read as a site (`1階`) names one
        header = _affiliation(table, {*places, *read_as_sites}, _without_brackets(places))
        if not header:
            continue
        notes.append(table.problem(table.header_row, "home", messages.affiliation_as_skills(header)))
        for staff_id, (person, where) in list(staff.items()):
            if person.home:
                staff[staff_id] = (replace(person, home="", skills=person.skills | parse_skills(person.home)), where)


# A cell saying a person holds what its column is named for (`放課後児童支援員資格` | ○), or does not (×, なし)
HOLDS = frozenset({"○", "◯", "〇", "●", "◎", "✓", "✔", "☑", "レ", "有", "有り", "あり", "済", "取得", "取得済", "保有", "はい",
                   "yes", "y"})
HOLDS_NOT = frozenset({"×", "✕", "✖", "x", "無", "無し", "なし", "未", "未取得", "-", "ー", "－", "―", "いいえ", "no", "n"})
# What a column of ○ adds to the name it is for: `保育士資格の有無` holds 保育士
_HOLDING_WORDS = re.compile(r"(?:の)?(?:資格|免許)?(?:の)?(?:有無|保有|取得|の有無)?$")


def _skills_in(table: Table, cells: Cells, key: str) -> frozenset[str]:
    """The skills one of the 職員 skill columns gives the person: the words written, or, for a ○ (or ×) under a
    column named for one (`放課後児童支援員資格`), that one (or none). An after-school office's 12 holders had each
    been given a skill named ○, and all 170 sessions needing 放課後児童支援員 stood unfillable."""
    raw = cells.raw(key)
    word = normalize(str(raw)).replace(" ", "") if isinstance(raw, str) else ""
    if word in HOLDS_NOT:
        return frozenset()
    if word not in HOLDS:
        return parse_skills(raw)
    header = normalize_header(table.header()[table.columns[key]])
    named = _HOLDING_WORDS.sub("", header)
    if not named or any(normalize_header(name) == header for column in STAFF.read_only + STAFF.columns
                        if column.key == key for name in (column.ja, *column.aliases)):
        cells.report(key, messages.mark_as_skill(typed(raw), header))
        return frozenset()
    return frozenset({named})


_FLOOR = re.compile(r"^(\d+)[fF]$")


def homes_of_sites(staff: dict[str, tuple[Staff, str]], sites: Collection[str]) -> dict[str, str | None]:
    """Without a 会場 sheet, the 拠点 naming none of the sessions' sites: the one site a home is part of
    (`1階` or `1F` of `1階ユニット`, `さくら` of さくら児童クラブ) is that site. A care home's 拠点 `1階` and `2F`
    had been taken as places of their own, unsaid, and every session of its 30 people counted as away
    from home. Returns each such home written and its site (None for none); say_homes says them."""
    named: dict[str, str | None] = {}
    for home in {person.home for person, _ in staff.values() if person.home and person.home not in sites}:
        word = _FLOOR.sub(r"\1階", normalize(home))  # `2F` is 2階
        part_of = [site for site in sites if word in normalize(site)]
        named[home] = part_of[0] if len(part_of) == 1 else None
    for staff_id, (person, where) in list(staff.items()):
        if named.get(person.home):
            staff[staff_id] = (replace(person, home=named[person.home]), where)
    return named


def say_homes(tables: Sequence[Table], staff: dict[str, tuple[Staff, str]], named: dict[str, str | None],
              sites: Collection[str], notes: list[InputProblem]) -> None:
    """A note at the first cell of each home homes_of_sites read as a site, or found none for, that someone
    still has (a 所属 column read as skills has none)."""
    left = {person.home for person, _ in staff.values()}
    said: set[str] = set()
    for table in tables:
        for index, row in table.data():
            home = typed(table.value(row, "home"))
            if home not in named or home in said or (named[home] or home) not in left:
                continue
            said.add(home)
            site = named[home]
            notes.append(table.problem(index, "home", messages.home_as_site(home, site) if site is not None
                                       else messages.home_not_a_site(home, resembling(home, sites))))


def _affiliation(table: Table, places: Collection[str], bare_places: dict[str, str]) -> str:
    """The header of a 拠点 column written as 所属 whose values name none of the plan's `places` (the 会場
    sheet's sites and areas): a university's 学部, read as a skill, not a home (every proctor had counted
    as working outside their area, 370 breaches). "" for a column of places, or any other."""
    column = table.columns.get("home")
    if column is None or not places:
        return ""
    header = normalize_header(table.header()[column])
    if not header.startswith(normalize_header("所属")):  # 所属, 所属課 (a 拠点 column is meant as one)
        return ""
    written = {typed(table.value(row, "home")) for _, row in table.data()} - {""}
    return header if written and not any(v in places or v in bare_places for v in written) else ""


def session_years(table: Table) -> list[int]:
    """The years of the session dates that carry one (for dates written as `4/1`)."""
    years = []
    for _, row in table.data():
        try:
            years.append(parse_date(table.value(row, "date")).year)
        except ValueError:
            pass
    return years


# An end before the start is refused as a typo rather than read as the next day's when the activity
# has at least this many times as many sessions ending on their own day (1 visit in 10 or more).
SAME_DAY_ALONE = 10


# Words that call a session off: read as 0 in 必要人数 (the day closed), said when written in 備考.
_CANCELLED = re.compile(r"中止|休止|取りやめ|取り止め|取止め|キャンセル|休診")


def read_sessions(
    table: Table,
    problems: list[InputProblem],
    requirements: dict[str, tuple[Requirement, str]],
    to_date: Callable[[Any], date],
    period: Period | None = None,
    dates: list[date] | None = None,
    notes: list[InputProblem] | None = None,
) -> None:
    """Sessions from the 枠 sheet into `requirements` (ID -> (Requirement, where it was read)).

    `to_date` turns a date cell into a date (it knows the year for `4/1`); it raises ValueError.
    With a `period` (from the 設定 sheet), a session outside it is a problem. Every date read,
    even on a row with other problems, is added to `dates` (so the period is known regardless).
    A blank date right under a session row is that row's date (a day's date written on its first
    session only), said once per run of such rows in `notes`.
    """
    col = SESSIONS.column
    # no 開始/終了 columns: both times in a 時間 column (located only then, see Column.within)
    ranged = "start" not in table.columns and "end" not in table.columns and "time" in table.columns
    above = _DateAbove(table, notes)
    overnight: list[tuple[str, str, int, int]] = []  # (end cell, activity, start, end) read as ending the next day
    same_day: dict[str, int] = {}  # the sessions of each activity read as ending on their own day
    for index, row in table.data():
        cells = Cells(table, index, row, problems)
        carried, day = above.date(index, cells.raw("date"))
        if not carried:
            day = cells.get("date", to_date, messages.bad_date, col("date"))
            above.read(index, day)
        if day is not None and dates is not None:
            dates.append(day)
        site = cells.text("site", col("site"))
        activity = cells.text("activity", col("activity"))
        if ranged:  # one cell holds both (`9:30～11:30`)
            start, end = cells.get("time", parse_time_range, messages.bad_time_range, col("time")) or (None, None)
        else:
            start = cells.get("start", parse_time, messages.bad_time, col("start"))
            end = cells.get("end", parse_time, messages.bad_time, col("end"))
        # `中止` in 必要人数 (or 最大人数, 目標人数) closes the session whatever the other counts say: with
        # 最大人数 10 and 目標人数 8 left as they were, a city's cancelled session kept its 8 people
        called_off = any(isinstance(value := table.value(row, key), str) and _CANCELLED.fullmatch(value.strip())
                         for key in ("min_staff", "max_staff", "preferred_staff"))
        min_staff = 0 if called_off else cells.get("min_staff", parse_count, messages.bad_count, col("min_staff"))
        max_staff = 0 if called_off else cells.get("max_staff", parse_count, messages.bad_count)
        skills, caps = cells.get("required_skills", parse_skill_needs, messages.bad_skills, default=((), ()))
        pause = cells.get("break_minutes", parse_break, messages.bad_break, default=0)
        if day is not None and period is not None and day not in period and not carried:
            cells.report("date", messages.outside_period(
                day.isoformat(), period.start.isoformat(), period.end.isoformat()))
        if start is not None and end is not None and end_after(start, end) != end:
            end = end_after(start, end)  # 16:30-1:00: a shift that ends the next day
            overnight.append((cells.at("time" if ranged else "end")[2], activity, start, end))
        if start is not None and end is not None and end <= start:
            cells.report("time" if ranged else "end", messages.end_not_after_start(hhmm(start), hhmm(end)))
        elif start is not None and end is not None and pause and pause >= end - start:
            cells.report("break_minutes", messages.break_too_long(pause, end - start))
        if max_staff is None:
            max_staff = min_staff
        if min_staff is not None and max_staff < min_staff:
            cells.report("max_staff", messages.max_below_min(max_staff, min_staff))
        # 必要人数 1, 目標人数 2: a second person when one can come (cover_target prices each short of it)
        target = None if called_off else cells.get("preferred_staff", parse_count, messages.bad_count)
        if target is not None and min_staff is not None and max_staff and not min_staff <= target <= max_staff:
            cells.report("preferred_staff", messages.target_outside(target, min_staff, max_staff))
        for skill, count in skills:
            # a row of 0 closes its day (the importer drops it): a skill copied with the row asks nothing
            if max_staff and count > max_staff:
                cells.report("required_skills", messages.skill_over_max(skill, count, max_staff))
        if not cells.ok or day is None or (carried and period is not None and day not in period):
            continue  # a carried date that is bad or outside the period is reported at its own cell
        req = Requirement(
            id=Requirement.make_id(day, site, activity, start),
            date=day,
            site=site,
            activity=activity,
            start=start,
            end=end,
            min_staff=min_staff,
            max_staff=max_staff,
            preferred_staff=target if max_staff else None,
            required_skills=skills,
            skill_caps=caps,
            notes=cells.note("notes"),
            break_minutes=pause or 0,
        )
        if notes is not None and max_staff and _CANCELLED.search(req.notes or ""):
            # `中止` in 備考 was staffed, printed and paid: the row says how to close it
            notes.append(InputProblem(*cells.at("notes"), messages.cancelled_in_notes(req.notes)))
        elif notes is not None and min_staff == 0 and max_staff and sum(k for _, k in skills):
            # 必要人数 0 beside a 最大人数 and 必要スキル: the skills' counts still staff it (7 people on a session
            # a city had meant to close by its 0)
            notes.append(InputProblem(*cells.at("min_staff"), messages.zero_yet_skills(sum(k for _, k in skills))))
        if req.id in requirements:
            cells.report("date", messages.duplicate_session(req.label(), requirements[req.id][1]))
            continue
        requirements[req.id] = (req, cells.where("date"))
        if end is not None and end <= DAY_MINUTES:
            same_day[activity] = same_day.get(activity, 0) + 1
    above.close()
    # an end before the start is read as the next day's (a night shift); but where every other
    # session of the activity ends on its own day, it is a typo (訪問 9:30-2:00 for 14:00, a
    # 16.5-hour visit): refused at its cell
    late = {activity: sum(1 for _, a, _, _ in overnight if a == activity) for _, activity, _, _ in overnight}

    def typo(activity: str) -> bool:
        return late[activity] * SAME_DAY_ALONE <= same_day.get(activity, 0)

    for cell, activity, start, end in overnight:
        if typo(activity):
            problems.append(InputProblem(table.file, table.sheet, cell, messages.overnight_unlike_the_rest(
                activity, hhmm(start), hhmm(end - DAY_MINUTES), same_day[activity])))
    overnight = [o for o in overnight if not typo(o[1])]
    if overnight and notes is not None:
        cell, activity, start, end = overnight[0]
        example = f"{activity} {time_range(start, end)}"  # as every sheet and window writes it
        notes.append(InputProblem(table.file, table.sheet, cell, messages.ends_next_day(len(overnight), example)))


class _DateAbove:
    """The date of the session row just above, for rows whose date cell is blank; the rows that
    took it become one note (`枠!A5:A9`, or from the first to the last such cell with their count
    when they lie in several runs). Only a row directly under a read row takes its date: a blank
    date on the first row or under a blank row is still a problem."""

    def __init__(self, table: Table, notes: list[InputProblem] | None):
        self.table, self.notes = table, notes
        self.last: tuple[int, date | None] | None = None  # (row index, its date: None when unreadable)
        self.rows: list[int] = []  # the row indexes that took the date above
        self.runs = 0

    def date(self, index: int, raw: Any) -> tuple[bool, date | None]:
        """(True, the date above) when this row takes it, else (False, None)."""
        if not is_blank(raw) or self.last is None or self.last[0] != index - 1:
            return False, None
        if not self.rows or self.rows[-1] != index - 1:
            self.runs += 1
        self.last = (index, self.last[1])
        self.rows.append(index)
        return True, self.last[1]

    def read(self, index: int, day: date | None) -> None:
        """A row that gave its own date (None when it could not be read)."""
        self.last = (index, day)

    def close(self) -> None:
        """The note for the rows that took the date above."""
        if self.rows and self.notes is not None:
            first, last = (self.table.cell(i, "date") for i in (self.rows[0], self.rows[-1]))
            cells = first if first == last else f"{first}:{last}"
            message = messages.date_from_row_above(len(self.rows) if self.runs > 1 else None)
            self.notes.append(InputProblem(self.table.file, self.table.sheet, cells, message))
