"""Each plan's people may work some days of the week only (a doctor's 火・木のみ).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 19:40:00

One nullable column on `plan_staff`, NULL (any day) for every stored person, so that no table is
copied to fill it (a copy of `plan_staff` in SQLite's batch mode would cascade to the people's
skills and limits); dropped with plain ALTER TABLE (SQLite has had DROP COLUMN since 3.35).
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: Union[str, None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("plan_staff", sa.Column("weekdays", sa.String(length=200), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE plan_staff DROP COLUMN weekdays")
