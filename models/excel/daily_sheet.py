"""The 毎日の枠 sheet: sessions held every day of the plan, written once by kind of day.

A ward does not list its shifts day by day: 日勤 8:30-17:00 needs 6 on weekdays and 4 at weekends,
準夜 and 深夜 3 every day. One row per shift says so: 会場, 内容, 開始, 終了, 平日 (Monday to Friday),
土曜 and 日曜祝日 (Sundays and national holidays); a blank 土曜 or 日曜祝日 is the 平日 count, 0 no
session that day. A count may be a range, `6〜9`: at least 6, at most 9. Each row becomes a session
on every day of the plan period, its 必要人数 that day's count and its 最大人数 the range's end, else
the optional 最大人数 column (one maximum for every day, never below the day's count), else the count
itself. An optional 曜日 column holds a row to those days of the week (`月・水・金`, `火木`, `土日祝`:
a home-care client's visits), a national holiday among them when its weekday is (or 祝 is) named, with
the 日曜祝日 count (blank: the 平日 count). Optional 開始日 and 終了日 columns, or one 期間 (`3/25〜4/6`),
hold a row to those dates: an after-school club's 放課後 on school days and its 春休み sessions
(108 rows of 0 had switched 放課後 off for the holidays); two rows of one session may then be
written for dates apart. A 枠 row for the same day, 会場 and 内容 replaces the day's session (fewer
staff over New Year, another time on a training day).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Callable, Iterable

from models.domain import HOLIDAYS, WEEKDAY_NAMES, Requirement, end_after, hhmm, time_range
from models.errors import InputProblem
from models.excel import messages
from models.excel.reader import Cells, Period, Table
from models.excel.schema import DAILY
from models.holidays import is_holiday
from models.i18n import t
from models.textparse import (
    parse_break,
    parse_date,
    parse_count,
    parse_count_range,
    parse_skill_needs,
    parse_time,
    parse_time_range,
    parse_weekdays,
)


@dataclass(frozen=True)
class DailySession:
    """One row of 毎日の枠: a session on every day, with its count by kind of day."""

    site: str
    activity: str
    start: int
    end: int
    weekday: tuple[int, int]  # (least, most) people
    saturday: tuple[int, int]
    sunday: tuple[int, int]  # Sundays and national holidays
    skills: tuple[tuple[str, int], ...]
    notes: str
    where: str  # its row, `毎日の枠!A3`, for a duplicate to name
    caps: tuple[tuple[str, int], ...] = ()  # (skill, most): Requirement.skill_caps
    break_minutes: int = 0  # Requirement.break_minutes
    days: str = ""  # the days of the week it is held (canonical, `月水金`, 祝 for holidays); "" every day
    first: date | None = None  # the first date it is held (None: from the plan's start)
    last: date | None = None  # the last (None: to the plan's end)
    target: int | None = None  # 目標人数: Requirement.preferred_staff, within each day's least and most
    # where a note goes when the row keeps a national holiday on a weekday it names with the weekday count
    # (曜日 given, 日曜祝日 blank: an after-school club's 月〜金 row made sessions on 3/22, 振替休日); None: no such row
    holidays_at: tuple[str, str, str] | None = None

    def held_on(self, day: date) -> bool:
        if (self.first is not None and day < self.first) or (self.last is not None and day > self.last):
            return False
        return not self.days or WEEKDAY_NAMES[day.weekday()] in self.days or (
            HOLIDAYS in self.days and is_holiday(day))

    def overlaps(self, other: DailySession) -> bool:
        """Whether the two rows' dates meet (two rows of one session for dates apart are no duplicate)."""
        return (self.last is None or other.first is None or other.first <= self.last) and (
            other.last is None or self.first is None or self.first <= other.last)

    def count_on(self, day: date) -> tuple[int, int]:
        if day.weekday() == 6 or is_holiday(day):
            return self.sunday
        return self.saturday if day.weekday() == 5 else self.weekday

    def session_on(self, day: date) -> Requirement | None:
        """The day's session, None when the day asks nobody."""
        least, most = self.count_on(day)
        if most == 0 or not self.held_on(day):
            return None
        target = None if self.target is None else min(max(self.target, least), most)
        return Requirement(Requirement.make_id(day, self.site, self.activity, self.start), day, self.site,
                           self.activity, self.start, self.end, least, most, preferred_staff=target,
                           required_skills=self.skills, skill_caps=self.caps, notes=self.notes,
                           break_minutes=self.break_minutes)


