"""Every field of the domain types has a home in the schema, so nothing is silently dropped.

When one of these fails, a domain type gained a field: give it a column (orm.py), write it in
problems.py / plan_staff.py / solutions.py, and add an Alembic migration.
"""

from __future__ import annotations

from dataclasses import fields

from models.domain import Assignment, Problem, Requirement, RuleSetting, ShiftRequest, Site, Staff, TravelBuffers
from models.storage.orm import Base, PlanStaffRow
from models.storage.plan_staff import STAFF_SCALARS


def _names(cls: type) -> set[str]:
    return {f.name for f in fields(cls)}


def test_every_staff_scalar_has_a_column() -> None:
    columns = set(PlanStaffRow.__table__.c.keys())
    assert set(STAFF_SCALARS) <= columns
    assert _names(Staff) == set(STAFF_SCALARS) | {"id", "skills", "max_per_activity"}


def test_domain_fields_are_the_ones_storage_writes() -> None:
    # history_* are carried in from earlier plans' rosters when a plan is loaded (models.storage.history).
    assert _names(Problem) == {
        "name", "start", "end", "staff", "sites", "requirements", "availability", "blank_means", "leave", "windows",
        "refused", "day_caps", "requests",
        "forbidden_successions", "min_rest_minutes", "travel", "rules", "locked", "published",
        "closed",  # rows of `requirements` with a most of 0 (problems.write_problem)
    } | {"history", "history_counts", "history_weekend_days", "history_pay", "history_unpriced_minutes",
         "history_sessions", "history_week", "history_nights", "history_sources"}
    assert _names(Requirement) == {
        "id", "date", "site", "activity", "start", "end", "min_staff", "max_staff", "preferred_staff",
        "required_skills", "under_weight", "over_weight", "notes", "skill_caps", "break_minutes",
    }
    assert _names(Site) == {"name", "area", "travel_group"}
    assert _names(ShiftRequest) == {"staff_id", "date", "activity", "on", "weight"}
    assert _names(TravelBuffers) == {"same_site", "same_group", "other_group"}
    assert _names(RuleSetting) == {"enabled", "hard", "weight", "params", "staff_overrides", "from_sheet"}
    assert _names(Assignment) == {"staff_id", "requirement_id", "locked", "source"}


def test_tables() -> None:
    assert set(Base.metadata.tables) == {
        "staff", "sites", "plans", "plan_staff", "plan_staff_skills", "plan_staff_activity_limits", "plan_sites",
        "requirements", "requirement_skills", "availability", "shift_requests", "forbidden_successions",
        "rule_settings", "solutions", "assignments", "audit_log",
    }


def test_nullability_follows_the_annotations() -> None:
    staff = PlanStaffRow.__table__.c
    assert staff.max_per_day.nullable and not staff.name.nullable and not staff.active.nullable
    solutions = Base.metadata.tables["solutions"].c
    assert solutions.stats.nullable and not solutions.status.nullable
