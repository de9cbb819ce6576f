"""A × day may be leave (有休, 研修), kept as written: no day off (公休) for the days-off rule either.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 22:30:00

One nullable column on `availability`, added and dropped with plain ALTER TABLE (SQLite has had
DROP COLUMN since 3.35); every stored mark starts as no leave.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: Union[str, None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("availability", sa.Column("leave", sa.String(16), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE availability DROP COLUMN leave")
