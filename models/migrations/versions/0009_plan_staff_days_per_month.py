"""Each plan's people may have a limit of days a month (月16日まで), beside the sessions a month.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 20:10:00

One nullable column on `plan_staff`, added and dropped with plain ALTER TABLE (SQLite has had
DROP COLUMN since 3.35); every plan's people start without the limit.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: Union[str, None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("plan_staff", sa.Column("max_days_per_month", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE plan_staff DROP COLUMN max_days_per_month")