# Between the first and the last date of a 期間 cell (`3/25〜4/6`, `3/25から4/6まで`); not `-`, which a date may hold.
_DATES_APART = re.compile(r"\s*(?:[~〜～]|から)\s*")


def _dates(to_date: Callable[[Any], date]) -> Callable[[Any], tuple[date, date]]:
    """A 期間 cell's first and last date, each read with `to_date`."""
    def read(value: Any) -> tuple[date, date]:
        parts = _DATES_APART.split(str(value).strip().removesuffix("まで")) if isinstance(value, str) else []
        if len(parts) != 2 or not all(parts):
            raise ValueError(f"not dates: {value!r}")
        return to_date(parts[0]), to_date(parts[1])
    return read


def read_daily(table: Table, problems: list[InputProblem], found: list[DailySession],
               notes: list[InputProblem] | None = None, to_date: Callable[[Any], date] | None = None) -> None:
    """The rows of a 毎日の枠 sheet into `found`; every problem to `problems` (the row left out). A
    shift whose end is before its start is read as ending the next day, said in `notes` at its cell
    with how long it is: each row is a shift of every day (遅番 typed 20:00-11:15 became a 15-hour night).
    `to_date` reads the 開始日, 終了日 and 期間 cells (`4/1` in the plan's year)."""
    to_date = to_date or parse_date
    col = DAILY.column
    # no 開始/終了 columns: both times in a 時間 column (`8:30～17:00`), as on 枠
    ranged = "start" not in table.columns and "end" not in table.columns and "time" in table.columns
    for index, row in table.data():
        cells = Cells(table, index, row, problems)
        site = cells.text("site", col("site"))
        activity = cells.text("activity", col("activity"))
        if ranged:
            start, end = cells.get("time", parse_time_range, messages.bad_time_range, col("time")) or (None, None)
        else:
            start = cells.get("start", parse_time, messages.bad_time, col("start"))
            end = cells.get("end", parse_time, messages.bad_time, col("end"))
        weekday = cells.get("weekday", parse_count_range, messages.bad_count, col("weekday"))
        saturday = cells.get("saturday", parse_count_range, messages.bad_count)
        sunday = cells.get("sunday", parse_count_range, messages.bad_count)
        most = cells.get("max_staff", parse_count, messages.bad_count)
        target = cells.get("preferred_staff", parse_count, messages.bad_count)
        skills, caps = cells.get("required_skills", parse_skill_needs, messages.bad_skills, default=((), ()))
        pause = cells.get("break_minutes", parse_break, messages.bad_break, default=0) or 0
        held = cells.get("days", parse_weekdays, messages.bad_days, default="") or ""
        first = cells.get("first_day", to_date, messages.bad_date)
        last = cells.get("last_day", to_date, messages.bad_date)
        if (span := cells.get("dates", _dates(to_date), messages.bad_dates)) is not None:
            first, last = span
        if first is not None and last is not None and last < first:
            cells.report("dates" if "dates" in table.columns else "last_day",
                         messages.dates_reversed(first.isoformat(), last.isoformat()))
        overnight = False
        if start is not None and end is not None:
            overnight = end_after(start, end) != end
            end = end_after(start, end)  # 16:30-1:00: a shift that ends the next day
            if end <= start:
                cells.report("time" if ranged else "end", messages.end_not_after_start(hhmm(start), hhmm(end)))
            elif pause >= end - start:
                cells.report("break_minutes", messages.break_too_long(pause, end - start))
        if not cells.ok:
            continue
        if overnight and notes is not None:
            notes.append(table.problem(index, "time" if ranged else "end", messages.daily_ends_next_day(
                f"{activity} {time_range(start, end)}", end - start)))
        given = (weekday, weekday if saturday is None else saturday, weekday if sunday is None else sunday)
        counts = tuple((least, upper if upper is not None else least if most is None or least == 0 else max(most, least))
                       for least, upper in given)  # a plain 0 is no session that day, whatever the maximum
        below = [least for least, upper in given if upper is None and most is not None and 0 < most < least]
        if below:
            cells.report("max_staff", messages.max_below_min(most, max(below)))
        staffed = [upper for _, upper in counts if upper]
        for skill, count in skills:
            if staffed and count > min(staffed):  # more with the skill than the day's staff
                cells.report("required_skills", messages.skill_over_max(skill, count, min(staffed)))
        row_said = DailySession(site, activity, start, end, *counts, skills, cells.note("notes"), cells.where("site"),
                                caps, pause, held, first, last, target,
                                cells.at("days") if held and HOLIDAYS not in held and sunday is None else None)
        twin = next((d for d in found if (d.site, d.activity, d.start) == (site, activity, start)
                     and d.overlaps(row_said)), None)
        if twin is not None:
            cells.report("activity", messages.duplicate_session(f"{site} {activity} {hhmm(start)}", twin.where))
        if cells.ok:
            found.append(row_said)


