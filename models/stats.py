"""Per-person figures of a roster (count, minutes, pay, △ used, fairness) and unfilled sessions.

Shared by the `集計` export sheet, the desktop statistics panel and the CLI, so every view shows
the same numbers.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Sequence

from models.domain import (AFTER_NIGHT, OR_SKILL, Mark, Problem, Requirement, Roster, RuleSetting, Staff, Violation,
                           duty_days, rotation_order)
from models.history import by_year, pay_year_month, year_of, years_of
from models.holidays import is_holiday
from models.i18n import t
from models.textparse import parse_names


@dataclass(frozen=True)
class FiscalYearStats:
    """One person's sessions in one fiscal year a plan falls in (models.history.fiscal_years). The
    year the plan starts in adds what it carried in (Problem.history_counts) to its sessions up to
    March 31; a year it reaches on April 1 holds its sessions alone."""

    year: int  # named by its April
    count: int


@dataclass(frozen=True)
class PayYearStats:
    """One person's pay in one year of the annual pay cap a plan falls in (the fiscal year unless
    the cap's year starts in another month, models.history.pay_year_month): in the year the plan
    starts in, 年間支給済額 and the earlier plans' pay (Problem.history_pay) with its sessions'."""

    year: int  # named by the calendar year it starts in
    month: int  # the month it starts in
    pay: int | None  # yen, None when the person has no hourly rate


@dataclass(frozen=True)
class PersonStats:
    """What one person works in a roster; `desired` is their monthly wish scaled to the plan."""

    staff_id: str
    name: str
    count: int
    minutes: int
    pay: int | None  # yen, None when the person has no hourly rate
    prefer_not_days: int  # distinct dates worked although marked △
    desired: float | None
    deviation: float | None  # count - desired
    sites: tuple[str, ...]  # sites worked, most frequent first
    fiscal: tuple[FiscalYearStats, ...] = ()  # each fiscal year of the plan, the one it starts in first
    pay_years: tuple[PayYearStats, ...] = ()  # each year of the pay cap the plan falls in, its first first
    activities: tuple[tuple[str, int], ...] = ()  # (activity, sessions) for each activity worked, by name
    weekend_days: int = 0  # distinct dates worked (or 明 after a night) that are a Saturday, Sunday or holiday
    days_off: int = 0  # the plan's days with no session, no 明 (the earlier plan's last night included) and no leave
    leave_days: int = 0  # the plan's days of leave (有休, 研修: Problem.leave) not worked
    work_days: int = 0  # distinct dates with a session (a morning and an afternoon are one day; a night's 明 none)

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @property
    def year_count(self) -> int:
        """Sessions in the fiscal year the plan starts in so far: the earlier plans' and these up to March 31."""
        return self.fiscal[0].count if self.fiscal else 0

    @property
    def year_pay(self) -> int | None:
        """Yen in the pay year the plan starts in: 年間支給済額, the earlier plans' pay and these up to its end."""
        return self.pay_years[0].pay if self.pay_years else None


def plan_months(start: date, end: date) -> float:
    """How many calendar months the period covers, by the share of days of each month touched."""
    total = 0.0
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        length = calendar.monthrange(year, month)[1]
        first = max(start, date(year, month, 1))
        last = min(end, date(year, month, length))
        total += ((last - first).days + 1) / length
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return total


def pay_yen(hourly_rate: int, minutes: int) -> int:
    """Pay for `minutes` at `hourly_rate` yen per hour, rounded half up to whole yen."""
    return (hourly_rate * minutes + 30) // 60


def weekend_mornings(problem: Problem) -> bool:
    """Whether a night's 明 falling on a Saturday, Sunday or holiday counts as one worked: yes, unless
    the plan's 土日祝の偏り (weekend_spread) is on with 明けも数える set to いいえ (a ward whose 集計 counted
    its 金曜夜勤 as a Saturday after its manager had said not to)."""
    chosen = problem.rules.get("weekend_spread")
    return chosen is None or not chosen.enabled or bool(chosen.params.get("mornings", True))


