"""What the tracking service tests share: a dump of the tracking tables and the audit count."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from desktop.services.database import Database
from desktop.store import models as m

_SKIP = {"version", "created_at", "updated_at"}


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every business column of the tracking tables (versions and timestamps aside)."""
    out = {}
    with db.read() as s:
        for model in (m.Tracking, m.TrackingReport, m.Reminder):
            table = model.__table__
            cols = [c for c in table.c if c.name not in _SKIP]
            out[table.name] = [tuple(r) for r in s.execute(select(*cols).order_by(table.c.id))]
    return out


def audit_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.AuditEntry)) or 0)
