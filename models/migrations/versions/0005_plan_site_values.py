"""Each plan keeps its own copy of what it says about each site; the register keeps the name.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 16:00:00

A site's area and travel group were one row per site for all plans: importing March, which moved
a site to another travel group, changed the travel buffers January re-loaded, re-checked and
re-exported with. They move to `plan_sites`, each plan filled from the register's values, the
best record there is. Going down, the register takes each site's values from the newest plan
that lists it (a site no plan lists gets blanks).

As in 0004: the new NOT NULL columns are added with a server default that fills them, which a
batch copy of `plan_sites` then drops on SQLite (no table refers to `plan_sites`); the register's
columns go with plain ALTER TABLE.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: Union[str, None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

VALUES = ("area", "travel_group")
_TEXT = sa.String(length=200)


def _add_filled(table: str) -> None:
    for name in VALUES:
        op.add_column(table, sa.Column(name, _TEXT, server_default="", nullable=False))


def _drop_fill_defaults(table: str) -> None:
    with op.batch_alter_table(table) as batch:  # SQLite: a copy of the table; PostgreSQL: ALTER COLUMN
        for name in VALUES:
            batch.alter_column(name, existing_type=_TEXT, existing_nullable=False, server_default=None)


def _drop(table: str) -> None:
    for name in VALUES:  # SQLite has had ALTER TABLE ... DROP COLUMN since 3.35
        op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")


def upgrade() -> None:
    _add_filled("plan_sites")
    op.execute(
        "UPDATE plan_sites SET (area, travel_group) = "
        "(SELECT sites.area, sites.travel_group FROM sites WHERE sites.id = plan_sites.site_id)"
    )
    _drop_fill_defaults("plan_sites")
    _drop("sites")


def downgrade() -> None:
    _add_filled("sites")
    # Each site's values from the newest plan that lists it (by start, then the plan made last).
    newest = (
        "SELECT p.plan_id FROM plan_sites p JOIN plans ON plans.id = p.plan_id WHERE p.site_id = sites.id "
        "ORDER BY plans.start_date DESC, plans.id DESC LIMIT 1"
    )
    op.execute(
        "UPDATE sites SET (area, travel_group) = (SELECT v.area, v.travel_group FROM plan_sites v "
        f"WHERE v.site_id = sites.id AND v.plan_id = ({newest})) "
        "WHERE EXISTS (SELECT 1 FROM plan_sites p WHERE p.site_id = sites.id)"
    )
    if op.get_bind().dialect.name != "sqlite":  # SQLite would copy `sites`, which other tables refer to
        _drop_fill_defaults("sites")
    _drop("plan_sites")
