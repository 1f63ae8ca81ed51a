"""agreements of the POP-gesprek per learning goal, with both confirmations and their history

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("pop_id", sa.Integer(), sa.ForeignKey("pops.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("goal_text", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("activity", sa.Text()),
        sa.Column("period", sa.Text()),
        sa.Column("cost_cents", sa.Integer()),
        sa.Column("payer", sa.String(length=20)),
        sa.Column("recorded_by", sa.String(length=128), nullable=False),
        sa.Column("manager_confirmed_at", sa.DateTime()),
        sa.Column("employee_confirmed_at", sa.DateTime()),
        sa.UniqueConstraint("pop_id", "position"),
    )
    op.create_index("ix_agreements_pop_id", "agreements", ["pop_id"])
    op.create_table(
        "agreement_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("agreement_id", sa.Integer(), sa.ForeignKey("agreements.id", ondelete="CASCADE"), nullable=False),
        sa.Column("person_id", sa.String(length=128), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_agreement_log_agreement_id", "agreement_log", ["agreement_id"])


def downgrade() -> None:
    op.drop_index("ix_agreement_log_agreement_id", "agreement_log")
    op.drop_table("agreement_log")
    op.drop_index("ix_agreements_pop_id", "agreements")
    op.drop_table("agreements")
