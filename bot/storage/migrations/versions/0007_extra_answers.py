"""extra answers: an organisation's own questions are stored in a JSON column of the record they belong to

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = ("organisations", "strategic_plans", "activities", "pops", "learning_goals")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("extra", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("extra")
