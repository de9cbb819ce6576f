"""A roster that proves a generated plan feasible, built greedily without CP-SAT.

The greedy keeps every hard rule the solver knows for these plans: availability (and half days),
required skills, minimum and maximum staff, no overlap with travel buffers, per-day/week/month
limits, consecutive days and the annual pay cap. Where no one who said ○ can take a slot, one
person who wrote ×/blank that day is turned to ○ (a "repair"); where not even that works, the
session is dropped. The sample has neither, which tests check.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from models.domain import Mark, Problem, Requirement, Roster, Staff, week_start


@dataclass
class Plan:
    """A generated plan: the problem as the importer should read it, and a roster proving it feasible."""

    problem: Problem
    witness: Roster
    repairs: int  # availability marks turned to ○ so that every session could be covered
    dropped: int  # sessions left out because no one at all could cover them


class _Load:
    """What each person has taken so far, with the checks for one more session."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.day: dict[tuple[str, date], list[Requirement]] = defaultdict(list)
        self.week: dict[tuple[str, date], int] = defaultdict(int)
        self.month: dict[tuple[str, int, int], int] = defaultdict(int)
        self.total: dict[str, int] = defaultdict(int)
        self.pay_minutes: dict[str, int] = defaultdict(int)

    def fits(self, s: Staff, r: Requirement) -> bool:
        """Whether `s` can take `r` on top of what they have, ignoring availability."""
        today = self.day[(s.id, r.date)]
        if s.max_per_day is not None and len(today) >= s.max_per_day:
            return False
        if s.max_per_week is not None and self.week[(s.id, week_start(r.date))] >= s.max_per_week:
            return False
        if s.max_per_month is not None and self.month[(s.id, r.date.year, r.date.month)] >= s.max_per_month:
            return False
        for other in today:
            gap = self.problem.travel_minutes(other.site, r.site)
            if not (other.end + gap <= r.start or r.end + gap <= other.start):
                return False
        if s.annual_pay_cap is not None and s.hourly_rate is not None:
            spent = s.hourly_rate * (self.pay_minutes[s.id] + r.minutes)
            if spent > 60 * (s.annual_pay_cap - s.paid_this_year):
                return False
        limit = s.max_consecutive_days
        return limit is None or bool(today) or self._run(s.id, r.date) <= limit

    def _run(self, staff_id: str, day: date) -> int:
        """Length of the run of working days `day` would join."""
        run = 1
        for step in (-1, 1):
            d = day + timedelta(days=step)
            while self.day.get((staff_id, d)):
                run += 1
                d += timedelta(days=step)
        return run

    def take(self, s: Staff, r: Requirement) -> None:
        self.day[(s.id, r.date)].append(r)
        self.week[(s.id, week_start(r.date))] += 1
        self.month[(s.id, r.date.year, r.date.month)] += 1
        self.total[s.id] += 1
        self.pay_minutes[s.id] += r.minutes

    def release(self, s: Staff, r: Requirement) -> None:
        self.day[(s.id, r.date)].remove(r)
        self.week[(s.id, week_start(r.date))] -= 1
        self.month[(s.id, r.date.year, r.date.month)] -= 1
        self.total[s.id] -= 1
        self.pay_minutes[s.id] -= r.minutes

    def fill(self, s: Staff, r: Requirement) -> float:
        """How full this person's month already is (0 = free, 1 = at their limit)."""
        cap = s.max_per_month or 20
        return self.month[(s.id, r.date.year, r.date.month)] / cap


def _willing(marks: dict[tuple[str, date], Mark], s: Staff, r: Requirement) -> bool:
    """Said ○ (or the matching half day); the witness never leans on △."""
    mark = marks.get((s.id, r.date))
    return mark is not None and mark is not Mark.PREFER_NOT and mark.allows(r.start, r.end)


