"""A plan's history (days worked before it, fiscal-year counts) is no longer stored with it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 09:00:00

Carried in afresh from the earlier plans' rosters whenever a plan is loaded: the stored copy was
only ever a snapshot written back by a save, which then hid a re-solved or newly published
earlier plan. Plain ALTER TABLE, no batch copy, as in 0002.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # SQLite has had ALTER TABLE ... DROP COLUMN since 3.35.
    op.execute("ALTER TABLE plans DROP COLUMN history_counts")
    op.execute("ALTER TABLE plans DROP COLUMN history")


def downgrade() -> None:
    op.add_column("plans", sa.Column("history", sa.JSON(), nullable=True))
    op.add_column("plans", sa.Column("history_counts", sa.JSON(), nullable=True))
