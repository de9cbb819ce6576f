"""A plan's people: who is in it, in order, and what the plan says about each of them.

Every `Staff` field but the id (name, limits, hourly rate, 年間支給済額, skills, activity caps, …)
is kept per plan, as imported or saved for it: the next month's workbook, or April's reset
年間支給済額, never changes what an earlier plan re-loads, re-checks and re-exports with. The
staff register only says which row id a staff id has. Bulk Core statements throughout: a
300-person plan costs a handful of round trips.
"""

from __future__ import annotations

from dataclasses import fields
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.domain import Staff
from models.storage.registers import insert_rows
from models.storage.orm import PlanStaffActivityLimitRow, PlanStaffRow, PlanStaffSkillRow, StaffRow

# Staff fields stored in a plain `plan_staff` column of the same name (the rest have tables of their own).
STAFF_SCALARS: tuple[str, ...] = tuple(
    f.name for f in fields(Staff) if f.name not in ("id", "skills", "max_per_activity")
)


def write(session: Session, plan_id: int, people: list[Staff], row_ids: dict[str, int]) -> None:
    """The plan's people, in order, with their values (the plan's old ones must be deleted first);
    `row_ids` is the register's row id by staff id."""
    insert_rows(session, PlanStaffRow, [
        {"plan_id": plan_id, "staff_id": row_ids[p.id], "position": i, **{n: getattr(p, n) for n in STAFF_SCALARS}}
        for i, p in enumerate(people)
    ])
    insert_rows(session, PlanStaffSkillRow, [
        {"plan_id": plan_id, "staff_id": row_ids[p.id], "skill": skill} for p in people for skill in sorted(p.skills)
    ])
    insert_rows(session, PlanStaffActivityLimitRow, [
        {"plan_id": plan_id, "staff_id": row_ids[p.id], "activity": activity, "max_count": count, "position": i}
        for p in people
        for i, (activity, count) in enumerate(p.max_per_activity)
    ])


def read(session: Session, plan_id: int) -> list[Staff]:
    """The plan's people as the plan says they are, in the plan's order."""
    skills: dict[int, set[str]] = {}
    query = select(PlanStaffSkillRow.staff_id, PlanStaffSkillRow.skill).where(PlanStaffSkillRow.plan_id == plan_id)
    for staff_id, skill in session.execute(query):
        skills.setdefault(staff_id, set()).add(skill)
    limits: dict[int, list[tuple[str, int]]] = {}
    query = (
        select(PlanStaffActivityLimitRow.staff_id, PlanStaffActivityLimitRow.activity,
               PlanStaffActivityLimitRow.max_count)
        .where(PlanStaffActivityLimitRow.plan_id == plan_id)
        .order_by(PlanStaffActivityLimitRow.staff_id, PlanStaffActivityLimitRow.position)
    )
    for staff_id, activity, count in session.execute(query):
        limits.setdefault(staff_id, []).append((activity, count))
    query = (
        select(PlanStaffRow.staff_id, StaffRow.code, *(getattr(PlanStaffRow, n) for n in STAFF_SCALARS))
        .join(StaffRow, StaffRow.id == PlanStaffRow.staff_id)
        .where(PlanStaffRow.plan_id == plan_id)
        .order_by(PlanStaffRow.position)
    )
    return [
        Staff(
            id=row.code,
            skills=frozenset(skills.get(row.staff_id, ())),
            max_per_activity=tuple(limits.get(row.staff_id, ())),
            **{n: getattr(row, n) for n in STAFF_SCALARS if n != "weekdays"},
            weekdays=row.weekdays or "",  # NULL in plans stored before revision 0008
        )
        for row in session.execute(query)
    ]


def hourly_rates(session: Session, plan_id: int) -> dict[str, int]:
    """The hourly rate the plan gives each of its people who has one, by staff id."""
    query = (
        select(StaffRow.code, PlanStaffRow.hourly_rate)
        .join(StaffRow, StaffRow.id == PlanStaffRow.staff_id)
        .where(PlanStaffRow.plan_id == plan_id, PlanStaffRow.hourly_rate.is_not(None))
    )
    return dict(session.execute(query).all())
