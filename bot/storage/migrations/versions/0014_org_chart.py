"""the organisation chart from the HR system (issue 32, item 3)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "org_chart",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("organisation_key", sa.String(length=128), nullable=False),
        sa.Column("person_id", sa.String(length=128), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("team", sa.String(length=200)),
        sa.Column("manager_id", sa.String(length=128)),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("organisation_key", "person_id", name="uq_org_chart_person"),
    )
    op.create_index("ix_org_chart_person_id", "org_chart", ["person_id"])
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("manager_from", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("manager_from")
    op.drop_table("org_chart")
