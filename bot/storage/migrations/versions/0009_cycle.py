"""the cycle: agreements answered question by question, planned activities from agreements, the evaluation

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agreements") as batch:
        batch.add_column(sa.Column("speerpunt_text", sa.Text()))
        batch.add_column(sa.Column("complete", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.alter_column("decision", existing_type=sa.String(length=20), nullable=True)
    with op.batch_alter_table("interview_states") as batch:
        batch.add_column(sa.Column("subject_id", sa.String(length=128)))
    with op.batch_alter_table("year_plans") as batch:
        batch.add_column(sa.Column("eval_policy_changes", sa.Text()))
        batch.add_column(sa.Column("eval_works_council", sa.String(length=20)))
        batch.add_column(sa.Column("eval_carry_over", sa.Boolean()))
    with op.batch_alter_table("activities") as batch:
        batch.add_column(sa.Column("agreement_id", sa.Integer()))
        batch.add_column(sa.Column("carried_from_id", sa.Integer()))
        batch.add_column(sa.Column("eval_status", sa.String(length=20)))
        batch.add_column(sa.Column("eval_cost_cents", sa.Integer()))
        batch.add_column(sa.Column("eval_effect", sa.Text()))
        batch.create_foreign_key("fk_activities_agreement", "agreements", ["agreement_id"], ["id"],
                                 ondelete="CASCADE")
        batch.create_foreign_key("fk_activities_carried_from", "activities", ["carried_from_id"], ["id"],
                                 ondelete="SET NULL")
        batch.create_index("ix_activities_agreement_id", ["agreement_id"])


def downgrade() -> None:
    with op.batch_alter_table("activities") as batch:
        batch.drop_index("ix_activities_agreement_id")
        batch.drop_constraint("fk_activities_carried_from", type_="foreignkey")
        batch.drop_constraint("fk_activities_agreement", type_="foreignkey")
        for name in ("eval_effect", "eval_cost_cents", "eval_status", "carried_from_id", "agreement_id"):
            batch.drop_column(name)
    with op.batch_alter_table("year_plans") as batch:
        for name in ("eval_carry_over", "eval_works_council", "eval_policy_changes"):
            batch.drop_column(name)
    with op.batch_alter_table("interview_states") as batch:
        batch.drop_column("subject_id")
    with op.batch_alter_table("agreements") as batch:
        batch.alter_column("decision", existing_type=sa.String(length=20), nullable=False)
        batch.drop_column("complete")
        batch.drop_column("speerpunt_text")
