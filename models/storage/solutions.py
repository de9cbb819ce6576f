"""Numbered solution versions of a plan: drafts, and published versions that are frozen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from models.domain import Assignment, Roster
from models.i18n import t
from models.storage import registers
from models.storage.errors import FrozenVersion, SolutionNotFound, UnknownReference
from models.storage.orm import AssignmentRow, PlanRow, SolutionRow, StaffRow, utcnow
from models.storage.problems import aware

DRAFT = "draft"
PUBLISHED = "published"
STATUSES = (DRAFT, PUBLISHED)


@dataclass(frozen=True)
class SolutionSummary:
    """One version as the versions list shows it."""

    version: int
    status: str
    created: datetime
    assignments: int
    stats: dict[str, Any] | None


def _check_status(status: str) -> None:
    if status not in STATUSES:
        raise ValueError(
            t("不明な状態 {status}", "unknown status {status}", status=status)
        )


def _solution(session: Session, plan: PlanRow, version: int) -> SolutionRow:
    row = session.scalars(
        select(SolutionRow).where(SolutionRow.plan_id == plan.id, SolutionRow.version == version)
    ).one_or_none()
    if row is None:
        raise SolutionNotFound(plan.name, version)
    return row


def write_solution(
    session: Session,
    plan: PlanRow,
    roster: Roster,
    *,
    status: str,
    stats: dict[str, Any] | None,
    version: int | None = None,
) -> int:
    """Save `roster` as a new version (or over draft `version`); returns the version number."""
    _check_status(status)
    staff = registers.staff_ids(session, {a.staff_id for a in roster.assignments})
    missing = sorted({a.staff_id for a in roster.assignments} - staff.keys())
    if missing:
        raise UnknownReference(t("配置", "the roster"), missing)
    if version is None:
        latest = session.scalar(select(func.max(SolutionRow.version)).where(SolutionRow.plan_id == plan.id))
        version = (latest or 0) + 1
        solution_id = session.execute(
            insert(SolutionRow)
            .values(plan_id=plan.id, version=version, status=status, created=utcnow(), stats=stats)
            .returning(SolutionRow.id)
        ).scalar_one()
    else:
        row = _solution(session, plan, version)
        if row.status == PUBLISHED:
            raise FrozenVersion(plan.name, version)
        solution_id = row.id
        session.execute(delete(AssignmentRow).where(AssignmentRow.solution_id == solution_id))
        session.execute(
            update(SolutionRow).where(SolutionRow.id == solution_id).values(status=status, stats=stats)
        )
    rows = [
        {"solution_id": solution_id, "position": i, "staff_id": staff[a.staff_id],
         "requirement_code": a.requirement_id, "locked": a.locked, "source": a.source}
        for i, a in enumerate(roster.assignments)
    ]
    if rows:
        session.execute(insert(AssignmentRow.__table__), rows)
    return version


def read_roster(session: Session, solution_id: int) -> Roster:
    """The assignments of one solution, in the order they were saved."""
    query = (
        select(StaffRow.code, AssignmentRow.requirement_code, AssignmentRow.locked, AssignmentRow.source)
        .join(StaffRow, StaffRow.id == AssignmentRow.staff_id)
        .where(AssignmentRow.solution_id == solution_id)
        .order_by(AssignmentRow.position)
    )
    return Roster([Assignment(s, r, locked, source) for s, r, locked, source in session.execute(query)])


def latest(session: Session, plan: PlanRow, status: str | None = None) -> tuple[int, int] | None:
    """(version, solution row id) of the newest version, optionally of one status; None if none."""
    query = select(SolutionRow.version, SolutionRow.id).where(SolutionRow.plan_id == plan.id)
    if status is not None:
        _check_status(status)
        query = query.where(SolutionRow.status == status)
    row = session.execute(query.order_by(SolutionRow.version.desc()).limit(1)).first()
    return None if row is None else (row[0], row[1])


def solution_id(session: Session, plan: PlanRow, version: int) -> int:
    """The row id of version `version` (SolutionNotFound if the plan has none)."""
    return _solution(session, plan, version).id


def summaries(session: Session, plan: PlanRow) -> list[SolutionSummary]:
    """Every version of the plan, oldest first, with its assignment count."""
    counts = (
        select(AssignmentRow.solution_id, func.count().label("n"))
        .group_by(AssignmentRow.solution_id)
        .subquery()
    )
    query = (
        select(SolutionRow.version, SolutionRow.status, SolutionRow.created, SolutionRow.stats, counts.c.n)
        .outerjoin(counts, counts.c.solution_id == SolutionRow.id)
        .where(SolutionRow.plan_id == plan.id)
        .order_by(SolutionRow.version)
    )
    return [
        SolutionSummary(version, status, aware(created), n or 0, stats)
        for version, status, created, stats, n in session.execute(query)
    ]


def publish(session: Session, plan: PlanRow, version: int) -> None:
    """Mark version `version` published (frozen from now on)."""
    row = _solution(session, plan, version)
    session.execute(update(SolutionRow).where(SolutionRow.id == row.id).values(status=PUBLISHED))
