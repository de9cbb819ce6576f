"""What a plan carries in from the plans before it: recent working days and fiscal-year counts.

The sequence rules (e.g. max consecutive days) need the days each person worked just before the
plan starts, and fiscal-year fairness needs how many sessions each person had earlier in the
fiscal year (April to March). Both come from the earlier plans' rosters in the database: each plan's
newest published version, or its newest version when none is published.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.storage import solutions
from models.storage.orm import AssignmentRow, PlanRow, RequirementRow, StaffRow

LOOKBACK_DAYS = 14  # long enough for any run or rest rule a month-long plan sets


def fiscal_year_start(day: date) -> date:
    """April 1st of the Japanese fiscal year that holds `day`."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def carried(session: Session, plan: PlanRow) -> tuple[dict[str, tuple[date, ...]], dict[str, int]]:
    """(days worked in the LOOKBACK_DAYS before the plan, sessions earlier in the fiscal year) per staff id."""
    start = plan.start_date
    since = min(fiscal_year_start(start), start - timedelta(days=LOOKBACK_DAYS))
    earlier = session.scalars(
        select(PlanRow).where(PlanRow.id != plan.id, PlanRow.start_date < start, PlanRow.end_date >= since)
    ).all()
    worked: set[tuple[str, str, date]] = set()  # (staff, session code, date): a session counts once
    for other in earlier:
        chosen = solutions.latest(session, other, solutions.PUBLISHED) or solutions.latest(session, other)
        if chosen is None:
            continue
        rows = session.execute(
            select(StaffRow.code, AssignmentRow.requirement_code, RequirementRow.date)
            .join(StaffRow, StaffRow.id == AssignmentRow.staff_id)
            .join(RequirementRow, (RequirementRow.plan_id == other.id)
                  & (RequirementRow.code == AssignmentRow.requirement_code))
            .where(AssignmentRow.solution_id == chosen[1], RequirementRow.date < start,
                   RequirementRow.date >= since)
        )
        worked.update((staff, code, day) for staff, code, day in rows)
    recent: dict[str, set[date]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    fiscal_start, recent_start = fiscal_year_start(start), start - timedelta(days=LOOKBACK_DAYS)
    for staff, _code, day in worked:
        if day >= fiscal_start:
            counts[staff] += 1
        if day >= recent_start:
            recent[staff].add(day)
    return {s: tuple(sorted(days)) for s, days in sorted(recent.items())}, dict(sorted(counts.items()))
