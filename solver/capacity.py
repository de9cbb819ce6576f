"""Capacity pre-checks: a group of sessions that needs more people-sessions than the people who
may take them can give, each person's hard limits counted.

A group is, within a window (the plan, each month, each Monday-Sunday week, each day, and the
sessions of a day that run at one moment), all its
sessions, one activity's, or an activity group's that a per-activity limit names (準夜+深夜); and
of each of these, the sessions that need one skill, weighed against the people holding it. The
demand is each session's minimum cover (or its count of the skill); the supply is the sum over
people of an upper bound on how many of the group's sessions the hard rules let that person work:
- the sessions they may be paired with at all (solver.eligibility: availability, skills' zero
  limits, a session longer than a minutes limit...);
- on each day, as many as do not pairwise clash (no_overlap, travel time counted) and fit each
  budget on its own;
- each hard rule's budgets (`Rule.budgets`: sessions per day, week, month or plan, minutes, pay),
  the cheapest sessions taken first;
- each per-activity limit (max_per_activity), plus what the person may work outside it;
- runs of days (max_consecutive_days), the plan's days alone (days before it only shorten runs);
- the days a person may work at all: the plan's days less their days off (min_days_off), and the
  days of each week (max_days_per_week), the busiest days taken first (the earlier plan's days of
  the first week, and 明, only lower the true figure).
Each bound is one the rules imply, the person's the smallest of them, so a demand above the supply
is certain, never a guess. Single sessions are left to the per-session checks (solver.precheck).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple

from models.domain import Problem, Requirement, Staff, time_range, week_start
from models.i18n import t
from solver.eligibility import Screen
from solver.rules.base import Budget, Rule
from solver.rules.counting import md, period_key, period_name
from solver.rules.max_consecutive_days import RULE as RUNS
from solver.rules.max_days_per_week import RULE as WEEK_DAYS
from solver.rules.max_days_per_month import RULE as MONTH_DAYS
from solver.rules.max_double_days import RULE as DOUBLE_DAYS
from solver.rules.min_days_off import RULE as DAYS_OFF
from solver.rules.max_per_activity import RULE as PER_ACTIVITY
from solver.rules.no_overlap import clash
from solver.rules.period_limit import PeriodLimit

CAPACITY_SECONDS = 5.0  # the groups of a very large plan are weighed for this long at most
MAX_REPORTED = 4  # shortfalls said in full; the rest are counted
EXACT_CLASHES = 16  # up to this many sessions a day, the most that do not clash is found exactly
NOT_AVAILABLE = ""  # the reason of a person who may take none of a group's sessions


def is_hard(screen: Screen, rule_id: str) -> bool:
    """Whether the rule is in the catalogue the screen holds, enabled and hard."""
    info = next((r.info for r in screen.rules if r.info.id == rule_id), None)
    return info is not None and screen.setting(info).enabled and screen.setting(info).hard


def eligible_ids(screen: Screen, staff: Staff, sessions: Iterable[Requirement] | None = None) -> set[str]:
    """Of `sessions` (else the plan's), the ids of those the solver would pair with the person
    (Screen.eligible), each filter's test looked up once for the person rather than once a pair."""
    if not staff.active:
        return set()
    found_tests = (rule.screen(screen, staff) for rule in screen.filters)  # type: ignore[arg-type]
    tests = [test for test in found_tests if test is not None]
    sessions = screen.problem.requirements if sessions is None else sessions
    found = {req.id for req in sessions if all(test(req) for test in tests)}
    return found | {req_id for staff_id, req_id in screen.locked if staff_id == staff.id}


class Bound(NamedTuple):
    """At most `most` of a group's sessions for one person; `why` names the limit that says so."""

    most: int
    why: str


def fit(uses: Iterable[int], room: int) -> int:
    """How many of the uses fit in `room`, the smallest first."""
    n = total = 0
    for use in sorted(uses):
        total += use
        if total > room:
            break
        n += 1
    return n


def longest_runs(days: list[date], most: dict[date, int], longest: int) -> int:
    """The most sessions over `days` (`most[day]` at most on each) when no more than `longest`
    days in a row may be worked."""
    none = -1
    best = [0] + [none] * longest  # best[r]: the most with a run of r days ending today
    for day in days:
        m = most.get(day, 0)
        new = [max(best)] + [none] * longest
        if m > 0:
            for run in range(1, longest + 1):
                if best[run - 1] != none:
                    new[run] = best[run - 1] + m
        best = new
    return max(best)


class Person:
    """One person's hard limits, looked up once, and the bound they put on any group of sessions."""

    def __init__(self, staff: Staff, screen: Screen, sessions: list[Requirement], most_apart: Callable[[tuple], int]):
        self.staff = staff
        self.problem = problem = screen.problem
        self.days = problem.days()
        self.plan_days = frozenset(self.days)
        self.eligible = eligible_ids(screen, staff, sessions)
        known = frozenset(req.activity for req in problem.requirements)
        self.budgets = [(rule, b) for rule in screen.rules
                        for b in rule.budgets(screen, staff)]  # type: ignore[arg-type]
        self.limits = PER_ACTIVITY.limits(problem, staff, known) if is_hard(screen, PER_ACTIVITY.info.id) else []
        longest = screen.limit(RUNS.info, "max_consecutive_days", staff) if is_hard(screen, RUNS.info.id) else None
        self.longest = None if longest is None else int(longest)
        # days a person may work at all: the plan's days less their days off (min_days_off), and per week
        off = screen.limit(DAYS_OFF.info, "min_days_off", staff) if is_hard(screen, DAYS_OFF.info.id) else None
        self.days_off = None if off is None else int(off)
        week = screen.limit(WEEK_DAYS.info, "max_days_per_week", staff) if is_hard(screen, WEEK_DAYS.info.id) else None
        self.week_days = None if week is None else int(week)
        month = screen.limit(MONTH_DAYS.info, "max_days_per_month", staff) if is_hard(screen, MONTH_DAYS.info.id) \
            else None
        self.month_days = None if month is None else int(month)
        double = screen.limit(DOUBLE_DAYS.info, "max_double_days", staff) if is_hard(screen, DOUBLE_DAYS.info.id) \
            else None
        self.double_days = None if double is None else int(double)
        self.most_apart = most_apart if is_hard(screen, "no_overlap") else None

    def bound(self, sessions: list[Requirement]) -> Bound:
        """The tightest bound the person's hard rules put on how many of `sessions` they work."""
        mine = [req for req in sessions if req.id in self.eligible]
        if not mine:
            return Bound(0, NOT_AVAILABLE)
        by_day: dict[date, list[Requirement]] = defaultdict(list)
        for req in mine:
            by_day[req.date].append(req)
        per_day: dict[date, int] = {}
        cut: dict[str, int] = defaultdict(int)
        for day, todays in by_day.items():
            most, why = len(todays), ""
            if self.most_apart is not None and len(todays) > 1:
                apart = self.most_apart(tuple(sorted(req.id for req in todays)))
                if apart < most:
                    most, why = apart, overlap_reason(self.problem, todays)
            for rule, budget in self.budgets:
                room = budget.room - budget.spent.get(budget.period(todays[0]), 0)
                n = fit((budget.use(req) for req in todays), room)
                if n < most:
                    most, why = n, describe(rule, budget, budget.spent.get(budget.period(todays[0]), 0))
            per_day[day] = most
            if why:
                cut[why] += len(todays) - most
        # each bound below starts from the days' counts: it is named only where it cuts further
        best = Bound(len(mine), t("勤務できる枠", "sessions they may work"))
        if cut:
            best = min(best, Bound(sum(per_day.values()), max(cut, key=cut.__getitem__)), key=_most)
        for limit in self.limits:
            if any(req.activity in limit.activities for req in mine):
                outside = sum(min(per_day[day], sum(1 for r in todays if r.activity not in limit.activities))
                              for day, todays in by_day.items())
                best = min(best, Bound(limit.most + outside, t("内容別上限 {name}", "limit per activity {name}",
                                                               name=limit.name)), key=_most)
        for rule, budget in self.budgets:
            periods: dict[object, list[int]] = defaultdict(list)
            for day, todays in by_day.items():
                periods[budget.period(todays[0])] += sorted(budget.use(req) for req in todays)[:per_day[day]]
            most = sum(fit(uses, budget.room - budget.spent.get(key, 0)) for key, uses in periods.items())
            # what earlier plans used of it: 21 of a week's 29 hours were April's, unsaid beside 5/1
            spent = sum(budget.spent.get(key, 0) for key in periods)
            best = min(best, Bound(most, describe(rule, budget, spent)), key=_most)
        if self.days_off is not None:  # at most the plan's days less the days off, the busiest of them
            room = max(0, len(self.days) - self.days_off)
            top = sum(sorted((n for day, n in per_day.items() if day in self.plan_days), reverse=True)[:room])
            best = min(best, Bound(top + sum(n for day, n in per_day.items() if day not in self.plan_days),
                                   t("{title} {n} 日", "{title} {n} days", title=t(DAYS_OFF.info.title_ja,
                                     DAYS_OFF.info.title_en), n=self.days_off)), key=_most)
        if self.week_days is not None:  # in each week, its busiest days up to the limit
            weeks: dict[date, list[int]] = defaultdict(list)
            for day, n in per_day.items():
                weeks[week_start(day)].append(n)
            top = sum(sum(sorted(ns, reverse=True)[:self.week_days]) for ns in weeks.values())
            best = min(best, Bound(top, t("{title} {n} 日", "{title} {n} days", title=t(WEEK_DAYS.info.title_ja,
                                          WEEK_DAYS.info.title_en), n=self.week_days)), key=_most)
        if self.month_days is not None or self.double_days is not None:
            best = min(best, self._days_bound(per_day), key=_most)
        if self.longest is not None:  # the rule counts runs of the plan's days only
            inside = {day: most for day, most in per_day.items() if day in self.plan_days}
            runs = longest_runs(self.days, inside, self.longest) + sum(per_day.values()) - sum(inside.values())
            best = min(best, Bound(runs,
                                   t("{title} {n} 日", "{title} {n} days",
                                     title=t(RUNS.info.title_ja, RUNS.info.title_en), n=self.longest)), key=_most)
        return best


    def _days_bound(self, per_day: dict[date, int]) -> Bound:
        """The days of each month up to its limit (月の勤務日数の上限), one session each, and more on at
        most as many days as 2枠以上入る日数の上限 allows, their biggest: a polling office's 91 people at
        3 days and 2 full ones could give 455 of the 523 sessions, told "not found in time"."""
        months: dict[tuple[int, int], list[int]] = defaultdict(list)
        for day, n in per_day.items():
            if n:
                months[(day.year, day.month)].append(n)
        room = self.month_days
        if self.double_days is None:
            most = sum(sum(sorted(ns, reverse=True)[:room]) for ns in months.values())
        else:
            days = sum(len(ns) if room is None else min(room, len(ns)) for ns in months.values())
            extra = sorted((n - 1 for ns in months.values() for n in ns if n > 1), reverse=True)
            most = days + sum(extra[:min(self.double_days, days)])
        named = [(rule.info, n) for rule, n in ((MONTH_DAYS, self.month_days), (DOUBLE_DAYS, self.double_days))
                 if n is not None]
        return Bound(most, "・".join(t("{title} {n} 日", "{title} {n} days", title=t(info.title_ja, info.title_en), n=n)
                                    for info, n in named))


def _most(bound: Bound) -> int:
    return bound.most


def describe(rule: Rule, budget: Budget, spent: int = 0) -> str:
    """A budget as a person reads it: the rule's title and its room (`Max per week (2)`), and what
    of it earlier plans' rosters used (`勤務時間の上限（29時間、うち 21時間 は前の計画で勤務済み）`)."""
    title = t(rule.info.title_ja, rule.info.title_en)
    show = getattr(rule, "show", None)
    if isinstance(rule, PeriodLimit):
        room, used = t("{n} 回", "{n}", n=budget.room), t("{n} 回", "{n}", n=spent)
    elif show is not None:
        room, used = show(budget.room), show(spent)
    else:
        return title
    if spent:
        room += t("、うち {u} は前の計画で勤務済み", ", {u} of it worked in the earlier plan", u=used)
    return t("{title}（{room}）", "{title} ({room})", title=title, room=room)


def overlap_reason(problem: Problem, todays: list[Requirement]) -> str:
    """Why one person cannot work all of one day's sessions: hours that overlap, or too little
    time between them to travel between their sites (the longest such travel time named)."""
    travel = [problem.travel_minutes(a.site, b.site) for i, a in enumerate(todays) for b in todays[i + 1:]
              if clash(problem, a, b) and not (a.start < b.end and b.start < a.end)]
    if not travel:
        return t("時間の重なる枠", "sessions whose hours overlap")
    return t("時間の重なり・会場間の移動 {m} 分", "sessions that overlap or are less than the {m}-minute travel "
             "time between their sites apart", m=max(travel))


def clashes_apart(problem: Problem) -> Callable[[tuple], int]:
    """The most of one day's sessions (ids, sorted) one person can work: exactly, the sessions
    that pairwise do not clash (no_overlap.clash) for up to EXACT_CLASHES of them, else the most
    whose hours do not overlap (no fewer)."""

    @lru_cache(maxsize=None)
    def most_apart(ids: tuple) -> int:
        reqs = [problem.requirement(i) for i in ids]
        if len(reqs) > EXACT_CLASHES:
            n, free_from = 0, -1
            for req in sorted(reqs, key=lambda r: r.end):
                if req.start >= free_from:
                    n, free_from = n + 1, req.end
            return n
        near = [sum(1 << j for j, b in enumerate(reqs) if j != i and clash(problem, a, b)) for i, a in enumerate(reqs)]

        @lru_cache(maxsize=None)
        def best(left: int) -> int:
            if not left:
                return 0
            i = left.bit_length() - 1
            rest = left & ~(1 << i)
            return max(best(rest), 1 + best(rest & ~near[i]))

        return best((1 << len(reqs)) - 1)

    return most_apart


@dataclass(frozen=True)
class Shortfall:
    """A group of sessions needing `need` people-sessions (with `skill`, else any) where the people
    who could take them can give at most the sum of `bounds`."""

    window: tuple[str, date]  # ("plan" | "month" | "week" | "day" | "hours", its first day)
    sessions: tuple[Requirement, ...]
    skill: str | None
    needs: tuple[int, ...]  # each session's
    bounds: tuple[tuple[Staff, Bound], ...]

    @property
    def need(self) -> int:
        return sum(self.needs)

    @property
    def can(self) -> int:
        return sum(b.most for _, b in self.bounds)

    @property
    def short(self) -> int:
        return self.need - self.can

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(req.id for req in self.sessions)

    def sentence(self, problem: Problem) -> str:
        each = sorted(set(self.needs))
        per = str(each[0]) if len(each) == 1 else f"{each[0]}-{each[-1]}"
        able = tuple((staff, b) for staff, b in self.bounds if b.why != NOT_AVAILABLE)
        values = dict(sessions=_sessions(self.sessions), need=self.need, per=per, can=self.can, n=len(able),
                      skill=self.skill, reasons=_reasons(able), window=_window(problem, *self.window, self.sessions))
        if len(self.sessions) > 3:
            values["sessions"] = t("{window} の{sessions}", "{sessions} in {window}", **values)
        if not able:
            values["n"] = len(self.bounds)
            text = (t("{sessions} には延べ {need} 名（各 {per} 名）が必要ですが、職員 {n} 名とも勤務できません。",
                      "{sessions} need {need} people-sessions ({per} each), but none of the {n} staff can take them.",
                      **values)
                    if self.skill is None else
                    t("{sessions} には {skill} のスキルを持つ職員が延べ {need} 名（各 {per} 名）必要ですが、{skill} の"
                      "職員 {n} 名とも勤務できません。",
                      "{sessions} need {need} people-sessions with skill {skill} ({per} each), but none of the "
                      "{n} people with {skill} can take them.", **values))
        elif self.skill is None:
            text = t("{sessions} には延べ {need} 名（各 {per} 名）が必要ですが、入れる職員 {n} 名で延べ {can} 名までです"
                     "（{reasons}）。",
                     "{sessions} need {need} people-sessions ({per} each), but the {who} who can take them can "
                     "work at most {can} ({reasons}).", who=_people(len(able), "staff member", "staff"), **values)
        else:
            text = t("{sessions} には {skill} のスキルを持つ職員が延べ {need} 名（各 {per} 名）必要ですが、入れる {skill} の"
                     "職員 {n} 名で延べ {can} 名までです（{reasons}）。",
                     "{sessions} need {need} people-sessions with skill {skill} ({per} each), but the {who} with "
                     "{skill} who can take them can work at most {can} ({reasons}).",
                     who=_people(len(able), "person", "people"), **values)
        away = [staff for staff, b in self.bounds if b.why == NOT_AVAILABLE]
        if away and able:
            text += " " + (t("{names} は勤務できません。", "{names} cannot take any.",
                             names=t("、", ", ").join(s.name or s.id for s in away)) if len(away) <= 2 else
                           t("ほか {n} 名は勤務できません。", "{n} others cannot take any.", n=len(away)))
        return text[:1].upper() + text[1:]


def _people(n: int, one: str, many: str) -> str:
    """`1 person`, `3 people` (English only: the Japanese says 名)."""
    return f"{n} {one if n == 1 else many}"


def _need(req: Requirement, skill: str | None, cover: bool, skills: bool) -> int:
    """The people the session needs: with `skill`, its count of it; else its minimum cover (and
    no fewer than any one skill's count)."""
    counts = dict(req.required_skills) if skills else {}
    if skill is not None:
        return counts.get(skill, 0)
    return max([req.min_staff if cover else 0, *counts.values()])


def _sessions(sessions: tuple[Requirement, ...]) -> str:
    if len(sessions) <= 3:
        return t("、", " and ").join(req.label() for req in sessions)
    activities = list(dict.fromkeys(req.activity for req in sessions))
    names = t("・", " and ").join(activities) if len(activities) <= 3 else t("各内容", "all activities")
    return t("{names}（{n} 枠）", "the {n} sessions of {names}", names=names, n=len(sessions))


def _window(problem: Problem, kind: str, first: date, sessions: tuple[Requirement, ...] = ()) -> str:
    if kind == "hours":  # the moment the sessions share
        return f"{md(first)} {time_range(max(r.start for r in sessions), min(r.end for r in sessions))}"
    if kind == "plan":
        return t("{a}〜{b}", "{a}-{b}", a=md(problem.start), b=md(problem.end))
    if kind == "day":
        return md(first)
    return period_name(kind, first)


def _reasons(bounds: tuple[tuple[Staff, Bound], ...]) -> str:
    """What limits the people who can take some, grouped: `内容別上限 準夜+深夜: 9 回 × 17 名`."""
    groups: dict[str, list[tuple[Staff, int]]] = defaultdict(list)
    for staff, b in bounds:
        groups[b.why].append((staff, b.most))
    parts = []
    for why, members in sorted(groups.items(), key=lambda g: -sum(m for _, m in g[1])):
        names = t("、", ", ").join(s.name or s.id for s, _ in members)
        most = {m for _, m in members}
        if len(members) == 1:
            parts.append(t("{name}: {m} 回（{why}）", "{name}: {m} ({why})", name=names, m=members[0][1], why=why))
        elif len(most) == 1:
            parts.append(t("{why}: {m} 回 × {n} 名", "{why}: {m} each for {n} people", why=why, m=most.pop(),
                           n=len(members)))
        else:
            parts.append(t("{why}: {n} 名で計 {m} 回", "{why}: {m} in all for {n} people", why=why,
                           m=sum(m for _, m in members), n=len(members)))
    return t("、", "; ").join(parts)


def _windows(problem: Problem) -> list[tuple[str, date, list[Requirement]]]:
    """The plan, its months, its weeks and its days, each with its sessions (the wider first), then
    the hours of a day when several sessions run at once (`hours`: nobody works two of them)."""
    out: list[tuple[str, date, list[Requirement]]] = [("plan", problem.start, list(problem.requirements))]
    for kind in ("month", "week", "day"):
        found: dict[date, list[Requirement]] = defaultdict(list)
        for req in problem.requirements:
            found[req.date if kind == "day" else period_key(kind, req.date)].append(req)
        out += [(kind, key, reqs) for key, reqs in sorted(found.items())]
    out += [("hours", day, reqs) for day, todays in sorted(found.items()) for reqs in at_once(todays)]
    return out


def at_once(todays: list[Requirement]) -> list[list[Requirement]]:
    """The largest sets of one day's sessions that all run at one moment (each the sessions running
    as one of them starts), two sessions or more, none inside another: two 13:00-16:30 check-ups
    that need a clerk each, where the day's morning session hid that one clerk could take both."""
    sets = {frozenset(r.id for r in todays if r.start <= start < r.end) for start in {r.start for r in todays}}
    largest = [ids for ids in sets if len(ids) > 1 and not any(ids < other for other in sets)]
    order = {r.id: r for r in todays}
    return [sorted((order[i] for i in ids), key=lambda r: (r.start, r.site, r.activity))
            for ids in sorted(largest, key=lambda ids: min(order[i].start for i in ids))]


def shortfalls(problem: Problem, screen: Screen, seconds: float = CAPACITY_SECONDS) -> list[Shortfall]:
    """Every group of sessions whose demand is above what its people can give (see the module)."""
    cover, skills = is_hard(screen, "cover_min"), is_hard(screen, "required_skills")
    if not (cover or skills):
        return []
    wanted = [req for req in problem.requirements if _need(req, None, cover, skills) > 0]
    if not wanted:
        return []
    deadline = time.monotonic() + seconds
    known = frozenset(req.activity for req in problem.requirements)
    apart = clashes_apart(problem)
    people = []
    for staff in problem.active_staff():
        if time.monotonic() > deadline:
            return []  # without everyone's bound no group's supply is known
        people.append(Person(staff, screen, wanted, apart))
    groups = sorted({limit.activities & known for p in people for limit in p.limits
                     if len(limit.activities & known) > 1},
                    key=sorted)
    kinds: list[frozenset[str] | None] = [None, *(frozenset({a}) for a in sorted(known)), *groups]
    needed = sorted({skill for req in problem.requirements for skill, _ in req.required_skills}) if skills else []
    # each group weighed once; the sessions of one day found first in a wider window (a plan's or a
    # week's that holds that day alone) are named by their day
    seen: dict[tuple[frozenset[str], str | None], int | None] = {}
    found: list[Shortfall] = []
    for kind, first, in_window in _windows(problem.with_(requirements=wanted)):
        for activities in kinds:
            chosen = [req for req in in_window if activities is None or req.activity in activities]
            for skill in [None, *needed]:
                group = tuple(req for req in chosen if _need(req, skill, cover, skills) > 0)
                key = (frozenset(req.id for req in group), skill)
                if not group:
                    continue
                if key in seen:
                    if (at := seen[key]) is not None and kind == "day":
                        found[at] = replace(found[at], window=(kind, first))
                    continue
                seen[key] = None
                if time.monotonic() > deadline:
                    return _telling(found)
                needs = tuple(_need(req, skill, cover, skills) for req in group)
                holders = [p for p in people if skill is None or skill in p.staff.skills]
                bounds = tuple((p.staff, p.bound(list(group))) for p in holders)
                if sum(needs) > sum(b.most for _, b in bounds):
                    seen[key] = len(found)
                    found.append(Shortfall((kind, first), group, skill, needs, bounds))
    return _telling(found)


def _telling(found: list[Shortfall]) -> list[Shortfall]:
    """The shortfalls that say something of their own: a group's is kept when it is larger than
    those of the narrower groups kept inside it (a week short by the one day short inside it is
    that day's shortfall again; a skill's counts inside the same sessions' for anyone)."""
    kept: list[Shortfall] = []
    for f in sorted(found, key=lambda f: (len(f.sessions), f.skill is None, f.window[1])):
        inside = sum(g.short for g in kept if f.skill in (g.skill, None) and g.ids <= f.ids)
        if f.short > inside:
            kept.append(f)
    return kept


def capacity_sentences(problem: Problem, screen: Screen) -> list[str]:
    """The shortfalls of two sessions or more in words (solver.precheck names single sessions), the
    largest first; beyond MAX_REPORTED only their number."""
    found = [f for f in shortfalls(problem, screen) if len(f.sessions) > 1]
    found.sort(key=lambda f: (-f.short, f.window[1], len(f.sessions)))
    out = [f.sentence(problem) for f in found[:MAX_REPORTED]]
    if len(found) > MAX_REPORTED:
        out.append(t("ほかにも人手の足りない枠のまとまりが {n} 件あります。",
                     "{n} more groups of sessions are short of people in the same way.", n=len(found) - MAX_REPORTED))
    return out