def cover(problem: Problem, rng: random.Random) -> Plan:
    """Cover every session of `problem`; returns the (possibly repaired) problem and its witness."""
    marks = dict(problem.availability)
    load = _Load(problem)
    people = [s for s in problem.staff if s.active]
    by_day: dict[date, list[Staff]] = defaultdict(list)  # who wrote anything but ×/△ that day
    for s in people:
        for day in problem.days():
            if marks.get((s.id, day)) in (Mark.AVAILABLE, Mark.AM_ONLY, Mark.PM_ONLY):
                by_day[day].append(s)
    willing: dict[tuple[date, int, int], list[Staff]] = {}  # by session date and times

    def willing_for(r: Requirement) -> list[Staff]:
        key = (r.date, r.start, r.end)
        if key not in willing:
            willing[key] = [s for s in by_day[r.date] if _willing(marks, s, r)]
        return willing[key]

    needed = sorted({skill for r in problem.requirements for skill, _ in r.required_skills})
    scarce = {skill: 1.0 / max(1, sum(skill in s.skills for s in people)) for skill in needed}

    def tightness(r: Requirement) -> tuple[float, str]:
        ok = willing_for(r)
        ratio = len(ok) / max(1, r.min_staff)
        for skill, k in r.required_skills:
            ratio = min(ratio, sum(skill in s.skills for s in ok) / k)
        return ratio, r.id

    pairs: list[tuple[str, str]] = []
    repairs = 0
    kept: set[str] = set()
    for req in sorted(problem.requirements, key=tightness):
        picker = _Picker(req, people, willing_for(req), marks, load, rng, scarce)
        chosen = picker.staff_session()
        if chosen is None:
            continue
        if picker.repaired:  # the repaired people are now ○ for the whole day
            repairs += len(picker.repaired)
            by_day[req.date] += [s for s, _ in picker.repaired]
            for key in [k for k in willing if k[0] == req.date]:
                del willing[key]
        kept.add(req.id)
        pairs += [(s.id, req.id) for s in chosen]
    requirements = [r for r in problem.requirements if r.id in kept]
    fixed = problem.with_(availability=marks, requirements=requirements)
    dropped = len(problem.requirements) - len(requirements)
    return Plan(fixed, Roster.from_pairs(pairs), repairs, dropped)


@dataclass
class _Picker:
    """Chooses the people for one session, skills first, the least busy first."""

    req: Requirement
    people: list[Staff]
    willing: list[Staff]  # the people who said they can work this session
    marks: dict[tuple[str, date], Mark]
    load: _Load
    rng: random.Random
    scarce: dict[str, float]

    def __post_init__(self) -> None:
        self.repaired: list[tuple[Staff, Mark | None]] = []
        self.areas = {site.name: site.area or site.name for site in self.load.problem.sites}

    def staff_session(self) -> list[Staff] | None:
        """The chosen people, already taken in `load`; None (and nothing taken) when impossible."""
        req = self.req
        chosen: list[Staff] = []
        wants = sorted(req.required_skills, key=lambda sk: -self.scarce.get(sk[0], 0))
        slots = [skill for skill, k in wants for _ in range(k)] + [""] * req.min_staff
        for skill in slots:
            if len(chosen) >= req.min_staff and not skill:
                break
            if skill and sum(skill in s.skills for s in chosen) >= slots.count(skill):
                continue
            pick = self._pick(skill, {s.id for s in chosen})
            if pick is None:
                self._undo(chosen)
                return None
            chosen.append(pick)
            self.load.take(pick, req)
        return chosen

    def _pick(self, skill: str, taken: set[str]) -> Staff | None:
        req, load = self.req, self.load

        def fits(s: Staff) -> bool:
            return s.id not in taken and (not skill or skill in s.skills) and load.fits(s, req)

        def score(s: Staff) -> float:
            spare = sum(self.scarce.get(k, 0) for k in s.skills) * 3 if not skill else 0.0
            away = 0.3 if self.areas.get(s.home, s.home) != self.areas.get(req.site, req.site) else 0.0
            return load.fill(s, req) + spare + away + self.rng.random() * 0.25

        ranked = sorted(
            (score(s), i, s)
            for i, s in enumerate(self.willing)
            if s.id not in taken and (not skill or skill in s.skills)
        )
        for _, _, s in ranked:  # the best-scored person whose limits still allow one more
            if load.fits(s, req):
                return s
        pool = [s for s in self.people if fits(s)]  # nobody said ○: ask who left the day ×/blank
        if not pool:
            return None
        pick = min(pool, key=score)
        self.repaired.append((pick, self.marks.get((pick.id, req.date))))
        self.marks[(pick.id, req.date)] = Mark.AVAILABLE
        return pick

    def _undo(self, chosen: list[Staff]) -> None:
        for s in chosen:
            self.load.release(s, self.req)
        for s, old in self.repaired:
            if old is None:
                del self.marks[(s.id, self.req.date)]
            else:
                self.marks[(s.id, self.req.date)] = old
        self.repaired.clear()
