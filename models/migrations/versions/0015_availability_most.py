"""A day that can be worked may come with the most sessions the person takes that day (`1枠のみ`): Problem.day_caps.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 22:45:00

One nullable column on `availability`: the most sessions. A row stored before it has no cap.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: Union[str, None] = "0014"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("availability", sa.Column("most", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE availability DROP COLUMN most")
