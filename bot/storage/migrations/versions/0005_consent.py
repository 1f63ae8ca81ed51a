"""consent: a POP is shared with the person's own manager, and with HR only when chosen

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("manager_id", sa.String(length=128), nullable=True))
    with op.batch_alter_table("pops") as batch:
        batch.add_column(sa.Column("shared_with_hr", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("pops") as batch:
        batch.drop_column("shared_with_hr")
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("manager_id")
