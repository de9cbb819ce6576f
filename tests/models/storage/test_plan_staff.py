"""Each plan keeps what it says about each person: a later plan's import never changes an earlier one.

A ward's three-shift January (準夜+深夜:8) re-solved after a two-shift February (夜勤:5) was
imported gave a nurse four nights running; after April's import (年間支給済額 reset), January was
re-checked with April's amount. A published roster must re-load, re-check and re-export as solved.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select

from models.domain import Problem, Staff
from models.storage import Database
from models.storage.orm import PlanStaffActivityLimitRow, PlanStaffRow, PlanStaffSkillRow, StaffRow


def _other_plan(first: Problem) -> Problem:
    """Another plan's workbook: the same staff ids, in another order, every value of theirs changed."""
    def changed(person: Staff) -> Staff:
        return replace(
            person, name=person.name + " (改姓)", skills=frozenset({"夜勤リーダー"}), home="東灘",
            max_per_day=2, max_per_week=5, max_consecutive_days=None, max_per_activity=(("夜勤", 5),),
            hourly_rate=2100, annual_pay_cap=None, paid_this_year=0, active=not person.active, notes="2月から",
        )
    return first.with_(name="2026-05", staff=[changed(p) for p in reversed(first.staff)])


def test_two_plans_with_the_same_staff_each_load_their_own(db: Database, problem: Problem) -> None:
    other = _other_plan(problem)
    db.save_problem(problem.name, problem)
    db.save_problem(other.name, other)
    assert db.load_problem(problem.name) == problem
    assert db.load_problem(other.name) == other
    h001 = db.load_problem(problem.name).staff_by_id("H001")
    assert (h001.max_per_activity, h001.hourly_rate, h001.paid_this_year, h001.skills) == (
        (("3歳児健診", 4), ("妊婦歯科健診", 2)), 1800, 250_000, frozenset({"リーダー", "フッ化物"}))


def test_resaving_one_plan_leaves_the_other_as_it_was(db: Database, problem: Problem) -> None:
    other = _other_plan(problem)
    db.save_problem(problem.name, problem)
    db.save_problem(other.name, other)
    db.save_problem(problem.name, problem.with_(staff=[replace(problem.staff[0], max_per_week=1)]))
    assert db.load_problem(other.name) == other
    assert db.load_problem(problem.name).staff == [replace(problem.staff[0], max_per_week=1)]


def test_the_register_has_one_row_per_person_under_the_name_last_saved(db: Database, problem: Problem) -> None:
    db.save_problem(problem.name, problem)
    db.save_problem("2026-05", _other_plan(problem))
    with db.engine.connect() as connection:
        names = dict(connection.execute(select(StaffRow.code, StaffRow.name)).all())
        plan_rows = connection.scalar(select(func.count()).select_from(PlanStaffRow))
    assert names == {"H001": "山田 花子 (改姓)", "H002": "Suzuki Ken (改姓)", "H003": "佐藤 (改姓)"}
    assert plan_rows == 6


def test_deleting_a_plan_takes_its_people_s_values_with_it(db: Database, problem: Problem) -> None:
    db.save_problem(problem.name, problem)
    db.save_problem("2026-05", _other_plan(problem))
    db.delete_plan(problem.name)
    with db.engine.connect() as connection:
        left = [connection.scalar(select(func.count()).select_from(table))
                for table in (PlanStaffRow, PlanStaffSkillRow, PlanStaffActivityLimitRow)]
    assert left == [3, 3, 3]
    assert db.load_problem("2026-05") == _other_plan(problem)
