"""A day that can be worked may come with the shifts the person refuses that day (`遅番不可`): Problem.refused.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 10:10:00

One nullable column on `availability`: the activity names refused, joined by "+" (`深夜+準夜`). A row
stored before it refuses none.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: Union[str, None] = "0012"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("availability", sa.Column("refused", sa.String(length=400), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE availability DROP COLUMN refused")
