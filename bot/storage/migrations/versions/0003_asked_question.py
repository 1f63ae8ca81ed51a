"""the question the person saw, and an answer waiting for "is this your answer?"

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interview_states") as batch:
        batch.add_column(sa.Column("asked_question", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("unsure_text", sa.Text(), nullable=True))
        batch.add_column(sa.Column("unsure_request", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interview_states") as batch:
        batch.drop_column("unsure_request")
        batch.drop_column("unsure_text")
        batch.drop_column("asked_question")
