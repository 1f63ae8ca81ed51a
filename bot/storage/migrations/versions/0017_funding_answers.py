"""the funding questions run in the interview engine: their answers are kept with the person's interview state

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interview_states") as batch:
        batch.add_column(sa.Column("answers", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interview_states") as batch:
        batch.drop_column("answers")
