"""A plan's input (its `Problem`) written to and read from the database in bulk.

Writing replaces everything the plan owns except its solution versions, what it says about each
person (`models.storage.plan_staff`) and each site (area, travel group: `plan_sites`) included;
the staff and site registers are upserted, never emptied. Locks and the published roster are not
part of the input: they live in the plan's solutions (see `models.storage.solutions`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from models.domain import Mark, Problem, Requirement, RuleSetting, ShiftRequest, Site, TravelBuffers, Window, normalize
from models.i18n import t
from models.storage import plan_staff, registers
from models.storage.errors import OtherPeriod, PlanNotFound, UnknownReference
from models.storage.orm import (
    AvailabilityRow,
    ForbiddenSuccessionRow,
    PlanRow,
    PlanSiteRow,
    PlanStaffActivityLimitRow,
    PlanStaffRow,
    PlanStaffSkillRow,
    RequirementRow,
    RequirementSkillRow,
    RuleSettingRow,
    ShiftRequestRow,
    SiteRow,
    SolutionRow,
    StaffRow,
    utcnow,
)
from models.storage.registers import insert_rows

REFUSED_SEPARATOR = "+"  # between the shifts refused on a day in `availability.refused` (遅番+夜勤)

# Tables that hold a plan's input, children first (the order matters for foreign keys).
_INPUT_TABLES = (
    AvailabilityRow,
    ShiftRequestRow,
    ForbiddenSuccessionRow,
    RuleSettingRow,
    PlanStaffSkillRow,
    PlanStaffActivityLimitRow,
    PlanStaffRow,
    PlanSiteRow,
)


def plan_row(session: Session, plan_name: str, *, lock: bool = False) -> PlanRow:
    """The plan called `plan_name`; `lock` takes a row lock (PostgreSQL) for a write."""
    query = select(PlanRow).where(PlanRow.name == plan_name)
    if lock:
        query = query.with_for_update()
    row = session.scalars(query).one_or_none()
    if row is not None:
        return row
    # the name as typed at a prompt: `（5-6月）` for the `(5-6月)` the import read from 設定 (NFKC)
    names = list(session.scalars(select(PlanRow.name).order_by(PlanRow.name)))
    alike = [name for name in names if normalize(name) == normalize(plan_name)]
    if len(alike) != 1:
        raise PlanNotFound(plan_name, names)
    return plan_row(session, alike[0], lock=lock)


def touch(session: Session, plan_id: int) -> None:
    """Count one more write on the plan: `version + 1`, `updated = now`."""
    session.execute(
        update(PlanRow).where(PlanRow.id == plan_id).values(version=PlanRow.version + 1, updated=utcnow())
    )


def _plan_values(problem: Problem) -> dict[str, Any]:
    return {
        "start_date": problem.start,
        "end_date": problem.end,
        "blank_means": problem.blank_means.name,
        "min_rest_minutes": problem.min_rest_minutes,
        "travel_same_site": problem.travel.same_site,
        "travel_same_group": problem.travel.same_group,
        "travel_other_group": problem.travel.other_group,
    }


def _clear_input(session: Session, plan_id: int) -> None:
    skills = select(RequirementRow.id).where(RequirementRow.plan_id == plan_id)
    session.execute(delete(RequirementSkillRow).where(RequirementSkillRow.requirement_id.in_(skills)))
    session.execute(delete(RequirementRow).where(RequirementRow.plan_id == plan_id))
    for table in _INPUT_TABLES:
        session.execute(delete(table).where(table.plan_id == plan_id))


def _check_staff(kind: str, codes: set[str], known: dict[str, int]) -> None:
    missing = sorted(codes - known.keys())
    if missing:
        raise UnknownReference(kind, missing)


def _refuse_other_period(session: Session, plan: PlanRow, problem: Problem) -> None:
    """`OtherPeriod` when `problem` covers other days than the plan and the plan has rosters, whose
    sessions would be lost with its input."""
    if (plan.start_date, plan.end_date) == (problem.start, problem.end):
        return
    versions = session.scalar(select(func.count()).select_from(SolutionRow).where(SolutionRow.plan_id == plan.id))
    if versions:
        raise OtherPeriod(plan.name, (plan.start_date, plan.end_date), (problem.start, problem.end), versions)


def write_problem(session: Session, plan_name: str, problem: Problem) -> int:
    """Create or replace the input of plan `plan_name`; returns the plan's row id."""
    query = select(PlanRow).where(PlanRow.name == plan_name).with_for_update()
    existing = session.scalars(query).one_or_none()
    if existing is None:
        now = utcnow()
        plan_id = session.execute(
            insert(PlanRow).values(name=plan_name, version=1, created=now, updated=now, **_plan_values(problem))
            .returning(PlanRow.id)
        ).scalar_one()
    else:
        plan_id = existing.id
        _refuse_other_period(session, existing, problem)
        _clear_input(session, plan_id)
        session.execute(update(PlanRow).where(PlanRow.id == plan_id).values(**_plan_values(problem)))
        touch(session, plan_id)

    staff = registers.upsert_staff(session, problem.staff)
    referenced = {s for s, _ in problem.availability} | {r.staff_id for r in problem.requests}
    staff.update(registers.staff_ids(session, referenced - staff.keys()))
    _check_staff(t("勤務可否・希望", "availability and requests"), referenced, staff)
    sites = registers.site_ids(session, [s.name for s in problem.sites]
                               + [r.site for r in (*problem.requirements, *problem.closed)])

    plan_staff.write(session, plan_id, problem.staff, staff)
    insert_rows(session, PlanSiteRow, [
        {"plan_id": plan_id, "site_id": sites[s.name], "position": i, "area": s.area, "travel_group": s.travel_group}
        for i, s in enumerate(problem.sites)
    ])
    # a session called off is a row of its own, its most 0 (Problem.closed): no migration, and read apart
    _write_requirements(session, plan_id, [*problem.requirements, *(replace(r, max_staff=0) for r in problem.closed)],
                        sites)
    _write_availability(session, plan_id, problem, staff)
    insert_rows(session, ShiftRequestRow, [
        {"plan_id": plan_id, "position": i, "staff_id": staff[r.staff_id], "date": r.date,
         "activity": r.activity, "wants_work": r.on, "weight": r.weight}
        for i, r in enumerate(problem.requests)
    ])
    insert_rows(session, ForbiddenSuccessionRow, [
        {"plan_id": plan_id, "earlier": a, "later": b} for a, b in sorted(problem.forbidden_successions)
    ])
    insert_rows(session, RuleSettingRow, [
        {"plan_id": plan_id, "rule_id": rule_id, "enabled": s.enabled, "hard": s.hard, "weight": s.weight,
         "params": dict(s.params), "staff_overrides": {k: dict(v) for k, v in s.staff_overrides.items()},
         "from_sheet": s.from_sheet}
        for rule_id, s in problem.rules.items()
    ])
    return plan_id


