"""deletion register: who was deleted (a hash of the id) and when, to delete them again after a restore

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deletion_register",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("person_hash", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_deletion_register_person_hash", "deletion_register", ["person_hash"])


def downgrade() -> None:
    op.drop_index("ix_deletion_register_person_hash", "deletion_register")
    op.drop_table("deletion_register")