def person_stats(problem: Problem, roster: Roster) -> list[PersonStats]:
    """One entry per active person and per anyone assigned, in the problem's staff order.

    Assignments naming a session or person unknown to the problem are ignored.
    """
    months = plan_months(problem.start, problem.end)
    worked: dict[str, list[Requirement]] = defaultdict(list)
    for a in roster.assignments:
        if problem.has_requirement(a.requirement_id):
            worked[a.staff_id].append(problem.requirement(a.requirement_id))
    result = []
    for staff in problem.staff:
        reqs = worked.get(staff.id, [])
        if not staff.active and not reqs:
            continue
        result.append(_stats_of(problem, staff, reqs, months))
    return result


def _stats_of(problem: Problem, staff: Staff, reqs: list[Requirement], months: float) -> PersonStats:
    minutes = sum(r.minutes for r in reqs)
    # days worked, and each night's 明, a 明 written in the marks too (last month's night, not carried in):
    # a ward's 1/1 明 had been counted as 有休など in the nurse's own schedule
    on_duty = duty_days(problem, staff.id, reqs) | {
        day for day, word in problem.day_words(staff.id).items() if word == AFTER_NIGHT}
    prefer_not = {r.date for r in reqs if problem.mark(staff.id, r.date) is Mark.PREFER_NOT}
    desired = None if staff.desired_per_month is None else staff.desired_per_month * months
    site_counts: dict[str, int] = defaultdict(int)
    activity_counts: dict[str, int] = defaultdict(int)
    for r in reqs:
        site_counts[r.site] += 1
        activity_counts[r.activity] += 1
    sites = tuple(sorted(site_counts, key=lambda s: (-site_counts[s], s)))
    return PersonStats(
        staff_id=staff.id,
        name=staff.name,
        count=len(reqs),
        minutes=minutes,
        pay=None if staff.hourly_rate is None else pay_yen(staff.hourly_rate, minutes),
        prefer_not_days=len(prefer_not),
        desired=desired,
        deviation=None if desired is None else len(reqs) - desired,
        sites=sites,
        fiscal=_fiscal(problem, staff, reqs),
        pay_years=_pay_years(problem, staff, reqs),
        activities=tuple(sorted(activity_counts.items())),
        # a Friday night's 明 takes the Saturday too (as the weekend rules count it), unless 土日祝の偏り
        # counts only the sessions that start on one (明けも数える いいえ)
        weekend_days=len({d for d in (on_duty if weekend_mornings(problem) else {r.date for r in reqs})
                          if is_weekend(d)}),
        days_off=problem.day_count() - len(on_duty | problem.leave_days(staff.id)),
        leave_days=len(problem.leave_days(staff.id) - on_duty),
        work_days=len({r.date for r in reqs}),
    )


def _fiscal(problem: Problem, staff: Staff, reqs: list[Requirement]) -> tuple[FiscalYearStats, ...]:
    """The person's count in each fiscal year of the plan (see FiscalYearStats)."""
    years = by_year(reqs, lambda r: r.date)
    first = year_of(problem.start)
    return tuple(FiscalYearStats(year, len(years.get(year, [])) + (
        problem.history_counts.get(staff.id, 0) if year == first else 0)) for year in years_of(problem))


def _pay_years(problem: Problem, staff: Staff, reqs: list[Requirement]) -> tuple[PayYearStats, ...]:
    """The person's pay in each year of the pay cap the plan falls in (see PayYearStats). Earlier plans
    that gave the person no rate are paid at this one's."""
    month = pay_year_month(problem)
    years = by_year(reqs, lambda r: r.date, month)
    result = []
    for year in years_of(problem, month):
        minutes, paid = sum(r.minutes for r in years.get(year, [])), 0
        if year == year_of(problem.start, month):  # what the plan carried in, and 年間支給済額
            minutes += problem.history_unpriced_minutes.get(staff.id, 0)
            paid = staff.paid_this_year + problem.history_pay.get(staff.id, 0)
        pay = None if staff.hourly_rate is None else paid + pay_yen(staff.hourly_rate, minutes)
        result.append(PayYearStats(year, month, pay))
    return tuple(result)