def _write_requirements(
    session: Session, plan_id: int, requirements: list[Requirement], sites: dict[str, int]
) -> None:
    insert_rows(session, RequirementRow, [
        {"plan_id": plan_id, "code": r.id, "position": i, "date": r.date, "site_id": sites[r.site],
         "activity": r.activity, "start_minute": r.start, "end_minute": r.end, "min_staff": r.min_staff,
         "max_staff": r.max_staff, "preferred_staff": r.preferred_staff, "under_weight": r.under_weight,
         "over_weight": r.over_weight, "notes": r.notes, "break_minutes": r.break_minutes}
        for i, r in enumerate(requirements)
    ])
    if not any(r.required_skills or r.skill_caps for r in requirements):
        return
    query = select(RequirementRow.code, RequirementRow.id).where(RequirementRow.plan_id == plan_id)
    row_ids = dict(session.execute(query).all())
    insert_rows(session, RequirementSkillRow, [
        {"requirement_id": row_ids[r.id], "skill": skill, "count": count, "position": i, "most": most}
        for r in requirements
        for i, (skill, count, most) in enumerate(skill_rows(r))
    ])


def skill_rows(req: Requirement) -> list[tuple[str, int, int | None]]:
    """A session's skills as stored: (skill, least, most or None), a most alone with least 0."""
    caps = dict(req.skill_caps)
    rows = [(skill, count, caps.get(skill)) for skill, count in req.required_skills]
    return rows + [(skill, 0, most) for skill, most in req.skill_caps if skill not in dict(req.required_skills)]


def _write_availability(session: Session, plan_id: int, problem: Problem, staff: dict[str, int]) -> None:
    """Every mark given, with its leave (an × day) or the hours free and the shifts refused (a day that
    can be worked)."""
    leave, windows, refused, caps = problem.leave, problem.windows, problem.refused, problem.day_caps
    rows = []
    for (code, day), mark in problem.availability.items():
        hours = windows.get((code, day)) if mark is not Mark.UNAVAILABLE else None
        shifts = refused.get((code, day)) if mark is not Mark.UNAVAILABLE else None
        rows.append({"plan_id": plan_id, "staff_id": staff[code], "date": day, "mark": mark.name,
                     "leave": leave.get((code, day)) if mark is Mark.UNAVAILABLE else None,
                     "free_from": hours[0] if hours else None, "free_until": hours[1] if hours else None,
                     "refused": REFUSED_SEPARATOR.join(sorted(shifts)) if shifts else None,
                     "most": caps.get((code, day)) if mark is not Mark.UNAVAILABLE else None})
    insert_rows(session, AvailabilityRow, rows)


