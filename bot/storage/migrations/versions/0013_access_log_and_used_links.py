"""who saw a POP when, and download links that open once (issue 29, items 2 and 3)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pop_access_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("owner_id", sa.String(length=128), sa.ForeignKey("persons.id", ondelete="CASCADE"), nullable=False),
        sa.Column("viewer_id", sa.String(length=128), nullable=False),
        sa.Column("viewer_name", sa.Text()),
        sa.Column("viewer_role", sa.String(length=20)),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_pop_access_log_owner_id", "pop_access_log", ["owner_id"])
    op.create_table(
        "used_links",
        sa.Column("link_id", sa.String(length=64), primary_key=True),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_used_links_expires_at", "used_links", ["expires_at"])


def downgrade() -> None:
    op.drop_table("used_links")
    op.drop_table("pop_access_log")