def is_weekend(day: date) -> bool:
    """Whether `day` is a Saturday, a Sunday or a national holiday (the days the sheets shade)."""
    return day.weekday() >= 5 or is_holiday(day)


def unfilled(problem: Problem, roster: Roster) -> list[tuple[Requirement, int]]:
    """Sessions with fewer people than `min_staff`, with how many are missing, by date/start/site."""
    counts: dict[str, int] = defaultdict(int)
    for a in roster.assignments:
        counts[a.requirement_id] += 1
    short = [(r, r.min_staff - counts[r.id]) for r in problem.requirements if counts[r.id] < r.min_staff]
    return sorted(short, key=lambda item: (item[0].date, item[0].start, item[0].site, item[0].activity))


def filled(needs: tuple[tuple[str, int], ...], staff) -> dict[str, int]:
    """How many of each skill's places the people fill when each counts for one skill they hold:
    a largest matching of people to places (augmenting paths; a session has a handful of each)."""
    counts = {skill: 0 for skill, _ in needs}
    for skill in _matched(needs, staff).values():
        counts[skill] += 1
    return counts


def session_roles(problem: Problem, roster: Roster) -> dict[tuple[str, str], str]:
    """(staff id, requirement id) -> the role each person takes in a session that asks skills (`roles`, its
    people in staff-ID order), however many share it; people in no role are left out. What a change of role
    is told by (models.changes): a polling station's 投票管理者 dropped out, and the other 課長 there, who took
    the role, was never told."""
    staff = {s.id: s for s in problem.staff}
    apart = skills_apart(problem.rules)
    placed: dict[str, list[Staff]] = defaultdict(list)
    for a in sorted(roster.assignments, key=lambda a: a.staff_id):
        if a.staff_id in staff and problem.has_requirement(a.requirement_id):
            placed[a.requirement_id].append(staff[a.staff_id])
    out: dict[tuple[str, str], str] = {}
    for req_id, people in placed.items():
        if needs := problem.requirement(req_id).required_skills:
            out.update({(staff_id, req_id): role for staff_id, role in roles(needs, people, apart).items()})
    return out


def printed_roles(problem: Problem, roster: Roster) -> dict[tuple[str, str], str]:
    """session_roles as paper prints them (the 配置表's `佐々木 由美（小児科医）`, a person's own schedule): not for
    a person alone in a session (a night's one doctor printed as 山田 太郎（当直可） read like a remark), nor
    for people who all take the same role when every place asks for it."""
    every = session_roles(problem, roster)
    placed: dict[str, list[str]] = defaultdict(list)
    for a in roster.assignments:
        placed[a.requirement_id].append(a.staff_id)
    out: dict[tuple[str, str], str] = {}
    for req_id, ids in placed.items():
        if len(ids) < 2:
            continue
        role = {i: every[(i, req_id)] for i in ids if (i, req_id) in every}
        needs = problem.requirement(req_id).required_skills if problem.has_requirement(req_id) else ()
        if len(role) == len(ids) and len(set(role.values())) == 1 and sum(k for _, k in needs) >= len(ids):
            # everyone in the same role that every place asks for tells nobody apart: a two-helper visit was twice
            # as wide; where it asks fewer (放課後児童支援員:1 of 2), both holding it is printed: a club's shift of two
            # 支援員 printed bare had read as having none
            continue
        out.update({(i, req_id): r for i, r in role.items()})
    return out


def has_site_sheet(problem: Problem) -> bool:
    """Whether the roster has a 会場別 sheet (models.excel.sheets_site): a plan of two sites or more."""
    return len({r.site for r in problem.requirements}) > 1


