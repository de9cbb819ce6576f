"""A session may say how many of its staff may hold a skill at most (保健師:2〜3, 新人:0〜1).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 19:30:00

One nullable column on `requirement_skills`, added and dropped with plain ALTER TABLE (SQLite has
had DROP COLUMN since 3.35); every stored session keeps its skills with no most. Going down, a row
that only gave a most (least 0) goes too, as before this revision no such row was written.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: Union[str, None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("requirement_skills", sa.Column("most", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM requirement_skills WHERE count = 0")
    op.execute("ALTER TABLE requirement_skills DROP COLUMN most")
