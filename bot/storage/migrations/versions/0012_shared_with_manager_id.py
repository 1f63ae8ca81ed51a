"""a POP is shared with a named manager (issue 29, item 5)

Sharing was a flag: when the token named another manager, that manager saw the POP at once. Now the POP keeps the
id of the manager it was shared with; existing shares keep the manager the person has now.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pops") as batch:
        batch.add_column(sa.Column("shared_with_manager_id", sa.String(128), nullable=True))
    op.execute("UPDATE pops SET shared_with_manager_id = (SELECT manager_id FROM persons "
               "WHERE persons.id = pops.person_id) WHERE shared_with_manager = TRUE")


def downgrade() -> None:
    with op.batch_alter_table("pops") as batch:
        batch.drop_column("shared_with_manager_id")
