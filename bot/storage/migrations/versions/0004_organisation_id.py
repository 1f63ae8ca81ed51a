"""organisations keyed on the intranet's id; names no longer matched fuzzily

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _key(name: str) -> str:
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name or "").strip().lower())
    return re.sub(r"[^\w]+", " ", text).strip()


def upgrade() -> None:
    with op.batch_alter_table("organisations") as batch:
        batch.add_column(sa.Column("external_id", sa.String(length=128), nullable=True))
        batch.create_unique_constraint("uq_organisations_external_id", ["external_id"])
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM organisations ORDER BY id")).fetchall()
    for org_id, _name in rows:  # first out of the way, so no new key meets an old one
        conn.execute(sa.text("UPDATE organisations SET name_key = :k WHERE id = :i"), {"k": f"tmp:{org_id}", "i": org_id})
    seen: set[str] = set()
    for org_id, name in rows:
        key = _key(name)[:200] or str(org_id)
        if key in seen:  # two organisations that the old fuzzy key had kept apart keep apart
            key = f"{key} ({org_id})"[:200]
        seen.add(key)
        conn.execute(sa.text("UPDATE organisations SET name_key = :k WHERE id = :i"), {"k": key, "i": org_id})


def downgrade() -> None:
    with op.batch_alter_table("organisations") as batch:
        batch.drop_constraint("uq_organisations_external_id", type_="unique")
        batch.drop_column("external_id")
