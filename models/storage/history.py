"""What a plan carries in from the plans before it, worked out afresh whenever it is loaded.

The sequence rules need the days each person worked just before the plan starts (runs of working
days and days off) and the sessions of its eve (forbidden successions and minimum rest across the
edge); the weekly limits the sessions earlier in the week the plan starts in; fiscal-year fairness
how many sessions each person had earlier in the fiscal year (April to March), and the annual pay
cap what they earned earlier in its year (the fiscal year, unless the rule starts it in another
month: January for a calendar year): each earlier plan's sessions at the hourly rate that plan
gave the person (its own, not today's), the minutes of a plan that gave none kept apart, to be
paid at today's. All of it comes from the earlier plans' rosters in the database: each plan's
newest published version, or its newest version when none is published (a draft, said in
`HistorySource.published`). A session that two plans hold (one month imported twice under two
names) counts once, from the better roster: published before draft, then the newer one.
Nothing of it is stored with the plan, so a re-solved or newly published earlier plan is what the
next load sees. The counts and pay are of the year the plan starts in: a plan that crosses April 1
(or the pay year's first day) counts them with its sessions before it only, and its sessions from
then on start the new year from nothing (the earlier plans all lie before it; models.history.years_of).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.domain import HistorySource, Requirement, days_taken, week_start
from models.history import FISCAL_MONTH, LOOKBACK_DAYS, fiscal_year_start, year_start
from models.stats import is_weekend, pay_yen
from models.storage import plan_staff, solutions
from models.storage.orm import AssignmentRow, PlanRow, RequirementRow, SiteRow, StaffRow, held

__all__ = ["LOOKBACK_DAYS", "carried", "fiscal_year_start"]


@dataclass
class _Tally:
    """The Problem.history_* fields being added up, one earlier plan at a time."""

    start: date
    pay_from: date  # the first day of the pay year the plan starts in
    days: dict[str, set[date]] = field(default_factory=lambda: defaultdict(set))
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    weekend: dict[str, set[date]] = field(default_factory=lambda: defaultdict(set))
    pay: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unpriced: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    eve: dict[str, list[Requirement]] = field(default_factory=lambda: defaultdict(list))
    week: dict[str, list[Requirement]] = field(default_factory=lambda: defaultdict(list))
    nights: dict[str, list[Requirement]] = field(default_factory=lambda: defaultdict(list))

    def add_plan(self, worked: list[tuple[str, Requirement]], rates: dict[str, int]) -> None:
        """One earlier plan's counted sessions (staff id, session); `rates` the hourly rates it gave."""
        minutes: dict[str, int] = defaultdict(int)
        for staff, req in worked:
            if req.date >= fiscal_year_start(self.start):
                self.counts[staff] += 1
                self.weekend[staff].update(d for d in days_taken(req)
                                           if is_weekend(d) and fiscal_year_start(self.start) <= d < self.start)
            if req.date >= self.pay_from:
                minutes[staff] += req.minutes
            # the days it kept its person from a day off: a night's 明 too, when still before the plan
            self.days[staff].update(d for d in days_taken(req)
                                    if self.start - timedelta(days=LOOKBACK_DAYS) <= d < self.start)
            if len(days_taken(req)) > 1 and self.start - timedelta(days=LOOKBACK_DAYS) <= req.date < self.start:
                self.nights[staff].append(req)
            if req.date == self.start - timedelta(days=1):
                self.eve[staff].append(req)
            if req.date >= week_start(self.start):
                self.week[staff].append(req)
        for staff, n in minutes.items():  # each plan's pay in whole yen, as its own statistics show it
            if staff in rates:
                self.pay[staff] += pay_yen(rates[staff], n)
            else:
                self.unpriced[staff] += n

    def fields(self, sources: list[HistorySource]) -> dict[str, Any]:
        return {
            "history": {s: tuple(sorted(days)) for s, days in sorted(self.days.items())},
            "history_counts": dict(sorted(self.counts.items())),
            "history_weekend_days": {s: len(days) for s, days in sorted(self.weekend.items()) if days},
            "history_pay": dict(sorted(self.pay.items())),
            "history_unpriced_minutes": dict(sorted(self.unpriced.items())),
            "history_sessions": {s: tuple(sorted(reqs, key=lambda r: (r.start, r.id))) for s, reqs in sorted(self.eve.items())},
            "history_week": {s: tuple(sorted(reqs, key=lambda r: (r.date, r.start, r.id)))
                             for s, reqs in sorted(self.week.items())},
            "history_nights": {s: tuple(sorted(reqs, key=lambda r: (r.date, r.start, r.id)))
                               for s, reqs in sorted(self.nights.items())},
            "history_sources": tuple(sorted(sources, key=lambda h: (h.start, h.end, h.plan))),
        }