def roles(needs: tuple[tuple[str, int], ...], staff, apart: bool = True) -> dict[str, str]:
    """Staff id -> the required skill each person takes a place of (the people beyond every skill's
    count have none): what 配置表 writes beside a name (小児科医). With `apart` (設定 asks for a different
    person for each skill) as `filled` matches them; else someone holding two counts for both, and each
    person is labelled with every skill asked for that they hold (`看護師・リーダー`): a leader nurse had
    been printed as 看護師 only, and could not tell she led the session; and with the skills' places
    shared out, the nurses beyond 看護師's count were printed bare, no longer told apart from the clerks."""
    if apart:
        return {staff[person].id: _held(skill, staff[person]) for person, skill in _matched(needs, staff).items()}
    labels = {person.id: "・".join(dict.fromkeys(_held(skill, person) for skill, _ in needs if skill in person.skills))
              for person in staff}
    return {staff_id: label for staff_id, label in labels.items() if label}


def _held(skill: str, person) -> str:
    """A required skill as the person holds it: of either skill (`助産師または看護師`), the one(s) they have
    (a nurse had been printed as 助産師または看護師)."""
    if OR_SKILL not in skill:
        return skill
    return "・".join(part for part in skill.split(OR_SKILL) if part in person.skills) or skill


def _matched(needs: tuple[tuple[str, int], ...], staff) -> dict[int, str]:
    """A largest matching of people (their index in `staff`) to the places of `needs`: person -> skill."""
    places = [skill for skill, k in needs for _ in range(k)]
    holder: list[int | None] = [None] * len(places)  # the person in each place

    def seat(person: int, seen: set[int]) -> bool:
        for place, skill in enumerate(places):
            if place in seen or skill not in staff[person].skills:
                continue
            seen.add(place)
            if holder[place] is None or seat(holder[place], seen):
                holder[place] = person
                return True
        return False

    for person in range(len(staff)):
        seat(person, set())
    return {person: places[place] for place, person in enumerate(holder) if person is not None}


def skills_apart(rules: dict[str, RuleSetting]) -> bool:
    """Whether 設定 asks for a different person for each required skill of a session
    (必要スキル.スキルごとに別の職員): else someone holding two counts for both."""
    chosen = rules.get("required_skills")
    return chosen is not None and bool(chosen.params.get("distinct"))


def skills_short(problem: Problem, roster: Roster) -> dict[str, tuple[tuple[str, int], ...]]:
    """Requirement id -> each required skill its people fall short of, with how many are missing,
    counted as the required-skills rule counts them (each person for one skill when 設定 asks for a
    different person for each); empty when that rule is off."""
    chosen = problem.rules.get("required_skills")
    if chosen is not None and not chosen.enabled:
        return {}
    distinct = skills_apart(problem.rules)
    staff = {person.id: person for person in problem.staff}
    people: dict[str, list[Staff]] = defaultdict(list)
    for a in roster.assignments:
        if a.staff_id in staff:
            people[a.requirement_id].append(staff[a.staff_id])
    out: dict[str, tuple[tuple[str, int], ...]] = {}
    for req in problem.requirements:
        if not req.required_skills:
            continue
        placed = people.get(req.id, [])
        matched = filled(req.required_skills, placed) if distinct and len(req.required_skills) > 1 else None
        missing = [(skill, k - (matched[skill] if matched is not None else sum(1 for p in placed if skill in p.skills)))
                   for skill, k in req.required_skills]
        if short := tuple((skill, n) for skill, n in missing if n > 0):
            out[req.id] = short
    return out


FEW_ACTIVITIES = 6  # up to this many (a ward's shifts), each activity gets count columns of its own


def activity_columns(problem: Problem) -> list[str]:
    """The activities that get a count column per person, in rotation order: all of them when the
    plan has at most FEW_ACTIVITIES; else those whose counts 回数の偏り evens out, when it names a few
    (a nursery's 早番 and 遅番 among 8 shifts: its fairness could not be checked on paper); else none
    (a column each would not read)."""
    order = rotation_order(problem.requirements)
    if len(order) <= FEW_ACTIVITIES:
        return order
    fairness = problem.rules.get("load_spread")
    named = parse_names(fairness.params.get("activities") or "", set(order)) if fairness and fairness.enabled else ()
    return [a for a in order if a in named] if len(named) <= FEW_ACTIVITIES else []