def fill_from_daily(found: Iterable[DailySession], given: Iterable[tuple[Requirement, bool, bool]]
                    ) -> tuple[list[Requirement], list[tuple[Requirement, str]]]:
    """The 枠 rows that replace a 毎日の枠 session of their day (same 会場 and 内容), given as (session, its
    table has a 休憩 column, it has a 必要スキル column): each takes the row's break and skills where its
    table has no such column, and says so; where its own cell leaves out what the row asks, that is said. A
    nursery's 運動会 Saturday row (8 保育士, no 休憩 column) had dropped the 土曜 row's 60-minute break and its
    正規:2, silently, and the 9-hour day moved two people off another day to keep 40 hours a week.
    Returns the sessions changed and the notes (session, sentence)."""
    rows: dict[tuple[str, str], list[DailySession]] = {}
    for daily in found:
        rows.setdefault((daily.site, daily.activity), []).append(daily)
    changed: list[Requirement] = []
    notes: list[tuple[Requirement, str]] = []
    for req, has_break, has_skills in given:
        daily = next((d for d in rows.get((req.site, req.activity), ()) if d.held_on(req.date)), None)
        if daily is None or req.max_staff == 0:  # a row closing the day asks nothing
            continue
        taken, left = [], []
        update: dict[str, Any] = {}
        if daily.break_minutes and not req.break_minutes:
            what = t("休憩 {m}分", "a {m}-minute break", m=daily.break_minutes)
            if has_break:
                left.append(what)
            elif req.end - req.start > daily.break_minutes:
                update["break_minutes"] = daily.break_minutes
                taken.append(what)
        lacking = tuple((skill, k) for skill, k in daily.skills if skill not in {s for s, _ in req.required_skills})
        if lacking:
            what = t("必要スキル {s}", "the skills {s}", s="、".join(f"{skill}:{k}" for skill, k in lacking))
            if has_skills or req.required_skills:
                left.append(what)
            else:
                update["required_skills"] = daily.skills
                taken.append(what)
        if update:
            req = replace(req, **update)
            changed.append(req)
        row = daily.where.rpartition(" ")[2]  # `毎日の枠!A3`, without its file
        if taken:
            notes.append((req, messages.daily_taken(req.label(), row, "・".join(taken))))
        if left:
            notes.append((req, messages.daily_left(req.label(), row, "・".join(left))))
    return changed, notes


def holiday_notes(found: Iterable[DailySession], sessions: Iterable[Requirement]) -> list[InputProblem]:
    """A note at the 曜日 of each row whose weekdays took a national holiday with the weekday count
    because its 日曜祝日 is blank (said once a row, with the dates): a club closed on holidays had them."""
    held: dict[tuple[str, str, int], list[date]] = {}  # (site, activity, start) -> its holiday dates
    for r in sessions:
        if is_holiday(r.date):
            held.setdefault((r.site, r.activity, r.start), []).append(r.date)
    notes = []
    for daily in found:
        days = sorted(held.get((daily.site, daily.activity, daily.start), []))
        if daily.holidays_at is not None and days:
            listed = "、".join(f"{d.month}/{d.day}" for d in days)
            notes.append(InputProblem(*daily.holidays_at, messages.holiday_kept(listed)))
    return notes


def daily_sessions(found: Iterable[DailySession], period: Period,
                   given: Iterable[Requirement]) -> list[Requirement]:
    """The sessions of every day of `period` from the 毎日の枠 rows, but for the days a 枠 row
    (`given`) already holds a session of that 会場 and 内容."""
    taken = {(r.date, r.site, r.activity) for r in given}
    out = []
    days = [period.start.fromordinal(n) for n in range(period.start.toordinal(), period.end.toordinal() + 1)]
    for daily in found:
        for day in days:
            if (day, daily.site, daily.activity) in taken:
                continue
            session = daily.session_on(day)
            if session is not None:
                out.append(session)
    return out
