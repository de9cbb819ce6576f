"""A day's mark may come with the hours the person is free (`15時から`, `〜15時`): Problem.windows.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 04:20:00

Two nullable columns on `availability`, in minutes after the day's midnight: from (0 for `〜15時`)
and until (NULL for `15時から`: to the end of the day). A row stored before them has no hours.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: Union[str, None] = "0011"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("availability", sa.Column("free_from", sa.Integer(), nullable=True))
    op.add_column("availability", sa.Column("free_until", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE availability DROP COLUMN free_until")
    op.execute("ALTER TABLE availability DROP COLUMN free_from")
