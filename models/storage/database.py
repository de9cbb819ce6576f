"""`Database`: Haichi's plans, rosters and registers in SQLite or PostgreSQL.

Every public write is one transaction that also bumps the plan's `version` counter and writes
an audit-log line; if anything fails inside it, the database keeps its last committed state.
"""

from __future__ import annotations

import getpass
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from models.domain import Problem, Roster
from models.storage import problems, solutions
from models.storage.engine import default_url, make_engine, to_url, upgrade
from models.storage.orm import AuditRow, PlanRow, PlanStaffRow, RequirementRow, SolutionRow, utcnow
from models.storage.problems import aware
from models.storage.solutions import DRAFT, SolutionSummary


@dataclass(frozen=True)
class PlanSummary:
    """One plan as the plans list shows it."""

    name: str
    start: date
    end: date
    staff: int
    requirements: int
    solutions: int
    version: int
    updated: datetime


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    who: str
    plan_name: str | None
    action: str
    detail: str


def current_user() -> str:
    """The operating-system user name, for the audit log ("unknown" if the OS will not say)."""
    try:
        return getpass.getuser()
    except Exception:  # getuser raises OSError/KeyError on odd systems; the log must still work
        return "unknown"


class Database:
    """Opens (and creates or upgrades) the database at `url`: a SQLite file path or any URL."""

    def __init__(self, url: str | Path | None = None):
        self.url = to_url(url if url is not None else default_url())
        self.engine = make_engine(self.url)
        upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.user = current_user()

    # -- plumbing ------------------------------------------------------------------------------
    def close(self) -> None:
        """Release every connection (the file can then be moved or deleted)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self, plan_name: str | None, action: str) -> Iterator[tuple[Session, list[str]]]:
        """One write transaction; the caller appends to `detail`, which goes into the audit log."""
        detail: list[str] = []
        with self._sessions() as session, session.begin():
            yield session, detail
            session.add(
                AuditRow(at=utcnow(), who=self.user, plan_name=plan_name, action=action, detail="; ".join(detail))
            )

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    # -- plans ---------------------------------------------------------------------------------
    def save_problem(self, plan_name: str, problem: Problem) -> None:
        """Create plan `plan_name` or replace its input with `problem`, keeping its solutions.

        `problem.locked` and `problem.published` are not written: they come from the plan's
        solution versions (save the roster with `save_solution`).
        """
        with self._write(plan_name, "save_problem") as (session, detail):
            problems.write_problem(session, plan_name, problem)
            detail.append(
                f"period={problem.start}..{problem.end} staff={len(problem.staff)} "
                f"requirements={len(problem.requirements)} availability={len(problem.availability)}"
            )

    def load_problem(self, plan_name: str) -> Problem:
        """The plan's `Problem`: its input, the locks of its newest solution and its published roster.

        Raises `PlanNotFound` if there is no such plan.
        """
        with self._read() as session:
            plan = problems.plan_row(session, plan_name)
            problem = problems.read_problem(session, plan)
            newest = solutions.latest(session, plan)
            if newest is not None:
                roster = solutions.read_roster(session, newest[1])
                problem.locked = [a for a in roster.assignments if a.locked]
            published = solutions.latest(session, plan, solutions.PUBLISHED)
            if published is not None:
                problem.published = solutions.read_roster(session, published[1]).assignments
            return problem

    def list_plans(self) -> list[PlanSummary]:
        """Every plan, newest period first, with its counts."""
        def count(table: Any) -> Any:
            # A correlated COUNT per plan: one query for the whole list, no N+1.
            return select(func.count()).select_from(table).where(table.plan_id == PlanRow.id).scalar_subquery()

        query = select(
            PlanRow, count(PlanStaffRow), count(RequirementRow), count(SolutionRow)
        ).order_by(PlanRow.start_date.desc(), PlanRow.name)
        with self._read() as session:
            return [
                PlanSummary(p.name, p.start_date, p.end_date, n_staff, n_req, n_sol, p.version, aware(p.updated))
                for p, n_staff, n_req, n_sol in session.execute(query)
            ]

    def plan_version(self, plan_name: str) -> int:
        """The plan's write counter (goes up by one on every write)."""
        with self._read() as session:
            return problems.plan_row(session, plan_name).version

    def delete_plan(self, plan_name: str) -> None:
        """Remove the plan with its input and every solution (the registers stay)."""
        with self._write(plan_name, "delete_plan") as (session, _detail):
            plan = problems.plan_row(session, plan_name, lock=True)
            session.execute(delete(PlanRow).where(PlanRow.id == plan.id))

    # -- solutions -----------------------------------------------------------------------------
    def save_solution(
        self,
        plan_name: str,
        roster: Roster,
        *,
        status: str = DRAFT,
        stats: dict[str, Any] | None = None,
        version: int | None = None,
    ) -> int:
        """Save `roster` as the plan's next version, or over draft `version`; returns its number.

        Raises `FrozenVersion` when `version` is published, `PlanNotFound` without the plan.
        """
        action = "save_solution" if version is None else "replace_solution"
        with self._write(plan_name, action) as (session, detail):
            plan = problems.plan_row(session, plan_name, lock=True)
            number = solutions.write_solution(
                session, plan, roster, status=status, stats=stats, version=version
            )
            problems.touch(session, plan.id)
            detail.append(f"version={number} status={status} assignments={len(roster.assignments)}")
            return number

    def load_solution(self, plan_name: str, version: int) -> Roster:
        """The roster of one version (`SolutionNotFound` if the plan has no such version)."""
        with self._read() as session:
            plan = problems.plan_row(session, plan_name)
            return solutions.read_roster(session, solutions.solution_id(session, plan, version))

    def latest_solution(self, plan_name: str, status: str | None = None) -> tuple[int, Roster] | None:
        """(version, roster) of the newest version (of `status`, if given); None if there is none."""
        with self._read() as session:
            plan = problems.plan_row(session, plan_name)
            newest = solutions.latest(session, plan, status)
            if newest is None:
                return None
            return newest[0], solutions.read_roster(session, newest[1])

    def list_solutions(self, plan_name: str) -> list[SolutionSummary]:
        """Every version of the plan, oldest first."""
        with self._read() as session:
            return solutions.summaries(session, problems.plan_row(session, plan_name))

    def publish(self, plan_name: str, version: int) -> None:
        """Publish version `version`: from now on it is frozen."""
        with self._write(plan_name, "publish") as (session, detail):
            plan = problems.plan_row(session, plan_name, lock=True)
            solutions.publish(session, plan, version)
            problems.touch(session, plan.id)
            detail.append(f"version={version}")

    # -- audit ---------------------------------------------------------------------------------
    def audit_log(self, plan_name: str | None = None, limit: int = 200) -> list[AuditEntry]:
        """The newest `limit` audit lines (of one plan, if given), newest first."""
        query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if plan_name is not None:
            query = query.where(AuditRow.plan_name == plan_name)
        with self._read() as session:
            return [
                AuditEntry(aware(r.at), r.who, r.plan_name, r.action, r.detail)
                for r in session.scalars(query)
            ]
