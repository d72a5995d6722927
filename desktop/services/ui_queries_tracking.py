"""Small reads the tracking grid needs that the tracking services do not offer (yet)."""

from __future__ import annotations

from sqlalchemy import select

from desktop.services.database import Database
from desktop.store import models as m


def tracking_id_of(db: Database, document_id: int, organisation_id: int) -> int | None:
    """The id of the document's tracking row for this organisation (None when it has none)."""
    t = m.Tracking
    with db.read() as s:
        return s.scalar(select(t.id).where(t.document_id == document_id,
                                           t.organisation_id == organisation_id))