# What other rules say again of a session cover_min finds below its minimum or cover_max above its
# most: the same people short of (or over) the target (the minimum unless a preferred count is
# given), and the skills a session without its people lacks.
SAID_WITH_COVER = {"cover_min": ("cover_target", "required_skills"), "cover_max": ("cover_target",)}


def said_once(violations: Sequence[Violation], problem: Problem | None = None) -> list[Violation]:
    """The violations as a coordinator reads them (the check listing, the 違反 sheet, the window's
    list): a session below its minimum or above its most is one entry, cover_min's or cover_max's,
    taking in what SAID_WITH_COVER says again of it (the costs added, the skills named after it:
    `…（1 名不足）。 リーダー のスキルを持つ職員が 1 名必要ですが 0 名です。`), where two or three rules
    each said it. The others as they are, in their order; the objective is the same sum of costs. With the
    `problem`, the sessions staffed above their minimum with no 目標人数 given are one entry when they are
    more than ABOVE_SAID_EACH (`_above_in_one`)."""
    covering = {v.requirement_id: v.rule_id for v in violations if v.rule_id in SAID_WITH_COVER and v.requirement_id}
    if not covering:
        return _above_in_one(list(violations), problem)
    joined: dict[str, list[Violation]] = {}
    kept: list[Violation] = []
    for v in violations:
        if v.requirement_id in covering and v.rule_id in SAID_WITH_COVER[covering[v.requirement_id]]:
            joined.setdefault(v.requirement_id, []).append(v)
        else:
            kept.append(v)
    return _above_in_one([_with(v, joined[v.requirement_id]) if v.rule_id in SAID_WITH_COVER and v.requirement_id in joined
                          else v for v in kept], problem)


# Up to this many sessions staffed above their minimum (no 目標人数 given) are listed one by one; more in one
# entry, their costs summed: a nursery's 違反 sheet listed 55-64 such lines, burying what mattered.
ABOVE_SAID_EACH = 3


def _above_in_one(violations: list[Violation], problem: Problem | None) -> list[Violation]:
    """`violations` with target cover's entries of sessions above their minimum and no 目標人数 given folded
    into one (at the first's place) when there are more than ABOVE_SAID_EACH."""
    if problem is None:
        return violations
    above = [v for v in violations if v.rule_id == "cover_target" and v.requirement_id
             and problem.has_requirement(v.requirement_id)
             and problem.requirement(v.requirement_id).preferred_staff is None]
    if len(above) <= ABOVE_SAID_EACH:
        return violations
    folded = Violation("cover_target", False, t(
        "必要人数より多く配置した枠が {n} 件あります（例: {first}）。最大人数までの配置で、ほかのルール（勤務時間の下限、"
        "希望回数など）のために入っていることが多く、1 名ごとに重みが掛かります。",
        "{n} sessions are staffed above their minimum (e.g. {first}), within their most allowed: often for other "
        "rules (least hours, desired counts); each person costs the weight.",
        n=len(above), first=above[0].message.rstrip("。.")), sum(v.cost for v in above))
    first = next(i for i, v in enumerate(violations) if v is above[0])
    ids = {id(v) for v in above}
    rest = [v for v in violations if id(v) not in ids]
    return rest[:first] + [folded] + rest[first:]


def _with(cover: Violation, others: list[Violation]) -> Violation:
    """cover_min's (or cover_max's) violation of a session with the same session's others folded in."""
    head = cover.message.split(": ", 1)[0] + ": "  # the session's label, which every message starts with
    parts = [cover.message] + [o.message[len(head):] if o.message.startswith(head) else o.message
                               for o in others if o.rule_id != "cover_target"]
    return replace(cover, hard=cover.hard or any(o.hard for o in others),
                   cost=cover.cost + sum(o.cost for o in others), message=" ".join(parts))
