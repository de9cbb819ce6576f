"""Each plan keeps its own copy of what it says about each person; the register keeps id and name.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 10:00:00

The limits, hourly rate, annual pay cap, 年間支給済額, skills, activity caps, active and notes
were one row per person for all plans: importing February changed what January re-loaded,
re-checked and re-exported with. They move to `plan_staff` (and `plan_staff_skills`,
`plan_staff_activity_limits`), each plan filled from the register's values, the best record
there is. Going down, the register takes each person's values from the newest plan they are in.

Columns are added and dropped with plain ALTER TABLE, as in 0002. The one batch copy is of
`plan_staff` on SQLite, to drop the server defaults that filled its new NOT NULL columns: it
runs before any table refers to `plan_staff`, so dropping the old copy cascades to nothing.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_COUNTS = (
    "max_per_day", "max_per_week", "max_per_month", "max_per_plan", "min_per_plan", "desired_per_month",
    "max_consecutive_days", "min_consecutive_days", "min_consecutive_days_off", "max_weekends",
    "max_minutes_per_week", "min_minutes_per_week", "max_minutes_per_month", "min_minutes_per_month",
    "max_minutes_per_plan", "min_minutes_per_plan", "hourly_rate", "annual_pay_cap",
)
# The NOT NULL columns without a server default in the ORM: one fills them while they are added.
_FILLED = {
    "name": (sa.String(length=200), ""),
    "home": (sa.String(length=200), ""),
    "active": (sa.Boolean(), sa.true()),
    "notes": (sa.Text(), ""),
}
VALUES = ("home", *_COUNTS, "paid_this_year", "active", "notes")  # the register's columns that move, `name` stays


def _columns(names: Sequence[str]) -> list[sa.Column]:
    """New columns `names` as 0001 made them on `staff`, with a server default where NOT NULL."""
    columns = []
    for name in names:
        if name in _FILLED:
            kind, default = _FILLED[name]
            columns.append(sa.Column(name, kind, server_default=default, nullable=False))
        elif name == "paid_this_year":
            columns.append(sa.Column(name, sa.Integer(), server_default="0", nullable=False))
        else:
            columns.append(sa.Column(name, sa.Integer(), nullable=True))
    return columns


def _drop_fill_defaults(table: str, names: Sequence[str]) -> None:
    with op.batch_alter_table(table) as batch:  # SQLite: a copy of the table; PostgreSQL: ALTER COLUMN
        for name in names:
            if name in _FILLED:
                batch.alter_column(name, existing_type=_FILLED[name][0], existing_nullable=False, server_default=None)


def _drop_columns(table: str, names: Sequence[str]) -> None:
    for name in names:  # SQLite has had ALTER TABLE ... DROP COLUMN since 3.35
        op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")


def _create_skill_tables(owner: str, keys: list[str], refs: list[str]) -> None:
    """`{owner}_skills` and `{owner}_activity_limits` (0001's, or keyed by plan too), keyed by `keys`."""
    for table, own in (
        (f"{owner}_skills", [sa.Column("skill", sa.String(length=200), nullable=False)]),
        (f"{owner}_activity_limits", [sa.Column("activity", sa.String(length=200), nullable=False),
                                      sa.Column("max_count", sa.Integer(), nullable=False),
                                      sa.Column("position", sa.Integer(), nullable=False)]),
    ):
        op.create_table(
            table,
            *[sa.Column(key, sa.Integer(), nullable=False) for key in keys],
            *own,
            sa.ForeignKeyConstraint(keys, refs, name=op.f(f"fk_{table}_{keys[0]}_{owner}"), ondelete="CASCADE"),
            sa.PrimaryKeyConstraint(*keys, own[0].name, name=op.f(f"pk_{table}")),
        )


def upgrade() -> None:
    moved = ("name", *VALUES)
    for column in _columns(moved):
        op.add_column("plan_staff", column)
    listed = ", ".join(moved)
    op.execute(
        f"UPDATE plan_staff SET ({listed}) = "
        f"(SELECT {', '.join(f'staff.{n}' for n in moved)} FROM staff WHERE staff.id = plan_staff.staff_id)"
    )
    _drop_fill_defaults("plan_staff", moved)
    _create_skill_tables("plan_staff", ["plan_id", "staff_id"], ["plan_staff.plan_id", "plan_staff.staff_id"])
    op.execute(
        "INSERT INTO plan_staff_skills (plan_id, staff_id, skill) "
        "SELECT p.plan_id, s.staff_id, s.skill FROM staff_skills s JOIN plan_staff p ON p.staff_id = s.staff_id"
    )
    op.execute(
        "INSERT INTO plan_staff_activity_limits (plan_id, staff_id, activity, max_count, position) "
        "SELECT p.plan_id, a.staff_id, a.activity, a.max_count, a.position "
        "FROM staff_activity_limits a JOIN plan_staff p ON p.staff_id = a.staff_id"
    )
    op.drop_table("staff_skills")
    op.drop_table("staff_activity_limits")
    _drop_columns("staff", VALUES)


def downgrade() -> None:
    for column in _columns(VALUES):
        op.add_column("staff", column)
    # Each person's values from the newest plan they are in (by start, then the plan made last).
    newest = (
        "SELECT p.plan_id FROM plan_staff p JOIN plans ON plans.id = p.plan_id WHERE p.staff_id = staff.id "
        "ORDER BY plans.start_date DESC, plans.id DESC LIMIT 1"
    )
    listed = ", ".join(VALUES)
    op.execute(
        f"UPDATE staff SET ({listed}) = (SELECT {', '.join(f'v.{n}' for n in VALUES)} FROM plan_staff v "
        f"WHERE v.staff_id = staff.id AND v.plan_id = ({newest})) "
        "WHERE EXISTS (SELECT 1 FROM plan_staff p WHERE p.staff_id = staff.id)"
    )
    if op.get_bind().dialect.name != "sqlite":  # SQLite would copy `staff`, which other tables refer to
        _drop_fill_defaults("staff", VALUES)
    _create_skill_tables("staff", ["staff_id"], ["staff.id"])
    for table, columns in (("skills", "skill"), ("activity_limits", "activity, max_count, position")):
        op.execute(
            f"INSERT INTO staff_{table} (staff_id, {columns}) SELECT staff.id, {columns} FROM staff "
            f"JOIN plan_staff_{table} v ON v.staff_id = staff.id AND v.plan_id = ({newest})"
        )
    op.drop_table("plan_staff_skills")
    op.drop_table("plan_staff_activity_limits")
    _drop_columns("plan_staff", VALUES)
    _drop_columns("plan_staff", ("name",))