def read_problem(session: Session, plan: PlanRow) -> Problem:
    """The plan's input as a `Problem` (with no locks and no published roster yet)."""
    plan_id = plan.id
    sites = [
        Site(name, area, travel_group)
        for name, area, travel_group in session.execute(
            select(SiteRow.name, PlanSiteRow.area, PlanSiteRow.travel_group)
            .join(SiteRow, SiteRow.id == PlanSiteRow.site_id)
            .where(PlanSiteRow.plan_id == plan_id)
            .order_by(PlanSiteRow.position)
        )
    ]
    # Staff ids for every person the plan's availability and requests name.
    named = select(AvailabilityRow.staff_id).where(AvailabilityRow.plan_id == plan_id).union(
        select(ShiftRequestRow.staff_id).where(ShiftRequestRow.plan_id == plan_id)
    )
    query = select(StaffRow.id, StaffRow.code).where(StaffRow.id.in_(named))
    codes = dict(session.execute(query).all())
    availability: dict[tuple[str, date], Mark] = {}
    leave: dict[tuple[str, date], str] = {}
    windows: dict[tuple[str, date], Window] = {}
    refused: dict[tuple[str, date], frozenset[str]] = {}
    caps: dict[tuple[str, date], int] = {}
    for staff_id, day, mark, word, free_from, free_until, shifts, most in session.execute(
        select(AvailabilityRow.staff_id, AvailabilityRow.date, AvailabilityRow.mark, AvailabilityRow.leave,
               AvailabilityRow.free_from, AvailabilityRow.free_until, AvailabilityRow.refused, AvailabilityRow.most)
        .where(AvailabilityRow.plan_id == plan_id)
    ):
        availability[(codes[staff_id], day)] = Mark[mark]
        if word:
            leave[(codes[staff_id], day)] = word
        if free_from is not None:
            windows[(codes[staff_id], day)] = (free_from, free_until)
        if shifts:
            refused[(codes[staff_id], day)] = frozenset(shifts.split(REFUSED_SEPARATOR))
        if most is not None:
            caps[(codes[staff_id], day)] = most
    requests = [
        ShiftRequest(codes[staff_id], day, activity, wants_work, weight)
        for staff_id, day, activity, wants_work, weight in session.execute(
            select(
                ShiftRequestRow.staff_id, ShiftRequestRow.date, ShiftRequestRow.activity,
                ShiftRequestRow.wants_work, ShiftRequestRow.weight,
            )
            .where(ShiftRequestRow.plan_id == plan_id)
            .order_by(ShiftRequestRow.position)
        )
    ]
    successions = frozenset(
        (a, b) for a, b in session.execute(
            select(ForbiddenSuccessionRow.earlier, ForbiddenSuccessionRow.later)
            .where(ForbiddenSuccessionRow.plan_id == plan_id)
        )
    )
    rules = {
        r.rule_id: RuleSetting(
            r.enabled, r.hard, r.weight, dict(r.params), {k: dict(v) for k, v in r.staff_overrides.items()},
            r.from_sheet,
        )
        for r in session.scalars(select(RuleSettingRow).where(RuleSettingRow.plan_id == plan_id))
    }
    requirements = _read_requirements(session, plan_id)
    return Problem(
        name=plan.name,
        start=plan.start_date,
        end=plan.end_date,
        staff=plan_staff.read(session, plan_id),
        sites=sites,
        requirements=[r for r in requirements if r.max_staff != 0],
        closed=[r for r in requirements if r.max_staff == 0],
        availability=availability,
        blank_means=Mark[plan.blank_means],
        leave=leave,
        windows=windows,
        refused=refused,
        day_caps=caps,
        requests=requests,
        forbidden_successions=successions,
        min_rest_minutes=plan.min_rest_minutes,
        travel=TravelBuffers(plan.travel_same_site, plan.travel_same_group, plan.travel_other_group),
        rules=rules,
    )


def _read_requirements(session: Session, plan_id: int) -> list[Requirement]:
    skills: dict[int, list[tuple[str, int]]] = {}
    query = (
        select(RequirementSkillRow.requirement_id, RequirementSkillRow.skill, RequirementSkillRow.count,
               RequirementSkillRow.most)
        .join(RequirementRow, RequirementRow.id == RequirementSkillRow.requirement_id)
        .where(RequirementRow.plan_id == plan_id)
        .order_by(RequirementSkillRow.requirement_id, RequirementSkillRow.position)
    )
    caps: dict[int, list[tuple[str, int]]] = {}
    for requirement_id, skill, count, most in session.execute(query):
        if count > 0:
            skills.setdefault(requirement_id, []).append((skill, count))
        if most is not None:
            caps.setdefault(requirement_id, []).append((skill, most))
    query = (
        select(*RequirementRow.__table__.c, SiteRow.name.label("site_name"))
        .join(SiteRow, SiteRow.id == RequirementRow.site_id)
        .where(RequirementRow.plan_id == plan_id)
        .order_by(RequirementRow.position)
    )
    return [
        Requirement(
            id=r.code, date=r.date, site=r.site_name, activity=r.activity, start=r.start_minute, end=r.end_minute,
            min_staff=r.min_staff, max_staff=r.max_staff, preferred_staff=r.preferred_staff,
            required_skills=tuple(skills.get(r.id, ())), skill_caps=tuple(caps.get(r.id, ())),
            under_weight=r.under_weight, over_weight=r.over_weight, notes=r.notes, break_minutes=r.break_minutes,
        )
        for r in session.execute(query)
    ]


def aware(stamp: datetime) -> datetime:
    """`stamp` as an aware UTC time (SQLite hands back naive ones)."""
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)
