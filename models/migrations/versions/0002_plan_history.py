"""Plans carry history from earlier plans: days worked just before the start, fiscal-year counts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 11:40:00

Plain ALTER TABLE, no batch copy: on SQLite a batch migration re-creates the table, and dropping the
old `plans` table with foreign keys on would cascade-delete every plan's input.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("plans", sa.Column("history", sa.JSON(), nullable=True))
    op.add_column("plans", sa.Column("history_counts", sa.JSON(), nullable=True))


def downgrade() -> None:
    # SQLite has had ALTER TABLE ... DROP COLUMN since 3.35.
    op.execute("ALTER TABLE plans DROP COLUMN history_counts")
    op.execute("ALTER TABLE plans DROP COLUMN history")