def carried(session: Session, start: date, plan_name: str | None = None,
            pay_month: int = FISCAL_MONTH, staff: Collection[str] | None = None) -> dict[str, Any]:
    """The Problem.history_* fields of a plan starting on `start` (`plan_name` itself left out), by name;
    the pay of the year starting in `pay_month` (models.history.pay_year_month). With `staff` (the
    plan's staff IDs), an earlier plan none of them worked in is no source: another workplace's
    plan in the same database carries nothing and is not named."""
    pay_from = year_start(start, pay_month)
    since = min(fiscal_year_start(start), pay_from, start - timedelta(days=LOOKBACK_DAYS))
    query = select(PlanRow).where(PlanRow.start_date < start, PlanRow.end_date >= since)
    if plan_name is not None:
        query = query.where(PlanRow.name != plan_name)
    chosen = []
    for plan in session.scalars(query):
        published = solutions.latest(session, plan, solutions.PUBLISHED)
        version = published or solutions.latest(session, plan)
        if version is not None:
            chosen.append((plan, version, published is not None))
    chosen.sort(key=lambda c: (not c[2], -c[1][1]))  # published first, then the newest roster
    # a plan never published over days a published plan holds is a trial (a what-if copy of February):
    # its sessions, the published plan's or extra ones, are no work done
    held = [(plan.start_date, plan.end_date) for plan, _, published in chosen if published]
    tally, counted, sources = _Tally(start, pay_from), set(), []
    for plan, (version, solution_id), published in chosen:
        rows = session.execute(
            select(StaffRow.code, AssignmentRow.requirement_code)
            .join(StaffRow, StaffRow.id == AssignmentRow.staff_id)
            .where(AssignmentRow.solution_id == solution_id)
        ).all()
        if staff is not None and not any(code in staff for code, _ in rows):
            continue
        if not published and any(plan.start_date <= last and first <= plan.end_date for first, last in held):
            sources.append(HistorySource(plan.name, version, published, plan.start_date, plan.end_date, 0))
            continue
        sessions = _sessions(session, plan.id, since, start)
        mine = sessions.keys() - counted
        counted |= sessions.keys()
        tally.add_plan([(staff, sessions[code]) for staff, code in rows if code in mine],
                       plan_staff.hourly_rates(session, plan.id))
        sources.append(HistorySource(plan.name, version, published, plan.start_date, plan.end_date, len(mine)))
    return tally.fields(sources)


def _sessions(session: Session, plan_id: int, since: date, start: date) -> dict[str, Requirement]:
    """The plan's sessions from `since` to the day before `start`, by code."""
    query = (
        select(RequirementRow, SiteRow.name)
        .join(SiteRow, SiteRow.id == RequirementRow.site_id)
        .where(RequirementRow.plan_id == plan_id, RequirementRow.date >= since, RequirementRow.date < start,
               held())
    )
    return {
        r.code: Requirement(r.code, r.date, site, r.activity, r.start_minute, r.end_minute, r.min_staff,
                            break_minutes=r.break_minutes)
        for r, site in session.execute(query)
    }
