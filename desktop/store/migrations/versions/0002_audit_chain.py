"""Audit log: hash chain (seq, prev_hash, row_hash) and append-only triggers.

Existing rows are sealed in id order before the triggers are installed, so a database upgraded
from 0001 verifies from its first row.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.store import audit_chain

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("row_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_audit_log_seq"), ["seq"], unique=True)
        batch_op.create_index(
            "ix_audit_unsealed",
            ["id"],
            unique=False,
            sqlite_where=sa.text("row_hash IS NULL"),
            postgresql_where=sa.text("row_hash IS NULL"),
        )
    conn = op.get_bind()
    audit_chain.seal(conn)
    audit_chain.install_triggers(conn)


def downgrade() -> None:
    conn = op.get_bind()
    audit_chain.drop_triggers(conn)
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_unsealed")
        batch_op.drop_index(batch_op.f("ix_audit_log_seq"))
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
