"""The editable vocabularies (organisation kinds, document types) and facts about the database.

Read-only for now: the settings page lists them. Editing comes with the registers issue.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.services.database import Database
from desktop.store import models as m


@dataclass(frozen=True, slots=True)
class VocabItem:
    """One entry of an editable list."""

    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class DatabaseInfo:
    """Where the data lives and what it holds, for the settings page."""

    location: str
    dialect: str
    revision: str | None
    organisations: int
    documents: int

    @property
    def is_empty(self) -> bool:
        return self.organisations == 0 and self.documents == 0


def org_kinds(db: Database) -> list[VocabItem]:
    stmt = select(m.OrgKind.id, m.OrgKind.code, m.OrgKind.name).order_by(
        m.OrgKind.sort_order, m.OrgKind.id
    )
    with db.read() as s:
        return [VocabItem(*row) for row in s.execute(stmt)]


def document_types(db: Database) -> list[VocabItem]:
    stmt = select(m.DocumentType.id, m.DocumentType.code, m.DocumentType.name).order_by(
        m.DocumentType.sort_order, m.DocumentType.id
    )
    with db.read() as s:
        return [VocabItem(*row) for row in s.execute(stmt)]


def is_empty(db: Database) -> bool:
    """True when there is neither an organisation nor a document (a first run)."""
    with db.read() as s:
        has_doc = s.scalar(select(m.Document.id).limit(1)) is not None
        has_org = has_doc or s.scalar(select(m.Organisation.id).limit(1)) is not None
    return not (has_doc or has_org)


def database_info(db: Database) -> DatabaseInfo:
    from desktop.store.schema import current_revision

    with db.read() as s:
        orgs = int(s.scalar(select(func.count()).select_from(m.Organisation)) or 0)
        docs = int(s.scalar(select(func.count()).select_from(m.Document)) or 0)
    return DatabaseInfo(db.location, db.dialect, current_revision(db.engine), orgs, docs)
