"""a share with a manager ends when the person's manager changes (issue 43, L7): shares left over from before

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a POP still marked as shared with a manager who is no longer the person's manager: that consent has ended
    op.execute("""
        UPDATE pops SET shared_with_manager = false
        WHERE shared_with_manager = true AND (
            shared_with_manager_id IS NULL OR NOT EXISTS (
                SELECT 1 FROM persons WHERE persons.id = pops.person_id
                AND persons.manager_id = pops.shared_with_manager_id))
    """)


def downgrade() -> None:
    pass  # an ended consent is not given again
