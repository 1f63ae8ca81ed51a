"""a value read from a sentence waits for "klopt dat?"; a correction names its item; the last change can be undone

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interview_states") as batch:
        batch.add_column(sa.Column("proposal", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("pending_item", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("last_change", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interview_states") as batch:
        batch.drop_column("last_change")
        batch.drop_column("pending_item")
        batch.drop_column("proposal")
