"""a funding tip is shown at most once per interview

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interview_states") as batch:
        batch.add_column(sa.Column("funding_tip_shown", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("interview_states") as batch:
        batch.drop_column("funding_tip_shown")
