"""A session may hold a break (休憩) that is no work: hours limits, pay caps and statistics leave it out.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 23:00:00

One column on `requirements`, NOT NULL with 0 for the sessions stored before it, added and dropped
with plain ALTER TABLE (SQLite has had DROP COLUMN since 3.35).
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: Union[str, None] = "0010"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("requirements", sa.Column("break_minutes", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    op.execute("ALTER TABLE requirements DROP COLUMN break_minutes")
