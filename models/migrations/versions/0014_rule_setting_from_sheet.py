"""A rule setting remembers whether a workbook's 設定 sheet gave it (RuleSetting.from_sheet).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 16:20:00

A plan imported again keeps the settings its 設定 sheet does not name, made in the rules dialog; one the
last import's sheet gave and this one's no longer names goes back to its default instead (an after-school
office deleted its `1日の上限` row, and the limit went on binding). One boolean column on `rule_settings`,
false for the rows stored before it: they are kept, as they were.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: Union[str, None] = "0013"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("rule_settings", sa.Column("from_sheet", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.execute("ALTER TABLE rule_settings DROP COLUMN from_sheet")
