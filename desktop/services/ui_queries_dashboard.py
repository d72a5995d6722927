"""Small reads for the dashboard's filters that the dashboard service does not answer.

- :func:`group_organisation_ids` — the organisations at a depth of the tree that belong to a
  "Nơi nhận" group (a group lists top-level organisations; deeper ones belong through their
  ``top_id``), so the lateness matrix can be narrowed to one group;
- :func:`document_years` — the years documents were issued in, newest first.
"""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.services.database import Database
from desktop.store import models as m

__all__ = ["document_years", "group_organisation_ids"]


def group_organisation_ids(db: Database, group_id: int, depth: int) -> frozenset[int]:
    """Ids of the organisations at ``depth`` whose top-level organisation is in the group."""
    o, gm = m.Organisation, m.OrgGroupMember
    members = select(gm.organisation_id).where(gm.group_id == group_id)
    with db.read() as s:
        ids = s.scalars(
            select(o.id).where(o.depth == depth,
                               (o.top_id.in_(members)) | (o.id.in_(members)))
        ).all()
    return frozenset(ids)


def document_years(db: Database) -> list[int]:
    """The years of issue present among the documents, newest first."""
    year = func.extract("year", m.Document.issue_date)
    with db.read() as s:
        values = s.scalars(select(year).distinct().where(m.Document.issue_date.is_not(None))).all()
    return sorted({int(v) for v in values}, reverse=True)
