"""The database schema (DESIGN §7): SQLAlchemy 2 declarative tables over the domain words.

The staff and site registers are shared by every plan; everything else belongs to one plan and
goes with it, what the plan says about each person and each site included (`PlanStaffRow`,
`PlanSiteRow`). Large tables (availability, requirements, assignments) are written and read with
bulk Core statements by `models.storage.problems` / `.solutions`, never row by row.
Column types are portable: the same schema runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Annotated, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    or_,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints keep Alembic migrations stable and SQLite batch mode able to drop them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time in UTC (timezone-aware)."""
    return datetime.now(timezone.utc)


# Reusable column types (the Warehouse pattern): one definition, one meaning.
# Text defaults are client-side only: SQLite reflects an empty server default as "('')", which
# would make every autogenerate report a false difference.
IntPK = Annotated[int, mapped_column(Integer, primary_key=True, autoincrement=True)]
Code = Annotated[str, mapped_column(String(200))]  # ids and names a person typed
Note = Annotated[str, mapped_column(Text, default="")]
Count = Annotated[int, mapped_column(Integer)]
Stamp = Annotated[datetime, mapped_column(DateTime(timezone=True), default=utcnow)]
JsonDict = Annotated[dict[str, Any], mapped_column(JSON)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {str: String(200), date: Date, bool: Boolean}


# -- registers shared by all plans -------------------------------------------------------------
class StaffRow(Base):
    """One person the database knows; `code` is the staff id people see (`H003`), `name` the name
    most recently saved. What a plan says about the person is the plan's own (`PlanStaffRow`)."""

    __tablename__ = "staff"
    __table_args__ = (UniqueConstraint("code"),)

    id: Mapped[IntPK]
    code: Mapped[Code]
    name: Mapped[Code]


class SiteRow(Base):
    """One site the database knows, by name. What a plan says about it is the plan's own (`PlanSiteRow`)."""

    __tablename__ = "sites"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[IntPK]
    name: Mapped[Code]


# -- one plan and its input ----------------------------------------------------------------------
class PlanRow(Base):
    """A plan period; `version` goes up by one on every write (optimistic concurrency)."""

    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[IntPK]
    name: Mapped[Code]
    start_date: Mapped[date]
    end_date: Mapped[date]
    blank_means: Mapped[str] = mapped_column(String(16))  # a Mark member name
    min_rest_minutes: Mapped[Count] = mapped_column(default=0, server_default="0")
    travel_same_site: Mapped[Count]
    travel_same_group: Mapped[Count]
    travel_other_group: Mapped[Count]
    version: Mapped[Count] = mapped_column(default=1, server_default="1")
    created: Mapped[Stamp]
    updated: Mapped[Stamp]


class PlanStaffRow(Base):
    """A person in a plan, in the order of `Problem.staff`, with everything the plan says about them
    (every `Staff` field but the id). Each plan keeps its own: importing a later plan never changes
    what an earlier one was solved, checked and exported with."""

    __tablename__ = "plan_staff"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    position: Mapped[Count]
    name: Mapped[Code]
    home: Mapped[Code] = mapped_column(default="")
    max_per_day: Mapped[int | None]
    max_per_week: Mapped[int | None]
    max_days_per_week: Mapped[int | None]
    max_days_per_month: Mapped[int | None]
    max_per_month: Mapped[int | None]
    max_per_plan: Mapped[int | None]
    min_per_plan: Mapped[int | None]
    desired_per_month: Mapped[int | None]
    max_consecutive_days: Mapped[int | None]
    min_consecutive_days: Mapped[int | None]
    min_consecutive_days_off: Mapped[int | None]
    max_weekends: Mapped[int | None]
    max_minutes_per_week: Mapped[int | None]
    min_minutes_per_week: Mapped[int | None]
    max_minutes_per_month: Mapped[int | None]
    min_minutes_per_month: Mapped[int | None]
    max_minutes_per_plan: Mapped[int | None]
    min_minutes_per_plan: Mapped[int | None]
    hourly_rate: Mapped[int | None]
    annual_pay_cap: Mapped[int | None]
    paid_this_year: Mapped[Count] = mapped_column(default=0, server_default="0")
    active: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[Note]
    weekdays: Mapped[str | None] = mapped_column(String(200))  # `火木`: Staff.weekdays; NULL or blank: any day


def _of_plan_person() -> ForeignKeyConstraint:
    """A person's skills and activity caps in a plan go with their `plan_staff` row."""
    return ForeignKeyConstraint(
        ["plan_id", "staff_id"], ["plan_staff.plan_id", "plan_staff.staff_id"], ondelete="CASCADE"
    )


class PlanStaffSkillRow(Base):
    """A skill a person has in a plan (`Staff.skills`)."""

    __tablename__ = "plan_staff_skills"
    __table_args__ = (_of_plan_person(),)

    plan_id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(primary_key=True)
    skill: Mapped[Code] = mapped_column(primary_key=True)


class PlanStaffActivityLimitRow(Base):
    """A person's cap on one activity over a plan (`Staff.max_per_activity`), in the order given."""

    __tablename__ = "plan_staff_activity_limits"
    __table_args__ = (_of_plan_person(),)

    plan_id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(primary_key=True)
    activity: Mapped[Code] = mapped_column(primary_key=True)
    max_count: Mapped[Count]
    position: Mapped[Count]


class PlanSiteRow(Base):
    """A site a plan lists, in the order of `Problem.sites`, with what the plan says about it (its
    area and travel group). Each plan keeps its own: a later import that moves a site to another
    travel group never changes the travel buffers an earlier plan was solved with."""

    __tablename__ = "plan_sites"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), primary_key=True)
    position: Mapped[Count]
    area: Mapped[Code] = mapped_column(default="")
    travel_group: Mapped[Code] = mapped_column(default="")


