"""an agreement's planned activity holds planning data, not POP text (issue 29, item 1)

Activities made from agreements of a POP-gesprek copied the employee's name ("Voor wie") and her learning goal
("Doel en inhoud") into the organisation's yearly plan, which every manager and HR adviser can download. They
now name the team; this removes the copies that exist. A copy carried to next year by an evaluation no longer
points at the agreement (only the activity of the agreement's own year does).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT a.id, m.display_name, m.id AS manager_id FROM activities a "
        "JOIN agreements g ON g.id = a.agreement_id JOIN pops p ON p.id = g.pop_id "
        "JOIN persons e ON e.id = p.person_id LEFT JOIN persons m ON m.id = e.manager_id")).all()
    for activity_id, manager_name, manager_id in rows:
        label = f"Team van {manager_name or manager_id}" if manager_id else "Een team"
        conn.execute(sa.text("UPDATE activities SET target_group = :t, goal = '' WHERE id = :i"),
                     {"t": label, "i": activity_id})
    carried = conn.execute(sa.text("SELECT a.id, a.carried_from_id FROM activities a "
                                   "WHERE a.carried_from_id IS NOT NULL AND a.agreement_id IS NOT NULL")).all()
    for activity_id, _ in carried:
        conn.execute(sa.text("UPDATE activities SET agreement_id = NULL, target_group = COALESCE(("
                             "SELECT o.target_group FROM activities o WHERE o.id = activities.carried_from_id), "
                             "target_group), goal = '' WHERE id = :i"), {"i": activity_id})


def downgrade() -> None:
    pass  # the removed personal texts are not brought back
