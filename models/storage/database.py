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
from models.history import pay_year_month
from models.storage import history, problems, solutions
from models.storage.engine import WRITE_OPTION, at_head, default_url, make_engine, to_url, upgrade
from models.storage.errors import ConcurrentEdit
from models.storage.maintenance import backup_before_upgrade
from models.storage.orm import AuditRow, PlanRow, PlanStaffRow, RequirementRow, SolutionRow, held, utcnow
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
    """Opens (and creates or upgrades) the database at `url`: a SQLite file path or any URL.

    Team mode: every write takes an optional `expected_version`, the plan version the caller's
    copy was read at (see `known_version`); if someone else saved the plan since, the write is
    refused with `ConcurrentEdit` instead of overwriting their work. `expected_version=0` means
    "the plan must not exist yet". A SQLite file whose schema is about to be migrated is first
    copied (`backup_path` names the copy).
    """

    def __init__(self, url: str | Path | None = None, *, user: str | None = None):
        self.url = to_url(url if url is not None else default_url())
        self.engine = make_engine(self.url)
        self.backup_path: Path | None = None
        try:
            if not at_head(self.engine):
                self.backup_path = backup_before_upgrade(self.engine)
                upgrade(self.engine)
        except BaseException:
            self.engine.dispose()
            raise
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.engine.execution_options(**{WRITE_OPTION: True}),
                                            expire_on_commit=False)
        self.user = user or current_user()
        self._known: dict[str, int] = {}

    # -- plumbing ------------------------------------------------------------------------------
    def close(self) -> None:
        """Release every connection (the file can then be moved or deleted)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(
        self, plan_name: str | None, action: str, expected_version: int | None = None
    ) -> Iterator[tuple[Session, list[str]]]:
        """One write transaction; the caller appends to `detail`, which goes into the audit log.

        With `expected_version`, first checks (under the plan's row lock) that nobody has saved
        the plan since that version, else raises `ConcurrentEdit` and writes nothing.
        """
        detail: list[str] = []
        with self._write_sessions() as session, session.begin():
            if plan_name is not None and expected_version is not None:
                _check_version(session, plan_name, expected_version)
            yield session, detail
            version = None
            if plan_name is not None:
                version = session.scalar(select(PlanRow.version).where(PlanRow.name == plan_name))
                if version is not None:
                    detail.append(f"plan_version={version}")
            session.add(
                AuditRow(at=utcnow(), who=self.user, plan_name=plan_name, action=action, detail="; ".join(detail))
            )
        if plan_name is not None:  # committed: this is now the version our copy is based on
            if version is None:
                self._known.pop(plan_name, None)
            else:
                self._known[plan_name] = version

    def known_version(self, plan_name: str) -> int | None:
        """The plan version this `Database` last read (`load_problem`) or wrote; None if neither.

        Pass it as `expected_version` to the next write to refuse overwriting someone else's save.
        """
        return self._known.get(plan_name)

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    # -- plans ---------------------------------------------------------------------------------
    def save_problem(self, plan_name: str, problem: Problem, *, expected_version: int | None = None) -> int:
        """Create plan `plan_name` or replace its input with `problem`, keeping its solutions;
        returns the plan's new version.

        `problem.locked` and `problem.published` are not written: they come from the plan's
        solution versions (save the roster with `save_solution`). `ConcurrentEdit` if the plan is
        no longer at `expected_version`.
        """
        with self._write(plan_name, "save_problem", expected_version) as (session, detail):
            problems.write_problem(session, plan_name, problem)
            detail.append(
                f"period={problem.start}..{problem.end} staff={len(problem.staff)} "
                f"requirements={len(problem.requirements)} availability={len(problem.availability)}"
            )
        return self._known[plan_name]

    def load_problem(self, plan_name: str) -> Problem:
        """The plan's `Problem`: its input, the locks of its newest solution, its published roster, and
        what it carries in from earlier plans' rosters (Problem.history_*, see `carry_history`).

        Raises `PlanNotFound` if there is no such plan.
        """
        with self._read() as session:
            plan = problems.plan_row(session, plan_name)
            self._known[plan_name] = plan.version
            problem = problems.read_problem(session, plan)
            problem = problem.with_(**history.carried(session, plan.start_date, plan_name, pay_year_month(problem),
                                                       {s.id for s in problem.staff}))
            newest = solutions.latest(session, plan)
            if newest is not None:
                roster = solutions.read_roster(session, newest[1])
                problem.locked = [a for a in roster.assignments if a.locked]
            published = solutions.latest(session, plan, solutions.PUBLISHED)
            if published is not None:
                problem.published = solutions.read_roster(session, published[1]).assignments
            return problem

    def carry_history(self, problem: Problem, plan_name: str | None = None) -> Problem:
        """`problem` with what it carries in from the rosters of the plans before it (other than
        `plan_name`): days worked in the fortnight before, the eve's sessions, and fiscal-year counts
        and minutes, from each plan's newest published version, else its newest draft. For a plan
        not saved yet (an import) as for one loaded; `history_sources` says which plans and versions."""
        with self._read() as session:
            return problem.with_(**history.carried(session, problem.start, plan_name, pay_year_month(problem),
                                                   {s.id for s in problem.staff}))

    def list_plans(self) -> list[PlanSummary]:
        """Every plan, newest period first, with its counts."""
        def count(table: Any, *where: Any) -> Any:
            # A correlated COUNT per plan: one query for the whole list, no N+1.
            return select(func.count()).select_from(table).where(table.plan_id == PlanRow.id, *where).scalar_subquery()

        query = select(
            PlanRow, count(PlanStaffRow), count(RequirementRow, held()), count(SolutionRow)
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

    def delete_plan(self, plan_name: str, *, expected_version: int | None = None) -> None:
        """Remove the plan with its input and every solution (the registers stay)."""
        with self._write(plan_name, "delete_plan", expected_version) as (session, _detail):
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
        expected_version: int | None = None,
    ) -> int:
        """Save `roster` as the plan's next version, or over draft `version`; returns its number.

        Raises `FrozenVersion` when `version` is published, `PlanNotFound` without the plan,
        `ConcurrentEdit` if the plan is no longer at `expected_version`.
        """
        action = "save_solution" if version is None else "replace_solution"
        with self._write(plan_name, action, expected_version) as (session, detail):
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

    def publish(self, plan_name: str, version: int, *, expected_version: int | None = None) -> None:
        """Publish version `version`: from now on it is frozen (`ConcurrentEdit` as for saves)."""
        with self._write(plan_name, "publish", expected_version) as (session, detail):
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


def _check_version(session: Session, plan_name: str, expected: int) -> None:
    """Raise `ConcurrentEdit` unless the plan is at version `expected` (0: does not exist)."""
    stored = session.scalar(select(PlanRow.version).where(PlanRow.name == plan_name).with_for_update())
    if stored == expected or (stored is None and expected == 0):
        return
    last = session.scalars(
        select(AuditRow).where(AuditRow.plan_name == plan_name).order_by(AuditRow.id.desc()).limit(1)
    ).first()
    raise ConcurrentEdit(plan_name, expected, stored, last.who if last else None, aware(last.at) if last else None)