class RequirementRow(Base):
    """One session that needs staff; `code` is `Requirement.id`, unique within the plan."""

    __tablename__ = "requirements"
    __table_args__ = (UniqueConstraint("plan_id", "code"), Index(None, "site_id"))

    id: Mapped[IntPK]
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(400))
    position: Mapped[Count]
    date: Mapped[date]
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    activity: Mapped[Code]
    start_minute: Mapped[Count]
    end_minute: Mapped[Count]
    min_staff: Mapped[Count]
    max_staff: Mapped[int | None]
    preferred_staff: Mapped[int | None]
    under_weight: Mapped[Count]
    over_weight: Mapped[Count]
    notes: Mapped[Note]
    break_minutes: Mapped[Count] = mapped_column(server_default="0")  # Requirement.break_minutes


def held() -> Any:
    """The condition of a session held, not called off (Problem.closed is stored with its most 0)."""
    return or_(RequirementRow.max_staff.is_(None), RequirementRow.max_staff != 0)


class RequirementSkillRow(Base):
    """`リーダー:1` on a session: how many of its staff need the skill; `保健師:2〜3`, `新人:0〜1`: also
    how many at most may hold it (`most`, None: no most)."""

    __tablename__ = "requirement_skills"

    requirement_id: Mapped[int] = mapped_column(
        ForeignKey("requirements.id", ondelete="CASCADE"), primary_key=True
    )
    skill: Mapped[Code] = mapped_column(primary_key=True)
    count: Mapped[Count]
    position: Mapped[Count]
    most: Mapped[int | None]


class AvailabilityRow(Base):
    """What a person said about one date (only marks actually given; blanks are not stored)."""

    __tablename__ = "availability"
    __table_args__ = (Index(None, "staff_id"),)

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    date: Mapped[date] = mapped_column(primary_key=True)
    mark: Mapped[str] = mapped_column(String(16))  # a Mark member name
    leave: Mapped[str | None] = mapped_column(String(16), default=None)  # Problem.leave: 有休, 研修 (an × day)
    # Problem.windows: the hours free on a day that can be worked (`15時から`), minutes after its midnight;
    # free_from alone set (free_until NULL) is to the end of the day, both NULL is no hours given
    free_from: Mapped[int | None] = mapped_column(default=None)
    free_until: Mapped[int | None] = mapped_column(default=None)
    # Problem.refused: the shifts refused on a day that can be worked (`遅番不可`), their names joined by "+"
    refused: Mapped[str | None] = mapped_column(String(400), default=None)
    # Problem.day_caps: the most sessions on a day that can be worked (`1枠のみ`), NULL for no cap
    most: Mapped[int | None] = mapped_column(default=None)


class ShiftRequestRow(Base):
    __tablename__ = "shift_requests"
    __table_args__ = (Index(None, "plan_id"), Index(None, "staff_id"))

    id: Mapped[IntPK]
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    position: Mapped[Count]
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    date: Mapped[date]
    activity: Mapped[Code] = mapped_column(default="")
    wants_work: Mapped[bool]  # ShiftRequest.on ("on" is an SQL keyword)
    weight: Mapped[Count]


class ForbiddenSuccessionRow(Base):
    """Activity `earlier` on day d may not be followed by `later` on day d+1."""

    __tablename__ = "forbidden_successions"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    earlier: Mapped[Code] = mapped_column(primary_key=True)
    later: Mapped[Code] = mapped_column(primary_key=True)


class RuleSettingRow(Base):
    __tablename__ = "rule_settings"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    enabled: Mapped[bool]
    hard: Mapped[bool]
    weight: Mapped[Count]
    params: Mapped[JsonDict]
    staff_overrides: Mapped[JsonDict]
    from_sheet: Mapped[bool] = mapped_column(default=False, server_default=false())  # RuleSetting.from_sheet


# -- solutions -----------------------------------------------------------------------------------
class SolutionRow(Base):
    """One numbered version of a plan's roster: `draft`, or `published` (frozen)."""

    __tablename__ = "solutions"
    __table_args__ = (UniqueConstraint("plan_id", "version"),)

    id: Mapped[IntPK]
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    version: Mapped[Count]
    status: Mapped[str] = mapped_column(String(20))
    created: Mapped[Stamp]
    stats: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class AssignmentRow(Base):
    """One person in one session of a solution.

    The session is kept by its code, not a foreign key: a version is a snapshot that must
    survive the plan's sessions being re-imported.
    """

    __tablename__ = "assignments"
    __table_args__ = (Index(None, "solution_id"), Index(None, "staff_id"))

    id: Mapped[IntPK]
    solution_id: Mapped[int] = mapped_column(ForeignKey("solutions.id", ondelete="CASCADE"))
    position: Mapped[Count]
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    requirement_code: Mapped[str] = mapped_column(String(400))
    locked: Mapped[bool]
    source: Mapped[str] = mapped_column(String(20))


class AuditRow(Base):
    """Who changed what, when; kept by plan name so it outlives a deleted plan."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "plan_name"),)

    id: Mapped[IntPK]
    at: Mapped[Stamp]
    who: Mapped[Code]
    plan_name: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    detail: Mapped[Note]
